// The introductions module's role × route matrix (run by introductions-access.test.ts, read by
// route-coverage.test.ts): every introductions route, the status each actor must get (every role of municipality A,
// B's municipal admin, signed out). The objects are A's.
import { randomUUID } from 'node:crypto';
import { defineAccessMatrix, type Expect, type MatrixFixture } from '../../../tests/support/access-matrix.ts';
import { lastLinkTo } from '../../../tests/support/test-app.ts';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

/** A list of municipality A with one local entry, made by the regional admin. */
export async function freshList(fx: MatrixFixture) {
  const list = (
    await fx.admin({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: `Matrislista ${unique()}`, professionKey: 'sjukskoterska', municipalityId: fx.a.id },
    })
  ).json();
  const withEntry = (
    await fx.admin({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/entries`,
      payload: { kind: 'local', title: 'Träffa din chef' },
    })
  ).json();
  return { listId: list.id as string, entryId: withEntry.entries[0].id as string };
}

/** An introduction of a fresh list of A given to an address; its id, first entry and personal token. */
async function freshAssignment(fx: MatrixFixture, email = `ny.${unique()}@extern.example`) {
  const { listId } = await freshList(fx);
  const res = await fx.admin({
    method: 'POST',
    url: `/api/introductions/lists/${listId}/assignments`,
    payload: { email },
  });
  const assignment = res.json();
  const token = lastLinkTo(fx.t.mailer, email).searchParams.get('token') as string;
  return { id: assignment.id as string, entryId: assignment.entries[0].id as string, token };
}

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

export const accessMatrix = defineAccessMatrix({
  module: 'introductions',
  routePattern: /^\/api\/(public\/)?introductions(\/|$)/,
  cells: [
    {
      name: 'lists',
      method: 'GET',
      url: '/api/introductions/lists',
      request: () => ({ method: 'GET', url: '/api/introductions/lists?scope=library' }),
      expect: readers(200),
    },
    {
      name: 'create a list in A',
      method: 'POST',
      url: '/api/introductions/lists',
      request: async (fx) => ({
        method: 'POST',
        url: '/api/introductions/lists',
        payload: { name: `Lista ${unique()}`, professionKey: 'underskoterska', municipalityId: fx.a.id },
      }),
      expect: listManagers(201),
    },
    {
      name: "a list of A's",
      method: 'GET',
      url: '/api/introductions/lists/:id',
      request: async (fx) => ({ method: 'GET', url: `/api/introductions/lists/${(await freshList(fx)).listId}` }),
      expect: readers(200),
    },
    {
      name: 'rename',
      method: 'PATCH',
      url: '/api/introductions/lists/:id',
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/introductions/lists/${(await freshList(fx)).listId}`,
        payload: { name: `Nytt namn ${unique()}` },
      }),
      expect: listManagers(200),
    },
    {
      name: 'delete a list',
      method: 'DELETE',
      url: '/api/introductions/lists/:id',
      request: async (fx) => ({ method: 'DELETE', url: `/api/introductions/lists/${(await freshList(fx)).listId}` }),
      expect: listManagers(200),
    },
    {
      name: 'copy into the own municipality',
      method: 'POST',
      url: '/api/introductions/lists/:id/copy',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/introductions/lists/${(await freshList(fx)).listId}/copy`,
        payload: actor === 'regional_admin' ? { municipalityId: fx.b.id } : {},
      }),
      expect: readers(201),
    },
    {
      name: 'add an entry',
      method: 'POST',
      url: '/api/introductions/lists/:id/entries',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/introductions/lists/${(await freshList(fx)).listId}/entries`,
        payload: { kind: 'local', title: 'Läs rutinen för läkemedelshantering', url: 'https://example.org/rutin' },
      }),
      expect: listManagers(201),
    },
    {
      name: 'remove an entry',
      method: 'DELETE',
      url: '/api/introductions/lists/:id/entries/:entryId',
      request: async (fx) => {
        const { listId, entryId } = await freshList(fx);
        return { method: 'DELETE', url: `/api/introductions/lists/${listId}/entries/${entryId}` };
      },
      expect: listManagers(200),
    },
    {
      name: 'move an entry',
      method: 'POST',
      url: '/api/introductions/lists/:id/entries/:entryId/move',
      request: async (fx) => {
        const { listId, entryId } = await freshList(fx);
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
      request: () => ({ method: 'GET', url: '/api/introductions/catalogue?q=demens' }),
      expect: readers(200),
    },
    {
      name: "a list's people and progress",
      method: 'GET',
      url: '/api/introductions/lists/:id/assignments',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/introductions/lists/${(await freshList(fx)).listId}/assignments`,
      }),
      expect: peopleManagers(200),
    },
    {
      name: 'give a list',
      method: 'POST',
      url: '/api/introductions/lists/:id/assignments',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/introductions/lists/${(await freshList(fx)).listId}/assignments`,
        payload: { email: `ny.${unique()}@extern.example` },
      }),
      expect: peopleManagers(201),
    },
    {
      name: 'resend the link',
      method: 'POST',
      url: '/api/introductions/assignments/:id/resend',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/introductions/assignments/${(await freshAssignment(fx)).id}/resend`,
      }),
      expect: peopleManagers(200),
    },
    {
      name: 'end',
      method: 'POST',
      url: '/api/introductions/assignments/:id/end',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/introductions/assignments/${(await freshAssignment(fx)).id}/end`,
      }),
      expect: peopleManagers(200),
    },
    {
      name: 'remove',
      method: 'DELETE',
      url: '/api/introductions/assignments/:id',
      request: async (fx) => ({
        method: 'DELETE',
        url: `/api/introductions/assignments/${(await freshAssignment(fx)).id}`,
      }),
      expect: peopleManagers(200),
    },
    {
      name: 'my introductions',
      method: 'GET',
      url: '/api/introductions/mine',
      request: () => ({ method: 'GET', url: '/api/introductions/mine' }),
      expect: { rest: 200, signed_out: 401 },
    },
    {
      // Given to the caller's own address in A: users of A tick it; the region's admin and B's admin are not of A.
      name: 'tick my own entry',
      method: 'PUT',
      url: '/api/introductions/mine/:id/entries/:entryId',
      request: async (fx, actor) => {
        const { id, entryId } = await freshAssignment(
          fx,
          fx.sessions[actor].user?.email ?? `x.${unique()}@extern.example`,
        );
        return { method: 'PUT', url: `/api/introductions/mine/${id}/entries/${entryId}`, payload: { done: true } };
      },
      expect: { rest: 200, regional_admin: 404, other_municipal_admin: 404, signed_out: 401 },
    },
    {
      name: 'the personal link',
      method: 'GET',
      url: '/api/public/introductions/introduction',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/public/introductions/introduction?token=${(await freshAssignment(fx)).token}`,
      }),
      expect: { rest: 200 },
    },
    {
      name: 'tick through the personal link',
      method: 'PUT',
      url: '/api/public/introductions/introduction/entries/:entryId',
      request: async (fx) => {
        const { entryId, token } = await freshAssignment(fx);
        return {
          method: 'PUT',
          url: `/api/public/introductions/introduction/entries/${entryId}`,
          payload: { token, done: true },
        };
      },
      expect: { rest: 200 },
    },
  ],
});
