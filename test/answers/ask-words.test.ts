import { describe, expect, it } from 'vitest';
import { describeError, describeOutcome } from '../../src/answers/ask-words.js';
import type { AskAnswer, AskOutcome } from '../../src/search/engine.js';

const answer = (outcome: AskOutcome, truncatedTo: number | null = null): AskAnswer => ({
  question: 'q',
  outcome,
  results: [],
  total: 0,
  speakers: [],
  unknownSpeakers: [],
  suggestions: [],
  truncatedTo,
  asksWhen: false,
  terms: [],
});

describe('the words for each outcome', () => {
  it('names who is unknown, who is silent, and which meeting matched nothing', () => {
    expect(
      describeOutcome(
        answer({ kind: 'unknown-speaker', names: ['Macron'], from: 'question', candidates: [] }),
      ),
    ).toBe('The reports have no statements by Macron.');
    expect(
      describeOutcome(
        answer({
          kind: 'unknown-speaker',
          names: ['Okafr'],
          from: 'option',
          candidates: ['Tom Okafor'],
        }),
      ),
    ).toMatch(/did you mean Tom Okafor\?/);
    expect(describeOutcome(answer({ kind: 'silent-speaker', names: ['Ruth Lindqvist'] }))).toMatch(
      /mention Ruth Lindqvist but quote no statements/,
    );
    expect(describeOutcome(answer({ kind: 'unknown-meeting', query: 'zzz' }))).toBe(
      'No meeting matches "zzz".',
    );
  });

  it('says "nothing answers" only when asked to, and an empty question is an error', () => {
    expect(describeOutcome(answer({ kind: 'nothing' }))).toMatch(/^Nothing in the reports/);
    expect(describeOutcome(answer({ kind: 'nothing' }), { sayNothing: false })).toBeNull();
    expect(describeError(answer({ kind: 'empty-question' }))).toMatch(/type a question/);
    expect(describeError(answer({ kind: 'nothing' }))).toBeNull();
  });

  it('says when the question was cut, even when statements answer', () => {
    expect(describeOutcome(answer({ kind: 'found', topicless: false }, 280))).toMatch(
      /only the first 280 were used/,
    );
    expect(describeOutcome(answer({ kind: 'found', topicless: false }))).toBeNull();
  });
});
