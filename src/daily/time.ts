// Wall-clock arithmetic for the daily quote: local dates and scheduled instants in IANA zones.
import { Cron } from 'croner';

/** A reusable formatter for local dates in one zone (building one is the slow part). */
export function createDateFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
}

/** The calendar date (YYYY-MM-DD) at `instant` in `timeZone` (or with a prepared formatter). */
export function formatLocalDate(instant: Date, zone: string | Intl.DateTimeFormat): string {
  const formatter = typeof zone === 'string' ? createDateFormatter(zone) : zone;
  const parts = formatter.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function readParts(instant: Date, options: Intl.DateTimeFormatOptions, locale = 'en-US') {
  const parts = new Intl.DateTimeFormat(locale, options).formatToParts(instant);
  return (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
}

/** "Sun 14 Mar 2027, 09:00 EDT" — how a server owner reads an instant in their zone. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const get = readParts(instant, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  // Abbreviations differ by locale ("EDT" in en-US, "CET" and "BST" in en-GB); else "GMT+4".
  let zone = readParts(instant, { timeZone, timeZoneName: 'short' })('timeZoneName');
  if (zone.startsWith('GMT') && zone !== 'GMT') {
    const british = readParts(
      instant,
      { timeZone, timeZoneName: 'short' },
      'en-GB',
    )('timeZoneName');
    if (!british.startsWith('GMT') || british === 'GMT') zone = british;
  }
  if (timeZone === 'UTC') zone = 'UTC';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} ${zone}`;
}

/** Every IANA zone this runtime knows, plus UTC (which `supportedValuesOf` leaves out). */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/**
 * The canonical spelling of a time zone ("europe/paris" → "Europe/Paris", "new york" →
 * "America/New_York"), or null when the runtime does not know it.
 */
export function resolveTimeZone(input: string): string | null {
  const wanted = input.trim().replace(/\s+/g, '_').toLowerCase();
  if (wanted === '') return null;
  const zones = listTimeZones();
  const exact = zones.find((z) => z.toLowerCase() === wanted);
  if (exact) return exact;
  const byCity = zones.filter((z) => z.toLowerCase().endsWith(`/${wanted}`));
  if (byCity.length === 1 && byCity[0]) return byCity[0];
  try {
    // Links such as "US/Eastern" or "Etc/GMT+5" are valid even when not listed.
    return new Intl.DateTimeFormat('en-US', { timeZone: input.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * "9:30", "09:30", "21:05", "9pm", "9:30 am" → "HH:MM" (24-hour), or null when unreadable.
 */
export function parseTimeOfDay(input: string): string | null {
  const m = /^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i.exec(input);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (m[2] === undefined && half === undefined) return null;
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function buildDailyCron(time: string, timeZone: string): Cron {
  const [hour, minute] = time.split(':').map(Number);
  // Croner moves a wall time that a spring-forward gap skips to the first instant after the gap
  // and fires a repeated fall-back time once, so every local day has exactly one occurrence.
  return new Cron(`${minute ?? 0} ${hour ?? 0} * * *`, { timezone: timeZone });
}

/** The instant of the first daily occurrence strictly after `after`. */
export function findNextOccurrence(time: string, timeZone: string, after: Date): Date {
  const next = buildDailyCron(time, timeZone).nextRun(after);
  if (!next) throw new Error(`no next run for ${time} ${timeZone}`);
  return next;
}

/** The instant at which `time` falls on `localDate` in `timeZone` (DST-correct), or null. */
export function findOccurrenceOn(
  time: string,
  timeZone: string,
  localDate: string,
  near: Date,
  formatter: Intl.DateTimeFormat = createDateFormatter(timeZone),
): Date | null {
  const cron = buildDailyCron(time, timeZone);
  // The occurrence on a local date lies within a day and a bit of any instant of that date.
  const from = new Date(near.getTime() - 52 * 3600_000);
  for (const run of cron.nextRuns(4, from)) {
    const date = formatLocalDate(run, formatter);
    if (date === localDate) return run;
    if (date > localDate) break;
  }
  return null;
}

/** YYYY-MM-DD shifted by whole days (calendar arithmetic, no zone involved). */
export function addDays(localDate: string, days: number): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
