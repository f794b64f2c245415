// The choice of period and profession above the statistics ("Alla yrken" or one profession), and how a signed-in
// page reads it from its address.
import { Alert, Paper, Select, SimpleGrid } from '@mantine/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorAlert, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import type { ProfessionDto } from '../../staffing.contracts.ts';
import type { Lang } from '../../staffing-labels.ts';
import { defaultPeriodId } from '../../web/default-period.ts';
import { periodsQuery, staffingConfigQuery } from '../../web/reporting-api.ts';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';

/** The profession choice for all professions together, as the API names it. */
export const ALL_PROFESSIONS = 'all';

export type Option = { value: string; label: string };

export type StatisticsSelection = { periodId: string; profession: string };

type StatisticsFiltersProps = {
  periods: readonly { id: string; label: string }[];
  professions: readonly Option[];
  value: StatisticsSelection;
  onChange: (changes: Partial<StatisticsSelection>) => void;
};

export function StatisticsFilters({ periods, professions, value, onChange }: StatisticsFiltersProps) {
  const st = useStatisticsT();
  return (
    <Paper withBorder p="md" component="section" aria-label={st('filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={640}>
        <Select
          label={st('filters.period')}
          allowDeselect={false}
          data={periods.map((p) => ({ value: p.id, label: p.label }))}
          value={value.periodId}
          onChange={(periodId) => {
            if (periodId) onChange({ periodId });
          }}
        />
        <Select
          label={st('filters.profession')}
          allowDeselect={false}
          data={[{ value: ALL_PROFESSIONS, label: st('filters.allProfessions') }, ...professions]}
          value={value.profession}
          onChange={(profession) => onChange({ profession: profession ?? ALL_PROFESSIONS })}
        />
      </SimpleGrid>
    </Paper>
  );
}

/** The active professions in their configured order, named in the interface language. */
export function professionOptions(professions: readonly ProfessionDto[], language: Lang): Option[] {
  return professions
    .filter((p) => p.active)
    .sort((a, b) => a.sort - b.sort)
    .map((p) => ({ value: p.key, label: language === 'en' ? p.nameEn : p.name }));
}

/** The name of the chosen profession, or "Alla yrken". */
export function professionName(options: readonly Option[], profession: string, allLabel: string): string {
  if (profession === ALL_PROFESSIONS) return allLabel;
  return options.find((o) => o.value === profession)?.label ?? profession;
}

/**
 * What a signed-in statistics page shows: the period and profession in its address, else the newest period with
 * reports and all professions; with the periods and professions to choose from.
 */
export function useSignedInSelection(search: Partial<StatisticsSelection>) {
  const language = useLang();
  const periods = useQuery(periodsQuery());
  const config = useQuery(staffingConfigQuery());
  const periodId = search.periodId ?? defaultPeriodId(periods.data ?? []);
  const selection: StatisticsSelection | null = periodId
    ? { periodId, profession: search.profession ?? ALL_PROFESSIONS }
    : null;
  const professions = useMemo(
    () => professionOptions(config.data?.professions ?? [], language),
    [config.data, language],
  );
  return { periods, config, selection, professions };
}

/** A signed-in statistics page without a selection yet: its periods loading or failing, or no period at all. */
export function NoSelection({ title, periods }: { title: string; periods: UseQueryResult<unknown> }) {
  const st = useStatisticsT();
  return (
    <Page title={title}>
      {periods.isPending ? (
        <Loading />
      ) : periods.isError ? (
        <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />
      ) : (
        <Alert color="blue">{st('noPeriods')}</Alert>
      )}
    </Page>
  );
}
