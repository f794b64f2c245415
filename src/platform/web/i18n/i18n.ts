// i18next set-up: Swedish by default, English available. Before sign-in the choice is kept in localStorage;
// after sign-in the user's saved preference (MeDto.locale) wins.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { WebModule } from '../module.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kompetensnav.language';
const CHOSEN_BEFORE_SIGN_IN_KEY = 'kompetensnav.language-chosen';

export function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'sv';
  } catch {
    return 'sv';
  }
}

/** The current language, narrowed to the ones we have. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'sv';
}

/** Switches the interface language and remembers it in this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  if (i18n.resolvedLanguage !== language) await i18n.changeLanguage(language);
}

/** Notes that the language was picked on a sign-in page, so it can be saved for the user after sign-in. */
export function noteChoiceBeforeSignIn(): void {
  try {
    window.sessionStorage.setItem(CHOSEN_BEFORE_SIGN_IN_KEY, '1');
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

/** The language picked on a sign-in page in this tab, if any; asking forgets it. */
export function takeChoiceBeforeSignIn(): Language | null {
  try {
    const chosen = window.sessionStorage.getItem(CHOSEN_BEFORE_SIGN_IN_KEY);
    window.sessionStorage.removeItem(CHOSEN_BEFORE_SIGN_IN_KEY);
    return chosen ? currentLanguage() : null;
  } catch {
    return null;
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'sv',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Adds the modules' texts, each module in its own namespace (called once by the composition root). */
export function registerTranslations(modules: readonly WebModule[]): void {
  for (const module of modules) {
    for (const { namespace, sv: svTexts, en: enTexts } of module.translations ?? []) {
      i18n.addResourceBundle('sv', namespace, svTexts, true, true);
      i18n.addResourceBundle('en', namespace, enTexts, true, true);
    }
  }
}

export { i18n };
