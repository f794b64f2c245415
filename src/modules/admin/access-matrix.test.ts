// Role × route matrix of the administration and the platform's own routes: every route is called as each role, as
// an admin of another municipality and signed out, and the status of every cell is asserted (the tables are
// admin.access.ts and tests/support/platform.access.ts). Objects belong to municipality A.
import { describe, expect, it } from 'vitest';
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix as platformMatrix } from '../../../tests/support/platform.access.ts';
import { accessMatrix } from './admin.access.ts';

const fixture = runAccessMatrix([accessMatrix, platformMatrix], { ipPrefix: '10.1.0' });

describe('lists show only what the actor may see', () => {
  it("B's municipal admin lists only B's users and tokens, even when filtering on A", async () => {
    const { as, a, b } = fixture();
    const other = as('other_municipal_admin');
    const users = (await other({ method: 'GET', url: `/api/users?organisationId=${a.id}` })).json();
    expect(users.items).toEqual([]);
    const all = (await other({ method: 'GET', url: '/api/users?includeInactive=true' })).json();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((u: { organisationId: string }) => u.organisationId === b.id)).toBe(true);
    const tokens = (await other({ method: 'GET', url: '/api/tokens' })).json();
    expect(tokens.every((tk: { organisationId: string }) => tk.organisationId === b.id)).toBe(true);
  });

  it('every row of every list passes its detail endpoint for the same actor (list = detail)', async () => {
    for (const actor of ['regional_admin', 'municipal_admin', 'other_municipal_admin'] as const) {
      const as = fixture().as(actor);
      const users = (await as({ method: 'GET', url: '/api/users?includeInactive=true' })).json();
      for (const u of users.items)
        expect((await as({ method: 'GET', url: `/api/users/${u.id}` })).statusCode).toBe(200);
      for (const o of (await as({ method: 'GET', url: '/api/organisations?includeInactive=true' })).json()) {
        expect((await as({ method: 'GET', url: `/api/organisations/${o.id}` })).statusCode).toBe(200);
      }
      for (const n of (await as({ method: 'GET', url: '/api/networks?includeInactive=true' })).json()) {
        expect((await as({ method: 'GET', url: `/api/networks/${n.id}` })).statusCode).toBe(200);
      }
    }
  });
});
