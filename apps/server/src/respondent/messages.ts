import type { EmotionKey, Language, kanoAnswers } from '@polku/contracts';

type KanoAnswer = (typeof kanoAnswers)[number];
type Ends = readonly [low: string, high: string];

/** What a numeric question accepts: its range (a bound may be open) and its decimals. */
export interface NumberRule {
  min: number | null;
  max: number | null;
  decimals: number;
}

/** Numbers as the language writes them: 10 000 and 12,5 in Finnish and Swedish. */
const numberIn = (language: Language) => {
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, {
    maximumFractionDigits: 4,
  });
  return (x: number) => format.format(x);
};
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "kokonaisluku väliltä 15–120", "luku, vähintään 0, enintään 2 desimaalia" */
function fiNumberRule(r: NumberRule): string {
  const n = numberIn('fi');
  const range =
    r.min !== null && r.max !== null
      ? ` väliltä ${n(r.min)}–${n(r.max)}`
      : r.min !== null
        ? `, vähintään ${n(r.min)}`
        : r.max !== null
          ? `, enintään ${n(r.max)}`
          : '';
  const decimals =
    r.decimals === 0 ? '' : `, enintään ${r.decimals} desimaali${r.decimals === 1 ? '' : 'a'}`;
  return `${r.decimals === 0 ? 'kokonaisluku' : 'luku'}${range}${decimals}`;
}

/** "ett heltal mellan 15 och 120", "ett tal, minst 0, högst 2 decimaler" */
function svNumberRule(r: NumberRule): string {
  const n = numberIn('sv');
  const range =
    r.min !== null && r.max !== null
      ? ` mellan ${n(r.min)} och ${n(r.max)}`
      : r.min !== null
        ? `, minst ${n(r.min)}`
        : r.max !== null
          ? `, högst ${n(r.max)}`
          : '';
  const decimals =
    r.decimals === 0 ? '' : `, högst ${r.decimals} decimal${r.decimals === 1 ? '' : 'er'}`;
  return `${r.decimals === 0 ? 'ett heltal' : 'ett tal'}${range}${decimals}`;
}

/** "a whole number from 15 to 120", "a number of at least 0, with at most 2 decimal places" */
function enNumberRule(r: NumberRule): string {
  const n = numberIn('en');
  const range =
    r.min !== null && r.max !== null
      ? ` from ${n(r.min)} to ${n(r.max)}`
      : r.min !== null
        ? ` of at least ${n(r.min)}`
        : r.max !== null
          ? ` of at most ${n(r.max)}`
          : '';
  const decimals =
    r.decimals === 0
      ? ''
      : `, with at most ${r.decimals} decimal place${r.decimals === 1 ? '' : 's'}`;
  return `${r.decimals === 0 ? 'a whole number' : 'a number'}${range}${decimals}`;
}

/** Every string of the respondent pages; a language missing one is a type error. */
export interface RespondentMessages {
  languageName: string;
  languageNav: string;
  next: string;
  back: string;
  submit: string;
  pageOf(page: number, of: number): string;
  required: string;
  errorPrefix: string;
  errorSummary: string;
  honeypot: string;
  /** The footer: who asks, and where their privacy notice is. */
  surveyBy(organisation: string): string;
  privacyNotice: string;
  errors: {
    required: string;
    scale(min: number, max: number): string;
    /** A numeric answer that is not a number the question accepts. */
    number(rule: NumberRule): string;
    choice: string;
    tooMany(n: number): string;
    tooLong(n: number): string;
    bothScales: string;
    bothKano: string;
    incidentWhat: string;
    incidentValence: string;
    invalid: string;
  };
  thankYouHeading: string;
  closedHeading: string;
  closedText: string;
  answeredHeading: string;
  answeredText: string;
  unavailableHeading: string;
  unavailableText: string;
  tooManyHeading: string;
  tooManyText: string;
  failedHeading: string;
  failedText: string;
  /** A request the page cannot read (a NUL character, bytes that are not UTF-8, a repeated
   * parameter): nothing was saved. */
  unreadableHeading: string;
  unreadableText: string;
  npsEnds: Ends;
  csatEnds: Ends;
  cesEnds: Ends;
  expectationEnds: Ends;
  expected: string;
  got: string;
  goal: Record<'yes' | 'partly' | 'no', string>;
  emotions: Record<EmotionKey, string>;
  emotionHint: string;
  intensityLegend(emotion: string): string;
  intensityEnds: Ends;
  chooseAll: string;
  chooseAtMost(n: number): string;
  kano: Record<KanoAnswer, string>;
  kanoFunctional(feature: string): string;
  kanoDysfunctional(feature: string): string;
  incidentWhat: string;
  incidentWhen: string;
  incidentStage: string;
  incidentNoStage: string;
  incidentWhy: string;
  incidentValence: string;
  positive: string;
  negative: string;
  charactersMax(n: number): string;
  /** What a numeric answer may be, shown under its question. */
  numberHint(rule: NumberRule): string;
}

const fi: RespondentMessages = {
  languageName: 'Suomi',
  languageNav: 'Kieli',
  next: 'Seuraava',
  back: 'Edellinen',
  submit: 'Lähetä',
  pageOf: (page, of) => `Sivu ${page}/${of}`,
  required: 'pakollinen',
  errorPrefix: 'Virhe',
  errorSummary: 'Tarkista vastauksesi',
  honeypot: 'Jätä tämä kenttä tyhjäksi',
  surveyBy: (organisation) => `Kyselyn tekijä: ${organisation}`,
  privacyNotice: 'Tietosuojaseloste',
  errors: {
    required: 'Vastaa tähän kysymykseen.',
    scale: (min, max) => `Valitse arvo väliltä ${min}–${max}.`,
    number: (rule) => `Anna ${fiNumberRule(rule)}.`,
    choice: 'Valitse jokin vaihtoehdoista.',
    tooMany: (n) => `Valitse enintään ${n}.`,
    tooLong: (n) => `Kirjoita enintään ${n} merkkiä.`,
    bothScales: 'Vastaa molempiin asteikkoihin.',
    bothKano: 'Vastaa molempiin kysymyksiin.',
    incidentWhat: 'Kerro, mitä tapahtui.',
    incidentValence: 'Valitse, oliko kokemus myönteinen vai kielteinen.',
    invalid: 'Tarkista tämä vastaus.',
  },
  thankYouHeading: 'Kiitos!',
  closedHeading: 'Kysely on päättynyt',
  closedText: 'Kiitos kiinnostuksestasi. Tähän kyselyyn ei voi enää vastata.',
  answeredHeading: 'Olet jo vastannut',
  answeredText: 'Kiitos! Tähän henkilökohtaiseen kutsuun on jo vastattu.',
  unavailableHeading: 'Kysely ei ole saatavilla',
  unavailableText: 'Tarkista linkki. Kysely on ehkä poistettu tai sitä ei ole vielä avattu.',
  tooManyHeading: 'Hetkinen',
  tooManyText:
    'Tästä osoitteesta tuli lyhyessä ajassa paljon vastauksia. Odota minuutti ja yritä uudelleen.',
  failedHeading: 'Jokin meni vikaan',
  failedText: 'Vastaustasi ei voitu tallentaa. Yritä hetken kuluttua uudelleen.',
  unreadableHeading: 'Lähetettyä tietoa ei voitu lukea',
  unreadableText:
    'Mitään ei tallennettu. Tarkista linkki tai palaa takaisin ja lähetä vastauksesi uudelleen.',
  npsEnds: ['Ei lainkaan todennäköistä', 'Erittäin todennäköistä'],
  csatEnds: ['Erittäin tyytymätön', 'Erittäin tyytyväinen'],
  cesEnds: ['Täysin eri mieltä', 'Täysin samaa mieltä'],
  expectationEnds: ['Erittäin huono', 'Erittäin hyvä'],
  expected: 'Mitä odotit?',
  got: 'Mitä sait?',
  goal: { yes: 'Kyllä', partly: 'Osittain', no: 'Ei' },
  emotions: {
    happy: 'Iloinen',
    grateful: 'Kiitollinen',
    relieved: 'Helpottunut',
    surprised: 'Yllättynyt',
    calm: 'Rauhallinen',
    confused: 'Hämmentynyt',
    frustrated: 'Turhautunut',
    angry: 'Vihainen',
    disappointed: 'Pettynyt',
    worried: 'Huolestunut',
  },
  emotionHint: 'Valitse kaikki sopivat tunteet.',
  intensityLegend: (emotion) => `Kuinka voimakkaasti: ${emotion}`,
  intensityEnds: ['Heikosti', 'Voimakkaasti'],
  chooseAll: 'Valitse kaikki sopivat.',
  chooseAtMost: (n) => `Valitse enintään ${n}.`,
  kano: {
    like: 'Pidän siitä',
    must_be: 'Odotan sitä',
    neutral: 'Yhdentekevää',
    live_with: 'Voin hyväksyä sen',
    dislike: 'En pidä siitä',
  },
  kanoFunctional: (f) => `Jos siinä on ${f}, miltä se sinusta tuntuu?`,
  kanoDysfunctional: (f) => `Jos siinä ei ole ${f}, miltä se sinusta tuntuu?`,
  incidentWhat: 'Mitä tapahtui?',
  incidentWhen: 'Milloin tai missä vaiheessa?',
  incidentStage: 'Missä vaiheessa?',
  incidentNoStage: 'Valitse vaihe',
  incidentWhy: 'Miksi se oli sinulle tärkeää?',
  incidentValence: 'Millainen kokemus oli?',
  positive: 'Myönteinen',
  negative: 'Kielteinen',
  charactersMax: (n) => `Enintään ${n} merkkiä.`,
  numberHint: (rule) => `${capitalize(fiNumberRule(rule))}.`,
};

const sv: RespondentMessages = {
  languageName: 'Svenska',
  languageNav: 'Språk',
  next: 'Nästa',
  back: 'Föregående',
  submit: 'Skicka',
  pageOf: (page, of) => `Sida ${page}/${of}`,
  required: 'obligatorisk',
  errorPrefix: 'Fel',
  errorSummary: 'Kontrollera dina svar',
  honeypot: 'Lämna det här fältet tomt',
  surveyBy: (organisation) => `Enkäten görs av ${organisation}`,
  privacyNotice: 'Dataskyddsbeskrivning',
  errors: {
    required: 'Svara på den här frågan.',
    scale: (min, max) => `Välj ett värde mellan ${min} och ${max}.`,
    number: (rule) => `Ange ${svNumberRule(rule)}.`,
    choice: 'Välj ett av alternativen.',
    tooMany: (n) => `Välj högst ${n}.`,
    tooLong: (n) => `Skriv högst ${n} tecken.`,
    bothScales: 'Svara på båda skalorna.',
    bothKano: 'Svara på båda frågorna.',
    incidentWhat: 'Berätta vad som hände.',
    incidentValence: 'Välj om upplevelsen var positiv eller negativ.',
    invalid: 'Kontrollera det här svaret.',
  },
  thankYouHeading: 'Tack!',
  closedHeading: 'Enkäten har stängts',
  closedText: 'Tack för ditt intresse. Det går inte längre att svara på den här enkäten.',
  answeredHeading: 'Du har redan svarat',
  answeredText: 'Tack! Den här personliga inbjudan har redan besvarats.',
  unavailableHeading: 'Enkäten är inte tillgänglig',
  unavailableText: 'Kontrollera länken. Enkäten kan ha tagits bort eller har inte öppnats ännu.',
  tooManyHeading: 'Ett ögonblick',
  tooManyText:
    'Vi fick många svar från den här adressen på kort tid. Vänta en minut och försök igen.',
  failedHeading: 'Något gick fel',
  failedText: 'Ditt svar kunde inte sparas. Försök igen om en stund.',
  unreadableHeading: 'Det som skickades kunde inte läsas',
  unreadableText:
    'Ingenting sparades. Kontrollera länken eller gå tillbaka och skicka dina svar igen.',
  npsEnds: ['Inte alls troligt', 'Mycket troligt'],
  csatEnds: ['Mycket missnöjd', 'Mycket nöjd'],
  cesEnds: ['Helt av annan åsikt', 'Helt av samma åsikt'],
  expectationEnds: ['Mycket dålig', 'Mycket bra'],
  expected: 'Vad förväntade du dig?',
  got: 'Vad fick du?',
  goal: { yes: 'Ja', partly: 'Delvis', no: 'Nej' },
  emotions: {
    happy: 'Glad',
    grateful: 'Tacksam',
    relieved: 'Lättad',
    surprised: 'Överraskad',
    calm: 'Lugn',
    confused: 'Förvirrad',
    frustrated: 'Frustrerad',
    angry: 'Arg',
    disappointed: 'Besviken',
    worried: 'Orolig',
  },
  emotionHint: 'Välj alla känslor som passar.',
  intensityLegend: (emotion) => `Hur starkt: ${emotion}`,
  intensityEnds: ['Svagt', 'Starkt'],
  chooseAll: 'Välj alla som passar.',
  chooseAtMost: (n) => `Välj högst ${n}.`,
  kano: {
    like: 'Jag gillar det',
    must_be: 'Jag förväntar mig det',
    neutral: 'Det spelar ingen roll',
    live_with: 'Jag kan acceptera det',
    dislike: 'Jag ogillar det',
  },
  kanoFunctional: (f) => `Om den har ${f}, vad tycker du då?`,
  kanoDysfunctional: (f) => `Om den inte har ${f}, vad tycker du då?`,
  incidentWhat: 'Vad hände?',
  incidentWhen: 'När eller i vilket skede?',
  incidentStage: 'I vilket skede?',
  incidentNoStage: 'Välj skede',
  incidentWhy: 'Varför var det viktigt för dig?',
  incidentValence: 'Hurdan var upplevelsen?',
  positive: 'Positiv',
  negative: 'Negativ',
  charactersMax: (n) => `Högst ${n} tecken.`,
  numberHint: (rule) => `${capitalize(svNumberRule(rule))}.`,
};

const en: RespondentMessages = {
  languageName: 'English',
  languageNav: 'Language',
  next: 'Next',
  back: 'Back',
  submit: 'Submit',
  pageOf: (page, of) => `Page ${page} of ${of}`,
  required: 'required',
  errorPrefix: 'Error',
  errorSummary: 'Please check your answers',
  honeypot: 'Leave this field empty',
  surveyBy: (organisation) => `Survey by ${organisation}`,
  privacyNotice: 'Privacy notice',
  errors: {
    required: 'Please answer this question.',
    scale: (min, max) => `Choose a value from ${min} to ${max}.`,
    number: (rule) => `Enter ${enNumberRule(rule)}.`,
    choice: 'Choose one of the options.',
    tooMany: (n) => `Choose at most ${n}.`,
    tooLong: (n) => `Write at most ${n} characters.`,
    bothScales: 'Answer both scales.',
    bothKano: 'Answer both questions.',
    incidentWhat: 'Tell us what happened.',
    incidentValence: 'Choose whether the experience was positive or negative.',
    invalid: 'Please check this answer.',
  },
  thankYouHeading: 'Thank you!',
  closedHeading: 'This survey has closed',
  closedText: 'Thank you for your interest. This survey no longer takes answers.',
  answeredHeading: 'You have already answered',
  answeredText: 'Thank you! This personal invitation has already been answered.',
  unavailableHeading: 'This survey is not available',
  unavailableText: 'Please check the link. The survey may have been removed or not opened yet.',
  tooManyHeading: 'One moment',
  tooManyText:
    'We received many answers from this address in a short time. Please wait a minute and try again.',
  failedHeading: 'Something went wrong',
  failedText: 'Your answer could not be saved. Please try again in a moment.',
  unreadableHeading: 'What was sent could not be read',
  unreadableText: 'Nothing was saved. Check the link, or go back and send your answers again.',
  npsEnds: ['Not at all likely', 'Extremely likely'],
  csatEnds: ['Very dissatisfied', 'Very satisfied'],
  cesEnds: ['Strongly disagree', 'Strongly agree'],
  expectationEnds: ['Very poor', 'Very good'],
  expected: 'What did you expect?',
  got: 'What did you get?',
  goal: { yes: 'Yes', partly: 'Partly', no: 'No' },
  emotions: {
    happy: 'Happy',
    grateful: 'Grateful',
    relieved: 'Relieved',
    surprised: 'Surprised',
    calm: 'Calm',
    confused: 'Confused',
    frustrated: 'Frustrated',
    angry: 'Angry',
    disappointed: 'Disappointed',
    worried: 'Worried',
  },
  emotionHint: 'Choose every feeling that fits.',
  intensityLegend: (emotion) => `How strongly: ${emotion}`,
  intensityEnds: ['Weakly', 'Strongly'],
  chooseAll: 'Choose all that apply.',
  chooseAtMost: (n) => `Choose at most ${n}.`,
  kano: {
    like: 'I like it',
    must_be: 'I expect it',
    neutral: 'I am neutral',
    live_with: 'I can live with it',
    dislike: 'I dislike it',
  },
  kanoFunctional: (f) => `If it has ${f}, how do you feel?`,
  kanoDysfunctional: (f) => `If it does not have ${f}, how do you feel?`,
  incidentWhat: 'What happened?',
  incidentWhen: 'When, or at which stage?',
  incidentStage: 'At which stage?',
  incidentNoStage: 'Choose a stage',
  incidentWhy: 'Why did it matter to you?',
  incidentValence: 'How was the experience?',
  positive: 'Positive',
  negative: 'Negative',
  charactersMax: (n) => `At most ${n} characters.`,
  numberHint: (rule) => `${capitalize(enNumberRule(rule))}.`,
};

/** The respondent pages' strings in each language. */
export const respondentMessages: Record<Language, RespondentMessages> = { fi, sv, en };
