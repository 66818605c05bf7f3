import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isBackchannel } from '../../src/corpus/text.js';

describe('isBackchannel', () => {
  it('knows acknowledgements, greetings and thanks', () => {
    for (const t of [
      'Yep.',
      'gm',
      '+1',
      'thanks',
      'Thanks all!',
      'Okay, thank you very much, everyone.',
      'Mhm.',
      '👍',
      'Sounds good.',
      'Hi everyone',
    ])
      expect(isBackchannel(t), t).toBe(true);
  });

  it('keeps anything that says something, however short', () => {
    for (const t of [
      'The crane is broken.',
      'Yes, the budget passes.',
      'thanks for fixing the crane',
      'No objection to the April date.',
      'Okay so the fork ships on Tuesday, right?',
    ])
      expect(isBackchannel(t), t).toBe(false);
  });

  it('never throws on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(typeof isBackchannel(s)).toBe('boolean');
      }),
    );
  });
});
