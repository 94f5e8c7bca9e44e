let cached: string[] | undefined;

/** IANA time zones the browser knows, for a time zone picker. */
export function timeZones(): string[] {
  if (!cached) {
    const zones = Intl.supportedValuesOf('timeZone');
    // Some browsers list only canonical names, and UTC may be missing from the list.
    cached = zones.includes('UTC') ? zones : ['UTC', ...zones];
  }
  return cached;
}
