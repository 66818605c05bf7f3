// Answer types: which questions ask how often / how much, and which texts say it.
import { describe, expect, it } from 'vitest';
import { askedAnswerType, textAnswers } from '../../src/search/answer-type.js';

describe('the answer type a question asks for', () => {
  it('reads "how often" and "how frequently" as a frequency, "how much/many" as an amount', () => {
    expect(askedAnswerType('how often do the wardens meet'.split(' '))).toEqual({
      type: 'frequency',
      at: 1,
    });
    expect(askedAnswerType('and how frequently is it cleaned'.split(' '))?.type).toBe('frequency');
    expect(askedAnswerType('how many boats use the slipway'.split(' '))?.type).toBe('quantity');
    expect(askedAnswerType('how much did the levy raise'.split(' '))?.type).toBe('quantity');
  });

  it('asks for none when "how" asks something else', () => {
    expect(askedAnswerType('how did the wardens vote'.split(' '))).toBeNull();
    expect(askedAnswerType('what did ames say about the slipway'.split(' '))).toBeNull();
  });
});

describe('texts that give a frequency', () => {
  it.each([
    'We will publish the notes every two weeks.',
    'The board meets monthly, as before.',
    'Twice a year we audit the accounts.',
    'Each quarter the figures go to the council.',
  ])('"%s"', (text) => expect(textAnswers(text, 'frequency')).toBe(true));

  it.each(['We often disagree about the slipway.', 'Every member voted for the levy.'])(
    'not "%s"',
    (text) => expect(textAnswers(text, 'frequency')).toBe(false),
  );
});

describe('texts that give an amount', () => {
  it.each([
    'Takings rose by 12.5 percent last year.',
    'The repairs cost $40,000.',
    'Forty-two new members joined.',
    'We have 388 boats on the register.',
    'The levy doubled.',
  ])('"%s"', (text) => expect(textAnswers(text, 'quantity')).toBe(true));

  it.each([
    'Even compared with 2003, it is better.',
    'We met again at 10:30 to agree the wording.',
    'The members joined with enthusiasm.',
  ])('not "%s" (a year, a clock time, no figure)', (text) =>
    expect(textAnswers(text, 'quantity')).toBe(false),
  );
});
