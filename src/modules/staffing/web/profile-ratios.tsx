// The municipality's key ratios beside the region's total and median: a table, and bar charts of the same values
// (shares in one, the ratios per inhabitants and patients in another, since their scales differ).
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import type { ProfileDto } from '../staffing.contracts.ts';
import { RATIO_DEFS, type RatioDef } from '../staffing-measures.ts';
import { ChartFigure, SERIES_COLOURS } from './profile-chart-figure.tsx';
import { cellNumber, useCellFormat, useLanguage } from './statistics-format.ts';

export function ProfileRatios({ profile }: { profile: ProfileDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useCellFormat();
  const headingId = useId();
  const name = profile.municipality.name;

  const chart = (defs: readonly RatioDef[], caption: string, percent: boolean) => {
    const scale = percent ? 100 : 1;
    const value = (cell: ProfileDto['ratios'][keyof ProfileDto['ratios']]) => {
      const n = cellNumber(cell);
      return n === null ? null : n * scale;
    };
    const data = defs.map((def) => ({
      ratio: def.label[language],
      municipality: value(profile.ratios[def.key]),
      regionTotal: value(profile.regionTotal[def.key]),
      regionMedian: value(profile.regionMedian[def.key]),
    }));
    const hasGaps = data.some((d) => d.municipality === null || d.regionTotal === null || d.regionMedian === null);
    return (
      <ChartFigure
        caption={caption}
        hasGaps={hasGaps}
        chart={
          <BarChart
            h={Math.max(180, defs.length * 72)}
            data={data}
            dataKey="ratio"
            orientation="vertical"
            yAxisProps={{ width: 190 }}
            valueFormatter={(v) => (percent ? format.percent(v / 100) : format.number(v))}
            withLegend
            accessibilityLayer={false}
            textColor="gray.8"
            series={[
              { name: 'municipality', label: name, color: SERIES_COLOURS.municipality },
              {
                name: 'regionTotal',
                label: t('staffingStatistics.profile.regionTotal'),
                color: SERIES_COLOURS.regionTotal,
              },
              {
                name: 'regionMedian',
                label: t('staffingStatistics.profile.regionMedian'),
                color: SERIES_COLOURS.regionMedian,
              },
            ]}
          />
        }
      />
    );
  };

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {t('staffingStatistics.profile.ratiosTitle')}
      </Title>
      <DataTable label={t('staffingStatistics.profile.ratiosTable', { name })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffingStatistics.profile.ratio')}</Table.Th>
            <Table.Th ta="right">{name}</Table.Th>
            <Table.Th ta="right">{t('staffingStatistics.profile.regionTotal')}</Table.Th>
            <Table.Th ta="right">{t('staffingStatistics.profile.regionMedian')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {RATIO_DEFS.map((def) => (
            <Table.Tr key={def.key}>
              <Table.Th scope="row" fw={600}>
                {def.label[language]}
              </Table.Th>
              <Table.Td ta="right">{format.ratio(def.key, profile.ratios[def.key])}</Table.Td>
              <Table.Td ta="right">{format.ratio(def.key, profile.regionTotal[def.key])}</Table.Td>
              <Table.Td ta="right">{format.ratio(def.key, profile.regionMedian[def.key])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        {chart(
          RATIO_DEFS.filter((d) => d.unit === 'percent'),
          t('staffingStatistics.profile.percentChart'),
          true,
        )}
        {chart(
          RATIO_DEFS.filter((d) => d.unit === 'number'),
          t('staffingStatistics.profile.numberChart'),
          false,
        )}
      </SimpleGrid>
    </Stack>
  );
}
