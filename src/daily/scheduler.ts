// The daily post loop: wakes at each server's time (croner, IANA zones, DST-correct), claims the
// (server, local date) post in the database before sending, and catches up once the same day.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Corpus } from '../corpus/types.js';
import { buildQuoteView } from '../answers/quote-view.js';
import { listEligibleStatements } from './pick.js';
import type { EligibleStatement, QuoteBounds } from './pick.js';
import { isTransientFailure, sendWithRetry } from './poster.js';
import type { ChannelPoster, PostFailure } from './poster.js';
import type { Store, Subscription } from '../store/types.js';
import {
  createDateFormatter,
  findNextOccurrence,
  findOccurrenceOn,
  formatLocalDate,
} from './time.js';
import { resolveQuoteOfTheDay } from './today.js';

export type DailyLog = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DailySchedulerOptions {
  store: Store;
  /** The corpus, or a getter when the corpus can be reloaded while running. */
  corpus: Corpus | (() => Corpus);
  poster: ChannelPoster;
  now: () => Date;
  log: DailyLog;
  bounds: QuoteBounds;
  /** Names this process in post claims (default host:pid:random). */
  owner?: string;
  /** Timers and sleep; tests pass a fake clock's. */
  timers?: SchedulerTimers;
  sleep?: (ms: number) => Promise<void>;
  /** Longest sleep between checks, so changes made elsewhere are seen (default 60 s). */
  pollMs?: number;
  /** With several shards, each posts only for its own servers (optional: claims already prevent doubles). */
  ownsGuild?: (guildId: string) => boolean;
  /** Failed days in a row before a subscription pauses (default 3). */
  pauseAfter?: number;
  /** Tries per send, with exponential backoff from `retryBaseMs` (defaults 4 and 2 s). */
  sendAttempts?: number;
  retryBaseMs?: number;
  /** A day whose sends kept failing transiently is tried again later, up to this many rounds (3). */
  dayAttempts?: number;
  /** Posts in flight at once (default 4). */
  concurrency?: number;
  /** Eligible statements of a corpus; the scheduler keeps them while the corpus is unchanged. */
  listEligible?: (corpus: Corpus) => readonly EligibleStatement[];
}

export type PostOutcome =
  | { guildId: string; localDate: string; result: 'posted'; statementId: string }
  | { guildId: string; localDate: string; result: 'failed'; failure: PostFailure; paused: boolean }
  | {
      guildId: string;
      localDate: string;
      result: 'deferred';
      failure: PostFailure;
      retryAt: string;
    }
  | { guildId: string; localDate: string; result: 'no-quote' };

const RETRY_ROUND_MS = 10 * 60_000;

function readCorpus(options: DailySchedulerOptions): Corpus {
  return typeof options.corpus === 'function' ? options.corpus() : options.corpus;
}

/** Servers share zones and times: one pass computes each (zone, time, date) once. */
interface PassCache {
  formatters: Map<string, Intl.DateTimeFormat>;
  occurrences: Map<string, Date | null>;
}

function findLocalDate(cache: PassCache, zone: string, now: Date): string {
  let formatter = cache.formatters.get(zone);
  if (!formatter) {
    formatter = createDateFormatter(zone);
    cache.formatters.set(zone, formatter);
  }
  return formatLocalDate(now, formatter);
}

/** The scheduled instant today (server-local) when it is due now, else null. */
function findDueInstant(
  cache: PassCache,
  sub: Subscription,
  localDate: string,
  now: Date,
): Date | null {
  const key = `${sub.time}|${sub.timezone}|${localDate}`;
  let at = cache.occurrences.get(key);
  if (at === undefined) {
    const formatter = cache.formatters.get(sub.timezone);
    at = findOccurrenceOn(sub.time, sub.timezone, localDate, now, formatter);
    cache.occurrences.set(key, at);
  }
  if (!at || at > now) return null;
  // A time already gone when the subscription was set is not "missed": the first post is the next one.
  if (at < new Date(sub.activeFrom)) return null;
  return at;
}

async function postForServer(
  options: DailySchedulerOptions,
  owner: string,
  sub: Subscription,
  now: Date,
  cache: PassCache,
): Promise<PostOutcome | null> {
  const { store, log } = options;
  const localDate = findLocalDate(cache, sub.timezone, now);
  const existing = await store.getPost(sub.guildId, localDate);
  if (existing && !(existing.status === 'retry' && (existing.retryAt ?? '') <= now.toISOString())) {
    return null;
  }
  if (!findDueInstant(cache, sub, localDate, now)) return null;

  const corpus = readCorpus(options);
  const pick = await resolveQuoteOfTheDay({
    corpus,
    store,
    bounds: options.bounds,
    guildId: sub.guildId,
    localDate,
    now,
    record: true,
    ...(options.listEligible ? { eligible: options.listEligible(corpus) } : {}),
  });
  const claim = {
    guildId: sub.guildId,
    localDate,
    channelId: sub.channelId,
    statementId: pick?.statement.id ?? '',
    owner,
    now,
  };
  if (!(await store.claimPost(claim))) return null;
  const base = { guildId: sub.guildId, localDate };
  if (!pick) {
    const failure: PostFailure = {
      kind: 'rejected',
      status: null,
      code: null,
      retryAfterMs: null,
      message:
        'No statement in the reports fits the quote length settings (QUOTE_MIN_CHARS/QUOTE_MAX_CHARS).',
    };
    await store.failPost(sub.guildId, localDate, failure, {
      now,
      counts: false,
      pauseAfter: Infinity,
    });
    log.warn({ guildId: sub.guildId, localDate }, 'daily quote: no eligible statement');
    return { ...base, result: 'no-quote' };
  }

  const view = buildQuoteView(corpus, pick, {
    heading: { kind: 'daily', date: localDate },
    ephemeral: false,
  });
  const sent = await sendWithRetry(options.poster, sub.channelId, view, {
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    attempts: options.sendAttempts ?? 4,
    baseDelayMs: options.retryBaseMs ?? 2000,
    onRetry: (failure, delayMs, attempt) =>
      log.warn(
        {
          guildId: sub.guildId,
          channelId: sub.channelId,
          status: failure.status,
          delayMs,
          attempt,
        },
        'daily quote: send failed, retrying',
      ),
  });
  const after = options.now();
  if (sent.ok) {
    await store.completePost(sub.guildId, localDate, after);
    log.info(
      { guildId: sub.guildId, channelId: sub.channelId, localDate, statementId: pick.statement.id },
      'daily quote posted',
    );
    return { ...base, result: 'posted', statementId: pick.statement.id };
  }

  const { failure } = sent;
  const post = await store.getPost(sub.guildId, localDate);
  const rounds = post?.attempts ?? 1;
  if (isTransientFailure(failure) && rounds < (options.dayAttempts ?? 3)) {
    const retryAt = new Date(after.getTime() + RETRY_ROUND_MS * 2 ** (rounds - 1));
    await store.deferPost(sub.guildId, localDate, failure.message, retryAt, after);
    log.warn(
      { guildId: sub.guildId, channelId: sub.channelId, status: failure.status, retryAt },
      'daily quote: Discord unavailable, will try again later today',
    );
    return { ...base, result: 'deferred', failure, retryAt: retryAt.toISOString() };
  }
  // Rate limits and outages are Discord's trouble, not the server's: they never pause a subscription.
  const { paused, failuresInRow } = await store.failPost(sub.guildId, localDate, failure, {
    now: after,
    counts: !isTransientFailure(failure),
    pauseAfter: options.pauseAfter ?? 3,
  });
  log.warn(
    {
      guildId: sub.guildId,
      channelId: sub.channelId,
      status: failure.status,
      code: failure.code,
      failuresInRow,
      paused,
    },
    paused ? 'daily quote failed; subscription paused' : 'daily quote failed',
  );
  return { ...base, result: 'failed', failure, paused };
}

/** One pass: posts every quote that is due and not yet claimed. Never throws for one server's trouble. */
export async function runDuePosts(
  options: DailySchedulerOptions & { owner: string },
): Promise<PostOutcome[]> {
  const now = options.now();
  const subs = (await options.store.listActiveSubscriptions()).filter(
    (s) => !options.ownsGuild || options.ownsGuild(s.guildId),
  );
  const outcomes: PostOutcome[] = [];
  const cache: PassCache = { formatters: new Map(), occurrences: new Map() };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < subs.length) {
      const sub = subs[next++];
      if (!sub) break;
      try {
        const outcome = await postForServer(options, options.owner, sub, now, cache);
        if (outcome) outcomes.push(outcome);
      } catch (err) {
        options.log.error({ err, guildId: sub.guildId }, 'daily quote: unexpected error');
      }
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 4, subs.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  return outcomes;
}

/** Milliseconds until the next scheduled time of any active subscription, at most `pollMs`. */
export async function computeNextWake(store: Store, now: Date, pollMs: number): Promise<number> {
  let earliest = now.getTime() + pollMs;
  const seen = new Set<string>();
  for (const sub of await store.listActiveSubscriptions()) {
    const key = `${sub.time}|${sub.timezone}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      earliest = Math.min(earliest, findNextOccurrence(sub.time, sub.timezone, now).getTime());
    } catch {
      // A zone this runtime no longer knows: that server is reported by the pass itself.
    }
  }
  return Math.max(0, earliest - now.getTime());
}

/** Stops the scheduler (resolves once a pass in flight has finished). */
export interface StopDailyScheduler {
  (): Promise<void>;
  /** Resolves when no pass is running (tests use it after moving a fake clock). */
  idle(): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Starts posting quotes of the day. Runs a pass at once (catching up a post missed earlier the
 * same local day), then sleeps until the next scheduled time (or `pollMs`), and so on.
 */
export function startDailyScheduler(options: DailySchedulerOptions): StopDailyScheduler {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 60_000;
  const timers: SchedulerTimers = options.timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let stopped = false;
  let handle: unknown = null;
  let kept: { corpus: Corpus; eligible: readonly EligibleStatement[] } | null = null;
  const listEligible = (corpus: Corpus): readonly EligibleStatement[] => {
    if (kept?.corpus !== corpus)
      kept = { corpus, eligible: listEligibleStatements(corpus, options.bounds) };
    return kept.eligible;
  };

  const pass = async (): Promise<void> => {
    try {
      await runDuePosts({ listEligible, ...options, owner });
    } catch (err) {
      options.log.error({ err }, 'daily quote: pass failed');
    }
    if (stopped) return;
    let delay = pollMs;
    try {
      delay = await computeNextWake(options.store, options.now(), pollMs);
    } catch (err) {
      options.log.error({ err }, 'daily quote: cannot compute next wake-up');
    }
    handle = timers.setTimeout(
      () => {
        handle = null;
        running = pass();
      },
      Math.min(MAX_TIMER_MS, delay),
    );
  };
  options.log.info({ owner, pollMs }, 'daily quote scheduler started');
  let running: Promise<void> = pass();

  const stop = (async () => {
    stopped = true;
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    await running;
  }) as StopDailyScheduler;
  stop.idle = async () => {
    let seen: Promise<void>;
    do {
      seen = running;
      await seen;
    } while (seen !== running);
  };
  return stop;
}
