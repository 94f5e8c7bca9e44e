import type { Language } from '@polku/contracts';
import type { Season } from '../calendar.js';
import type { Random } from '../random.js';
import type { CommentBank, Sentiment, Topic } from './bank.js';
import { en } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';

export type { Sentiment, Topic } from './bank.js';

const banks: Record<Language, CommentBank> = { fi, sv, en };

/**
 * An open-text comment that matches the score: its topic and sentiment, the occasion of the day
 * now and then, and a late courier when there was one. Some people add a short second sentence;
 * some leave the full stop off.
 */
export function writeComment(
  rng: Random,
  language: Language,
  topic: Topic,
  sentiment: Sentiment,
  context: { season: Season | null; late: boolean },
): string {
  const bank = banks[language];
  const seasonal = context.season ? bank.seasons[context.season] : undefined;
  let text: string;
  if (context.late && sentiment !== 'positive') {
    const pool =
      seasonal?.late && rng.chance(0.6)
        ? seasonal.late
        : sentiment === 'negative'
          ? bank.late
          : null;
    text = rng.pick(pool ?? bank.topics.delivery.neutral);
  } else if (
    seasonal &&
    sentiment !== 'neutral' &&
    // Occasion complaints are about the shop; deliveries have the late courier above.
    (topic === 'shop' || topic === 'web' || (topic === 'delivery' && sentiment === 'positive')) &&
    rng.chance(0.4)
  ) {
    text = rng.pick(seasonal[sentiment]);
  } else {
    text = rng.pick(bank.topics[topic][sentiment]);
  }
  if (rng.chance(0.2)) text = `${text} ${rng.pick(bank.closers[sentiment])}`;
  if (text.endsWith('.') && rng.chance(0.1)) text = text.slice(0, -1);
  return text;
}
