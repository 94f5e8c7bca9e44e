import { isValidLocal, localTimeToInstant, type LocalDateTime } from '@polku/core';

/** Who settled whether `03.04.2026` is 3 April or 4 March (the summary tells the user). */
export type DateOrderSource = 'option' | 'data' | 'locale' | 'unambiguous' | 'no dates';

export interface DateDecision {
  order: 'DMY' | 'MDY' | null;
  source: DateOrderSource;
  /** A sentence for the summary: what was decided and why. */
  explanation: string;
  /** The date that proved the order, when the data decided it. */
  evidence?: { line: number; value: string };
}

type Parsed = { ok: true; instant: number } | { ok: false; reason: string };

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const NUMERIC =
  /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

function toInstant(t: LocalDateTime, timeZone: string, zone?: string): Parsed {
  if (!isValidLocal(t)) return { ok: false, reason: 'not a real date or time' };
  if (zone) {
    const utc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
    if (zone === 'Z') return { ok: true, instant: utc };
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    return { ok: true, instant: utc - sign * minutes * 60_000 };
  }
  return { ok: true, instant: localTimeToInstant(t, timeZone) };
}

const hour12 = (hour: number, ampm: string | undefined): number => {
  if (!ampm) return hour;
  const pm = ampm.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
};

/**
 * Reads the date column as the file writes it: ISO 8601 (`2026-11-23 09:12:58`, with or
 * without a zone) always; day-month-year or month-day-year (`23.11.2026 9.12.58`,
 * `11/23/2026 9:12:58 AM`) once the order is decided. Times without a zone are wall-clock
 * times in the workspace's zone.
 */
export function parseAutoDate(
  value: string,
  order: 'DMY' | 'MDY' | null,
  timeZone: string,
): Parsed {
  const v = value.trim();
  const iso = ISO.exec(v);
  if (iso) {
    const [, y, mo, d, h, mi, s, ms, zone] = iso;
    return toInstant(
      {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        hour: Number(h ?? 0),
        minute: Number(mi ?? 0),
        second: Number(s ?? 0),
        millisecond: Number((ms ?? '0').padEnd(3, '0')),
      },
      timeZone,
      zone,
    );
  }
  const m = NUMERIC.exec(v);
  if (!m) return { ok: false, reason: `"${value}" is not a date this import reads` };
  if (!order) return { ok: false, reason: 'the order of day and month is not decided' };
  const [, a, , b, y, h, mi, s, ampm] = m;
  return toInstant(
    {
      year: Number(y),
      month: Number(order === 'DMY' ? b : a),
      day: Number(order === 'DMY' ? a : b),
      hour: hour12(Number(h ?? 0), ampm),
      minute: Number(mi ?? 0),
      second: Number(s ?? 0),
    },
    timeZone,
  );
}

/** Watches every value of the date column (a first pass) to learn the order of day and month. */
export class DateOrderScanner {
  private dayFirstProof: { line: number; value: string } | null = null;
  private monthFirstProof: { line: number; value: string } | null = null;
  private firstAmbiguous: { line: number; value: string } | null = null;
  private separators = new Set<string>();
  private seen = 0;

  observe(value: string, line: number): void {
    const v = value.trim();
    if (!v) return;
    this.seen++;
    const m = NUMERIC.exec(v);
    if (!m) return;
    this.separators.add(m[2]!);
    const first = Number(m[1]);
    const second = Number(m[3]);
    if (first > 12 && !this.dayFirstProof) this.dayFirstProof = { line, value: v };
    if (second > 12 && !this.monthFirstProof) this.monthFirstProof = { line, value: v };
    if (first <= 12 && second <= 12 && !this.firstAmbiguous)
      this.firstAmbiguous = { line, value: v };
  }

  /** The decision, or an error message when the file cannot be read without a --date-format. */
  decide(): DateDecision | { error: string } {
    if (this.seen === 0)
      return { order: null, source: 'no dates', explanation: 'no submission times in the file' };
    const day = this.dayFirstProof;
    const month = this.monthFirstProof;
    if (day && month) {
      return {
        error: `The dates disagree: "${day.value}" (line ${day.line}) puts the day first, "${month.value}" (line ${month.line}) the month. Fix the file or pass --date-format.`,
      };
    }
    if (!this.separators.size)
      return {
        order: null,
        source: 'unambiguous',
        explanation: 'dates are ISO 8601 (year-month-day)',
      };
    if (day)
      return {
        order: 'DMY',
        source: 'data',
        explanation: `day before month: proved by "${day.value}" on line ${day.line}`,
        evidence: day,
      };
    if (month)
      return {
        order: 'MDY',
        source: 'data',
        explanation: `month before day: proved by "${month.value}" on line ${month.line}`,
        evidence: month,
      };
    if (this.separators.size === 1 && this.separators.has('.'))
      return {
        order: 'DMY',
        source: 'locale',
        explanation:
          'day before month: dotted dates (as Finnish and Swedish exports write them) put the day first; no date in the file has a field over 12',
      };
    const example = this.firstAmbiguous!;
    return {
      error: `Dates such as "${example.value}" (line ${example.line}) could be day/month or month/day, and no date in the file settles it. Run again with --date-format, e.g. "D/M/YYYY H:mm:ss" or "M/D/YYYY h:mm:ss A".`,
    };
  }
}

const TOKENS = /YYYY|MM|M|DD|D|HH|H|hh|h|mm|m|ss|s|A|a/g;
type Field = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'ampm';

/**
 * Compiles a --date-format (`D.M.YYYY H.mm.ss`, `M/D/YYYY h:mm:ss A`, `YYYY-MM-DD HH:mm:ss`)
 * into a parser. One- and two-letter tokens both accept one or two digits, as exports are
 * inconsistent about leading zeros.
 */
export function compileDateFormat(
  format: string,
): ((value: string, timeZone: string) => Parsed) | { error: string } {
  const fields: Field[] = [];
  let source = '^';
  let last = 0;
  for (const m of format.matchAll(TOKENS)) {
    source += escape(format.slice(last, m.index));
    last = m.index + m[0].length;
    const t = m[0];
    const field: Field =
      t === 'YYYY'
        ? 'year'
        : t.startsWith('M')
          ? 'month'
          : t.startsWith('D')
            ? 'day'
            : t.startsWith('H')
              ? 'hour'
              : t.startsWith('h')
                ? 'hour12'
                : t.startsWith('m')
                  ? 'minute'
                  : t.startsWith('s')
                    ? 'second'
                    : 'ampm';
    fields.push(field);
    source +=
      field === 'year' ? '(\\d{4})' : field === 'ampm' ? '([AaPp])\\.?[Mm]\\.?' : '(\\d{1,2})';
  }
  source += `${escape(format.slice(last))}$`;
  if (!fields.includes('year') || !fields.includes('month') || !fields.includes('day'))
    return { error: `--date-format "${format}" needs YYYY, M and D` };
  const re = new RegExp(source);
  return (value, timeZone) => {
    const m = re.exec(value.trim());
    if (!m) return { ok: false, reason: `"${value}" does not match --date-format ${format}` };
    const t: LocalDateTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    let ampm: string | undefined;
    fields.forEach((f, i) => {
      const v = m[i + 1]!;
      if (f === 'ampm') ampm = v;
      else if (f === 'hour12') t.hour = Number(v);
      else t[f] = Number(v);
    });
    if (fields.includes('hour12')) t.hour = hour12(t.hour, ampm ?? 'a');
    return toInstant(t, timeZone);
  };
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** A date column's cell as an instant, or why it is not one. */
export type DateParser = (value: string) => Parsed;

/**
 * How an import reads its date column, once the first pass has watched every date: by
 * `--date-format` when given, else as the dates proved (ISO 8601 always; day and month in the
 * order the scanner decided). An error message when neither settles it.
 */
export function dateReading(
  dateFormat: string | undefined,
  scanner: DateOrderScanner,
  timeZone: string,
): { decision: DateDecision; parse: DateParser } | { error: string } {
  if (dateFormat) {
    const compiled = compileDateFormat(dateFormat);
    if ('error' in compiled) return compiled;
    return {
      decision: {
        order: null,
        source: 'option',
        explanation: `dates read as --date-format "${dateFormat}"`,
      },
      parse: (value) => compiled(value, timeZone),
    };
  }
  const decision = scanner.decide();
  if ('error' in decision) return decision;
  return { decision, parse: (value) => parseAutoDate(value, decision.order, timeZone) };
}

/**
 * `--date`: the time of every row the file does not date, `YYYY-MM-DD` (00:00 in the
 * workspace's zone) or an ISO 8601 date and time.
 */
export function parseDefaultDate(value: string, timeZone: string): Parsed {
  const parsed = ISO.test(value.trim())
    ? parseAutoDate(value, null, timeZone)
    : ({ ok: false, reason: 'write YYYY-MM-DD (or an ISO 8601 date and time)' } as const);
  return parsed.ok ? parsed : { ok: false, reason: `--date ${value}: ${parsed.reason}` };
}
