// Property tests: no text makes the parser throw, and every statement is the file's own text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/corpus/parse.js';

const pieces = fc.constantFrom(
  'Mayor Elena Varga said, “',
  '”',
  '"',
  ' noted that ',
  'He ',
  'She stressed that ',
  'COUNCILLOR OKAFOR: ',
  'Q ',
  '(Laughter.) ',
  '\n',
  '\n\n',
  '---\n',
  'title: x\n',
  '# Heading\n',
  'the president of Port Alder ',
  'March 3, 2021 ',
  'Ms. ',
  '. ',
  ': ',
  ', ',
  '—',
  'al-Abadi ',
  '\u0000',
  '\ufffd',
  '🙂',
);
const reportish = fc
  .array(
    fc.oneof(pieces, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })),
    { maxLength: 60 },
  )
  .map((xs) => xs.join(''));

describe('parseReport on arbitrary text', () => {
  it('never throws and every statement equals the text at its offsets', () => {
    fc.assert(
      fc.property(fc.oneof(reportish, fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        const r = parseReport(text, 'arbitrary.txt');
        expect(r.warnings.every((w) => !w.message.startsWith('could not be parsed'))).toBe(true);
        for (const s of r.statements) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.paragraph).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
