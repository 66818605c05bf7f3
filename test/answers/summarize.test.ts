import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meetingOneLine, summarizeMeeting } from '../../src/answers/profiles.js';
import { isProseSentence, listCandidateSentences } from '../../src/answers/summarize.js';
import { buildLindenfeldCorpus, buildMeeting } from './fixture-corpus.js';

const corpus = buildLindenfeldCorpus();
const [budget, harbour, school] = corpus.meetings;
if (!budget || !harbour || !school) throw new Error('fixture corpus incomplete');

describe('summarizeMeeting', () => {
  it('gives 3–5 sentences, each word for word in the report, in report order', () => {
    for (const m of corpus.meetings) {
      const summary = summarizeMeeting(m);
      expect(summary.length).toBeGreaterThanOrEqual(3);
      expect(summary.length).toBeLessThanOrEqual(5);
      let last = -1;
      for (const s of summary) {
        const at = m.text.indexOf(s);
        expect(at, s).toBeGreaterThan(last);
        last = at;
      }
    }
  });

  it('starts a news report with its lead: the sentence saying who met whom', () => {
    expect(summarizeMeeting(budget)[0]).toBe(
      'Mayor Elena Varga met with Councillor Tom Okafor and the budget committee at City Hall on Tuesday to settle the repair plan for the old river bridge.',
    );
    expect(meetingOneLine(budget)).toBe(summarizeMeeting(budget)[0]);
  });

  it('leaves out site menus, headings, the title and time stamps', () => {
    const all = corpus.meetings.flatMap((m) => summarizeMeeting(m)).join('\n');
    for (const noise of [
      'Font size',
      'Site menu',
      'Official website',
      '##',
      'P.M. CEST',
      'Harbour Board of Lindenfeld',
    ]) {
      expect(all).not.toContain(noise);
    }
  });

  it('summarises a transcript from its narration and substantive turns, without labels, stage notes or pleasantries', () => {
    const summary = summarizeMeeting(harbour);
    expect(summary[0]).toBe(
      'Mayor Elena Varga chaired the meeting of the Harbour Board with Harbourmaster Piet Janssen on the future of the ferry service.',
    );
    const joined = summary.join('\n');
    expect(joined).not.toMatch(
      /MAYOR VARGA|HARBOURMASTER|\(Laughter\.\)|Good afternoon|Thank you, Madam Mayor/u,
    );
    expect(joined).toContain('ferry');
  });

  it('keeps a short report whole and an empty one empty', () => {
    const tiny = buildMeeting({
      id: 'tiny.txt',
      title: null,
      date: null,
      text: 'Menu\n\nThe harbour committee met briefly on Friday morning.\n\nNothing was decided about the pier.',
      statements: [],
    });
    expect(summarizeMeeting(tiny)).toEqual([
      'The harbour committee met briefly on Friday morning.',
      'Nothing was decided about the pier.',
    ]);
    const empty = buildMeeting({
      id: 'empty.txt',
      title: null,
      date: null,
      text: 'View settings\nFont size:\n',
      statements: [],
    });
    expect(summarizeMeeting(empty)).toEqual([]);
    expect(meetingOneLine(empty)).toBeNull();
  });

  it('summarises a very long report quickly', () => {
    const paragraphs = Array.from(
      { length: 1500 },
      (_, i) =>
        `Councillor ${i % 7 === 0 ? 'Okafor' : 'Varga'} spoke about item ${i} of the harbour agenda and the ferry budget for district ${i % 13}.`,
    );
    const big = buildMeeting({
      id: 'big.txt',
      title: null,
      date: null,
      text: paragraphs.join('\n\n'),
      statements: [],
    });
    const t0 = performance.now();
    const summary = summarizeMeeting(big);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(summary.length).toBeGreaterThanOrEqual(3);
    for (const s of summary) expect(big.text).toContain(s);
  });

  it('never returns a sentence that is not in the text, whatever the text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.lorem({ mode: 'sentences', maxCount: 4 }),
            fc.string({ unit: 'grapheme', maxLength: 80 }),
            fc.constantFrom(
              'MAYOR VARGA: Thank you.',
              '3:30 P.M. EDT',
              '“Quoted. Twice.”',
              'Mr. U.S. Dr.',
            ),
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const text = parts.join('\n\n');
          const m = buildMeeting({ id: 'p.txt', title: null, date: null, text, statements: [] });
          const summary = summarizeMeeting(m);
          expect(summary.length).toBeLessThanOrEqual(5);
          for (const s of summary) expect(text).toContain(s);
          const one = meetingOneLine(m);
          if (one !== null) expect(text).toContain(one);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('isProseSentence', () => {
  it('accepts prose and rejects noise', () => {
    expect(isProseSentence('The ferry lost money for the third year in a row.', null)).toBe(true);
    expect(isProseSentence('END 4:10 P.M. CEST', null)).toBe(false);
    expect(isProseSentence('Official website of the City of Lindenfeld', null)).toBe(false);
    expect(isProseSentence('(Laughter.)', null)).toBe(false);
    expect(isProseSentence('THE MEETING WAS ADJOURNED AT NOON TODAY.', null)).toBe(false);
    expect(
      isProseSentence(
        'Meeting of the Harbour Board on ferry fares.',
        'Meeting of the Harbour Board on ferry fares',
      ),
    ).toBe(false);
  });

  it('lists candidates with the speaker of the turn they belong to', () => {
    const c = listCandidateSentences(harbour).find((s) =>
      s.text.startsWith('The night ferry carries'),
    );
    expect(c?.speaker).toBe('Piet Janssen');
    expect(c?.kind).toBe('turn');
  });
});
