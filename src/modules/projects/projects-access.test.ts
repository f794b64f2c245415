// Role × route matrix of projects: every projects route called as each role of municipality A (which takes part; its
// manager leads the project), as B's municipal admin and signed out (projects.access.ts), and the list shows exactly
// the projects whose page the caller may open.
import { describe, expect, it } from 'vitest';
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './projects.access.ts';

const fixture = runAccessMatrix(accessMatrix, { ipPrefix: '10.19.0' });

describe('list = detail', () => {
  it('lists for each actor only projects they may open, with the access the page gives', async () => {
    for (const actor of ['manager', 'employee', 'other_municipal_admin', 'regional_admin'] as const) {
      const as = fixture().as(actor);
      const list = (await as({ method: 'GET', url: '/api/projects' })).json().projects as {
        id: string;
        access: string;
      }[];
      expect(list.some((p) => p.id === fixture().projectId)).toBe(actor !== 'other_municipal_admin');
      for (const p of list) {
        const page = await as({ method: 'GET', url: `/api/projects/${p.id}` });
        expect(page.statusCode).toBe(200);
        expect(page.json().access).toBe(p.access);
      }
    }
  });
});
