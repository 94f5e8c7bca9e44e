import type { Language } from '@polku/contracts';

/** The widget's own words, in every language Polku speaks. Survey texts come from the survey. */
export interface Strings {
  button: string;
  close: string;
  send: string;
  sending: string;
  failed: string;
  check: string;
  required: string;
  requiredMark: string;
  atMost: string;
  openFull: string;
  nps: [string, string];
  csat: [string, string];
  ces: [string, string];
  goal: [string, string, string];
  website: string;
}

export const strings: Record<Language, Strings> = {
  fi: {
    button: 'Palaute',
    close: 'Sulje',
    send: 'Lähetä',
    sending: 'Lähetetään…',
    failed: 'Lähetys ei onnistunut. Tarkista yhteys ja yritä uudelleen.',
    check: 'Tarkista vastaukset.',
    required: 'Vastaa tähän kysymykseen.',
    requiredMark: '(pakollinen)',
    atMost: 'Valitse enintään {n}.',
    openFull: 'Avaa koko kysely',
    nps: ['Ei lainkaan todennäköistä', 'Erittäin todennäköistä'],
    csat: ['Erittäin tyytymätön', 'Erittäin tyytyväinen'],
    ces: ['Täysin eri mieltä', 'Täysin samaa mieltä'],
    goal: ['Kyllä', 'Osittain', 'Ei'],
    website: 'Verkkosivusto',
  },
  sv: {
    button: 'Respons',
    close: 'Stäng',
    send: 'Skicka',
    sending: 'Skickar…',
    failed: 'Det gick inte att skicka. Kontrollera anslutningen och försök igen.',
    check: 'Kontrollera svaren.',
    required: 'Svara på den här frågan.',
    requiredMark: '(obligatorisk)',
    atMost: 'Välj högst {n}.',
    openFull: 'Öppna hela enkäten',
    nps: ['Inte alls troligt', 'Mycket troligt'],
    csat: ['Mycket missnöjd', 'Mycket nöjd'],
    ces: ['Helt av annan åsikt', 'Helt av samma åsikt'],
    goal: ['Ja', 'Delvis', 'Nej'],
    website: 'Webbplats',
  },
  en: {
    button: 'Feedback',
    close: 'Close',
    send: 'Send',
    sending: 'Sending…',
    failed: 'Sending failed. Check your connection and try again.',
    check: 'Please check your answers.',
    required: 'Please answer this question.',
    requiredMark: '(required)',
    atMost: 'Choose at most {n}.',
    openFull: 'Open the full survey',
    nps: ['Not at all likely', 'Extremely likely'],
    csat: ['Very dissatisfied', 'Very satisfied'],
    ces: ['Strongly disagree', 'Strongly agree'],
    goal: ['Yes', 'Partly', 'No'],
    website: 'Website',
  },
};

/**
 * The language to show: data-language if the survey offers it, else the first of the
 * browser's languages it offers, else the survey's default.
 */
export function chooseLanguage(
  offered: Language[],
  fallback: Language,
  wanted: (string | undefined)[],
): Language {
  for (const w of wanted) {
    const l = (w ?? '').slice(0, 2).toLowerCase() as Language;
    if (offered.includes(l)) return l;
  }
  return fallback;
}
