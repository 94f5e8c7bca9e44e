import type { MetricBucket } from '@polku/contracts';

/** The explorer's period presets; `custom` means the from/to dates in the address. */
export const periodPresets = ['30d', '3m', '12m', '24m'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export type Period = PeriodPreset | 'custom';

/** A calendar day as YYYY-MM-DD. */
export const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Today's date in a time zone (the workspace's: answers are bucketed by their local day there,
 * so "the last 30 days" must end on the workspace's today, not the browser's).
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    // en-CA formats dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10); // an unknown zone: UTC rather than nothing
  }
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` days after (or before, if negative) `day`. */
export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** The first day of the month `months` months after (or before) the month of `day`. */
export function monthStart(day: string, months = 0): string {
  const d = toDate(day);
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

/**
 * The days a preset covers, ending today. Month presets start on the first of a month, so every
 * month bucket but the current one is whole: "12 months" is this month and the 11 before it.
 */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  switch (preset) {
    case '30d':
      return { from: addDays(today, -29), to: today };
    case '3m':
      return { from: monthStart(today, -2), to: today };
    case '12m':
      return { from: monthStart(today, -11), to: today };
    case '24m':
      return { from: monthStart(today, -23), to: today };
  }
}

/** The ISO week of a day, as the server names week buckets: `2026-W05`. */
export function isoWeekOf(day: string): string {
  const date = toDate(day);
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of the same week
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The name of the bucket a day falls in, as the server names buckets. */
export function bucketOf(day: string, by: MetricBucket): string {
  switch (by) {
    case 'day':
      return day;
    case 'week':
      return isoWeekOf(day);
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
    case 'all':
      return 'all';
  }
}

/**
 * Every bucket from the one holding `from` to the one holding `to`, in order. The server lists
 * only buckets with answers; the explorer shows the others as "no answers" (a gap in the
 * line), never as a 0 and never by joining the neighbours across them.
 */
export function bucketsBetween(from: string, to: string, by: MetricBucket): string[] {
  if (by === 'all') return ['all'];
  const out: string[] = [];
  // Stepping a day at a time is simple and exact; 24 months of days is 731 steps.
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const bucket = bucketOf(day, by);
    if (out[out.length - 1] !== bucket) out.push(bucket);
    if (out.length > 5000) break; // a decades-long custom period by day: stop, do not hang
  }
  return out;
}
