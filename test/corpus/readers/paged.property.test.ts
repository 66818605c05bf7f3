// Property tests for the paged-transcript readers: arbitrary text in their styles never makes
// them throw, and every block and statement is the file's own text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import { committeeTranscriptReader } from '../../../src/corpus/readers/committee-transcript.js';
import { courtTranscriptReader } from '../../../src/corpus/readers/court-transcript.js';
import type { Reader } from '../../../src/corpus/readers/types.js';

const shared = [
  '\n',
  '\n\n',
  '\r\n',
  '\f',
  '--- Page 3 ---\n',
  '# notes.pdf\n',
  '*Extracted on: 2024-01-01*\n',
  '3/10/21 -2-\n',
  'PRESENT: Ms. Varga, Chair\n',
  'Messrs. Brandt, and Sato, Members\n',
  'March 10, 2021\n',
  '(Laughter.)',
  'the levy. ',
  'Yes. ',
  '--',
  ' ',
  '   ',
  '.',
  ':',
  '(?)',
  '\u00a0',
  '\u00ad',
  '🙂',
];
const committee = [
  ...shared,
  'CHAIR VARGA. ',
  'MR. OKAFOR. ',
  'SPEAKER(?). ',
  'MS. ',
  'PORT AUTHORITY. ',
];
const court = [
  ...shared,
  ' 1   ',
  '12   ',
  '25   ',
  '                 ',
  'JUSTICE PRATT:          ',
  'MS. OKONJO:      ',
  '- - - - - - - x',
  'APPEARANCES:\n',
  'MIRA OKONJO, ESQ., Alder;\n',
  'Harbourside Reporting Company\n',
  '            4\n',
  'P R O C E E D I N G S\n',
  'Petitioner    :    No. 21-104\n',
];

function texts(pieces: string[]) {
  return fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 10 })), { maxLength: 80 })
    .map((xs) => xs.join(''));
}

function check(reader: Reader, pieces: string[]) {
  fc.assert(
    fc.property(fc.oneof(texts(pieces), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
      const res = reader.read(text, 'x.txt');
      for (const b of res.blocks) {
        expect(b.start).toBeGreaterThanOrEqual(0);
        expect(b.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(b.start, b.end).trim()).not.toBe('');
        // a block starts at speech and ends at it, never at white space around it
        expect(text[b.start]).toMatch(/\S/);
        expect(text[b.end - 1]).toMatch(/\S/);
      }
      const r = parseReport(text, 'x.txt');
      expect(r.warnings.every((w) => !w.message.startsWith('could not be parsed'))).toBe(true);
      for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
    }),
    { numRuns: 300 },
  );
}

describe('paged transcript readers on arbitrary text', () => {
  it('committee reader: never throws, blocks and statements are verbatim slices', () => {
    check(committeeTranscriptReader, committee);
  });

  it('court reader: never throws, blocks and statements are verbatim slices', () => {
    check(courtTranscriptReader, court);
  });
});
