// Role × route matrix of the staff register: every people route is called as each role of municipality A, as B's
// municipal admin and signed out, and the status of every cell is asserted (the table is people.access.ts). Then
// list = detail: every person a list returns opens for the same caller.
import { describe, expect, it } from 'vitest';
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './people.access.ts';

const fixture = runAccessMatrix(accessMatrix, { ipPrefix: '10.31.0' });

describe('list = detail', () => {
  it('returns only persons whose page the caller may open (the first eight of each list)', async () => {
    for (const actor of ['manager', 'municipal_admin', 'regional_admin'] as const) {
      const as = fixture().as(actor);
      const list = (
        await as({ method: 'GET', url: `/api/people/persons?municipalityId=${fixture().a.id}&status=all` })
      ).json();
      expect(list.items.length).toBeGreaterThan(0);
      for (const p of (list.items as { id: string }[]).slice(0, 8)) {
        expect((await as({ method: 'GET', url: `/api/people/persons/${p.id}` })).statusCode).toBe(200);
      }
    }
  });
});
