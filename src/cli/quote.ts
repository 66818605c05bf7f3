// CLI verb `quote [--date YYYY-MM-DD] [--server ID] [--corpus DIR] [--json]`: the quote of the day
// a server gets on a date — the bot's own choice, reading (never writing) its database if present
// (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL, which is brought to the current schema first).
import fs from 'node:fs';
import { formatPlainCitation, meetingTitle, plainText } from '../answers/format.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../config.js';
import { loadCorpus } from '../corpus/load.js';
import { spokenText } from '../corpus/text.js';
import type { Corpus } from '../corpus/types.js';
import { formatLongDate } from '../answers/quote-view.js';
import type { QuotePick } from '../daily/pick.js';
import { DATABASE_FILE, openSqliteStore } from '../store/sqlite.js';
import { openPostgresStore } from '../store/postgres.js';
import { StoreError } from '../store/types.js';
import type { Store } from '../store/types.js';
import { isValidDate } from '../daily/time.js';
import { NO_SERVER, findServerDate, resolveQuoteOfTheDay } from '../daily/today.js';

const USAGE =
  'usage: npm run --silent cli -- quote [--date YYYY-MM-DD] [--server ID] [--corpus DIR] [--json]\n';

interface QuoteJson {
  date: string;
  server: string | null;
  quote: {
    speaker: string | null;
    text: string;
    meeting: { title: string | null; date: string | null };
    source: { file: string; paragraph: number; time?: string };
  } | null;
}

export async function runQuote(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        date: { type: 'string' },
        server: { type: 'string' },
        corpus: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.date !== undefined && !isValidDate(values.date)) {
    process.stderr.write(
      `--date must be a real date as YYYY-MM-DD (got "${values.date}").\n${USAGE}`,
    );
    return 2;
  }
  const server = values.server?.trim() || null;

  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const corpusDir = values.corpus ?? config.corpusDir;
  const corpus = await loadCorpus(corpusDir, { followOutsideLinks: config.followOutsideLinks });
  if (corpus.meetings.length === 0 && corpus.warnings.length > 0) {
    for (const w of corpus.warnings) process.stderr.write(`${w.file}:${w.line}: ${w.message}\n`);
    process.stderr.write(`No reports could be read from ${corpusDir}.\n`);
    return 1;
  }

  let store: Store | null = null;
  const hasDatabase =
    config.databaseUrl !== null || fs.existsSync(path.join(config.dataDir, DATABASE_FILE));
  if (server !== null && hasDatabase) {
    try {
      store = config.databaseUrl
        ? await openPostgresStore(config.databaseUrl, { poolSize: 1 })
        : await openSqliteStore(config.dataDir, { readonly: true });
    } catch (err) {
      if (err instanceof StoreError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  }
  try {
    const key = server ?? NO_SERVER;
    const date = values.date ?? (await findServerDate(store, key, new Date()));
    const pick = await resolveQuoteOfTheDay({
      corpus,
      store,
      bounds: { minChars: config.quoteMinChars, maxChars: config.quoteMaxChars },
      guildId: key,
      localDate: date,
      now: new Date(),
      record: false,
    });
    const result = toJson(date, server, pick);
    process.stdout.write(
      values.json ? `${JSON.stringify(result)}\n` : formatText(result, corpus, pick),
    );
    return 0;
  } finally {
    await store?.close();
  }
}

function toJson(date: string, server: string | null, pick: QuotePick | null): QuoteJson {
  return {
    date,
    server,
    quote: pick && {
      speaker: pick.statement.speaker,
      text: spokenText(pick.statement),
      meeting: { title: pick.meeting.title, date: pick.meeting.date },
      source: {
        file: pick.meeting.file,
        paragraph: pick.statement.paragraph,
        ...(pick.statement.time ? { time: pick.statement.time } : {}),
      },
    },
  };
}

function formatText(result: QuoteJson, corpus: Corpus, pick: QuotePick | null): string {
  const heading = `Quote of the day for ${result.server === null ? 'everyone' : `server ${result.server}`} on ${result.date}`;
  if (!pick) {
    return `${heading}\nNo statement in the reports fits the quote length settings (QUOTE_MIN_CHARS/QUOTE_MAX_CHARS).\n`;
  }
  const role = corpus.speakers.find((s) => s.name === pick.statement.speaker)?.role;
  const meeting = plainText(meetingTitle(pick.meeting));
  const lines = [
    heading + (pick.onThisDay ? ` (on this day in ${pick.meeting.date?.slice(0, 4)})` : ''),
    '',
    `  “${plainText(spokenText(pick.statement).replace(/\s+/g, ' ').trim())}”`,
    `  — ${plainText(pick.statement.speaker ?? 'unattributed')}${role ? `, ${plainText(role)}` : ''}`,
    '',
    `${meeting}${pick.meeting.date ? ` (${formatLongDate(pick.meeting.date)})` : ''}`,
    formatPlainCitation(pick.statement, pick.meeting),
  ];
  return `${lines.join('\n')}\n`;
}
