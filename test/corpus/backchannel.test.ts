import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBackchannel } from '../../src/corpus/text.js';

describe('isBackchannel', () => {
  it('knows greetings, thanks and agreement in chat and caption turns', () => {
    for (const t of [
      'yeah',
      'Yep.',
      'gm',
      '+1',
      'thanks!',
      'Thank you very much, everyone.',
      'ok 👍',
      '👍',
      'Sounds good.',
      'Good morning!',
    ])
      expect(isBackchannel(t), t).toBe(true);
  });

  it('keeps anything that says something, however short', () => {
    for (const t of [
      'No objection to the fork.',
      'Ship it Thursday',
      'Yes, 0xef02.',
      'Thanks for the blob numbers',
      'Q3',
    ])
      expect(isBackchannel(t), t).toBe(false);
  });

  it('leaves long turns alone even when they are polite', () => {
    expect(
      isBackchannel('Yeah, thanks, okay, sure, great, cool, nice, right, fine, perfect.'),
    ).toBe(false);
  });

  it('never throws on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(typeof isBackchannel(s)).toBe('boolean');
      }),
    );
  });
});
