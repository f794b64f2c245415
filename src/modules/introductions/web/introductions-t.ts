// The introduction pages' texts live in their own i18next namespace ("introductions"), typed here against the Swedish
// texts: adding them to the app-wide typed resources makes TypeScript give up on template-literal keys elsewhere.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { introductionsSv } from './introductions.sv.ts';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** "catalogue.results_one" and "_other" are asked for as "catalogue.results" with a count. */
type WithoutPlural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type IntroductionsKey = WithoutPlural<Leaves<typeof introductionsSv>>;

export const INTRODUCTIONS_NS = 'introductions';

export function useIntroductionsT() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useCallback(
    (key: IntroductionsKey, options: Record<string, unknown> = {}): string =>
      (i18n.t as unknown as (k: string, o: object) => string)(key, { ns: INTRODUCTIONS_NS, lng: language, ...options }),
    [i18n, language],
  );
}
