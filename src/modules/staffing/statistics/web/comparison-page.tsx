// /staffing/comparison: the municipalities side by side for a period and profession, as a sortable table (with the
// chosen columns, downloadable) or as a heat map against the region's median, and how each key ratio is calculated.
import { Stack, Tabs } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ErrorAlert, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { RATIOS, type RatioKey } from '../../staffing-measures.ts';
import { DownloadButtons } from '../../web/download-buttons.tsx';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { comparisonExportUrl, comparisonQuery } from '../../web/statistics-api.ts';
import { columnsFromSearch, columnsToSearch } from './comparison-columns.ts';
import { ComparisonMap } from './comparison-map.tsx';
import { ComparisonView } from './comparison-view.tsx';
import { HeatMap } from './heat-map.tsx';
import {
  ALL_PROFESSIONS,
  NoSelection,
  professionName,
  StatisticsFilters,
  useSignedInSelection,
} from './statistics-filters.tsx';
import { RatioFormulas, SuppressionNote } from './statistics-notes.tsx';

export type ComparisonSearch = {
  periodId?: string;
  profession?: string;
  view?: 'heatmap' | 'map';
  /** The key ratio the map shows (the first when absent). */
  ratio?: RatioKey;
  /** The chosen columns, comma-separated ("none" for none); the default set when absent. */
  columns?: string;
};

export function ComparisonPage({ search }: { search: ComparisonSearch }) {
  const st = useStatisticsT();
  const navigate = useNavigate({ from: '/staffing/comparison' });
  const { periods, config, selection, professions } = useSignedInSelection(search);
  const comparison = useQuery({
    ...comparisonQuery('signed-in', selection ?? { periodId: '', profession: ALL_PROFESSIONS }),
    enabled: selection !== null,
    placeholderData: keepPreviousData,
  });
  const columnKeys = useMemo(() => columnsFromSearch(search.columns), [search.columns]);

  const setSearch = (changes: Partial<ComparisonSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const title = st('title');
  if (periods.isPending || periods.isError || !selection) return <NoSelection title={title} periods={periods} />;

  const dto = comparison.data;
  const profession = professionName(professions, dto?.profession ?? selection.profession, st('filters.allProfessions'));
  const tableLabel = dto ? st('table.label', { period: dto.period.label, profession }) : '';

  return (
    <Page title={title}>
      <StatisticsFilters
        periods={periods.data}
        professions={professions}
        value={selection}
        onChange={(changes) => void setSearch(changes)}
      />
      {config.isError ? <ErrorAlert error={config.error} onRetry={() => void config.refetch()} /> : null}
      {comparison.isPending ? <Loading /> : null}
      {comparison.isError ? <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} /> : null}
      {dto ? (
        <Tabs
          value={search.view ?? 'table'}
          onChange={(view) => void setSearch({ view: view === 'heatmap' || view === 'map' ? view : undefined })}
          keepMounted={false}
        >
          <Tabs.List aria-label={st('views.label')} mb="md">
            <Tabs.Tab value="table">{st('views.table')}</Tabs.Tab>
            <Tabs.Tab value="heatmap">{st('views.heatMap')}</Tabs.Tab>
            <Tabs.Tab value="map">{st('views.map')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="table">
            <ComparisonView
              dto={dto}
              source="signed-in"
              label={tableLabel}
              columnKeys={columnKeys}
              onColumnsChange={(keys) => void setSearch({ columns: columnsToSearch(keys) })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="heatmap">
            <Stack gap="md">
              <DownloadButtons
                href={(format) =>
                  comparisonExportUrl(
                    'signed-in',
                    { periodId: dto.period.id, profession: dto.profession },
                    format,
                    RATIOS,
                  )
                }
                help={st('heatMap.downloadHelp')}
              />
              <HeatMap
                dto={dto}
                label={st('heatMap.label', { period: dto.period.label, profession })}
                withProfileLinks
              />
              <SuppressionNote
                minCount={dto.minCount}
                unsuppressedFor={dto.unsuppressedFor}
                publication={dto.publication}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="map">
            <ComparisonMap
              dto={dto}
              profession={profession}
              ratio={search.ratio ?? RATIOS[0]}
              onRatioChange={(ratio) => void setSearch({ ratio })}
            />
          </Tabs.Panel>
        </Tabs>
      ) : null}
      <RatioFormulas />
    </Page>
  );
}
