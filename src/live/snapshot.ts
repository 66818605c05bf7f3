// What each interaction works on: a shallow copy of the context taken when it starts, so a swap
// of the live corpus in the middle of an answer does not mix two corpora. Sessions, the store and
// the log are the same objects as the context's.
import type { AppContext } from '../context.js';

export function takeSnapshot(ctx: AppContext): AppContext {
  return { ...ctx };
}

/**
 * After an interaction: profile statistics it had to build (a /who soon after a swap) are kept
 * on the context when they belong to the context's current corpus, so the next /who reuses them.
 */
export function keepBuiltStats(ctx: AppContext, snapshot: AppContext): void {
  const built = snapshot.profileStats;
  if (built && built.corpus === ctx.corpus && ctx.profileStats?.corpus !== ctx.corpus)
    ctx.profileStats = built;
}
