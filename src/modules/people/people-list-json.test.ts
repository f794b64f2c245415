import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type PersonPageDto, personPageSchema } from './people.contracts.ts';
import { personPageJson } from './people-list-json.ts';

const item = (n: number, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  organisationId: randomUUID(),
  municipalityName: 'Ekby kommun',
  firstName: `Åsa ${n}`,
  lastName: 'Öberg "citat"',
  employeeNumber: n % 2 ? null : `A-${n}`,
  unitId: randomUUID(),
  unitName: 'Hemtjänst Norr',
  professionKey: 'underskoterska',
  employmentForm: 'permanent' as const,
  employmentRate: n % 3 ? 87.5 : null,
  employmentStart: '2020-01-01',
  employmentEnd: n % 4 ? null : '2030-12-31',
  current: n % 5 !== 0,
  ...extra,
});

describe('the person list’s JSON', () => {
  it('is exactly what the zod schema would have written', () => {
    const page: PersonPageDto = {
      items: Array.from({ length: 7 }, (_, n) => item(n)),
      total: 7,
      totalCapped: false,
      page: 1,
      pageSize: 50,
    };
    expect(personPageJson(page)).toBe(JSON.stringify(personPageSchema.parse(page)));
  });

  it('never writes a key outside the contract', () => {
    const leaky = {
      items: [item(1, { email: 'anna@example.se', birthYear: 1970, searchText: 'anna' })],
      total: 1,
      totalCapped: false,
      page: 1,
      pageSize: 50,
      sql: 'SELECT 1',
    } as unknown as PersonPageDto;
    const written = JSON.parse(personPageJson(leaky));
    expect(Object.keys(written)).toEqual(['items', 'total', 'totalCapped', 'page', 'pageSize']);
    expect(Object.keys(written.items[0])).toEqual(Object.keys(personPageSchema.shape.items.element.shape));
    expect(JSON.stringify(written)).not.toContain('anna@example.se');
  });
});
