import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/corpus/types.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

// President Osei of Valdoria meets three neighbours; she talks about trade at each meeting.
const speakers: Speaker[] = [
  { name: 'Amara Osei', aliases: ['Osei', 'President Osei'], role: 'President of Valdoria' },
  { name: 'Jonas Whitfield', aliases: ['Whitfield'], role: 'President of Norland' },
  { name: 'Ines Kalder', aliases: ['Kalder'], role: 'Prime Minister of Estmark' },
  { name: 'Pavel Rusu', aliases: ['Rusu'], role: 'Chancellor of Brodia' },
];
const corpus = makeCorpus(speakers, [
  {
    file: 'estmark.txt',
    title: 'Osei receives the Estmark delegation',
    date: '2024-01-10',
    statements: [
      {
        speaker: 'Amara Osei',
        text: 'Trade in timber and trade in grain with Estmark both grew, and trade fairs follow.',
      },
      { speaker: 'Ines Kalder', text: 'Our ports are ready for more ships.' },
    ],
  },
  {
    file: 'norland.txt',
    title: 'Talks in the capital',
    date: '2024-02-11',
    statements: [
      { speaker: 'Jonas Whitfield', text: 'We welcome the president and her ministers.' },
      {
        speaker: 'Amara Osei',
        text: 'The exchange of goods between our two countries is still far too small.',
      },
      { speaker: 'Amara Osei', text: 'Our trade barely covers the cost of the ferry line.' },
    ],
  },
  {
    file: 'brodia.txt',
    title: 'State visit to Brodia',
    date: '2024-03-12',
    statements: [
      { speaker: 'Amara Osei', text: 'Trade and tourism with Brodia are the pride of our coast.' },
      { speaker: 'Pavel Rusu', text: 'Trade, trade and more trade is what our farmers ask for.' },
    ],
  },
]);
const index = buildIndex(corpus);

describe('a meeting named in the question', () => {
  it('ranks statements from the meeting with that participant first', () => {
    // "norland" is only the country of Whitfield, who is at the talks in the capital: Osei's trade
    // statement there comes first, ahead of her statements saying "trade" more often elsewhere,
    // and Whitfield's greeting (which matches "norland" only through his role) is no answer.
    const r = askQuestion(index, 'what did osei say about trade with norland').results;
    expect(r[0]?.meeting.file).toBe('norland.txt');
    expect(r[0]?.statement.text).toMatch(/^Our trade barely covers/);
    expect(r.map((x) => x.statement.speaker)).not.toContain('Jonas Whitfield');
  });

  it('keeps ranking by the words when the named meeting does not answer', () => {
    // Nothing about tourism was said at the Norland talks: the Brodia statement answers.
    const r = askQuestion(index, 'osei tourism with norland').results;
    expect(r[0]?.meeting.file).toBe('brodia.txt');
  });
});
