// Role × route matrix of the staffing module: every staffing route is called as each role of municipality A, as
// B's municipal admin and signed out, and the status of every cell is asserted (the table is staffing.access.ts).
// Reports belong to municipality A.
import { describe, expect, it } from 'vitest';
import { ACTORS, runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './staffing.access.ts';

const fixture = runAccessMatrix(accessMatrix, { ipPrefix: '10.2.0' });

describe('list = detail', () => {
  it('every report row a user sees in a period opens for that user', async () => {
    const { sharedPeriod } = fixture();
    for (const actor of ACTORS.filter((x) => x !== 'signed_out')) {
      const as = fixture().as(actor);
      const detail = (await as({ method: 'GET', url: `/api/staffing/periods/${sharedPeriod}` })).json();
      for (const row of detail.reports) {
        const res = await as({
          method: 'GET',
          url: `/api/staffing/periods/${sharedPeriod}/reports/${row.municipalityId}`,
        });
        expect(res.statusCode, `${actor} ${row.municipalityName}`).toBe(200);
      }
    }
  });
});
