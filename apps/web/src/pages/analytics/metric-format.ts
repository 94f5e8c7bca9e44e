import type { BucketCoverage } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import type { MetricChange } from '../../api/metrics';
import { formatBucket, formatDayRange, formatFixed, formatNumber } from '../../lib/format';

/** Scores that are percentages (of answers) rather than points or scale values. */
const percentScores = new Set(['csat', 'goalReached']);
/** Means on a short scale need two decimals to show a real difference. */
const meanScores = new Set(['ces', 'mean']);

export function digitsOf(scoreName: string): number {
  return meanScores.has(scoreName) ? 2 : 1;
}

/** Numbers of a metric in the UI language: score, interval, n, change and p. */
export interface MetricFormat {
  score(value: number | null | undefined): string;
  /** An axis tick: no needless decimals. */
  tick(value: number): string;
  /** A difference of scores, always signed. */
  difference(value: number): string;
  interval(ci: readonly [number, number] | null | undefined): string;
  count(n: number): string;
  p(value: number | null): string;
  /** A bucket label as readers write it: "toukokuu 2026", "vk 19/2026", "2.12.2026". */
  bucket(bucket: string): string;
  /** Days `from`–`to` as a range in the UI language ("1.–2.11.2026", "Nov 1 – 2, 2026"). */
  dayRange(from: string, to: string): string;
  /** "in progress, 2/31 days" for an incomplete bucket; null for a complete one. */
  coverage(coverage: BucketCoverage | undefined): string | null;
  /** "compared with the same days, 1–2 Nov 2026" when a change matched days; else null. */
  comparedWith(change: Pick<MetricChange, 'previous'> | null): string | null;
}

/** Whether a bucket's figure is short of the whole bucket (in progress, cut, or to come). */
export function isIncomplete(coverage: BucketCoverage | undefined): boolean {
  return coverage !== undefined && coverage.state !== 'complete';
}

export function useMetricFormat(scoreName: string): MetricFormat {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const digits = digitsOf(scoreName);
  const unit = percentScores.has(scoreName) ? ' %' : '';
  const number = (value: number) => formatFixed(language, value, digits);
  const signed = (value: number) =>
    formatNumber(language, value, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'exceptZero',
    });
  const dayRange = (from: string, to: string) => formatDayRange(language, from, to);
  // English writes "75%"; Finnish and Swedish "75 %" (with a no-break space).
  const withUnit = (text: string) =>
    unit ? (language === 'en' ? `${text}%` : `${text}\u00a0%`) : text;
  const p = (value: number) => formatNumber(language, value, { maximumSignificantDigits: 2 });
  return {
    score: (value) =>
      value === null || value === undefined ? t('common.none') : withUnit(number(value)),
    tick: (value) => withUnit(formatNumber(language, value, { maximumFractionDigits: digits })),
    // A change of a percentage is in percentage points, not per cent.
    difference: (value) =>
      unit ? `${signed(value)}\u00a0${t('analytics.percentPoints')}` : signed(value),
    interval: (ci) => (ci ? withUnit(`${number(ci[0])} … ${number(ci[1])}`) : t('common.none')),
    count: (n) => formatNumber(language, n),
    p: (value) => (value === null ? t('common.none') : value < 0.001 ? `< ${p(0.001)}` : p(value)),
    bucket: (bucket) => formatBucket(language, t, bucket),
    dayRange,
    coverage: (c) =>
      !c || c.state === 'complete'
        ? null
        : c.state === 'future'
          ? t('analytics.coverage.future')
          : t(`analytics.coverage.${c.state}`, { days: c.days, ofDays: c.ofDays }),
    comparedWith: (change) => {
      const [from, to] = change?.previous.split('/') ?? [];
      return from && to ? t('analytics.sameDays', { period: dayRange(from, to) }) : null;
    },
  };
}

/** Whether a change is a significant rise (1), a significant drop (−1) or neither (0). */
export function directionOf(
  change: Pick<MetricChange, 'difference' | 'significant'> | null,
): -1 | 0 | 1 {
  if (!change?.significant) return 0;
  return change.difference > 0 ? 1 : change.difference < 0 ? -1 : 0;
}
