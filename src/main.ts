// `npm start`: load and index the reports, then run the Discord bot (DISCORD_TOKEN set) or the
// local console (no token) with the very same commands.
import { join } from 'node:path';
import dotenv from 'dotenv';
import type { Logger } from 'pino';
import { commands } from '../commands/index.js';
import { ConfigError, findFolderProblems, findUnknownSettings, parseConfig } from './config.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { CorpusLoader } from './live/loader.js';
import { buildCorpusState, scheduleProfileStats, startLiveCorpus } from './live/live-corpus.js';
import type { LiveCorpus } from './live/live-corpus.js';
import { openDailyStore } from './daily/store.js';
import { openStoreWhenReady } from './daily/opener.js';
import type { StoreOpener } from './daily/opener.js';
import type { DailyStore } from './daily/store.js';
import { startDailyScheduler } from './daily/scheduler.js';
import type { StopDailyScheduler } from './daily/scheduler.js';
import { startBot } from './discord/client.js';
import { createChannelPoster } from './discord/poster.js';
import { runConsole } from './console/run.js';
import { createLogger } from './log.js';
import { askQuestion } from './search/engine.js';

/** SIGINT/SIGTERM: replies in flight get this long, and the process exits within 5 s regardless. */
const SHUTDOWN_GRACE_MS = 3500;
const SHUTDOWN_DEADLINE_MS = 4800;

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  let config: Config | null = null;
  const problems: string[] = [];
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  // A missing corpus folder is a settings mistake, not a bot with nothing to say.
  problems.push(...findFolderProblems(process.env));
  if (!config || problems.length > 0) {
    process.stderr.write(
      `${new ConfigError(problems).message}\nSee .env.example for every setting.\n`,
    );
    return 1;
  }
  const consoleMode = config.discordToken === null;
  // The console keeps standard output for answers: logs go to standard error, and only warnings
  // unless LOG_LEVEL asks for more.
  const log = createLogger({
    level: consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel,
    secrets: [config.discordToken],
    destination: consoleMode ? process.stderr : process.stdout,
  });
  for (const hint of findUnknownSettings(process.env)) log.warn(hint);

  const ctx = await buildContext(config, log);
  if (!ctx) return 1;
  return consoleMode ? runConsoleMode(ctx) : runBotMode(ctx);
}

async function buildContext(config: Config, log: Logger): Promise<AppContext | null> {
  // Parsed reports are cached in DATA_DIR by content: a restart parses only new or changed files.
  const loader = new CorpusLoader({
    dir: config.corpusDir,
    cacheDir: config.dataDir,
    followOutsideLinks: config.followOutsideLinks,
    log,
  });
  let state;
  try {
    state = await buildCorpusState(loader);
  } catch (err) {
    log.fatal({ err, corpusDir: config.corpusDir }, 'could not load the reports');
    process.stderr.write(
      `Could not load the reports from CORPUS_DIR="${config.corpusDir}": ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return null;
  }
  const { corpus, index } = state;
  setImmediate(() => loader.saveCache());
  // The first question opens the paraphrase lexicon; do it now, not inside someone's 3 seconds.
  askQuestion(index, 'what was said about cooperation');
  log.info(
    {
      meetings: corpus.meetings.length,
      speakers: corpus.speakers.length,
      statements: corpus.statements.length,
      warnings: corpus.warnings.length,
      readFiles: state.read,
      fromCache: state.cached,
      loadMs: Math.round(state.loadMs),
      indexMs: Math.round(state.indexMs),
    },
    'reports loaded and indexed',
  );
  for (const warning of corpus.warnings.slice(0, 20)) log.warn(warning, 'report warning');
  if (corpus.meetings.length === 0) {
    log.warn(
      { corpusDir: config.corpusDir },
      config.corpusWatch
        ? 'CORPUS_DIR holds no reports yet: add .txt or .md files to it (they are picked up as they arrive)'
        : 'CORPUS_DIR holds no reports yet: add .txt or .md files to it and restart',
    );
  }
  const ctx: AppContext = {
    corpus,
    index,
    config,
    log,
    store: null,
    now: () => new Date(),
    sessions: new Map(),
  };
  // /who and /meeting statistics: built just after startup, not before the first answer.
  scheduleProfileStats(ctx, 0);
  if (config.corpusWatch) {
    live = startLiveCorpus({ ctx, loader, log, watch: true });
    ctx.onCorpusChange = live.subscribe;
  }
  openStore(ctx);
  return ctx;
}

/** The watcher on CORPUS_DIR (CORPUS_WATCH), closed at shutdown. */
let live: LiveCorpus | null = null;

/** Called with the daily-quote database once it opens (at startup, or later after a retry). */
const storeListeners: ((store: DailyStore) => void)[] = [];
let storeOpener: StoreOpener | null = null;

/**
 * The daily-quote database; without it everything but /daily still works, and a database that
 * cannot be opened yet (locked by another program) is tried again until it opens.
 */
function openStore(ctx: AppContext): void {
  storeOpener = openStoreWhenReady({
    // The first try may wait for a lock as usual; a retry must not block the bot for long.
    open: (attempt) =>
      openDailyStore(ctx.config.dataDir, attempt === 1 ? {} : { openBusyTimeoutMs: 200 }),
    onOpen: (store) => {
      ctx.store = store;
      for (const listener of storeListeners) listener(store);
    },
    log: ctx.log.child({ dataDir: ctx.config.dataDir }),
    now: ctx.now,
  });
  ctx.storeWaiting = storeOpener.waiting;
}

function closeStore(ctx: AppContext): void {
  void live?.close();
  storeOpener?.stop();
  ctx.store?.close();
}

async function runConsoleMode(ctx: AppContext): Promise<number> {
  try {
    return await runConsole(ctx, commands, {
      input: process.stdin,
      output: process.stdout,
      historyFile: join(ctx.config.dataDir, 'console-history'),
    });
  } finally {
    closeStore(ctx);
  }
}

async function runBotMode(ctx: AppContext): Promise<number> {
  let bot;
  try {
    bot = await startBot({ ctx, commands });
  } catch (err) {
    ctx.log.fatal({ err }, 'could not start the bot');
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    closeStore(ctx);
    return 1;
  }
  // A stray rejection inside a library must not take the bot down for everyone.
  process.on('unhandledRejection', (err) => ctx.log.error({ err }, 'unhandled rejection'));
  const scheduler: { stop: StopDailyScheduler | null } = { stop: null };
  const startScheduler = (store: DailyStore): void => {
    scheduler.stop = startDailyScheduler({
      store,
      // A getter: the eligible statements follow each swap of the live corpus.
      corpus: () => ctx.corpus,
      poster: createChannelPoster(bot.client),
      now: ctx.now,
      log: ctx.log,
      bounds: { minChars: ctx.config.quoteMinChars, maxChars: ctx.config.quoteMaxChars },
    });
  };
  // The database may open only later (it was locked): the posts start then.
  if (ctx.store) startScheduler(ctx.store);
  else storeListeners.push(startScheduler);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string): void => {
      ctx.log.info({ signal }, 'shutting down: finishing replies in flight');
      setTimeout(() => {
        ctx.log.warn('shutdown took too long; exiting');
        process.exit(0);
      }, SHUTDOWN_DEADLINE_MS).unref();
      resolve();
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  storeOpener?.stop();
  await Promise.allSettled([bot.stop(SHUTDOWN_GRACE_MS), scheduler.stop?.()]);
  closeStore(ctx);
  ctx.log.info('stopped');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Timers of libraries (pino, undici keep-alive) must not keep a finished process alive.
    if (code !== 0 || process.stdin.isTTY !== true)
      setTimeout(() => process.exit(code), 200).unref();
  },
  (err: unknown) => {
    process.stderr.write(
      `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
