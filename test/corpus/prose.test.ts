// Prose records read by the paragraph parser: minutes, readouts, UN-style coverage and scraped
// news pages. Who says what, in which form, in order; group statements have no speaker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/corpus/mentions.js';
import { parseReport } from '../../src/corpus/parse.js';
import { tokenize } from '../../src/corpus/text.js';
import type { ParsedReport } from '../../src/corpus/parse.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'prose');

function parseFixture(name: string): { r: ParsedReport; text: string } {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return { r: parseReport(text, name), text };
}

/** "kind speaker: first words" per statement, in file order. */
function summary(r: ParsedReport, words = 4): string[] {
  return r.statements.map(
    (s) =>
      `${s.kind} ${s.speaker ?? '-'}: ${s.text.replace(/\s+/g, ' ').split(' ').slice(0, words).join(' ')}`,
  );
}

function expectVerbatim(r: ParsedReport, text: string): void {
  for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('council minutes (typed, hard-wrapped, scanned)', () => {
  const { r, text } = parseFixture('harbour-board-minutes-1993.txt');

  it('attributes reported speech to councillors and to an officer named by title, then "He"', () => {
    expect(summary(r)).toEqual([
      'paraphrase Quinn: Harbourmaster Quinn introduced his',
      'paraphrase Quinn: He explained that silt',
      'paraphrase Quinn: In addition, the survey',
      'paraphrase Brown: Councillor Brown said that',
      'paraphrase Okafor: AIderman Okafor asked whether',
      'paraphrase Quinn: The Harbourmaster replied that',
      'paraphrase -: Members discussed the timing',
    ]);
    expectVerbatim(r, text);
  });

  it('joins a sentence wrapped over lines into one statement', () => {
    const s = r.statements.find((x) => /^He\sexplained/.test(x.text));
    expect(s?.text).toContain(
      'over the winter\nand that the channel would need dredging before August.',
    );
  });

  it('reads "AIderman" as the same alderman, and the roster and the motion as no speech', () => {
    expect(r.speakers.map((s) => s.name)).toEqual(['Quinn', 'Brown', 'Okafor']);
    expect(r.speakers.find((s) => s.name === 'Okafor')?.aliases).toContain('AIderman Okafor');
    expect(r.statements.some((s) => /moved|motion|order at|Present/.test(s.text))).toBe(false);
    expect(r.present.map((p) => p.name)).toEqual(expect.arrayContaining(['Ellis', 'Mwangi']));
    expect(r.present.map((p) => p.name)).not.toContain('Abbott');
  });

  it('reads the same page typed double-spaced alike', () => {
    const doubled = text.replace(/\n/g, '\n\n');
    const d = parseReport(doubled, 'doubled.txt');
    expect(summary(d)).toEqual(summary(r));
    expectVerbatim(d, doubled);
  });

  it('takes the title from the capitalised heading lines and the date from the page', () => {
    expect(r.title).toBe('CITY OF PORT ALDER HARBOUR BOARD MINUTES');
    expect(r.date).toBe('1993-03-03');
  });
});

describe('minutes naming the chair in the roster', () => {
  it('reads "the Chair" as the one the roster marks, bodies and unnamed residents without a speaker', () => {
    const text =
      'MINUTES\nPARKS COMMITTEE\nMay 2, 1994\n\nPresent: Alderman Okafor (Chair), Ms. Reyes, Mr. Dunmore\n\n' +
      'The Chair said that the pool would open in June. The Task Force agreed to meet again in July. ' +
      'A resident asked whether the fees would rise.\n';
    const r = parseReport(text, 'x.txt');
    expect(summary(r)).toEqual([
      'paraphrase Okafor: The Chair said that',
      'paraphrase -: The Task Force agreed',
      'paraphrase -: A resident asked whether',
    ]);
    expect(r.speakers.map((x) => x.name)).toEqual(['Okafor']);
  });
});

describe('he and she', () => {
  it('follows "she" back to the woman when the man spoke last', () => {
    const text =
      'Minutes\n\nMr. Pike reported that the survey was complete. Ms. Reyes asked whether the high school was included. ' +
      'He replied that it was not. She said that it should be.\n';
    expect(summary(parseReport(text, 'x.txt'), 3)).toEqual([
      'paraphrase Pike: Mr. Pike reported',
      'paraphrase Reyes: Ms. Reyes asked',
      'paraphrase Pike: He replied that',
      'paraphrase Reyes: She said that',
    ]);
  });
});

describe('names that are not speakers', () => {
  const none = { fullNameEnding: () => undefined, isKnown: () => false };
  const names = (t: string) =>
    findMentions(t, tokenize(t), 0, none)
      .filter((m) => m.kind === 'name')
      .map((m) => m.name);

  it('reads an unknown name that speaks, not a case or a body after a preposition or article', () => {
    expect(names('Then Dana Lund said the pier was safe.')).toEqual(['Dana Lund']);
    expect(names('The statute at issue in Harbour Lines, says that no suit lies.')).toEqual([]);
    expect(names('The Harbour Board agreed to the plan.')).toEqual([]);
    expect(names('OLGA PETROVNA (Sylvania) said her delegation abstained.')).toEqual([
      'Olga Petrovna',
    ]);
  });
});

describe('the passive voice', () => {
  it('does not make the one thanked or asked the speaker', () => {
    const text =
      'Minutes\n\nCouncillor Brown was thanked for her work on the plan. Councillor Ellis has been asked to chair the panel. ' +
      'Councillor Brown has said that the plan works.\n';
    expect(summary(parseReport(text, 'x.txt'))).toEqual([
      'paraphrase Brown: Councillor Brown has said',
    ]);
  });
});

describe('minutes scraped into one long line', () => {
  const text =
    'HomeCity Council Minutes 03-04-2003Approved Minutes Regular Council Meeting March 4, 2003 ' +
    'Mayor Varga called the meeting to order at 7:00 p.m. 3.02) Report on Street Trees City ' +
    'Engineer Lund introduced the new planting plan. He stated the first trees would go in ' +
    'next month. Members of the board asked about watering. Pat Osei, a resident, thanked ' +
    'the Council for the plan. She also thanked the crews.';
  const r = parseReport(text, 'minutes.txt');

  it('starts the statement at the speaker, not at the agenda heading glued before it', () => {
    expect(r.statements[0]?.text).toMatch(/^[A-Z][^\d)]*City Engineer Lund introduced the new/);
    expect(summary(r).slice(1)).toEqual([
      'paraphrase Lund: He stated the first',
      'paraphrase Pat Osei: Pat Osei, a resident,',
      'paraphrase Pat Osei: She also thanked the',
    ]);
    expect(r.statements[0]?.speaker).toBe('Lund');
    expectVerbatim(r, text);
  });

  it('finds the minutes title inside the scraped line', () => {
    expect(r.title).toBe('Approved Minutes Regular Council Meeting March 4, 2003');
  });
});

describe('a government readout', () => {
  const { r, text } = parseFixture('ministry-readout.txt');

  it('reads the spokesperson\'s voice, the office holder and "She", and the group', () => {
    expect(summary(r)).toEqual([
      'turn A Ministry spokesperson: The Chancellor met the',
      'paraphrase The Chancellor: The Chancellor said the',
      'paraphrase -: They agreed to meet',
      'paraphrase The Chancellor: On fisheries, the Chancellor',
      'paraphrase The Chancellor: She said that both',
    ]);
    expectVerbatim(r, text);
  });

  it('never invents a person from a group statement', () => {
    expect(r.speakers.map((s) => s.name)).toEqual(['A Ministry spokesperson', 'The Chancellor']);
  });
});

describe('UN meetings coverage', () => {
  const { r, text } = parseFixture('security-council-coverage.txt');

  it('names the briefer from the appositive, follows "she said" and the title, and the delegate', () => {
    expect(summary(r)).toEqual([
      'paraphrase -: Members voiced concern over',
      'paraphrase Amara Diallo: At the outset, Amara',
      'paraphrase Amara Diallo: Since Sunday, three villages',
      'quote Amara Diallo: Both sides must pull',
      'paraphrase The representative of Freedonia: The representative of Freedonia',
    ]);
    expect(r.speakers.find((s) => s.name === 'Amara Diallo')?.role).toBe(
      'Assistant Secretary-General for Peacekeeping',
    );
    expectVerbatim(r, text);
  });
});

describe('UN coverage naming delegates by country', () => {
  const text =
    'Council Extends Mission\n\n' +
    'OLGA PETROVNA (Sylvania) said her delegation had abstained on the text.\n\n' +
    'The representative of Ruritania, speaking also for the Nordic countries, welcomed the extension. He said the Mission had saved lives.\n\n' +
    "Also speaking were the representatives of Elbonia and Latveria. China's delegate stressed that sovereignty must be respected.\n\n" +
    'The ceasefire must hold, said the representative of Freedonia.\n';
  const r = parseReport(text, 'x.txt');

  it('reads a capitalised name with the country in brackets, each delegate apart, and "said the …"', () => {
    expect(summary(r)).toEqual([
      'paraphrase Olga Petrovna: OLGA PETROVNA (Sylvania) said',
      'paraphrase The representative of Ruritania: The representative of Ruritania,',
      'paraphrase The representative of Ruritania: He said the Mission',
      "paraphrase China's delegate: China's delegate stressed that",
      'paraphrase The representative of Freedonia: The ceasefire must hold,',
    ]);
    expect(r.speakers.find((x) => x.name === 'Olga Petrovna')?.role).toBe(
      'Representative of Sylvania',
    );
  });
});

describe('a call readout', () => {
  it('leaves out who spoke with whom, keeps what each said, and the leaders as a group', () => {
    const text =
      "Readout of President Novak's Call with Chancellor Berg\n\n" +
      'President Lena Novak spoke today with Chancellor Jonas Berg of Westholm. The leaders discussed the ferry agreement. ' +
      'President Novak reaffirmed her support for the fisheries accord. The President welcomed the Chancellor to the summit. ' +
      'President Novak and Chancellor Berg also agreed to meet in June.\n';
    expect(summary(parseReport(text, 'x.txt'))).toEqual([
      'paraphrase -: The leaders discussed the',
      'paraphrase Lena Novak: President Novak reaffirmed her',
      'paraphrase -: President Novak and Chancellor',
    ]);
  });
});

describe('an office after a quotation', () => {
  it('gives the quotation to the office holder the readout never names', () => {
    const text = 'Readout\n\n"We will stand with Westholm," the Prime Minister said.\n';
    expect(summary(parseReport(text, 'x.txt'))).toEqual([
      'quote The Prime Minister: We will stand with',
    ]);
  });
});

describe("an office beside its holder's name", () => {
  it("keeps the Prime Minister apart from the Prime Minister he calls, and reads the spokesperson's voice", () => {
    const text =
      'PM call with Prime Minister of Westholm: 3 February 2022\n\n' +
      "The Prime Minister's spokesperson said:\n\n" +
      'The Prime Minister spoke to Prime Minister Jonas Berg of Westholm this afternoon.\n\n' +
      'The Prime Minister condemned the attack on the ferry terminal. Prime Minister Berg thanked him for the call.\n';
    const r = parseReport(text, 'x.txt');
    expect(summary(r)).toEqual([
      "turn The Prime Minister's spokesperson: The Prime Minister spoke",
      'paraphrase The Prime Minister: The Prime Minister condemned',
      'paraphrase Jonas Berg: Prime Minister Berg thanked',
    ]);
  });
});

describe('a headline glued to the first sentence with no copy above it', () => {
  it('splits the headline off and reads the office holder the report never names', () => {
    const text =
      "Leader Receives Westholm's PresidentThe Leader of the Revolution received President Jonas Berg of Westholm on Monday.\n\n" +
      'Referring to the ferry agreement, the Leader said: "This agreement must be carried out quickly."\n\n' +
      'Pointing to the floods, His Eminence said the two nations should help each other.\n';
    const r = parseReport(text, 'x.txt');
    expect(summary(r)).toEqual([
      'quote The Leader of the Revolution: This agreement must be',
      'paraphrase The Leader of the Revolution: Pointing to the floods,',
    ]);
    expect(r.speakers.map((x) => x.name)).not.toContain('Receives');
    expect(r.title).toBe("Leader Receives Westholm's President");
  });
});

describe('a scraped news page', () => {
  const { r, text } = parseFixture('glued-heading.txt');

  it('does not read a headline verb glued to the first sentence as a name', () => {
    expect(r.speakers.map((s) => s.name)).toEqual(['Elena Varga']);
    expect(r.statements.every((s) => !s.text.startsWith('Mayor Meets'))).toBe(true);
  });

  it('reads a summary sentence joined to a verb of saying as paraphrase', () => {
    expect(summary(r)).toEqual([
      'paraphrase Elena Varga: The Mayor welcomed the',
      'quote Elena Varga: The harbour belongs to',
    ]);
    expectVerbatim(r, text);
  });
});

describe('where a voice ends', () => {
  it('gives a named speaker\'s "said:" only the paragraph after it, not the narration that follows', () => {
    const text =
      'Harbour talks\n\nMayor Elena Varga said:\n\nThe harbour must stay public.\n\n' +
      'The talks ended at noon with lunch on the quay.\n';
    expect(summary(parseReport(text, 'x.txt'))).toEqual([
      'paraphrase Elena Varga: The harbour must stay',
    ]);
  });

  it('does not read a capitalised agenda heading as a speaker label', () => {
    const text =
      'MINUTES\n\nREPORT OF THE CITY MANAGER\n\nCity Manager Dana Lund said that the budget was balanced.\n\n' +
      'The Council recessed at 8:10 p.m.\n';
    const r = parseReport(text, 'x.txt');
    expect(summary(r)).toEqual(['paraphrase Dana Lund: City Manager Dana Lund']);
    expect(r.speakers.map((x) => x.name)).toEqual(['Dana Lund']);
  });
});

describe('prose readers on arbitrary text', () => {
  const pieces = fc.constantFrom(
    'Present: Ald. Okafor, Lanyon',
    'MOTION: ',
    'Members discussed ',
    'They agreed ',
    'A spokesperson said:',
    'The representative of Freedonia said ',
    'AIderman Lanyon ',
    'Councillor Brown said that ',
    ', he said, ',
    'In addition, ',
    'made the point that ',
    'Meets with Traders',
    '4.01) ',
    'the motion carried',
    '\n',
    '\n\n',
    'wrapped line that goes on and on and on to the',
    '. ',
  );
  const prose = fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 50 });

  it('never throws and every statement is a verbatim slice', () => {
    fc.assert(
      fc.property(prose, (xs) => {
        const text = xs.join('');
        const r = parseReport(text, 'prose.txt');
        expect(r.warnings.every((w) => !w.message.startsWith('could not be parsed'))).toBe(true);
        for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('minutes with a list assigning people to committees', () => {
  const { r, text } = parseFixture('ferry-committee-minutes-1988.txt');

  it('reads the list as a list, not as turns, and the reported speech after it', () => {
    // "Harbour Works Committee: Alderman Castell" assigns a post: no committee speaks here. A
    // scanned "Aid." is the title "Ald.", and a line opening with "R.I.B." is no capitals label.
    expect(summary(r)).toEqual([
      'paraphrase -: Members asked how the',
      'paraphrase Mira Castell: Aid. Castell stated she',
      'paraphrase Ruth Obi: Ruth Obi stated that',
      'paraphrase Mira Castell: Alderman Castell introduced Tomas',
      // Named by surname: the roster's "Tomas Ferreira" is not yet tied to "Mr. Ferreira".
      'paraphrase Ferreira: Mr. Ferreira gave a',
    ]);
    expect(r.statements.at(-1)?.text).toMatch(/R\.I\.B\. boats .* safety\s+record\.$/);
    expect(r.speakers.map((s) => s.name)).not.toContain('Harbour Works Committee');
    expectVerbatim(r, text);
  });
});
