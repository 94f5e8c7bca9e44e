/**
 * The demo's studies beyond the three running surveys, so every analysis view has data:
 *
 * - "Palvelupisteiden tyytyväisyys (CSAT)": one CSAT question at the journey's touchpoints (QR
 *   codes in the window and on the gift card, links in the invoice and the subscription mail…),
 *   so journey health has CSAT at every stage.
 * - "Asiakassuhdekysely (NPS ja tekijät)": the relationship survey sent by email in four waves:
 *   NPS with five driver ratings (key drivers, importance–performance), three expectation
 *   items (gaps), feelings (emotions) and a critical incident, partly coded; its invitations
 *   give the response rate.
 * - "Uudet palvelut (Kano)": a Kano study of five shop features in the web shop.
 *
 * Three test answers (the staff trying a QR code) show the test flag: stored, in no figure.
 *
 * Deterministic like the rest of the demo: each study's history ends at its survey's creation,
 * its random stream is seeded by its name, and its responses have fixed ids, so a second run
 * stores nothing and a run after an interrupted one completes it.
 */
import type { AnswerValue, EmotionKey, Language, Question } from '@polku/contracts';
import {
  localDay,
  newSecret,
  type IntakeInput,
  type SurveyInvitationRecord,
  type WorkspaceContext,
} from '@polku/core';
import type { Runtime } from '../runtime.js';
import { demoDays, localClock } from './calendar.js';
import type { DemoJourney, DemoTouchpointKey } from './journey.js';
import { Random, seedOf } from './random.js';

export const TOUCHPOINT_CSAT_NAME = 'Palvelupisteiden tyytyväisyys (CSAT)';
export const RELATIONSHIP_NAME = 'Asiakassuhdekysely (NPS ja tekijät)';
export const KANO_NAME = 'Uudet palvelut (Kano)';

const t3 = (fi: string, sv: string, en: string) => ({ fi, sv, en });
const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];
const LANGUAGE_WEIGHTS = [0.81, 0.11, 0.08];
const DAY = 86_400_000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));

export interface DemoStudiesResult {
  surveysCreated: number;
  responsesCreated: number;
  /** Survey ids by study, for tests and the rest of the seed. */
  surveyIds: { touchpoints: string; relationship: string; kano: string };
}

type Submit = (inputs: IntakeInput[]) => Promise<number>;

export async function seedDemoStudies(
  runtime: Runtime,
  ctx: WorkspaceContext,
  journey: DemoJourney,
  submit: Submit,
): Promise<DemoStudiesResult> {
  const result: DemoStudiesResult = {
    surveysCreated: 0,
    responsesCreated: 0,
    surveyIds: { touchpoints: '', relationship: '', kano: '' },
  };
  const touchpoints = await seedTouchpointCsat(runtime, ctx, journey, submit, result);
  const relationship = await seedRelationship(runtime, ctx, submit, result);
  const kano = await seedKano(runtime, ctx, journey, submit, result);
  result.surveyIds = { touchpoints, relationship, kano };
  return result;
}

/** The survey by name, created (with `questions` when given) and published if missing. */
async function ensureSurvey(
  { services }: Runtime,
  ctx: WorkspaceContext,
  spec: {
    name: string;
    purpose: 'relationship' | 'transactional';
    template: 'csat' | 'nps' | 'kano';
    questions?: (template: Question[]) => Question[];
  },
  result: DemoStudiesResult,
) {
  let survey = (await services.surveys.list(ctx)).find((s) => s.name === spec.name);
  if (!survey) {
    survey = await services.surveys.create(ctx, {
      name: spec.name,
      purpose: spec.purpose,
      touchpointId: null,
      template: spec.template,
      features: spec.template === 'kano' ? ['x'] : undefined,
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
    });
    result.surveysCreated++;
    if (spec.questions) {
      const { draft } = await services.surveys.get(ctx, survey.id);
      await services.surveys.update(ctx, survey.id, {
        draft: { ...draft, questions: spec.questions(draft.questions) },
      });
    }
  }
  if (survey.publishedVersion === null) await services.surveys.publish(ctx, survey.id);
  return survey;
}

async function ensureLink(
  { services }: Runtime,
  ctx: WorkspaceContext,
  surveyId: string,
  link: { name: string; channel: string; touchpointId: string | null },
): Promise<string> {
  const found = (await services.surveys.listLinks(ctx, surveyId)).find((l) => l.name === link.name);
  return (found ?? (await services.surveys.createLink(ctx, surveyId, link))).id;
}

/** Submits what is missing: nothing when the survey already has every generated response. */
async function submitMissing(
  runtime: Runtime,
  ctx: WorkspaceContext,
  surveyId: string,
  inputs: IntakeInput[],
  submit: Submit,
  result: DemoStudiesResult,
) {
  const survey = await runtime.services.surveys.get(ctx, surveyId);
  if (survey.responseCount >= inputs.length) return;
  result.responsesCreated += await submit(inputs);
}

// --- CSAT at the touchpoints -------------------------------------------------------------

interface TouchpointLink {
  touchpoint: DemoTouchpointKey;
  name: string;
  channel: 'qr' | 'web' | 'email';
  /** Share of the survey's answers that come through this link. */
  weight: number;
  /** Chance of a 4 or 5, and of a 1 or 2 (the rest are 3s). */
  good: number;
  bad: number;
}

// Where the shop asks "how did we do?" and how each place does: the gift card's QR code and
// the counter delight, the checkout without a delivery time and the invoice lag behind.
const touchpointLinks: TouchpointLink[] = [
  {
    touchpoint: 'social',
    name: 'Instagram-profiilin linkki',
    channel: 'web',
    weight: 0.6,
    good: 0.78,
    bad: 0.07,
  },
  { touchpoint: 'ads', name: 'Kampanjasivu', channel: 'web', weight: 0.4, good: 0.7, bad: 0.1 },
  {
    touchpoint: 'window',
    name: 'Näyteikkunan QR-koodi',
    channel: 'qr',
    weight: 0.5,
    good: 0.84,
    bad: 0.04,
  },
  {
    touchpoint: 'webshop',
    name: 'Verkkokaupan palautepainike',
    channel: 'web',
    weight: 1.2,
    good: 0.76,
    bad: 0.09,
  },
  {
    touchpoint: 'checkout',
    name: 'Tilausvahvistuksen linkki',
    channel: 'email',
    weight: 1.4,
    good: 0.66,
    bad: 0.14,
  },
  {
    touchpoint: 'counter',
    name: 'Kuitin QR-koodi',
    channel: 'qr',
    weight: 1.3,
    good: 0.9,
    bad: 0.03,
  },
  {
    touchpoint: 'recipient',
    name: 'Lahjakortin QR-koodi',
    channel: 'qr',
    weight: 0.9,
    good: 0.88,
    bad: 0.04,
  },
  {
    touchpoint: 'invoice',
    name: 'Laskun palautelinkki',
    channel: 'email',
    weight: 0.3,
    good: 0.62,
    bad: 0.12,
  },
  {
    touchpoint: 'complaints',
    name: 'Asiakaspalvelun vastausviesti',
    channel: 'email',
    weight: 0.5,
    good: 0.58,
    bad: 0.22,
  },
  {
    touchpoint: 'subscription',
    name: 'Kukkatilauksen kuukausiviesti',
    channel: 'email',
    weight: 0.6,
    good: 0.86,
    bad: 0.05,
  },
];

async function seedTouchpointCsat(
  runtime: Runtime,
  ctx: WorkspaceContext,
  journey: DemoJourney,
  submit: Submit,
  result: DemoStudiesResult,
): Promise<string> {
  const survey = await ensureSurvey(
    runtime,
    ctx,
    { name: TOUCHPOINT_CSAT_NAME, purpose: 'transactional', template: 'csat' },
    result,
  );
  const linkIds: string[] = [];
  for (const l of touchpointLinks)
    linkIds.push(
      await ensureLink(runtime, ctx, survey.id, {
        name: l.name,
        channel: l.channel,
        touchpointId: journey.touchpoints[l.touchpoint],
      }),
    );
  const tz = ctx.workspace.timeZone;
  const rng = new Random(seedOf(`polku-demo:${TOUCHPOINT_CSAT_NAME}`));
  const inputs: IntakeInput[] = [];
  // The codes and links went up a year before the survey was made.
  for (const day of demoDays(localDay(survey.createdAt, tz), 365)) {
    const count = rng.poisson(4 * day.volume);
    const at = localClock(day.day, tz);
    const today: IntakeInput[] = [];
    for (let i = 0; i < count; i++) {
      const li = rng.weighted(touchpointLinks.map((l) => l.weight));
      const l = touchpointLinks[li]!;
      const r = rng.next();
      const score =
        r < l.good ? 4 + rng.weighted([0.45, 0.55]) : r < l.good + l.bad ? 1 + rng.int(0, 1) : 3;
      const submittedAt = at(rng.int(8 * 60, 21 * 60)) + rng.int(0, 59_999);
      const language = LANGUAGES[rng.weighted(LANGUAGE_WEIGHTS)]!;
      const id = rng.uuidV7(submittedAt);
      if (submittedAt > survey.createdAt) continue;
      today.push({
        id,
        surveyId: survey.id,
        linkId: linkIds[li],
        language,
        submittedAt,
        partial: false,
        answers: { csat: score },
        source: 'import',
      });
    }
    inputs.push(...today.sort((a, b) => a.submittedAt! - b.submittedAt!));
  }
  // The shop's staff tried the gift card's QR code before printing it: test answers, kept
  // but in no figure.
  const recipient = touchpointLinks.findIndex((l) => l.touchpoint === 'recipient');
  for (const [i, score] of [1, 3, 5].entries()) {
    const submittedAt = survey.createdAt - (30 - i) * 60_000;
    inputs.push({
      id: rng.uuidV7(submittedAt),
      surveyId: survey.id,
      linkId: linkIds[recipient],
      language: 'fi',
      submittedAt,
      partial: false,
      answers: { csat: score },
      source: 'import',
      test: true,
    });
  }
  await submitMissing(runtime, ctx, survey.id, inputs, submit, result);
  return survey.id;
}

// --- The relationship survey ---------------------------------------------------------------

const agree = {
  lowLabel: t3('Täysin eri mieltä', 'Helt av annan åsikt', 'Strongly disagree'),
  highLabel: t3('Täysin samaa mieltä', 'Helt av samma åsikt', 'Strongly agree'),
};

interface Driver {
  key: string;
  text: ReturnType<typeof t3>;
  /** Mean rating 1–5 and how much it moves the customer's NPS. */
  mean: number;
  weight: number;
}

// Quality and on-time delivery carry the recommendation; prices are the weakest rating but
// matter little; the staff's service is strong and matters (a "keep up the good work").
const drivers: Driver[] = [
  {
    key: 'laatu',
    mean: 4.2,
    weight: 1.0,
    text: t3(
      'Kukat ovat laadukkaita ja kestävät pitkään.',
      'Blommorna håller hög kvalitet och står sig länge.',
      'The flowers are of high quality and last long.',
    ),
  },
  {
    key: 'toimitus',
    mean: 3.5,
    weight: 0.8,
    text: t3(
      'Toimitukset tulevat perille luvattuna aikana.',
      'Leveranserna kommer fram i utlovad tid.',
      'Deliveries arrive at the promised time.',
    ),
  },
  {
    key: 'palvelu',
    mean: 4.4,
    weight: 0.55,
    text: t3(
      'Henkilökunta palvelee ystävällisesti ja asiantuntevasti.',
      'Personalen är vänlig och kunnig.',
      'The staff are friendly and knowledgeable.',
    ),
  },
  {
    key: 'valikoima',
    mean: 4.0,
    weight: 0.25,
    text: t3(
      'Valikoimasta löytyy sopiva kimppu joka tilanteeseen.',
      'Sortimentet har en passande bukett för varje tillfälle.',
      'The range has a fitting bouquet for every occasion.',
    ),
  },
  {
    key: 'hinta',
    mean: 3.3,
    weight: 0.2,
    text: t3(
      'Hinta on laatuun nähden kohtuullinen.',
      'Priset är rimligt i förhållande till kvaliteten.',
      'The price is fair for the quality.',
    ),
  },
];

interface Expectation {
  key: string;
  text: ReturnType<typeof t3>;
  /** Mean expectation on 1–7 and how far the experience falls short (−) or beyond (+). */
  expected: number;
  gap: number;
}

const expectations: Expectation[] = [
  {
    key: 'odotus_toimitusaika',
    expected: 6.2,
    gap: -0.9,
    text: t3('Toimitusaika', 'Leveranstid', 'Delivery time'),
  },
  {
    key: 'odotus_kestavyys',
    expected: 5.8,
    gap: -0.3,
    text: t3('Kukkien kestävyys', 'Blommornas hållbarhet', 'How long the flowers last'),
  },
  {
    key: 'odotus_neuvonta',
    expected: 5.2,
    gap: 0.5,
    text: t3('Neuvonta kimpun valinnassa', 'Råd vid val av bukett', 'Advice on choosing a bouquet'),
  },
];

/** The journey's stages, as the incident question offers them. */
const incidentStages = [
  { key: 'valinta', label: t3('Valinta', 'Val', 'Choosing') },
  { key: 'ostos', label: t3('Ostos', 'Köp', 'Purchase') },
  { key: 'toimitus', label: t3('Toimitus', 'Leverans', 'Delivery') },
  { key: 'vastaanotto', label: t3('Vastaanotto', 'Mottagande', 'Receiving') },
  { key: 'asiakaspalvelu', label: t3('Asiakaspalvelu', 'Kundservice', 'Customer service') },
];

interface IncidentKind {
  /** The category the shop codes it into (created in the demo). */
  category: string;
  stage: string;
  valence: 'positive' | 'negative';
  what: Record<Language, string[]>;
}

const incidentKinds: IncidentKind[] = [
  {
    category: 'Myöhästynyt toimitus',
    stage: 'toimitus',
    valence: 'negative',
    what: {
      fi: [
        'Äitienpäivän kimppu tuli vasta illalla, kun juhlat olivat jo ohi.',
        'Kuriiri ei löytänyt osoitetta, ja kukat tulivat seuraavana päivänä.',
      ],
      sv: ['Buketten kom först på kvällen, när festen redan var över.'],
      en: ['The bouquet arrived in the evening, after the party was over.'],
    },
  },
  {
    category: 'Myyjän neuvot',
    stage: 'valinta',
    valence: 'positive',
    what: {
      fi: [
        'Myyjä kysyi, kenelle kukat ovat, ja kokosi juuri sopivan kimpun.',
        'Sain hyvät ohjeet siitä, miten kimppu kestää pidempään.',
      ],
      sv: ['Säljaren frågade vem blommorna var till och band en bukett som passade perfekt.'],
      en: ['The florist asked who the flowers were for and made exactly the right bouquet.'],
    },
  },
  {
    category: 'Kukkien kunto perillä',
    stage: 'vastaanotto',
    valence: 'negative',
    what: {
      fi: ['Ruusut olivat nuupahtaneita jo seuraavana päivänä.', 'Kimppu oli perillä rutussa.'],
      sv: ['Rosorna hängde med huvudet redan nästa dag.'],
      en: ['The roses were drooping by the next day.'],
    },
  },
  {
    category: 'Hyvitys ilman todisteluja',
    stage: 'asiakaspalvelu',
    valence: 'positive',
    what: {
      fi: ['Reklamoin myöhästymisestä, ja sain uuden kimpun heti ilman kyselyjä.'],
      sv: ['Jag reklamerade förseningen och fick en ny bukett direkt, utan krångel.'],
      en: ['I complained about the delay and got a new bouquet right away, no questions asked.'],
    },
  },
  {
    category: 'Toimitusajan valinta puuttuu',
    stage: 'ostos',
    valence: 'negative',
    what: {
      fi: ['Kassalla ei voinut valita toimitusaikaa, joten en tiennyt, ehtivätkö kukat ajoissa.'],
      sv: [
        'I kassan gick det inte att välja leveranstid, så jag visste inte om blommorna skulle hinna fram.',
      ],
      en: [
        'I could not choose a delivery time at checkout, so I did not know if the flowers would make it.',
      ],
    },
  },
];

const relationshipQuestions = (template: Question[]): Question[] => {
  const [nps, reason] = template;
  return [
    nps!,
    ...drivers.map((d): Question => ({
      key: d.key,
      type: 'rating',
      points: 5,
      required: false,
      text: d.text,
      ...agree,
    })),
    ...expectations.map((e): Question => ({
      key: e.key,
      type: 'expectation',
      points: 7,
      required: false,
      text: t3(
        `${e.text.fi}: mitä odotit ja mitä sait?`,
        `${e.text.sv}: vad förväntade du dig och vad fick du?`,
        `${e.text.en}: what did you expect and what did you get?`,
      ),
    })),
    {
      key: 'tunteet',
      type: 'emotion',
      required: false,
      intensity: true,
      emotions: [
        'happy',
        'grateful',
        'relieved',
        'surprised',
        'frustrated',
        'disappointed',
        'worried',
      ],
      text: t3(
        'Mitä tunsit viimeksi asioidessasi kanssamme?',
        'Vad kände du senast du handlade hos oss?',
        'How did you feel the last time you dealt with us?',
      ),
    },
    {
      key: 'tapaus',
      type: 'incident',
      required: false,
      stages: incidentStages,
      text: t3(
        'Muistele tilannetta, jossa asiointi kanssamme onnistui erityisen hyvin tai huonosti. Mitä tapahtui?',
        'Tänk på ett tillfälle då det gick särskilt bra eller dåligt att handla hos oss. Vad hände?',
        'Think of a time when dealing with us went especially well or badly. What happened?',
      ),
    },
    reason!,
  ];
};

/** The four waves: days before the survey's creation when the invitations went out. */
const WAVES = [330, 240, 150, 60];
const INVITED_PER_WAVE = 320;

function relationshipAnswers(rng: Random, language: Language): Record<string, AnswerValue> {
  // One shared mood and one draw per driver: ratings correlate with each other and with NPS.
  const mood = rng.normal();
  const answers: Record<string, AnswerValue> = {};
  let pull = 0;
  for (const d of drivers) {
    const rating = clamp(d.mean + 0.55 * mood + 0.7 * rng.normal(), 1, 5);
    pull += d.weight * (rating - d.mean);
    if (rng.chance(0.95)) answers[d.key] = rating;
  }
  const nps = clamp(8 + 0.9 * pull + 0.9 * rng.normal(), 0, 10);
  answers.nps = nps;
  for (const e of expectations) {
    if (!rng.chance(0.9)) continue;
    const expected = clamp(e.expected + 0.8 * rng.normal(), 1, 7);
    const got = clamp(expected + e.gap + 0.3 * mood + 0.9 * rng.normal(), 1, 7);
    answers[e.key] = { expectation: expected, outcome: got };
  }
  if (rng.chance(0.85)) {
    const felt: EmotionKey[] =
      nps >= 9
        ? ['happy', 'grateful', 'surprised']
        : nps >= 7
          ? ['happy', 'relieved', 'worried']
          : ['frustrated', 'disappointed', 'worried'];
    const picked = felt.filter((_, i) => i === 0 || rng.chance(0.4));
    answers.tunteet = picked.map((emotion) => ({ emotion, intensity: rng.int(2, 5) }));
  }
  if (rng.chance(0.4)) {
    const pool = incidentKinds.filter((k) =>
      nps >= 8 ? k.valence === 'positive' : nps <= 6 ? k.valence === 'negative' : true,
    );
    const kind = rng.pick(pool);
    answers.tapaus = {
      what: rng.pick(kind.what[language]),
      when: kind.stage,
      valence: kind.valence,
    };
  }
  return answers;
}

async function seedRelationship(
  runtime: Runtime,
  ctx: WorkspaceContext,
  submit: Submit,
  result: DemoStudiesResult,
): Promise<string> {
  const { services, store } = runtime;
  const survey = await ensureSurvey(
    runtime,
    ctx,
    {
      name: RELATIONSHIP_NAME,
      purpose: 'relationship',
      template: 'nps',
      questions: relationshipQuestions,
    },
    result,
  );
  // The invitations' link: a relationship survey asks about the whole relationship, not one touchpoint.
  const linkId = await ensureLink(runtime, ctx, survey.id, {
    name: 'Sähköpostikutsu',
    channel: 'email',
    touchpointId: null,
  });
  const tz = ctx.workspace.timeZone;
  const lastDay = localDay(survey.createdAt, tz);
  const days = demoDays(lastDay, 365);
  const rng = new Random(seedOf(`polku-demo:${RELATIONSHIP_NAME}`));
  const inputs: IntakeInput[] = [];
  const invitations: SurveyInvitationRecord[] = [];
  let customer = 0;
  for (const [w, before] of WAVES.entries()) {
    const sentAt = localClock(days[days.length - 1 - before]!.day, tz)(9 * 60);
    // Fewer answer each wave (survey fatigue), more when a reminder went out.
    const rate = 0.36 - 0.03 * w;
    for (let i = 0; i < INVITED_PER_WAVE; i++) {
      customer++;
      const language = LANGUAGES[rng.weighted(LANGUAGE_WEIGHTS)]!;
      const answers = relationshipAnswers(rng, language);
      const answered = rng.chance(rate);
      const submittedAt = sentAt + rng.int(10, 7 * 24 * 60) * 60_000;
      const id = rng.uuidV7(submittedAt);
      const responded = answered && submittedAt <= survey.createdAt;
      if (responded)
        inputs.push({
          id,
          surveyId: survey.id,
          linkId,
          language,
          submittedAt,
          partial: false,
          answers,
          source: 'email',
        });
      invitations.push({
        workspaceId: ctx.workspace.id,
        id: rng.uuidV7(sentAt - 60_000),
        surveyId: survey.id,
        linkId,
        email: `asiakas${String(customer).padStart(4, '0')}@esimerkki.fi`,
        language,
        token: newSecret(24),
        status: responded ? 'responded' : 'sent',
        reason: null,
        scheduledAt: sentAt,
        sentAt,
        reminderAt: null,
        remindedAt: null,
        respondedAt: responded ? submittedAt : null,
        responseId: responded ? id : null,
        emailId: null,
        createdAt: sentAt - 60_000,
      });
    }
  }
  inputs.sort((a, b) => a.submittedAt! - b.submittedAt!);
  await submitMissing(runtime, ctx, survey.id, inputs, submit, result);
  // Invitations after their responses (an invitation names its response): all at once, once.
  if ((await services.surveyInvitations.list(ctx, survey.id)).length === 0)
    await store.transaction(async (tx) => {
      for (const invitation of invitations) await tx.distribution.insertInvitation(invitation);
    });
  await codeIncidents(runtime, ctx, survey.id, inputs);
  return survey.id;
}

/**
 * The incident categories, and two in three incident answers coded (the oldest first, as a
 * team works through them): the rest wait in the coding queue.
 */
async function codeIncidents(
  { services }: Runtime,
  ctx: WorkspaceContext,
  surveyId: string,
  inputs: IntakeInput[],
) {
  const existing = await services.incidents.listCategories(ctx);
  if (existing.some((c) => c.codedCount > 0)) return;
  const ids = new Map<string, string>();
  for (const kind of incidentKinds) {
    const found = existing.find((c) => c.name === kind.category);
    ids.set(
      kind.category,
      (found ?? (await services.incidents.createCategory(ctx, { name: kind.category }))).id,
    );
  }
  const answered = inputs.filter((i) => i.answers.tapaus !== undefined);
  const coded = answered.slice(0, Math.round((answered.length * 2) / 3));
  for (const input of coded) {
    const what = (input.answers.tapaus as { what: string }).what;
    const kind = incidentKinds.find((k) =>
      Object.values(k.what).some((list) => list.includes(what)),
    )!;
    await services.incidents.codeAnswer(ctx, input.id!, 'tapaus', ids.get(kind.category)!);
  }
}

// --- Kano ------------------------------------------------------------------------------------

type KanoCategory = 'A' | 'O' | 'M' | 'I' | 'R';
const kanoPairs: Record<KanoCategory, [string, string][]> = {
  A: [
    ['like', 'neutral'],
    ['like', 'live_with'],
    ['like', 'must_be'],
  ],
  O: [['like', 'dislike']],
  M: [
    ['must_be', 'dislike'],
    ['neutral', 'dislike'],
    ['live_with', 'dislike'],
  ],
  I: [
    ['neutral', 'neutral'],
    ['live_with', 'neutral'],
    ['neutral', 'live_with'],
  ],
  R: [['dislike', 'like']],
};

const kanoFeatures: { feature: ReturnType<typeof t3>; weights: Record<KanoCategory, number> }[] = [
  {
    feature: t3(
      'Toimitusajan valinta kassalla',
      'Val av leveranstid i kassan',
      'Choosing the delivery time at checkout',
    ),
    weights: { A: 0.1, O: 0.25, M: 0.5, I: 0.13, R: 0.02 },
  },
  {
    feature: t3(
      'Toimituksen seuranta kartalla',
      'Följ leveransen på en karta',
      'Tracking the delivery on a map',
    ),
    weights: { A: 0.45, O: 0.2, M: 0.08, I: 0.25, R: 0.02 },
  },
  {
    feature: t3(
      'Kuva kimpusta ennen lähetystä',
      'Foto av buketten före leverans',
      'A photo of the bouquet before it is sent',
    ),
    weights: { A: 0.5, O: 0.12, M: 0.05, I: 0.3, R: 0.03 },
  },
  {
    feature: t3(
      'Viikon kestävyystakuu',
      'En veckas hållbarhetsgaranti',
      'A one-week freshness guarantee',
    ),
    weights: { A: 0.2, O: 0.48, M: 0.17, I: 0.13, R: 0.02 },
  },
  {
    feature: t3('Kuitti vain sähköpostiin', 'Kvitto endast per e-post', 'Receipt by email only'),
    weights: { A: 0.06, O: 0.05, M: 0.04, I: 0.65, R: 0.2 },
  },
];

async function seedKano(
  runtime: Runtime,
  ctx: WorkspaceContext,
  journey: DemoJourney,
  submit: Submit,
  result: DemoStudiesResult,
): Promise<string> {
  const survey = await ensureSurvey(
    runtime,
    ctx,
    {
      name: KANO_NAME,
      purpose: 'relationship',
      template: 'kano',
      questions: () =>
        kanoFeatures.map(({ feature }, i): Question => ({
          key: `ominaisuus_${i + 1}`,
          type: 'kano',
          required: true,
          feature,
          text: t3(
            `Mitä mieltä olisit, jos meillä olisi: ${feature.fi.toLowerCase()}?`,
            `Vad skulle du tycka om vi hade: ${feature.sv.toLowerCase()}?`,
            `How would you feel if we offered: ${feature.en.toLowerCase()}?`,
          ),
        })),
    },
    result,
  );
  const linkId = await ensureLink(runtime, ctx, survey.id, {
    name: 'Verkkokaupan kysely',
    channel: 'web',
    touchpointId: journey.touchpoints.webshop,
  });
  const tz = ctx.workspace.timeZone;
  // Three weeks in the web shop, ending three months before the survey was made.
  const end = survey.createdAt - 90 * DAY;
  const days = demoDays(localDay(end, tz), 21);
  const rng = new Random(seedOf(`polku-demo:${KANO_NAME}`));
  const inputs: IntakeInput[] = [];
  for (const day of days) {
    const at = localClock(day.day, tz);
    for (let i = rng.poisson(11 * day.volume); i > 0; i--) {
      const submittedAt = at(rng.int(7 * 60, 22 * 60)) + rng.int(0, 59_999);
      const answers: Record<string, AnswerValue> = {};
      kanoFeatures.forEach(({ weights }, f) => {
        const categories = Object.keys(weights) as KanoCategory[];
        const category = categories[rng.weighted(categories.map((c) => weights[c]))]!;
        const [functional, dysfunctional] = rng.pick(kanoPairs[category]);
        answers[`ominaisuus_${f + 1}`] = { functional, dysfunctional } as AnswerValue;
      });
      inputs.push({
        id: rng.uuidV7(submittedAt),
        surveyId: survey.id,
        linkId,
        language: LANGUAGES[rng.weighted(LANGUAGE_WEIGHTS)]!,
        submittedAt,
        partial: false,
        answers,
        source: 'import',
      });
    }
  }
  inputs.sort((a, b) => a.submittedAt! - b.submittedAt!);
  await submitMissing(runtime, ctx, survey.id, inputs, submit, result);
  return survey.id;
}
