// Opening the daily-quote database without giving up: a database locked by another program (or
// a folder whose permissions the owner is still fixing) is tried again with backoff, and /daily
// comes back by itself once it opens. Until then /daily status says it is waiting.
import type { DailyStore } from './store.js';
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
  stop(): void;
}

export interface StoreOpenerOptions {
  /** Opens the database; `attempt` counts from 1 (a retry may use a shorter lock wait). */
  open(attempt: number): DailyStore;
  /** Called once, with the open database. */
  onOpen(store: DailyStore): void;
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

  const attempt = (): void => {
    timer = null;
    if (stopped) return;
    attempts++;
    let store: DailyStore;
    try {
      store = options.open(attempts);
    } catch (err) {
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
      timer = timers.setTimeout(attempt, delayMs);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
      return;
    }
    waiting = null;
    if (attempts > 1) options.log.info({ attempts }, 'daily-quote database opened; /daily is back');
    options.onOpen(store);
  };
  attempt();

  return {
    waiting: () => (stopped ? null : waiting),
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
  return 'the database could not be opened (the bot’s log says why)';
}
