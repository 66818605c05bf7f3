// A per-address limit on searches: each address may search `limit` times per window; the next
// one hears when to try again. In memory, per process (each replica counts its own).

export interface RateLimiter {
  /** Counts a request from `address`: 0 when it may go ahead, else the seconds to wait. */
  take(address: string): number;
}

/** Addresses remembered at most; past this, windows that have ended are forgotten first. */
const MAX_ADDRESSES = 10_000;

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    take(address) {
      const t = now();
      let w = windows.get(address);
      if (!w || w.endsAt <= t) {
        if (windows.size >= MAX_ADDRESSES) forgetEnded(windows, t);
        w = { count: 0, endsAt: t + options.windowMs };
        windows.set(address, w);
      }
      w.count++;
      return w.count > options.limit ? Math.max(1, Math.ceil((w.endsAt - t) / 1000)) : 0;
    },
  };
}

function forgetEnded(windows: Map<string, { endsAt: number }>, t: number): void {
  for (const [address, w] of windows) if (w.endsAt <= t) windows.delete(address);
  // Still full (a flood from many addresses): forget the oldest half rather than grow without end.
  if (windows.size >= MAX_ADDRESSES) {
    let drop = Math.ceil(windows.size / 2);
    for (const address of windows.keys()) {
      if (drop-- <= 0) break;
      windows.delete(address);
    }
  }
}
