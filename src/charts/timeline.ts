// /who's timeline: a speaker's statements per meeting over time (per month or year past 50
// meetings), from the same statements the profile counts, so the bars add up to its total.
import type { FileView } from '../answers/view.js';
import { barChartSvg, bucketLabel } from './bars.js';
import { bucketMeetings, type BucketKind, type DatedMeeting, type TimeBucket } from './buckets.js';
import { chartLocale, type ChartLocale } from './locale.js';
import { rasterizeSvg } from './raster.js';

export interface TimelineBar {
  bucket: TimeBucket;
  statements: number;
}

export interface TimelineData {
  speaker: string;
  kind: BucketKind;
  bars: TimelineBar[];
  /** Statements on the chart (the profile's count). */
  statements: number;
  /** Meetings on the chart (spoken in or attended). */
  meetings: number;
}

/**
 * The timeline of one speaker: `meetings` are those they spoke in or attended, `statements`
 * theirs (each counted in its meeting's bar).
 */
export function speakerTimelineData(
  speaker: string,
  meetings: DatedMeeting[],
  statements: readonly { meetingId: string }[],
): TimelineData {
  const perMeeting = new Map<string, number>();
  for (const s of statements) perMeeting.set(s.meetingId, (perMeeting.get(s.meetingId) ?? 0) + 1);
  const { kind, buckets } = bucketMeetings(meetings);
  const bars = buckets.map((bucket) => ({
    bucket,
    statements: bucket.meetingIds.reduce((a, id) => a + (perMeeting.get(id) ?? 0), 0),
  }));
  return {
    speaker,
    kind,
    bars,
    statements: bars.reduce((a, b) => a + b.statements, 0),
    meetings: meetings.length,
  };
}

const PER: Record<BucketKind, string> = {
  meeting: 'one bar per meeting',
  month: 'one bar per month',
  year: 'one bar per year',
  years: 'one bar per span of years',
};

function plural(n: number, word: string, locale: ChartLocale): string {
  return `${locale.number(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The alt text: who, how many, over what span, and where most was said. */
export function describeSpeakerTimeline(data: TimelineData, locale: ChartLocale): string {
  const dated = data.bars.filter((b) => b.bucket.start !== null);
  const first = dated[0];
  const last = dated[dated.length - 1];
  const span =
    first && last
      ? ` from ${bucketLabel({ ...first.bucket, title: null }, locale)} to ${bucketLabel({ ...last.bucket, title: null }, locale)}`
      : '';
  const busiest = [...data.bars]
    .filter((b) => b.statements > 0)
    .sort((a, b) => b.statements - a.statements)
    .slice(0, 3)
    .map((b) => `${bucketLabel(b.bucket, locale)}: ${locale.number(b.statements)}`);
  const text =
    `Timeline of ${data.speaker}'s statements: ${plural(data.statements, 'statement', locale)} in ` +
    `${plural(data.meetings, 'meeting', locale)}${span}, ${PER[data.kind]}.` +
    (busiest.length > 0 ? ` Most statements — ${busiest.join('; ')}.` : ' No statements.');
  return text.slice(0, 1024);
}

export function speakerTimelineSvg(data: TimelineData, localeTag?: string | null): string {
  const locale = chartLocale(localeTag);
  return barChartSvg({
    title: `${data.speaker} — statements over time`,
    subtitle: `${plural(data.statements, 'statement', locale)} in ${plural(data.meetings, 'meeting', locale)} · ${PER[data.kind]}`,
    series: [{ name: data.speaker }],
    bars: data.bars.map((b) => ({ label: bucketLabel(b.bucket, locale), values: [b.statements] })),
    unit: 'statements',
    locale,
    emptyText: 'No statements in these meetings',
    description: describeSpeakerTimeline(data, locale),
  });
}

/** The timeline as a PNG attachment with its alt text. */
export function speakerTimelineFile(data: TimelineData, localeTag?: string | null): FileView {
  const locale = chartLocale(localeTag);
  return {
    name: 'timeline.png',
    data: rasterizeSvg(speakerTimelineSvg(data, localeTag)),
    description: describeSpeakerTimeline(data, locale),
  };
}
