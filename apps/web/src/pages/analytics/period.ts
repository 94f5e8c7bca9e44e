import { addDays } from '@polku/contracts';
import { serverNow } from '../../lib/server-clock';

// Bucket names come from the contracts, where the server takes them too.
export { addDays, bucketOf, bucketsBetween, isoWeekOf } from '@polku/contracts';

/** The explorer's period presets; `custom` means the from/to dates in the address. */
export const periodPresets = ['30d', '3m', '12m', '24m'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export type Period = PeriodPreset | 'custom';

/** A calendar day as YYYY-MM-DD. */
export const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Today's date in a time zone (the workspace's: answers are bucketed by their local day there,
 * so "the last 30 days" must end on the workspace's today, not the browser's), by the server's
 * clock.
 */
export function todayIn(timeZone: string, now: Date = serverNow()): string {
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
