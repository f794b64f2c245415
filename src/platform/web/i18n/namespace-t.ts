// A module's texts in their own i18next namespace, typed against its Swedish texts: adding them to the app-wide typed
// resources makes TypeScript give up on template-literal keys elsewhere (the trainings pages do the same).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** "x_one" and "x_other" are asked for as "x" with a count. */
type WithoutPlural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type NamespaceKey<Texts> = WithoutPlural<Leaves<Texts>>;

/** `const ft = useNamespaceT<typeof forecastSv>('staffingForecast')`; then `ft('title')`. */
export function useNamespaceT<Texts>(ns: string) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useCallback(
    (key: NamespaceKey<Texts>, options: Record<string, unknown> = {}): string =>
      (i18n.t as unknown as (k: string, o: object) => string)(key, { ns, lng: language, ...options }),
    [i18n, ns, language],
  );
}
