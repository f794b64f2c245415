// The catalogue's topics (Ämnen) as the regional admin manages them: the list with counts, renaming (the public
// search follows at once), deactivating (gone from the filters and the suggestion form, kept on the items), unique
// names, a key that never changes, validation, and that nobody else may do it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import type { AdminTopicDto } from './trainings.contracts.ts';
import { trainingItem } from './trainings.table.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  const a = await buildMunicipality(t.db, { name: 'Ämnesby' });
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    mas: await buildUser(t.db, { role: 'mas', organisation: a }),
    municipalAdmin: await buildUser(t.db, { role: 'municipal_admin', organisation: a }),
    employee: await buildUser(t.db, { role: 'employee', organisation: a }),
  };
  let ip = 1;
  for (const [key, u] of Object.entries(users)) cookies[key] = await t.signIn(u, `10.7.0.${ip++}`);
});
afterAll(() => t.close());

const as = (who: string | null) => t.as(who ? (cookies[who] ?? null) : null);
const admin = () => as('admin');

async function listTopics(): Promise<AdminTopicDto[]> {
  const res = await admin()({ method: 'GET', url: '/api/trainings/topics' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().topics;
}
async function topicByKey(key: string): Promise<AdminTopicDto> {
  const topic = (await listTopics()).find((x) => x.key === key);
  if (!topic) throw new Error(`no topic ${key}`);
  return topic;
}
async function addTopic(key: string, name: string, nameEn: string): Promise<AdminTopicDto> {
  const res = await admin()({ method: 'POST', url: '/api/trainings/topics', payload: { key, name, nameEn } });
  expect(res.statusCode, res.body).toBe(201);
  return topicByKey(key);
}
const patchTopic = (id: string, payload: Record<string, unknown>, who = 'admin') =>
  as(who)({ method: 'PATCH', url: `/api/trainings/topics/${id}`, payload });

let counter = 0;
const itemBody = (overrides: Record<string, unknown> = {}) => ({
  title: `Ämnestestutbildning ${++counter}`,
  provider: 'Testleverantören (demo)',
  url: `https://example.org/amnen-${counter}`,
  description: 'En kort introduktion.',
  lengthMinutes: 20,
  format: 'video',
  language: 'sv',
  professions: ['sjukskoterska'],
  topics: [],
  ...overrides,
});
async function suggested(overrides: Record<string, unknown>) {
  const res = await admin()({ method: 'POST', url: '/api/trainings/items', payload: itemBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function move(id: string, status: 'approved' | 'removed') {
  const res = await admin()({ method: 'POST', url: `/api/trainings/items/${id}/transitions`, payload: { status } });
  expect(res.statusCode, res.body).toBe(200);
}
async function approved(overrides: Record<string, unknown>) {
  const id = await suggested(overrides);
  await move(id, 'approved');
  return id;
}
async function search(query: string) {
  const res = await as(null)({ method: 'GET', url: `/api/public/trainings${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; topics: { key: string; name: string }[] }[];
}
const facetKeys = async () => {
  const res = await as(null)({ method: 'GET', url: '/api/public/trainings/facets' });
  expect(res.statusCode).toBe(200);
  return (res.json().topics as { key: string }[]).map((x) => x.key);
};

describe('the list of topics', () => {
  it('lists every topic, inactive ones too, in order, with how many items (not removed) have each', async () => {
    const topic = await addTopic('kontinens', 'Kontinens', 'Continence');
    expect(topic).toMatchObject({ name: 'Kontinens', nameEn: 'Continence', active: true, items: 0 });
    await suggested({ topics: ['kontinens'] });
    await approved({ topics: ['kontinens', 'demens'] });
    await move(await suggested({ topics: ['kontinens'] }), 'removed');
    expect((await topicByKey('kontinens')).items).toBe(2);

    expect((await patchTopic(topic.id, { active: false })).statusCode).toBe(200);
    const all = await listTopics();
    expect(all.find((x) => x.key === 'kontinens')).toMatchObject({ active: false, items: 2 });
    // The fourteen topics of the installation come first, in their order; a new topic goes last.
    expect(all.length).toBe(15);
    expect(all.map((x) => x.sort)).toEqual([...all.map((x) => x.sort)].sort((x, y) => x - y));
    expect(all.at(-1)?.key).toBe('kontinens');
  });
});

describe('renaming', () => {
  it('rebuilds the search text of every item with the topic, so the public search finds the new name', async () => {
    const topic = await addTopic('munhalsa', 'Munhälsa', 'Oral health');
    const one = await approved({ title: 'Goda rutiner för äldre', topics: ['munhalsa'] });
    const two = await approved({ title: 'Rutiner kring måltider', topics: ['munhalsa', 'nutrition'] });
    const other = await approved({ title: 'Munhälsa i titeln', topics: [] });
    expect((await search('?q=munhalsa')).map((i) => i.id).sort()).toEqual([one, two, other].sort());

    const res = await patchTopic(topic.id, { name: 'Tandstatus' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ key: 'munhalsa', name: 'Tandstatus', nameEn: 'Oral health', items: 2 });

    expect((await search('?q=tandstatus')).map((i) => i.id).sort()).toEqual([one, two].sort());
    // Only the item whose own title says it is still found by the old name.
    expect((await search('?q=munhalsa')).map((i) => i.id)).toEqual([other]);
    // The other topic's name stays in the item's search text.
    expect((await search('?q=tandstatus nutrition')).map((i) => i.id)).toEqual([two]);
    const [row] = await t.db.select().from(trainingItem).where(eq(trainingItem.id, two));
    expect(row?.searchText).toContain('Tandstatus');
    expect(row?.searchText).not.toContain('Munhälsa');
    // The items show the new name.
    const shown = (await search('?topic=munhalsa')).find((i) => i.id === one);
    expect(shown?.topics).toEqual([{ key: 'munhalsa', name: 'Tandstatus', nameEn: 'Oral health' }]);

    const events = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, topic.id), eq(auditEvent.action, 'training_topic.update')));
    expect(events).toHaveLength(1);
  });

  it('never changes the key: it is not a field of the change, and links with ?topic= keep working', async () => {
    const topic = await addTopic('stroke', 'Stroke', 'Stroke');
    const id = await approved({ topics: ['stroke'] });
    const res = await patchTopic(topic.id, { key: 'slaganfall', name: 'Slaganfall' });
    expect(res.statusCode).toBe(400);
    expect((await topicByKey('stroke')).name).toBe('Stroke');
    expect((await patchTopic(topic.id, { name: 'Slaganfall' })).json().key).toBe('stroke');
    expect((await search('?topic=stroke')).map((i) => i.id)).toEqual([id]);
    expect((await listTopics()).some((x) => x.key === 'slaganfall')).toBe(false);
  });

  it('changes the order and the English name without touching the search text', async () => {
    const topic = await addTopic('sondmat', 'Sondmat', 'Tube feeding');
    const id = await approved({ topics: ['sondmat'] });
    const [before] = await t.db.select().from(trainingItem).where(eq(trainingItem.id, id));
    const res = await patchTopic(topic.id, { sort: 5, nameEn: 'Enteral feeding' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sort: 5, nameEn: 'Enteral feeding', name: 'Sondmat' });
    expect((await listTopics())[0]?.key).toBe('sondmat');
    const [after] = await t.db.select().from(trainingItem).where(eq(trainingItem.id, id));
    expect(after?.searchText).toBe(before?.searchText);
  });
});

describe('deactivating', () => {
  it('hides the topic from the public filters and the suggestion form but keeps it on its items', async () => {
    const topic = await addTopic('hudvard', 'Hudvård', 'Skin care');
    const id = await approved({ title: 'Torr hud hos äldre', topics: ['hudvard'] });
    expect(await facetKeys()).toContain('hudvard');

    const res = await patchTopic(topic.id, { active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, items: 1 });
    expect(await facetKeys()).not.toContain('hudvard');
    // Still on the item, and still found by its name.
    const [found] = await search('?q=hudvard');
    expect(found?.id).toBe(id);
    expect(found?.topics.map((x) => x.key)).toEqual(['hudvard']);
    // A new suggestion cannot choose it…
    const refused = await admin()({
      method: 'POST',
      url: '/api/trainings/items',
      payload: itemBody({ topics: ['hudvard'] }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('topics');
    // …but a reviewer's correction of an item that has it keeps it.
    const corrected = await admin()({
      method: 'PATCH',
      url: `/api/trainings/items/${id}`,
      payload: { title: 'Torr och skör hud hos äldre', topics: ['hudvard', 'sarvard'] },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(
      corrected
        .json()
        .topics.map((x: { key: string }) => x.key)
        .sort(),
    ).toEqual(['hudvard', 'sarvard']);

    expect((await patchTopic(topic.id, { active: true })).json().active).toBe(true);
    expect(await facetKeys()).toContain('hudvard');
  });
});

describe('unique names', () => {
  it('refuses a name another topic has, ignoring case, in Swedish with the field', async () => {
    const topic = await addTopic('andning', 'Andning', 'Breathing');
    const renamed = await patchTopic(topic.id, { name: 'DEMENS' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.message).toBe('Det finns redan ett ämne som heter ”Demens”.');
    expect(renamed.json().error.fields).toEqual([
      { path: 'name', message: 'Det finns redan ett ämne som heter ”Demens”.' },
    ]);
    const english = await patchTopic(topic.id, { nameEn: 'heart FAILURE' });
    expect(english.statusCode).toBe(409);
    expect(english.json().error.fields[0].path).toBe('nameEn');
    const added = await admin()({
      method: 'POST',
      url: '/api/trainings/topics',
      payload: { key: 'andning-2', name: 'andning', nameEn: 'Respiration' },
    });
    expect(added.statusCode).toBe(409);
    expect(added.json().error.fields[0]).toEqual({
      path: 'name',
      message: 'Det finns redan ett ämne som heter ”Andning”.',
    });
    expect((await topicByKey('andning')).name).toBe('Andning');
    // The topic's own name in another case is no clash.
    expect((await patchTopic(topic.id, { name: 'ANDNING' })).statusCode).toBe(200);
  });
});

describe('validation', () => {
  it('names the field in Swedish and answers 404 for an unknown topic', async () => {
    const topic = await addTopic('syn-och-horsel', 'Syn och hörsel', 'Sight and hearing');
    const empty = await patchTopic(topic.id, { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual([{ path: 'name', message: 'Ange ett namn.' }]);
    const sort = await patchTopic(topic.id, { sort: -1 });
    expect(sort.json().error.fields).toEqual([{ path: 'sort', message: 'Ordningen kan inte vara negativ.' }]);
    const fraction = await patchTopic(topic.id, { sort: 1.5 });
    expect(fraction.json().error.fields[0].path).toBe('sort');
    expect((await patchTopic(topic.id, { active: 'nej' })).json().error.fields[0].path).toBe('active');
    expect((await patchTopic(topic.id, {})).statusCode).toBe(400);
    const long = await patchTopic(topic.id, { nameEn: 'x'.repeat(81) });
    expect(long.json().error.fields).toEqual([{ path: 'nameEn', message: 'Högst 80 tecken.' }]);
    const missing = await patchTopic('00000000-0000-4000-8000-000000000000', { name: 'Finns inte' });
    expect(missing.statusCode).toBe(404);
    expect((await patchTopic('inte-ett-id', { name: 'Finns inte' })).statusCode).toBe(400);
    const badKey = await admin()({
      method: 'POST',
      url: '/api/trainings/topics',
      payload: { key: 'Syn Hörsel', name: 'Syn', nameEn: 'Sight' },
    });
    expect(badKey.json().error.fields[0].path).toBe('key');
    expect(await topicByKey('syn-och-horsel')).toMatchObject({ name: 'Syn och hörsel', sort: topic.sort });
  });
});

describe('who may manage topics', () => {
  it('only the regional admin lists and changes them', async () => {
    const topic = await addTopic('etik', 'Etik', 'Ethics');
    for (const who of ['mas', 'municipalAdmin', 'employee']) {
      expect((await as(who)({ method: 'GET', url: '/api/trainings/topics' })).statusCode).toBe(403);
      expect((await patchTopic(topic.id, { name: `Etik ${who}` }, who)).statusCode).toBe(403);
    }
    expect((await as(null)({ method: 'GET', url: '/api/trainings/topics' })).statusCode).toBe(401);
    const signedOut = await as(null)({
      method: 'PATCH',
      url: `/api/trainings/topics/${topic.id}`,
      payload: { active: false },
    });
    expect(signedOut.statusCode).toBe(401);
    expect(await topicByKey('etik')).toMatchObject({ name: 'Etik', active: true });
  });
});
