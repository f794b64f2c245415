// Role × route matrix of the introduction lists: every introductions route is called as each role of municipality
// A, as B's municipal admin and signed out, and the status of every cell is asserted. The objects are A's.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastLinkTo, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { ROLES, type Role } from '../../platform/shared/roles.ts';

type ActorName = Role | 'other_municipal_admin' | 'signed_out';
const ACTORS: ActorName[] = [...ROLES, 'other_municipal_admin', 'signed_out'];

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies = new Map<ActorName, string | null>();
const emails = new Map<ActorName, string>();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun A' });
  b = await buildMunicipality(t.db, { name: 'Kommun B' });
  let ip = 1;
  for (const role of ROLES) {
    const u = await buildUser(t.db, { role, ...(role === 'regional_admin' ? {} : { municipality: a }) });
    emails.set(role, u.email);
    cookies.set(role, await t.signIn(u, `10.8.0.${ip++}`));
  }
  const other = await buildUser(t.db, { role: 'municipal_admin', municipality: b });
  emails.set('other_municipal_admin', other.email);
  cookies.set('other_municipal_admin', await t.signIn(other, `10.8.0.${ip++}`));
  cookies.set('signed_out', null);
});
afterAll(() => t.close());

const admin = () => t.as(cookies.get('regional_admin') ?? null);
const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

/** A list of municipality A with one local entry, made by the regional admin. */
async function freshList() {
  const list = (
    await admin()({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: `Matrislista ${unique()}`, professionKey: 'sjukskoterska', municipalityId: a.id },
    })
  ).json();
  const withEntry = (
    await admin()({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/entries`,
      payload: { kind: 'local', title: 'Träffa din chef' },
    })
  ).json();
  return { listId: list.id as string, entryId: withEntry.entries[0].id as string };
}

/** An introduction of a fresh list of A given to an address; its id, first entry and personal token. */
async function freshAssignment(email = `ny.${unique()}@extern.example`) {
  const { listId } = await freshList();
  const res = await admin()({
    method: 'POST',
    url: `/api/introductions/lists/${listId}/assignments`,
    payload: { email },
  });
  const assignment = res.json();
  const token = lastLinkTo(t.mailer, email).searchParams.get('token') as string;
  return { id: assignment.id as string, entryId: assignment.entries[0].id as string, token };
}

type Expect = Partial<Record<ActorName, number>> & { rest: number };
type Cell = {
  name: string;
  method: string;
  url: string;
  request: (actor: ActorName) => Promise<InjectOptions>;
  expect: Expect;
};

/** Managers of any municipality (the shared library). */
const readers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  manager: status,
  other_municipal_admin: status,
  signed_out: 401,
});
/** Managers of A and the region; B's admin is refused a visible list (403). */
const listManagers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  manager: status,
  signed_out: 401,
});
/** Managers of A and the region; A's people are hidden from B's admin (404). */
const peopleManagers = (status: number): Expect => ({ ...listManagers(status), other_municipal_admin: 404 });

const CELLS: Cell[] = [
  {
    name: 'lists',
    method: 'GET',
    url: '/api/introductions/lists',
    request: async () => ({ method: 'GET', url: '/api/introductions/lists?scope=library' }),
    expect: readers(200),
  },
  {
    name: 'create a list in A',
    method: 'POST',
    url: '/api/introductions/lists',
    request: async () => ({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: `Lista ${unique()}`, professionKey: 'underskoterska', municipalityId: a.id },
    }),
    expect: listManagers(201),
  },
  {
    name: "a list of A's",
    method: 'GET',
    url: '/api/introductions/lists/:id',
    request: async () => ({ method: 'GET', url: `/api/introductions/lists/${(await freshList()).listId}` }),
    expect: readers(200),
  },
  {
    name: 'rename',
    method: 'PATCH',
    url: '/api/introductions/lists/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/introductions/lists/${(await freshList()).listId}`,
      payload: { name: `Nytt namn ${unique()}` },
    }),
    expect: listManagers(200),
  },
  {
    name: 'delete a list',
    method: 'DELETE',
    url: '/api/introductions/lists/:id',
    request: async () => ({ method: 'DELETE', url: `/api/introductions/lists/${(await freshList()).listId}` }),
    expect: listManagers(200),
  },
  {
    name: 'copy into the own municipality',
    method: 'POST',
    url: '/api/introductions/lists/:id/copy',
    request: async (actor) => ({
      method: 'POST',
      url: `/api/introductions/lists/${(await freshList()).listId}/copy`,
      payload: actor === 'regional_admin' ? { municipalityId: b.id } : {},
    }),
    expect: readers(201),
  },
  {
    name: 'add an entry',
    method: 'POST',
    url: '/api/introductions/lists/:id/entries',
    request: async () => ({
      method: 'POST',
      url: `/api/introductions/lists/${(await freshList()).listId}/entries`,
      payload: { kind: 'local', title: 'Läs rutinen för läkemedelshantering', url: 'https://example.org/rutin' },
    }),
    expect: listManagers(201),
  },
  {
    name: 'remove an entry',
    method: 'DELETE',
    url: '/api/introductions/lists/:id/entries/:entryId',
    request: async () => {
      const { listId, entryId } = await freshList();
      return { method: 'DELETE', url: `/api/introductions/lists/${listId}/entries/${entryId}` };
    },
    expect: listManagers(200),
  },
  {
    name: 'move an entry',
    method: 'POST',
    url: '/api/introductions/lists/:id/entries/:entryId/move',
    request: async () => {
      const { listId, entryId } = await freshList();
      return {
        method: 'POST',
        url: `/api/introductions/lists/${listId}/entries/${entryId}/move`,
        payload: { direction: 'down' },
      };
    },
    expect: listManagers(200),
  },
  {
    name: 'pick from the catalogue',
    method: 'GET',
    url: '/api/introductions/catalogue',
    request: async () => ({ method: 'GET', url: '/api/introductions/catalogue?q=demens' }),
    expect: readers(200),
  },
  {
    name: "a list's people and progress",
    method: 'GET',
    url: '/api/introductions/lists/:id/assignments',
    request: async () => ({
      method: 'GET',
      url: `/api/introductions/lists/${(await freshList()).listId}/assignments`,
    }),
    expect: peopleManagers(200),
  },
  {
    name: 'give a list',
    method: 'POST',
    url: '/api/introductions/lists/:id/assignments',
    request: async () => ({
      method: 'POST',
      url: `/api/introductions/lists/${(await freshList()).listId}/assignments`,
      payload: { email: `ny.${unique()}@extern.example` },
    }),
    expect: peopleManagers(201),
  },
  {
    name: 'resend the link',
    method: 'POST',
    url: '/api/introductions/assignments/:id/resend',
    request: async () => ({
      method: 'POST',
      url: `/api/introductions/assignments/${(await freshAssignment()).id}/resend`,
    }),
    expect: peopleManagers(200),
  },
  {
    name: 'end',
    method: 'POST',
    url: '/api/introductions/assignments/:id/end',
    request: async () => ({
      method: 'POST',
      url: `/api/introductions/assignments/${(await freshAssignment()).id}/end`,
    }),
    expect: peopleManagers(200),
  },
  {
    name: 'remove',
    method: 'DELETE',
    url: '/api/introductions/assignments/:id',
    request: async () => ({ method: 'DELETE', url: `/api/introductions/assignments/${(await freshAssignment()).id}` }),
    expect: peopleManagers(200),
  },
  {
    name: 'my introductions',
    method: 'GET',
    url: '/api/introductions/mine',
    request: async () => ({ method: 'GET', url: '/api/introductions/mine' }),
    expect: { rest: 200, signed_out: 401 },
  },
  {
    // Given to the caller's own address in A: users of A tick it; the region's admin and B's admin are not of A.
    name: 'tick my own entry',
    method: 'PUT',
    url: '/api/introductions/mine/:id/entries/:entryId',
    request: async (actor) => {
      const { id, entryId } = await freshAssignment(emails.get(actor) ?? `x.${unique()}@extern.example`);
      return { method: 'PUT', url: `/api/introductions/mine/${id}/entries/${entryId}`, payload: { done: true } };
    },
    expect: { rest: 200, regional_admin: 404, other_municipal_admin: 404, signed_out: 401 },
  },
  {
    name: 'the personal link',
    method: 'GET',
    url: '/api/public/introductions/introduction',
    request: async () => ({
      method: 'GET',
      url: `/api/public/introductions/introduction?token=${(await freshAssignment()).token}`,
    }),
    expect: { rest: 200 },
  },
  {
    name: 'tick through the personal link',
    method: 'PUT',
    url: '/api/public/introductions/introduction/entries/:entryId',
    request: async () => {
      const { entryId, token } = await freshAssignment();
      return {
        method: 'PUT',
        url: `/api/public/introductions/introduction/entries/${entryId}`,
        payload: { token, done: true },
      };
    },
    expect: { rest: 200 },
  },
];

describe('introductions role × route matrix', () => {
  it('covers every introductions route the app registers', () => {
    const registered = t.app.deps.routes
      .filter((r) => /^\/api\/(public\/)?introductions(\/|$)/.test(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const covered = [...new Set(CELLS.map((c) => `${c.method} ${c.url}`))].sort();
    expect(covered).toEqual(registered);
  });

  for (const cell of CELLS) {
    describe(`${cell.method} ${cell.url} (${cell.name})`, () => {
      for (const actor of ACTORS) {
        const status = cell.expect[actor] ?? cell.expect.rest;
        it(`${actor} → ${status}`, async () => {
          const res = await t.as(cookies.get(actor) ?? null)(await cell.request(actor));
          expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
        });
      }
    });
  }
});

describe('list = detail', () => {
  it('returns in the library only lists whose detail the caller may read, and manage flags that match', async () => {
    await freshList();
    for (const actor of ['manager', 'other_municipal_admin', 'regional_admin'] as const) {
      const lists = (
        await t.as(cookies.get(actor) ?? null)({ method: 'GET', url: '/api/introductions/lists?scope=library' })
      ).json().lists as { id: string; canManage: boolean }[];
      expect(lists.length).toBeGreaterThan(0);
      for (const l of lists) {
        const detail = await t.as(cookies.get(actor) ?? null)({
          method: 'GET',
          url: `/api/introductions/lists/${l.id}`,
        });
        expect(detail.statusCode).toBe(200);
        expect(detail.json().canManage).toBe(l.canManage);
        const people = await t.as(cookies.get(actor) ?? null)({
          method: 'GET',
          url: `/api/introductions/lists/${l.id}/assignments`,
        });
        expect(people.statusCode).toBe(l.canManage ? 200 : 404);
      }
    }
  });
});
