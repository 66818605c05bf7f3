import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildLookup,
  findMeetings,
  findSpeaker,
  suggestMeetings,
  suggestSpeakers,
} from '../../src/search/lookup.js';
import { makeFixtureCorpus } from '../fixtures/search-corpus.js';

const corpus = makeFixtureCorpus();
const nameOf = (q: string) => findSpeaker(corpus, q).speaker?.name ?? null;

describe('findSpeaker', () => {
  it('finds a speaker by full name, surname, alias and honorific', () => {
    expect(nameOf('Elena Varga')).toBe('Elena Varga');
    expect(nameOf('varga')).toBe('Elena Varga');
    expect(nameOf('Mayor Varga')).toBe('Elena Varga');
    expect(nameOf('President Whitfield')).toBe('Jonas Whitfield');
    expect(nameOf('councillor okafor')).toBe('Tom Okafor');
  });

  it('finds a speaker by role, including a demonym form of the country', () => {
    expect(nameOf('the mayor')).toBe('Elena Varga');
    expect(nameOf('valdorian president')).toBe('Amara Osei');
    expect(nameOf('president of norland')).toBe('Jonas Whitfield');
    expect(nameOf('harbour master')).toBe('Ruth Lindqvist');
  });

  it('finds a speaker despite a typo', () => {
    expect(nameOf('okafr')).toBe('Tom Okafor');
    expect(nameOf('whitfeild')).toBe('Jonas Whitfield');
    expect(nameOf('lindquist')).toBe('Ruth Lindqvist');
  });

  it('reports an ambiguous reference with candidates instead of guessing', () => {
    const m = findSpeaker(corpus, 'the president');
    expect(m.speaker).toBeNull();
    expect(m.candidates.map((s) => s.name).sort()).toEqual(['Amara Osei', 'Jonas Whitfield']);
  });

  it('reports an unknown name as no speaker', () => {
    expect(findSpeaker(corpus, 'Angela Merkel').speaker).toBeNull();
    expect(findSpeaker(corpus, '').speaker).toBeNull();
  });
});

describe('findMeetings', () => {
  it('finds meetings by title words, participant and date', () => {
    expect(findMeetings(corpus, 'harbour hearing')[0]?.title).toBe('Harbour Hearing');
    expect(findMeetings(corpus, 'osei')[0]?.title).toBe('Talks between Norland and Valdoria');
    expect(findMeetings(corpus, '2023')[0]?.title).toBe('Millbrook Council Budget Session');
    expect(findMeetings(corpus, 'june 2024')[0]?.title).toBe('Talks between Norland and Valdoria');
    expect(findMeetings(corpus, 'budjet')[0]?.title).toBe('Millbrook Council Budget Session');
  });

  it('finds a meeting where a silent participant was present', () => {
    expect(findMeetings(corpus, 'lindqvist').map((m) => m.title)).toEqual([
      'Talks between Norland and Valdoria',
    ]);
  });

  it('returns nothing for a meeting that does not exist', () => {
    expect(findMeetings(corpus, '1999')).toEqual([]);
    expect(findMeetings(corpus, 'quantum chromodynamics')).toEqual([]);
  });
});

describe('suggest', () => {
  it('suggests speakers by prefix, most quoted first when empty', () => {
    expect(suggestSpeakers(corpus, 'oka').map((s) => s.name)).toEqual(['Tom Okafor']);
    expect(suggestSpeakers(corpus, 'whitfeld')[0]?.name).toBe('Jonas Whitfield');
    // Okafor and Varga have the most statements in the fixture.
    expect(
      suggestSpeakers(corpus, '')
        .slice(0, 2)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Elena Varga', 'Tom Okafor']);
    expect(suggestSpeakers(corpus, '', 2)).toHaveLength(2);
  });

  it('suggests meetings by prefix, newest first when empty', () => {
    expect(suggestMeetings(corpus, 'harb')[0]?.title).toBe('Harbour Hearing');
    expect(suggestMeetings(corpus, '')[0]?.date).toBe('2024-06-03');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        findSpeaker(corpus, s);
        findMeetings(corpus, s);
        suggestSpeakers(corpus, s);
        suggestMeetings(corpus, s);
      }),
      { numRuns: 200 },
    );
  });
});

describe('lookups built once', () => {
  it('answer the same from the structures built with the index as from the corpus', () => {
    // Autocomplete passes the prebuilt lookup on every keystroke; the answers must not change.
    const lookup = buildLookup(corpus);
    for (const q of ['varga', 'the mayor', 'okafr', 'harbour master', 'zzz'])
      expect(findSpeaker(lookup, q)).toEqual(findSpeaker(corpus, q));
    for (const q of ['budget', 'norland 2022', 'varga', 'nothing like it'])
      expect(findMeetings(lookup, q)).toEqual(findMeetings(corpus, q));
    for (const q of ['', 'o', 'vrg', 'whit'])
      expect(suggestSpeakers(lookup, q)).toEqual(suggestSpeakers(corpus, q));
    for (const q of ['', 'bud', 'norlnd'])
      expect(suggestMeetings(lookup, q)).toEqual(suggestMeetings(corpus, q));
  });
});
