// Issue 15 item 4: a report with thousands of distinct speakers loads in near-linear time (it
// took ~9 s of processor time for 2,000 before speaker lookups and the corpus merge were indexed).
import { describe, expect, it } from 'vitest';
import { generateManySpeakers } from '../../src/bench/generate-speakers.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { parseReport } from '../../src/corpus/parse.js';

/** Processor time, not wall time: a busy machine slows the clock, not the work. */
function cpuSeconds<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return [value, (c.user + c.system) / 1e6];
}

// Today ~1 s per style on a quiet machine; before the fix 8.5–9 s.
const BOUND_S = 4;

describe('a report with 2,000 distinct speakers', () => {
  for (const style of ['transcript', 'news'] as const) {
    it(`loads in near-linear time, every statement credited to its speaker (${style})`, () => {
      const { text, names } = generateManySpeakers({ speakers: 2000, style });
      const [corpus, seconds] = cpuSeconds(() =>
        buildCorpus([parseReport(text, `2026-03-03-assembly-${style}.txt`)]),
      );
      expect(seconds).toBeLessThan(BOUND_S);
      const meeting = corpus.meetings[0];
      expect(meeting?.statements).toHaveLength(2000 * 4);
      // The first round of turns is everyone once, in the order of `names`.
      const firstRound = meeting?.statements.slice(0, 2000) ?? [];
      const parsedNames = parseReport(text, 'x.txt').speakers.map((s) => s.name);
      expect(parsedNames).toEqual(names);
      expect(firstRound.every((s) => s.speaker !== null)).toBe(true);
      expect(firstRound[0]?.speaker).toBe(names[0]);
      expect(firstRound[1999]?.speaker).toBe(names[1999]);
    });
  }
});
