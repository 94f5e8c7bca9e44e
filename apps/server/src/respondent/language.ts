import { languages, type Language } from '@polku/contracts';

/** Whether a string is one of the languages Polku speaks. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The languages of an Accept-Language header, most preferred first ("sv-FI,sv;q=0.9,en;q=0.8"
 * → sv, en). Region subtags are dropped; q=0 means "not this one".
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0]!, q: q ? Number(q[1]) : 1, i };
    })
    .filter((l) => l.lang && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.lang);
}

/**
 * The language to show: the one asked for in the link (`?lang=`) when offered, else the best
 * match of the browser's Accept-Language among those offered, else the fallback.
 */
export function chooseLanguage(
  offered: readonly Language[],
  fallback: Language,
  asked: { explicit?: unknown; acceptLanguage?: string | undefined },
): Language {
  if (isLanguage(asked.explicit) && offered.includes(asked.explicit)) return asked.explicit;
  for (const lang of acceptedLanguages(asked.acceptLanguage)) {
    if (isLanguage(lang) && offered.includes(lang)) return lang;
  }
  return offered.includes(fallback) ? fallback : (offered[0] ?? fallback);
}
