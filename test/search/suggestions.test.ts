import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/corpus/types.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

// Two fictional harbour meetings: every statement is padded with the same everyday verbs and
// adjectives ("important", "taken", "creates"), while the things talked about are nouns.
const speakers: Speaker[] = [
  { name: 'Elena Varga', aliases: ['Varga', 'Mayor Varga'], role: 'Mayor of Millbrook' },
  { name: 'Tom Okafor', aliases: ['Okafor'], role: 'Councillor for Harbour Ward' },
];
const corpus = makeCorpus(speakers, [
  {
    file: 'a.txt',
    title: 'Harbour committee',
    date: '2023-04-12',
    statements: [
      {
        speaker: 'Elena Varga',
        text: 'It is important that the steps taken for the ferry terminal are clear.',
      },
      {
        speaker: 'Elena Varga',
        text: 'The ferry timetable creates important gaps, and the steps taken are slow.',
      },
      {
        speaker: 'Elena Varga',
        text: 'An important lighthouse repair creates work; the decision was taken.',
      },
      {
        speaker: 'Tom Okafor',
        text: 'The lighthouse keepers say the important steps taken help the fishermen.',
      },
      {
        speaker: 'Tom Okafor',
        text: 'Fishermen want a breakwater; it creates shelter and important safety.',
      },
      {
        speaker: 'Tom Okafor',
        text: 'The breakwater plan creates jobs for fishermen, an important step taken.',
      },
    ],
  },
]);
const index = buildIndex(corpus);

describe('suggestions when nothing answers', () => {
  it('suggests the nouns the reports are about, not everyday verbs and adjectives', () => {
    const a = askQuestion(index, 'olympic medals');
    expect(a.results).toEqual([]);
    expect(a.suggestions).toEqual(
      expect.arrayContaining(['lighthouse', 'breakwater', 'fishermen']),
    );
    for (const word of ['important', 'taken', 'creates', 'clear'])
      expect(a.suggestions).not.toContain(word);
    // The people one can ask about come along.
    expect(a.suggestions).toEqual(expect.arrayContaining(['Elena Varga', 'Tom Okafor']));
  });

  it('suggests what the speaker asked about talked about', () => {
    const a = askQuestion(index, 'did okafor talk about climate change');
    expect(a.results).toEqual([]);
    expect(a.suggestions).toContain('breakwater');
    expect(a.suggestions).not.toContain('timetable');
    expect(a.suggestions).not.toContain('important');
  });
});

describe('a person the reports do not know, at the head of a short query', () => {
  it('says the reports have no statements by them, with no results', () => {
    const a = askQuestion(index, 'kowalczyk olympics');
    expect(a.results).toEqual([]);
    expect(a.unknownSpeakers).toEqual(['Kowalczyk']);
    expect(a.outcome).toMatchObject({ kind: 'unknown-speaker', names: ['Kowalczyk'] });
  });

  it('does not take English words or typos of the reports’ words for a person', () => {
    for (const q of ['football olympics', 'ferri olympics', 'weather olympics']) {
      const a = askQuestion(index, q);
      expect(a.unknownSpeakers, q).toEqual([]);
      expect(a.outcome.kind, q).not.toBe('unknown-speaker');
    }
  });

  it('still answers when the rest of the question matches', () => {
    // "kowalczyk" may be a topic the reports lack; the breakwater statements still answer.
    const a = askQuestion(index, 'kowalczyk breakwater jobs fishermen');
    expect(a.results.map((r) => r.statement.speaker)).toContain('Tom Okafor');
    expect(a.outcome.kind).toBe('found');
  });
});

describe('a speaker the reports do not know', () => {
  it('suggests the speakers and the topics that do exist', () => {
    const a = askQuestion(index, 'what did macron say about the ferry');
    expect(a.results).toEqual([]);
    expect(a.unknownSpeakers).toEqual(['Macron']);
    expect(a.suggestions).toEqual(expect.arrayContaining(['Elena Varga', 'lighthouse']));
  });
});
