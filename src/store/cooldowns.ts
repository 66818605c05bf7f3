// Per-member cooldowns: kept in the store when it is open, so every replica sees the same one;
// in this process otherwise (no store yet, or the store failing), so nobody is ever blocked by
// a database problem.
import type { Logger } from 'pino';
import type { Store } from './types.js';

export interface CooldownContext {
  store: Store | null;
  now: () => Date;
  log: Pick<Logger, 'warn'>;
}

export interface Cooldowns {
  /** Starts `key`'s cooldown of `seconds` unless it runs; returns the whole seconds left (0: go). */
  take(key: string, seconds: number): Promise<number>;
}

const MEMORY_LIMIT = 10_000;

export function createCooldowns(ctx: CooldownContext): Cooldowns {
  const untilMs = new Map<string, number>();

  const takeInMemory = (key: string, seconds: number, now: number): number => {
    if (untilMs.size > MEMORY_LIMIT) {
      for (const [k, until] of untilMs) if (until <= now) untilMs.delete(k);
    }
    const until = untilMs.get(key);
    if (until !== undefined && until > now) return until - now;
    untilMs.set(key, now + seconds * 1000);
    return 0;
  };

  return {
    async take(key, seconds) {
      if (seconds <= 0) return 0;
      const now = ctx.now();
      let leftMs: number;
      if (ctx.store) {
        try {
          leftMs = await ctx.store.takeCooldown(key, seconds, now);
        } catch (err) {
          ctx.log.warn({ err }, 'cooldown store failed; this process keeps the cooldown');
          leftMs = takeInMemory(key, seconds, now.getTime());
        }
      } else {
        leftMs = takeInMemory(key, seconds, now.getTime());
      }
      return Math.ceil(leftMs / 1000);
    },
  };
}
