// Client-side checks of the administration's forms, mirroring admin.contracts.ts with the contracts' own messages
// (admin.messages.ts) in the interface language. The limits are repeated here rather than imported: importing the
// contracts at runtime would put zod (about 90 kB gzipped) into the browser bundle. The server validates with the
// contracts in any case.
import { translate } from '../../../platform/shared/messages.ts';
import { currentLanguage, i18n } from '../../../platform/web/i18n/i18n.ts';
import type { NetworkDto } from '../admin.contracts.ts';
import { adminMessages as am } from '../admin.messages.ts';

export const PAGE_SIZE = 50;
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;

type NetworkKind = NetworkDto['kind'];
// A record, so the compiler notices a kind added to (or removed from) the contracts.
const NETWORK_KIND_SET: Record<NetworkKind, true> = {
  network: true,
  steering_group: true,
  reference_group: true,
  working_group: true,
};
export const NETWORK_KINDS = Object.keys(NETWORK_KIND_SET) as NetworkKind[];

export function isNetworkKind(value: string): value is NetworkKind {
  return Object.hasOwn(NETWORK_KIND_SET, value);
}

/** A contract's message in the interface language. */
const say = (message: (typeof am)[keyof typeof am]) => translate(message(), currentLanguage());

/** A required name of at most NAME_MAX characters. */
export function validateName(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return say(am.nameRequired);
  if (trimmed.length > NAME_MAX) return say(am.nameTooLong);
  return null;
}

export function validateDescription(value: string): string | null {
  return value.trim().length > DESCRIPTION_MAX ? i18n.t('validation.tooLong', { max: DESCRIPTION_MAX }) : null;
}

/** SCB's municipality code: four digits. */
export function validateScbCode(value: string): string | null {
  return /^[0-9]{4}$/.test(value.trim()) ? null : say(am.scbCode);
}

export function validateRoles(value: readonly string[]): string | null {
  return value.length > 0 ? null : say(am.rolesRequired);
}
