// Role × route matrix of the introduction lists: every introductions route is called as each role of municipality
// A, as B's municipal admin and signed out, and the status of every cell is asserted (the table is
// introductions.access.ts). The objects are A's.
import { describe, expect, it } from 'vitest';
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix, freshList } from './introductions.access.ts';

const fixture = runAccessMatrix(accessMatrix, { ipPrefix: '10.8.0' });

describe('list = detail', () => {
  it('returns in the library only lists whose detail the caller may read, and manage flags that match', async () => {
    await freshList(fixture());
    for (const actor of ['manager', 'other_municipal_admin', 'regional_admin'] as const) {
      const as = fixture().as(actor);
      const lists = (await as({ method: 'GET', url: '/api/introductions/lists?scope=library' })).json().lists as {
        id: string;
        canManage: boolean;
      }[];
      expect(lists.length).toBeGreaterThan(0);
      for (const l of lists) {
        const detail = await as({ method: 'GET', url: `/api/introductions/lists/${l.id}` });
        expect(detail.statusCode).toBe(200);
        expect(detail.json().canManage).toBe(l.canManage);
        const people = await as({ method: 'GET', url: `/api/introductions/lists/${l.id}/assignments` });
        expect(people.statusCode).toBe(l.canManage ? 200 : 404);
      }
    }
  });
});
