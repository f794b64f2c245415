import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('refuses common passwords, also with digits and signs added at the ends or a word repeated', () => {
    for (const common of [
      'password1234',
      'qwertyuiop12',
      'Lösenord2026!',
      'Sommar2026!!',
      'sommarsommar',
      '123456789012',
    ]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(passwordProblem(common), common).toBe('common');
    }
  });

  it('accepts a long password that is not common, and says when one is too short', () => {
    expect(passwordProblem('Noras-eget-lösenord-1')).toBeNull();
    expect(passwordProblem('Demo-Kompetensnav-2026')).toBeNull();
    expect(passwordProblem('kort')).toBe('too_short');
  });
});
