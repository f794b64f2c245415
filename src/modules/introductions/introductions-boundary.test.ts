// Property: whatever a manager of one municipality asks about another municipality's introduction lists and
// introductions, none of the other's people are read and none of its lists or introductions are changed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastLinkTo, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { buildIntroductionList } from './introductions.factories.ts';
import { introAssignment, introAssignmentEntry, introList, introListEntry } from './introductions.table.ts';

type Side = {
  org: Organisation;
  manager: string;
  employee: string;
  lists: { id: string; entryIds: string[] }[];
  assignments: { id: string; entryId: string; email: string }[];
};

let t: TestApp;
const sides: Side[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const [i, name] of ['Kommun Ett', 'Kommun Två'].entries()) {
    const org = await buildMunicipality(t.db, { name });
    const manager = await t.signIn(await buildUser(t.db, { role: 'manager', municipality: org }), `10.11.0.${i + 1}`);
    const employeeUser = await buildUser(t.db, { role: 'employee', municipality: org });
    const employee = await t.signIn(employeeUser, `10.11.0.${i + 10}`);
    const side: Side = { org, manager, employee, lists: [], assignments: [] };
    for (let l = 0; l < 2; l++) {
      const { list, entries } = await buildIntroductionList(t.db, {
        municipality: org,
        name: `${name} lista ${l}`,
        entries: [
          { kind: 'local', title: 'Träffa din chef' },
          { kind: 'local', title: 'Läs rutinen för avvikelser' },
        ],
      });
      const entryIds = entries.map((e) => e.id);
      side.lists.push({ id: list.id, entryIds });
      const email = l === 0 ? employeeUser.email : `ny.${i}.${l}@extern.example`;
      const assignment = (
        await t.as(manager)({
          method: 'POST',
          url: `/api/introductions/lists/${list.id}/assignments`,
          payload: { email },
        })
      ).json();
      expect(lastLinkTo(t.mailer, email)).toBeTruthy();
      side.assignments.push({ id: assignment.id, entryId: assignment.entries[0].id, email });
    }
    sides.push(side);
  }
});
afterAll(() => t.close());

/** Everything of the introductions tables that belongs to one municipality, to compare before and after. */
async function stateOf(org: Organisation) {
  const lists = (await t.db.select().from(introList)).filter((l) => l.organisationId === org.id);
  const listIds = new Set(lists.map((l) => l.id));
  const entries = (await t.db.select().from(introListEntry)).filter((e) => listIds.has(e.listId));
  const assignments = (await t.db.select().from(introAssignment)).filter((a) => a.organisationId === org.id);
  const assignmentIds = new Set(assignments.map((a) => a.id));
  const progress = (await t.db.select().from(introAssignmentEntry)).filter((e) => assignmentIds.has(e.assignmentId));
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return JSON.stringify([lists.sort(byId), entries.sort(byId), assignments.sort(byId), progress.sort(byId)]);
}

const OPERATIONS = [
  'people',
  'assign',
  'resend',
  'end',
  'remove',
  'rename',
  'delete',
  'addEntry',
  'removeEntry',
  'moveEntry',
  'tickMine',
  'createThere',
] as const;

describe("another municipality's introductions", () => {
  it('are never read or changed by a manager or employee of the other municipality', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom(...OPERATIONS),
        fc.integer({ min: 0, max: 1 }),
        fc.boolean(),
        async (me, operation, pick, asEmployee) => {
          const own = sides[me] as Side;
          const other = sides[1 - me] as Side;
          const list = other.lists[pick] as Side['lists'][number];
          const assignment = other.assignments[pick] as Side['assignments'][number];
          const requests = {
            people: { method: 'GET', url: `/api/introductions/lists/${list.id}/assignments` },
            assign: {
              method: 'POST',
              url: `/api/introductions/lists/${list.id}/assignments`,
              payload: { email: 'inkraktare@extern.example' },
            },
            resend: { method: 'POST', url: `/api/introductions/assignments/${assignment.id}/resend` },
            end: { method: 'POST', url: `/api/introductions/assignments/${assignment.id}/end` },
            remove: { method: 'DELETE', url: `/api/introductions/assignments/${assignment.id}` },
            rename: { method: 'PATCH', url: `/api/introductions/lists/${list.id}`, payload: { name: 'Kapad' } },
            delete: { method: 'DELETE', url: `/api/introductions/lists/${list.id}` },
            addEntry: {
              method: 'POST',
              url: `/api/introductions/lists/${list.id}/entries`,
              payload: { kind: 'local', title: 'Smyg' },
            },
            removeEntry: { method: 'DELETE', url: `/api/introductions/lists/${list.id}/entries/${list.entryIds[0]}` },
            moveEntry: {
              method: 'POST',
              url: `/api/introductions/lists/${list.id}/entries/${list.entryIds[0]}/move`,
              payload: { direction: 'down' },
            },
            tickMine: {
              method: 'PUT',
              url: `/api/introductions/mine/${assignment.id}/entries/${assignment.entryId}`,
              payload: { done: true },
            },
            createThere: {
              method: 'POST',
              url: '/api/introductions/lists',
              payload: { name: 'Annans', professionKey: 'sjukskoterska', municipalityId: other.org.id },
            },
          } as const;
          const before = await stateOf(other.org);
          const res = await t.as(asEmployee ? own.employee : own.manager)(requests[operation] as never);
          expect([403, 404], `${operation} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
          for (const a of other.assignments) expect(res.body).not.toContain(a.email);
          expect(await stateOf(other.org)).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("'Min introduktion' lists only the caller's own introductions", async () => {
    for (const side of sides) {
      const mine = (await t.as(side.employee)({ method: 'GET', url: '/api/introductions/mine' })).json();
      expect(mine.introductions.map((i: { id: string }) => i.id)).toEqual([side.assignments[0]?.id]);
    }
  });
});
