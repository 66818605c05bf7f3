import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listLines, measureSpeakerLabel, splitSentences } from '../../src/answers/sentences.js';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('does not break after titles and initials', () => {
    expect(
      texts(
        'Mr. Jonas Albrecht met Dr. Ines Moll and Gen. Hale on Monday. John F. Kennedy was not there.',
      ),
    ).toEqual([
      'Mr. Jonas Albrecht met Dr. Ines Moll and Gen. Hale on Monday.',
      'John F. Kennedy was not there.',
    ]);
  });

  it('keeps "U.S." inside a sentence but ends the sentence when a new one clearly starts', () => {
    expect(
      texts('The U.S. Geological Survey sent a team. We thanked the U.S. The team left.'),
    ).toEqual(['The U.S. Geological Survey sent a team.', 'We thanked the U.S.', 'The team left.']);
  });

  it('keeps a short quotation whole, ending at its closing mark', () => {
    expect(
      texts('The Mayor said, “We cannot wait. The bridge is rusting.” Then the vote began.'),
    ).toEqual(['The Mayor said, “We cannot wait. The bridge is rusting.”', 'Then the vote began.']);
    expect(texts('He said "Yes. Now." It passed.')).toEqual(['He said "Yes. Now."', 'It passed.']);
  });

  it('splits a very long quotation like prose', () => {
    const long = `She said, “${'The ferry runs at night. '.repeat(30).trim()}”`;
    expect(texts(long).length).toBeGreaterThan(10);
  });

  it('does not split decimals, and splits on ? and !', () => {
    expect(texts('Trade rose 34.4 percent. Is that enough? It is!')).toEqual([
      'Trade rose 34.4 percent.',
      'Is that enough?',
      'It is!',
    ]);
  });

  it('reports offsets into the whole text', () => {
    const text = 'xx One two. Three four.';
    for (const s of splitSentences(text.slice(3), 3))
      expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('never throws and every span is the text at its offsets (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(50), (s, offset) => {
        const padded = ' '.repeat(offset) + s;
        let last = offset;
        for (const span of splitSentences(s, offset)) {
          expect(padded.slice(span.start, span.end)).toBe(span.text);
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(span.text.trim()).toBe(span.text);
          last = span.end;
        }
      }),
    );
  });
});

describe('measureSpeakerLabel', () => {
  it('recognises transcript labels', () => {
    expect(measureSpeakerLabel('MAYOR VARGA: Good afternoon.')).toBe('MAYOR VARGA: '.length);
    expect(measureSpeakerLabel('Mayor of Lindenfeld Elena Varga: Thank you.')).toBe(
      'Mayor of Lindenfeld Elena Varga: '.length,
    );
    expect(measureSpeakerLabel('Harbourmaster Piet Janssen (interpreted): Thank you.')).toBe(
      'Harbourmaster Piet Janssen (interpreted): '.length,
    );
    expect(measureSpeakerLabel('Q: Will fares rise?')).toBe(3);
  });

  it('does not take reported speech or menu items for labels', () => {
    expect(measureSpeakerLabel('He went on to say: The ferry is late.')).toBe(0);
    expect(measureSpeakerLabel('Font size:')).toBe(0);
    expect(measureSpeakerLabel('The Mayor said, in short: no.')).toBe(0);
  });
});

describe('listLines', () => {
  it('skips YAML front matter and blank lines, keeping offsets', () => {
    const text = '---\ntitle: A\n---\n\nFirst line.\r\n\nSecond line.';
    const lines = listLines(text);
    expect(lines.map((l) => l.text)).toEqual(['First line.', 'Second line.']);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });
});
