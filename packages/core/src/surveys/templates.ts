import type {
  Language,
  LocalizedText,
  QuestionInput,
  SurveyDefinition,
  SurveyTemplate,
} from '@polku/contracts';
import { surveyDefinitionSchema } from '@polku/contracts';

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });

/** Keeps only the languages the survey offers. */
function pick(text: LocalizedText, langs: Language[]): LocalizedText {
  return Object.fromEntries(langs.map((l) => [l, text[l] ?? '']));
}

const reason = (text: LocalizedText): QuestionInput => ({
  key: 'reason',
  type: 'text',
  text,
  required: false,
});

const thanks = t(
  'Kiitos vastauksestasi! Luemme jokaisen vastauksen ja kehitämme toimintaamme niiden perusteella.',
  'Tack för ditt svar! Vi läser varje svar och utvecklar vår verksamhet utifrån dem.',
  'Thank you for your answer! We read every response and use them to improve.',
);

// A template promises only what the product does: there is no contact field and no follow-up
// rule, so the detractors' thanks says the answer is read, not that someone will call.
const detractorThanks = t(
  'Kiitos palautteesta – olemme pahoillamme, ettei kokemuksesi ollut hyvä. Luemme jokaisen vastauksen, ja palautteesi auttaa meitä korjaamaan sen, mikä meni pieleen.',
  'Tack för din feedback – vi beklagar att din upplevelse inte var bra. Vi läser varje svar, och din feedback hjälper oss att rätta till det som gick fel.',
  'Thank you for your feedback – we are sorry your experience was not good. We read every response, and yours helps us put right what went wrong.',
);

const npsText = t(
  'Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?',
  'Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?',
  'How likely are you to recommend us to a friend or colleague?',
);

function questionsOf(
  template: SurveyTemplate,
  features: string[],
): { title: LocalizedText; questions: QuestionInput[]; detractorRule: boolean } {
  switch (template) {
    case 'nps':
      return {
        title: t('Suosittelukysely', 'Rekommendationsenkät', 'Recommendation survey'),
        detractorRule: true,
        questions: [
          { key: 'nps', type: 'nps', text: npsText, required: true },
          reason(
            t(
              'Mikä on tärkein syy arvioosi?',
              'Vad är den viktigaste anledningen till ditt betyg?',
              'What is the main reason for your score?',
            ),
          ),
        ],
      };
    case 'csat':
      return {
        title: t('Tyytyväisyyskysely', 'Nöjdhetsenkät', 'Satisfaction survey'),
        detractorRule: false,
        questions: [
          {
            key: 'csat',
            type: 'csat',
            text: t(
              'Kuinka tyytyväinen olit palveluumme?',
              'Hur nöjd var du med vår service?',
              'How satisfied were you with our service?',
            ),
            required: true,
          },
          reason(
            t(
              'Kerro lisää – mikä onnistui tai mitä voisimme parantaa?',
              'Berätta mer – vad gick bra eller vad kan vi förbättra?',
              'Tell us more – what went well or what could we improve?',
            ),
          ),
        ],
      };
    case 'ces':
      return {
        title: t('Asioinnin helppous', 'Hur lätt det var', 'Ease of service'),
        detractorRule: false,
        questions: [
          {
            key: 'ces',
            type: 'ces',
            text: t(
              'Yritys teki asiani hoitamisesta helppoa.',
              'Företaget gjorde det lätt för mig att sköta mitt ärende.',
              'The company made it easy for me to handle my issue.',
            ),
            required: true,
          },
          reason(
            t(
              'Mikä teki asioinnista helppoa tai vaikeaa?',
              'Vad gjorde det lätt eller svårt?',
              'What made it easy or difficult?',
            ),
          ),
        ],
      };
    case 'cx-index':
      return {
        title: t('Asiakaskokemuskysely', 'Kundupplevelseenkät', 'Customer experience survey'),
        detractorRule: false,
        questions: [
          {
            key: 'effectiveness',
            type: 'rating',
            points: 5,
            required: true,
            text: t(
              'Sain hoidettua sen, mitä tulin hoitamaan.',
              'Jag fick gjort det jag kom för.',
              'I got done what I came to do.',
            ),
            lowLabel: t('Täysin eri mieltä', 'Helt av annan åsikt', 'Strongly disagree'),
            highLabel: t('Täysin samaa mieltä', 'Helt av samma åsikt', 'Strongly agree'),
          },
          {
            key: 'ease',
            type: 'rating',
            points: 5,
            required: true,
            text: t('Asiointi oli helppoa.', 'Det var lätt.', 'It was easy.'),
            lowLabel: t('Täysin eri mieltä', 'Helt av annan åsikt', 'Strongly disagree'),
            highLabel: t('Täysin samaa mieltä', 'Helt av samma åsikt', 'Strongly agree'),
          },
          {
            key: 'emotion',
            type: 'rating',
            points: 5,
            required: true,
            text: t(
              'Minulle jäi asioinnista hyvä mieli.',
              'Jag fick en bra känsla av besöket.',
              'I felt good about the experience.',
            ),
            lowLabel: t('Täysin eri mieltä', 'Helt av annan åsikt', 'Strongly disagree'),
            highLabel: t('Täysin samaa mieltä', 'Helt av samma åsikt', 'Strongly agree'),
          },
          reason(
            t(
              'Mitä haluaisit kertoa meille?',
              'Vad vill du berätta för oss?',
              'What would you like to tell us?',
            ),
          ),
        ],
      };
    case 'kano':
      return {
        title: t('Ominaisuuskysely', 'Enkät om egenskaper', 'Feature survey'),
        detractorRule: false,
        questions: features.map((feature, i) => ({
          key: `feature_${i + 1}`,
          type: 'kano',
          required: true,
          feature: t(feature, feature, feature),
          text: t(
            `Mitä mieltä olet ominaisuudesta: ${feature}?`,
            `Vad tycker du om egenskapen: ${feature}?`,
            `What do you think of this feature: ${feature}?`,
          ),
        })),
      };
    case 'incident':
      return {
        title: t('Kerro kokemuksesta', 'Berätta om en upplevelse', 'Tell us about an experience'),
        detractorRule: false,
        questions: [
          {
            key: 'incident',
            type: 'incident',
            required: true,
            text: t(
              'Muistele tilannetta, jossa asiointi meidän kanssamme onnistui erityisen hyvin tai huonosti. Mitä tapahtui?',
              'Tänk på ett tillfälle då kontakten med oss gick särskilt bra eller dåligt. Vad hände?',
              'Think of a time when dealing with us went especially well or badly. What happened?',
            ),
          },
          reason(
            t(
              'Miksi tilanne oli sinulle tärkeä?',
              'Varför var det viktigt för dig?',
              'Why did it matter to you?',
            ),
          ),
        ],
      };
    case 'employee-pulse':
      return {
        title: t('Henkilöstön pulssikysely', 'Personalens pulsenkät', 'Employee pulse survey'),
        detractorRule: false,
        questions: [
          {
            key: 'enps',
            type: 'nps',
            required: true,
            text: t(
              'Kuinka todennäköisesti suosittelisit työpaikkaamme ystävällesi?',
              'Hur troligt är det att du skulle rekommendera vår arbetsplats till en vän?',
              'How likely are you to recommend our workplace to a friend?',
            ),
          },
          {
            key: 'tools',
            type: 'rating',
            points: 5,
            required: true,
            text: t(
              'Minulla on työkalut ja tiedot, joita tarvitsen asiakkaiden auttamiseen.',
              'Jag har de verktyg och den information jag behöver för att hjälpa kunderna.',
              'I have the tools and information I need to help customers.',
            ),
          },
          {
            key: 'wellbeing',
            type: 'rating',
            points: 5,
            required: true,
            text: t(
              'Jaksan hyvin työssäni.',
              'Jag mår bra i mitt arbete.',
              'I am coping well at work.',
            ),
          },
          {
            key: 'recognition',
            type: 'rating',
            points: 5,
            required: false,
            text: t(
              'Saan tunnustusta hyvästä työstä.',
              'Jag får erkännande för gott arbete.',
              'I get recognition for good work.',
            ),
          },
          reason(
            t(
              'Mitä voisimme tehdä paremmin?',
              'Vad kunde vi göra bättre?',
              'What could we do better?',
            ),
          ),
        ],
      };
  }
}

/**
 * A ready survey from a template, in the languages asked for. Keys are fixed per template
 * (e.g. `nps` and `reason`), so analytics and integrations can rely on them.
 */
export function buildTemplate(
  template: SurveyTemplate,
  options: { languages: Language[]; defaultLanguage: Language; features?: string[] | undefined },
): SurveyDefinition {
  const langs = options.languages;
  const { title, questions, detractorRule } = questionsOf(template, options.features ?? []);
  const localize = (q: QuestionInput): QuestionInput => {
    const out: Record<string, unknown> = { ...q, text: pick(q.text, langs) };
    if (q.help) out.help = pick(q.help, langs);
    if (q.type === 'rating') {
      if (q.lowLabel) out.lowLabel = pick(q.lowLabel, langs);
      if (q.highLabel) out.highLabel = pick(q.highLabel, langs);
    }
    if (q.type === 'kano') out.feature = pick(q.feature, langs);
    return out as QuestionInput;
  };
  return surveyDefinitionSchema.parse({
    languages: langs,
    defaultLanguage: langs.includes(options.defaultLanguage) ? options.defaultLanguage : langs[0],
    title: pick(title, langs),
    questions: questions.map(localize),
    thankYou: {
      message: pick(thanks, langs),
      rules: detractorRule
        ? [{ when: [{ key: 'nps', op: 'lte', value: 6 }], message: pick(detractorThanks, langs) }]
        : [],
    },
  });
}

/** An empty survey: a title and a thank-you text to fill in. */
export function emptyDefinition(
  languages: Language[],
  defaultLanguage: Language,
  name: string,
): SurveyDefinition {
  return surveyDefinitionSchema.parse({
    languages,
    defaultLanguage: languages.includes(defaultLanguage) ? defaultLanguage : languages[0],
    title: Object.fromEntries(languages.map((l) => [l, name])),
    questions: [],
    thankYou: { message: pick(thanks, languages), rules: [] },
  });
}
