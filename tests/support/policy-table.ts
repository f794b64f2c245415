// One table per policy: what each role may do on its own organisation's objects and on another municipality's.
// `describePolicy` checks every action of the policy for every role, so adding a role or an action forces a decision
// in the module's own policy test.
import { describe, expect, it } from 'vitest';
import type { Actor, ModulePolicy, Resource } from '../../src/platform/shared/policy-kit.ts';
import { ROLES, type Role } from '../../src/platform/shared/roles.ts';

export const REGION = 'region-1';
export const OWN = 'municipality-1';
export const OTHER = 'municipality-2';

/** A signed-in user holding one role: the region's office for the regional admin, a municipality for the others. */
export function actorWith(role: Role, overrides: Partial<Actor> = {}): Actor {
  const inRegion = role === 'regional_admin';
  return {
    kind: 'user',
    userId: `u-${role}`,
    tokenId: null,
    sessionId: 's',
    organisationId: inRegion ? REGION : OWN,
    organisationKind: inRegion ? 'region' : 'municipality',
    roles: [role],
    locale: 'sv',
    ...overrides,
  };
}

export type PolicyTable<A extends string> = Record<Role, { own: readonly A[]; other: readonly A[] }>;

export function describePolicy<A extends string>(name: string, policy: ModulePolicy<A>, table: PolicyTable<A>) {
  const actions = Object.keys(policy.rules) as A[];
  describe(`${name} policy`, () => {
    it('names only actions the policy decides', () => {
      const named = new Set(ROLES.flatMap((role) => [...table[role].own, ...table[role].other]));
      for (const action of named) expect(actions).toContain(action);
    });
    for (const role of ROLES) {
      for (const action of actions) {
        it(`${role} × ${action}`, () => {
          const actor = actorWith(role);
          const own: Resource = {
            organisationId: actor.organisationId,
            organisationKind: actor.organisationKind,
            roles: ['employee'],
          };
          const other: Resource = { organisationId: OTHER, organisationKind: 'municipality', roles: ['employee'] };
          expect(policy.rules[action](actor, own), 'own organisation').toBe(table[role].own.includes(action));
          expect(policy.rules[action](actor, other), 'another municipality').toBe(table[role].other.includes(action));
        });
      }
    }
  });
}
