import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { makeFixtureCorpus } from '../fixtures/search-corpus.js';
import { describeOutcome } from '../../src/answers/ask-words.js';

const index = buildIndex(makeFixtureCorpus());
// Generous for a loaded 2-core machine; before the fix these took seconds.
const BOUND_MS = 500;

const timed = (q: string) => {
  const t = performance.now();
  const answer = askQuestion(index, q);
  return { answer, ms: performance.now() - t };
};

/** A word of n letters with few repeats (every deletion of it is a different key). */
const scrambledWord = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    String.fromCharCode(97 + ((i * 7 + ((i * i) >> 3)) % 26)),
  ).join('');

describe('hostile questions', () => {
  it('answers 300 × "ﬃ" (expands to 900 letters) within the bound', () => {
    const { answer, ms } = timed('ﬃ'.repeat(300));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(answer.truncatedTo).not.toBeNull();
  });

  it('answers 300 × "ǅ" within the bound', () => {
    expect(timed('ǅ'.repeat(300)).ms).toBeLessThan(BOUND_MS);
  });

  it('answers a 2,000-character single word within the bound', () => {
    // Before the fix the 300 letters kept of it took ~400 ms; now a few.
    expect(timed(scrambledWord(2000)).ms).toBeLessThan(200);
  });

  it('answers a topic with a long unbroken word honestly, and the next question as before', () => {
    // The long word is a topic nobody spoke of: half the question has no answer, so the gate
    // says nothing rather than show railroad quotes for it (see gate.ts).
    const { answer, ms } = timed(`railroad ${'ﬃ'.repeat(60)}`);
    expect(ms).toBeLessThan(500);
    expect(answer.outcome.kind).toBe('nothing');
    expect(timed('railroad').answer.results.length).toBeGreaterThan(0);
  });

  it('never throws and returns within the bound on arbitrary strings', () => {
    const word = fc.stringMatching(/^[a-zﬃǅé]{20,400}$/);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 1000 }),
          fc.string({ unit: 'binary', maxLength: 600 }),
          word,
        ),
        (q) => {
          const { answer, ms } = timed(q);
          expect(answer.outcome.kind).toBeTypeOf('string');
          expect(ms).toBeLessThan(BOUND_MS);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the time budget', () => {
  it('out of time, answers with what the first words found and says it was cut short', () => {
    const answer = askQuestion(index, 'railroad coast harbour fee ferry budget council', {
      budgetMs: 0,
    });
    expect(answer.cutShort).toBe(true);
    expect(answer.results.length).toBeGreaterThan(0);
    expect(describeOutcome(answer)).toMatch(/took too long/);
  });

  it('a question answered in time is not marked cut short', () => {
    const answer = askQuestion(index, 'railroad to the coast');
    expect(answer.cutShort).toBeUndefined();
    expect(describeOutcome(answer) ?? '').not.toMatch(/took too long/);
  });
});
