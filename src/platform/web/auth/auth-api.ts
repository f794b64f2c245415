// Calls to better-auth's endpoints (sign-in, sign-out, password links), and its error codes as our own texts.
import { ApiError, apiRequest } from '../api/api-client.ts';
import { i18n } from '../i18n/i18n.ts';

export const PASSWORD_MIN_LENGTH = 12;

export function signIn(email: string, password: string): Promise<unknown> {
  return apiRequest('/api/auth/sign-in/email', { method: 'POST', body: { email, password } });
}

export function signOut(): Promise<unknown> {
  return apiRequest('/api/auth/sign-out', { method: 'POST', body: {} });
}

export function requestPasswordReset(email: string): Promise<unknown> {
  return apiRequest('/api/auth/request-password-reset', {
    method: 'POST',
    body: { email, redirectTo: '/set-password' },
  });
}

export function resetPassword(token: string, newPassword: string): Promise<unknown> {
  return apiRequest('/api/auth/reset-password', { method: 'POST', body: { token, newPassword } });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
  return apiRequest('/api/auth/change-password', {
    method: 'POST',
    body: { currentPassword, newPassword, revokeOtherSessions: true },
  });
}

const KNOWN_CODES = [
  'INVALID_EMAIL_OR_PASSWORD',
  'INVALID_EMAIL',
  'INVALID_PASSWORD',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'TOO_MANY_FAILED_ATTEMPTS',
  'FAILED_TO_CREATE_SESSION',
  'SESSION_EXPIRED',
  'CREDENTIAL_ACCOUNT_NOT_FOUND',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** better-auth answers in English; the user reads our Swedish (or English) text for its code. */
export function authErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('auth.fallback');
  if (isKnownCode(error.code)) return i18n.t(`auth.${error.code}`);
  if (error.status === 429) return i18n.t('errors.tooMany');
  if (error.status === 0) return error.message;
  return i18n.t('auth.fallback');
}

/** Whether a reset or invitation token was refused (so the page offers a new link). */
export function isTokenError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'INVALID_TOKEN' || error.code === 'TOKEN_EXPIRED');
}
