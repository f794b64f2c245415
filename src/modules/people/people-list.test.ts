// The person list over a part of the unit tree (decision 043): sorted by unit in Swedish order, and every change to the
// tree seen by the next list at once — a unit added, moved into or out of the part, renamed — though the units are kept
// per server for a few seconds. Scoping stays: another municipality's part shows nothing, nor this one to its admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { buildPerson, buildUnit, type UnitRecord } from './people.factories.ts';

let t: TestApp;
let a: Organisation;
let admin: ReturnType<TestApp['as']>;
let otherAdmin: ReturnType<TestApp['as']>;
let theirUnit: UnitRecord;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun A' });
  const b = await buildMunicipality(t.db, { name: 'Kommun B' });
  admin = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality: a }), '10.31.0.1'));
  otherAdmin = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality: b }), '10.31.0.2'));
  theirUnit = (await buildUnit(t.db, { municipality: b, name: 'Äldreomsorg B' })).unit;
  await buildPerson(t.db, { unit: theirUnit, lastName: 'Annan' });
});
afterAll(() => t.close());

describe('a part of the tree', () => {
  // Units are kept per server for a few seconds (decision 043): every change through the API is seen at once, and a
  // unit the kept index does not know yet (made by another server, here directly in the database) is looked up again.
  it('sorts by unit in Swedish order, and sees a unit added, moved or renamed at once', async () => {
    const top = (await buildUnit(t.db, { municipality: a, name: 'Äldreomsorg A', kind: 'other' })).unit;
    const north = (await buildUnit(t.db, { municipality: a, parent: top, name: 'Hemtjänst Norr A' })).unit;
    const outside = (await buildUnit(t.db, { municipality: a, name: 'Särskilt boende Ekbacken' })).unit;
    for (const [last, unit] of [
      ['Öst', north],
      ['Zander', north],
      ['Ås', north],
      ['Berg', top],
      ['Utanför', outside],
    ] as const) {
      await buildPerson(t.db, { unit, lastName: last });
    }
    const list = async (unitId: string, extra = '') => {
      const res = await admin({ method: 'GET', url: `/api/people/persons?unitId=${unitId}&sort=unit${extra}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { lastName: string; unitName: string }[]).map((p) => `${p.unitName}/${p.lastName}`);
    };
    expect(await list(top.id)).toEqual([
      'Hemtjänst Norr A/Zander',
      'Hemtjänst Norr A/Ås',
      'Hemtjänst Norr A/Öst',
      'Äldreomsorg A/Berg',
    ]);
    expect(await list(top.id, '&dir=desc')).toEqual([
      'Äldreomsorg A/Berg',
      'Hemtjänst Norr A/Öst',
      'Hemtjänst Norr A/Ås',
      'Hemtjänst Norr A/Zander',
    ]);
    expect(await list(top.id, '&page=2')).toEqual([]);
    // Added through the API below a unit below the top: its person is in the part at once.
    const added = await admin({
      method: 'POST',
      url: '/api/people/units',
      payload: { name: 'Åsen', parentId: north.id, kind: 'home_care' },
    });
    expect(added.statusCode, added.body).toBe(201);
    await buildPerson(t.db, { unit: added.json(), lastName: 'Ny' });
    expect(await list(top.id)).toEqual([
      'Hemtjänst Norr A/Zander',
      'Hemtjänst Norr A/Ås',
      'Hemtjänst Norr A/Öst',
      'Åsen/Ny',
      'Äldreomsorg A/Berg',
    ]);
    // Moved into the part, renamed: seen at once, in the new name's place.
    const moved = await admin({
      method: 'PATCH',
      url: `/api/people/units/${outside.id}`,
      payload: { parentId: top.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const renamed = await admin({
      method: 'PATCH',
      url: `/api/people/units/${added.json().id}`,
      payload: { name: 'Björken' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await list(top.id)).toEqual([
      'Björken/Ny',
      'Hemtjänst Norr A/Zander',
      'Hemtjänst Norr A/Ås',
      'Hemtjänst Norr A/Öst',
      'Särskilt boende Ekbacken/Utanför',
      'Äldreomsorg A/Berg',
    ]);
    // Moved out again: gone from the part at once.
    const back = await admin({ method: 'PATCH', url: `/api/people/units/${outside.id}`, payload: { parentId: null } });
    expect(back.statusCode, back.body).toBe(200);
    expect(await list(top.id)).not.toContain('Särskilt boende Ekbacken/Utanför');
    // A unit made behind this server's back (as by another server) is looked up again when it is asked for or met.
    const behind = (await buildUnit(t.db, { municipality: a, name: 'Dagverksamhet' })).unit;
    await buildPerson(t.db, { unit: behind, lastName: 'Dold' });
    expect(await list(behind.id)).toEqual(['Dagverksamhet/Dold']);
    // An id that names no unit (one key lookup, not a fresh read of every unit) lists nothing.
    expect(await list('0b6f3f0e-6c1c-4f7e-9a55-3d1c2b8f9e01')).toEqual([]);
    expect(await list(behind.id)).toEqual(['Dagverksamhet/Dold']);
    // Another municipality's part of the tree shows nothing of it (and another municipality's admin none of this).
    expect(await list(theirUnit.id)).toEqual([]);
    const theirs = await otherAdmin({ method: 'GET', url: `/api/people/persons?unitId=${top.id}&status=all` });
    expect(theirs.json().items).toEqual([]);
  });
});
