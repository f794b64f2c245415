// The web trainings as each role meets them: suggesting (validation, duplicates), the review workflow and who may
// move an item, the status history, and the public catalogue (only approved items, no personal data, Swedish search).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { trainingCatalogueRevision, trainingItem } from './trainings.table.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies: Record<string, string> = {};
let ip = 10;
const names = { employeeA: 'Ella Förslagsdotter' };

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  a = await buildMunicipality(t.db, { name: 'Aby' });
  b = await buildMunicipality(t.db, { name: 'Bro' });
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    masA: await buildUser(t.db, { role: 'mas', organisation: a }),
    masB: await buildUser(t.db, { role: 'mas', organisation: b }),
    employeeA: await buildUser(t.db, { role: 'employee', organisation: a, name: names.employeeA }),
    managerA: await buildUser(t.db, { role: 'manager', organisation: a }),
    municipalAdminB: await buildUser(t.db, { role: 'municipal_admin', organisation: b }),
  };
  for (const [key, u] of Object.entries(users)) cookies[key] = await t.signIn(u, `10.5.0.${ip++}`);
});
afterAll(() => t.close());

const as = (who: string | null) => t.as(who ? (cookies[who] ?? null) : null);
let counter = 0;
const item = (overrides: Record<string, unknown> = {}) => ({
  title: `Utbildning ${++counter}`,
  provider: 'Testleverantören (demo)',
  url: `https://example.org/utbildning-${counter}`,
  description: 'En kort introduktion.',
  lengthMinutes: 20,
  format: 'video',
  language: 'sv',
  professions: ['sjukskoterska'],
  topics: [],
  ...overrides,
});
async function suggest(who: string, body: Record<string, unknown>) {
  return as(who)({ method: 'POST', url: '/api/trainings/items', payload: body });
}
async function move(who: string, id: string, status: string, comment?: string) {
  return as(who)({
    method: 'POST',
    url: `/api/trainings/items/${id}/transitions`,
    payload: comment === undefined ? { status } : { status, comment },
  });
}
/** A suggested item, approved by the regional admin; returns its id. */
async function approved(body: Record<string, unknown>) {
  const created = await suggest('admin', item(body));
  expect(created.statusCode, created.body).toBe(201);
  expect((await move('admin', created.json().id, 'approved')).statusCode).toBe(200);
  return created.json().id as string;
}

describe('suggesting', () => {
  it('lets any signed-in user suggest an item, which enters the queue as suggested', async () => {
    const res = await suggest(
      'employeeA',
      item({ topics: ['demens'], professions: ['underskoterska', 'sjukskoterska'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'suggested', lastReviewedAt: null });
    expect(res.json().professions.sort()).toEqual(['sjukskoterska', 'underskoterska']);
    expect(res.json().topics.map((x: { key: string }) => x.key)).toEqual(['demens']);
    const [event] = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, res.json().id));
    expect(event?.action).toBe('training_item.suggest');
    expect((await suggest('signed_out', item())).statusCode).toBe(401);
  });

  it('refuses links that are not http(s), unknown professions and topics, and missing fields, naming the field', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/a', 'example.org/kurs']) {
      const res = await suggest('employeeA', item({ url }));
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('url');
    }
    const noProfession = await suggest('employeeA', item({ professions: [] }));
    expect(noProfession.json().error.fields[0]).toMatchObject({ path: 'professions', message: 'Välj minst ett yrke.' });
    const unknown = await suggest('employeeA', item({ professions: ['trollkarl'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('professions');
    const topic = await suggest('employeeA', item({ topics: ['finns-inte'] }));
    expect(topic.json().error.fields[0].path).toBe('topics');
    const noTitle = await suggest('employeeA', item({ title: '  ' }));
    expect(noTitle.json().error.fields[0]).toMatchObject({ path: 'title', message: 'Ange en titel.' });
    const extra = await suggest('employeeA', { ...item(), status: 'approved' });
    expect(extra.statusCode).toBe(400);
  });

  it('catches a duplicate link however it was written, with a Swedish 409 naming the existing item', async () => {
    const first = await suggest(
      'employeeA',
      item({ title: 'Läkemedel i äldreomsorgen', url: 'https://example.org/lakemedel' }),
    );
    expect(first.statusCode).toBe(201);
    const again = await suggest('managerA', item({ url: 'http://WWW.Example.org/lakemedel/?utm_source=mejl#start' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Länken finns redan i katalogen: ”Läkemedel i äldreomsorgen” (föreslagen).',
    );
    expect(again.json().error.fields[0].path).toBe('url');
    // A removed item's link may be suggested again.
    expect((await move('admin', first.json().id, 'removed')).statusCode).toBe(200);
    expect((await suggest('managerA', item({ url: 'https://example.org/lakemedel' }))).statusCode).toBe(201);
  });
});

describe('review', () => {
  it('lets the regional admin and MAS review; other roles get 403', async () => {
    const id = (await suggest('employeeA', item())).json().id;
    for (const who of ['employeeA', 'managerA', 'municipalAdminB']) {
      expect((await move(who, id, 'approved')).statusCode, who).toBe(403);
      expect((await as(who)({ method: 'GET', url: '/api/trainings/review' })).statusCode, who).toBe(403);
    }
    // MAS of another municipality than the suggester's may review: the catalogue is the region's.
    const res = await move('masB', id, 'approved');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('approved');
    expect(res.json().lastReviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('walks every transition, keeps the history, and refuses the ones that are not allowed', async () => {
    const id = (await suggest('employeeA', item())).json().id;
    // needs change needs a comment
    const bare = await move('masA', id, 'needs_change');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields[0].path).toBe('comment');
    expect((await move('masA', id, 'needs_change', 'Länken går till fel sida.')).json().status).toBe('needs_change');
    expect((await move('admin', id, 'approved')).json().status).toBe('approved');
    expect((await move('masB', id, 'needs_change', 'Inaktuell.')).json().status).toBe('needs_change');
    const removed = await move('admin', id, 'removed', 'Finns inte längre.');
    expect(removed.json().status).toBe('removed');
    const history = removed.json().history;
    expect(history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'suggested'],
      ['suggested', 'needs_change'],
      ['needs_change', 'approved'],
      ['approved', 'needs_change'],
      ['needs_change', 'removed'],
    ]);
    expect(history[1].comment).toBe('Länken går till fel sida.');
    for (const status of ['approved', 'needs_change', 'removed']) {
      const res = await move('admin', id, status, 'x');
      expect(res.statusCode, status).toBe(409);
    }
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id));
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'training_item.suggest',
        'training_item.needs_change',
        'training_item.approve',
        'training_item.needs_change',
        'training_item.remove',
      ].sort(),
    );
  });

  it('lets an approved item be approved again (a new review) and answers 404 for an unknown item', async () => {
    const id = await approved({});
    const again = await move('masA', id, 'approved');
    expect(again.statusCode).toBe(200);
    expect(again.json().history.at(-1)).toMatchObject({ fromStatus: 'approved', toStatus: 'approved' });
    expect((await move('admin', '00000000-0000-4000-8000-000000000000', 'approved')).statusCode).toBe(404);
  });

  it('lists the open queue with names only within the reviewer’s own municipality', async () => {
    const id = (await suggest('employeeA', item({ title: 'Köad utbildning' }))).json().id;
    const find = async (who: string) =>
      (await as(who)({ method: 'GET', url: '/api/trainings/review?status=open' }))
        .json()
        .items.find((i: { id: string }) => i.id === id);
    expect((await find('masA')).addedBy).toEqual({ name: names.employeeA, organisation: 'Aby' });
    expect((await find('masB')).addedBy).toEqual({ name: null, organisation: 'Aby' });
    expect((await find('admin')).addedBy.name).toBe(names.employeeA);
    const approvedList = (await as('admin')({ method: 'GET', url: '/api/trainings/review?status=approved' })).json();
    expect(approvedList.items.every((i: { status: string }) => i.status === 'approved')).toBe(true);
  });
});

describe('correcting an item', () => {
  it('lets a reviewer correct the fields after "needs change", checks the link again and keeps the status', async () => {
    const id = (await suggest('employeeA', item({ title: 'Gammal titel', url: 'https://example.org/rattas' }))).json()
      .id;
    await move('masA', id, 'needs_change', 'Rätta titeln och lägg till fysioterapeuter.');
    const patch = (who: string, payload: Record<string, unknown>) =>
      as(who)({ method: 'PATCH', url: `/api/trainings/items/${id}`, payload });
    expect((await patch('employeeA', { title: 'Ny titel' })).statusCode).toBe(403);
    const taken = await suggest('employeeA', item({ url: 'https://example.org/upptagen' }));
    const clash = await patch('masA', { url: 'https://example.org/upptagen/' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain(taken.json().title);
    expect((await patch('masA', {})).statusCode).toBe(400);
    const fixed = await patch('masA', {
      title: 'Ny titel om trycksår',
      professions: ['sjukskoterska', 'fysioterapeut'],
      topics: ['sarvard'],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ title: 'Ny titel om trycksår', status: 'needs_change' });
    expect(fixed.json().professions.sort()).toEqual(['fysioterapeut', 'sjukskoterska']);
    expect(fixed.json().topics.map((x: { key: string }) => x.key)).toEqual(['sarvard']);
    await move('masA', id, 'approved');
    // The new title and topic are searchable, the old title is not.
    const found = (await as(null)({ method: 'GET', url: '/api/public/trainings?q=trycksar' })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(id);
    const old = (await as(null)({ method: 'GET', url: '/api/public/trainings?q=gammal' })).json();
    expect(old.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id));
    expect(events.map((e) => e.action)).toContain('training_item.update');
    await move('admin', id, 'removed');
    expect((await patch('admin', { title: 'För sent' })).statusCode).toBe(409);
  });
});

describe('topics', () => {
  it('only the regional admin adds a topic; keys are unique', async () => {
    const body = { key: 'stroke', name: 'Stroke', nameEn: 'Stroke' };
    expect((await as('masA')({ method: 'POST', url: '/api/trainings/topics', payload: body })).statusCode).toBe(403);
    expect((await as('admin')({ method: 'POST', url: '/api/trainings/topics', payload: body })).statusCode).toBe(201);
    expect((await as('admin')({ method: 'POST', url: '/api/trainings/topics', payload: body })).statusCode).toBe(409);
    const facets = (await as(null)({ method: 'GET', url: '/api/public/trainings/facets' })).json();
    expect(facets.topics.map((x: { key: string }) => x.key)).toContain('stroke');
  });
});

describe('the public catalogue', () => {
  let heart = '';
  let palliative = '';
  let dementia = '';
  beforeAll(async () => {
    heart = await approved({
      title: 'Hjärtsvikt hos äldre',
      description: 'Symtom, behandling och egenvård vid hjärtsvikt.',
      professions: ['sjukskoterska', 'fysioterapeut'],
      topics: ['hjartsvikt'],
      lengthMinutes: 45,
      format: 'course',
    });
    palliative = await approved({
      title: 'Palliativ vård i livets slutskede',
      description: 'Grunderna i palliativ vård för hela teamet.',
      professions: ['underskoterska'],
      lengthMinutes: 10,
      language: 'sv',
      format: 'podcast',
    });
    dementia = await approved({
      title: 'Demens i vardagen',
      description: 'Bemötande av personer med kognitiv sjukdom.',
      professions: ['arbetsterapeut'],
      topics: ['demens'],
      lengthMinutes: 90,
      language: 'en',
      format: 'video',
    });
  });

  const search = async (query: string) => {
    const res = await as(null)({ method: 'GET', url: `/api/public/trainings${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string }[]; total: number };
  };
  const ids = async (query: string) => (await search(query)).items.map((i) => i.id);

  it('finds words without accents, in another case and inflected', async () => {
    expect(await ids('?q=Hjartsvikt')).toEqual([heart]);
    expect(await ids('?q=HJÄRTSVIKT')).toEqual([heart]);
    expect(await ids('?q=palliativa')).toEqual([palliative]);
    expect(await ids('?q=palliativ')).toEqual([palliative]);
  });

  it('tolerates a typo: a word the catalogue lacks matches its words one or two edits away', async () => {
    expect(await ids('?q=demnes')).toContain(dementia);
    expect(await ids('?q=demnes')).not.toContain(heart);
    expect(await ids('?q=hjartsvkt')).toEqual([heart]);
    expect(await ids('?q=zzqqxx')).toEqual([]);
  });

  it('never serves a cached page from before a change, also one another server wrote (CACHE_SECONDS is 0 here)', async () => {
    const before = await search('?q=munvard');
    const added = await approved({ title: 'Munvård för äldre', professions: ['underskoterska'] });
    const after = await search('?q=munvard');
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((i) => i.id)).toContain(added);
    // A change written straight to the database (as another app server would) moves the revision too; a server
    // reads it again once its cached revision is older than CACHE_SECONDS.
    const renamed = { title: 'Tandvård för äldre', searchText: 'Tandvård för äldre' };
    await t.db.update(trainingItem).set(renamed).where(eq(trainingItem.id, added));
    expect((await search('?q=munvard')).total).toBe(before.total);
    expect(await ids('?q=tandvard')).toContain(added);
    // The link checker's bookkeeping is not shown publicly and keeps the cached pages.
    const [revision] = await t.db.select().from(trainingCatalogueRevision);
    await t.db.update(trainingItem).set({ linkFailures: 1 }).where(eq(trainingItem.id, added));
    expect((await t.db.select().from(trainingCatalogueRevision))[0]?.revision).toBe(revision?.revision);
  });

  it('ranks items whose title matches before those that match elsewhere', async () => {
    const inText = await approved({
      title: 'Aaa egenvård för äldre',
      description: 'Om vätskebalans vid hjärtsvikt.',
      professions: ['sjukskoterska'],
    });
    // By title alone "Aaa …" would come first.
    expect(await ids('?q=hjartsvikt')).toEqual([heart, inText]);
  });

  it('corrects only words the catalogue lacks, skips stop words and finds the start of a compound', async () => {
    const garden = await approved({ title: 'Trädgård och gård som terapi', professions: ['arbetsterapeut'] });
    // "vård" exists, so it is not also read as "gård" (one edit away).
    expect(await ids('?q=vård')).toContain(palliative);
    expect(await ids('?q=vård')).not.toContain(garden);
    // "i" and "och" are Swedish stop words: they are not in the texts and do not narrow the search.
    expect(await ids('?q=palliativ%20och%20v%C3%A5rd%20i')).toEqual([palliative]);
    // The start of a compound word.
    expect((await ids('?q=hj%C3%A4rt'))[0]).toBe(heart);
    expect(await ids('?q=hj%C3%A4rt')).not.toContain(palliative);
    // Words of a new or changed text are corrected to as well.
    expect(await ids('?q=tradgrd')).toEqual([garden]);
    expect((await search('?q=null')).total).toBe(0);
  });

  it('filters by profession, topic, length, language and format', async () => {
    expect(await ids('?profession=fysioterapeut')).toEqual([heart]);
    expect(await ids('?topic=demens')).toEqual([dementia]);
    expect(await ids('?length=short')).toEqual([palliative]);
    expect(await ids('?length=long')).toEqual([dementia]);
    expect(await ids('?length=medium&profession=sjukskoterska')).toContain(heart);
    expect(await ids('?language=en')).toEqual([dementia]);
    expect(await ids('?format=podcast')).toEqual([palliative]);
    expect((await as(null)({ method: 'GET', url: '/api/public/trainings?length=huge' })).statusCode).toBe(400);
  });

  it('shows only approved items, with the review date and no personal data', async () => {
    const hidden = (await suggest('employeeA', item({ title: 'Hjärtsvikt, ej granskad' }))).json().id;
    const needsChange = await approved({ title: 'Hjärtsvikt, behöver ändras' });
    await move('admin', needsChange, 'needs_change', 'Fel länk.');
    const all = await as(null)({ method: 'GET', url: '/api/public/trainings?pageSize=100' });
    const listed = all.json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(heart);
    expect(listed).not.toContain(hidden);
    expect(listed).not.toContain(needsChange);
    for (const i of all.json().items) expect(i.lastReviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(all.body).not.toContain('@');
    for (const name of Object.values(names)) expect(all.body).not.toContain(name);
    expect(Object.keys(all.json().items[0]).sort()).toEqual(
      [
        'addedAt',
        'description',
        'format',
        'id',
        'language',
        'lastReviewedAt',
        'lengthMinutes',
        'professions',
        'provider',
        'title',
        'topics',
        'url',
      ].sort(),
    );
  });

  it('pages the results and lists the licensed professions first', async () => {
    const first = await search('?pageSize=2&page=1');
    const second = await search('?pageSize=2&page=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(second.total);
    expect(first.items.map((i) => i.id)).not.toContain(second.items[0]?.id);
    // A page past the end has no items but still tells how many there are.
    const beyond = await search(`?pageSize=2&page=${Math.ceil(first.total / 2) + 1}`);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(first.total);
    const facets = (await as(null)({ method: 'GET', url: '/api/public/trainings/facets' })).json();
    const licensed = facets.professions.map((p: { licensed: boolean }) => p.licensed);
    expect(licensed.indexOf(false)).toBeGreaterThan(licensed.lastIndexOf(true));
    expect(facets.professions.slice(0, 3).map((p: { key: string }) => p.key)).toEqual([
      'sjukskoterska',
      'arbetsterapeut',
      'fysioterapeut',
    ]);
  });
});
