// The demo staff register: units and about 40 invented, labelled staff in each of the 15 demo municipalities, some
// ended; Skövde's demo manager sees the staff of "Hälso- och sjukvård Skövde"; the demo employee has their own record.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { DEMO_MUNICIPALITIES } from '../../platform/server/demo.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import { DEMO_EMPLOYEE, DEMO_MANAGER, seedPeopleDemo } from './people-demo.ts';
import { findPersons, personOfUser } from './people-lookup.service.ts';

let t: TestApp;
let skovdeId = '';
const users = { manager: '', employee: '' };

// Only what the staff register's seed needs of the platform's demo (the whole demo takes many times as long), and
// no passwords: the scope is asked of the lookup directly, without signing in.
beforeAll(async () => {
  t = await createTestApp();
  const region = await buildRegion(t.db, 'Demoregionen');
  const municipalities = new Map<string, { id: string; name: string; code: string | null }>();
  // Three of the fifteen (the same code seeds each): Skövde, with the demo's manager and employee, and two more.
  for (const [name, code] of DEMO_MUNICIPALITIES.filter(([n]) => ['Skövde', 'Essunga', 'Vara'].includes(n))) {
    municipalities.set(name, await buildMunicipality(t.db, { name, code }));
  }
  const skovde = municipalities.get('Skövde');
  if (!skovde) throw new Error('no Skövde');
  skovdeId = skovde.id;
  const org = { ...skovde, kind: 'municipality' as const, active: true, createdAt: new Date(), updatedAt: new Date() };
  users.manager = (
    await buildUser(t.db, { role: 'manager', organisation: org, email: DEMO_MANAGER.email, password: null })
  ).id;
  users.employee = (
    await buildUser(t.db, {
      role: 'employee',
      organisation: org,
      email: DEMO_EMPLOYEE.email,
      name: 'Elias Medarbetare (demo)',
      password: null,
    })
  ).id;
  await t.db.transaction((tx) =>
    seedPeopleDemo(tx as never, { regionId: region.id, municipalities, networks: new Map(), now: new Date() }),
  );
});
afterAll(() => t.close());

describe('the demo staff register', () => {
  it('gives each demo municipality a unit tree and about 40 labelled staff, some of them ended', async () => {
    const res = await t.db.execute(sql`
      select o.name, count(distinct u.id)::int as units, count(distinct p.id)::int as persons,
             count(distinct p.id) filter (where p.employment_end < current_date)::int as ended,
             bool_and(p.last_name like '%(demo)') as labelled
        from organisation o
        join people_unit u on u.organisation_id = o.id
        left join people_person p on p.organisation_id = o.id
       where o.kind = 'municipality' group by o.name`);
    const rows = (res as unknown as { rows: { units: number; persons: number; ended: number; labelled: boolean }[] })
      .rows;
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.units).toBe(9);
      expect(r.persons).toBeGreaterThanOrEqual(38);
      expect(r.persons).toBeLessThanOrEqual(43);
      expect(r.ended).toBeGreaterThan(0);
      expect(r.labelled).toBe(true);
    }
  });

  it("shows Skövde's manager her units' staff and links the employee's own record", async () => {
    const manager = {
      kind: 'user' as const,
      userId: users.manager,
      tokenId: null,
      sessionId: null,
      organisationId: skovdeId,
      organisationKind: 'municipality' as const,
      roles: ['manager' as const],
      locale: 'sv' as const,
    };
    const seen = await findPersons(t.db, manager, { limit: 500 });
    expect(seen.length).toBeGreaterThan(0);
    expect([...new Set(seen.map((p) => p.unitName))].sort()).toEqual(['Hemsjukvården Skövde', 'Rehab Skövde']);
    const own = await personOfUser(t.db, users.employee);
    expect(own).toMatchObject({
      name: 'Elias Medarbetare (demo)',
      unitName: expect.stringMatching(/^Särskilt boende /),
    });
  });
});
