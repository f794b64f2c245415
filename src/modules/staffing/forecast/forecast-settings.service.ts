// The region's forecast settings (assumptions and default levers): read, saved by the regional admin, and turned
// into the engine's parameters of the base case.
import { eq } from 'drizzle-orm';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorize } from '../../../platform/server/actor.ts';
import { audit } from '../../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../../platform/server/db.ts';
import { can } from '../../../platform/server/policy.ts';
import { staffingForecastSettings } from '../forecast.table.ts';
import type { StaffingDeps } from '../staffing-config.service.ts';
import {
  DEFAULT_FORECAST_SETTINGS,
  type ForecastSettingsDto,
  type ForecastSettingsInput,
  forecastSettingsSchema,
} from './forecast.contracts.ts';
import type { DemandBasis, ForecastParameters } from './forecast-model.ts';

export async function loadSettings(db: Db): Promise<{ settings: ForecastSettingsInput; updatedAt: string | null }> {
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
