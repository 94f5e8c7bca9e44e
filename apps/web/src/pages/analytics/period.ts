import { periodRange, type PeriodPreset } from '@polku/contracts';
import { serverNow } from '../../lib/server-clock';

// Bucket names come from the contracts, where the server takes them too.
export {
  addDays,
  bucketOf,
  bucketsBetween,
  isoWeekOf,
  monthStart,
  periodPresets,
  type PeriodPreset,
} from '@polku/contracts';

/** The days a preset covers, ending today: see the contracts' `periodRange`. */
export const presetRange = periodRange;

/** The explorer's period presets (defined once in the contracts); `custom` means the from/to dates in the address. */
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
