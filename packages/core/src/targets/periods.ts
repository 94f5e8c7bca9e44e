import { addDays, type TargetPeriod } from '@polku/contracts';

/** Inclusive local days, YYYY-MM-DD, in the workspace's time zone. */
export interface DayRange {
  from: string;
  to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const toDay = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** Days from `from` to `to`, both included. */
export function daysInRange(range: DayRange): number {
  return (
    Math.round((parseDay(range.to).getTime() - parseDay(range.from).getTime()) / 86_400_000) + 1
  );
}

const monthsOf = { month: 1, quarter: 3, year: 12 } as const;

/** The calendar month, quarter or year holding `day`. */
export function calendarPeriodOf(every: 'month' | 'quarter' | 'year', day: string): DayRange {
  const d = parseDay(day);
  const months = monthsOf[every];
  const startMonth = Math.floor(d.getUTCMonth() / months) * months;
  const start = new Date(Date.UTC(d.getUTCFullYear(), startMonth, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), startMonth + months, 0));
  return { from: toDay(start), to: toDay(end) };
}

/**
 * The period a target is judged on when today is `today`: a fixed target's own days; for a
 * recurring target, the calendar month, quarter or year holding today (so far: answers after
 * today do not exist yet).
 */
export function currentPeriod(period: TargetPeriod, today: string): DayRange {
  return period.kind === 'fixed'
    ? { from: period.from, to: period.to }
    : calendarPeriodOf(period.every, today);
}

/**
 * The period a drop is measured against: the calendar period before a recurring one, or the
 * same number of days just before a fixed one.
 */
export function previousPeriod(period: TargetPeriod, current: DayRange): DayRange {
  if (period.kind === 'recurring') return calendarPeriodOf(period.every, addDays(current.from, -1));
  const length = daysInRange(current);
  return { from: addDays(current.from, -length), to: addDays(current.from, -1) };
}

/** How long after a fixed period ends the alert job still looks at it (late answers, imports). */
export const FIXED_PERIOD_GRACE_DAYS = 7;

/** Whether the alert job evaluates the target today: recurring always; fixed from its first
 * day until {@link FIXED_PERIOD_GRACE_DAYS} after its last. */
export function isPeriodLive(period: TargetPeriod, today: string): boolean {
  if (period.kind === 'recurring') return true;
  return period.from <= today && today <= addDays(period.to, FIXED_PERIOD_GRACE_DAYS);
}

/** The explorer's time bucket for a chart of the period: days up to a month, weeks up to
 * half a year, months beyond. */
export function chartBucketFor(range: DayRange): 'day' | 'week' | 'month' {
  const days = daysInRange(range);
  return days <= 31 ? 'day' : days <= 184 ? 'week' : 'month';
}
