// The staff register's own part of the register extract: the person's record, its history, and the units the
// person manages when they have a user account (platform/server/person-data.ts).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditEvent } from '../../platform/server/audit.table.ts';
import type { PersonDataProvider } from '../../platform/server/person-data.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import { peoplePerson, peopleUnit, peopleUnitManager } from './people.table.ts';
import { personHistory } from './people-history.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });

export const peoplePersonData: PersonDataProvider = {
  async collect(db, subject) {
    const [row] = await db
      .select({ person: peoplePerson, unitName: peopleUnit.name })
      .from(peoplePerson)
      .innerJoin(peopleUnit, eq(peopleUnit.id, peoplePerson.unitId))
      .where(eq(peoplePerson.id, subject.personId));
    if (!row) return [];
    const p = row.person;
    const events = await personHistory(db, p);
    // An HR import audits once per confirmation (decision 034): its event (entity: the import) lists the ids of the
    // persons it created, changed or ended. Each history row an import wrote shows that event, found by the import's
    // id and checked to name this person.
    const importIds = [...new Set(events.flatMap((e) => (e.importId ? [e.importId] : [])))];
    const importAudits = importIds.length
      ? await db
          .select({ id: auditEvent.id, at: auditEvent.at, importId: auditEvent.entityId })
          .from(auditEvent)
          .where(
            and(
              eq(auditEvent.entityType, 'people.hr_import'),
              inArray(auditEvent.entityId, importIds),
              eq(auditEvent.action, 'people.hr_import.apply'),
              sql`(${auditEvent.details} -> 'created' ? ${p.id} OR ${auditEvent.details} -> 'changed' ? ${p.id}
                OR ${auditEvent.details} -> 'ended' ? ${p.id} OR ${auditEvent.details} -> 'endedMissing' ? ${p.id})`,
            ),
          )
      : [];
    const auditOf = new Map(importAudits.map((a) => [a.importId, a]));
    const managed = subject.userId
      ? await db
          .select({ name: peopleUnit.name, since: peopleUnitManager.createdAt })
          .from(peopleUnitManager)
          .innerJoin(peopleUnit, eq(peopleUnit.id, peopleUnitManager.unitId))
          .where(eq(peopleUnitManager.userId, subject.userId))
          .orderBy(asc(peopleUnit.name))
      : [];
    return [
      {
        key: 'people.person',
        title: w('Personalregistret', 'Staff register'),
        description: w(
          'Personens uppgifter i kommunens personalregister (från HR-systemet eller inlagda för hand).',
          "The person's record in the municipality's staff register (from the HR system or entered by hand).",
        ),
        columns: [
          { key: 'firstName', label: w('Förnamn', 'First name') },
          { key: 'lastName', label: w('Efternamn', 'Last name') },
          { key: 'email', label: w('E-post', 'E-mail') },
          { key: 'employeeNumber', label: w('Anställningsnummer', 'Employee number') },
          { key: 'unit', label: w('Enhet', 'Unit') },
          { key: 'profession', label: w('Yrke', 'Profession') },
          { key: 'employmentForm', label: w('Anställningsform', 'Form of employment') },
          { key: 'employmentRate', label: w('Sysselsättningsgrad (%)', 'Employment rate (%)') },
          { key: 'employmentStart', label: w('Anställd från', 'Employed from') },
          { key: 'employmentEnd', label: w('Anställd till', 'Employed until') },
          { key: 'birthYear', label: w('Födelseår', 'Year of birth') },
          { key: 'linkedToUser', label: w('Kopplad till användarkonto', 'Linked to a user account') },
          { key: 'createdAt', label: w('Registrerad', 'Registered') },
        ],
        rows: [
          {
            firstName: p.firstName,
            lastName: p.lastName,
            email: p.email,
            employeeNumber: p.employeeNumber,
            unit: row.unitName,
            profession: p.professionKey,
            employmentForm: p.employmentForm,
            employmentRate: p.employmentRate,
            employmentStart: p.employmentStart,
            employmentEnd: p.employmentEnd,
            birthYear: p.birthYear,
            linkedToUser: p.userId !== null,
            createdAt: p.createdAt.toISOString(),
          },
        ],
      },
      {
        key: 'people.history',
        title: w('Personalregistrets historik', 'Staff register history'),
        description: w(
          'Varje gång uppgifterna lades in eller ändrades, och vad som ändrades.',
          'Every time the record was entered or changed, and what changed.',
        ),
        columns: [
          { key: 'at', label: w('Tidpunkt', 'Time') },
          { key: 'kind', label: w('Händelse', 'Event') },
          { key: 'source', label: w('Källa', 'Source') },
          { key: 'changes', label: w('Ändringar', 'Changes') },
          { key: 'importId', label: w('Import', 'Import') },
          {
            key: 'auditEvent',
            label: w('Händelse i granskningsloggen (nummer, tidpunkt)', 'Audit log event (number, time)'),
          },
        ],
        rows: events.map((e) => ({
          at: e.at.toISOString(),
          kind: e.kind,
          source: e.importId ? 'import' : e.actorTokenId ? 'api' : e.actorUserId ? 'hand' : 'system',
          changes: Object.entries(e.changes)
            .map(([field, [from, to]]) => `${field}: ${from ?? '–'} → ${to ?? '–'}`)
            .join('; '),
          importId: e.importId,
          auditEvent: e.importId && auditOf.has(e.importId) ? auditText(auditOf.get(e.importId)) : null,
        })),
      },
      ...(managed.length
        ? [
            {
              key: 'people.managed_units',
              title: w('Enheter som personen är chef för', 'Units the person manages'),
              columns: [
                { key: 'name', label: w('Enhet', 'Unit') },
                { key: 'since', label: w('Sedan', 'Since') },
              ],
              rows: managed.map((m) => ({ name: m.name, since: m.since.toISOString() })),
            },
          ]
        : []),
    ];
  },
};

function auditText(a: { id: number; at: Date } | undefined) {
  return a ? `${a.id}, ${a.at.toISOString()}` : null;
}
