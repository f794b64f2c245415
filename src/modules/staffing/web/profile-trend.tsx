// One key ratio over the periods: the municipality against the region's total and median, as a line chart and a
// table of the same values.
import { LineChart } from '@mantine/charts';
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import type { ProfileDto } from '../staffing.contracts.ts';
import { RATIO_BY_KEY, RATIO_DEFS, RATIOS, type RatioKey } from '../staffing-measures.ts';
import { ChartFigure, SERIES_COLOURS } from './profile-chart-figure.tsx';
import { cellNumber, ratioLabel, useCellFormat, useLanguage } from './statistics-format.ts';

type ProfileTrendProps = {
  profile: ProfileDto;
  /** The periods' ids from the oldest to the newest, to draw the trend in time order. */
  periodOrder: readonly string[];
  ratio: RatioKey;
  onRatioChange: (ratio: RatioKey) => void;
};

export function ProfileTrend({ profile, periodOrder, ratio, onRatioChange }: ProfileTrendProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useCellFormat();
  const headingId = useId();
  const name = profile.municipality.name;
  const percent = RATIO_BY_KEY.get(ratio)?.unit === 'percent';
  const scale = percent ? 100 : 1;
  const position = (periodId: string) => {
    const index = periodOrder.indexOf(periodId);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const trend = [...profile.trend].sort((a, b) => position(a.periodId) - position(b.periodId));
  const scaled = (cell: ProfileDto['ratios'][RatioKey]) => {
    const n = cellNumber(cell);
    return n === null ? null : n * scale;
  };
  const data = trend.map((point) => ({
    period: point.label,
    municipality: scaled(point.ratios[ratio]),
    regionTotal: scaled(point.regionTotal[ratio]),
    regionMedian: scaled(point.regionMedian[ratio]),
  }));
  const hasGaps = data.some((d) => d.municipality === null || d.regionTotal === null || d.regionMedian === null);
  const label = ratioLabel(ratio, language);

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {t('staffingStatistics.profile.trendTitle')}
      </Title>
      <Select
        label={t('staffingStatistics.profile.trendRatio')}
        allowDeselect={false}
        maw={420}
        data={RATIO_DEFS.map((def) => ({ value: def.key, label: def.label[language] }))}
        value={ratio}
        onChange={(value) => {
          const next = RATIOS.find((r) => r === value);
          if (next) onRatioChange(next);
        }}
      />
      {trend.length < 2 ? <Text>{t('staffingStatistics.profile.noTrend')}</Text> : null}
      <ChartFigure
        caption={t('staffingStatistics.profile.trendTable', { ratio: label, name })}
        hasGaps={hasGaps}
        chart={
          <LineChart
            h={280}
            data={data}
            dataKey="period"
            valueFormatter={(v) => (percent ? format.percent(v / 100) : format.number(v))}
            withLegend
            accessibilityLayer={false}
            connectNulls={false}
            textColor="gray.8"
            series={[
              { name: 'municipality', label: name, color: SERIES_COLOURS.municipality },
              {
                name: 'regionTotal',
                label: t('staffingStatistics.profile.regionTotal'),
                color: SERIES_COLOURS.regionTotal,
                strokeDasharray: '6 4',
              },
              {
                name: 'regionMedian',
                label: t('staffingStatistics.profile.regionMedian'),
                color: SERIES_COLOURS.regionMedian,
                strokeDasharray: '2 3',
              },
            ]}
          />
        }
        table={
          <DataTable label={t('staffingStatistics.profile.trendTable', { ratio: label, name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffingStatistics.profile.period')}</Table.Th>
                <Table.Th ta="right">{name}</Table.Th>
                <Table.Th ta="right">{t('staffingStatistics.profile.regionTotal')}</Table.Th>
                <Table.Th ta="right">{t('staffingStatistics.profile.regionMedian')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.map((point) => (
                <Table.Tr key={point.periodId}>
                  <Table.Th scope="row" fw={600}>
                    {point.label}
                  </Table.Th>
                  <Table.Td ta="right">{format.ratio(ratio, point.ratios[ratio])}</Table.Td>
                  <Table.Td ta="right">{format.ratio(ratio, point.regionTotal[ratio])}</Table.Td>
                  <Table.Td ta="right">{format.ratio(ratio, point.regionMedian[ratio])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        }
      />
    </Stack>
  );
}
