import type { Season } from '../calendar.js';

export type Sentiment = 'positive' | 'neutral' | 'negative';

/** What a comment is about: the shop counter, the web shop, a delivery, customer service. */
export type Topic = 'shop' | 'web' | 'delivery' | 'service';

/** Comments a respondent might write, in one language. */
export interface CommentBank {
  topics: Record<Topic, Record<Sentiment, readonly string[]>>;
  /** A delivery the courier brought late. */
  late: readonly string[];
  /** Comments about the occasion itself, used on its days. */
  seasons: Partial<
    Record<
      Season,
      { positive: readonly string[]; negative: readonly string[]; late?: readonly string[] }
    >
  >;
  /** Short second sentences some people add. */
  closers: Record<Sentiment, readonly string[]>;
}
