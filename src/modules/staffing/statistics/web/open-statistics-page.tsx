// /oppen-statistik: the open statistics, without sign-in — the comparison of approved reports with every small count
// suppressed, the choice of period and profession, the downloads, how the key ratios are calculated, and a way in.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../../../platform/web/components/feedback.tsx';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { comparisonQuery, publicPeriodsQuery, publicProfessionsQuery } from '../../web/statistics-api.ts';
import { columnsFromSearch, columnsToSearch } from './comparison-columns.ts';
import type { ComparisonSearch } from './comparison-page.tsx';
import { ComparisonView } from './comparison-view.tsx';
import { ALL_PROFESSIONS, professionName, StatisticsFilters } from './statistics-filters.tsx';
import { RatioFormulas } from './statistics-notes.tsx';

export type OpenStatisticsSearch = Omit<ComparisonSearch, 'view'>;

export function OpenStatisticsPage({ search }: { search: OpenStatisticsSearch }) {
  const { t } = useTranslation();
  const st = useStatisticsT();
  const language = useLang();
  const navigate = useNavigate({ from: '/oppen-statistik' });
  useDocumentTitle(t('common.pageTitle', { title: st('open.title') }));
  const periods = useQuery(publicPeriodsQuery());
  // The newest closed round, not one in progress (which shows only the few reports approved so far).
  const periodId = search.periodId ?? (periods.data?.find((p) => p.closed) ?? periods.data?.[0])?.id;
  const selection = periodId ? { periodId, profession: search.profession ?? ALL_PROFESSIONS } : null;
  const comparison = useQuery({
    ...comparisonQuery('public', selection ?? { periodId: '', profession: ALL_PROFESSIONS }),
    enabled: selection !== null,
    placeholderData: keepPreviousData,
  });
  const professionList = useQuery(publicProfessionsQuery());
  const professions = useMemo(
    () => (professionList.data ?? []).map((p) => ({ value: p.key, label: language === 'en' ? p.nameEn : p.name })),
    [professionList.data, language],
  );
  const columnKeys = useMemo(() => columnsFromSearch(search.columns), [search.columns]);
  const setSearch = (changes: Partial<OpenStatisticsSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const dto = comparison.data;
  const profession = professionName(
    professions,
    dto?.profession ?? selection?.profession ?? ALL_PROFESSIONS,
    st('filters.allProfessions'),
  );

  return (
    <Stack gap="lg">
      <Title order={1}>{st('open.title')}</Title>
      <Text>{st('open.intro')}</Text>
      {periods.isPending ? <Loading /> : null}
      {periods.isError ? <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} /> : null}
      {periods.data && !selection ? (
        <Alert color="blue" role="status">
          {st('open.none')}
        </Alert>
      ) : null}
      {periods.data && selection ? (
        <>
          <StatisticsFilters
            periods={periods.data}
            professions={professions}
            value={selection}
            onChange={(changes) => void setSearch(changes)}
          />
          {comparison.isPending ? <Loading /> : null}
          {comparison.isError ? (
            <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />
          ) : null}
          {dto ? (
            <ComparisonView
              dto={dto}
              source="public"
              label={st('table.label', { period: dto.period.label, profession })}
              columnKeys={columnKeys}
              onColumnsChange={(keys) => void setSearch({ columns: columnsToSearch(keys) })}
            />
          ) : null}
          <RatioFormulas />
        </>
      ) : null}
      <Stack gap={4}>
        <Text>{st('open.signInHelp')}</Text>
        <RouterAnchor to="/login" fw={600}>
          {st('open.signIn')}
        </RouterAnchor>
      </Stack>
    </Stack>
  );
}
