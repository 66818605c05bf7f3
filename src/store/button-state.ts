// The state behind buttons ("More", "Context", "Post to channel"): too big for a custom_id, so
// it is kept under a short random key, in the store when it is open (any replica can answer a
// button another one made), else in this process (`ctx.sessions`). It expires after
// BUTTON_STATE_TTL_MS; an expired or unknown key reads as null (the button says "expired").
import type { Logger } from 'pino';
import type { Store } from './types.js';

/** How long a reply's buttons keep working. */
export const BUTTON_STATE_TTL_MS = 24 * 60 * 60_000;
/** In-process entries kept at most (the oldest go first). */
const MEMORY_LIMIT = 2000;

export interface ButtonStateContext {
  store: Store | null;
  /** The in-process fallback: key → { value, expiresMs }. */
  sessions: Map<string, unknown>;
  now: () => Date;
  log: Pick<Logger, 'warn'>;
}

interface MemoryEntry {
  value: unknown;
  expiresMs: number;
}

/** Keeps `value` for the buttons of one reply; returns its key (for the custom_id). */
export async function rememberButtonState(
  ctx: ButtonStateContext,
  value: unknown,
  makeKey: () => string,
): Promise<string> {
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + BUTTON_STATE_TTL_MS);
  if (ctx.store) {
    try {
      for (let tries = 0; tries < 5; tries++) {
        const key = makeKey();
        if (await ctx.store.saveButtonState(key, value, expiresAt, now)) return key;
      }
    } catch (err) {
      ctx.log.warn(
        { err },
        'button state store failed; this reply’s buttons work on this process only',
      );
    }
  }
  let key = makeKey();
  while (ctx.sessions.has(key)) key = makeKey();
  ctx.sessions.set(key, { value, expiresMs: expiresAt.getTime() } satisfies MemoryEntry);
  while (ctx.sessions.size > MEMORY_LIMIT) {
    const oldest = ctx.sessions.keys().next().value;
    if (oldest === undefined) break;
    ctx.sessions.delete(oldest);
  }
  return key;
}

/** The value kept under `key`, or null when it is unknown or expired. */
export async function recallButtonState(ctx: ButtonStateContext, key: string): Promise<unknown> {
  const now = ctx.now();
  const entry = ctx.sessions.get(key) as MemoryEntry | undefined;
  if (entry) {
    if (entry.expiresMs > now.getTime()) return entry.value;
    ctx.sessions.delete(key);
    return null;
  }
  return ctx.store ? ctx.store.loadButtonState(key, now) : null;
}
