// The register extract's shared core (GDPR art. 15; decision 015): every module that holds data about a person
// contributes its part through a provider in its manifest (`ServerModule.personData`), so a module written later
// appears in the extract without the staff register — or anything else — naming it. The platform adds its own part
// (the person's user account, roles and their own actions in the audit log).
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Wording } from '../shared/messages.ts';
import { auditEvent } from './audit.table.ts';
import { user, userRole } from './auth.table.ts';
import type { Db } from './db.ts';
import { organisation } from './organisation.table.ts';

/** Whom an extract (or an anonymisation) is about: the staff register's person, with what others link them by. */
export type PersonSubject = {
  personId: string;
  organisationId: string;
  name: string;
  /** Lower-cased, or null. Modules that know people by address (introductions) match on it within the organisation. */
  email: string | null;
  /** The person's user account, when they have one. */
  userId: string | null;
  employeeNumber: string | null;
};

export type PersonDataValue = string | number | boolean | null;

/** One kind of record a module holds about the person: labelled columns and the records, one row each. */
export type PersonDataSection = {
  /** Stable key, `<module>.<kind>` ("introductions.assignments"). */
  key: string;
  title: Wording;
  /** What the records are and why they are kept, in a sentence. */
  description?: Wording;
  columns: { key: string; label: Wording }[];
  rows: Record<string, PersonDataValue>[];
};

export type PersonDataProvider = {
  /** Everything the module holds about the person, as sections (an empty list when it holds nothing). */
  collect(db: Db, subject: PersonSubject): Promise<PersonDataSection[]>;
  /**
   * Of these persons, the ones the module must keep longer than the staff register's rule (e.g. ESF reporting keeps
   * its participants), each with the reason; they are not anonymised while held.
   */
  holds?(db: Db, personIds: readonly string[]): Promise<Map<string, Wording>>;
  /** Removes or anonymises what the module holds about the person when the register anonymises them. */
  anonymise?(tx: Db, subject: PersonSubject): Promise<void>;
};

/** A provider with the module it belongs to, as the register sees it. */
export type NamedProvider = { module: string; provider: PersonDataProvider };

/** The providers of the modules given, the platform's own first. */
export function personDataProviders(modules: readonly { name: string; personData?: PersonDataProvider }[]) {
  return [
    { module: 'platform', provider: platformPersonData },
    ...modules.flatMap((m) => (m.personData ? [{ module: m.name, provider: m.personData }] : [])),
  ] satisfies NamedProvider[];
}

/** Every provider's sections about the subject, in module order. */
export async function collectPersonData(db: Db, providers: readonly NamedProvider[], subject: PersonSubject) {
  const out: (PersonDataSection & { module: string })[] = [];
  for (const { module, provider } of providers) {
    for (const section of await provider.collect(db, subject)) out.push({ ...section, module });
  }
  return out;
}

const w = (sv: string, en: string): Wording => ({ sv, en });

/** How many of the person's own actions the extract lists (the newest); the count says how many there are. */
export const EXTRACT_AUDIT_EVENTS = 500;

/** The platform's part: the user account linked to the person, its roles, and what the person did (audit log). */
export const platformPersonData: PersonDataProvider = {
  async collect(db, subject) {
    if (!subject.userId) return [];
    const [account] = await db
      .select({
        name: user.name,
        email: user.email,
        organisation: organisation.name,
        active: user.active,
        locale: user.locale,
        createdAt: user.createdAt,
      })
      .from(user)
      .innerJoin(organisation, eq(organisation.id, user.organisationId))
      .where(eq(user.id, subject.userId));
    if (!account) return [];
    const roles = await db
      .select({ role: userRole.role })
      .from(userRole)
      .where(eq(userRole.userId, subject.userId))
      .orderBy(asc(userRole.role));
    const [total] = await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.actorUserId, subject.userId));
    const events = await db
      .select({ at: auditEvent.at, action: auditEvent.action, entityType: auditEvent.entityType })
      .from(auditEvent)
      .where(and(eq(auditEvent.actorUserId, subject.userId)))
      .orderBy(desc(auditEvent.at), desc(auditEvent.id))
      .limit(EXTRACT_AUDIT_EVENTS);
    return [
      {
        key: 'platform.user_account',
        title: w('Användarkonto', 'User account'),
        description: w(
          'Kontot som personen loggar in med, och dess roller.',
          'The account the person signs in with, and its roles.',
        ),
        columns: [
          { key: 'name', label: w('Namn', 'Name') },
          { key: 'email', label: w('E-postadress', 'E-mail address') },
          { key: 'organisation', label: w('Organisation', 'Organisation') },
          { key: 'roles', label: w('Roller', 'Roles') },
          { key: 'active', label: w('Aktivt', 'Active') },
          { key: 'language', label: w('Språk', 'Language') },
          { key: 'createdAt', label: w('Skapat', 'Created') },
        ],
        rows: [
          {
            name: account.name,
            email: account.email,
            organisation: account.organisation,
            roles: roles.map((r) => r.role).join(', '),
            active: account.active,
            language: account.locale,
            createdAt: account.createdAt.toISOString(),
          },
        ],
      },
      {
        key: 'platform.audit_events',
        title: w('Personens egna händelser i granskningsloggen', "The person's own events in the audit log"),
        description: w(
          `Vad personen har gjort i Kompetensnav (högst de ${EXTRACT_AUDIT_EVENTS} senaste av ${total?.n ?? 0}).`,
          `What the person has done in Kompetensnav (at most the newest ${EXTRACT_AUDIT_EVENTS} of ${total?.n ?? 0}).`,
        ),
        columns: [
          { key: 'at', label: w('Tidpunkt', 'Time') },
          { key: 'action', label: w('Händelse', 'Event') },
          { key: 'entityType', label: w('Gällde', 'Concerning') },
        ],
        rows: events.map((e) => ({ at: e.at.toISOString(), action: e.action, entityType: e.entityType })),
      },
    ];
  },
};
