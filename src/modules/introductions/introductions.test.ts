// Introduction lists as each role meets them: a manager builds a list (validation in Swedish with field paths,
// reordering), gives it to a new employee by e-mail, the employee ticks items off through the personal link or
// "Min introduktion", and the manager follows progress; the snapshot, resending, ending, copying and the boundary.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastLinkTo, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { buildTrainingItem } from '../trainings/trainings.factories.ts';
import { buildIntroductionList } from './introductions.factories.ts';
import { introAssignment } from './introductions.table.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies: Record<string, string> = {};
const emails: Record<string, string> = {};
let ip = 10;
let itemId = '';
let otherItemId = '';

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  a = await buildMunicipality(t.db, { name: 'Aby' });
  b = await buildMunicipality(t.db, { name: 'Bro' });
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    managerA: await buildUser(t.db, { role: 'manager', organisation: a }),
    municipalAdminA: await buildUser(t.db, { role: 'municipal_admin', organisation: a }),
    employeeA: await buildUser(t.db, { role: 'employee', organisation: a, email: 'ny.kollega@aby.example' }),
    otherEmployeeA: await buildUser(t.db, { role: 'employee', organisation: a }),
    managerB: await buildUser(t.db, { role: 'manager', organisation: b }),
    employeeB: await buildUser(t.db, { role: 'employee', organisation: b }),
  };
  for (const [key, u] of Object.entries(users)) {
    cookies[key] = await t.signIn(u, `10.7.0.${ip++}`);
    emails[key] = u.email;
  }
  itemId = await approvedItem('Läkemedelshantering för nyanställda');
  otherItemId = await approvedItem('Basala hygienrutiner');
});
afterAll(() => t.close());

const as = (who: string | null) => t.as(who ? (cookies[who] ?? null) : null);
let counter = 0;

/** An approved catalogue item (made directly: the catalogue's own workflow is the trainings tests'). */
async function approvedItem(title: string) {
  return (await buildTrainingItem(t.db, { title, url: `https://example.org/intro-${++counter}` })).id;
}

async function newList(who = 'managerA', name = `Introduktion ny sjuksköterska ${++counter}`) {
  const res = await as(who)({
    method: 'POST',
    url: '/api/introductions/lists',
    payload: { name, professionKey: 'sjukskoterska' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; entries: { id: string; title: string }[] };
}

async function addLocal(listId: string, title: string, url?: string, who = 'managerA') {
  const res = await as(who)({
    method: 'POST',
    url: `/api/introductions/lists/${listId}/entries`,
    payload: { kind: 'local', title, ...(url ? { url } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function addCatalogue(listId: string, trainingItemId: string) {
  const res = await as('managerA')({
    method: 'POST',
    url: `/api/introductions/lists/${listId}/entries`,
    payload: { kind: 'catalogue', trainingItemId },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function assignTo(listId: string, email: string, who = 'managerA', name?: string) {
  const res = await as(who)({
    method: 'POST',
    url: `/api/introductions/lists/${listId}/assignments`,
    payload: { email, ...(name ? { name } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { assignment: res.json(), token: lastLinkTo(t.mailer, email.toLowerCase()).searchParams.get('token') ?? '' };
}

const openLink = (token: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/introductions/introduction?token=${encodeURIComponent(token)}` });
const tick = (token: string, entryId: string, done: boolean) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/public/introductions/introduction/entries/${entryId}`,
    payload: { token, done },
  });

describe('building a list', () => {
  it('lets a manager build an ordered list of catalogue and local items and reorder it', async () => {
    const list = await newList();
    await addCatalogue(list.id, itemId);
    await addLocal(list.id, 'Läs rutinen för läkemedelshantering', 'https://intranat.example.org/rutiner/lakemedel');
    const afterAdd = await addLocal(list.id, 'Träffa din mentor');
    expect(afterAdd.entries.map((e: { title: string }) => e.title)).toEqual([
      'Läkemedelshantering för nyanställda',
      'Läs rutinen för läkemedelshantering',
      'Träffa din mentor',
    ]);
    expect(afterAdd.entries[0]).toMatchObject({
      kind: 'catalogue',
      trainingItemId: itemId,
      provider: 'Testleverantören (demo)',
      available: true,
    });
    expect(afterAdd.entries[0].url).toMatch(/^https:\/\/example\.org\/intro-/);
    expect(afterAdd.entries[1]).toMatchObject({
      kind: 'local',
      url: 'https://intranat.example.org/rutiner/lakemedel',
    });
    const [first, second, third] = afterAdd.entries as { id: string }[];
    const move = (entryId: string, direction: string) =>
      as('managerA')({
        method: 'POST',
        url: `/api/introductions/lists/${list.id}/entries/${entryId}/move`,
        payload: { direction },
      });
    const down = await move(first?.id as string, 'down');
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json().entries.map((e: { id: string }) => e.id)).toEqual([second?.id, first?.id, third?.id]);
    // At the top an "up" changes nothing.
    expect((await move(second?.id as string, 'up')).json().entries[0].id).toBe(second?.id);
    const removed = await as('managerA')({
      method: 'DELETE',
      url: `/api/introductions/lists/${list.id}/entries/${third?.id}`,
    });
    expect(removed.json().entries.map((e: { id: string }) => e.id)).toEqual([second?.id, first?.id]);
    const own = (await as('managerA')({ method: 'GET', url: '/api/introductions/lists' })).json().lists;
    expect(own.find((l: { id: string }) => l.id === list.id)).toMatchObject({
      entryCount: 2,
      activeAssignments: 0,
      canManage: true,
      municipalityName: 'Aby',
    });
  });

  it('answers invalid input in Swedish with the field that is wrong', async () => {
    const noName = await as('managerA')({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: ' ', professionKey: 'sjukskoterska' },
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error).toMatchObject({ code: 'validation_failed' });
    expect(noName.json().error.fields).toContainEqual({ path: 'name', message: 'Ange ett namn på listan.' });
    const badProfession = await as('managerA')({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: 'Lista', professionKey: 'astronaut' },
    });
    expect(badProfession.statusCode).toBe(400);
    expect(badProfession.json().error.fields).toEqual([{ path: 'professionKey', message: 'Välj ett yrke ur listan.' }]);
    const list = await newList();
    const badLink = await as('managerA')({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/entries`,
      payload: { kind: 'local', title: 'Läs rutinen', url: 'javascript:alert(1)' },
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.fields[0]).toMatchObject({ path: 'url' });
    expect(badLink.json().error.fields[0].message).toMatch(/https:\/\//);
    const unknownItem = await as('managerA')({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/entries`,
      payload: { kind: 'catalogue', trainingItemId: crypto.randomUUID() },
    });
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().error.fields).toEqual([
      { path: 'trainingItemId', message: 'Välj en utbildning som finns i katalogen.' },
    ]);
    const mass = await as('managerA')({
      method: 'PATCH',
      url: `/api/introductions/lists/${list.id}`,
      payload: { organisationId: b.id },
    });
    expect(mass.statusCode).toBe(400);
    const empty = await as('managerA')({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/assignments`,
      payload: { email: 'ny@aby.example' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/inga punkter/);
    await addLocal(list.id, 'Träffa din chef');
    const badEmail = await as('managerA')({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/assignments`,
      payload: { email: 'inte-en-adress' },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.fields).toEqual([{ path: 'email', message: 'Ange en giltig e-postadress.' }]);
  });

  it('finds approved catalogue items to pick from', async () => {
    const res = await as('managerA')({ method: 'GET', url: '/api/introductions/catalogue?q=hygien' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([otherItemId]);
  });
});

describe('giving a list to a new employee', () => {
  it('mails a personal link; the employee ticks items off; the manager sees the progress', async () => {
    const list = await newList();
    await addCatalogue(list.id, itemId);
    await addLocal(list.id, 'Läs rutinen för läkemedelshantering', 'https://intranat.example.org/lakemedel');
    const { assignment, token } = await assignTo(list.id, 'Sara.Ny@Extern.example', 'managerA', 'Sara Ny');
    expect(assignment).toMatchObject({ email: 'sara.ny@extern.example', name: 'Sara Ny', done: 0, total: 2 });
    expect(assignment.linkedToUser).toBe(false);
    const mail = t.mailer.recent.at(-1);
    expect(mail?.to).toBe('sara.ny@extern.example');
    expect(mail?.subject).toBe(`Din introduktion – ${assignment.listName}`);
    expect(mail?.text).toMatch(/^Hej Sara Ny!/);
    expect(mail?.text).toContain('Aby');
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    // Only the hash is stored.
    const [stored] = await t.db.select().from(introAssignment).where(eq(introAssignment.id, assignment.id));
    expect(stored?.tokenHash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const opened = await openLink(token);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ listName: assignment.listName, municipalityName: 'Aby', done: 0, total: 2 });
    expect(opened.body).not.toContain('sara.ny@extern.example');
    const [first, second] = opened.json().entries as { id: string }[];
    const ticked = await tick(token, first?.id as string, true);
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().done).toBe(1);
    const firstDoneAt = ticked.json().entries[0].doneAt;
    expect(firstDoneAt).not.toBeNull();
    await tick(token, second?.id as string, true);
    // Unticking keeps the other's time.
    const unticked = await tick(token, second?.id as string, false);
    expect(unticked.json().entries.map((e: { doneAt: string | null }) => e.doneAt)).toEqual([firstDoneAt, null]);

    const progress = await as('managerA')({ method: 'GET', url: `/api/introductions/lists/${list.id}/assignments` });
    expect(progress.statusCode).toBe(200);
    const mine = progress.json().assignments.find((x: { id: string }) => x.id === assignment.id);
    expect(mine).toMatchObject({ done: 1, total: 2 });
    expect(mine.lastActivityAt).not.toBeNull();
    expect(mine.entries[0].doneAt).toBe(firstDoneAt);
    const events = await t.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, assignment.id));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['intro_assignment.create', 'intro_assignment.progress', 'intro_assignment.read']),
    );
    // Another assignment's entry cannot be ticked with this token.
    const other = await assignTo(list.id, 'annan@extern.example');
    const otherEntry = (await openLink(other.token)).json().entries[0].id;
    expect((await tick(token, otherEntry, true)).statusCode).toBe(404);
    // A wrong token reveals nothing.
    expect((await openLink('x'.repeat(43))).statusCode).toBe(404);
  });

  it('keeps the introduction as it was given when the list changes later (a snapshot)', async () => {
    const { list, entries } = await buildIntroductionList(t.db, {
      municipality: a,
      entries: [
        { kind: 'local', title: 'Första dagen: nycklar och kort' },
        { kind: 'local', title: 'Läs rutinen för avvikelser' },
      ],
    });
    const { token } = await assignTo(list.id, 'snapshot@extern.example');
    await addLocal(list.id, 'En punkt som kom till senare');
    await as('managerA')({
      method: 'DELETE',
      url: `/api/introductions/lists/${list.id}/entries/${entries[0]?.id}`,
    });
    await as('managerA')({
      method: 'PATCH',
      url: `/api/introductions/lists/${list.id}`,
      payload: { name: 'Nytt namn' },
    });
    const opened = (await openLink(token)).json();
    expect(opened.entries.map((e: { title: string }) => e.title)).toEqual([
      'Första dagen: nycklar och kort',
      'Läs rutinen för avvikelser',
    ]);
    expect(opened.listName).not.toBe('Nytt namn');
    // Deleting the list keeps the introduction.
    expect((await as('managerA')({ method: 'DELETE', url: `/api/introductions/lists/${list.id}` })).statusCode).toBe(
      200,
    );
    expect((await openLink(token)).json().total).toBe(2);
  });

  it('shows a catalogue item that later left the catalogue by its title, without its link', async () => {
    const item = await buildTrainingItem(t.db, { title: 'Utbildning som tas bort' });
    const gone = item.id;
    const { list } = await buildIntroductionList(t.db, { municipality: a, entries: [{ kind: 'catalogue', item }] });
    const { token } = await assignTo(list.id, 'borttagen@extern.example');
    const removed = await as('admin')({
      method: 'POST',
      url: `/api/trainings/items/${gone}/transitions`,
      payload: { status: 'removed' },
    });
    expect(removed.statusCode).toBe(200);
    const entry = (await openLink(token)).json().entries[0];
    expect(entry).toMatchObject({ title: 'Utbildning som tas bort', available: false, url: null });
    const inList = (await as('managerA')({ method: 'GET', url: `/api/introductions/lists/${list.id}` })).json();
    expect(inList.entries[0]).toMatchObject({ available: false, url: null });
  });

  it('shows it under "Min introduktion" for a user of the municipality with that address', async () => {
    const { list } = await buildIntroductionList(t.db, {
      municipality: a,
      entries: [{ kind: 'local', title: 'Hämta ut din arbetsklädsel' }],
    });
    const { assignment } = await assignTo(list.id, 'NY.KOLLEGA@aby.example');
    expect(assignment.linkedToUser).toBe(true);
    expect(t.mailer.recent.at(-1)?.text).toContain('Min introduktion');
    const mine = await as('employeeA')({ method: 'GET', url: '/api/introductions/mine' });
    expect(mine.statusCode).toBe(200);
    const intro = mine.json().introductions.find((x: { id: string }) => x.id === assignment.id);
    expect(intro.total).toBe(1);
    const res = await as('employeeA')({
      method: 'PUT',
      url: `/api/introductions/mine/${assignment.id}/entries/${intro.entries[0].id}`,
      payload: { done: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().done).toBe(1);
    // Nobody else sees it or can tick it.
    const others = await as('otherEmployeeA')({ method: 'GET', url: '/api/introductions/mine' });
    expect(others.json().introductions.map((x: { id: string }) => x.id)).not.toContain(assignment.id);
    const foreign = await as('otherEmployeeA')({
      method: 'PUT',
      url: `/api/introductions/mine/${assignment.id}/entries/${intro.entries[0].id}`,
      payload: { done: false },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses a second ongoing introduction of the same list to the same person', async () => {
    const list = await newList();
    await addLocal(list.id, 'Introduktionssamtal');
    await assignTo(list.id, 'dubbel@extern.example');
    const again = await as('managerA')({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/assignments`,
      payload: { email: 'DUBBEL@extern.example' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].path).toBe('email');
  });

  it('resends a new link (the old stops working), ends and removes an introduction', async () => {
    const list = await newList();
    await addLocal(list.id, 'Introduktionssamtal');
    const { assignment, token } = await assignTo(list.id, 'skicka@extern.example');
    const resent = await as('municipalAdminA')({
      method: 'POST',
      url: `/api/introductions/assignments/${assignment.id}/resend`,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    const fresh = lastLinkTo(t.mailer, 'skicka@extern.example').searchParams.get('token') as string;
    expect(fresh).not.toBe(token);
    expect((await openLink(token)).statusCode).toBe(404);
    expect((await openLink(fresh)).statusCode).toBe(200);

    const ended = await as('managerA')({ method: 'POST', url: `/api/introductions/assignments/${assignment.id}/end` });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().endedAt).not.toBeNull();
    const gone = await openLink(fresh);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toMatch(/gäller inte längre/);
    const listed = await as('managerA')({ method: 'GET', url: `/api/introductions/lists/${list.id}/assignments` });
    expect(listed.json().assignments[0].endedAt).not.toBeNull();
    expect(
      (await as('managerA')({ method: 'POST', url: `/api/introductions/assignments/${assignment.id}/resend` }))
        .statusCode,
    ).toBe(409);

    const deleted = await as('managerA')({ method: 'DELETE', url: `/api/introductions/assignments/${assignment.id}` });
    expect(deleted.statusCode).toBe(200);
    expect(await t.db.select().from(introAssignment).where(eq(introAssignment.id, assignment.id))).toEqual([]);
  });

  it('lets an expired link answer 404', async () => {
    const list = await newList();
    await addLocal(list.id, 'Introduktionssamtal');
    const { assignment, token } = await assignTo(list.id, 'gammal@extern.example');
    await t.db
      .update(introAssignment)
      .set({ tokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(introAssignment.id, assignment.id));
    expect((await openLink(token)).statusCode).toBe(404);
  });

  it('answers an unknown link in the language the browser asks for', async () => {
    const url = `/api/public/introductions/introduction?token=${'x'.repeat(43)}`;
    const sv = await t.app.inject({ method: 'GET', url });
    expect(sv.statusCode).toBe(404);
    expect(sv.json().error.message).toBe('Länken gäller inte längre. Be din chef att skicka en ny.');
    const en = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.statusCode).toBe(404);
    expect(en.json().error.message).toBe('The link is no longer valid. Ask your manager to send a new one.');
  });
});

describe('the municipality boundary and the shared library', () => {
  it("lets B's manager read and copy A's list, but not change it or see A's people", async () => {
    const list = await newList('managerA', 'Introduktion ny undersköterska i Aby');
    await addCatalogue(list.id, itemId);
    await addLocal(list.id, 'Läs Abys rutin för nattpatrullen', 'https://intranat.example.org/natt');
    const { assignment } = await assignTo(list.id, 'hemlig@extern.example');

    const library = (await as('managerB')({ method: 'GET', url: '/api/introductions/lists?scope=library' })).json();
    const seen = library.lists.find((l: { id: string }) => l.id === list.id);
    expect(seen).toMatchObject({ canManage: false, activeAssignments: null, municipalityName: 'Aby' });
    const own = (await as('managerB')({ method: 'GET', url: '/api/introductions/lists' })).json();
    expect(own.lists.every((l: { municipalityId: string }) => l.municipalityId === b.id)).toBe(true);
    expect((await as('managerB')({ method: 'GET', url: `/api/introductions/lists/${list.id}` })).statusCode).toBe(200);

    expect(
      (
        await as('managerB')({
          method: 'PATCH',
          url: `/api/introductions/lists/${list.id}`,
          payload: { name: 'Kapad' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await as('managerB')({
          method: 'POST',
          url: `/api/introductions/lists/${list.id}/entries`,
          payload: { kind: 'local', title: 'Smyg' },
        })
      ).statusCode,
    ).toBe(403);
    const people = await as('managerB')({ method: 'GET', url: `/api/introductions/lists/${list.id}/assignments` });
    expect(people.statusCode).toBe(404);
    expect(people.body).not.toContain('hemlig@extern.example');
    expect(
      (await as('managerB')({ method: 'POST', url: `/api/introductions/assignments/${assignment.id}/end` })).statusCode,
    ).toBe(404);
    // A manager cannot create a list in another municipality.
    const elsewhere = await as('managerB')({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: 'I Aby', professionKey: 'sjukskoterska', municipalityId: a.id },
    });
    expect(elsewhere.statusCode).toBe(403);

    const copied = await as('managerB')({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/copy`,
      payload: {},
    });
    expect(copied.statusCode, copied.body).toBe(201);
    expect(copied.json()).toMatchObject({
      municipalityId: b.id,
      name: 'Introduktion ny undersköterska i Aby',
      copiedFromId: list.id,
      canManage: true,
      activeAssignments: 0,
    });
    expect(copied.json().entries.map((e: { title: string }) => e.title)).toEqual([
      'Läkemedelshantering för nyanställda',
      'Läs Abys rutin för nattpatrullen',
    ]);
    const copyPeople = await as('managerB')({
      method: 'GET',
      url: `/api/introductions/lists/${copied.json().id}/assignments`,
    });
    expect(copyPeople.json().assignments).toEqual([]);
    // A copy within the own municipality is named as a copy.
    const selfCopy = await as('managerA')({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/copy`,
      payload: {},
    });
    expect(selfCopy.json().name).toBe('Introduktion ny undersköterska i Aby (kopia)');
  });

  it('lets a regional admin work in any municipality, choosing where a list goes', async () => {
    const missing = await as('admin')({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: 'Regionens lista', professionKey: 'sjukskoterska' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ path: 'municipalityId', message: 'Välj en kommun.' }]);
    const created = await as('admin')({
      method: 'POST',
      url: '/api/introductions/lists',
      payload: { name: 'Regionens lista', professionKey: 'sjukskoterska', municipalityId: b.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ municipalityId: b.id, canManage: true });
    const visible = await as('managerB')({ method: 'GET', url: '/api/introductions/lists' });
    expect(visible.json().lists.map((l: { id: string }) => l.id)).toContain(created.json().id);
  });

  it('gives employees no lists, and their own introduction only', async () => {
    expect((await as('employeeA')({ method: 'GET', url: '/api/introductions/lists' })).statusCode).toBe(403);
    expect((await as('employeeB')({ method: 'GET', url: '/api/introductions/lists?scope=library' })).statusCode).toBe(
      403,
    );
    const theirs = await as('employeeB')({ method: 'GET', url: '/api/introductions/mine' });
    expect(theirs.json().introductions).toEqual([]);
    const audited = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'intro_list.copy'), eq(auditEvent.organisationId, b.id)));
    expect(audited.length).toBeGreaterThan(0);
  });
});
