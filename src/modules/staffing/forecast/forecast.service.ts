// The staffing forecast as the users see it (issue 4, decision 009): the latest approved report of every municipality
// in a period and its population projection fed into the pure engine (forecast.ts), with the region's stored
// assumptions and the viewer's scenario levers.
//
// Who sees what. The region's forecast (every included municipality summed) is for everyone who reads the staffing
// statistics. A municipality's own forecast derives from its age bands (the retirements of a year are a band's
// count), so it is shown only to those who see that municipality's figures unsuppressed: the regional admin for all,
// a municipality's report readers for their own.
//
// Speed. The engine's inputs (facts and projections of every municipality) are read once per state of the data and
// cached (the key moves with the staffing revision, the period's revision, the organisations, the projections and the
// settings); each municipality's base case too. An answer is cached as JSON per scope and levers.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorize, authorizeObject } from '../../../platform/server/actor.ts';
import { audit } from '../../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../../platform/server/db.ts';
import { NotFoundError } from '../../../platform/server/errors.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { type Actor, can } from '../../../platform/server/policy.ts';
import { staffingForecastSettings } from '../forecast.table.ts';
import { loadAllProjections } from '../population/population.service.ts';
import { findPeriod } from '../reporting/periods.service.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import { staffingPeriod, staffingReport } from '../staffing.table.ts';
import { loadConfig, PublicationCache, type StaffingDeps } from '../staffing-config.service.ts';
import type { Fact } from '../staffing-measures.ts';
import { loadPeriodFacts } from '../statistics/period-facts.ts';
import { latestPublication } from '../statistics/publications.service.ts';
import {
  DEFAULT_FORECAST_SETTINGS,
  type ForecastDto,
  type ForecastLeversDto,
  type ForecastQuery,
  type ForecastResultDto,
  type ForecastSettingsDto,
  type ForecastSettingsInput,
  forecastSettingsSchema,
  type ScenarioDto,
  type ScenarioKey,
} from './forecast.contracts.ts';
import {
  compareScenario,
  type ForecastLevers,
  type PreparedForecast,
  prepareForecast,
  runForecast,
  sumPreparedForecasts,
} from './forecast.ts';
import { formatSv } from './forecast-assumptions.ts';
import type {
  DemandBasis,
  ForecastInput,
  ForecastParameters,
  ForecastResult,
  PopulationYear,
  ProfessionStaff,
} from './forecast-model.ts';
import { populationFromFacts, staffFromFacts } from './forecast-scenarios.ts';
import { publishedForecastFacts } from './published-inputs.ts';
import { specialistSupplySource } from './specialist-supply.ts';
import { specialistSupplyLine } from './specialist-supply-line.ts';

/** The forecast's deps: the staffing deps and a cache of its own, so forecasts never push comparisons out. */
export type ForecastDeps = StaffingDeps & { forecasts?: { inputs: PublicationCache; answers: PublicationCache } };

// ---- settings ----------------------------------------------------------------------------------------------------

async function loadSettings(db: Db): Promise<{ settings: ForecastSettingsInput; updatedAt: string | null }> {
  const [row] = await db.select().from(staffingForecastSettings).where(eq(staffingForecastSettings.id, 1));
  if (!row) return { settings: DEFAULT_FORECAST_SETTINGS, updatedAt: null };
  // A document written by an older version may lack a newer field: the defaults fill it in.
  const parsed = forecastSettingsSchema.safeParse({
    ...DEFAULT_FORECAST_SETTINGS,
    ...(row.settings as object),
    levers: { ...DEFAULT_FORECAST_SETTINGS.levers, ...((row.settings as { levers?: object }).levers ?? {}) },
  });
  return {
    settings: parsed.success ? parsed.data : DEFAULT_FORECAST_SETTINGS,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getForecastSettings(deps: StaffingDeps, ctx: SignedInContext): Promise<ForecastSettingsDto> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  const { settings, updatedAt } = await loadSettings(deps.db);
  return { ...settings, updatedAt, canEdit: can(actor, 'staffing:configure') };
}

/** The regional admin changes the region's assumptions and default levers (the body is checked by the route). */
export async function saveForecastSettings(
  deps: StaffingDeps,
  ctx: SignedInContext,
  input: ForecastSettingsInput,
): Promise<ForecastSettingsDto> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:configure');
  await inTransaction(deps.db, async (tx) => {
    const now = new Date();
    await tx
      .insert(staffingForecastSettings)
      .values({ id: 1, settings: input, updatedBy: actor.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: staffingForecastSettings.id,
        set: { settings: input, updatedBy: actor.userId, updatedAt: now },
      });
    await audit(tx, ctx, {
      action: 'staffing_forecast_settings.update',
      entityType: 'staffing_forecast_settings',
      organisationId: actor.organisationId,
    });
  });
  return getForecastSettings(deps, ctx);
}

/** The engine's parameters of the base case from the stored settings. */
export function baseParameters(settings: ForecastSettingsInput): Partial<ForecastParameters> {
  const demandBasis: DemandBasis =
    settings.demandBasis.kind === '80+'
      ? '80+'
      : { weight65_79: settings.demandBasis.weight65_79, weight80plus: settings.demandBasis.weight80plus };
  return {
    retirementAge: settings.retirementAge,
    turnoverRate: settings.turnoverPercent / 100,
    demandBasis,
    fullTimeHoursPerWeek: settings.fullTimeHoursPerWeek,
  };
}

// ---- scenarios ----------------------------------------------------------------------------------------------------

type ScenarioPlan = { key: ScenarioKey; label: { sv: string; en: string }; parameters: ForecastLevers };

const YEARS_SV = ['', 'ett år', 'två år', 'tre år', 'fyra år', 'fem år'];
const YEARS_EN = ['', 'one year', 'two years', 'three years', 'four years', 'five years'];

/** The scenarios beside the base case for the levers: each lever alone, and all of them together. */
export function scenarioPlans(levers: ForecastLeversDto): ScenarioPlan[] {
  const hours = formatSv(levers.extraHoursPerWeek);
  const hoursEn = String(levers.extraHoursPerWeek);
  const delay = levers.retirementDelayYears;
  const ratio = levers.staffingRatioChangePercent;
  const ratioSv =
    ratio === 0
      ? 'Oförändrad personaltäthet'
      : `Nya arbetssätt: ${formatSv(Math.abs(ratio))} % ${ratio < 0 ? 'lägre' : 'högre'} personaltäthet`;
  const ratioEn =
    ratio === 0
      ? 'Unchanged staffing ratio'
      : `New ways of working: ${Math.abs(ratio)} % ${ratio < 0 ? 'lower' : 'higher'} staffing ratio`;
  const absence = levers.absenceReductionPercent;
  const turnover = levers.turnoverReductionPercent;
  const partTime = { extraHoursPerWeekForPartTime: levers.extraHoursPerWeek };
  const later = { retirementDelayYears: delay };
  const staffing = { staffingRatioChange: ratio / 100 };
  return [
    {
      key: 'part_time',
      label: {
        sv: `Deltidsanställda arbetar ${hours} ${levers.extraHoursPerWeek === 1 ? 'timme' : 'timmar'} mer i veckan`,
        en: `Part-time staff work ${hoursEn} more ${levers.extraHoursPerWeek === 1 ? 'hour' : 'hours'} a week`,
      },
      parameters: partTime,
    },
    {
      key: 'retire_later',
      label:
        delay === 0
          ? { sv: 'Pension vid samma ålder', en: 'Retirement at the same age' }
          : { sv: `Pension ${YEARS_SV[delay]} senare`, en: `Retirement ${YEARS_EN[delay]} later` },
      parameters: later,
    },
    { key: 'staffing_ratio', label: { sv: ratioSv, en: ratioEn }, parameters: staffing },
    {
      key: 'combined',
      label: { sv: 'Alla tre åtgärderna tillsammans', en: 'All three measures together' },
      parameters: { ...partTime, ...later, ...staffing },
    },
    {
      key: 'lower_absence',
      label: {
        sv: `Lägre frånvaro: ${formatSv(absence)} % av dagens frånvaro blir arbetad tid`,
        en: `Lower absence: ${absence} % of today's absence becomes working time`,
      },
      parameters: { absenceReduction: absence / 100 },
    },
    {
      key: 'lower_turnover',
      label: {
        sv: `Lägre personalomsättning: ${formatSv(turnover)} % färre slutar`,
        en: `Lower turnover: ${turnover} % fewer leave`,
      },
      parameters: { turnoverReduction: turnover / 100 },
    },
  ];
}

// ---- the inputs: facts and projections ---------------------------------------------------------------------------

type MunicipalityInput = {
  municipalityId: string;
  name: string;
  /** The engine's input; null when the municipality has no approved report in the period. */
  input: ForecastInput | null;
  populationSource: 'projection' | 'report' | 'none';
  projectionYears: number;
};

type Inputs = {
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
async function defaultPeriod(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: staffingPeriod.id })
    .from(staffingPeriod)
    .where(sql`exists (select 1 from staffing_publication where staffing_publication.period_id = ${staffingPeriod.id})`)
    .orderBy(desc(staffingPeriod.closed), desc(staffingPeriod.referenceDate))
    .limit(1);
  return row?.id ?? null;
}

/** A short key of everything the inputs depend on, read in one query. */
/**
 * The state of the data a forecast depends on, as a key. Read through the read cache (decision 002): this server
 * clears it before answering any change, so it never serves a forecast older than its own changes; another server
 * may for at most CACHE_SECONDS. A cached answer then costs no query at all.
 */
function stateOf(deps: StaffingDeps, periodId: string | null): Promise<{ key: string; periodExists: boolean }> {
  return deps.cache.remember(`forecast:state:${periodId}`, async () => {
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
    return { key: key.join('|'), periodExists: state?.period !== null && state?.period !== undefined };
  });
}

/** Answers as JSON per state, scope, levers and reach: many, each small to make again. */
function cacheOf(deps: ForecastDeps): PublicationCache {
  return deps.forecasts?.answers ?? deps.publications ?? new PublicationCache();
}

/** The inputs and prepared forecasts per state of the data: few, and kept apart so answers never push them out. */
function inputsCacheOf(deps: ForecastDeps): PublicationCache {
  return deps.forecasts?.inputs ?? deps.publications ?? new PublicationCache();
}

async function loadInputs(deps: ForecastDeps, periodId: string | null): Promise<Inputs> {
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

// ---- the forecast ---------------------------------------------------------------------------------------------------

/** A result without the engine's parameters (the settings and levers are in the answer already). */
function resultDto(r: ForecastResult): ForecastResultDto {
  return {
    baseYear: r.baseYear,
    horizonYears: r.horizonYears,
    professions: r.professions,
    total: r.total,
    assumptions: r.assumptions,
  };
}

type Prepared = {
  /** Each included municipality's forecast made ready for any levers. */
  byMunicipality: Map<string, PreparedForecast>;
  /** The region's parts, from the publication, made ready for any levers. */
  regionParts: PreparedForecast[];
  /** Each published municipality's base case from the publication (what a shared document may show of it). */
  publishedBases: Map<string, ForecastResult>;
  /** Each included municipality's base case. */
  bases: Map<string, ForecastResult>;
  /** The region's base case. */
  region: ForecastResult;
};

/** The prepared forecasts and base cases of every included municipality and the region, once per state of the data. */
function prepared(deps: ForecastDeps, inputs: Inputs): Promise<Prepared> {
  return inputsCacheOf(deps).remember(`forecast:prepared:${inputs.stateKey}`, async () => {
    const byMunicipality = new Map<string, PreparedForecast>();
    for (const m of inputs.municipalities) if (m.input) byMunicipality.set(m.municipalityId, prepareForecast(m.input));
    const bases = new Map([...byMunicipality].map(([id, p]) => [id, runForecast(p)] as const));
    const published = inputs.region.flatMap((m) =>
      m.input ? [[m.municipalityId, prepareForecast(m.input)] as const] : [],
    );
    const regionParts = published.map(([, part]) => part);
    const publishedBases = new Map(published.map(([id, part]) => [id, runForecast(part)] as const));
    return { byMunicipality, bases, regionParts, publishedBases, region: sumPreparedForecasts(regionParts) };
  });
}

/**
 * The inhabitants aged 20–64 of the chosen municipalities per year from the base year through the horizon (issue 20:
 * the supply side's context), summed over those whose projection has the group; a year a projection lacks repeats
 * its latest earlier year. Empty when none has it.
 */
function workingAgeOf(chosen: MunicipalityInput[], inputs: Inputs): { year: number; value: number }[] {
  const baseYear = chosen[0]?.input?.baseYear;
  if (baseYear === undefined) return [];
  const horizon = inputs.settings.horizonYears;
  const out: { year: number; value: number }[] = [];
  let any = false;
  for (let year = baseYear; year <= baseYear + horizon; year++) {
    let value = 0;
    for (const m of chosen) {
      const rows = (m.input?.population ?? []).filter((p) => p.year <= year && p.age20_64 !== undefined);
      const latest = rows.reduce<PopulationYear | null>((a, b) => (a && a.year > b.year ? a : b), null);
      if (latest?.age20_64 !== undefined) {
        value += latest.age20_64;
        any = true;
      }
    }
    out.push({ year, value });
  }
  return any ? out : [];
}

type Scope = { kind: 'region' } | { kind: 'municipality'; municipalityId: string };

/** Who may open a municipality's own forecast: those who see its figures unsuppressed (see the header). */
function mayOpen(actor: Actor | null, municipalityId: string): boolean {
  return actor === null || can(actor, 'staffing:read_report', { organisationId: municipalityId });
}

async function buildForecast(
  deps: ForecastDeps,
  inputs: Inputs,
  scope: Scope,
  levers: ForecastLeversDto,
  actor: Actor | null,
): Promise<ForecastDto> {
  const ready = await prepared(deps, inputs);
  const chosen =
    scope.kind === 'region'
      ? inputs.region.filter((m) => m.input)
      : inputs.municipalities.filter((m) => m.municipalityId === scope.municipalityId && m.input);
  const own = scope.kind === 'municipality' ? ready.byMunicipality.get(scope.municipalityId) : undefined;
  const empty = sumPreparedForecasts([]);
  const base = scope.kind === 'region' ? ready.region : (ready.bases.get(scope.municipalityId) ?? empty);
  const scenarios: ScenarioDto[] = scenarioPlans(levers).map((plan) => {
    const result =
      scope.kind === 'region'
        ? sumPreparedForecasts(ready.regionParts, plan.parameters)
        : own
          ? runForecast(own, plan.parameters)
          : empty;
    const over = (years: number) => (base.horizonYears >= years ? compareScenario(base, result, { years }) : null);
    return {
      key: plan.key,
      label: plan.label,
      result: resultDto(result),
      comparison5: chosen.length ? over(5) : null,
      comparison10: chosen.length ? over(10) : null,
      byProfession: base.professions.map((p) => ({
        key: p.key,
        comparison: compareScenario(base, result, { profession: p.key }),
      })),
    };
  });
  const scopeName =
    scope.kind === 'region'
      ? 'Regionen'
      : (inputs.municipalities.find((m) => m.municipalityId === scope.municipalityId)?.name ?? '');
  const notesSv: string[] = [];
  if (!inputs.period) notesSv.push('Det finns ingen godkänd rapport ännu, så det finns ingen prognos att visa.');
  const missing = inputs.region.filter((m) => !m.input);
  if (inputs.period && missing.length && scope.kind === 'region' && missing.length < inputs.region.length) {
    notesSv.push(
      `${missing.length === 1 ? 'En kommun ingår' : `${missing.length} kommuner ingår`} inte i periodens publicerade statistik: ${missing.map((m) => m.name).join(', ')}.`,
    );
  }
  if (scope.kind === 'region') notesSv.push(...inputs.regionNotesSv);
  const withoutProjection = chosen.filter((m) => m.projectionYears === 0);
  if (withoutProjection.length) {
    notesSv.push(
      `Utan befolkningsprognos (efterfrågan hålls på dagens nivå): ${withoutProjection.map((m) => m.name).join(', ')}.`,
    );
  }
  const workingAge = workingAgeOf(chosen, inputs);
  const source = specialistSupplySource();
  const specialistSupply =
    source && inputs.period
      ? await specialistSupplyLine(deps, source, {
          chosen: chosen.flatMap((m) =>
            m.input ? [{ municipalityId: m.municipalityId, staff: m.input.professions }] : [],
          ),
          baseYear: base.baseYear || Number(inputs.period.referenceDate.slice(0, 4)),
          horizonYears: inputs.settings.horizonYears,
          professions: inputs.professions,
          // The region sees counts with small ones hidden; a municipality's own forecast is for those who see it whole.
          suppressed: scope.kind === 'region',
        })
      : null;
  const noPopulation = chosen.filter((m) => m.populationSource === 'none');
  if (noPopulation.length) {
    notesSv.push(`Invånarantal saknas för basåret: ${noPopulation.map((m) => m.name).join(', ')}.`);
  }
  return {
    period: inputs.period,
    scope: {
      kind: scope.kind,
      municipalityId: scope.kind === 'municipality' ? scope.municipalityId : null,
      name: scopeName,
    },
    settings: inputs.settings,
    levers,
    workingAge,
    specialistSupply,
    professions: inputs.professions,
    municipalities: inputs.municipalities.map((m) => {
      const canOpen = mayOpen(actor, m.municipalityId);
      // A shared document (no viewer: the region report) shows each municipality as published; a viewer who may open
      // a municipality sees its live forecast.
      const own =
        actor === null
          ? ready.publishedBases.get(m.municipalityId)
          : canOpen
            ? ready.bases.get(m.municipalityId)
            : undefined;
      return {
        municipalityId: m.municipalityId,
        name: m.name,
        // In the region's figures: in the period's publication.
        included: inputs.region.some((r) => r.municipalityId === m.municipalityId && r.input !== null),
        populationSource: m.populationSource,
        projectionYears: m.projectionYears,
        canOpen: actor !== null && canOpen,
        need5: own?.total.cumulativeNeed5 ?? null,
        need10: own?.total.cumulativeNeed10 ?? null,
      };
    }),
    base: resultDto(base),
    scenarios,
    notesSv,
  };
}

function leversOf(query: ForecastQuery, settings: ForecastSettingsInput): ForecastLeversDto {
  return {
    extraHoursPerWeek: query.extraHoursPerWeek ?? settings.levers.extraHoursPerWeek,
    retirementDelayYears: query.retirementDelayYears ?? settings.levers.retirementDelayYears,
    staffingRatioChangePercent: query.staffingRatioChangePercent ?? settings.levers.staffingRatioChangePercent,
    absenceReductionPercent: query.absenceReductionPercent ?? settings.levers.absenceReductionPercent,
    turnoverReductionPercent: query.turnoverReductionPercent ?? settings.levers.turnoverReductionPercent,
  };
}

async function resolve(deps: ForecastDeps, ctx: SignedInContext, query: ForecastQuery) {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  const periodId =
    query.periodId ?? (await deps.cache.remember('forecast:default-period', () => defaultPeriod(deps.db)));
  const inputs = await loadInputs(deps, periodId);
  let scope: Scope = { kind: 'region' };
  if (query.municipalityId) {
    const municipalityId = query.municipalityId;
    if (!inputs.municipalities.some((m) => m.municipalityId === municipalityId)) {
      throw new NotFoundError(sm.municipalityNotFound());
    }
    authorizeObject(actor, 'staffing:read_report', {
      organisationId: municipalityId,
      organisationKind: 'municipality',
    });
    scope = { kind: 'municipality', municipalityId };
  }
  return { actor, inputs, scope, levers: leversOf(query, inputs.settings) };
}

/** The forecast for the viewer: the region or one municipality, the base case and the scenarios of the levers. */
export async function getForecast(
  deps: ForecastDeps,
  ctx: SignedInContext,
  query: ForecastQuery,
): Promise<ForecastDto> {
  const { actor, inputs, scope, levers } = await resolve(deps, ctx, query);
  return buildForecast(deps, inputs, scope, levers, actor);
}

/** The forecast as the JSON the route sends, cached per state of the data, scope, viewer's reach and levers. */
export async function getForecastJson(deps: ForecastDeps, ctx: SignedInContext, query: ForecastQuery): Promise<string> {
  const { actor, inputs, scope, levers } = await resolve(deps, ctx, query);
  // The answer differs between viewers only in which municipalities they may open.
  const reach = inputs.municipalities
    .filter((m) => mayOpen(actor, m.municipalityId))
    .map((m) => m.municipalityId.slice(0, 8))
    .join(',');
  const supplyVersion = (await specialistSupplySource()?.version(deps.db)) ?? 'none';
  const key = [
    inputs.stateKey,
    supplyVersion,
    scope.kind === 'region' ? 'region' : scope.municipalityId,
    levers.extraHoursPerWeek,
    levers.retirementDelayYears,
    levers.staffingRatioChangePercent,
    levers.absenceReductionPercent,
    levers.turnoverReductionPercent,
    reach.length > 200 ? `all:${inputs.municipalities.length}` : reach,
  ].join(':');
  return cacheOf(deps).remember(`forecast:json:${key}`, async () =>
    JSON.stringify(await buildForecast(deps, inputs, scope, levers, actor)),
  );
}

/**
 * The region's forecast for the region report (a shared document): the stored settings and levers, and every
 * municipality's cumulated need over 5 and 10 years (all professions together, which no age band reveals).
 */
export async function regionForecastForReport(deps: ForecastDeps, periodId: string): Promise<ForecastDto> {
  const inputs = await loadInputs(deps, periodId);
  return buildForecast(deps, inputs, { kind: 'region' }, inputs.settings.levers, null);
}
