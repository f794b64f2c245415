// Every role × every staff register action: the municipal admin and managers work with their own municipality's
// persons (managers narrowed to their units by the service), only the admins build the tree and make extracts.
import { describe, expect, it } from 'vitest';
import { actorWith, describePolicy } from '../../../tests/support/policy-table.ts';
import { type PeopleAction, peoplePolicy } from './people.policy.ts';

const ALL = Object.keys(peoplePolicy.rules) as PeopleAction[];
const OWN: PeopleAction[] = ['people:read_own'];
const KEEPER: PeopleAction[] = [...OWN, 'people:read', 'people:manage'];

describePolicy('people', peoplePolicy, {
  regional_admin: { own: ALL, other: ALL },
  municipal_admin: {
    own: [...KEEPER, 'people:manage_units', 'people:extract', 'people:read_retention'],
    other: [...OWN, 'people:read_retention'],
  },
  reporter: { own: OWN, other: OWN },
  manager: { own: KEEPER, other: OWN },
  mas: { own: OWN, other: OWN },
  broker: { own: OWN, other: OWN },
  steering: { own: OWN, other: OWN },
  employee: { own: OWN, other: OWN },
});

describe('people policy for tokens', () => {
  it("never lets an integration's token read an own record as its creator", () => {
    const token = actorWith('municipal_admin', { kind: 'token', tokenId: 't', sessionId: null });
    expect(peoplePolicy.rules['people:read_own'](token, {})).toBe(false);
    expect(peoplePolicy.rules['people:manage'](token, { organisationId: token.organisationId })).toBe(true);
  });
});
