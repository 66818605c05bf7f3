// The deletion index behind the corpus merge's "Aliev ~ Aliyev": the same answers as comparing
// every pair, for far less work.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearSpellings, deletions } from '../../src/corpus/near-spellings.js';
import { editDistance } from '../../src/corpus/text.js';

describe('NearSpellings', () => {
  const index = new NearSpellings();
  for (const w of ['aliyev', 'aliev', 'lindqvist', 'lindquist', 'berg', 'novak', 'nowak'])
    index.add(w);

  it('finds the words within the distance asked, the word itself included', () => {
    expect(index.within('aliyev', 1).sort()).toEqual(['aliev', 'aliyev']);
    expect(index.within('lindkvist', 1)).toEqual(['lindqvist']);
    expect(index.within('lindkvist', 2).sort()).toEqual(['lindquist', 'lindqvist']);
    expect(index.within('novack', 1)).toEqual(['novak']);
    expect(index.within('novack', 2).sort()).toEqual(['novak', 'nowak']);
    expect(index.within('zhang', 2)).toEqual([]);
  });

  it('agrees with comparing every pair (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), word, fc.constantFrom(0, 1, 2), (ws, q, d) => {
        const ix = new NearSpellings();
        for (const w of ws) ix.add(w);
        const brute = [...new Set(ws)].filter((w) => editDistance(w, q, d) <= d).sort();
        expect(ix.within(q, d).sort()).toEqual(brute);
      }),
      { numRuns: 300 },
    );
  });
});

describe('deletions', () => {
  it('lists the word and each form with up to max letters deleted, once each', () => {
    expect([...deletions('abc', 1)].sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
    expect([...deletions('aab', 2)].sort()).toEqual(['a', 'aab', 'ab', 'b', 'aa'].sort());
  });
});

describe('editDistance', () => {
  it('counts edits, and gives up (3) when the lengths differ by more than 2', () => {
    expect(editDistance('aliev', 'aliyev')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'abcdef')).toBe(4);
    // Bounded: past the budget it stops and says so.
    expect(editDistance('ab', 'abcdef', 2)).toBe(3);
    // A swap of two neighbours is one edit.
    expect(editDistance('aliyve', 'aliyev')).toBe(1);
  });
});
