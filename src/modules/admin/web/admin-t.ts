// The administration pages' texts live in the i18next namespace "admin" (admin.sv.ts, admin.en.ts), typed here
// against the Swedish texts. Shared words (common.*, roles.*) stay in the platform's namespace.
import { i18n } from '../../../platform/web/i18n/i18n.ts';
import { type NamespaceKey, useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type { adminSv } from './admin.sv.ts';

export const ADMIN_NS = 'admin';
export type AdminKey = NamespaceKey<typeof adminSv>;
export type AdminT = (key: AdminKey, options?: Record<string, unknown>) => string;

/** `const at = useAdminT()`; then `at('users.title')`. Re-renders on a change of language. */
export function useAdminT(): AdminT {
  return useNamespaceT<typeof adminSv>(ADMIN_NS);
}

/** The same outside React (form checks, sort keys), in the current language. */
export const adminT: AdminT = (key, options = {}) =>
  (i18n.t as unknown as (k: string, o: object) => string)(key, { ns: ADMIN_NS, ...options });
