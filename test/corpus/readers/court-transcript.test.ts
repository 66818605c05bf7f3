// A fictional court argument: numbered, double-spaced lines, padded labels, page footers.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import { courtTranscriptReader } from '../../../src/corpus/readers/court-transcript.js';

const FOOTER = 'Harbourside Reporting Company';
const HEAD = 'Official - Subject to Final Review';
const PAD = '              ';

/** One page: lines numbered 1–25 with a blank line between, the reporter's head and footer. */
function page(n: number, lines: string[]): string {
  const numbered = Array.from({ length: 25 }, (_, i) =>
    `${String(i + 1).padStart(2)}   ${lines[i] ?? ''}`.trimEnd(),
  );
  return `${n > 1 ? '\f' : ''}${' '.repeat(24)}${HEAD}\n\n\n${numbered.join('\n\n')}\n\n${' '.repeat(40)}${n}\n\n${' '.repeat(24)}${FOOTER}\n`;
}

const ARGUMENT = [
  page(1, [
    '       IN THE SUPREME COURT OF NORTHMARCH',
    '- - - - - - - - - - - - - - - - x',
    'PORT OF ALDER AUTHORITY,                  :',
    '               Petitioner                 :    No. 21-104',
    '        v.                                :',
    'GRETA LINDQVIST, ET AL.                   :',
    '- - - - - - - - - - - - - - - - x',
    '                        Alder City',
    '                        Tuesday, October 5, 2021',
    `${PAD}The above-entitled matter came on for oral`,
    'argument before the Supreme Court of Northmarch',
    'at 10:04 a.m.',
    'APPEARANCES:',
    'MIRA OKONJO, ESQ., Alder City; on behalf of',
    '   Petitioner.',
    'PETER DUBE, JR., ESQ., Alder City; on behalf of',
    '   Respondents.',
  ]),
  page(2, [
    '                      P R O C E E D I N G S',
    '                                                        (10:04 a.m.)',
    `${PAD}CHIEF JUSTICE HALVORSEN:          We will hear`,
    'argument first this morning in Case 21-104, Port of',
    'Alder Authority v. Lindqvist.',
    `${PAD}Ms. Okonjo.`,
    '                ORAL ARGUMENT OF MIRA OKONJO',
    '                 ON BEHALF OF THE PETITIONER',
    `${PAD}MS. OKONJO:      Mr. Chief Justice, and may it`,
    'please the Court:',
    `${PAD}The harbour dues at issue here are a charge`,
    'for a service, not a tax, and the court below erred',
    'when it treated them as one.     The statute says the',
    'Authority may set dues "for the use of its berths,"',
    'and the dues follow the length of the ship and the',
  ]),
  page(3, [
    'days it stays.',
    `${PAD}JUSTICE PRATT:          But --`,
    `${PAD}MS. OKONJO:      The dues --`,
    `${PAD}JUSTICE PRATT:          But --`,
    `${PAD}MS. OKONJO:      -- are set each year.`,
    `${PAD}JUSTICE PRATT:          But --`,
    `${PAD}JUSTICE PRATT:          But the money goes into`,
    'the general fund, does it not?',
    `${PAD}MS. OKONJO:      Only the surplus, Justice Pratt.`,
    `${PAD}(Laughter.)`,
    `${PAD}JUSTICE PRATT:          Then the surplus is the`,
    'tax.',
    `${PAD}CHIEF JUSTICE HALVORSEN:          Thank you, counsel.`,
    'The case is submitted.',
    `${PAD}(Whereupon, at 10:41 a.m., the case in the`,
    'above-entitled matter was submitted.)',
  ]),
  // the word index at the back: numbered lines, but no speech
  page(4, [
    'A                 harbour 3:12 4:2        surplus 3:5 3:7',
    'above-entitled 3:22     authority 2:4 2:9 berths 2:14',
    'able 2:3 3:3            charge 2:11              dues 2:11',
  ]),
].join('');

/** Speaker and first words of each statement (a line number may follow them inside a turn). */
function summary(text: string): string[] {
  const r = parseReport(text, 'port-of-alder-argument.txt');
  return r.statements.map((s) => `${s.speaker}: ${s.text.split(/\s+/).slice(0, 3).join(' ')}`);
}

describe('court transcripts', () => {
  const r = parseReport(ARGUMENT, 'port-of-alder-argument.txt');

  it('is read by the court reader', () => {
    expect(courtTranscriptReader.accepts(ARGUMENT, 'port-of-alder-argument.txt')).toBe(true);
    expect(courtTranscriptReader.read(ARGUMENT, 'x.txt').reader).toBe('court-transcript');
  });

  it('names the case and the day from the caption', () => {
    expect(r.title).toBe(
      'Port of Alder Authority, Petitioner v. Greta Lindqvist, et al. (No. 21-104)',
    );
    expect(r.date).toBe('2021-10-05');
  });

  it('gives each turn and each indented paragraph to its speaker, in order', () => {
    expect(summary(ARGUMENT)).toEqual([
      'Halvorsen: We will hear',
      'Halvorsen: Ms. Okonjo.',
      'Mira Okonjo: Mr. Chief Justice,',
      'Mira Okonjo: The harbour dues',
      // the page break splits the paragraph rather than quoting the footer
      'Mira Okonjo: days it stays.',
      // interruptions repeated word for word are turns, not a running head
      'Pratt: But --',
      'Mira Okonjo: The dues --',
      'Pratt: But --',
      'Mira Okonjo: -- are set',
      'Pratt: But --',
      'Pratt: But the money',
      'Mira Okonjo: Only the surplus,',
      'Pratt: Then the surplus',
      'Halvorsen: Thank you, counsel.',
    ]);
  });

  it('resolves "MS. OKONJO" to the counsel of the appearances; counsel who never speak are present', () => {
    expect(r.speakers.map((s) => s.name)).toEqual(['Halvorsen', 'Mira Okonjo', 'Pratt']);
    const okonjo = r.speakers.find((s) => s.name === 'Mira Okonjo');
    expect(okonjo?.aliases).toContain('MS. OKONJO');
    expect(okonjo?.role).toBe('Counsel for Petitioner');
    expect(r.present.map((p) => p.name)).toEqual(['Peter Dube, Jr.']);
  });

  it('resolves a label to counsel whose listed name ends in "JR."', () => {
    const dube = ARGUMENT.replace(
      `${PAD}JUSTICE PRATT:          Then the surplus is the`,
      `${PAD}MR. DUBE:      Then the surplus is the`,
    );
    const d = parseReport(dube, 'x.txt');
    expect(d.speakers.map((s) => s.name)).toContain('Peter Dube, Jr.');
    expect(d.present).toEqual([]);
  });

  it('never takes footers, headings, line numbers or stage notes for speech', () => {
    for (const s of r.statements) {
      expect(s.text).not.toMatch(
        /Reporting|Official|ORAL ARGUMENT|P R O C|Laughter|APPEARANCES|Whereupon|3:12/,
      );
      expect(s.text).toMatch(/^[^\d\s]/);
    }
  });

  it('still finds the turns where extraction collapsed the padding', () => {
    const collapsed = ARGUMENT.split('\n')
      .map((l) => l.replace(/[ \t]+/g, ' '))
      .join('\n');
    const turns = parseReport(collapsed, 'x.txt').statements.map((s) => s.speaker);
    expect(turns.filter((sp, i) => sp !== turns[i - 1])).toEqual([
      'Halvorsen',
      'Mira Okonjo',
      'Pratt',
      'Mira Okonjo',
      'Pratt',
      'Mira Okonjo',
      'Pratt',
      'Mira Okonjo',
      'Pratt',
      'Halvorsen',
    ]);
  });

  it('leaves a file without numbered lines to other readers', () => {
    const plain = ARGUMENT.replace(/^ ?\d{1,2} {3}/gm, '');
    expect(courtTranscriptReader.accepts(plain, 'x.txt')).toBe(false);
    expect(courtTranscriptReader.accepts(ARGUMENT, 'argument.vtt')).toBe(false);
  });
});
