// The demo staff register: units and about 40 invented, labelled staff in each of the 15 demo municipalities, some
// ended; Skövde's demo manager sees the staff of "Hälso- och sjukvård Skövde"; the demo employee has their own record.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD } from '../../platform/server/demo.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import { seedPeopleDemo } from './people-demo.ts';

let t: TestApp;
// Only what the staff register's seed needs of the platform's demo (the whole demo takes ten times as long).
beforeAll(async () => {
  t = await createTestApp();
  const region = await buildRegion(t.db, 'Demoregionen');
  const municipalities = new Map<string, { id: string; name: string; code: string | null }>();
  for (const [name, code] of DEMO_MUNICIPALITIES)
    municipalities.set(name, await buildMunicipality(t.db, { name, code }));
  const skovde = municipalities.get('Skövde') as never;
  await buildUser(t.db, {
    role: 'manager',
    municipality: skovde,
    email: 'chef.skovde@demo.example',
    password: DEMO_PASSWORD,
  });
  await buildUser(t.db, {
    role: 'employee',
    municipality: skovde,
    email: 'medarbetare.skovde@demo.example',
    name: 'Elias Medarbetare (demo)',
    password: DEMO_PASSWORD,
  });
  await t.db.transaction((tx) =>
    seedPeopleDemo(tx as never, { regionId: region.id, municipalities, networks: new Map(), now: new Date() }),
  );
});
afterAll(() => t.close());

describe('the demo staff register', () => {
  it('gives every demo municipality a unit tree and about 40 labelled staff, some of them ended', async () => {
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
    expect(rows).toHaveLength(15);
    for (const r of rows) {
      expect(r.units).toBe(9);
      expect(r.persons).toBeGreaterThanOrEqual(38);
      expect(r.persons).toBeLessThanOrEqual(43);
      expect(r.ended).toBeGreaterThan(0);
      expect(r.labelled).toBe(true);
    }
  });

  it("shows Skövde's manager her units' staff and the employee their own record", async () => {
    const manager = t.as(await t.signIn({ email: 'chef.skovde@demo.example', password: DEMO_PASSWORD }, '10.34.0.1'));
    const page = (await manager({ method: 'GET', url: '/api/people/persons?status=all&pageSize=100' })).json();
    const units = new Set(page.items.map((p: { unitName: string }) => p.unitName));
    expect([...units].sort()).toEqual(['Hemsjukvården Skövde', 'Rehab Skövde']);
    const employee = t.as(
      await t.signIn({ email: 'medarbetare.skovde@demo.example', password: DEMO_PASSWORD }, '10.34.0.2'),
    );
    const mine = (await employee({ method: 'GET', url: '/api/people/mine' })).json();
    expect(mine.persons.map((p: { firstName: string; unitName: string }) => [p.firstName, p.unitName])).toEqual([
      ['Elias', expect.stringMatching(/^Särskilt boende /)],
    ]);
  });
});
