// Opening the store without giving up: a database locked by another program, a folder whose
// permissions the owner is still fixing, or a PostgreSQL server not up yet is tried again with
// backoff, and /daily comes back by itself once it opens. Until then /daily status says it waits.
import type { Store } from '../store/types.js';
import type { DailyLog, SchedulerTimers } from './scheduler.js';

export interface StoreWaiting {
  /** Why it is not open, in words for a server manager (no paths: the log has the details). */
  reason: string;
  /** Tries so far. */
  attempts: number;
  nextAttemptAt: Date;
}

export interface StoreOpener {
  /** Null once the database is open (or the opener stopped); else why and until when. */
  waiting(): StoreWaiting | null;
  /** Settles once the first try has (opened, or failed and scheduled the next). */
  firstAttempt: Promise<void>;
  stop(): void;
}

export interface StoreOpenerOptions {
  /** Opens the database; `attempt` counts from 1 (a retry may use a shorter lock wait). */
  open(attempt: number): Promise<Store>;
  /** Called once, with the open database. */
  onOpen(store: Store): void;
  log: DailyLog;
  now: () => Date;
  timers?: SchedulerTimers;
  /** Wait before the second try, doubled after each failure up to `maxDelayMs` (5 s, 5 min). */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

const realTimers: SchedulerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Tries to open the database now, and again later until it opens. */
export function openStoreWhenReady(options: StoreOpenerOptions): StoreOpener {
  const timers = options.timers ?? realTimers;
  const maxDelayMs = options.maxDelayMs ?? 300_000;
  let delayMs = options.firstDelayMs ?? 5000;
  let attempts = 0;
  let waiting: StoreWaiting | null = null;
  let timer: unknown = null;
  let stopped = false;
  let lastMessage = '';

  const attempt = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    attempts++;
    let store: Store;
    try {
      store = await options.open(attempts);
    } catch (err) {
      if (stopped) return;
      const message = err instanceof Error ? err.message : String(err);
      const nextAttemptAt = new Date(options.now().getTime() + delayMs);
      waiting = { reason: describeReason(message), attempts, nextAttemptAt };
      // Said once per distinct problem: a lock held for an hour is not 20 error lines.
      if (message !== lastMessage)
        options.log.error(
          { err, attempts, retryInMs: delayMs },
          'could not open the daily-quote database; /daily is off until it opens (trying again by itself)',
        );
      else options.log.debug({ attempts, retryInMs: delayMs }, 'daily-quote database still closed');
      lastMessage = message;
      timer = timers.setTimeout(() => void attempt(), delayMs);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
      return;
    }
    if (stopped) {
      await store.close().catch(() => undefined);
      return;
    }
    waiting = null;
    if (attempts > 1) options.log.info({ attempts }, 'daily-quote database opened; /daily is back');
    options.onOpen(store);
  };
  const firstAttempt = attempt();

  return {
    waiting: () => (stopped ? null : waiting),
    firstAttempt,
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}

function describeReason(message: string): string {
  if (/locked/i.test(message)) return 'the database is locked by another program';
  if (/read-only|may not (write|create)/i.test(message))
    return 'the bot may not write its database folder';
  if (/Cannot reach PostgreSQL|shutting down or starting up/.test(message))
    return 'the database server cannot be reached';
  return 'the database could not be opened (the bot’s log says why)';
}
