// The narrow door other modules read the professions through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-app.ts';
import type { Database } from '../../platform/server/db.ts';
import { ReadCache } from '../../platform/server/read-cache.ts';
import { listProfessions, professionKeyColumn } from './professions-lookup.service.ts';
import { staffingProfession } from './staffing.table.ts';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop());

describe('listProfessions', () => {
  it('lists the professions in the region order, without the inactive ones when asked', async () => {
    const db = database.db;
    await db.insert(staffingProfession).values([
      { key: 'x-b', name: 'Bravo', nameEn: 'Bravo', licensed: true, sort: 9010 },
      { key: 'x-a', name: 'Alfa', nameEn: 'Alpha', sort: 9020, active: false },
      { key: 'x-c', name: 'Charlie', nameEn: 'Charlie', sort: 9010 },
    ]);
    const mine = (list: { key: string }[]) => list.filter((p) => p.key.startsWith('x-'));
    const all = mine(await listProfessions({ db, cache: new ReadCache(0) }));
    expect(all.map((p) => p.key)).toEqual(['x-b', 'x-c', 'x-a']);
    expect(all[0]).toEqual({ key: 'x-b', name: 'Bravo', nameEn: 'Bravo', licensed: true, active: true, sort: 9010 });
    const active = mine(await listProfessions({ db, cache: new ReadCache(0) }, { activeOnly: true }));
    expect(active.map((p) => p.key)).toEqual(['x-b', 'x-c']);
  });

  it('hands out the key column foreign keys reference', () => {
    expect(professionKeyColumn()).toBe(staffingProfession.key);
  });
});
