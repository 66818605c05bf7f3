import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { runMeeting, runMeetings, runWho } from '../../src/cli/profiles.js';

const SEED = 'seeds/2017-03-05-meeting-with-azerbaijan-president-ilham-aliyev.txt';

async function run(verb: (args: string[]) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  const code = await verb(args);
  vi.restoreAllMocks();
  return { code, stdout: out.join(''), stderr: err.join('') };
}

interface QuoteJson {
  speaker?: string | null;
  text: string;
  meeting: { title: string | null; date: string | null };
  source: { file: string; paragraph: number };
}

interface CliJson {
  query: string;
  speaker: {
    name: string;
    role: string | null;
    meetings: { title: string | null; date: string | null }[];
    statements: number;
    topics: string[];
    quotes: QuoteJson[];
  } | null;
  meeting: {
    summary: string[];
    quotes: QuoteJson[];
    date: string | null;
  } | null;
  candidates: string[];
}

async function json(verb: (args: string[]) => Promise<number>, args: string[]): Promise<CliJson> {
  const r = await run(verb, [...args, '--corpus', 'seeds', '--json']);
  expect(r.code).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout) as CliJson;
}

afterEach(() => vi.restoreAllMocks());

describe('cli who (seed bars)', () => {
  it('who khamenei → Leader of the Islamic Revolution, 1 meeting, 7 statements', async () => {
    const r = await json(runWho, ['khamenei']);
    expect(r.query).toBe('khamenei');
    expect(r.speaker).toMatchObject({
      name: 'Ali Khamenei',
      role: 'Leader of the Islamic Revolution',
      statements: 7,
    });
    expect(r.speaker?.meetings).toEqual([
      { title: 'Meeting with Azerbaijan President Ilham Aliyev', date: '2017-03-05' },
    ]);
    expect(r.speaker?.quotes).toHaveLength(3);
    const text = readFileSync(SEED, 'utf8');
    for (const q of r.speaker?.quotes ?? []) {
      expect(Object.keys(q).sort()).toEqual(['meeting', 'source', 'text']);
      expect(text).toContain(q.text);
      expect(q.source).toEqual({ file: SEED, paragraph: expect.any(Number) });
    }
    expect(r.speaker?.topics.length).toBeGreaterThan(0);
    expect(r.candidates).toEqual([]);
  });

  it('who aliev → Ilham Aliyev, President of the Republic of Azerbaijan, 5 statements', async () => {
    const r = await json(runWho, ['aliev']);
    expect(r.speaker).toMatchObject({
      name: 'Ilham Aliyev',
      role: 'President of the Republic of Azerbaijan',
      statements: 5,
    });
  });

  it('who rouhani → present, no statements', async () => {
    const r = await json(runWho, ['rouhani']);
    expect(r.speaker).toMatchObject({
      name: 'Hassan Rouhani',
      statements: 0,
      quotes: [],
      topics: [],
      silent: true,
    });
    expect(r.speaker?.meetings).toHaveLength(1);
    const text = await run(runWho, ['rouhani', '--corpus', 'seeds']);
    expect(text.stdout).toContain('Present at 1 meeting(s), with no statements of their own.');
  });

  it('finds "the leader" and "khamenie", and says "no speaker named" for someone absent', async () => {
    expect((await json(runWho, ['the', 'leader'])).speaker?.name).toBe('Ali Khamenei');
    expect((await json(runWho, ['khamenie'])).speaker?.name).toBe('Ali Khamenei');
    const putin = await json(runWho, ['putin']);
    expect(putin.speaker).toBeNull();
    expect(putin.candidates.length).toBeGreaterThan(0);
    const text = await run(runWho, ['putin', '--corpus', 'seeds']);
    expect(text.stdout).toMatch(/^No speaker named “putin” in the reports\. Closest: /u);
  });
});

describe('cli meeting / meetings', () => {
  it('meeting by date: title, participants, a verbatim summary, topics and a quote per speaker', async () => {
    const r = await json(runMeeting, ['2017-03-05']);
    const text = readFileSync(SEED, 'utf8');
    expect(r.meeting).toMatchObject({
      title: 'Meeting with Azerbaijan President Ilham Aliyev',
      date: '2017-03-05',
      speakers: ['Ali Khamenei', 'Ilham Aliyev'],
      present: ['Hassan Rouhani'],
    });
    expect(r.meeting?.summary.length).toBeGreaterThanOrEqual(3);
    expect(r.meeting?.summary.length).toBeLessThanOrEqual(5);
    for (const s of r.meeting?.summary ?? []) expect(text).toContain(s);
    expect(r.meeting?.summary[0]).toMatch(
      /^Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei has met with/u,
    );
    expect(r.meeting?.quotes.map((q) => q.speaker)).toEqual(['Ali Khamenei', 'Ilham Aliyev']);
  });

  it('meeting by participant and by title words; unknown meetings give null', async () => {
    expect((await json(runMeeting, ['aliyev'])).meeting?.date).toBe('2017-03-05');
    expect((await json(runMeeting, ['azerbaijan president'])).meeting?.date).toBe('2017-03-05');
    const none = await json(runMeeting, ['olympic', 'games']);
    expect(none.meeting).toBeNull();
  });

  it('meetings lists every meeting', async () => {
    const r = await run(runMeetings, ['--corpus', 'seeds', '--json']);
    const parsed = JSON.parse(r.stdout) as { meetings: { date: string; statements: number }[] };
    expect(parsed.meetings).toEqual([
      expect.objectContaining({ date: '2017-03-05', statements: 12 }),
    ]);
    const text = await run(runMeetings, ['--corpus', 'seeds']);
    expect(text.stdout).toContain(
      '2017-03-05 — Meeting with Azerbaijan President Ilham Aliyev (12 statements)',
    );
  });

  it('bad usage exits 2, an unreadable corpus exits 1 with a message', async () => {
    expect((await run(runWho, [])).code).toBe(2);
    expect((await run(runMeeting, ['--bogus', 'x'])).code).toBe(2);
    expect((await run(runMeetings, ['extra'])).code).toBe(2);
    const missing = await run(runWho, ['varga', '--corpus', 'test/fixtures/does-not-exist']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the corpus in test\/fixtures\/does-not-exist/u);
  });
});
