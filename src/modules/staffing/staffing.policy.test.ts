// Every role × every staffing action, on the own municipality's objects and on another's.
import { describe, expect, it } from 'vitest';
import { actorWith, describePolicy } from '../../../tests/support/policy-table.ts';
import { type StaffingAction, staffingPolicy } from './staffing.policy.ts';

const ALL = Object.keys(staffingPolicy.rules) as StaffingAction[];
const REPORT: StaffingAction[] = ['staffing:read_statistics', 'staffing:read_report'];
const READ_ONLY: StaffingAction[] = ['staffing:read_statistics'];

describePolicy('staffing', staffingPolicy, {
  regional_admin: { own: ALL, other: ALL },
  municipal_admin: {
    own: [...REPORT, 'staffing:edit_report', 'staffing:approve_report', 'staffing:generate_report'],
    other: [...READ_ONLY, 'staffing:generate_report'],
  },
  reporter: { own: [...REPORT, 'staffing:edit_report'], other: READ_ONLY },
  manager: { own: [...REPORT, 'staffing:generate_report'], other: [...READ_ONLY, 'staffing:generate_report'] },
  mas: { own: [...REPORT, 'staffing:generate_report'], other: [...READ_ONLY, 'staffing:generate_report'] },
  broker: { own: READ_ONLY, other: READ_ONLY },
  steering: { own: [...REPORT, 'staffing:generate_report'], other: [...READ_ONLY, 'staffing:generate_report'] },
  employee: { own: READ_ONLY, other: READ_ONLY },
});

describe('staffing policy for tokens', () => {
  it("never lets an integration's token generate the region report as its creator", () => {
    const token = actorWith('manager', { kind: 'token', tokenId: 't', sessionId: null });
    expect(staffingPolicy.rules['staffing:generate_report'](token, {})).toBe(false);
  });
});
