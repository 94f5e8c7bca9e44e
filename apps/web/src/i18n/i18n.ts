import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '@polku/contracts';
import { en } from '../locales/en';
import { fi } from '../locales/fi';
import { sv } from '../locales/sv';

const storageKey = 'polku.language';

/** Narrows any string to a supported UI language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined; // storage can be blocked; the default language still works
  }
}

/** The language the UI is shown in now. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'fi';
}

/** Switches the UI language at once and remembers it in this browser. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // not remembered in this browser; the account keeps it when signed in
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** Starts i18next: the remembered language, else Finnish (the user's own wins once known). */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
    lng: readStoredLanguage() ?? 'fi',
    fallbackLng: 'fi',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}
