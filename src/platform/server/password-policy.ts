// What a password must be, wherever one is set (an invitation, a reset, a change, the CLI's create-admin): at least
// 12 characters and not a common password. The common passwords are zxcvbn-ts's list of about 49,000, plus words
// a Swedish user of this platform is likely to reach for; a password that is one of them with digits or signs added
// at either end (e.g. "Sommar2026!!") counts as common too.
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;

const SWEDISH_AND_LOCAL = [
  'lösenord',
  'losenord',
  'kompetensnav',
  'kompetens',
  'skaraborg',
  'sommar',
  'vinter',
  'hösten',
  'våren',
  'sverige',
  'kommunen',
  'välkommen',
  'valkommen',
  'hemtjänst',
  'sjuksköterska',
  'undersköterska',
  'qwertyuiopå',
  'asdfghjklöä',
];

const COMMON = new Set([...(dictionary['passwords-common'] as string[]), ...SWEDISH_AND_LOCAL]);

/** The password without digits and signs at its ends, lower case: "Sommar2026!!" → "sommar". */
function core(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[\d\W_]+|[\d\W_]+$/gu, '')
    .trim();
}

/** True when the password is common: listed as it is, or once digits and signs at its ends are taken away. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const stem = core(password);
  if (stem.length === 0) return true;
  if (COMMON.has(stem)) return true;
  // The same short word repeated ("sommarsommar") is no stronger than the word.
  const repeated = /^(.{2,}?)\1+$/u.exec(stem);
  return repeated !== null && COMMON.has(repeated[1] as string);
}

/** Why a password may not be used, or null when it may. */
export function passwordProblem(password: string): 'too_short' | 'common' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  return isCommonPassword(password) ? 'common' : null;
}
