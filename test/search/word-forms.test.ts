import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/corpus/types.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { irregularForms } from '../../src/search/irregular.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

const speakers: Speaker[] = [
  { name: 'Ines Marlow', aliases: ['Marlow'], role: null },
  { name: 'Teo Brask', aliases: ['Brask'], role: null },
];

const index = buildIndex(
  makeCorpus(speakers, [
    {
      file: 'rowing-club.txt',
      title: 'Rowing club committee',
      date: '2024-03-02',
      statements: [
        { speaker: 'Teo Brask', text: 'The rowing club wants a new boathouse on the quay.' },
        { speaker: 'Ines Marlow', text: 'Our rowing club sold the old boats in the spring.' },
        { speaker: 'Teo Brask', text: 'The membership of the rowing club grew to ninety.' },
      ],
    },
  ]),
);
const first = (q: string) => askQuestion(index, q).results[0]?.statement.text;

describe('irregular verbs', () => {
  it('finds a statement by another form of the asked verb', () => {
    // "sell" and "sold" share no stem: without the irregular form, nothing covers the "sell" of
    // the question, and a statement with only "rowing club" answers too little of it.
    expect(first('what did the rowing club sell')).toMatch(/sold the old boats/);
    // "grow" in the question, "grew" in the record.
    expect(first('how much did the rowing club grow')).toMatch(/grew to ninety/);
  });

  it('knows the forms both ways and nothing for a regular word', () => {
    expect(irregularForms('sold')).toContain('sell');
    expect(irregularForms('grow')).toEqual(expect.arrayContaining(['grew', 'grown']));
    expect(irregularForms('boathouse')).toEqual([]);
  });
});
