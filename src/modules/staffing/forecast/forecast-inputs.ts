// The forecast's inputs per state of the data: every municipality's approved facts and population projection as the
// engine's input, and the region's inputs from the period's publication only (published-inputs.ts), read once per
// state and cached (the key moves with the staffing revision, the period's revision, the publications, the
// organisations, the projections, the settings and the specialist supply's source).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/server/db.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { loadAllProjections } from '../population/population.service.ts';
import { findPeriod } from '../reporting/periods.service.ts';
import { staffingPeriod, staffingReport } from '../staffing.table.ts';
import { loadConfig, PublicationCache, type StaffingDeps } from '../staffing-config.service.ts';
import type { Fact } from '../staffing-measures.ts';
import { loadPeriodFacts } from '../statistics/period-facts.ts';
import { latestPublication } from '../statistics/publications.service.ts';
import type { ForecastSettingsInput } from './forecast.contracts.ts';
import type { ForecastInput, PopulationYear, ProfessionStaff } from './forecast-model.ts';
import { populationFromFacts, staffFromFacts } from './forecast-scenarios.ts';
import { baseParameters, loadSettings } from './forecast-settings.service.ts';
import { publishedForecastFacts } from './published-inputs.ts';
import { specialistSupplySource } from './specialist-supply.ts';

/** The forecast's deps: the staffing deps and a cache of its own, so forecasts never push comparisons out. */
export type ForecastDeps = StaffingDeps & { forecasts?: { inputs: PublicationCache; answers: PublicationCache } };

export type MunicipalityInput = {
  municipalityId: string;
  name: string;
  /** The engine's input; null when the municipality has no approved report in the period. */
  input: ForecastInput | null;
  populationSource: 'projection' | 'report' | 'none';
  projectionYears: number;
};

export type Inputs = {
  period: { id: string; label: string; referenceDate: string } | null;
  settings: ForecastSettingsInput;
  professions: { key: string; label: { sv: string; en: string } }[];
  municipalities: MunicipalityInput[];
  /** The region's forecast inputs: the period's publication only (published-inputs.ts), so it hides what it hides. */
  region: MunicipalityInput[];
  /** Where the publication's pattern made the region's inputs estimates. */
  regionNotesSv: string[];
  /** What the inputs depend on; part of every cache key built on them. */
  stateKey: string;
};

/**
 * The period a forecast shows unless one is chosen: the latest closed period with approved reports (a finished
 * reporting round, where every municipality has had its say), else the latest period with any approved report.
 */
export async function defaultPeriod(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: staffingPeriod.id })
    .from(staffingPeriod)
    .where(sql`exists (select 1 from staffing_publication where staffing_publication.period_id = ${staffingPeriod.id})`)
    .orderBy(desc(staffingPeriod.closed), desc(staffingPeriod.referenceDate))
    .limit(1);
  return row?.id ?? null;
}

/** What the forecast's inputs and answers depend on. */
export type ForecastState = {
  /** Everything the inputs depend on (part of every cache key built on them). */
  key: string;
  periodExists: boolean;
  /** The specialist supply source's version (the answers depend on it, the inputs do not). */
  supplyVersion: string;
};

/**
 * The state of the data a forecast depends on, as a key. Read through the read cache (decision 002): this server
 * clears it before answering any change, so it never serves a forecast older than its own changes; another server
 * may for at most CACHE_SECONDS. A cached answer then costs no query at all.
 */
export function stateOf(deps: StaffingDeps, periodId: string | null): Promise<ForecastState> {
  return deps.cache.remember(`forecast:state:${periodId}`, async () => {
    const supplyVersion = (await specialistSupplySource()?.version(deps.db)) ?? 'none';
    const [state] = (
      (await deps.db.execute(
        sql`select (select revision from staffing_revision where id = 1) as revision,
          (select revision from staffing_period where id = ${periodId}) as period,
          (select count(*) from staffing_publication where period_id = ${periodId}) as published,
          (select max(updated_at)::text from organisation) as organisations,
          (select count(*)::text || '/' || coalesce(max(updated_at)::text, '') from population_projection) as population,
          (select updated_at::text from staffing_forecast_settings where id = 1) as settings`,
      )) as unknown as { rows: Record<string, string | number | null>[] }
    ).rows;
    const key = [
      periodId,
      state?.revision,
      state?.period,
      state?.published,
      state?.organisations,
      state?.population,
      state?.settings,
    ];
    return {
      key: key.join('|'),
      periodExists: state?.period !== null && state?.period !== undefined,
      supplyVersion,
    };
  });
}

/** Answers as JSON per state, scope, levers and reach: many, each small to make again. */
export function cacheOf(deps: ForecastDeps): PublicationCache {
  return deps.forecasts?.answers ?? deps.publications ?? new PublicationCache();
}

/** The inputs and prepared forecasts per state of the data: few, and kept apart so answers never push them out. */
export function inputsCacheOf(deps: ForecastDeps): PublicationCache {
  return deps.forecasts?.inputs ?? deps.publications ?? new PublicationCache();
}

export async function loadInputs(deps: ForecastDeps, periodId: string | null): Promise<Inputs> {
  const state = await stateOf(deps, periodId);
  // An unknown period: 404, from the period's own lookup.
  if (periodId && !state.periodExists) await findPeriod(deps.db, periodId);
  const stateKey = state.key;
  return inputsCacheOf(deps).remember(`forecast:inputs:${stateKey}`, async () => {
    const config = await loadConfig(deps);
    const { settings } = await loadSettings(deps.db);
    const professions = config.professions
      .filter((p) => p.active)
      .sort((a, b) => a.sort - b.sort)
      .map((p) => ({ key: p.key, label: { sv: p.name, en: p.nameEn } }));
    const list = await deps.db
      .select({ id: organisation.id, name: organisation.name })
      .from(organisation)
      .where(and(eq(organisation.kind, 'municipality'), eq(organisation.active, true)))
      .orderBy(asc(organisation.name));
    if (!periodId) {
      return {
        period: null,
        settings,
        professions,
        municipalities: list.map((m) => ({
          municipalityId: m.id,
          name: m.name,
          input: null,
          populationSource: 'none' as const,
          projectionYears: 0,
        })),
        region: [],
        regionNotesSv: [],
        stateKey,
      };
    }
    const period = await findPeriod(deps.db, periodId);
    const baseYear = Number(period.referenceDate.slice(0, 4));
    const approved = new Set(
      (
        await deps.db
          .select({ id: staffingReport.municipalityId })
          .from(staffingReport)
          .where(and(eq(staffingReport.periodId, periodId), eq(staffingReport.status, 'approved')))
      ).map((r) => r.id),
    );
    const facts = await loadPeriodFacts(
      deps.db,
      periodId,
      list.filter((m) => approved.has(m.id)).map((m) => m.id),
      FORECAST_MEASURES,
    );
    const projections = await loadAllProjections(deps.db);
    const horizon = settings.horizonYears;
    const inputOf = (m: { id: string; name: string }, own: Fact[] | undefined): MunicipalityInput => {
      if (!own) {
        return { municipalityId: m.id, name: m.name, input: null, populationSource: 'none', projectionYears: 0 };
      }
      const projection = projections.get(m.id) ?? new Map<number, PopulationYear>();
      const fromProjection = projection.get(baseYear);
      const fromReport = populationFromFacts(own, baseYear);
      const base = fromProjection ?? fromReport;
      const later = [...projection.values()].filter((p) => p.year > baseYear && p.year <= baseYear + horizon);
      const professionsStaff: ProfessionStaff[] = staffFromFacts(config, own);
      const hasReportPopulation = fromReport.age0_64 + fromReport.age65_79 + fromReport.age80plus > 0;
      return {
        municipalityId: m.id,
        name: m.name,
        input: {
          baseYear,
          horizonYears: horizon,
          professions: professionsStaff,
          population: [base, ...later],
          parameters: baseParameters(settings),
        },
        // A projection that starts after the base year still drives the demand: its source is the projection.
        populationSource: fromProjection || later.length > 0 ? 'projection' : hasReportPopulation ? 'report' : 'none',
        projectionYears: later.length,
      };
    };
    const sorted = list.slice().sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const municipalities = sorted.map((m) => inputOf(m, approved.has(m.id) ? facts.get(m.id) : undefined));
    const stored = await latestPublication(deps.db, periodId);
    const published = stored
      ? publishedForecastFacts(config, {
          ids: stored.municipalities.map((m) => m.id),
          values: new Map(Object.entries(stored.cellValues)),
          hidden: new Set(stored.hidden),
        })
      : null;
    return {
      period: { id: period.id, label: period.label, referenceDate: period.referenceDate },
      settings,
      professions,
      municipalities,
      region: sorted.map((m) => inputOf(m, published?.facts.get(m.id))),
      regionNotesSv: published
        ? published.notesSv
        : ['Perioden är inte publicerad ännu: regionens prognos visas när den är det.'],
      stateKey,
    };
  });
}

/** The measures the engine reads (staffFromFacts, populationFromFacts). */
const FORECAST_MEASURES = [
  'headcount',
  'contracted_fte',
  'fulltime_headcount',
  'age_headcount',
  'specialist_headcount',
  'inhabitants',
  'inhabitants_65_79',
  'inhabitants_80_plus',
] as const;
