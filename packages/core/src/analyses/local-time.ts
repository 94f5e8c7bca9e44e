const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at `epochMs`. */
function zoneOffset(epochMs: number, timeZone: string): number {
  let fmt = partFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(epochMs).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a local calendar day starts in a time zone (midnight, or the first moment after a
 * daylight-saving gap). Invitations keep instants, not days, so a period of local days becomes
 * a half-open range of instants.
 * @example startOfLocalDay('2026-03-29', 'Europe/Helsinki') // Date.UTC(2026, 2, 28, 22)
 */
export function startOfLocalDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  let guess = utcMidnight - zoneOffset(utcMidnight, timeZone);
  // A second pass settles days whose offset differs from the UTC midnight's (DST changes).
  guess = utcMidnight - zoneOffset(guess, timeZone);
  return guess;
}

/** The next calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The first day of the month after `month` (YYYY-MM) as YYYY-MM-01. */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}
