// Bench section for the charts: /who timelines, /trend charts and /meeting shares drawn on a
// generated corpus of 100,000 statements, from data to PNG (resvg), against a 300 ms p95 bar.
import { availableParallelism, loadavg } from 'node:os';
import { generateReports } from './generate.js';
import type { BenchTable } from './table.js';
import { peakRssMb } from './table.js';
import { parseReport } from '../corpus/parse.js';
import { buildCorpus } from '../corpus/build.js';
import { buildIndex } from '../search/engine.js';
import { buildProfileStats } from '../answers/profiles.js';
import {
  speakerTimelineData,
  speakerTimelineFile,
  speakerTimelineSvg,
} from '../charts/timeline.js';
import { buildTrend, trendFile } from '../charts/trend.js';
import { meetingShareData, meetingShareFile } from '../charts/share.js';
import { rasterizeSvg } from '../charts/raster.js';

const STATEMENTS = 100_000;
const PER_REPORT = 25;
const BAR_MS = 300;
const MEETING_SAMPLE = 60;
const TREND_WORDS = [
  'harbour repairs',
  'the regional budget',
  'river transport',
  'school funding',
  'water treaty',
  'rail links',
  'housing',
  'trade',
  'public health',
  'energy prices',
];

interface Timing {
  wall: number;
  cpu: number;
}

function time<T>(fn: () => T): [T, Timing] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [value, { wall, cpu: (c.user + c.system) / 1000 }];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function row(name: string, timings: Timing[]): (string | number)[] {
  const wall = timings.map((t) => t.wall).sort((a, b) => a - b);
  const cpu = timings.map((t) => t.cpu).sort((a, b) => a - b);
  return [
    name,
    timings.length,
    percentile(wall, 50),
    percentile(wall, 95),
    wall[wall.length - 1] ?? 0,
    percentile(cpu, 95),
    percentile(wall, 95) <= BAR_MS ? 'yes' : 'NO',
  ];
}

export async function benchCharts(): Promise<BenchTable[]> {
  const reports = generateReports({
    reports: Math.ceil(STATEMENTS / PER_REPORT),
    statementsPerReport: PER_REPORT,
    seed: 14,
  });
  const [corpus, loadTiming] = time(() =>
    buildCorpus(reports.map((f) => parseReport(f.text, f.name))),
  );
  const [index, indexTiming] = time(() => buildIndex(corpus));
  const stats = buildProfileStats(corpus);
  // One warm-up chart: the first resvg call loads the font and the native module.
  rasterizeSvg(speakerTimelineSvg(speakerTimelineData('warm-up', [], [])));

  const who: Timing[] = [];
  const whoPng: Timing[] = [];
  const people = corpus.speakers.filter(
    (s) => (stats.statementsBySpeaker.get(s.name)?.length ?? 0) > 0,
  );
  let bars = 0;
  for (let round = 0; round < 3; round++) {
    for (const speaker of people) {
      const statements = stats.statementsBySpeaker.get(speaker.name) ?? [];
      const meetings = corpus.meetings.filter((m) => m.speakers.includes(speaker.name));
      const [data, t] = time(() => {
        const d = speakerTimelineData(speaker.name, meetings, statements);
        speakerTimelineFile(d);
        return d;
      });
      who.push(t);
      bars = Math.max(bars, data.bars.length);
      const svg = speakerTimelineSvg(data);
      whoPng.push(time(() => rasterizeSvg(svg))[1]);
    }
  }

  const trend: Timing[] = [];
  const trendBySpeaker: Timing[] = [];
  let matches = 0;
  let cutShort = 0;
  for (const words of [...TREND_WORDS, ...TREND_WORDS, ...TREND_WORDS]) {
    const [result, t] = time(() => {
      const r = buildTrend(index, words);
      if (r.data) trendFile(r.data);
      return r;
    });
    trend.push(t);
    if (trend.length <= TREND_WORDS.length) matches += result.data?.matches ?? 0;
    if (result.data?.cutShort) cutShort++;
    const speaker = people[trend.length % people.length]?.name ?? '';
    trendBySpeaker.push(
      time(() => {
        const r = buildTrend(index, words, { speaker, from: '2001-01-01' });
        if (r.data) trendFile(r.data);
      })[1],
    );
  }

  const share: Timing[] = [];
  // Three rounds of the word sets above: the p95 of 30 runs says more than the max of 10.
  const step = Math.max(1, Math.floor(corpus.meetings.length / MEETING_SAMPLE));
  for (const meeting of corpus.meetings.filter((_, i) => i % step === 0).slice(0, MEETING_SAMPLE))
    share.push(time(() => meetingShareFile(meetingShareData(meeting)))[1]);

  return [
    {
      title: `Charts (${corpus.statements.length.toLocaleString('en')} generated statements in ${corpus.meetings.length.toLocaleString('en')} meetings), data + SVG + PNG`,
      columns: ['chart', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'cpu p95 ms', `p95 ≤ ${BAR_MS} ms`],
      rows: [
        row('who: timeline (data + SVG + PNG)', who),
        row('who: SVG → PNG alone (resvg)', whoPng),
        row('trend: every match + chart', trend),
        row('trend: speaker + from filter', trendBySpeaker),
        row('meeting: speaker share', share),
      ],
      notes: [
        `Bar: a chart in at most ${BAR_MS} ms (p95 wall clock) at ${STATEMENTS.toLocaleString('en')} statements. Load average at the end: ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} CPUs.`,
        `Corpus parse + build ${loadTiming.wall.toFixed(0)} ms, index ${indexTiming.wall.toFixed(0)} ms (once, not timed per chart). ${people.length} speakers; the widest timeline has ${bars} bars.`,
        `Trend: ${matches.toLocaleString('en')} matching statements counted over ${TREND_WORDS.length} word sets (each run 3 times); ${cutShort} of ${trend.length} runs cut short by the search's time budget.`,
        `Peak RSS so far: ${peakRssMb().toFixed(0)} MB.`,
      ],
    },
  ];
}
