import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '@polku/contracts';
import type { Messages } from '../locales/fi';

const storageKey = 'polku.language';

// One language's strings load at start, the others only when someone switches to them: each is
// its own chunk, so the first page does not download all three.
const loaders: Record<Language, () => Promise<Messages>> = {
  fi: () => import('../locales/fi').then((m) => m.fi),
  sv: () => import('../locales/sv').then((m) => m.sv),
  en: () => import('../locales/en').then((m) => m.en),
};
const loading = new Map<Language, Promise<Messages>>();

/** The strings of a language, loaded once. */
function messagesOf(language: Language): Promise<Messages> {
  let messages = loading.get(language);
  if (!messages) {
    messages = loaders[language]();
    // A failed load (the network dropped) is tried again on the next switch.
    messages.catch(() => loading.delete(language));
    loading.set(language, messages);
  }
  return messages;
}

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
  if (i18next.language === language) return;
  // The strings arrive before the switch, so the page never shows keys in between.
  if (!i18next.hasResourceBundle(language, 'translation'))
    i18next.addResourceBundle(language, 'translation', await messagesOf(language));
  await i18next.changeLanguage(language);
}

/** Starts i18next: the remembered language, else Finnish (the user's own wins once known). */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  const language = readStoredLanguage() ?? 'fi';
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: await messagesOf(language) } },
    lng: language,
    // Every language has every key (the type check proves it): nothing to fall back to.
    fallbackLng: false,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}
