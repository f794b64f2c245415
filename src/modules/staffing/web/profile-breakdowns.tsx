// The municipality's breakdowns beside the region's (age structure, specialties, competences, absence): counts and
// shares in a table, and the shares as a bar chart, so municipalities of different sizes can be compared.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../platform/web/components/data-table.tsx';
import { type Cell, type ConfigItemDto, type ProfileDto, SUPPRESSED } from '../staffing.contracts.ts';
import { MEASURE_BY_KEY } from '../staffing-measures.ts';
import { ProfileChart } from './profile-chart.tsx';
import { useLang } from './reporting-format.ts';
import { measureLabel, NOT_REPORTED, useCellFormat } from './statistics-format.ts';

/** What each breakdown's shares are shares of: persons of the headcount, absence FTE of the contracted FTE. */
const DENOMINATOR: Record<string, string> = {
  age_headcount: 'headcount',
  specialty_headcount: 'headcount',
  competence_headcount: 'headcount',
  absence_headcount: 'headcount',
  absence_fte: 'contracted_fte',
};

/** A share of a whole: ".." when either part is suppressed, null when either is missing or the whole is zero. */
export function shareOf(part: Cell | undefined, whole: Cell | undefined): Cell {
  if (part === SUPPRESSED || whole === SUPPRESSED) return SUPPRESSED;
  if (typeof part !== 'number' || typeof whole !== 'number' || whole === 0) return null;
  return part / whole;
}

type ProfileBreakdownsProps = {
  profile: ProfileDto;
  items: readonly ConfigItemDto[];
  professionId: string | null;
};

export function ProfileBreakdowns({ profile, items, professionId }: ProfileBreakdownsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const breakdowns = profile.breakdowns.filter((b) => b.items.length > 0);
  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {t('staffingStatistics.profile.breakdownsTitle')}
      </Title>
      {breakdowns.length === 0 ? <Text>{t('staffingStatistics.profile.noBreakdowns')}</Text> : null}
      {breakdowns.map((breakdown) => (
        <Breakdown
          key={breakdown.measure}
          profile={profile}
          breakdown={breakdown}
          items={items}
          professionId={professionId}
        />
      ))}
    </Stack>
  );
}

type BreakdownProps = {
  profile: ProfileDto;
  breakdown: ProfileDto['breakdowns'][number];
  items: readonly ConfigItemDto[];
  professionId: string | null;
};

function Breakdown({ profile, breakdown, items, professionId }: BreakdownProps) {
  const { t } = useTranslation();
  const language = useLang();
  const format = useCellFormat();
  const measure = MEASURE_BY_KEY.get(breakdown.measure);
  const kind = measure?.kind ?? 'persons';
  const title = measureLabel(breakdown.measure, language);
  const name = profile.municipality.name;
  const denominatorKey = DENOMINATOR[breakdown.measure];
  const sum = (cells: (Cell | undefined)[]): Cell =>
    cells.some((c) => c === SUPPRESSED)
      ? SUPPRESSED
      : cells.every((c) => typeof c === 'number')
        ? (cells as number[]).reduce((a, b) => a + b, 0)
        : null;
  const municipalityWhole = denominatorKey
    ? profile.values[denominatorKey]
    : sum(breakdown.items.map((i) => i.municipality));
  const regionWhole = denominatorKey
    ? profile.regionTotalValues[denominatorKey]
    : sum(breakdown.items.map((i) => i.regionTotal));
  const itemName = (key: string) => {
    const matching = items.filter((i) => i.key === key && i.kind === measure?.breakdown);
    const item = matching.find((i) => i.professionId === professionId) ?? matching[0];
    return item ? (language === 'en' ? item.nameEn : item.name) : key;
  };
  const rows = breakdown.items.map((item) => ({
    key: item.key,
    name: itemName(item.key),
    municipality: item.municipality,
    municipalityShare: shareOf(item.municipality, municipalityWhole),
    regionTotal: item.regionTotal,
    regionShare: shareOf(item.regionTotal, regionWhole),
  }));
  const percentText = (cell: Cell) =>
    cell === SUPPRESSED ? SUPPRESSED : cell === null ? NOT_REPORTED : format.percent(cell);
  const denominator = denominatorKey ? measureLabel(denominatorKey, language).toLowerCase() : '';

  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      <ProfileChart
        type="bar"
        caption={
          denominator
            ? t('staffingStatistics.profile.breakdownChartOf', { measure: title, name, denominator })
            : t('staffingStatistics.profile.breakdownChart', { measure: title, name })
        }
        name={name}
        rows={rows.map((row) => ({
          label: row.name,
          municipality: row.municipalityShare,
          regionTotal: row.regionShare,
        }))}
        withMedian={false}
        percent
        height={Math.max(160, rows.length * 56)}
        labelWidth={170}
        table={
          <DataTable label={t('staffingStatistics.profile.breakdownTable', { measure: title, name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffingStatistics.profile.item')}</Table.Th>
                <Table.Th ta="right">{t('staffingStatistics.profile.municipalityCount', { name })}</Table.Th>
                <Table.Th ta="right">{t('staffingStatistics.profile.municipalityShare', { name })}</Table.Th>
                <Table.Th ta="right">{t('staffingStatistics.profile.regionCount')}</Table.Th>
                <Table.Th ta="right">{t('staffingStatistics.profile.regionShare')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={600}>
                    {row.name}
                  </Table.Th>
                  <Table.Td ta="right">{format.measure(kind, row.municipality)}</Table.Td>
                  <Table.Td ta="right">{percentText(row.municipalityShare)}</Table.Td>
                  <Table.Td ta="right">{format.measure(kind, row.regionTotal)}</Table.Td>
                  <Table.Td ta="right">{percentText(row.regionShare)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        }
      />
    </Stack>
  );
}
