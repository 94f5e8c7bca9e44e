import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * Every number and date the app shows goes through here, in the UI language, so they read as
 * a Finnish, Swedish or English reader writes them. CSV exports keep ISO dates and plain
 * numbers: those are for machines.
 */

const MINUS = '\u2212';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat (building one is slow, and charts format thousands of ticks). */
function numberFormatOf(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number in `language`, with the real minus sign (U+2212) in every language: Intl gives
 * Finnish and Swedish "−0,09" but English "-0.09" with a hyphen-minus.
 * @example formatNumber('en', -0.09, { minimumFractionDigits: 2 }) // '−0.09'
 */
export function formatNumber(
  language: string,
  value: number,
  options: Intl.NumberFormatOptions = {},
): string {
  return numberFormatOf(language, options)
    .formatToParts(value)
    .map((p) => (p.type === 'minusSign' ? MINUS : p.value))
    .join('');
}

/** A number with exactly `digits` decimals ("−8,9"). */
export function formatFixed(language: string, value: number, digits: number): string {
  return formatNumber(language, value, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormatOf(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** Finnish writes days all in numbers (2.12.2026); Swedish and English name the month. */
function dayOptions(language: string): Intl.DateTimeFormatOptions {
  return { day: 'numeric', month: language === 'fi' ? 'numeric' : 'short', year: 'numeric' };
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * A calendar day (YYYY-MM-DD) as its readers write it: fi "2.12.2026", sv "2 dec. 2026",
 * en "Dec 2, 2026". Anything else is returned as it came.
 */
export function formatDay(language: string, day: string): string {
  return DAY.test(day) ? dateFormatOf(language, dayOptions(language)).format(utc(day)) : day;
}

/** Days `from`–`to` as one range: fi "1.11.–2.12.2026", sv "1 nov.–2 dec. 2026". */
export function formatDayRange(language: string, from: string, to: string): string {
  if (!DAY.test(from) || !DAY.test(to)) return `${from} – ${to}`;
  return dateFormatOf(language, dayOptions(language)).formatRange(utc(from), utc(to));
}

/**
 * A metric bucket's name (see @polku/contracts' metric-buckets) as readers write it: a day
 * "2.12.2026", a week "vk 49/2026" / "v. 49 2026" / "wk 49 2026", a month "joulukuu 2026",
 * a quarter "4. neljännes 2026" / "kvartal 4 2026" / "Q4 2026"; a year and `all` as they are.
 */
export function formatBucket(language: string, t: TFunction, bucket: string): string {
  if (DAY.test(bucket)) return formatDay(language, bucket);
  const month = MONTH.exec(bucket);
  if (month)
    return dateFormatOf(language, { month: 'long', year: 'numeric' }).format(utc(`${bucket}-01`));
  const week = WEEK.exec(bucket);
  if (week) return t('format.week', { week: Number(week[2]), year: week[1] });
  const quarter = QUARTER.exec(bucket);
  if (quarter) return t('format.quarter', { quarter: Number(quarter[2]), year: quarter[1] });
  if (bucket === 'all') return t('format.all');
  return bucket;
}

/** The formatters above bound to the UI language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    number: (value: number, options?: Intl.NumberFormatOptions) =>
      formatNumber(language, value, options),
    fixed: (value: number, digits: number) => formatFixed(language, value, digits),
    day: (day: string) => formatDay(language, day),
    dayRange: (from: string, to: string) => formatDayRange(language, from, to),
    bucket: (bucket: string) => formatBucket(language, t, bucket),
  };
}

/** Formats epoch milliseconds as a date and time in the UI language. */
export function useFormatDateTime() {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (instant: number | null | undefined) =>
    instant === null || instant === undefined ? t('common.none') : format.format(instant);
}
