/**
 * The flower shop's three surveys and how their customers answer them: how many answer on an
 * ordinary day, through which link, at what time of day, and with which scores.
 */
import type { Question, SurveyTemplate } from '@polku/contracts';
import type { DemoDay } from './calendar.js';
import type { Sentiment, Topic } from './comments/index.js';
import type { Random } from './random.js';
import type { DemoTouchpointKey } from './journey.js';

export interface DemoLink {
  key: string;
  name: string;
  channel: 'qr' | 'web' | 'email';
  /** The journey's touchpoint the link stands at: its responses are placed there. */
  touchpoint: DemoTouchpointKey;
}

/** One respondent's experience: where they answered, what about, and how it went. */
export interface Draw {
  link: string;
  topic: Topic;
  score: number;
  sentiment: Sentiment;
  /** The courier brought the flowers late. */
  late: boolean;
}

export interface DemoSurvey {
  template: Extract<SurveyTemplate, 'nps' | 'csat' | 'ces'>;
  /** The survey's name; seeding finds the survey by it, so it must stay the same. */
  name: string;
  purpose: 'relationship' | 'transactional';
  links: DemoLink[];
  /** Responses on an ordinary Thursday halfway through the period. */
  perDay: number;
  /** How many answers each year: 0.3 means 15 % fewer than the middle at the start, 15 % more at the end. */
  growth: number;
  commentChance: Record<Sentiment, number>;
  /** Weights of the 24 hours of the day (local time) at which people answer. */
  hours(link: string, day: DemoDay): readonly number[];
  draw(day: DemoDay, rng: Random): Draw;
  /** Questions added after the template's score question when the survey is created. */
  extraQuestions?: readonly Question[];
  /**
   * The answers to `extraQuestions`, from a random stream of the response's own (seeded by its
   * id), so the rest of the demo stays what it was before these questions existed.
   */
  extraAnswers?(draw: Draw, rng: Random): Record<string, number>;
}

/** Weights for hours `from`..`from + weights.length - 1`, zero elsewhere. */
function hoursFrom(from: number, weights: number[]): number[] {
  const out = new Array<number>(24).fill(0);
  weights.forEach((w, i) => (out[from + i] = w));
  return out;
}

// The shop is open 9–20 on weekdays, 10–17 on Saturdays and 12–16 on Sundays; people answer the
// QR code at the counter while their bouquet is wrapped.
const COUNTER_WEEKDAY = hoursFrom(9, [2, 4, 6, 8, 7, 6, 7, 8, 8, 6, 3]);
const COUNTER_SATURDAY = hoursFrom(10, [5, 7, 8, 7, 6, 5, 3]);
const COUNTER_SUNDAY = hoursFrom(12, [3, 4, 4, 2]);
// Online and by email people answer from the morning commute to late evening.
const ONLINE = hoursFrom(6, [1, 2, 3, 3, 3, 3, 4, 3, 3, 3, 3, 4, 5, 6, 7, 7, 5, 2]);
const EMAIL = hoursFrom(8, [2, 3, 3, 3, 4, 3, 3, 3, 4, 5, 6, 6, 5, 4, 2]);

const band = (score: number, low: number, high: number): Sentiment =>
  score >= high ? 'positive' : score > low ? 'neutral' : 'negative';

/** The relationship NPS, asked at the counter (QR) and after a web-shop order. */
const nps: DemoSurvey = {
  template: 'nps',
  name: 'Suositteluhalukkuus (NPS)',
  purpose: 'relationship',
  links: [
    { key: 'counter', name: 'Myymälän tiski', channel: 'qr', touchpoint: 'counter' },
    { key: 'webshop', name: 'Verkkokauppa', channel: 'web', touchpoint: 'checkout' },
  ],
  perDay: 6.6,
  growth: 0.3,
  commentChance: { positive: 0.4, neutral: 0.4, negative: 0.65 },
  hours: (link, day) =>
    link === 'webshop'
      ? ONLINE
      : day.weekday === 0
        ? COUNTER_SUNDAY
        : day.weekday === 6
          ? COUNTER_SATURDAY
          : COUNTER_WEEKDAY,
  draw(day, rng) {
    // The web shop's share grows; the staff's advice at the counter lifts the score there.
    const web = rng.chance(0.36 + 0.14 * day.progress);
    const trend = day.progress - 0.5; // the shop gets a little better over the two years
    const rush = day.rush >= 2 ? 1 : 0; // queues, sold-out roses, stressed staff
    const promoter = 0.54 + 0.07 * trend + (web ? -0.04 : 0.04) - 0.07 * rush;
    const detractor = 0.14 - 0.05 * trend + (web ? 0.03 : -0.02) + 0.07 * rush;
    const r = rng.next();
    const score =
      r < promoter
        ? 9 + rng.weighted([0.45, 0.55])
        : r < promoter + detractor
          ? rng.weighted([0.03, 0.02, 0.04, 0.06, 0.1, 0.25, 0.5])
          : 7 + rng.weighted([0.45, 0.55]);
    return {
      link: web ? 'webshop' : 'counter',
      topic: web ? 'web' : 'shop',
      score,
      sentiment: band(score, 6, 9),
      late: false,
    };
  },
};

const t3 = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** How late the flowers came, and what the order cost: numeric questions of the CSAT survey. */
const deliveryQuestions: readonly Question[] = [
  {
    key: 'late_minutes',
    type: 'numeric',
    text: t3(
      'Kuinka monta minuuttia toimitus myöhästyi luvatusta ajasta?',
      'Hur många minuter var leveransen försenad jämfört med den utlovade tiden?',
      'How many minutes after the promised time did the delivery arrive?',
    ),
    help: t3(
      'Jos kukat tulivat ajallaan, vastaa 0.',
      'Om blommorna kom i tid, svara 0.',
      'If the flowers came on time, answer 0.',
    ),
    unit: t3('min', 'min', 'min'),
    required: false,
    min: 0,
    max: 600,
    decimals: 0,
  },
  {
    key: 'order_value',
    type: 'numeric',
    text: t3(
      'Mikä oli tilauksesi arvo?',
      'Vad var värdet på din beställning?',
      'What was the value of your order?',
    ),
    unit: t3('€', '€', '€'),
    required: false,
    min: 0,
    max: 5000,
    decimals: 2,
  },
];

/** CSAT after a delivery, from the link in the delivery confirmation email. */
const csat: DemoSurvey = {
  template: 'csat',
  name: 'Toimituksen onnistuminen (CSAT)',
  purpose: 'transactional',
  links: [
    { key: 'confirmation', name: 'Toimitusvahvistus', channel: 'email', touchpoint: 'courier' },
  ],
  perDay: 3,
  growth: 0.4,
  commentChance: { positive: 0.35, neutral: 0.45, negative: 0.7 },
  hours: () => EMAIL,
  draw(day, rng) {
    // The courier cannot keep up in the busiest weeks; a new courier contract in the second
    // year halves the ordinary lateness but not the rush.
    const ordinary = day.progress < 0.55 ? 0.06 : 0.03;
    const pLate = day.rush >= 3 ? 0.42 : day.rush >= 2 ? 0.3 : day.rush >= 1.4 ? 0.12 : ordinary;
    const late = rng.chance(pLate);
    const score =
      1 +
      (late
        ? rng.weighted([0.25, 0.3, 0.25, 0.12, 0.08])
        : rng.weighted([0.02, 0.03, 0.08, 0.3, 0.57]));
    return { link: 'confirmation', topic: 'delivery', score, sentiment: band(score, 2, 4), late };
  },
  extraQuestions: deliveryQuestions,
  extraAnswers({ late }, rng) {
    const answers: Record<string, number> = {};
    // Most answer how late it was; a late courier is 15 minutes to over two hours late.
    if (rng.chance(0.85))
      answers.late_minutes = late
        ? 15 +
          5 * rng.weighted([3, 4, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        : rng.weighted([0.8, 0, 0, 0, 0, 0.06, 0, 0, 0, 0, 0.08, 0, 0, 0, 0, 0.06]);
    // Bouquets cost 24.90 € and up in 5 € steps; a home delivery adds 9.90 €. In cents, then
    // divided once: 3480 / 100 is the double nearest 34.8, stored and read back as 34.8.
    if (rng.chance(0.6)) {
      const cents = 2490 + 500 * rng.weighted([5, 8, 9, 7, 5, 4, 3, 2, 2, 1, 1, 1]) + 990;
      answers.order_value = cents / 100;
    }
    return answers;
  },
};

/** CES after a customer service contact, from the link in the reply email. */
const ces: DemoSurvey = {
  template: 'ces',
  name: 'Asiakaspalvelun helppous (CES)',
  purpose: 'transactional',
  // After a complaint or question: the customer-service touchpoint (the survey asks how easy
  // dealing with customer service was, and its link is in the reply email).
  links: [{ key: 'service', name: 'Asiakaspalvelu', channel: 'email', touchpoint: 'complaints' }],
  perDay: 1.3,
  growth: 0.2,
  commentChance: { positive: 0.35, neutral: 0.4, negative: 0.7 },
  hours: () => EMAIL,
  draw(day, rng) {
    const weights =
      day.rush >= 2
        ? [0.06, 0.07, 0.08, 0.11, 0.17, 0.26, 0.25]
        : [0.03, 0.04, 0.05, 0.08, 0.15, 0.3, 0.35];
    const score = 1 + rng.weighted(weights);
    return { link: 'service', topic: 'service', score, sentiment: band(score, 3, 6), late: false };
  },
};

export const demoSurveys: readonly DemoSurvey[] = [nps, csat, ces];
