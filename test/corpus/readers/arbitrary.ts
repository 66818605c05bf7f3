// The property every reader keeps on arbitrary text: it never throws, its blocks lie inside the
// text, and every statement parsed from the text is the text at its offsets (verbatim).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import type { Reader } from '../../../src/corpus/readers/types.js';

/** Texts made of the given pieces (lines, labels, separators) and short random strings. */
export function textOf(pieces: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 50 })
    .map((xs) => xs.join(''));
}

/** Registers the property test of one reader on texts made of `pieces`, read as file `file`. */
export function keepsOffsetsOnArbitraryText(
  title: string,
  reader: Reader,
  file: string,
  pieces: fc.Arbitrary<string>,
): void {
  describe(`${title} on arbitrary text`, () => {
    it('never throws and every block and statement is the file text at its offsets', () => {
      fc.assert(
        fc.property(textOf(pieces), (text) => {
          for (const b of reader.read(text, file).blocks) {
            expect(b.start).toBeGreaterThanOrEqual(0);
            expect(b.end).toBeLessThanOrEqual(text.length);
            expect(b.end).toBeGreaterThan(b.start);
          }
          for (const s of parseReport(text, file).statements)
            expect(text.slice(s.start, s.end)).toBe(s.text);
        }),
        { numRuns: 300 },
      );
    });
  });
}
