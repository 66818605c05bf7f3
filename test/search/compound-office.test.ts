import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/corpus/types.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

const speakers: Speaker[] = [
  {
    name: 'Odile Vantree',
    aliases: [],
    role: 'Under-Secretary-General for Harbour Affairs',
  },
  { name: 'Piet Sorensby', aliases: [], role: 'Ambassador of Ostria' },
];

const index = buildIndex(
  makeCorpus(speakers, [
    {
      file: 'harbour-council.txt',
      title: 'Harbour council session',
      date: '2023-11-20',
      statements: [
        { speaker: 'Piet Sorensby', text: 'Ostria will pay for the harbour lighthouse repairs.' },
        { speaker: 'Odile Vantree', text: 'The lighthouse repairs must finish before the storms.' },
      ],
    },
  ]),
);

describe('an office typed as one word', () => {
  it('names the speaker whose hyphenated role it joins', () => {
    // "undersecretary" is "Under-Secretary-General" without its hyphens: the question is about
    // Vantree's words, not about an unknown person; the ambassador's lighthouse words come after.
    const a = askQuestion(index, 'what did the undersecretary say about the lighthouse repairs');
    expect(a.speakers).toEqual(['Odile Vantree']);
    expect(a.results[0]?.statement.speaker).toBe('Odile Vantree');
  });
});
