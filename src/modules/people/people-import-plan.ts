// The HR import's plan (people-import.ts): what a confirmation writes — the persons to create, held column by column,
// the changed and ended ones with what changed — and how the file's checked rows are compared with the register to
// make it, one row at a time as the rows arrive from the reading thread (decision 046).
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { type ImportRowDto, PEOPLE_LIMITS } from './people.contracts.ts';
import { peoplePerson } from './people.table.ts';
import type { CheckedRow, RowValues } from './people-import-check.ts';
import { changeList, diffPerson, eventKindOf } from './persons.service.ts';

type Creating = RowValues & { row: number; userId: string | null };
/** Fields a file repeats row after row (a unit, a profession, a form): coded as a number into the distinct values. */
const CODED_KEYS = ['unitId', 'professionKey', 'employmentForm'] as const;
type CodedKey = (typeof CODED_KEYS)[number];
/**
 * The persons to create, column by column (one array per field, the same index for the same row): a 20,000-row plan
 * is stored, read back and bound as fourteen arrays instead of 20,000 objects repeating their keys. The coded fields
 * hold the 1-based position of the row's value in `codes` (a unit's id, 36 characters, is written once, not 20,000
 * times: the stored plan is 40 % smaller).
 */
type CreatingColumns = { [K in Exclude<keyof Creating, CodedKey>]: Creating[K][] } & { [K in CodedKey]: number[] } & {
  codes: { [K in CodedKey]: string[] };
};
const PLAIN_KEYS = [
  'row',
  'employeeNumber',
  'firstName',
  'lastName',
  'email',
  'employmentRate',
  'employmentStart',
  'employmentEnd',
  'birthYear',
  'userId',
] as const satisfies readonly Exclude<keyof Creating, CodedKey>[];

function creatingColumns() {
  const columns = Object.fromEntries([...PLAIN_KEYS, ...CODED_KEYS].map((k) => [k, []])) as unknown as CreatingColumns;
  columns.codes = { unitId: [], professionKey: [], employmentForm: [] };
  const positions = { unitId: new Map<string, number>(), professionKey: new Map(), employmentForm: new Map() };
  return {
    columns,
    /** A new person: the row's values, its row number and the account its e-mail links to. */
    push(values: RowValues, row: number, userId: string | null) {
      for (const key of PLAIN_KEYS) {
        (columns[key] as unknown[]).push(key === 'row' ? row : key === 'userId' ? userId : values[key]);
      }
      for (const key of CODED_KEYS) {
        const value = values[key];
        let position = positions[key].get(value);
        if (position === undefined) {
          position = columns.codes[key].push(value);
          positions[key].set(value, position);
        }
        columns[key].push(position);
      }
    },
  };
}
export type Updating = {
  personId: string;
  row: number;
  values: RowValues;
  changes: Record<string, [unknown, unknown]>;
  /** Set when the e-mail changes: the user account the new address belongs to (or null). */
  userId?: string | null;
};

/** What a confirmation writes, exactly as previewed. */
export type PeoplePlan = {
  municipalityId: string;
  /** The units a manager's import was checked against (null: the whole municipality). */
  scopeUnitIds: string[] | null;
  today: string;
  creating: CreatingColumns;
  updating: Updating[];
  missing: { personId: string; employmentStart: string; employmentEnd: string | null }[];
  unchanged: number;
};

/** The optional columns whose absence from the file leaves a person's field as it is. */
export const OPTIONAL_FIELDS = ['email', 'employmentEnd', 'birthYear'] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/**
 * The rows compared with the register one by one, as they are checked: the same employee number twice in one file
 * (an error on the later row), new persons (to create), changed and ended ones (with what changed), unchanged ones,
 * and a manager's row for a person of another unit (an error).
 */
export function comparison(
  existing: (typeof peoplePerson.$inferSelect)[],
  unitName: Map<string, string>,
  users: Awaited<ReturnType<typeof userLinks>>,
  scopeUnitIds: string[] | null,
) {
  // An optional column the file does not have leaves that field as it is (an export without e-mail addresses does
  // not erase them); a column that is there but empty clears it.
  const byNumber = new Map(existing.map((p) => [(p.employeeNumber as string).toLowerCase(), p]));
  const scopeSet = scopeUnitIds ? new Set(scopeUnitIds) : null;
  const firstRow = new Map<string, number>();
  const inFile = new Set<string>();
  const creating = creatingColumns();
  const updating: Updating[] = [];
  const rows: { new: ImportRowDto[]; changed: ImportRowDto[]; ended: ImportRowDto[] } = {
    new: [],
    changed: [],
    ended: [],
  };
  let unchanged = 0;
  return {
    creating,
    updating,
    rows,
    /** The employee numbers (lower case) of the file's valid rows. */
    inFile,
    unchanged: () => unchanged,
    /** `absent`: the optional columns the file does not have. */
    row(r: CheckedRow, absent: readonly OptionalField[]) {
      if (!r.values) return;
      const values = r.values;
      const key = values.employeeNumber.toLowerCase();
      const earlier = firstRow.get(key);
      if (earlier !== undefined) {
        r.errors.push({
          row: r.row,
          column: 'Anställningsnummer',
          message: `Rad ${r.row}, kolumn Anställningsnummer: samma anställningsnummer som rad ${earlier}. En person kan bara finnas en gång i filen.`,
        });
        r.values = null;
        return;
      }
      firstRow.set(key, r.row);
      inFile.add(key);
      const person = byNumber.get(key);
      const shown = (changes: ImportRowDto['changes']): ImportRowDto => ({
        row: r.row,
        employeeNumber: values.employeeNumber,
        name: `${values.firstName} ${values.lastName}`,
        unitName: unitName.get(values.unitId) ?? '',
        changes,
      });
      if (!person) {
        creating.push(values, r.row, users.claim(values.email, null));
        // The preview shows the first `previewRows` (one more tells it was cut); the rest are only counted.
        if (rows.new.length <= PEOPLE_LIMITS.previewRows) rows.new.push(shown([]));
        return;
      }
      if (scopeSet && !scopeSet.has(person.unitId)) {
        r.errors.push({
          row: r.row,
          column: 'Anställningsnummer',
          message: `Rad ${r.row}, kolumn Anställningsnummer: personen med anställningsnummer ${values.employeeNumber} finns i enheten ”${unitName.get(person.unitId) ?? ''}”, som du inte är chef för.`,
        });
        return;
      }
      // The file's spelling of the number is kept as it is in the register.
      const kept: RowValues = { ...values, employeeNumber: person.employeeNumber as string };
      for (const field of absent) (kept as Record<string, unknown>)[field] = person[field];
      const changes = diffPerson(person, kept, (id) => unitName.get(id) ?? '');
      if (Object.keys(changes).length === 0) {
        unchanged++;
        return;
      }
      const update: Updating = { personId: person.id, row: r.row, values: kept, changes };
      if (changes.email) update.userId = users.claim(kept.email, person.id);
      updating.push(update);
      (eventKindOf(changes) === 'ended' ? rows.ended : rows.changed).push(shown(changeList(changes)));
    },
  };
}

/** Which user account an address links a person to: an active user of the municipality not linked to another person. */
export async function userLinks(db: Db, organisationId: string) {
  const accounts = await db
    .select({ id: user.id, email: sql<string>`lower(${user.email})` })
    .from(user)
    .where(and(eq(user.organisationId, organisationId), eq(user.active, true)));
  const byEmail = new Map(accounts.map((a) => [a.email, a.id]));
  const linked = await db
    .select({ userId: peoplePerson.userId, personId: peoplePerson.id })
    .from(peoplePerson)
    .where(and(eq(peoplePerson.organisationId, organisationId), isNotNull(peoplePerson.userId)));
  const holder = new Map(linked.map((l) => [l.userId as string, l.personId]));
  return {
    claim(email: string | null, personId: string | null): string | null {
      const userId = email ? byEmail.get(email) : undefined;
      if (!userId) return null;
      const held = holder.get(userId);
      if (held && held !== personId) return null;
      holder.set(userId, personId ?? `new:${email}`);
      return userId;
    },
  };
}
