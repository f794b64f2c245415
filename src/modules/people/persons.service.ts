// The persons of the staff register: the paged list (filtered, sorted, scoped to what the actor may see), a person's
// page with their history, adding and changing persons by hand, and an employee's own record. Every read of persons
// is audited (one event per list read, one per person page), every change too.
import { and, eq, gte, inArray, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit, auditStatement } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, databaseErrorCode, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { can } from '../../platform/server/policy.ts';
import { likePattern, swedishOrder } from '../../platform/server/sql.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import type {
  CreatePersonInput,
  PersonChangeDto,
  PersonDto,
  PersonEventDto,
  PersonListQuery,
  PersonPageDto,
  PersonSummaryDto,
  UpdatePersonInput,
} from './people.contracts.ts';
import { peopleMessages as pm } from './people.messages.ts';
import { peoplePerson, peoplePersonEvent, peopleUnit } from './people.table.ts';
import { personHistory } from './people-history.ts';
import {
  findVisiblePerson,
  inScope,
  type PeopleDeps,
  type PersonRow,
  type PersonScope,
  personScope,
  scopeCondition,
  targetMunicipality,
  unitAndBelow,
  unitIndex,
} from './people-scope.ts';
import { personSearchText } from './people-text.ts';
import { unitsOfMunicipality } from './units.service.ts';

/** Employed on the day: no end date, or one on the day or later. */
export const currentOn = (day: string) => or(isNull(peoplePerson.employmentEnd), gte(peoplePerson.employmentEnd, day));

const SORT_COLUMNS: Record<PersonListQuery['sort'], (SQL | ReturnType<typeof sql>)[]> = {
  name: [swedishOrder(peoplePerson.lastName), swedishOrder(peoplePerson.firstName)],
  employeeNumber: [sql`${peoplePerson.employeeNumber}`],
  unit: [swedishOrder(peopleUnit.name), swedishOrder(peoplePerson.lastName)],
  // Profession keys are the names without accents: the same order as the Swedish names.
  profession: [sql`${peoplePerson.professionKey}`, swedishOrder(peoplePerson.lastName)],
  start: [sql`${peoplePerson.employmentStart}`],
  end: [sql`${peoplePerson.employmentEnd}`],
  rate: [sql`${peoplePerson.employmentRate}`],
};

/** Each word of a search, in any of name, employee number and e-mail (the trigram-indexed `search_text`). */
export function searchConditions(q: string | undefined): SQL[] {
  return (q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => like(peoplePerson.searchText, likePattern(word)));
}

/**
 * A list counts its matches up to this many: counting every one of 40,000 persons on each read of a page would cost
 * more than the page itself. Beyond it the list says "more than 1,000" and asks for a narrower filter.
 */
export const COUNT_CAP = 1_000;

/** The list's conditions: scope, municipality, units (a unit and those below it), search words, profession, form, status. */
function listConditions(
  scope: PersonScope,
  query: PersonListQuery,
  municipalityId: string | null,
  unitIds: SQL | null,
) {
  const today = swedishDate(new Date());
  const conditions: (SQL | undefined)[] = [scopeCondition(scope), isNull(peoplePerson.anonymisedAt)];
  if (municipalityId) conditions.push(eq(peoplePerson.organisationId, municipalityId));
  // The units as one array parameter: the planner looks them up through the unit index (no walk of the tree in SQL).
  if (unitIds) conditions.push(sql`${peoplePerson.unitId} = ANY(${unitIds})`);
  if (query.profession) conditions.push(eq(peoplePerson.professionKey, query.profession));
  if (query.form) conditions.push(eq(peoplePerson.employmentForm, query.form));
  if (query.status === 'current') conditions.push(currentOn(today));
  if (query.status === 'ended') conditions.push(lt(peoplePerson.employmentEnd, today));
  return { where: and(...conditions) as SQL, today };
}

/** One page of the persons the actor may see, filtered and sorted; audited as one read of a list. */
export async function listPersons(
  deps: PeopleDeps,
  ctx: SignedInContext,
  query: PersonListQuery,
): Promise<PersonPageDto> {
  const { actor } = ctx;
  const { db } = deps;
  // A regional admin may list every municipality at once; anyone else lists their own (another one is 404).
  const own =
    actor.organisationKind === 'municipality' &&
    (!query.municipalityId || query.municipalityId === actor.organisationId);
  let municipalityId: string | null = null;
  if (own) {
    authorize(actor, 'people:read', { organisationId: actor.organisationId, organisationKind: 'municipality' });
    municipalityId = actor.organisationId;
  } else if (query.municipalityId || actor.organisationKind === 'municipality') {
    municipalityId = (await targetMunicipality(db, actor, 'people:read', query.municipalityId, deps.cache)).id;
  } else authorize(actor, 'people:read', {});
  const [scope, below] = await Promise.all([
    personScope(db, actor),
    query.unitId ? unitAndBelow(deps, query.unitId) : null,
  ]);
  // The unit and every unit below it, from the kept unit index (decision 043), in Swedish name order: the filter, and
  // for a list sorted by unit its order (each person's unit's place in the array). Only a narrowing of the scope,
  // which is read fresh: an index a few seconds old can never show a person outside it.
  const unitIds = below ? sql`${sql.param(below.map((u) => u.id))}::uuid[]` : null;
  const { where, today } = listConditions(scope, query, municipalityId, unitIds);
  const direction = query.dir === 'desc' ? 'DESC' : 'ASC';
  // Sorted by unit across every unit (no unit chosen): the units' names, joined. Otherwise no unit is joined: the
  // names come from the unit index.
  const joinUnits = query.sort === 'unit' && !unitIds;
  const sortColumns =
    query.sort === 'unit' && unitIds
      ? [sql`array_position(${unitIds}, ${peoplePerson.unitId})`, swedishOrder(peoplePerson.lastName)]
      : SORT_COLUMNS[query.sort];
  const order = sql.join(
    [...sortColumns.map((c) => sql`${c} ${sql.raw(direction)}`), sql`${peoplePerson.id}`],
    sql`, `,
  );
  // A search's matches are found through the trigram index first, whole rows with every other condition, once
  // (materialised): left to itself, the planner walks the name order until it has a page, which for "anna lindberg"
  // meant half the register. The page and its count then read those few rows under the table's own name (no second
  // look-up of each match by its id).
  const words = searchConditions(query.q);
  const matched = words.length
    ? sql`matched AS MATERIALIZED (SELECT * FROM ${peoplePerson} WHERE ${and(where, ...words)})`
    : null;
  const source = matched ? sql`matched AS ${peoplePerson}` : sql`${peoplePerson}`;
  const filter = matched ? sql`true` : where;
  const capped = sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${source} WHERE ${filter} LIMIT ${COUNT_CAP + 1}) c)`;
  // One statement: the list read's audit event (a data-modifying CTE), the page, and the capped count. The statement
  // commits without waiting for the WAL flush (`synchronous_commit` off for this transaction only): the event is
  // written and ordered as any other, but a crash of PostgreSQL itself within a fraction of a second (three WAL
  // writer rounds, 0.6 s by default) could lose it. For the read of a list that is the accepted cost of not adding
  // an fsync's wait — the tail of every list read's latency — to a read; every change, and its audit event, still
  // commits synchronously (decision 015).
  const [result, cachedNames, cachedUnits] = await Promise.all([
    db.execute(sql`
    WITH audited AS (${auditStatement(ctx, {
      action: 'person.list_read',
      entityType: 'person',
      entityId: null,
      organisationId: municipalityId,
    })}), durability AS (SELECT set_config('synchronous_commit', 'off', true) AS ok)${matched ? sql`, ${matched}` : sql``}
    SELECT ${peoplePerson.id} AS id, ${peoplePerson.organisationId} AS "organisationId",
      ${peoplePerson.firstName} AS "firstName",
      ${peoplePerson.lastName} AS "lastName", ${peoplePerson.employeeNumber} AS "employeeNumber",
      ${peoplePerson.unitId} AS "unitId",
      ${peoplePerson.professionKey} AS "professionKey", ${peoplePerson.employmentForm} AS "employmentForm",
      ${peoplePerson.employmentRate}::float8 AS "employmentRate", ${peoplePerson.employmentStart}::text AS "employmentStart",
      ${peoplePerson.employmentEnd}::text AS "employmentEnd", ${capped} AS total
    FROM ${source}
    ${joinUnits ? sql`JOIN ${peopleUnit} ON ${peopleUnit.id} = ${peoplePerson.unitId}` : sql``}
    CROSS JOIN durability
    WHERE ${filter}
    ORDER BY ${order}
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`) as unknown as Promise<{ rows: ListRow[] }>,
    municipalityNames(deps),
    unitIndex(deps),
  ]);
  const rows = result.rows;
  let municipalities = cachedNames;
  // A municipality made within the cache's few seconds is not in it yet: the names are read again.
  if (rows.some((r) => !municipalities.has(r.organisationId))) municipalities = await municipalityNames(deps, true);
  // As a unit (made by another server within those seconds).
  let units = cachedUnits;
  if (rows.some((r) => !units.byId.has(r.unitId))) units = await unitIndex(deps, true);
  // A page past the last has no row to carry the count: it is counted on its own.
  const total =
    rows[0]?.total ??
    (query.page > 1
      ? (
          (await db.execute(sql`${matched ? sql`WITH ${matched} ` : sql``}SELECT ${capped} AS n`)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n
      : 0) ??
    0;
  return {
    // Field by field (no rest and spread of each row: those copied every property twice, a second of the CPU profile).
    items: rows.map(
      (r): PersonSummaryDto => ({
        id: r.id,
        organisationId: r.organisationId,
        municipalityName: municipalities.get(r.organisationId) ?? '',
        firstName: r.firstName,
        lastName: r.lastName,
        employeeNumber: r.employeeNumber,
        unitId: r.unitId,
        unitName: units.byId.get(r.unitId)?.name ?? '',
        professionKey: r.professionKey,
        employmentForm: r.employmentForm,
        employmentRate: r.employmentRate === null ? null : Number(r.employmentRate),
        employmentStart: r.employmentStart,
        employmentEnd: r.employmentEnd,
        current: r.employmentEnd === null || r.employmentEnd >= today,
      }),
    ),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type ListRow = Omit<PersonSummaryDto, 'current' | 'municipalityName' | 'unitName'> & { total: number };

/**
 * Every municipality's name by id, for the list's rows: reference data (never personal), kept a few seconds per
 * server, so a list statement joins no organisation (a join per row, in the plan before the page's limit).
 */
async function municipalityNames(deps: PeopleDeps, fresh = false): Promise<Map<string, string>> {
  const load = async () =>
    new Map(
      (
        await deps.db
          .select({ id: organisation.id, name: organisation.name })
          .from(organisation)
          .where(eq(organisation.kind, 'municipality'))
      ).map((o) => [o.id, o.name]),
    );
  return fresh ? load() : deps.cache.remember('people:municipality-names', load);
}

export function toSummary(p: PersonRow, unitName: string, municipalityName: string, today: string): PersonSummaryDto {
  return {
    id: p.id,
    organisationId: p.organisationId,
    municipalityName,
    firstName: p.firstName,
    lastName: p.lastName,
    employeeNumber: p.employeeNumber,
    unitId: p.unitId,
    unitName,
    professionKey: p.professionKey,
    employmentForm: p.employmentForm,
    employmentRate: p.employmentRate,
    employmentStart: p.employmentStart,
    employmentEnd: p.employmentEnd,
    current: p.employmentEnd === null || p.employmentEnd >= today,
  };
}

/** The person's page: their record, the units above theirs, their user account and history. */
export async function getPerson(deps: PeopleDeps, ctx: SignedInContext, id: string): Promise<PersonDto> {
  const { row } = await findVisiblePerson(deps.db, ctx.actor, id);
  await audit(deps.db, ctx, {
    action: 'person.read',
    entityType: 'person',
    entityId: row.id,
    organisationId: row.organisationId,
  });
  return personDto(deps, ctx, row);
}

async function personDto(deps: PeopleDeps, ctx: SignedInContext, row: PersonRow): Promise<PersonDto> {
  const { db } = deps;
  const units = new Map((await unitsOfMunicipality(db, row.organisationId)).map((u) => [u.id, u]));
  const path: string[] = [];
  for (let at: string | null = row.unitId; at && path.length <= units.size; at = units.get(at)?.parentId ?? null) {
    path.unshift(units.get(at)?.name ?? '');
  }
  const [org] = await db
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, row.organisationId));
  const [linked] = row.userId
    ? await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.id, row.userId))
    : [];
  const own = { organisationId: row.organisationId, organisationKind: 'municipality' as const };
  const profession = (await listProfessions({ db, cache: deps.cache })).find((p) => p.key === row.professionKey);
  return {
    ...toSummary(row, units.get(row.unitId)?.name ?? '', org?.name ?? '', swedishDate(new Date())),
    professionName: { sv: profession?.name ?? row.professionKey, en: profession?.nameEn ?? row.professionKey },
    email: row.email,
    birthYear: row.birthYear,
    unitPath: path,
    user: linked ?? null,
    history: await historyOf(db, row),
    canEdit: inScope(await personScope(db, ctx.actor, 'people:manage'), row),
    canExtract: can(ctx.actor, 'people:extract', own),
  };
}

async function historyOf(
  db: Db,
  person: { id: string; createdAt: Date; createdByImport: string | null },
): Promise<PersonEventDto[]> {
  const events = await personHistory(db, person);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const actors = actorIds.length
    ? await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, actorIds))
    : [];
  const names = new Map(actors.map((u) => [u.id, u.name]));
  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    kind: event.kind,
    actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
    byToken: event.actorTokenId !== null,
    byImport: event.importId !== null,
    changes: changeList(event.changes),
  }));
}

const asValue = (v: unknown): PersonChangeDto['from'] =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);

export function changeList(changes: Record<string, [unknown, unknown]>): PersonChangeDto[] {
  return Object.entries(changes).map(([field, [from, to]]) => ({ field, from: asValue(from), to: asValue(to) }));
}

/** The fields of a person that are compared and written, in the order changes are shown. */
export const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'employeeNumber',
  'unitId',
  'professionKey',
  'employmentForm',
  'employmentRate',
  'employmentStart',
  'employmentEnd',
  'birthYear',
] as const;
export type PersonFields = Pick<PersonRow, (typeof PERSON_FIELDS)[number]>;

/** What differs between a person and new values: `{ field: [before, after] }`, units by name. */
export function diffPerson(
  before: PersonFields,
  after: Partial<PersonFields>,
  unitName: (id: string) => string,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of PERSON_FIELDS) {
    if (!(field in after)) continue;
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (from === to) continue;
    if (field === 'unitId') changes.unit = [unitName(String(from)), unitName(String(to))];
    else changes[field] = [from, to];
  }
  return changes;
}

/** The event kind of a change: ending an employment is told apart from other changes. */
export const eventKindOf = (changes: Record<string, [unknown, unknown]>): 'ended' | 'changed' =>
  changes.employmentEnd && changes.employmentEnd[0] === null && changes.employmentEnd[1] !== null ? 'ended' : 'changed';

/** The user account a person's e-mail belongs to in the municipality, unless another person has it already. */
export async function userForEmail(db: Db, organisationId: string, email: string | null, personId?: string) {
  if (!email) return null;
  const [found] = await db
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.organisationId, organisationId), sql`lower(${user.email}) = ${email}`, eq(user.active, true)));
  if (!found) return null;
  const [taken] = await db.select({ id: peoplePerson.id }).from(peoplePerson).where(eq(peoplePerson.userId, found.id));
  return taken && taken.id !== personId ? null : found.id;
}

async function checkUnitAndProfession(
  deps: PeopleDeps,
  scope: PersonScope,
  organisationId: string,
  input: { unitId?: string; professionKey?: string },
) {
  if (input.unitId !== undefined) {
    const [unit] = await deps.db.select().from(peopleUnit).where(eq(peopleUnit.id, input.unitId));
    if (!unit || unit.organisationId !== organisationId) {
      throw new ValidationError([{ path: 'unitId', message: pm.unitNotFound() }]);
    }
    if (!unit.active) throw new ValidationError([{ path: 'unitId', message: pm.unitInactive() }]);
    if (!inScope(scope, { organisationId, unitId: unit.id })) {
      throw new ValidationError([{ path: 'unitId', message: pm.unitOutsideScope() }]);
    }
  }
  if (input.professionKey !== undefined) {
    const professions = await listProfessions({ db: deps.db, cache: deps.cache }, { activeOnly: true });
    if (!professions.some((p) => p.key === input.professionKey)) {
      throw new ValidationError([{ path: 'professionKey', message: pm.professionUnknown() }]);
    }
  }
}

function employeeNumberConflict(error: unknown): never {
  if (databaseErrorCode(error) === '23505') {
    throw new ConflictError(pm.employeeNumberTaken(), [{ path: 'employeeNumber', message: pm.employeeNumberTaken() }]);
  }
  throw error;
}

export async function createPerson(
  deps: PeopleDeps,
  ctx: SignedInContext,
  input: CreatePersonInput,
): Promise<PersonDto> {
  const { actor } = ctx;
  const { db } = deps;
  // The region's users may leave the municipality out: the unit tells it.
  const [unit] = input.municipalityId
    ? []
    : await db
        .select({ organisationId: peopleUnit.organisationId })
        .from(peopleUnit)
        .where(eq(peopleUnit.id, input.unitId));
  const municipality = await targetMunicipality(
    db,
    actor,
    'people:manage',
    input.municipalityId ?? (actor.organisationKind === 'region' ? unit?.organisationId : undefined),
  );
  const scope = await personScope(db, actor, 'people:manage');
  await checkUnitAndProfession(deps, scope, municipality.id, input);
  const { municipalityId: _m, ...fields } = input;
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(peoplePerson)
      .values({
        ...fields,
        organisationId: municipality.id,
        userId: await userForEmail(tx, municipality.id, fields.email),
        searchText: personSearchText(fields),
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    const unitName =
      (await tx.select({ name: peopleUnit.name }).from(peopleUnit).where(eq(peopleUnit.id, created.unitId)))[0]?.name ??
      '';
    const changes = diffPerson(EMPTY_PERSON, fields, () => unitName);
    await tx.insert(peoplePersonEvent).values({
      personId: created.id,
      kind: 'created',
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      changes,
    });
    await audit(tx, ctx, {
      action: 'person.create',
      entityType: 'person',
      entityId: created.id,
      organisationId: municipality.id,
    });
    return created;
  }).catch(employeeNumberConflict);
  return personDto(deps, ctx, row);
}

export const EMPTY_PERSON: PersonFields = {
  firstName: null as unknown as string,
  lastName: null as unknown as string,
  email: null,
  employeeNumber: null,
  unitId: null as unknown as string,
  professionKey: null as unknown as string,
  employmentForm: null as unknown as PersonRow['employmentForm'],
  employmentRate: null,
  employmentStart: null as unknown as string,
  employmentEnd: null,
  birthYear: null,
};

export async function updatePerson(
  deps: PeopleDeps,
  ctx: SignedInContext,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonDto> {
  const { actor } = ctx;
  const { db } = deps;
  const { row } = await findVisiblePerson(db, actor, id, 'people:manage');
  const scope = await personScope(db, actor, 'people:manage');
  await checkUnitAndProfession(deps, scope, row.organisationId, input);
  // The rules between fields hold for the record as it will be.
  const next = { ...row, ...input };
  const problems: { path: string; message: ReturnType<typeof pm.endBeforeStart> }[] = [];
  if (next.employmentEnd && next.employmentEnd < next.employmentStart) {
    problems.push({ path: 'employmentEnd', message: pm.endBeforeStart() });
  }
  if (next.employmentForm === 'hourly' && next.employmentRate !== null) {
    problems.push({ path: 'employmentRate', message: pm.rateForHourly() });
  }
  if (next.employmentForm !== 'hourly' && next.employmentRate === null) {
    problems.push({ path: 'employmentRate', message: pm.rateRequired() });
  }
  if (problems.length) throw new ValidationError(problems);
  const units = new Map((await unitsOfMunicipality(db, row.organisationId)).map((u) => [u.id, u.name]));
  const changes = diffPerson(row, input, (unitId) => units.get(unitId) ?? '');
  const updated = await inTransaction(db, async (tx) => {
    if (Object.keys(changes).length === 0) return row;
    const userId =
      input.email !== undefined ? await userForEmail(tx, row.organisationId, next.email, row.id) : row.userId;
    const [saved] = await tx
      .update(peoplePerson)
      .set({ ...input, userId, searchText: personSearchText(next), updatedAt: new Date() })
      .where(and(eq(peoplePerson.id, id), isNull(peoplePerson.anonymisedAt)))
      .returning();
    if (!saved) throw new NotFoundError(pm.personNotFound());
    await tx.insert(peoplePersonEvent).values({
      personId: id,
      kind: eventKindOf(changes),
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      changes,
    });
    await audit(tx, ctx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      organisationId: row.organisationId,
    });
    return saved;
  }).catch(employeeNumberConflict);
  return personDto(deps, ctx, updated);
}

/** The signed-in employee's own record(s): the persons linked to their user account. */
export async function myRecord(deps: PeopleDeps, ctx: SignedInContext): Promise<{ persons: PersonDto[] }> {
  authorize(ctx.actor, 'people:read_own');
  const rows = await deps.db
    .select()
    .from(peoplePerson)
    .where(and(eq(peoplePerson.userId, ctx.actor.userId), isNull(peoplePerson.anonymisedAt)));
  await audit(
    deps.db,
    ctx,
    rows.map((r) => ({
      action: 'person.own_read',
      entityType: 'person',
      entityId: r.id,
      organisationId: r.organisationId,
    })),
  );
  return { persons: await Promise.all(rows.map((r) => personDto(deps, ctx, r))) };
}
