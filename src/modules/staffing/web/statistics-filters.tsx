// The choice of period and profession above the statistics ("Alla yrken" or one profession).
import { Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfessionDto } from '../staffing.contracts.ts';
import type { Language } from './statistics-format.ts';

/** The profession choice for all professions together, as the API names it. */
export const ALL_PROFESSIONS = 'all';

export type Option = { value: string; label: string };

export type StatisticsSelection = { periodId: string; profession: string };

type StatisticsFiltersProps = {
  periods: readonly Option[];
  professions: readonly Option[];
  value: StatisticsSelection;
  onChange: (changes: Partial<StatisticsSelection>) => void;
};

export function StatisticsFilters({ periods, professions, value, onChange }: StatisticsFiltersProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={t('staffingStatistics.filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={640}>
        <Select
          label={t('staffingStatistics.filters.period')}
          allowDeselect={false}
          data={[...periods]}
          value={value.periodId}
          onChange={(periodId) => {
            if (periodId) onChange({ periodId });
          }}
        />
        <Select
          label={t('staffingStatistics.filters.profession')}
          allowDeselect={false}
          data={[{ value: ALL_PROFESSIONS, label: t('staffingStatistics.filters.allProfessions') }, ...professions]}
          value={value.profession}
          onChange={(profession) => onChange({ profession: profession ?? ALL_PROFESSIONS })}
        />
      </SimpleGrid>
    </Paper>
  );
}

/** The active professions in their configured order, named in the interface language. */
export function professionOptions(professions: readonly ProfessionDto[], language: Language): Option[] {
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
