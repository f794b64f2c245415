// The trainings' errors in the user's language: Swedish by default, English for a user who chose English or a
// signed-out request asking for English — the services' errors, their field errors and the contracts' own messages.
// Each test builds what it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildRegion, buildUser } from '../../platform/server/factories.ts';

let t: TestApp;
let ip = 1;
beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
});
afterAll(() => t.close());

async function regionalAdmin(locale: 'sv' | 'en') {
  const as = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), `10.32.0.${ip++}`));
  if (locale === 'en') {
    const set = await as({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } });
    expect(set.statusCode, set.body).toBe(200);
  }
  return as;
}

let n = 0;
const suggestion = (overrides: Record<string, unknown> = {}) => ({
  title: `Språkkurs ${++n}`,
  provider: 'Testleverantören (demo)',
  url: `https://example.org/sprak-${n}`,
  lengthMinutes: 20,
  format: 'video',
  language: 'sv',
  professions: ['sjukskoterska'],
  ...overrides,
});

describe('trainings errors in the user’s language', () => {
  it('a missing training, as the error of a signed-in English user', async () => {
    const url = '/api/trainings/items/00000000-0000-4000-8000-000000000000/transitions';
    const payload = { status: 'approved' };
    const sv = await (await regionalAdmin('sv'))({ method: 'POST', url, payload });
    expect(sv.statusCode).toBe(404);
    expect(sv.json().error.message).toBe('Utbildningen finns inte.');
    const en = await (await regionalAdmin('en'))({ method: 'POST', url, payload });
    expect(en.statusCode).toBe(404);
    expect(en.json().error).toMatchObject({
      message: 'The training does not exist.',
      messageCode: 'trainings.trainingNotFound',
    });
  });

  it('a link already in the catalogue, as the error and as the field', async () => {
    const en = await regionalAdmin('en');
    const first = await en({ method: 'POST', url: '/api/trainings/items', payload: suggestion({ title: 'Hygien' }) });
    expect(first.statusCode, first.body).toBe(201);
    const again = await en({
      method: 'POST',
      url: '/api/trainings/items',
      payload: suggestion({ url: first.json().url }),
    });
    expect(again.statusCode).toBe(409);
    const message = 'The link is already in the catalogue: “Hygien” (suggested).';
    expect(again.json().error).toMatchObject({ message, params: { title: 'Hygien' } });
    expect(again.json().error.fields).toEqual([{ path: 'url', message }]);
  });

  it('a contract’s own messages and a service’s field error', async () => {
    const sv = await regionalAdmin('sv');
    const en = await regionalAdmin('en');
    const body = suggestion({ title: ' ', professions: [] });
    const svRes = await sv({ method: 'POST', url: '/api/trainings/items', payload: body });
    expect(svRes.statusCode).toBe(400);
    expect(svRes.json().error.fields).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Ange en titel.' },
        { path: 'professions', message: 'Välj minst ett yrke.' },
      ]),
    );
    const enRes = await en({ method: 'POST', url: '/api/trainings/items', payload: body });
    expect(enRes.json().error.fields).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Enter a title.' },
        { path: 'professions', message: 'Choose at least one profession.' },
      ]),
    );
    const unknown = await en({
      method: 'POST',
      url: '/api/trainings/items',
      payload: suggestion({ professions: ['x'] }),
    });
    expect(unknown.json().error.fields).toEqual([
      { path: 'professions', message: 'Choose professions from the list.' },
    ]);
  });

  it('a second open round, and a round without a name', async () => {
    const en = await regionalAdmin('en');
    await buildUser(t.db, { role: 'mas' });
    const payload = { name: 'Höstens granskning', dueDate: '2030-10-01' };
    const opened = await en({ method: 'POST', url: '/api/trainings/rounds', payload });
    expect(opened.statusCode, opened.body).toBe(201);
    const second = await en({ method: 'POST', url: '/api/trainings/rounds', payload });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('A review round is already open. Close it before you open a new one.');
    const noName = await en({ method: 'POST', url: '/api/trainings/rounds', payload: { ...payload, name: '' } });
    expect(noName.json().error.fields).toEqual([{ path: 'name', message: 'Enter a name for the round.' }]);
  });

  it('a signed-out request with Accept-Language: en', async () => {
    const url = '/api/public/trainings/export?file=pdf';
    const sv = await t.as(null)({ method: 'GET', url });
    expect(sv.statusCode).toBe(400);
    expect(sv.json().error.fields).toEqual([{ path: 'file', message: 'Välj xlsx eller csv.' }]);
    const en = await t.as(null)({ method: 'GET', url, headers: { 'accept-language': 'en-GB,en;q=0.9,sv;q=0.5' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toBe('The information is not valid. Correct the marked fields.');
    expect(en.json().error.fields).toEqual([{ path: 'file', message: 'Choose xlsx or csv.' }]);
  });
});
