// Bench section for /who and /meeting: profile and digest times on a generated 5,000-report corpus.
import { availableParallelism, loadavg } from 'node:os';
import { generateReports } from './generate.js';
import type { BenchTable } from './table.js';
import { peakRssMb } from './table.js';
import { parseReport } from '../corpus/parse.js';
import { buildCorpus } from '../corpus/build.js';
import {
  buildMeetingDigest,
  buildProfileStats,
  buildSpeakerProfile,
  meetingOneLine,
  summarizeMeeting,
} from '../answers/profiles.js';

const REPORTS = 5_000;
const BAR_MS = 50;
const MEETING_SAMPLE = 300;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Wall-clock and CPU milliseconds of one call (CPU shows the cost when the machine is shared). */
interface Timing {
  wall: number;
  cpu: number;
}

function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [value, wall, (c.user + c.system) / 1000];
}

function row(name: string, timings: Timing[]): (string | number)[] {
  const wall = timings.map((t) => t.wall).sort((a, b) => a - b);
  const cpu = timings.map((t) => t.cpu).sort((a, b) => a - b);
  const max = wall[wall.length - 1] ?? 0;
  return [
    name,
    timings.length,
    percentile(wall, 50),
    percentile(wall, 95),
    max,
    percentile(cpu, 50),
    percentile(cpu, 95),
    percentile(wall, 95) < BAR_MS ? 'yes' : 'NO',
  ];
}

function record(list: Timing[], measured: [unknown, number, number]): void {
  list.push({ wall: measured[1], cpu: measured[2] });
}

export async function benchProfiles(): Promise<BenchTable[]> {
  const files = generateReports({ reports: REPORTS, seed: 7 });
  const [corpus, loadMs] = time(() => buildCorpus(files.map((f) => parseReport(f.text, f.name))));
  const [stats, statsMs] = time(() => buildProfileStats(corpus));

  // Every person in the corpus, looked up by canonical name and by the last word of it (a surname).
  const whoTimes: Timing[] = [];
  const surnameTimes: Timing[] = [];
  let profiles = 0;
  for (let round = 0; round < 3; round++) {
    for (const speaker of corpus.speakers) {
      const measured = time(() => buildSpeakerProfile(corpus, speaker.name, stats));
      record(whoTimes, measured);
      if (round === 0 && measured[0].profile) profiles++;
      const surname = speaker.name.split(/\s+/u).pop() ?? speaker.name;
      record(
        surnameTimes,
        time(() => buildSpeakerProfile(corpus, surname, stats)),
      );
    }
  }

  // An even sample of meetings, looked up by id (what autocomplete sends) and by title words.
  const step = Math.max(1, Math.floor(corpus.meetings.length / MEETING_SAMPLE));
  const sample = corpus.meetings.filter((_, i) => i % step === 0).slice(0, MEETING_SAMPLE);
  const byIdTimes: Timing[] = [];
  const byTitleTimes: Timing[] = [];
  const summaryTimes: Timing[] = [];
  const oneLineTimes: Timing[] = [];
  let sentences = 0;
  let verbatim = 0;
  for (const m of sample) {
    const measured = time(() => buildMeetingDigest(corpus, m.id, stats));
    record(byIdTimes, measured);
    const digest = measured[0];
    for (const s of digest.digest?.summary ?? []) {
      sentences++;
      if (m.text.includes(s)) verbatim++;
    }
    if (m.title)
      record(
        byTitleTimes,
        time(() => buildMeetingDigest(corpus, m.title ?? '', stats)),
      );
    record(
      summaryTimes,
      time(() => summarizeMeeting(m)),
    );
    record(
      oneLineTimes,
      time(() => meetingOneLine(m)),
    );
  }

  const table: BenchTable = {
    title: `Profiles and meeting digests (${REPORTS.toLocaleString('en')} generated reports, ${corpus.statements.length.toLocaleString('en')} statements)`,
    columns: [
      'operation',
      'runs',
      'p50 ms',
      'p95 ms',
      'max ms',
      'cpu p50 ms',
      'cpu p95 ms',
      `p95 < ${BAR_MS} ms`,
    ],
    rows: [
      row('who: profile by canonical name', whoTimes),
      row('who: profile by surname (fuzzy lookup)', surnameTimes),
      row('meeting: digest by id (autocomplete value)', byIdTimes),
      row('meeting: digest by title (fuzzy lookup)', byTitleTimes),
      row('summarizeMeeting alone', summaryTimes),
      row('meetingOneLine alone (per /ask result)', oneLineTimes),
    ],
    notes: [
      `Bar: a profile and a digest each under ${BAR_MS} ms (p95 wall clock; "cpu" is this process's CPU time, which stays honest on a busy machine). Load average at the end: ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} CPUs.`,
      `Corpus parse + build: ${loadMs.toFixed(0)} ms; buildProfileStats (once per corpus, kept on the context): ${statsMs.toFixed(0)} ms.`,
      `${profiles}/${corpus.speakers.length} people resolved to a profile by canonical name.`,
      `Summary sentences that are exact substrings of their report: ${verbatim}/${sentences}.`,
      `Peak RSS so far: ${peakRssMb().toFixed(0)} MB.`,
    ],
  };
  return [table];
}
