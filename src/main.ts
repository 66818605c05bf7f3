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
import { openStore as openSharedStore } from './store/open.js';
import { describeDatabaseUrl } from './store/postgres.js';
import { openStoreWhenReady } from './daily/opener.js';
import type { StoreOpener } from './daily/opener.js';
import type { Store } from './store/types.js';
import { startDailyScheduler } from './daily/scheduler.js';
import type { StopDailyScheduler } from './daily/scheduler.js';
import { startBot } from './discord/client.js';
import { createDirectMessenger } from './discord/direct-messenger.js';
import { startNewMeetingsWatch } from './alerts/notify.js';
import { createChannelPoster } from './discord/poster.js';
import { runConsole } from './console/run.js';
import { createLogger } from './log.js';
import { askQuestion } from './search/engine.js';
import { sendText, startHttpServer } from './http/server.js';
import type { HttpServer, RouteHandler } from './http/server.js';
import { webRoutes } from './web/routes.js';
import { linkQuotePosts } from './web/links.js';
import { INTERACTIONS_PATH, createInteractionsEndpoint } from './discord/interactions.js';
import { healthHandlers } from './ops/health.js';
import type { Readiness } from './ops/health.js';
import { instrumentClient } from './discord/metrics.js';
import {
  countStoreErrors,
  instrumentCommands,
  recordCorpus,
  recordCorpusReload,
} from './ops/metrics.js';

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
    secrets: [config.discordToken, config.databaseUrl],
    destination: consoleMode ? process.stderr : process.stdout,
  });
  for (const hint of findUnknownSettings(process.env)) log.warn(hint);

  // The HTTP port opens before the reports load: /healthz answers at once, /readyz once loaded.
  const opsPort = consoleMode ? null : (config.interactionsPort ?? config.healthPort);
  const ops = opsPort === null ? null : await openOps(opsPort, log);
  if (ops === 'failed') return 1;
  const ctx = await buildContext(config, log);
  if (!ctx) {
    await ops?.server.close(0);
    return 1;
  }
  if (ops) ops.state.ctx = ctx;
  const web = await startWebView(ctx, ops, opsPort);
  if (web === 'failed') {
    await ops?.server.close(0);
    await closeStore(ctx);
    return 1;
  }
  try {
    if (consoleMode) return await runConsoleMode(ctx);
    return await (config.interactionsPort !== null
      ? runHttpMode(ctx, ops as Ops)
      : runBotMode(ctx, ops));
  } finally {
    await web?.close(1000);
  }
}

/**
 * The read-only web view (none when WEB_PORT is unset). On the port of the interactions endpoint
 * (or HEALTH_PORT) it joins that server; on a port of its own it gets its own server. Returns the
 * server to close, null when there is none of its own, 'failed' when the port cannot be used.
 */
async function startWebView(
  ctx: AppContext,
  ops: Ops | null,
  opsPort: number | null,
): Promise<HttpServer | null | 'failed'> {
  const port = ctx.config.webPort;
  if (port === null) return null;
  // Read through a function: the live corpus swaps ctx.corpus and ctx.index while it runs.
  const handlers = webRoutes(() => ctx);
  if (ops && port === opsPort) {
    ops.routes.push(...handlers);
    ctx.log.info({ port, publicUrl: ctx.config.publicUrl }, 'web view shares the HTTP server');
    return null;
  }
  try {
    const server = await startHttpServer({ port, handlers, log: ctx.log });
    ctx.log.info({ port: server.port, publicUrl: ctx.config.publicUrl }, 'web view listening');
    return server;
  } catch (err) {
    ctx.log.fatal({ err, port }, 'could not start the web view');
    process.stderr.write(
      `Could not serve the web view on WEB_PORT=${port}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 'failed';
  }
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
  // Written a slice at a time (megabytes at thousands of records): questions are answered meanwhile.
  setImmediate(() => void loader.saveCacheInSlices());
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
  recordCorpus(corpus);
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
    // /metrics: each swap is a reload, and the corpus size follows it.
    live.subscribe((change) => recordCorpusReload({ ok: true, corpus: change.after }));
  }
  await openStore(ctx);
  return ctx;
}

/** The watcher on CORPUS_DIR (CORPUS_WATCH), closed at shutdown. */
let live: LiveCorpus | null = null;

/** Called with the daily-quote database once it opens (at startup, or later after a retry). */
const storeListeners: ((store: Store) => void)[] = [];
let storeOpener: StoreOpener | null = null;

/**
 * The store (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL); without it everything but
 * /daily still works (cooldowns and buttons then live in this process only), and a database that
 * cannot be opened yet (locked, or its server not up) is tried again until it opens.
 */
async function openStore(ctx: AppContext): Promise<void> {
  const { dataDir, databaseUrl } = ctx.config;
  const storeLog = ctx.log.child(
    databaseUrl ? { database: describeDatabaseUrl(databaseUrl) } : { dataDir },
  );
  storeOpener = openStoreWhenReady({
    // The first try may wait for a lock as usual; a retry must not block the bot for long.
    open: (attempt) =>
      openSharedStore(
        { dataDir, databaseUrl },
        {
          sqlite: attempt === 1 ? {} : { openBusyTimeoutMs: 200 },
          postgres: { onError: (err) => storeLog.warn({ err }, 'database connection lost') },
        },
      ),
    onOpen: (opened) => {
      // Failed calls are counted for /metrics; the store behaves the same otherwise.
      const store = countStoreErrors(opened);
      ctx.store = store;
      for (const listener of storeListeners) listener(store);
    },
    log: storeLog,
    now: ctx.now,
  });
  ctx.storeWaiting = storeOpener.waiting;
  await storeOpener.firstAttempt;
}

async function closeStore(ctx: AppContext): Promise<void> {
  await live?.close();
  storeOpener?.stop();
  await ctx.store
    ?.close()
    .catch((err: unknown) => ctx.log.warn({ err }, 'could not close the store'));
}

async function runConsoleMode(ctx: AppContext): Promise<number> {
  try {
    return await runConsole(ctx, commands, {
      input: process.stdin,
      output: process.stdout,
      historyFile: join(ctx.config.dataDir, 'console-history'),
    });
  } finally {
    await closeStore(ctx);
  }
}

/** The process's HTTP server (INTERACTIONS_PORT, else HEALTH_PORT) and what its routes see. */
interface Ops {
  server: HttpServer;
  /** Routes added once the bot runs (the interactions endpoint); tried before health and metrics. */
  routes: RouteHandler[];
  state: { ctx: AppContext | null; stopping: boolean };
}

/** Opens the port with /healthz, /readyz and /metrics; /interactions answers 503 until served. */
async function openOps(port: number, log: Logger): Promise<Ops | 'failed'> {
  const routes: RouteHandler[] = [];
  const state: Ops['state'] = { ctx: null, stopping: false };
  const readiness: Readiness = {
    corpusLoaded: () => state.ctx !== null,
    storeReachable: async () => {
      const store = state.ctx?.store;
      if (!store) return false;
      await store.getSubscription('0');
      return true;
    },
    stopping: () => state.stopping,
  };
  const handlers: RouteHandler[] = [
    async (req, res, url) => {
      for (const route of routes) if (await route(req, res, url)) return true;
      return false;
    },
    healthHandlers(readiness),
    (_req, res, url) => {
      if (url.pathname !== INTERACTIONS_PATH) return false;
      res.setHeader('retry-after', '1');
      sendText(res, 503, 'Starting');
      return true;
    },
  ];
  try {
    const server = await startHttpServer({ port, handlers, log });
    log.info({ port: server.port }, 'HTTP server listening');
    return { server, routes, state };
  } catch (err) {
    log.fatal({ err, port }, 'could not open the HTTP port');
    process.stderr.write(
      `Could not listen on port ${port}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 'failed';
  }
}

/** Resolves at SIGINT/SIGTERM, and makes sure the process is gone within 5 s from then. */
function waitForStopSignal(ctx: AppContext): Promise<void> {
  return new Promise<void>((resolve) => {
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
}

/** The daily post gets its "Open in report" link like any other cited quote (PUBLIC_URL). */
function linkPosts(
  ctx: AppContext,
  poster: ReturnType<typeof createChannelPoster>,
): ReturnType<typeof createChannelPoster> {
  return linkQuotePosts(poster, () => ({ corpus: ctx.corpus, publicUrl: ctx.config.publicUrl }));
}

/**
 * New meetings: those added while the bot was down are announced (and alerted) once the database
 * is open, then each swap of a live corpus (`ctx.onCorpusChange`) triggers a pass. Every replica
 * runs it: claims in the store make each card and each direct message go out once.
 */
function startNewMeetings(
  ctx: AppContext,
  client: Parameters<typeof createChannelPoster>[0],
): { stop(): Promise<void> } {
  return startNewMeetingsWatch(
    { ctx, poster: createChannelPoster(client), messenger: createDirectMessenger(client) },
    (opened) => storeListeners.push(opened),
  );
}

function startSchedulerWhenStoreOpens(
  ctx: AppContext,
  poster: ReturnType<typeof createChannelPoster>,
): { stop: StopDailyScheduler | null } {
  const scheduler: { stop: StopDailyScheduler | null } = { stop: null };
  const startScheduler = (store: Store): void => {
    scheduler.stop = startDailyScheduler({
      store,
      // A getter: the eligible statements follow each swap of the live corpus.
      corpus: () => ctx.corpus,
      poster,
      now: ctx.now,
      log: ctx.log,
      bounds: { minChars: ctx.config.quoteMinChars, maxChars: ctx.config.quoteMaxChars },
    });
  };
  // The database may open only later (it was locked): the posts start then.
  if (ctx.store) startScheduler(ctx.store);
  else storeListeners.push(startScheduler);
  return scheduler;
}

/**
 * HTTP interactions mode: no gateway connection. Discord POSTs interactions to INTERACTIONS_PORT;
 * health and metrics share the port. Every replica runs the scheduler: post claims in the
 * shared store make each daily post go out once.
 */
async function runHttpMode(ctx: AppContext, ops: Ops): Promise<number> {
  const endpoint = createInteractionsEndpoint({
    ctx,
    commands: instrumentCommands(commands),
    publicKey: ctx.config.discordPublicKey ?? '',
  });
  ops.routes.push(endpoint.handler);
  process.on('unhandledRejection', (err) => ctx.log.error({ err }, 'unhandled rejection'));
  ctx.log.info({ port: ops.server.port }, 'serving HTTP interactions');
  const scheduler = startSchedulerWhenStoreOpens(
    ctx,
    linkPosts(ctx, createChannelPoster(endpoint.client)),
  );
  const newMeetings = startNewMeetings(ctx, endpoint.client);

  await waitForStopSignal(ctx);
  ops.state.stopping = true;
  storeOpener?.stop();
  // New interactions get 503 (a proxy sends them to another replica); those in flight finish.
  await Promise.allSettled([
    endpoint.stop(SHUTDOWN_GRACE_MS),
    ops.server.close(SHUTDOWN_GRACE_MS),
    scheduler.stop?.(),
    newMeetings.stop(),
  ]);
  await closeStore(ctx);
  ctx.log.info('stopped');
  return 0;
}

async function runBotMode(ctx: AppContext, ops: Ops | null): Promise<number> {
  let bot;
  try {
    bot = await startBot({ ctx, commands: instrumentCommands(commands) });
  } catch (err) {
    ctx.log.fatal({ err }, 'could not start the bot');
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    await ops?.server.close(0);
    await closeStore(ctx);
    return 1;
  }
  instrumentClient(bot.client);
  // A stray rejection inside a library must not take the bot down for everyone.
  process.on('unhandledRejection', (err) => ctx.log.error({ err }, 'unhandled rejection'));
  const scheduler = startSchedulerWhenStoreOpens(
    ctx,
    linkPosts(ctx, createChannelPoster(bot.client)),
  );
  const newMeetings = startNewMeetings(ctx, bot.client);

  await waitForStopSignal(ctx);
  if (ops) ops.state.stopping = true;
  storeOpener?.stop();
  await Promise.allSettled([
    bot.stop(SHUTDOWN_GRACE_MS),
    scheduler.stop?.(),
    newMeetings.stop(),
    ops?.server.close(SHUTDOWN_GRACE_MS),
  ]);
  await closeStore(ctx);
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
