// The register extract (registerutdrag, GDPR art. 15): for one person, everything the platform holds about them,
// gathered from every module's provider (platform/server/person-data.ts) — JSON and a readable XLSX with a sheet per
// kind of record. Made by the municipal admin (or the regional admin); every extract is audited.
import { eq } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { toXlsx } from '../../platform/server/export.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { collectPersonData, type PersonSubject } from '../../platform/server/person-data.ts';
import type { DownloadFile } from '../../platform/server/send-file.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import type { ExtractDto } from './people.contracts.ts';
import { findVisiblePerson, fullName, type PeopleDeps, type PersonRow } from './people-scope.ts';

export function subjectOf(row: PersonRow): PersonSubject {
  return {
    personId: row.id,
    organisationId: row.organisationId,
    name: fullName(row),
    email: row.email,
    userId: row.userId,
    employeeNumber: row.employeeNumber,
  };
}

/** The extract in the actor's language; audited as `person.extract`. */
export async function registerExtract(
  deps: PeopleDeps,
  ctx: SignedInContext,
  personId: string,
  locale = ctx.actor.locale,
): Promise<ExtractDto> {
  const { row } = await findVisiblePerson(deps.db, ctx.actor, personId, 'people:extract');
  const [org] = await deps.db
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, row.organisationId));
  const sections = await collectPersonData(deps.db, deps.providers, subjectOf(row));
  await audit(deps.db, ctx, {
    action: 'person.extract',
    entityType: 'person',
    entityId: row.id,
    organisationId: row.organisationId,
  });
  return {
    generatedAt: new Date().toISOString(),
    person: { id: row.id, name: fullName(row), municipality: org?.name ?? '', employeeNumber: row.employeeNumber },
    sections: sections.map((s) => ({
      module: s.module,
      key: s.key,
      title: s.title[locale],
      description: s.description ? s.description[locale] : null,
      columns: s.columns.map((c) => ({ key: c.key, label: c.label[locale] })),
      rows: s.rows,
    })),
  };
}

/** The extract as a file: JSON as it is, or XLSX with a summary sheet and a sheet per section. */
export async function extractFile(
  deps: PeopleDeps,
  ctx: SignedInContext,
  personId: string,
  format: 'xlsx' | 'json',
): Promise<DownloadFile> {
  const extract = await registerExtract(deps, ctx, personId);
  const day = swedishDate(new Date(extract.generatedAt));
  const base = `registerutdrag-${extract.person.employeeNumber ?? extract.person.id.slice(0, 8)}-${day}`;
  if (format === 'json') {
    return {
      fileName: `${base}.json`,
      contentType: 'application/json; charset=utf-8',
      body: `${JSON.stringify(extract, null, 2)}\n`,
    };
  }
  const sv = ctx.actor.locale !== 'en';
  const body = await toXlsx([
    {
      name: sv ? 'Registerutdrag' : 'Register extract',
      columns: [
        { key: 'what', header: sv ? 'Uppgift' : 'Item' },
        { key: 'value', header: sv ? 'Värde' : 'Value' },
      ],
      rows: [
        { what: sv ? 'Person' : 'Person', value: extract.person.name },
        { what: sv ? 'Kommun' : 'Municipality', value: extract.person.municipality },
        { what: sv ? 'Anställningsnummer' : 'Employee number', value: extract.person.employeeNumber },
        { what: sv ? 'Uttaget' : 'Made', value: extract.generatedAt },
        ...extract.sections.map((s) => ({
          what: s.title,
          value: sv ? `${s.rows.length} uppgifter` : `${s.rows.length} records`,
        })),
      ],
      note: sv
        ? 'Allt som Kompetensnav har om personen, en flik per slags uppgift (dataskyddsförordningen artikel 15).'
        : 'Everything Kompetensnav holds about the person, a sheet per kind of record (GDPR article 15).',
    },
    ...extract.sections.map((s) => ({
      name: s.title,
      columns: s.columns.map((c) => ({ key: c.key, header: c.label })),
      rows: s.rows.map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'boolean' ? (v ? (sv ? 'Ja' : 'Yes') : sv ? 'Nej' : 'No') : v,
          ]),
        ),
      ),
      ...(s.description ? { note: s.description } : {}),
    })),
  ]);
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
