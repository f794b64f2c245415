// Career paths' page texts live in their own i18next namespace ("careerPaths"), typed here against the Swedish texts.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { careerPathsSv } from './career-paths.sv.ts';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type CareerKey = Leaves<typeof careerPathsSv>;

export const CAREER_NS = 'careerPaths';

export function useCareerT() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useCallback(
    (key: CareerKey, options: Record<string, unknown> = {}): string =>
      (i18n.t as unknown as (k: string, o: object) => string)(key, { ns: CAREER_NS, lng: language, ...options }),
    [i18n, language],
  );
}

/** The role's name in the user's language. */
export function useRoleName() {
  const { i18n } = useTranslation();
  const en = i18n.resolvedLanguage === 'en';
  return useCallback(
    (roles: readonly { key: string; name: string; nameEn?: string }[], key: string) => {
      const r = roles.find((x) => x.key === key);
      return r ? (en && r.nameEn ? r.nameEn : r.name) : key;
    },
    [en],
  );
}
