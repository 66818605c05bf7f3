// Meetings on a time axis: one bar per meeting up to MAX_BARS, else one per month, else one per
// year (then per span of years), so a chart never has more than MAX_BARS bars. Undated meetings
// share one bar at the end.

export const MAX_BARS = 50;

export type BucketKind = 'meeting' | 'month' | 'year' | 'years';

export interface DatedMeeting {
  id: string;
  title: string | null;
  date: string | null;
}

export interface TimeBucket {
  /** 'undated' for the bar of meetings without a date. */
  kind: BucketKind | 'undated';
  /** First day the bucket covers (YYYY-MM-DD), or the meeting's date; null when undated. */
  start: string | null;
  /** Last year of a span of years ("years"); else null. */
  endYear: string | null;
  /** The meetings in the bucket, in date order. */
  meetingIds: string[];
  /** The meeting's title (kind "meeting" only). */
  title: string | null;
}

export interface Bucketing {
  /** How the dated meetings are grouped. */
  kind: BucketKind;
  buckets: TimeBucket[];
}

function isDate(date: string | null): date is string {
  return date !== null && /^\d{4}-\d{2}-\d{2}/.test(date);
}

/** Groups dated meetings by a key (month "2017-03", year "2017", span start "2015"). */
function group(
  dated: DatedMeeting[],
  kind: BucketKind,
  keyOf: (date: string) => string,
  span = 1,
): TimeBucket[] {
  const out: TimeBucket[] = [];
  let current: TimeBucket | null = null;
  let currentKey = '';
  for (const m of dated) {
    const key = keyOf(m.date as string);
    if (!current || key !== currentKey) {
      currentKey = key;
      const start = kind === 'month' ? `${key}-01` : `${key}-01-01`;
      current = {
        kind,
        start,
        endYear: kind === 'years' ? String(Number(key) + span - 1) : null,
        meetingIds: [],
        title: null,
      };
      out.push(current);
    }
    current.meetingIds.push(m.id);
  }
  return out;
}

/**
 * The buckets of a time axis over these meetings, oldest first, at most `max` of them. Meetings
 * keep their order within a date (the order given), so a chart reads like the reports list.
 */
export function bucketMeetings(meetings: DatedMeeting[], max = MAX_BARS): Bucketing {
  const limit = Math.max(2, max);
  const dated = meetings
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => isDate(m.date))
    .sort((a, b) => (a.m.date as string).localeCompare(b.m.date as string) || a.i - b.i)
    .map(({ m }) => m);
  const undated = meetings.filter((m) => !isDate(m.date));
  const tail: TimeBucket[] =
    undated.length > 0
      ? [
          {
            kind: 'undated',
            start: null,
            endYear: null,
            meetingIds: undated.map((m) => m.id),
            title: null,
          },
        ]
      : [];
  const room = limit - tail.length;
  if (dated.length + undated.length <= limit) {
    const perMeeting: TimeBucket[] = [...dated, ...undated].map((m) => ({
      kind: isDate(m.date) ? 'meeting' : 'undated',
      start: isDate(m.date) ? m.date.slice(0, 10) : null,
      endYear: null,
      meetingIds: [m.id],
      title: m.title,
    }));
    return { kind: 'meeting', buckets: perMeeting };
  }
  const months = group(dated, 'month', (d) => d.slice(0, 7));
  if (months.length <= room) return { kind: 'month', buckets: [...months, ...tail] };
  const years = group(dated, 'year', (d) => d.slice(0, 4));
  if (years.length <= room) return { kind: 'year', buckets: [...years, ...tail] };
  // Centuries of records: spans of years, aligned so "1990–1994" reads as a round span.
  for (let span = 2; ; span++) {
    const spans = group(
      dated,
      'years',
      (d) => String(Math.floor(Number(d.slice(0, 4)) / span) * span),
      span,
    );
    if (spans.length <= room) return { kind: 'years', buckets: [...spans, ...tail] };
  }
}
