// Test helpers for the daily quote: fictional corpora built in memory, a fake clock, a fake poster.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Corpus, Meeting, Speaker, Statement, StatementKind } from '../../src/corpus/types.js';
import type { ReplyView } from '../../src/answers/view.js';
import type { ChannelPoster } from '../../src/daily/poster.js';
import type { SchedulerTimers } from '../../src/daily/scheduler.js';

export interface MeetingSpec {
  file: string;
  title: string | null;
  date: string | null;
  source?: string | null;
  statements: { speaker: string | null; text: string; kind?: StatementKind }[];
}

/** A corpus whose statements sit at real offsets in made-up report texts. */
export function buildTestCorpus(specs: MeetingSpec[], roles: Record<string, string> = {}): Corpus {
  const meetings: Meeting[] = [];
  const statements: Statement[] = [];
  const speakerNames = new Set<string>();
  for (const spec of specs) {
    let text = `## ${spec.title ?? 'Untitled'}\n\n`;
    const own: Statement[] = [];
    spec.statements.forEach((s, index) => {
      const lead = s.speaker ? `${s.speaker} said, “` : 'It was noted, “';
      const start = text.length + lead.length;
      text += `${lead}${s.text}”\n\n`;
      own.push({
        id: `${spec.file}#${index}`,
        meetingId: spec.file,
        speaker: s.speaker,
        kind: s.kind ?? 'quote',
        text: s.text,
        context: s.speaker ? `${s.speaker} said,` : null,
        paragraph: index + 2,
        start,
        end: start + s.text.length,
      });
      if (s.speaker) speakerNames.add(s.speaker);
    });
    const meeting: Meeting = {
      id: spec.file,
      file: spec.file,
      title: spec.title,
      date: spec.date,
      source: spec.source ?? null,
      speakers: [...new Set(own.map((s) => s.speaker).filter((s): s is string => s !== null))],
      present: [],
      statements: own,
      text,
    };
    meetings.push(meeting);
    statements.push(...own);
  }
  const speakers: Speaker[] = [...speakerNames].map((name) => ({
    name,
    aliases: [name.split(' ').slice(-1)[0] ?? name],
    role: roles[name] ?? null,
  }));
  return { meetings, speakers, statements, warnings: [] };
}

const CAST = [
  'Mayor Elena Varga',
  'Councillor Tom Okafor',
  'Treasurer Ines Halloran',
  'Planner Dmitri Sokol',
  'Clerk Amara Nwosu',
];
const TOPICS = ['bridge', 'library', 'tram line', 'harbour', 'school roof', 'market hall', 'park'];
const VERBS = ['repair', 'fund', 'review', 'open', 'extend', 'protect', 'rebuild'];

/**
 * A deterministic fictional corpus: `meetings` council meetings, one a week from 2019-01-07,
 * each with `perMeeting` distinct statements of readable length spread over the cast.
 */
export function generateCouncilCorpus(meetingCount: number, perMeeting: number): Corpus {
  const specs: MeetingSpec[] = [];
  let n = 0;
  for (let m = 0; m < meetingCount; m++) {
    const date = new Date(Date.UTC(2019, 0, 7 + 7 * m)).toISOString().slice(0, 10);
    const statements = [];
    for (let k = 0; k < perMeeting; k++, n++) {
      const speaker = CAST[(m + k) % CAST.length] ?? null;
      const topic = TOPICS[n % TOPICS.length];
      const verb = VERBS[(n * 3) % VERBS.length];
      statements.push({
        speaker,
        text: `We will ${verb} the ${topic} in ward ${n + 1} before the season ends, and the council keeps its word on this.`,
      });
    }
    specs.push({
      file: `${date}-council.txt`,
      title: `Council meeting ${m + 1}`,
      date,
      statements,
    });
  }
  return buildTestCorpus(specs);
}

/** A clock the tests move by hand; timers fire in order as time passes. */
export class FakeClock {
  private t: number;
  private nextId = 1;
  private pending = new Map<number, { at: number; fn: () => void }>();

  constructor(iso: string) {
    this.t = Date.parse(iso);
  }

  readonly now = (): Date => new Date(this.t);

  readonly timers: SchedulerTimers = {
    setTimeout: (fn, ms) => {
      const id = this.nextId++;
      this.pending.set(id, { at: this.t + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: (handle) => {
      this.pending.delete(handle as number);
    },
  };

  /** Backoff sleeps pass instantly but move the clock. */
  readonly sleep = async (ms: number): Promise<void> => {
    this.t += ms;
  };

  /** Moves to `iso`, firing due timers in order and waiting for `settle` after each. */
  async advanceTo(iso: string, settle: () => Promise<void>): Promise<void> {
    const target = Date.parse(iso);
    for (;;) {
      await settle();
      let first: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.pending) {
        if (entry[1].at <= target && (!first || entry[1].at < first[1].at)) first = entry;
      }
      if (!first) break;
      this.pending.delete(first[0]);
      this.t = Math.max(this.t, first[1].at);
      first[1].fn();
    }
    this.t = Math.max(this.t, target);
  }

  /** Jumps without firing anything (the bot was down). */
  jumpTo(iso: string): void {
    this.t = Date.parse(iso);
    this.pending.clear();
  }
}

export interface SentPost {
  channelId: string;
  view: ReplyView;
  at: string;
}

/** Records posts; `failures` are thrown, one per send, before sends succeed again. */
export class FakePoster implements ChannelPoster {
  readonly sent: SentPost[] = [];
  readonly attempts: string[] = [];
  failures: unknown[] = [];
  constructor(private readonly now: () => Date) {}
  async send(channelId: string, view: ReplyView): Promise<void> {
    this.attempts.push(this.now().toISOString());
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    this.sent.push({ channelId, view, at: this.now().toISOString() });
  }
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-daily-'));
}

export const silentLog = pino({ level: 'silent' });

export const BOUNDS = { minChars: 40, maxChars: 300 };

/** The quote text shown in a posted view (between the quotation marks). */
export function quotedText(view: ReplyView): string {
  const description = view.cards[0]?.description ?? '';
  return /“([^]*)”/.exec(description)?.[1] ?? '';
}
