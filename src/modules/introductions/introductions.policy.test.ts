// Every role × every introductions action: read (and copy) every municipality's lists, manage only the own ones.
import { describe, expect, it } from 'vitest';
import { actorWith, describePolicy } from '../../../tests/support/policy-table.ts';
import { type IntroductionsAction, introductionsPolicy } from './introductions.policy.ts';

const ALL = Object.keys(introductionsPolicy.rules) as IntroductionsAction[];
const FOLLOW: IntroductionsAction[] = ['introductions:follow'];
const MANAGERS = {
  own: [...FOLLOW, 'introductions:read', 'introductions:manage'] as IntroductionsAction[],
  other: [...FOLLOW, 'introductions:read'] as IntroductionsAction[],
};

describePolicy('introductions', introductionsPolicy, {
  regional_admin: { own: ALL, other: ALL },
  municipal_admin: MANAGERS,
  reporter: { own: FOLLOW, other: FOLLOW },
  manager: MANAGERS,
  mas: { own: FOLLOW, other: FOLLOW },
  broker: { own: FOLLOW, other: FOLLOW },
  steering: { own: FOLLOW, other: FOLLOW },
  employee: { own: FOLLOW, other: FOLLOW },
});

describe('introductions policy for tokens', () => {
  it("never lets an integration's token follow an introduction as its creator", () => {
    const token = actorWith('manager', { kind: 'token', tokenId: 't', sessionId: null });
    expect(introductionsPolicy.rules['introductions:follow'](token, {})).toBe(false);
    expect(introductionsPolicy.rules['introductions:follow'](actorWith('employee'), {})).toBe(true);
  });
});
