// Client-side checks that mirror the server's contracts, with messages in the interface language.
import { LIMITS } from '../../modules/admin/admin.contracts.ts';
import { i18n } from './i18n/i18n.ts';

export function isEmail(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length <= LIMITS.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed);
}

/** A required name of at most LIMITS.name characters. */
export function validateName(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return i18n.t('validation.name');
  if (trimmed.length > LIMITS.name) return i18n.t('validation.tooLong', { max: LIMITS.name });
  return null;
}

export function validateEmail(value: string): string | null {
  return isEmail(value) ? null : i18n.t('validation.email');
}

/** SCB's municipality code: four digits. */
export function validateScbCode(value: string): string | null {
  return /^[0-9]{4}$/.test(value.trim()) ? null : i18n.t('validation.scbCode');
}

export function validateRoles(value: readonly string[]): string | null {
  return value.length > 0 ? null : i18n.t('validation.roles');
}
