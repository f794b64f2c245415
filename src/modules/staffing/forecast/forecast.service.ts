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
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorize, authorizeObject } from '../../../platform/server/actor.ts';
import { NotFoundError } from '../../../platform/server/errors.ts';
import { KeptAnswer } from '../../../platform/server/kept-answer.ts';
import { type Actor, can } from '../../../platform/server/policy.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import type {
  ForecastDto,
  ForecastLeversDto,
  ForecastQuery,
  ForecastResultDto,
  ForecastSettingsInput,
  ScenarioDto,
} from './forecast.contracts.ts';
import {
  compareScenario,
  type PreparedForecast,
  prepareForecast,
  runForecast,
  sumPreparedForecasts,
} from './forecast.ts';
import {
  cacheOf,
  defaultPeriod,
  type ForecastDeps,
  type Inputs,
  inputsCacheOf,
  loadInputs,
  type MunicipalityInput,
  stateOf,
} from './forecast-inputs.ts';
import type { ForecastResult, PopulationYear } from './forecast-model.ts';
import { scenarioPlans } from './scenario-plans.ts';
import { specialistSupplySource } from './specialist-supply.ts';
import { specialistSupplyLine } from './specialist-supply-line.ts';

export type { ForecastDeps } from './forecast-inputs.ts';

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
  return { actor, periodId, inputs, scope, levers: leversOf(query, inputs.settings) };
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

/**
 * The forecast as the route sends it (JSON bytes with a validator and compressed forms, decision 041), kept per state
 * of the data, scope, viewer's reach and levers.
 */
export async function getForecastAnswer(
  deps: ForecastDeps,
  ctx: SignedInContext,
  query: ForecastQuery,
): Promise<KeptAnswer> {
  const { actor, periodId, inputs, scope, levers } = await resolve(deps, ctx, query);
  // The answer differs between viewers only in which municipalities they may open: all of them (the region's
  // staff), or the few listed in full (a key per exact set, so two viewers share an answer only if they may).
  const reachable = inputs.municipalities.filter((m) => mayOpen(actor, m.municipalityId));
  const reach =
    reachable.length === inputs.municipalities.length
      ? `all:${reachable.length}`
      : reachable.map((m) => m.municipalityId).join(',');
  // Read in the same cached state as the inputs' key (stateOf): no query on a cached answer.
  const { supplyVersion } = await stateOf(deps, periodId);
  const key = [
    inputs.stateKey,
    supplyVersion,
    scope.kind === 'region' ? 'region' : scope.municipalityId,
    levers.extraHoursPerWeek,
    levers.retirementDelayYears,
    levers.staffingRatioChangePercent,
    levers.absenceReductionPercent,
    levers.turnoverReductionPercent,
    reach,
  ].join(':');
  return cacheOf(deps).remember(`forecast:answer:${key}`, async () =>
    KeptAnswer.json(await buildForecast(deps, inputs, scope, levers, actor)),
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
