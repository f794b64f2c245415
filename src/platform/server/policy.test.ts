// The platform's own actions for every role (the modules test theirs beside their policy files), and the one
// can() that looks every registered rule up.
import { describe, expect, it } from 'vitest';
import { actorWith, describePolicy, OTHER, OWN, REGION } from '../../../tests/support/policy-table.ts';
import { SERVER_MODULES } from '../../app/server-modules.ts';
import { type PlatformAction, platformPolicy } from '../shared/platform.policy.ts';
import { definePolicy } from '../shared/policy-kit.ts';
import type { Role } from '../shared/roles.ts';
import { type Action, allActions, can, registerPolicies, rolesAllowedFor, visibleOrganisations } from './policy.ts';

const ACTIONS = allActions();
const PLATFORM_ALL = Object.keys(platformPolicy.rules) as PlatformAction[];
const EVERYONE: PlatformAction[] = ['organisation:read', 'network:read'];
const MUNICIPAL_ADMIN: PlatformAction[] = [...EVERYONE, 'user:read', 'user:manage', 'user:grant_role', 'token:manage'];

describePolicy('platform', platformPolicy, {
  regional_admin: { own: PLATFORM_ALL, other: PLATFORM_ALL },
  municipal_admin: { own: MUNICIPAL_ADMIN, other: EVERYONE },
  reporter: { own: EVERYONE, other: EVERYONE },
  manager: { own: EVERYONE, other: EVERYONE },
  mas: { own: EVERYONE, other: EVERYONE },
  broker: { own: EVERYONE, other: EVERYONE },
  steering: { own: EVERYONE, other: EVERYONE },
  employee: { own: EVERYONE, other: EVERYONE },
});

describe('can(actor, action, resource)', () => {
  it("holds the platform's actions and every registered module's", () => {
    const fromModules = SERVER_MODULES.flatMap((m) => Object.keys(m.policy?.rules ?? {}));
    expect(new Set(ACTIONS)).toEqual(new Set([...PLATFORM_ALL, ...fromModules]));
    expect(fromModules.length).toBeGreaterThan(0);
  });

  it('throws on an action no policy declares, instead of answering no', () => {
    expect(() => can(actorWith('regional_admin'), 'nonexistent:do' as Action)).toThrow(/Unknown action/);
  });

  it('refuses a second module declaring an action that is already declared', () => {
    expect(() => registerPolicies([definePolicy({ 'audit:read': () => true })])).toThrow(/declared by two policies/);
  });

  it('refuses everything to nobody', () => {
    for (const action of ACTIONS) expect(can(null, action, { organisationId: OWN })).toBe(false);
  });

  it('lets no municipal admin grant the regional admin role, even in their own municipality', () => {
    const actor = actorWith('municipal_admin');
    expect(can(actor, 'user:grant_role', { organisationId: OWN, roles: ['regional_admin'] })).toBe(false);
    expect(can(actor, 'token:manage', { organisationId: OWN, roles: ['manager', 'regional_admin'] })).toBe(false);
    expect(can(actor, 'user:grant_role', { organisationId: OWN, roles: ['manager', 'reporter'] })).toBe(true);
  });

  it('keeps region-only and municipality-only roles apart, whoever asks', () => {
    const admin = actorWith('regional_admin');
    expect(
      can(admin, 'user:grant_role', {
        organisationId: OTHER,
        organisationKind: 'municipality',
        roles: ['regional_admin'],
      }),
    ).toBe(false);
    expect(
      can(admin, 'user:grant_role', { organisationId: REGION, organisationKind: 'region', roles: ['municipal_admin'] }),
    ).toBe(false);
    expect(rolesAllowedFor('region')).not.toContain('municipal_admin');
    expect(rolesAllowedFor('municipality')).not.toContain('regional_admin');
  });

  it('a regional admin role held by a municipality user gives no regional rights', () => {
    const actor = { ...actorWith('employee'), roles: ['regional_admin' as Role] };
    expect(can(actor, 'audit:read')).toBe(false);
    expect(can(actor, 'user:read', { organisationId: OTHER })).toBe(false);
  });

  it('scopes lists: all for regional admins, own municipality for municipal admins, nothing for others', () => {
    expect(visibleOrganisations(actorWith('regional_admin'), 'user:read')).toBe('all');
    expect(visibleOrganisations(actorWith('municipal_admin'), 'user:read')).toEqual([OWN]);
    expect(visibleOrganisations(actorWith('reporter'), 'user:read')).toEqual([]);
  });
});
