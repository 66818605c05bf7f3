// Long builds (the corpus, the search index, the profile statistics) written once as generators
// that `yield` between small pieces of work, and run in one of two ways: all at once (startup, the
// CLI, the benches: no cost but a generator's), or a slice at a time with the event loop let
// through between slices (the live corpus's rebuilds, so questions arriving meanwhile are answered
// on the old corpus without waiting for the build).
import { performance } from 'node:perf_hooks';

/** Work that yields between pieces and returns its result at the end. */
export type Slices<T> = Generator<void, T, void>;

/** How long a slice runs before the event loop gets a turn (a piece is well under 1 ms). */
export const SLICE_MS = 8;

/** Runs the work to its end, without pausing. */
export function runAtOnce<T>(work: Slices<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the work a slice of about `sliceMs` at a time, letting timers, I/O and other callbacks run
 * between slices (setImmediate: after pending I/O, so an interaction that arrived is handled
 * before the next slice). `sliceMs` 0 (or less) runs it at once.
 */
export async function runInSlices<T>(work: Slices<T>, sliceMs = SLICE_MS): Promise<T> {
  if (!(sliceMs > 0)) return runAtOnce(work);
  let start = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - start >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      start = performance.now();
    }
  }
}
