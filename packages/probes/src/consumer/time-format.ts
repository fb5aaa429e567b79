/*
 * printf's %Y and %T: nanoseconds since the epoch as local time, in the time zone of `TZ` as
 * dtrace(1) uses it (ctime_r/localtime_r).
 *
 * - %Y (pfprint_time): ctime's fields rearranged, `1973 Dec  3 17:20:00` (day space-padded).
 * - %T (pfprint_time822): strftime `%a, %d %b %G %T %Z`. dtrace's %G is the ISO 8601 week-based
 *   year, which differs from the calendar year in the first and last days of some years; that
 *   quirk is kept.
 *
 * Node reads `TZ` for Date's local-time methods, so the local fields come from there.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const NS_PER_S = 1_000_000_000n;

/** Seconds since the epoch, truncated toward zero as `time / NANOSEC` in C. */
function dateOf(ns: bigint): Date {
  return new Date(Number(ns / NS_PER_S) * 1000);
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clock(d: Date): string {
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** %Y: `YYYY Mon DD HH:MM:SS` with the day padded by a space, as ctime prints it. */
export function formatYTime(ns: bigint): string {
  const d = dateOf(ns);
  const day = String(d.getDate()).padStart(2, ' ');
  return `${d.getFullYear()} ${MONTHS[d.getMonth()]} ${day} ${clock(d)}`;
}

/** The ISO 8601 week-based year of a local date (strftime's %G). */
function isoWeekYear(d: Date): number {
  const year = d.getFullYear();
  // The Thursday of this date's ISO week decides the year the week belongs to.
  const weekday = (d.getDay() + 6) % 7; // Monday = 0
  const thursday = new Date(year, d.getMonth(), d.getDate() - weekday + 3);
  return thursday.getFullYear();
}

/** The local time zone's abbreviation (strftime's %Z). */
let zoneFormat: { tz: string | undefined; fmt: Intl.DateTimeFormat } | null = null;

function zoneName(d: Date): string {
  // The formatter is cached per TZ value: building one costs far more than formatting.
  const tz = process.env.TZ;
  if (!zoneFormat || zoneFormat.tz !== tz) {
    zoneFormat = { tz, fmt: new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }) };
  }
  const parts = zoneFormat.fmt.formatToParts(d);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** %T: `Wed, 03 Dec 1973 17:20:00 UTC` (RFC 822 style). */
export function formatTTime(ns: bigint): string {
  const d = dateOf(ns);
  return `${DAYS[d.getDay()]}, ${two(d.getDate())} ${MONTHS[d.getMonth()]} ${isoWeekYear(d)} ${clock(d)} ${zoneName(d)}`;
}
