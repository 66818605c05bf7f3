import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runQuote } from '../../src/cli/quote.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { makeTempDir } from '../daily/helpers.js';

const FIXTURES = 'test/fixtures/daily';
let dataDir: string;
let out: string;
let err: string;

beforeEach(() => {
  dataDir = path.join(makeTempDir(), 'data');
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv('QUOTE_MIN_CHARS', '60');
  vi.stubEnv('QUOTE_MAX_CHARS', '400');
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function quoteJson(args: string[]): Promise<Record<string, unknown>> {
  out = '';
  expect(await runQuote([...args, '--corpus', FIXTURES, '--json'])).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

describe('cli quote', () => {
  it('prints the contract: date, server, and the quote with speaker, text, meeting and source', async () => {
    const result = await quoteJson(['--date', '2027-04-02', '--server', '42']);
    expect(result).toEqual({
      date: '2027-04-02',
      server: '42',
      quote: {
        // 2 April: the harbour committee met on this day in 2019.
        speaker: expect.stringMatching(/^(Elena Varga|Tom Okafor)$/),
        text: expect.any(String),
        meeting: { title: 'Harbour Committee Meets Fishing Families', date: '2019-04-02' },
        source: {
          file: `${FIXTURES}/2019-04-02-harbour-committee.txt`,
          paragraph: expect.any(Number),
        },
      },
    });
    const quote = result.quote as { text: string; source: { file: string } };
    expect(fs.readFileSync(quote.source.file, 'utf8')).toContain(quote.text);
  });

  it('is deterministic for (server, date), and does not create a database', async () => {
    const a = await quoteJson(['--date', '2027-07-19', '--server', '42']);
    const b = await quoteJson(['--date', '2027-07-19', '--server', '42']);
    expect(b).toEqual(a);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("prints the bot's recorded quote for that server and date", async () => {
    const store = await openSqliteStore(dataDir);
    const id = `2020-09-15-budget-hearing.txt#1`;
    await store.savePick('42', '2027-04-02', id, new Date('2027-04-02T08:00:00Z'));
    store.close();
    const result = await quoteJson(['--date', '2027-04-02', '--server', '42']);
    expect((result.quote as { text: string }).text).toMatch(
      /^We will open the market hall on Sundays/,
    );
    // Another server still gets its own.
    const other = await quoteJson(['--date', '2027-04-02', '--server', '43']);
    expect((other.quote as { meeting: { date: string } }).meeting.date).toBe('2019-04-02');
    expect(fs.statSync(path.join(dataDir, DATABASE_FILE)).isFile()).toBe(true);
  });

  it('reads as text without --json', async () => {
    expect(await runQuote(['--date', '2027-04-02', '--corpus', FIXTURES])).toBe(0);
    expect(out).toMatch(/^Quote of the day for everyone on 2027-04-02 \(on this day in 2019\)\n/);
    expect(out).toMatch(/\n¶\d of 2019-04-02-harbour-committee\.txt\n/);
    expect(out).not.toContain('test/fixtures');
  });

  it('refuses a date that does not exist, and a corrupt database, with a clear message', async () => {
    expect(await runQuote(['--date', '2027-02-30', '--corpus', FIXTURES])).toBe(2);
    expect(err).toMatch(/--date must be a real date as YYYY-MM-DD/);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, DATABASE_FILE), 'not sqlite at all '.repeat(100));
    err = '';
    expect(await runQuote(['--server', '42', '--corpus', FIXTURES, '--json'])).toBe(1);
    expect(err).toMatch(/not a readable SQLite database/);
  });
});
