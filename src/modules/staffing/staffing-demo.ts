// The demo's staffing statistics: three annual periods of invented figures for the demo municipalities, placed
// relative to today, as varied as the pre-study found, each municipality evolving smoothly from one year to the next,
// with the current period in every workflow state; the population projections continue from the last closed year's
// reported population. Demo data only.
import { eq } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { ReadCache } from '../../platform/server/read-cache.ts';
import { type PopulationBase, populationBase, seedPopulationDemo } from './population/population-demo.ts';
import { staffingFact, staffingPeriod, staffingReport, staffingReportTransition } from './staffing.table.ts';
import { loadConfig } from './staffing-config.service.ts';
import { generateFacts } from './staffing-generator.ts';
import { demoPatternKey, publishDemoPeriod } from './statistics/demo-publications.ts';

/** Inhabitants (rounded, invented near the real order of size) and specialist level per demo municipality. */
const DEMO_PROFILES: Record<string, { inhabitants: number; specialistLevel: number }> = {
  Essunga: { inhabitants: 5_700, specialistLevel: 0.02 },
  Falköping: { inhabitants: 33_500, specialistLevel: 0.31 },
  Grästorp: { inhabitants: 5_800, specialistLevel: 0.12 },
  Gullspång: { inhabitants: 5_200, specialistLevel: 0.05 },
  Götene: { inhabitants: 13_200, specialistLevel: 0.22 },
  Hjo: { inhabitants: 9_300, specialistLevel: 0.44 },
  Karlsborg: { inhabitants: 6_900, specialistLevel: 0.09 },
  Lidköping: { inhabitants: 40_000, specialistLevel: 0.36 },
  Mariestad: { inhabitants: 24_500, specialistLevel: 0.27 },
  Skara: { inhabitants: 18_900, specialistLevel: 0.18 },
  Skövde: { inhabitants: 57_000, specialistLevel: 0.41 },
  Tibro: { inhabitants: 11_200, specialistLevel: 0.15 },
  Tidaholm: { inhabitants: 12_900, specialistLevel: 0.24 },
  Töreboda: { inhabitants: 9_200, specialistLevel: 0.07 },
  Vara: { inhabitants: 16_000, specialistLevel: 0.2 },
};

type Status = 'not_started' | 'draft' | 'submitted' | 'approved' | 'returned';
/** The current period's workflow, so every state can be tried in the demo. */
const CURRENT_STATUS: Record<string, Status> = {
  Essunga: 'not_started',
  Gullspång: 'not_started',
  Karlsborg: 'not_started',
  Skövde: 'draft',
  Tibro: 'returned',
  Falköping: 'approved',
  Lidköping: 'approved',
};

const DAY = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The demo's periods, placed relative to today so the demo never goes stale (issue 20): the current round's reference
 * date is the latest 1 November at least two weeks ago and its deadline two weeks from today; the two years before
 * are closed, each with its deadline at the end of the following January.
 */
export function demoPeriods(now: Date = new Date()) {
  const twoWeeksAgo = new Date(now.getTime() - 14 * DAY);
  let year = twoWeeksAgo.getUTCFullYear();
  if (twoWeeksAgo.getTime() < Date.UTC(year, 10, 1)) year -= 1;
  return [
    { label: String(year - 2), referenceDate: `${year - 2}-11-01`, deadline: `${year - 1}-01-31`, closed: true },
    { label: String(year - 1), referenceDate: `${year - 1}-11-01`, deadline: `${year}-01-31`, closed: true },
    { label: String(year), referenceDate: `${year}-11-01`, deadline: isoDate(now.getTime() + 14 * DAY), closed: false },
  ];
}

/** The demo's publications protect counts below the default minimum (SUPPRESSION_MIN_COUNT's default). */
const DEMO_MIN_COUNT = 3;

export async function seedStaffingDemo(db: Db, now: Date = new Date()): Promise<void> {
  const [existing] = await db.select({ id: staffingPeriod.id }).from(staffingPeriod).limit(1);
  if (existing) return;
  const config = await loadConfig({ db, cache: new ReadCache(0), minCount: 3 });
  const municipalities = await db
    .select({ id: organisation.id, name: organisation.name, code: organisation.code })
    .from(organisation)
    .where(eq(organisation.kind, 'municipality'));
  const [admin] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'regionadmin@demo.example'));
  const actor = admin?.id ?? null;

  const periods = demoPeriods(now);
  /** The reported population of the last closed year: the demo's projections continue from it. */
  const base: Record<string, PopulationBase> = {};
  for (const [index, p] of periods.entries()) {
    const current = index === periods.length - 1;
    const [period] = await db
      .insert(staffingPeriod)
      .values({ ...p, kind: 'annual', createdBy: actor })
      .returning();
    if (!period) throw new Error('insert returned no row');
    for (const m of municipalities) {
      const profile = DEMO_PROFILES[m.name] ?? { inhabitants: 10_000, specialistLevel: 0.2 };
      const status: Status = current ? (CURRENT_STATUS[m.name] ?? 'submitted') : 'approved';
      if (status === 'not_started') continue;
      const facts = generateFacts(config, { ...profile, seed: Number(m.code ?? 0) }, index);
      if (index === periods.length - 2) base[m.name] = populationBase(facts, Number(p.label));
      await db.insert(staffingFact).values(facts.map((f) => ({ ...f, periodId: period.id, municipalityId: m.id })));
      const [report] = await db
        .insert(staffingReport)
        .values({ periodId: period.id, municipalityId: m.id, status })
        .returning();
      if (!report) throw new Error('insert returned no row');
      const steps: { from: Status; to: Status; comment?: string }[] = [{ from: 'not_started', to: 'draft' }];
      if (status !== 'draft') steps.push({ from: 'draft', to: 'submitted' });
      if (status === 'approved') steps.push({ from: 'submitted', to: 'approved' });
      if (status === 'returned') {
        steps.push({
          from: 'submitted',
          to: 'returned',
          comment:
            'Åldersfördelningen för undersköterskor ser ut att gälla förra året. Kontrollera och skicka in igen. (demo)',
        });
      }
      const start = Date.parse(`${p.referenceDate}T09:00:00Z`);
      await db.insert(staffingReportTransition).values(
        steps.map((s, i) => ({
          reportId: report.id,
          fromStatus: s.from,
          toStatus: s.to,
          comment: s.comment ?? null,
          actorUserId: s.to === 'approved' || s.to === 'returned' ? actor : null,
          at: new Date(start + (i + 1) * 86_400_000),
        })),
      );
    }
    // Each closed year was published when it closed, a fortnight after its deadline; the current round's approved
    // reports by last night's job (decision 016).
    const publishedAt = current
      ? new Date(now.getTime() - 6 * 3_600_000)
      : new Date(Date.parse(`${p.deadline}T06:00:00Z`) + 14 * 86_400_000);
    await publishDemoPeriod(
      { db, cache: new ReadCache(0), minCount: DEMO_MIN_COUNT },
      { ...period, key: demoPatternKey(index) },
      {
        reason: current ? 'nightly' : 'period_closed',
        now: publishedAt,
      },
    );
  }
  await seedPopulationDemo(db, base);
}
