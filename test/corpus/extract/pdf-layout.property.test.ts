// Property test for the PDF layout: any pieces anywhere on any pages never make it throw, and
// what it returns is the pieces' own characters in order — furniture is dropped, nothing added.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layOutPdf } from '../../../src/corpus/extract/pdf-layout.js';
import type { PdfItem } from '../../../src/corpus/extract/pdf-layout.js';

const words = fc.constantFrom(
  'CHAIR:',
  'MS OKAFOR:',
  'The ferry ',
  'runs.',
  'well-',
  'known',
  'Page 2 of 3',
  '- 2 -',
  '7',
  ' ',
  '',
  '\u00a0',
  '🙂',
  'Ferry Committee — Minutes',
);
const item: fc.Arbitrary<PdfItem> = fc.record({
  str: fc.oneof(words, fc.string({ maxLength: 12 })),
  x: fc.integer({ min: -50, max: 700 }),
  y: fc.oneof(fc.integer({ min: -50, max: 850 }), fc.constantFrom(40, 700, 714, 750)),
  width: fc.integer({ min: 0, max: 400 }),
  size: fc.oneof(fc.constantFrom(9, 11), fc.double({ min: 0, max: 40, noNaN: true })),
  eol: fc.boolean(),
});
const pages = fc.array(
  fc.record({ height: fc.constantFrom(792, 0, 100), items: fc.array(item, { maxLength: 12 }) }),
  { maxLength: 5 },
);

/** Whether `small` is `big` with some characters left out. */
function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (small[i] === big[j]) i++;
  return i === small.length;
}

describe('layOutPdf on arbitrary pieces', () => {
  it('never throws, and adds no character the pieces do not hold', () => {
    fc.assert(
      fc.property(pages, (ps) => {
        const res = layOutPdf(ps);
        const squeeze = (s: string) => s.replace(/\s+/gu, '');
        const input = ps.map((p) => p.items.map((it) => squeeze(it.str)).join('')).join('');
        expect(isSubsequence(squeeze(res.text), input)).toBe(true);
        expect(res.emptyPages.every((n) => n >= 1 && n <= ps.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
