// Every role is decided for every action: adding a role or an action forces a decision here.
import { describe, expect, it } from 'vitest';
import { SERVER_MODULES } from '../../app/server-modules.ts';
import { ROLES, type Role } from '../shared/roles.ts';
import { type Action, type Actor, allActions, can, rolesAllowedFor, visibleOrganisations } from './policy.ts';

const ACTIONS = allActions();
if (SERVER_MODULES.length === 0) throw new Error('no modules registered');

const REGION = 'region-1';
const OWN = 'municipality-1';
const OTHER = 'municipality-2';

function actorWith(role: Role): Actor {
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
  };
}

// What each role may do on its own organisation's objects (own) and on another municipality's (other).
const EVERYONE: Action[] = [
  'organisation:read',
  'network:read',
  'staffing:read_statistics',
  'trainings:suggest',
  'introductions:follow',
];
/** Introduction lists: read (and copy) every municipality's, manage only the own municipality's. */
const INTRO_OWN: Action[] = ['introductions:read', 'introductions:manage'];
const INTRO_OTHER: Action[] = ['introductions:read'];
const REPORT: Action[] = ['staffing:read_report'];
const REPORT_EDIT: Action[] = ['staffing:read_report', 'staffing:edit_report'];
// What each role may do on its own organisation's objects (own) and on another municipality's (other).
const EXPECTED: Record<Role, { own: Action[]; other: Action[] }> = {
  regional_admin: { own: [...ACTIONS], other: [...ACTIONS] },
  municipal_admin: {
    own: [
      ...EVERYONE,
      ...REPORT_EDIT,
      'staffing:approve_report',
      'staffing:generate_report',
      'user:read',
      'user:manage',
      'user:grant_role',
      'token:manage',
      ...INTRO_OWN,
    ],
    other: [...EVERYONE, ...INTRO_OTHER, 'staffing:generate_report'],
  },
  reporter: { own: [...EVERYONE, ...REPORT_EDIT], other: EVERYONE },
  manager: {
    own: [...EVERYONE, ...REPORT, ...INTRO_OWN, 'staffing:generate_report'],
    other: [...EVERYONE, ...INTRO_OTHER, 'staffing:generate_report'],
  },
  // MAS/MAR review the whole region's training catalogue (approve, needs change, remove), not only their own.
  mas: {
    own: [...EVERYONE, ...REPORT, 'trainings:review', 'staffing:generate_report'],
    other: [...EVERYONE, 'trainings:review', 'staffing:generate_report'],
  },
  broker: { own: EVERYONE, other: EVERYONE },
  steering: {
    own: [...EVERYONE, ...REPORT, 'staffing:generate_report'],
    other: [...EVERYONE, 'staffing:generate_report'],
  },
  employee: { own: EVERYONE, other: EVERYONE },
};

describe('can(actor, action, resource)', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      it(`${role} × ${action}`, () => {
        const actor = actorWith(role);
        const own = {
          organisationId: actor.organisationId,
          organisationKind: actor.organisationKind,
          roles: ['employee' as Role],
        };
        const other = { organisationId: OTHER, organisationKind: 'municipality' as const, roles: ['employee' as Role] };
        expect(can(actor, action, own)).toBe(EXPECTED[role].own.includes(action));
        expect(can(actor, action, other)).toBe(EXPECTED[role].other.includes(action));
      });
    }
  }

  it("never lets an integration's token follow an introduction as its creator", () => {
    const token: Actor = { ...actorWith('manager'), kind: 'token', tokenId: 't', sessionId: null };
    expect(can(token, 'introductions:follow')).toBe(false);
    expect(can(token, 'staffing:generate_report')).toBe(false);
    expect(can(actorWith('employee'), 'introductions:follow')).toBe(true);
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
