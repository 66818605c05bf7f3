// Transcripts in paragraphs with the label styles a document teaches by repeating them:
// numbered committee questions, a label alone on its line, "Q" and spaces in a hard-wrapped
// briefing, speakers known by office; and look-alikes (headlines, salutations) that are no label.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/corpus/parse.js';
import type { ParsedReport } from '../../src/corpus/parse.js';
import { detectStyledLabel, learnLabelStyle } from '../../src/corpus/label-style.js';
import { isHardWrapped, splitProseParagraphs } from '../../src/corpus/layout.js';
import { splitParagraphs } from '../../src/corpus/text.js';

const NB = '\u00a0';

function turns(r: ParsedReport): string[] {
  return r.statements.map((s) => `${s.kind} ${s.speaker ?? '-'}: ${s.text.replace(/\s+/g, ' ')}`);
}

function expectVerbatim(text: string, r: ParsedReport): void {
  for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('committee evidence with numbered questions', () => {
  const text = [
    'Select Committee on Harbour Works Minutes of Evidence',
    '',
    'Examination of Witnesses (Questions 40-42)',
    '',
    '3 MARCH 2021',
    '',
    'Witnesses: Ms Ada Okafor, Harbour Board, and Mr Jon Lindqvist, Port Authority.',
    '',
    '  Q40 Chairman: Welcome, Ms Okafor and Mr Lindqvist. Would either of you like to open?',
    '',
    '  Ms Okafor: Thank you. The pier needs new pilings before the winter storms.',
    '',
    '  Mr Lindqvist: I agree, and the tender closes in May.',
    '',
    '  Q41  Chairman: How much will that cost?',
    '',
    '  Ms Okafor: About two million crowns, as the board said.',
    '',
    '  Q42 Mrs Varga: Who decides in the end?',
    '',
    '  Mr Lindqvist: The council decides.',
    '',
  ].join('\n');
  const r = parseReport(text, 'harbour-committee.txt');

  it('credits each question to the member asking it, without its number; witnesses answer', () => {
    expect(turns(r)).toEqual([
      'turn Chairman: Welcome, Ms Okafor and Mr Lindqvist. Would either of you like to open?',
      'turn Ada Okafor: Thank you. The pier needs new pilings before the winter storms.',
      'turn Jon Lindqvist: I agree, and the tender closes in May.',
      'turn Chairman: How much will that cost?',
      'turn Ada Okafor: About two million crowns, as the board said.',
      'turn Varga: Who decides in the end?',
      'turn Jon Lindqvist: The council decides.',
    ]);
    expectVerbatim(text, r);
  });

  it('keeps the title and the date of the evidence session', () => {
    expect(r.title).toBe('Select Committee on Harbour Works Minutes of Evidence');
    expect(r.date).toBe('2021-03-03');
  });
});

describe('a label alone on its line', () => {
  const text = [
    'Select font Arial',
    'Transcripts /',
    'Mayor Elena Varga:',
    'Dear Jon Petrovich!',
    'Welcome to Brightwater. I am glad we could meet before the budget talks.',
    'We have much to discuss: the ferry, the pier and the river.',
    'Premier Jon Lindqvist: Thank you, Madam Mayor. It is good to be here.',
    'Our two cities have worked together for many years.',
    '',
  ].join('\n');
  const r = parseReport(text, 'brightwater-talks.txt');

  it('keeps a last paragraph cut off before any sentence ended, and says it is unfinished', () => {
    const cut = text + 'All these works show how much our two cities want to do together and';
    const c = parseReport(cut, 'brightwater-talks.txt');
    expect(turns(c).at(-1)).toBe(
      // The last word may itself be cut ("and" of "andante"): it is left out.
      'turn Jon Lindqvist: All these works show how much our two cities want to do together',
    );
    expect(c.warnings).toEqual([
      {
        line: 9,
        message: 'the report seems cut off mid-sentence; the last statement is unfinished',
      },
    ]);
  });

  it('carries over the paragraphs below it until the next label', () => {
    expect(turns(r)).toEqual([
      'turn Elena Varga: Dear Jon Petrovich!',
      'turn Elena Varga: Welcome to Brightwater. I am glad we could meet before the budget talks.',
      'turn Elena Varga: We have much to discuss: the ferry, the pier and the river.',
      'turn Jon Lindqvist: Thank you, Madam Mayor. It is good to be here.',
      'turn Jon Lindqvist: Our two cities have worked together for many years.',
    ]);
    // The page's font settings are no title: the file name stands in for one.
    expect(r.title).toBe('Brightwater talks');
    expect(r.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Elena Varga', 'Mayor'],
      ['Jon Lindqvist', 'Premier'],
    ]);
    expectVerbatim(text, r);
  });
});

describe('a hard-wrapped briefing in Markdown with "Q" and spaces', () => {
  const text = [
    '---',
    'tags: press-briefings',
    "date: '2024-05-02'",
    'title: "Press Gaggle by Press Secretary Mira Holt"',
    '---',
    NB,
    'Aboard the Harbour Ferry  ',
    'En Route Brightwater',
    '',
    '10:02 A.M. CEST',
    '',
    `MS. HOLT:${NB} Good morning.${NB} Today the Mayor will open the new pier at`,
    'Brightwater and meet the harbour workers who built it over the long',
    `winter.${NB}`,
    '',
    'She will then travel to the capital for the budget talks with the',
    'Premier, which we expect to run late into the evening.',
    '',
    `Q${NB}${NB}${NB} Thank you.${NB} Will the Mayor take questions at the pier, or`,
    'only after the talks with the Premier?',
    '',
    `MS. HOLT:${NB} After the talks.`,
    '',
    `Q${NB}${NB}${NB} (Inaudible.)`,
    '',
    `Q${NB}${NB}${NB} And on the budget — is there a number yet, or are the two`,
    'sides still apart on the ferry subsidy?',
    '',
    `MS. HOLT:${NB} Not yet.${NB} We expect one by Friday, and the Mayor will`,
    'say more when she is back from the capital.',
    '',
  ].join('\n');
  const r = parseReport(text, 'gaggle.md');

  it('credits the questions to Q and the answers to the press secretary, a paragraph each', () => {
    expect(turns(r)).toEqual([
      'turn Holt: Good morning. Today the Mayor will open the new pier at Brightwater and meet the harbour workers who built it over the long winter.',
      'turn Holt: She will then travel to the capital for the budget talks with the Premier, which we expect to run late into the evening.',
      'turn Q: Thank you. Will the Mayor take questions at the pier, or only after the talks with the Premier?',
      'turn Holt: After the talks.',
      'turn Q: And on the budget — is there a number yet, or are the two sides still apart on the ferry subsidy?',
      'turn Holt: Not yet. We expect one by Friday, and the Mayor will say more when she is back from the capital.',
    ]);
    expect(r.speakers.find((s) => s.name === 'Q')?.generic).toBe(true);
    expectVerbatim(text, r);
  });

  it('takes title and date from the front matter and numbers paragraphs, not printed lines', () => {
    expect(r.title).toBe('Press Gaggle by Press Secretary Mira Holt');
    expect(r.date).toBe('2024-05-02');
    // Five lines of front matter, the place, the time, then one number per paragraph.
    expect(r.statements.map((s) => s.paragraph)).toEqual([9, 10, 11, 12, 14, 15]);
  });
});

describe('speakers known only by office', () => {
  it('resolves "THE MAYOR:" and "THE PREMIER:" to the people the text names', () => {
    const text = [
      'Remarks by Mayor Varga and Premier Lindqvist Before Their Meeting',
      '',
      'Mayor Elena Varga of Brightwater and Premier Jon Lindqvist met at the harbour on Monday.',
      '',
      'THE MAYOR: Welcome to the harbour, Premier.',
      '',
      'THE PREMIER: Thank you. It is a fine day for it.',
      '',
      'THE MAYOR: It is. Shall we walk?',
      '',
    ].join('\n');
    const r = parseReport(text, 'harbour-remarks.txt');
    expect(turns(r)).toEqual([
      'turn Elena Varga: Welcome to the harbour, Premier.',
      'turn Jon Lindqvist: Thank you. It is a fine day for it.',
      'turn Elena Varga: It is. Shall we walk?',
    ]);
  });
});

describe('an office without a name', () => {
  it('credits "PRIME MINISTER:" to whoever the text says holds the office', () => {
    const text = [
      'Remarks by President Anna Berg and Prime Minister Jon Lindqvist Before Their Meeting',
      '3:23 P.M.',
      'THE PRESIDENT: Welcome to the harbour, Prime Minister.',
      'PRIME MINISTER: Thank you, Madam President. It is a fine day.',
      'PRIME MINISTER LINDQVIST: Shall we walk?',
      'Q (Cross-talk.)',
      'PRESIDENT BERG: Thanks, everybody.',
      '3:25 P.M.',
    ].join('\n\n');
    const r = parseReport(text, 'harbour-remarks.txt');
    expect(turns(r)).toEqual([
      'turn Anna Berg: Welcome to the harbour, Prime Minister.',
      'turn Jon Lindqvist: Thank you, Madam President. It is a fine day.',
      'turn Jon Lindqvist: Shall we walk?',
      'turn Anna Berg: Thanks, everybody.',
    ]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Anna Berg', 'Jon Lindqvist']);
  });
});

describe('label shapes learned from the document', () => {
  it('reads one-word labels once the document repeats them', () => {
    const text = [
      'Harbour talks, 3 March 2021',
      'Varga: Welcome to the harbour.',
      'Lindqvist: Thank you.',
      'Varga: Shall we walk?',
      'Okafor: I will lead the way.',
      'Lindqvist: Please do.',
    ].join('\n\n');
    expect(turns(parseReport(text, 'walk.txt'))).toEqual([
      'turn Varga: Welcome to the harbour.',
      'turn Lindqvist: Thank you.',
      'turn Varga: Shall we walk?',
      'turn Okafor: I will lead the way.',
      'turn Lindqvist: Please do.',
    ]);
  });

  it('reads names in capitals alone on a line when two speakers recur that way', () => {
    const text = [
      'Harbour talks',
      'VARGA',
      'Welcome to the harbour.',
      'It is a fine day.',
      'LINDQVIST',
      'Thank you.',
      'VARGA',
      'Shall we walk?',
      'LINDQVIST',
      'Yes.',
    ].join('\n\n');
    expect(turns(parseReport(text, 'walk.txt'))).toEqual([
      'turn Varga: Welcome to the harbour.',
      'turn Varga: It is a fine day.',
      'turn Lindqvist: Thank you.',
      'turn Varga: Shall we walk?',
      'turn Lindqvist: Yes.',
    ]);
  });

  it('does not take a running page header in capitals for a speaker', () => {
    const text = [
      'HARBOUR GAZETTE',
      'The pier opened on Monday after a long winter of works.',
      'HARBOUR GAZETTE',
      'The ferry runs again from next week.',
    ].join('\n\n');
    const r = parseReport(text, 'gazette.txt');
    expect(r.speakers).toEqual([]);
    expect(r.statements).toEqual([]);
  });
});

describe('look-alikes that are no label', () => {
  it('cuts a heading glued to the label by page scraping', () => {
    const text = [
      'Harbour TalksMayor Elena Varga: Welcome, Premier. We have much to discuss.',
      '',
      'Premier Jon Lindqvist: Thank you. Let us start with the ferry.',
      '',
    ].join('\n');
    const r = parseReport(text, 'talks.txt');
    expect(turns(r)).toEqual([
      'turn Elena Varga: Welcome, Premier. We have much to discuss.',
      'turn Jon Lindqvist: Thank you. Let us start with the ferry.',
    ]);
    expectVerbatim(text, r);
  });

  it('does not read a capitalised sentence opener in a news report as a speaker', () => {
    const text = [
      'Mayor opens the new pier',
      '',
      'Mayor Elena Varga opened the new pier on Monday, and the crowd cheered.',
      '',
      'Dear Friends: the pier is yours, she told them, and the band played on.',
      '',
    ].join('\n');
    const r = parseReport(text, 'pier.txt');
    expect(r.speakers.map((s) => s.name)).toEqual(['Elena Varga']);
    expect(r.statements.every((s) => s.kind !== 'turn')).toBe(true);
  });

  it('does not read the head of an attendance list as a speaker', () => {
    const text = [
      'HARBOUR BOARD',
      'PRESENT: Mayor Varga, Premier Lindqvist, Councillor Okafor',
      'MAYOR VARGA: Welcome, everyone.',
      'PREMIER LINDQVIST: Thank you.',
    ].join('\n\n');
    const r = parseReport(text, 'board.txt');
    expect(r.speakers.map((s) => s.name)).toEqual(['Varga', 'Lindqvist']);
    expect(r.statements.map((s) => s.text)).toEqual(['Welcome, everyone.', 'Thank you.']);
  });

  it('does not read a mixed-case headline in a transcript labelled in capitals as a speaker', () => {
    const text = [
      'MAYOR VARGA: Welcome.',
      'PREMIER LINDQVIST: Thank you.',
      'MAYOR VARGA: Shall we walk?',
      'Harbour Pilings Ready: the pier opens in May.',
      'PREMIER LINDQVIST: Yes.',
    ].join('\n\n');
    const r = parseReport(text, 'walk.txt');
    expect(r.speakers.map((s) => s.name)).toEqual(['Varga', 'Lindqvist']);
  });

  it('reads no weak label shape in a file that has no other label', () => {
    const style = learnLabelStyle(['Varga: the harbour must stay public'], () => false);
    expect(detectStyledLabel('Varga Warns: the harbour must stay public', () => false, style)).toBe(
      null,
    );
  });
});

describe('hard-wrapped text', () => {
  const wrapped = [
    'The Mayor will open the new pier at Brightwater and meet the harbour',
    'workers who built it over the long winter, before she travels on to',
    'the capital for the budget talks with the Premier.',
    '',
    'The talks are expected to run late, and a statement will follow in',
    'the morning from both offices, once the numbers have been agreed.',
    '',
    'Until then the ferry keeps its summer timetable, and the harbour office',
    'stays open on Saturdays for anyone who wants to see the plans for the',
    'new pilings.',
    '',
  ].join('\n');

  it('is read a paragraph per block; one line per paragraph stays a paragraph per line', () => {
    expect(isHardWrapped(splitParagraphs(wrapped))).toBe(true);
    const paras = splitProseParagraphs(wrapped);
    expect(paras.map((p) => [p.n, p.line])).toEqual([
      [1, 1],
      [2, 5],
      [3, 8],
    ]);
    for (const p of paras) expect(wrapped.slice(p.start, p.end)).toBe(p.text);
    const oneLine = wrapped.replace(/\n(?!\n)/g, ' ').replace(/ \n/g, '\n');
    expect(isHardWrapped(splitParagraphs(oneLine))).toBe(false);
    expect(splitProseParagraphs(oneLine)).toEqual(splitParagraphs(oneLine));
  });

  it('keeps wrapped list items apart', () => {
    const notes = [
      '* Rod: we need to figure out whether the working groups want to report',
      '  to the board every month, or only when there is news to share.',
      '* Anna: the overlap with the regular blog posts is small, and the',
      '  posts could link to the reports once they are published.',
      '* Rod: we could couple it with the monthly meetings and see how it',
      '  goes for a quarter before deciding anything for the whole year.',
    ].join('\n');
    expect(splitProseParagraphs(notes).map((p) => p.line)).toEqual([1, 3, 5]);
  });

  it('breaks a block where a labelled turn starts without a blank line', () => {
    const text = [
      'MAYOR VARGA: The Mayor will open the new pier at Brightwater and meet',
      'the harbour workers who built it over the long winter, before she',
      'travels on to the capital for the budget talks with the Premier.',
      'PREMIER LINDQVIST: The talks are expected to run late, and a statement',
      'will follow in the morning from both offices, once the numbers have',
      'been agreed by the two delegations and the harbour board.',
    ].join('\n');
    const r = parseReport(text, 'wrapped.txt');
    expect(r.statements.map((s) => [s.speaker, s.text.split('\n').length])).toEqual([
      ['Varga', 3],
      ['Lindqvist', 3],
    ]);
  });
});

describe('labelled paragraphs on arbitrary input', () => {
  const pieces = fc.constantFrom(
    'Q200 Chairman: ',
    'Q1 ',
    'Mr Okafor: ',
    `Q${NB}${NB}${NB} `,
    'Mayor Elena Varga:\n',
    'VARGA\n',
    'THE MAYOR: ',
    'Harbour TalksMayor Varga: ',
    'Dear Friends: ',
    'the harbour workers who built it over the long winter, before she\n',
    'We will open the pier. ',
    '(Inaudible.) ',
    '\n',
    '\n\n',
    '  ',
    NB,
    '---\ntitle: x\n---\n',
  );
  const transcriptish = fc
    .array(fc.oneof(pieces, fc.string({ maxLength: 10 })), { maxLength: 50 })
    .map((xs) => xs.join(''));

  it('never throws and every statement is the text at its offsets', () => {
    fc.assert(
      fc.property(transcriptish, (text) => {
        const r = parseReport(text, 'arbitrary.md');
        expect(r.warnings.every((w) => !w.message.startsWith('could not be parsed'))).toBe(true);
        expectVerbatim(text, r);
        for (const p of splitProseParagraphs(text)) expect(text.slice(p.start, p.end)).toBe(p.text);
      }),
      { numRuns: 300 },
    );
  });
});
