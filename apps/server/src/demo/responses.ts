/**
 * Two years of made-up responses to one demo survey, ending at an instant. Deterministic: the
 * same survey, end and time zone always give the same responses, ids included.
 */
import type { Language } from '@polku/contracts';
import type { IntakeInput } from '@polku/core';
import { demoDays, localClock } from './calendar.js';
import { writeComment } from './comments/index.js';
import { Random, seedOf } from './random.js';
import type { DemoSurvey } from './surveys.js';

/** Two years of days, ending with the last one. */
export const DEMO_DAYS = 730;

const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];
/** Most customers answer in Finnish; Swedish speakers and English speakers are the rest. */
const LANGUAGE_WEIGHTS = [0.81, 0.11, 0.08];

/**
 * The customer's type, known to the shop when they answered: about one in five is a business
 * (offices ordering flowers for staff and clients). Taken from the response's id rather than
 * the random stream, so the responses (and their ids) stay those of earlier demo versions.
 */
export function customerTypeOf(id: string): 'yritys' | 'kuluttaja' {
  return parseInt(id.slice(-2), 16) % 5 === 0 ? 'yritys' : 'kuluttaja';
}

export function generateResponses(
  spec: DemoSurvey,
  target: { surveyId: string; linkIds: Record<string, string> },
  end: { lastDay: string; until: number; timeZone: string },
): IntakeInput[] {
  const rng = new Random(seedOf(`polku-demo:${spec.template}`));
  const out: IntakeInput[] = [];
  for (const day of demoDays(end.lastDay, DEMO_DAYS)) {
    const growth = 1 + spec.growth * (day.progress - 0.5);
    const count = rng.poisson(spec.perDay * day.volume * growth);
    if (count === 0) continue;
    const at = localClock(day.day, end.timeZone);
    const today: IntakeInput[] = [];
    for (let i = 0; i < count; i++) {
      const draw = spec.draw(day, rng);
      const minute = rng.weighted(spec.hours(draw.link, day)) * 60 + rng.int(0, 59);
      const submittedAt = at(minute) + rng.int(0, 59_999);
      const language = LANGUAGES[rng.weighted(LANGUAGE_WEIGHTS)]!;
      const answers: IntakeInput['answers'] = { [spec.template]: draw.score };
      if (rng.chance(spec.commentChance[draw.sentiment])) {
        answers.reason = writeComment(rng, language, draw.topic, draw.sentiment, {
          season: day.season,
          late: draw.late,
        });
      }
      const id = rng.uuidV7(submittedAt);
      // Nobody has answered later today yet.
      if (submittedAt > end.until) continue;
      if (spec.extraAnswers)
        Object.assign(answers, spec.extraAnswers(draw, new Random(seedOf(`polku-demo:${id}`))));
      today.push({
        id,
        surveyId: target.surveyId,
        linkId: target.linkIds[draw.link],
        language,
        submittedAt,
        partial: false,
        answers,
        attributes: { asiakastyyppi: customerTypeOf(id) },
        source: 'import',
      });
    }
    today.sort((a, b) => a.submittedAt! - b.submittedAt!);
    out.push(...today);
  }
  return out;
}
