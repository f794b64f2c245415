// The staffing forecast page (issue 4, /staffing/forecast): the region or a municipality, all professions or one,
// the base case beside the scenarios whose levers the viewer sets (kept in the address), key figures, charts and
// tables over the years, the municipalities, every assumption next to the result, the exports, and for the regional
// admin the stored assumptions. Loaded on demand with its charts (statistics-routes.tsx).
import { Alert, Grid, Paper, Select, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../../../platform/web/api/api-client.ts';
import { ErrorAlert, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { RequirePermission } from '../../../../platform/web/components/require-permission.tsx';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import { useNamespaceT } from '../../../../platform/web/i18n/namespace-t.ts';
import { DownloadButtons } from '../../web/download-buttons.tsx';
import { periodsQuery } from '../../web/reporting-api.ts';
import { useLang } from '../../web/reporting-format.ts';
import type { ForecastDto, ForecastLeversDto, ScenarioKey } from '../forecast.contracts.ts';
import type { forecastSv } from './forecast.sv.ts';
import { forecastExportUrl, forecastQuery, forecastSettingsQuery } from './forecast-api.ts';
import { ForecastCharts } from './forecast-charts.tsx';
import { chartRows, pickProfession, scenarioSentences } from './forecast-data.ts';
import { ForecastAssumptions, ForecastFigures, ForecastNotes } from './forecast-figures.tsx';
import { ForecastLevers } from './forecast-levers.tsx';
import {
  DEFAULT_SCENARIO,
  type ForecastSearch,
  forecastParams,
  hasLevers,
  LEVER_KEYS,
  withoutLevers,
} from './forecast-search.ts';
import { ForecastSettingsButton } from './forecast-settings.tsx';
import { MunicipalityTable, YearTable } from './forecast-tables.tsx';
import { SpecialistSupplyTable } from './specialist-supply-table.tsx';

const route = getRouteApi('/signed-in/staffing/forecast');

/** The route's component, loaded when the forecast is first opened. */
export function ForecastRoute() {
  const search = route.useSearch();
  return (
    <RequirePermission permission="staffing:read_statistics">
      <ForecastPage search={search} />
    </RequirePermission>
  );
}

const REGION = 'region';

/** Which forecast the API is asked for (the period, the area and the levers). */
function viewKey(search: ForecastSearch): string {
  return JSON.stringify(forecastParams(search));
}

/** The supply side's context: inhabitants 20–64 from the first to the last year, and the change in percent. */
function workingAgeSummary(series: ForecastDto['workingAge'], language: 'sv' | 'en') {
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last || first.value <= 0 || series.length < 2) return null;
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const change = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return {
    from: first.year,
    to: last.year,
    first: whole.format(first.value),
    last: whole.format(last.value),
    change: change.format(((last.value - first.value) / first.value) * 100),
  };
}

/** The region in the interface language, or the municipality's name. */
function scopeName(dto: ForecastDto, regionName: string): string {
  return dto.scope.kind === 'region' ? regionName : dto.scope.name;
}
const ALL = 'all';

export function ForecastPage({ search }: { search: ForecastSearch }) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const navigate = useNavigate({ from: '/staffing/forecast' });
  const params = forecastParams(search);
  const forecast = useQuery({ ...forecastQuery(params), placeholderData: keepPreviousData });
  const settings = useQuery(forecastSettingsQuery());
  const periods = useQuery(periodsQuery());
  // The view a lever change asked for: the live region speaks once its forecast has come (not the one kept meanwhile).
  const [announceFor, setAnnounceFor] = useState<string | null>(null);

  const setSearch = (changes: Partial<ForecastSearch>, replace = false) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes }), replace });
  const changeLevers = (changes: Partial<ForecastLeversDto>) => {
    setAnnounceFor(viewKey({ ...search, ...changes }));
    setSearch(changes, true);
  };

  const dto = forecast.data;
  const heading = dto ? ft('heading', { name: scopeName(dto, ft('regionName')) }) : ft('title');
  const actions = <RouterAnchor to="/staffing/region-reports">{ft('regionReport')}</RouterAnchor>;
  // Another municipality's forecast is refused (403) or, as any other municipality's object, not found (404).
  const forbidden =
    forecast.error instanceof ApiError &&
    (forecast.error.status === 403 || (forecast.error.status === 404 && search.municipalityId !== undefined));

  return (
    <Page title={heading} actions={actions}>
      <Text>{ft('intro')}</Text>
      {dto ? (
        <ForecastSelection
          dto={dto}
          search={search}
          periods={periods.data ?? []}
          onChange={(changes) => setSearch(changes)}
        />
      ) : null}
      {forecast.isPending ? <Loading /> : null}
      {forecast.isError ? (
        <>
          <ErrorAlert
            error={forbidden ? new ApiError(403, 'forbidden', ft('forbidden')) : forecast.error}
            onRetry={forbidden ? undefined : () => void forecast.refetch()}
          />
          {search.municipalityId ? (
            <RouterAnchor to="/staffing/forecast" search={{ ...search, municipalityId: undefined }}>
              {ft('backToRegion')}
            </RouterAnchor>
          ) : null}
        </>
      ) : null}
      {dto && !forecast.isError ? (
        dto.period === null ? (
          <Alert color="blue">{ft('empty')}</Alert>
        ) : (
          <ForecastResult
            dto={dto}
            search={search}
            updating={forecast.isFetching}
            announce={
              announceFor !== null &&
              announceFor === viewKey(search) &&
              !forecast.isPlaceholderData &&
              !forecast.isFetching
            }
            onAnnounced={() => setAnnounceFor(null)}
            onLevers={changeLevers}
            onReset={() => {
              setAnnounceFor(viewKey(withoutLevers(search)));
              void navigate({ search: (previous) => withoutLevers(previous), replace: true });
            }}
            onScenario={(scenario) =>
              setSearch({ scenario: scenario === DEFAULT_SCENARIO ? undefined : scenario }, true)
            }
            edit={settings.data?.canEdit ? <ForecastSettingsButton settings={settings.data} /> : null}
          />
        )
      ) : null}
    </Page>
  );
}

type ForecastSelectionProps = {
  dto: ForecastDto;
  search: ForecastSearch;
  periods: readonly { id: string; label: string; statusCounts: { approved: number } }[];
  onChange: (changes: Partial<ForecastSearch>) => void;
};

/** Period (those with approved reports), region or an openable municipality, all professions or one. */
function ForecastSelection({ dto, search, periods, onChange }: ForecastSelectionProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const language = useLang();
  const periodOptions = periods
    .filter((p) => p.statusCounts.approved > 0)
    .map((p) => ({ value: p.id, label: p.label }));
  if (dto.period && !periodOptions.some((p) => p.value === dto.period?.id)) {
    periodOptions.unshift({ value: dto.period.id, label: dto.period.label });
  }
  const scopes = [
    { value: REGION, label: ft('selection.region') },
    // Those with a forecast to open: the viewer may, and an approved report feeds it (and the one shown).
    ...dto.municipalities
      .filter((m) => m.canOpen && (m.included || m.municipalityId === search.municipalityId))
      .map((m) => ({ value: m.municipalityId, label: m.name })),
  ];
  const professions = [
    { value: ALL, label: ft('selection.allProfessions') },
    ...dto.professions.map((p) => ({ value: p.key, label: p.label[language] })),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={ft('selection.label')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label={ft('selection.period')}
          allowDeselect={false}
          data={periodOptions}
          value={dto.period?.id ?? null}
          onChange={(periodId) => {
            if (periodId) onChange({ periodId });
          }}
        />
        <Select
          label={ft('selection.scope')}
          allowDeselect={false}
          data={scopes}
          value={search.municipalityId ?? REGION}
          onChange={(value) => onChange({ municipalityId: value && value !== REGION ? value : undefined })}
        />
        <Select
          label={ft('selection.profession')}
          allowDeselect={false}
          data={professions}
          value={professions.some((p) => p.value === search.profession) ? (search.profession ?? ALL) : ALL}
          onChange={(value) => onChange({ profession: value && value !== ALL ? value : undefined })}
        />
      </SimpleGrid>
    </Paper>
  );
}

type ForecastResultProps = {
  dto: ForecastDto;
  search: ForecastSearch;
  updating: boolean;
  /** The forecast of a changed lever has come: the live region reads it. */
  announce: boolean;
  onAnnounced: () => void;
  onLevers: (changes: Partial<ForecastLeversDto>) => void;
  onReset: () => void;
  onScenario: (scenario: ScenarioKey) => void;
  edit: React.ReactNode;
};

function ForecastResult(props: ForecastResultProps) {
  const { dto, search, updating, announce, onAnnounced, onLevers, onReset, onScenario, edit } = props;
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const language = useLang();
  const chartsId = useId();
  const municipalitiesId = useId();
  const profession = dto.professions.some((p) => p.key === search.profession) ? search.profession : undefined;
  const professionLabel = (key: string) => dto.professions.find((p) => p.key === key)?.label[language] ?? key;
  const professionName = profession ? professionLabel(profession) : ft('selection.allProfessions');
  const scenario =
    dto.scenarios.find((s) => s.key === (search.scenario ?? DEFAULT_SCENARIO)) ?? dto.scenarios.at(-1) ?? undefined;
  const scenarioLabel = scenario?.label[language] ?? '';
  const base = pickProfession(dto.base, profession);
  const scenarioForecast = scenario ? pickProfession(scenario.result, profession) : null;
  const levers = Object.fromEntries(
    LEVER_KEYS.map((key) => [key, search[key] ?? dto.levers[key]]),
  ) as ForecastLeversDto;
  const lastYear = dto.base.baseYear + dto.base.horizonYears;
  const workingAge = workingAgeSummary(dto.workingAge, language);
  const exportParams = { ...forecastParams(search), periodId: dto.period?.id };

  return (
    <>
      <Text>
        {ft('selection.summary', {
          scope: scopeName(dto, ft('regionName')),
          profession: professionName,
          period: dto.period?.label ?? '',
          baseYear: dto.base.baseYear,
          from: dto.base.baseYear + 1,
          to: lastYear,
        })}
      </Text>
      <ForecastLevers
        values={levers}
        onChange={onLevers}
        canReset={hasLevers(search)}
        onReset={onReset}
        updating={updating}
      />
      <LeverAnnouncer dto={dto} profession={profession} announce={announce} onAnnounced={onAnnounced} />
      {workingAge ? <Text>{ft('workingAge', workingAge)}</Text> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <ForecastFigures dto={dto} profession={profession} professionName={professionName} />
            <ForecastNotes dto={dto} profession={profession} professionLabel={professionLabel} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ForecastAssumptions dto={dto} scenario={scenario} scenarioLabel={scenarioLabel} edit={edit} />
        </Grid.Col>
      </Grid>
      <DownloadButtons
        what={ft('export.what')}
        help={ft('export.help')}
        href={(format) => forecastExportUrl(exportParams, format)}
      />
      {base ? (
        <Stack component="section" aria-labelledby={chartsId} gap="md">
          <Title order={2} id={chartsId}>
            {ft('charts.title')}
          </Title>
          <Select
            label={ft('charts.scenario')}
            allowDeselect={false}
            maw={420}
            data={dto.scenarios.map((s) => ({ value: s.key, label: s.label[language] }))}
            value={scenario?.key ?? null}
            onChange={(value) => {
              const next = dto.scenarios.find((s) => s.key === value);
              if (next) onScenario(next.key);
            }}
          />
          <ForecastCharts
            rows={chartRows(dto.base.baseYear, base, scenarioForecast)}
            professionName={professionName}
            scenarioLabel={scenarioLabel}
          />
          <YearTable
            forecast={base}
            baseYear={dto.base.baseYear}
            caption={ft('years.caption', { profession: professionName, scenario: ft('figures.base') })}
          />
          {scenarioForecast ? (
            <YearTable
              forecast={scenarioForecast}
              baseYear={dto.base.baseYear}
              caption={ft('years.caption', { profession: professionName, scenario: scenarioLabel })}
            />
          ) : null}
        </Stack>
      ) : null}
      {dto.specialistSupply ? (
        <SpecialistSupplyTable
          supply={dto.specialistSupply}
          language={language}
          professionName={(key) => dto.professions.find((p) => p.key === key)?.label[language] ?? key}
        />
      ) : null}
      {dto.scope.kind === 'region' ? (
        <Stack component="section" aria-labelledby={municipalitiesId} gap="sm">
          <Title order={2} id={municipalitiesId}>
            {ft('municipalities.title')}
          </Title>
          <MunicipalityTable dto={dto} search={search} />
        </Stack>
      ) : null}
    </>
  );
}

type LeverAnnouncerProps = {
  dto: ForecastDto;
  profession: string | undefined;
  announce: boolean;
  onAnnounced: () => void;
};

/** A polite live region: once the forecast of a changed lever has come, it reads the scenarios' sentences. */
function LeverAnnouncer({ dto, profession, announce, onAnnounced }: LeverAnnouncerProps) {
  const ft = useNamespaceT<typeof forecastSv>('staffingForecast');
  const language = useLang();
  const [text, setText] = useState('');
  const sentences = scenarioSentences(ft, dto, profession, language)
    .sentences.map((s) => s.text)
    .join(' ');
  useEffect(() => {
    if (!announce) return;
    setText(ft('levers.announce', { sentences }));
    onAnnounced();
  }, [announce, onAnnounced, sentences, ft]);
  return (
    <VisuallyHidden role="status" aria-live="polite" data-testid="forecast-announcement">
      {text}
    </VisuallyHidden>
  );
}
