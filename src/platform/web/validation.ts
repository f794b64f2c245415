// E-mail checks shared by the sign-in, password and admin forms, with messages in the interface language.
import { i18n } from './i18n/i18n.ts';

const EMAIL_MAX = 254;

export function isEmail(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length <= EMAIL_MAX && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed);
}

export function validateEmail(value: string): string | null {
  return isEmail(value) ? null : i18n.t('validation.email');
}
