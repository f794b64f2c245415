// Retention of the staff register (decision 015): persons whose employment ended longer ago than the rule's period
// (24 months by default, chosen by the region) are anonymised by a nightly job — unless a module holds them under a
// longer rule of its own (its provider's `holds`). Each anonymisation asks every module to anonymise its part,
// blanks the personal values of the person's history, and is audited. Also the retention page: every rule of every
// module in one list, and the region's choice of the configurable periods.
import { and, count, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { Job } from '../../platform/server/jobs.ts';
import type { NamedProvider } from '../../platform/server/person-data.ts';
import { can } from '../../platform/server/policy.ts';
import {
  monthsBefore,
  type RetentionRule,
  retentionMonths,
  retentionSettings,
  setRetentionMonths,
} from '../../platform/server/retention.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import { subjectOf } from './extract.service.ts';
import type { RetentionDto } from './people.contracts.ts';
import { peopleMessages as pm } from './people.messages.ts';
import { peoplePerson, peoplePersonEvent } from './people.table.ts';
import type { PeopleDeps } from './people-scope.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });

export const PERSON_RULE: RetentionRule = {
  key: 'people.ended_employment',
  data: w(
    'Personer i personalregistret (namn, e-post, anställningsnummer, födelseår, koppling till konto)',
    'Persons in the staff register (name, e-mail, employee number, year of birth, link to an account)',
  ),
  rule: w(
    'Anonymiseras {{months}} månader efter att anställningen slutade, om ingen modul behöver personen längre (till exempel ESF-rapportering). Kommun, enhet, yrke och anställningens datum finns kvar för statistiken.',
    'Anonymised {{months}} months after the employment ended, unless a module needs the person longer (ESF reporting, for example). Municipality, unit, profession and the employment dates remain for statistics.',
  ),
  enforcement: w('Nattligt jobb kl. 02:30', 'Nightly job at 02:30'),
  months: { default: 24, min: 6, max: 120 },
};

export const PEOPLE_RETENTION_RULES: readonly RetentionRule[] = [
  PERSON_RULE,
  {
    key: 'people.history',
    data: w('Personalregistrets historik (vem som ändrade vad)', 'The staff register history (who changed what)'),
    rule: w(
      'Följer personen: när personen anonymiseras tas namn, e-post, anställningsnummer och födelseår bort ur historiken.',
      'Follows the person: when the person is anonymised, names, e-mail, employee number and year of birth are removed from the history.',
    ),
    enforcement: w('Med personen', 'With the person'),
  },
  {
    key: 'people.units',
    data: w('Enheter och deras chefer', 'Units and their managers'),
    rule: w(
      'Tas inte bort så länge personer hänvisar till dem; en enhet avaktiveras i stället. En chef som avaktiveras försvinner från sina enheter.',
      'Not deleted while persons refer to them; a unit is deactivated instead. A deactivated manager leaves their units.',
    ),
    enforcement: w('Manuellt', 'By hand'),
  },
];

/** Personal fields of a history's changes, removed when the person is anonymised. */
const PERSONAL_FIELDS = ['firstName', 'lastName', 'email', 'employeeNumber', 'birthYear'];

/** The persons the rule has reached on `now`: not anonymised, employment ended before the cut-off. */
async function dueIds(db: Db, now: Date): Promise<string[]> {
  const cutoff = swedishDate(monthsBefore(now, await retentionMonths(db, PERSON_RULE)));
  const rows = await db
    .select({ id: peoplePerson.id })
    .from(peoplePerson)
    .where(and(isNull(peoplePerson.anonymisedAt), lt(peoplePerson.employmentEnd, cutoff)));
  return rows.map((r) => r.id);
}

/** Of the ids, those some module holds longer, with the reason. */
async function heldIds(db: Db, providers: readonly NamedProvider[], ids: string[]): Promise<Set<string>> {
  const held = new Set<string>();
  if (ids.length === 0) return held;
  for (const { provider } of providers) {
    if (!provider.holds) continue;
    for (const id of (await provider.holds(db, ids)).keys()) held.add(id);
  }
  return held;
}

export type RetentionRun = { anonymised: number; held: number };

/**
 * Anonymises every person the rule has reached and no module holds. One transaction per person, claimed by its
 * `anonymised_at` (decision 003), so several servers may run it at once and a failure stops at one person.
 */
export async function runRetention(db: Db, providers: readonly NamedProvider[], now: Date): Promise<RetentionRun> {
  const due = await dueIds(db, now);
  const held = await heldIds(db, providers, due);
  let anonymised = 0;
  for (const id of due) {
    if (held.has(id)) continue;
    const done = await inTransaction(db, async (tx) => {
      const [row] = await tx
        .select()
        .from(peoplePerson)
        .where(and(eq(peoplePerson.id, id), isNull(peoplePerson.anonymisedAt)))
        .for('update');
      if (!row) return false;
      const subject = subjectOf(row);
      for (const { provider } of providers) await provider.anonymise?.(tx, subject);
      await tx
        .update(peoplePerson)
        .set({
          firstName: '',
          lastName: '',
          email: null,
          birthYear: null,
          employeeNumber: null,
          userId: null,
          searchText: '',
          anonymisedAt: now,
          updatedAt: now,
        })
        .where(eq(peoplePerson.id, id));
      await tx.execute(
        sql`UPDATE ${peoplePersonEvent} SET changes = changes - ${sql.raw(`ARRAY[${PERSONAL_FIELDS.map((f) => `'${f}'`).join(',')}]`)}::text[]
             WHERE person_id = ${id}`,
      );
      await tx.insert(peoplePersonEvent).values({ personId: id, kind: 'anonymised', at: now, changes: {} });
      await audit(
        tx,
        { actor: null, requestId: 'job:people-retention', ip: '' },
        { action: 'person.anonymise', entityType: 'person', entityId: id, organisationId: row.organisationId },
      );
      return true;
    });
    if (done) anonymised++;
  }
  return { anonymised, held: held.size };
}

/** Every night at 02:30: the staff register's rule. */
export function retentionJob(db: Db, providers: readonly NamedProvider[]): Job {
  return {
    name: 'people-retention',
    schedule: '30 2 * * *',
    run: async (now) => void (await runRetention(db, providers, now)),
  };
}

/** Every rule of every module, with the periods chosen, and what the register's rule would do tonight. */
export async function listRetention(deps: PeopleDeps, ctx: SignedInContext): Promise<RetentionDto> {
  authorize(ctx.actor, 'people:read_retention');
  const settings = await retentionSettings(deps.db);
  const locale = ctx.actor.locale;
  const due = await dueIds(deps.db, new Date());
  const held = await heldIds(deps.db, deps.providers, due);
  return {
    rules: deps.rules.map((rule) => {
      const chosen = settings.get(rule.key);
      const months = rule.months ? (chosen?.months ?? rule.months.default) : null;
      return {
        key: rule.key,
        data: rule.data[locale],
        rule: rule.rule[locale].replaceAll('{{months}}', String(months ?? '')),
        enforcement: rule.enforcement[locale],
        months,
        defaultMonths: rule.months?.default ?? null,
        minMonths: rule.months?.min ?? null,
        maxMonths: rule.months?.max ?? null,
        updatedAt: chosen?.updatedAt.toISOString() ?? null,
      };
    }),
    canConfigure: can(ctx.actor, 'people:configure_retention'),
    due: { persons: due.length, held: held.size },
  };
}

/** The region chooses a configurable rule's period within its bounds; audited. */
export async function setRetention(deps: PeopleDeps, ctx: SignedInContext, key: string, months: number) {
  authorize(ctx.actor, 'people:configure_retention');
  const rule = deps.rules.find((r) => r.key === key);
  if (!rule) throw new NotFoundError(pm.retentionUnknown());
  if (!rule.months) throw new ValidationError([{ path: 'months', message: pm.retentionNotConfigurable() }]);
  if (months < rule.months.min || months > rule.months.max) {
    throw new ValidationError([
      { path: 'months', message: pm.monthsInvalid({ min: rule.months.min, max: rule.months.max }) },
    ]);
  }
  await inTransaction(deps.db, async (tx) => {
    await setRetentionMonths(tx, key, months, ctx.actor.userId);
    await audit(tx, ctx, { action: 'retention.update', entityType: 'retention_setting', entityId: key });
  });
  return listRetention(deps, ctx);
}

/** How many persons of a set are anonymised (for tests and the lookup). */
export async function anonymisedCount(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(peoplePerson)
    .where(and(inArray(peoplePerson.id, ids), sql`${peoplePerson.anonymisedAt} IS NOT NULL`));
  return row?.n ?? 0;
}
