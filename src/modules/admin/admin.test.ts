// The administration as an admin uses it: municipalities, networks, users and roles, API tokens, the audit log.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { session } from '../../platform/server/auth.table.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../platform/server/factories.ts';

let t: TestApp;
let region: Organisation;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  region = await buildRegion(t.db);
  admin = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
});
afterAll(() => t.close());

const auditActions = async (entityId: string) =>
  (await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, entityId)).orderBy(auditEvent.id)).map(
    (e) => e.action,
  );

describe('municipalities', () => {
  it('adds, renames and deactivates a municipality, keeping it (and its users) in the database', async () => {
    const as = t.as(admin);
    const created = await as({ method: 'POST', url: '/api/organisations', payload: { name: 'Ödeshög', code: '0509' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      kind: 'municipality',
      name: 'Ödeshög',
      code: '0509',
      active: true,
      userCount: 0,
    });
    const renamed = await as({
      method: 'PATCH',
      url: `/api/organisations/${id}`,
      payload: { name: 'Ödeshögs kommun' },
    });
    expect(renamed.json().name).toBe('Ödeshögs kommun');
    const off = await as({ method: 'PATCH', url: `/api/organisations/${id}`, payload: { active: false } });
    expect(off.json().active).toBe(false);
    const active = (await as({ method: 'GET', url: '/api/organisations' })).json();
    expect(active.map((o: { id: string }) => o.id)).not.toContain(id);
    const all = (await as({ method: 'GET', url: '/api/organisations?includeInactive=true' })).json();
    expect(all.map((o: { id: string }) => o.id)).toContain(id);
    expect(await auditActions(id)).toEqual(['organisation.create', 'organisation.update', 'organisation.deactivate']);
  });

  it('lists the region first and the municipalities in Swedish order (å, ä, ö last)', async () => {
    for (const [name, code] of [
      ['Örebro', '1880'],
      ['Alingsås', '1489'],
      ['Åmål', '1492'],
      ['Ängelholm', '1292'],
    ] as const) {
      await buildMunicipality(t.db, { name, code });
    }
    const names = (await t.as(admin)({ method: 'GET', url: '/api/organisations' }))
      .json()
      .map((o: { name: string }) => o.name);
    expect(names[0]).toBe(region.name);
    const order = ['Alingsås', 'Åmål', 'Ängelholm', 'Örebro'].map((n) => names.indexOf(n));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('refuses a bad or duplicate SCB code and a duplicate name, naming the field in Swedish', async () => {
    const as = t.as(admin);
    await buildMunicipality(t.db, { name: 'Skövde', code: '1496' });
    const bad = await as({ method: 'POST', url: '/api/organisations', payload: { name: 'X', code: '14960' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'code', message: 'Kommunkoden ska vara fyra siffror (SCB:s kommunkod).' },
    ]);
    const dupCode = await as({ method: 'POST', url: '/api/organisations', payload: { name: 'Annan', code: '1496' } });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.fields[0].path).toBe('code');
    const dupName = await as({ method: 'POST', url: '/api/organisations', payload: { name: 'skövde', code: '1999' } });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().error.fields[0].path).toBe('name');
  });

  it('rejects unknown keys instead of assigning them (no mass assignment)', async () => {
    const res = await t.as(admin)({
      method: 'POST',
      url: '/api/organisations',
      payload: { name: 'Y', code: '1998', kind: 'region' },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('users and roles', () => {
  it('a municipal admin invites, edits, deactivates and reactivates a user of their own municipality', async () => {
    const municipality = await buildMunicipality(t.db);
    const local = await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality }));
    const as = t.as(local);
    const invited = await as({
      method: 'POST',
      url: '/api/users',
      payload: {
        name: 'Åsa Öberg',
        email: 'Asa.Oberg@Test.example',
        organisationId: municipality.id,
        roles: ['manager'],
      },
    });
    expect(invited.statusCode).toBe(201);
    const id = invited.json().id;
    expect(invited.json()).toMatchObject({ email: 'asa.oberg@test.example', roles: ['manager'], hasPassword: false });
    const edited = await as({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { name: 'Åsa Öberg-Lind', roles: ['manager', 'reporter'] },
    });
    expect(edited.json()).toMatchObject({ name: 'Åsa Öberg-Lind', roles: ['manager', 'reporter'] });
    expect((await as({ method: 'POST', url: `/api/users/${id}/deactivate` })).json().active).toBe(false);
    expect((await as({ method: 'POST', url: `/api/users/${id}/reactivate` })).json().active).toBe(true);
    expect(await auditActions(id)).toEqual([
      'user.invite',
      'user.roles_change',
      'user.update',
      'user.roles_change',
      'user.deactivate',
      'user.reactivate',
    ]);
  });

  it('deactivation ends every session of the user at once', async () => {
    const u = await buildUser(t.db);
    const phone = await t.signIn(u);
    const laptop = await t.signIn(u);
    expect((await t.as(phone)({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    await t.as(admin)({ method: 'POST', url: `/api/users/${u.id}/deactivate` });
    expect(await t.db.select().from(session).where(eq(session.userId, u.id))).toEqual([]);
    for (const cookie of [phone, laptop])
      expect((await t.as(cookie)({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('refuses a duplicate e-mail, roles that do not fit the organisation, and an empty role list', async () => {
    const municipality = await buildMunicipality(t.db);
    const existing = await buildUser(t.db, { municipality });
    const as = t.as(admin);
    const dup = await as({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'X', email: existing.email, organisationId: municipality.id, roles: ['employee'] },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0]).toEqual({
      path: 'email',
      message: 'Det finns redan ett konto med den e-postadressen.',
    });
    const regionalInMunicipality = await as({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'X', email: 'x1@test.example', organisationId: municipality.id, roles: ['regional_admin'] },
    });
    expect(regionalInMunicipality.statusCode).toBe(400);
    expect(regionalInMunicipality.json().error.fields[0].path).toBe('roles');
    const municipalInRegion = await as({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'X', email: 'x2@test.example', organisationId: region.id, roles: ['municipal_admin'] },
    });
    expect(municipalInRegion.statusCode).toBe(400);
    const none = await as({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'X', email: 'x3@test.example', organisationId: municipality.id, roles: [] },
    });
    expect(none.json().error.fields).toEqual([{ path: 'roles', message: 'Välj minst en roll.' }]);
  });

  it('a municipal admin cannot make anyone a regional admin, nor touch another municipality', async () => {
    const own = await buildMunicipality(t.db);
    const other = await buildMunicipality(t.db);
    const local = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality: own })));
    const colleague = await buildUser(t.db, { municipality: own });
    const stranger = await buildUser(t.db, { municipality: other });
    expect(
      (await local({ method: 'PATCH', url: `/api/users/${colleague.id}`, payload: { roles: ['regional_admin'] } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await local({ method: 'PATCH', url: `/api/users/${stranger.id}`, payload: { name: 'Hackad' } })).statusCode,
    ).toBe(404);
    expect((await local({ method: 'GET', url: `/api/users/${stranger.id}` })).statusCode).toBe(404);
    const [row] = await t.db
      .execute(sql`select name from "user" where id = ${stranger.id}`)
      .then((r) => (r as unknown as { rows: { name: string }[] }).rows);
    expect(row?.name).not.toBe('Hackad');
  });

  it('keeps at least one active regional admin and stops admins deactivating themselves', async () => {
    const lone = await createTestApp();
    try {
      const only = await buildUser(lone.db, { role: 'regional_admin' });
      const as = lone.as(await lone.signIn(only));
      const drop = await as({ method: 'PATCH', url: `/api/users/${only.id}`, payload: { roles: ['employee'] } });
      expect(drop.statusCode).toBe(409);
      expect((await as({ method: 'POST', url: `/api/users/${only.id}/deactivate` })).statusCode).toBe(409);
    } finally {
      await lone.close();
    }
  });

  it('filters and pages the user list, and audits each user read', async () => {
    const municipality = await buildMunicipality(t.db);
    for (let i = 0; i < 55; i++)
      await buildUser(t.db, {
        municipality,
        role: i % 5 === 0 ? 'mas' : 'employee',
        name: `Sida Person ${String(i).padStart(2, '0')}`,
      });
    const as = t.as(admin);
    const first = (await as({ method: 'GET', url: `/api/users?organisationId=${municipality.id}` })).json();
    expect(first.total).toBe(55);
    expect(first.items).toHaveLength(50);
    const second = (await as({ method: 'GET', url: `/api/users?organisationId=${municipality.id}&page=2` })).json();
    expect(second.items).toHaveLength(5);
    const mas = (await as({ method: 'GET', url: `/api/users?organisationId=${municipality.id}&role=mas` })).json();
    expect(mas.total).toBe(11);
    const q = (await as({ method: 'GET', url: `/api/users?organisationId=${municipality.id}&q=person%2007` })).json();
    expect(q.items.map((u: { name: string }) => u.name)).toEqual(['Sida Person 07']);
    expect(await auditActions(q.items[0].id)).toContain('user.read');
  });
});

describe('networks', () => {
  it('creates a network, adds members and shows other municipalities’ members only to those allowed', async () => {
    const as = t.as(admin);
    const created = await as({
      method: 'POST',
      url: '/api/networks',
      payload: { name: 'Demensnätverket', kind: 'network', description: 'Demensombud' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const m1 = await buildMunicipality(t.db);
    const m2 = await buildMunicipality(t.db);
    const u1 = await buildUser(t.db, { municipality: m1, role: 'manager' });
    const u2 = await buildUser(t.db, { municipality: m2, role: 'manager' });
    for (const u of [u1, u2])
      expect((await as({ method: 'PUT', url: `/api/networks/${id}/members/${u.id}` })).statusCode).toBe(200);
    const full = (await as({ method: 'GET', url: `/api/networks/${id}` })).json();
    expect(full.memberCount).toBe(2);
    expect(full.members.map((m: { userId: string }) => m.userId).sort()).toEqual([u1.id, u2.id].sort());
    const seenByU1 = (await t.as(await t.signIn(u1))({ method: 'GET', url: `/api/networks/${id}` })).json();
    expect(seenByU1.memberCount).toBe(2);
    expect(seenByU1.members.map((m: { userId: string }) => m.userId)).toEqual([u1.id]);
    await as({ method: 'DELETE', url: `/api/networks/${id}/members/${u2.id}` });
    expect((await as({ method: 'GET', url: `/api/networks/${id}` })).json().memberCount).toBe(1);
    const off = await as({ method: 'PATCH', url: `/api/networks/${id}`, payload: { active: false } });
    expect(off.json().active).toBe(false);
  });

  it('audits each read of a network’s member list on the network, ids only', async () => {
    const as = t.as(admin);
    const n = (
      await as({ method: 'POST', url: '/api/networks', payload: { name: 'Läst nätverk', kind: 'network' } })
    ).json();
    const municipality = await buildMunicipality(t.db);
    const u = await buildUser(t.db, { municipality, name: 'Hemlig Medlem' });
    await as({ method: 'PUT', url: `/api/networks/${n.id}/members/${u.id}` });
    const reads = async () => (await auditActions(n.id)).filter((a) => a === 'network.members_read').length;
    expect(await reads()).toBe(0);
    expect((await as({ method: 'GET', url: `/api/networks/${n.id}` })).statusCode).toBe(200);
    expect(await reads()).toBe(1);
    // Also a reader who sees no member's name has read the list, and is recorded.
    await t.as(await t.signIn(await buildUser(t.db, { role: 'employee' })))({
      method: 'GET',
      url: `/api/networks/${n.id}`,
    });
    expect(await reads()).toBe(2);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, n.id));
    const read = events.find((e) => e.action === 'network.members_read');
    expect(read?.entityType).toBe('network');
    expect(JSON.stringify(read)).not.toContain('Hemlig Medlem');
  });
});

describe('API tokens', () => {
  it('is shown once, stored hashed, acts with its scope, and stops working when revoked', async () => {
    const municipality = await buildMunicipality(t.db);
    await buildUser(t.db, { municipality, name: 'Synlig Kollega' });
    const created = await t.as(admin)({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'HR-import', organisationId: municipality.id, roles: ['municipal_admin'] },
    });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    expect(token).toMatch(/^kn_/);
    const stored = (await t.db.execute(sql`select token_hash from api_token where id = ${apiToken.id}`)) as unknown as {
      rows: { token_hash: string }[];
    };
    expect(stored.rows[0]?.token_hash).not.toContain(token.slice(3));
    expect(JSON.stringify((await t.as(admin)({ method: 'GET', url: '/api/tokens' })).json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(users.statusCode).toBe(200);
    expect(users.json().items.every((u: { organisationId: string }) => u.organisationId === municipality.id)).toBe(
      true,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer })).statusCode).toBe(403);
    expect(await auditActions(apiToken.id)).toEqual(['token.create', 'token.used', 'token.used']);

    expect(
      (await t.as(admin)({ method: 'POST', url: `/api/tokens/${apiToken.id}/revoke` })).json().revokedAt,
    ).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: 'Bearer kn_made-up' } }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses an expiry in the past and roles beyond the creator’s reach', async () => {
    const municipality = await buildMunicipality(t.db);
    const local = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality })));
    const past = await local({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'X', organisationId: municipality.id, roles: ['reporter'], expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].path).toBe('expiresAt');
    const tooMuch = await local({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'X', organisationId: municipality.id, roles: ['regional_admin'] },
    });
    expect(tooMuch.statusCode).toBe(400);
  });
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    await t.as(admin)({ method: 'GET', url: '/api/me' });
    await expect(t.db.execute(sql`update audit_event set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_event`)).rejects.toThrow();
  });

  it('lets a regional admin filter by action, organisation and date, newest first', async () => {
    const municipality = await buildMunicipality(t.db);
    const u = await buildUser(t.db, { municipality });
    await t.as(admin)({ method: 'POST', url: `/api/users/${u.id}/deactivate` });
    const today = new Date().toISOString().slice(0, 10);
    const res = (
      await t.as(admin)({
        method: 'GET',
        url: `/api/audit?action=user.deactivate&organisationId=${municipality.id}&from=${today}&to=${today}`,
      })
    ).json();
    expect(res.total).toBe(1);
    expect(res.items[0]).toMatchObject({
      action: 'user.deactivate',
      entityType: 'user',
      entityId: u.id,
      organisationId: municipality.id,
    });
    expect(res.items[0].actorName).toMatch(/regional_admin/);
    expect(res.actions).toContain('user.deactivate');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      (await t.as(admin)({ method: 'GET', url: `/api/audit?action=user.deactivate&from=${tomorrow}` })).json().total,
    ).toBe(0);
  });

  it('every route that returns other people’s personal data writes an audit event', async () => {
    const municipality = await buildMunicipality(t.db);
    const u = await buildUser(t.db, { municipality });
    const n = (
      await t.as(admin)({
        method: 'POST',
        url: '/api/networks',
        payload: { name: 'Granskat nätverk', kind: 'network' },
      })
    ).json();
    await t.as(admin)({ method: 'PUT', url: `/api/networks/${n.id}/members/${u.id}` });
    const personalDataReads = [
      `/api/users/${u.id}`,
      `/api/users?organisationId=${municipality.id}`,
      `/api/networks/${n.id}`,
    ];
    for (const url of personalDataReads) {
      const before = (await auditActions(u.id)).filter((a) => a === 'user.read').length;
      expect((await t.as(admin)({ method: 'GET', url })).statusCode).toBe(200);
      const after = (await auditActions(u.id)).filter((a) => a === 'user.read').length;
      expect(after, url).toBe(before + 1);
    }
  });
});

describe('/api/me', () => {
  it('tells the web what the policy lets the user do on their own organisation', async () => {
    const municipality = await buildMunicipality(t.db);
    const permissionsOf = async (role: 'municipal_admin' | 'employee') =>
      (
        await t.as(await t.signIn(await buildUser(t.db, { role, municipality })))({ method: 'GET', url: '/api/me' })
      ).json().permissions;
    expect((await permissionsOf('municipal_admin')).sort()).toEqual(
      [
        'activities:manage_templates',
        'activities:organise',
        'activities:read',
        'activities:read_results',
        'activities:register',
        'activities:register_self',
        'career:manage_implementation',
        'career:manage_plans',
        'career:own_plan',
        'career:read_implementation',
        'career:read_model',
        'career:read_progress',
        'further_education:manage_adoption',
        'further_education:manage_posts',
        'further_education:read',
        'further_education:read_posts',
        'introductions:follow',
        'introductions:manage',
        'introductions:read',
        'network:read',
        'organisation:read',
        'people:extract',
        'people:manage',
        'people:manage_units',
        'people:read',
        'people:read_own',
        'people:read_retention',
        'projects:read',
        'staffing:approve_report',
        'staffing:edit_report',
        'staffing:generate_report',
        'staffing:read_report',
        'staffing:read_statistics',
        'token:manage',
        'training_plan:rank',
        'training_plan:read',
        'training_plan:submit_need',
        'trainings:suggest',
        'user:grant_role',
        'user:manage',
        'user:read',
      ].sort(),
    );
    expect((await permissionsOf('employee')).sort()).toEqual([
      'activities:read',
      'activities:register_self',
      'career:own_plan',
      'career:read_model',
      'introductions:follow',
      'network:read',
      'organisation:read',
      'people:read_own',
      'projects:read',
      'staffing:read_statistics',
      'training_plan:read',
      'trainings:suggest',
    ]);
    expect((await t.as(admin)({ method: 'GET', url: '/api/me' })).json().permissions).toContain('audit:read');
  });
});

describe('what a token may not do', () => {
  it('cannot create tokens or grant admin roles, and stops when its creator is deactivated', async () => {
    const municipality = await buildMunicipality(t.db);
    const creator = await buildUser(t.db, { role: 'municipal_admin', municipality });
    const created = await t.as(await t.signIn(creator))({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Kraftfull nyckel', organisationId: municipality.id, roles: ['municipal_admin'] },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const asToken = (options: { method: 'POST' | 'GET'; url: string; payload?: object }) =>
      t.app.inject({ ...options, headers: bearer });
    expect(
      (
        await asToken({
          method: 'POST',
          url: '/api/tokens',
          payload: { name: 'Ny', organisationId: municipality.id, roles: ['reporter'] },
        })
      ).statusCode,
    ).toBe(403);
    const adminInvite = await asToken({
      method: 'POST',
      url: '/api/users',
      payload: {
        name: 'Angripare',
        email: 'angripare@test.example',
        organisationId: municipality.id,
        roles: ['municipal_admin'],
      },
    });
    expect(adminInvite.statusCode).toBe(403);
    const plainInvite = await asToken({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'Import', email: 'import@test.example', organisationId: municipality.id, roles: ['employee'] },
    });
    expect(plainInvite.statusCode).toBe(201);
    await t.as(admin)({ method: 'POST', url: `/api/users/${creator.id}/deactivate` });
    expect((await asToken({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});
