// /trend's chart: how many statements match some words, per meeting over time, stacked by
// speaker (the top few, the rest as "others"). The statements counted are exactly those /ask
// returns for the same words and filters (askQuestion with everyMatch), honesty gate included.
import type { Corpus, Meeting } from '../corpus/types.js';
import type { FileView } from '../answers/view.js';
import { askQuestion, type AskAnswer, type SearchIndex } from '../search/engine.js';
import { barChartSvg, bucketLabel } from './bars.js';
import { bucketMeetings, type BucketKind, type TimeBucket } from './buckets.js';
import { chartLocale, type ChartLocale } from './locale.js';
import { rasterizeSvg } from './raster.js';

/** Speakers drawn in their own colour; the rest are "others". */
export const TREND_TOP_SPEAKERS = 4;
export const OTHERS = 'others';

export interface TrendOptions {
  speaker?: string;
  from?: string;
  to?: string;
}

export interface TrendSeries {
  name: string;
  others: boolean;
  /** Matching statements of this series on the whole chart. */
  total: number;
}

export interface TrendData {
  words: string;
  /** The canonical name when the speaker option named one. */
  speaker: string | null;
  from: string | null;
  to: string | null;
  kind: BucketKind;
  series: TrendSeries[];
  bars: { bucket: TimeBucket; values: number[] }[];
  /** Matching statements on the chart. */
  matches: number;
  /** Meetings on the time axis (every meeting the filters allow, matching or not). */
  meetings: number;
  /** The search ran out of time: the counts are what it found in time. */
  cutShort: boolean;
}

/** The meetings on the time axis: every one the date filters (and the speaker) allow. */
function axisMeetings(
  corpus: Corpus,
  options: TrendOptions,
  speaker: string | null,
  matched: Set<string>,
): Meeting[] {
  const from = options.from?.trim() || null;
  const to = options.to?.trim() || null;
  return corpus.meetings.filter((m) => {
    if (matched.has(m.id)) return true;
    if ((from || to) && !m.date) return false;
    if (from && (m.date ?? '') < from) return false;
    if (to && (m.date ?? '') > to) return false;
    // Only the speaker's meetings: a zero where they were absent would read as silence on the topic.
    if (speaker && !m.speakers.includes(speaker)) return false;
    return true;
  });
}

/**
 * Searches like /ask and counts every statement that answers, per time bucket and speaker.
 * `data` is null when nothing answers (the answer's outcome says why).
 */
export function buildTrend(
  index: SearchIndex,
  words: string,
  options: TrendOptions = {},
  top = TREND_TOP_SPEAKERS,
): { answer: AskAnswer; data: TrendData | null } {
  const answer = askQuestion(index, words, { ...options, everyMatch: true });
  if (answer.outcome.kind !== 'found' || answer.results.length === 0) return { answer, data: null };
  const speaker = options.speaker?.trim() ? (answer.speakers[0] ?? null) : null;

  const bySpeaker = new Map<string, number>();
  const matched = new Set<string>();
  for (const r of answer.results) {
    matched.add(r.meeting.id);
    const name = r.statement.speaker ?? OTHERS;
    bySpeaker.set(name, (bySpeaker.get(name) ?? 0) + 1);
  }
  const named = [...bySpeaker]
    .filter(([name]) => name !== OTHERS)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // "others" only when it stands for two or more: a lone fifth speaker is drawn by name.
  const keep = named.length <= top + 1 && !bySpeaker.has(OTHERS) ? named.length : top;
  const shownNames = named.slice(0, keep).map(([name]) => name);
  const seriesIndex = new Map(shownNames.map((name, i) => [name, i]));
  const series: TrendSeries[] = shownNames.map((name) => ({ name, others: false, total: 0 }));
  if (named.length > keep || bySpeaker.has(OTHERS))
    series.push({ name: OTHERS, others: true, total: 0 });
  const othersAt = series.length - 1;

  const meetings = axisMeetings(index.corpus, options, speaker, matched);
  const { kind, buckets } = bucketMeetings(meetings);
  const bucketOf = new Map<string, number>();
  buckets.forEach((b, i) => b.meetingIds.forEach((id) => bucketOf.set(id, i)));
  const bars = buckets.map((bucket) => ({ bucket, values: series.map(() => 0) }));
  for (const r of answer.results) {
    const bar = bars[bucketOf.get(r.meeting.id) ?? -1];
    if (!bar) continue;
    const s = seriesIndex.get(r.statement.speaker ?? OTHERS) ?? othersAt;
    bar.values[s] = (bar.values[s] ?? 0) + 1;
    const entry = series[s];
    if (entry) entry.total++;
  }
  return {
    answer,
    data: {
      words,
      speaker,
      from: options.from?.trim() || null,
      to: options.to?.trim() || null,
      kind,
      series,
      bars,
      matches: answer.results.length,
      meetings: meetings.length,
      cutShort: answer.cutShort === true,
    },
  };
}

function plural(n: number, word: string, locale: ChartLocale): string {
  return `${locale.number(n)} ${word}${n === 1 ? '' : 's'}`;
}

const PER: Record<BucketKind, string> = {
  meeting: 'per meeting',
  month: 'per month',
  year: 'per year',
  years: 'per span of years',
};

function describeRange(data: TrendData, locale: ChartLocale): string {
  if (data.from && data.to) return ` from ${locale.day(data.from)} to ${locale.day(data.to)}`;
  if (data.from) return ` from ${locale.day(data.from)}`;
  if (data.to) return ` until ${locale.day(data.to)}`;
  return '';
}

/** The alt text: the words, who, how many, where the peak is. */
export function describeTrend(data: TrendData, locale: ChartLocale): string {
  const who = data.speaker ? ` by ${data.speaker}` : '';
  const peak = [...data.bars].sort(
    (a, b) => b.values.reduce((x, y) => x + y, 0) - a.values.reduce((x, y) => x + y, 0),
  )[0];
  const peakTotal = peak ? peak.values.reduce((x, y) => x + y, 0) : 0;
  const speakers = data.series
    .filter((s) => s.total > 0)
    .map((s) => `${s.name} ${locale.number(s.total)}`)
    .join(', ');
  const text =
    `Trend of statements matching “${data.words}”${who}: ${plural(data.matches, 'statement', locale)} ` +
    `across ${plural(data.meetings, 'meeting', locale)}${describeRange(data, locale)}, ${PER[data.kind]}.` +
    (peak && peakTotal > 0
      ? ` Peak: ${bucketLabel(peak.bucket, locale)} with ${locale.number(peakTotal)}.`
      : '') +
    (speakers ? ` By speaker: ${speakers}.` : '') +
    (data.cutShort ? ' The search ran out of time; counts are what it found in time.' : '');
  return text.slice(0, 1024);
}

export function trendSvg(data: TrendData, localeTag?: string | null): string {
  const locale = chartLocale(localeTag);
  const who = data.speaker ? ` · ${data.speaker}` : '';
  return barChartSvg({
    title: `“${data.words}” over time${who}`,
    subtitle: `${plural(data.matches, 'matching statement', locale)} in ${plural(data.meetings, 'meeting', locale)}${describeRange(data, locale)} · ${PER[data.kind]}${data.cutShort ? ' · search cut short' : ''}`,
    series: data.series.map((s) => ({ name: s.name, others: s.others })),
    bars: data.bars.map((b) => ({ label: bucketLabel(b.bucket, locale), values: b.values })),
    unit: 'matching statements',
    locale,
    emptyText: 'No matching statements',
    description: describeTrend(data, locale),
  });
}

export function trendFile(data: TrendData, localeTag?: string | null): FileView {
  return {
    name: 'trend.png',
    data: rasterizeSvg(trendSvg(data, localeTag)),
    description: describeTrend(data, chartLocale(localeTag)),
  };
}
