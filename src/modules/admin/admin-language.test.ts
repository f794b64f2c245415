// The administration answers in the user's language: an English user gets English errors and field messages (from
// the services and from the contracts' Zod messages), a Swedish user Swedish ones, and before sign-in the browser's
// Accept-Language decides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { LIMITS } from './admin.contracts.ts';
import { adminMessages } from './admin.messages.ts';

let t: TestApp;
let municipality: Organisation;
let english: ReturnType<TestApp['as']>;
let swedish: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp();
  municipality = await buildMunicipality(t.db, { name: 'Språkby', code: '1401' });
  english = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.9.0.1'));
  swedish = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.9.0.2'));
  const chosen = await english({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } });
  expect(chosen.json().locale).toBe('en');
});
afterAll(() => t.close());

const badMunicipality = { method: 'POST' as const, url: '/api/organisations', payload: { name: ' ', code: '14010' } };
const takenCode = () => ({
  method: 'POST' as const,
  url: '/api/organisations',
  payload: { name: `Annan ${Math.random()}`, code: municipality.code },
});
const inviteWithoutRoles = {
  method: 'POST' as const,
  url: '/api/users',
  payload: { name: 'Ny', email: 'inte-en-adress', organisationId: '00000000-0000-4000-8000-000000000000', roles: [] },
};
const fieldsOf = (res: { json: () => { error: { fields?: { path: string; message: string }[] } } }) =>
  Object.fromEntries((res.json().error.fields ?? []).map((f) => [f.path, f.message]));

describe('an English user', () => {
  it("gets the contracts' field messages in English", async () => {
    const res = await english(badMunicipality);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('The information is not valid. Correct the marked fields.');
    expect(fieldsOf(res)).toEqual({
      name: 'Enter a name.',
      code: 'The municipality code is four digits (SCB code).',
    });
    const invite = await english(inviteWithoutRoles);
    expect(fieldsOf(invite)).toEqual({ email: 'Enter a valid e-mail address.', roles: 'Choose at least one role.' });
  });

  it("gets the services' errors and field errors in English, with their codes", async () => {
    const taken = await english(takenCode());
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      message: 'The municipality code is already in use.',
      messageCode: 'admin.codeTaken',
      fields: [{ path: 'code', message: 'Another municipality already uses the municipality code.' }],
    });
    const missing = await english({ method: 'GET', url: '/api/users/no-such-user' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('The user does not exist.');
    const region = (await english({ method: 'GET', url: '/api/organisations' })).json()[0];
    const regionOff = await english({
      method: 'PATCH',
      url: `/api/organisations/${region.id}`,
      payload: { active: false },
    });
    expect(regionOff.json().error.fields).toEqual([{ path: 'active', message: 'The region cannot be deactivated.' }]);
  });
});

describe('a Swedish user', () => {
  it('still gets the same answers in Swedish', async () => {
    const bad = await swedish(badMunicipality);
    expect(fieldsOf(bad)).toEqual({
      name: 'Ange ett namn.',
      code: 'Kommunkoden ska vara fyra siffror (SCB:s kommunkod).',
    });
    const invite = await swedish(inviteWithoutRoles);
    expect(fieldsOf(invite)).toEqual({ email: 'Ange en giltig e-postadress.', roles: 'Välj minst en roll.' });
    const taken = await swedish(takenCode());
    expect(taken.json().error).toMatchObject({
      message: 'Kommunkoden används redan.',
      fields: [{ path: 'code', message: 'Kommunkoden används redan av en annan kommun.' }],
    });
    const missing = await swedish({ method: 'GET', url: '/api/users/no-such-user' });
    expect(missing.json().error.message).toBe('Användaren finns inte.');
  });
});

describe('signed out', () => {
  it('gets the 401 in the language of Accept-Language, else Swedish', async () => {
    const inEnglish = await t.as(null)({ method: 'GET', url: '/api/users', headers: { 'accept-language': 'en' } });
    expect(inEnglish.statusCode).toBe(401);
    expect(inEnglish.json().error.message).toBe('You need to sign in.');
    const inSwedish = await t.as(null)({ method: 'GET', url: '/api/users' });
    expect(inSwedish.json().error.message).toBe('Du behöver logga in.');
  });
});

describe('the messages', () => {
  it('each have a Swedish and a different English wording, and the name limit is the contracts’', () => {
    for (const [key, message] of Object.entries(adminMessages)) {
      expect(message.wording.sv, key).not.toBe('');
      expect(message.wording.en, key).not.toBe(message.wording.sv);
    }
    expect(adminMessages.nameTooLong.wording.sv).toBe(`Högst ${LIMITS.name} tecken.`);
  });
});
