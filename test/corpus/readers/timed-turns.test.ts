// Transcripts whose turns open with a name-and-time header (Otter, Descript, Rev, a bracketed
// name) as a user sees them: every paragraph its speaker's, timed at its header, cited verbatim;
// prose that merely mentions times stays with the paragraph parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import type { ParsedReport } from '../../../src/corpus/parse.js';
import { readStructured } from '../../../src/corpus/readers/index.js';
import { timedTurnsReader } from '../../../src/corpus/readers/timed-turns.js';
import { keepsOffsetsOnArbitraryText } from './arbitrary.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'readers');

function read(name: string): { text: string; r: ParsedReport } {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return { text, r: parseReport(text, name) };
}

/** "¶N time speaker: text" per statement. */
function said(r: ParsedReport): string[] {
  return r.statements.map(
    (s) => `¶${s.paragraph} ${s.time ?? '-'} ${s.speaker ?? '-'}: ${s.text.replace(/\n/g, ' / ')}`,
  );
}

function expectVerbatim(text: string, r: ParsedReport): void {
  expect(r.statements.length).toBeGreaterThan(0);
  for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('an Otter export ("Name  m:ss" alone on its line, then the turn)', () => {
  const { text, r } = read('lantern-otter.txt');

  it('is read by the timed-turns reader, with the title and date its first lines give', () => {
    expect(readStructured(text, 'lantern-otter.txt')?.reader).toBe('timed-turns');
    expect(r.title).toBe('Lantern festival planning call');
    expect(r.date).toBe('2026-03-11');
  });

  it("gives each paragraph to its header's speaker, timed at the header, and drops the footer", () => {
    expect(said(r)).toEqual([
      '¶4 00:00:04 Ines Ferro: Evening, everyone. Before we start: the park office confirmed the date.',
      '¶5 00:00:04 Ines Ferro: They also want the stalls gone by midnight, which is earlier than last year.',
      '¶7 00:00:41 Kwame Osei: Midnight is tight. The lantern walk alone runs past eleven.',
      '¶9 00:00:58 -: Sorry, can you hear me?',
      '¶11 00:01:02 Ines Ferro: Yes, we hear you fine.',
      '¶13 01:05:09 Kwame Osei: Then I propose we start the walk at nine instead of ten.',
      '¶16 01:05:33 Ines Ferro: Agreed, nine it is.',
    ]);
    expect(r.statements.every((s) => s.kind === 'turn')).toBe(true);
    expect(r.speakers.map((s) => s.name)).toEqual(['Ines Ferro', 'Kwame Osei']);
    expect(r.warnings).toEqual([]);
    expectVerbatim(text, r);
  });
});

describe('time-first headers ("00:00:02 Name")', () => {
  const { text, r } = read('lantern-descript.txt');

  it('reads each turn, a hard-wrapped paragraph as one statement', () => {
    expect(said(r)).toEqual([
      '¶2 00:00:02 Ines Ferro: Shall we go through the stall list?',
      '¶4 00:00:09 Kwame Osei: Yes. Twelve food stalls and four for crafts, / and the paper lantern table by the gate.',
      '¶7 00:00:31 Ines Ferro: Good. The craft ones need power.',
      '¶9 00:00:40 Kwame Osei: I will ask the park office.',
    ]);
    expectVerbatim(text, r);
  });

  it('also in brackets, with a time of day or a short offset', () => {
    const teams =
      '[9:02 AM] Ines Ferro\nAre the lanterns ordered?\n\n' +
      '[9:04 AM] Kwame Osei\nYes, two hundred.\n\n' +
      '[12:15 PM] Ines Ferro\nGreat, thanks.\n';
    const r2 = parseReport(teams, 'teams-copy.txt');
    expect(said(r2)).toEqual([
      '¶2 09:02:00 Ines Ferro: Are the lanterns ordered?',
      '¶4 09:04:00 Kwame Osei: Yes, two hundred.',
      '¶6 12:15:00 Ines Ferro: Great, thanks.',
    ]);
    expectVerbatim(teams, r2);
  });
});

describe('a bracketed name and a time ("[Name] 18:31:05")', () => {
  it('reads every turn with its time', () => {
    const { text, r } = read('lantern-bracket.txt');
    expect(said(r)).toEqual([
      '¶2 18:31:05 Ines Ferro: The stewards meet at the gate at eight.',
      '¶4 18:31:20 Kwame Osei: How many stewards do we have?',
      '¶6 18:31:41 Ines Ferro: Fourteen, two more than last year.',
      '¶8 18:32:02 Kwame Osei: Good, that covers both bridges.',
    ]);
    expectVerbatim(text, r);
  });
});

describe('Zoom saved captions ("[Name] 10:02:11 text")', () => {
  it('reads the words after the header on its line', () => {
    const text =
      '[Ines Ferro] 18:40:02 Can everyone see the map?\n' +
      '[Kwame Osei] 18:40:09 Yes, the river lane is marked.\n' +
      '[Ines Ferro] 18:40:15 Good.\n';
    const r = parseReport(text, 'saved-captions.txt');
    expect(said(r)).toEqual([
      '¶1 18:40:02 Ines Ferro: Can everyone see the map?',
      '¶2 18:40:09 Kwame Osei: Yes, the river lane is marked.',
      '¶3 18:40:15 Ines Ferro: Good.',
    ]);
    expectVerbatim(text, r);
  });
});

describe('Rev ("Name (mm:ss):")', () => {
  it('keeps the time a label alone on its line gives, for every paragraph of the turn', () => {
    const { text, r } = read('lantern-rev.txt');
    expect(said(r)).toEqual([
      '¶2 00:00:05 Ines Ferro: The fire brigade wants a clear lane along the river.',
      '¶3 00:00:05 Ines Ferro: It has to be four metres wide.',
      '¶5 00:00:21 Kwame Osei: The stalls can move back from the water.',
      '¶7 00:01:14 Ines Ferro: Then the map needs redrawing.',
      '¶9 00:01:20 Kwame Osei: I will do it tonight.',
    ]);
    expectVerbatim(text, r);
  });

  it('reads inline turns of numbered speakers as one speaker per number', () => {
    const text =
      'Speaker 1 (00:00:03): Is the bridge open on the night?\n' +
      'Speaker 2 (00:00:09): Only for walkers.\n' +
      'Speaker 1 (00:00:14): And bicycles?\n' +
      'Speaker 3 (00:00:20): Pushed, not ridden.\n';
    const r = parseReport(text, 'rev-inline.txt');
    expect(said(r)).toEqual([
      '¶1 00:00:03 Speaker 1: Is the bridge open on the night?',
      '¶2 00:00:09 Speaker 2: Only for walkers.',
      '¶3 00:00:14 Speaker 1: And bicycles?',
      '¶4 00:00:20 Speaker 3: Pushed, not ridden.',
    ]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 3']);
    expectVerbatim(text, r);
  });
});

describe('other header spellings', () => {
  it('reads a dash or a bar between name and time ("Name - 0:05")', () => {
    const text =
      'Ines Ferro - 0:05\nGate at eight.\n\nKwame Osei | 0:09\nWhich gate?\n\n' +
      'Ines Ferro - 0:15\nThe river one.\n';
    expect(said(parseReport(text, 'dash.txt'))).toEqual([
      '¶2 00:00:05 Ines Ferro: Gate at eight.',
      '¶4 00:00:09 Kwame Osei: Which gate?',
      '¶6 00:00:15 Ines Ferro: The river one.',
    ]);
  });

  it('reads a time after the label ("Speaker1: [00:00:05] text")', () => {
    const text =
      'Speaker1: [00:00:05] Gate at eight.\nSpeaker2: [00:00:09] Which gate?\n' +
      'Speaker1: [00:00:15] The river one.\n';
    const r = parseReport(text, 'sonix.txt');
    expect(said(r)).toEqual([
      '¶1 00:00:05 Speaker1: Gate at eight.',
      '¶2 00:00:09 Speaker2: Which gate?',
      '¶3 00:00:15 Speaker1: The river one.',
    ]);
    expectVerbatim(text, r);
  });

  it('reads a dated stamp as a time of day and dates the meeting by it', () => {
    const text =
      '[2026-03-14 20:02] Ines Ferro\nGate at eight.\n\n[2026-03-14 20:03] Kwame Osei\n' +
      'Which gate?\n\n[2026-03-14 20:05] Ines Ferro\nThe river one.\n';
    const r = parseReport(text, 'discord.txt');
    expect(r.date).toBe('2026-03-14');
    expect(said(r)).toEqual([
      '¶2 20:02:00 Ines Ferro: Gate at eight.',
      '¶4 20:03:00 Kwame Osei: Which gate?',
      '¶6 20:05:00 Ines Ferro: The river one.',
    ]);
  });
});

describe('malformed headers', () => {
  it('reports an unreadable time with its line and still reads the turn; skips empty turns', () => {
    const text =
      'Ines Ferro  0:04\nWe start now.\n\n' +
      'Kwame Osei  0:75\nThe clock is wrong here.\n\n' +
      'Ines Ferro  0:90\n\n' +
      'Kwame Osei  1:10\nBack to normal.\n';
    const r = parseReport(text, 'broken-otter.txt');
    expect(said(r)).toEqual([
      '¶2 00:00:04 Ines Ferro: We start now.',
      '¶4 - Kwame Osei: The clock is wrong here.',
      '¶7 00:01:10 Kwame Osei: Back to normal.',
    ]);
    expect(r.warnings).toEqual([
      { line: 4, message: 'unreadable turn time "0:75"' },
      { line: 7, message: 'unreadable turn time "0:90"' },
    ]);
  });
});

describe('records that are not this kind', () => {
  const cases: [string, string][] = [
    [
      'minutes with times',
      'Harbour Board minutes\n\nAt 10:02 the chair opened the meeting.\n\n' +
        'Councillor Brown said that the ferry survey was late.\n\n' +
        'At 10:15 the board moved to item 2.\n\nThe meeting closed at 11:40.\n',
    ],
    [
      'a news report with a dateline and times',
      'HARBOUR CITY, May 3 (Pier News) - The ferry board met on Tuesday at 10:02:11 local time.\n\n' +
        '"We are late," said chair Ana Ruiz  10:05.\n\nBo Lind  10:07\n\n' +
        'The board will meet again at 09:30:00 on Friday, Ruiz said.\n',
    ],
    [
      'an agenda with times before its items',
      '10:00:00 Welcome\nThe chair welcomes members.\n\n' +
        '10:15:00 Ferry Survey\nThe survey team reports.\n\n' +
        '10:45:00 Pier Lighting\nA vote on the new lamps.\n\n' +
        '11:30:00 Any Other Business\nMembers raise other matters.\n',
    ],
    [
      'a timeline whose sentences run on after the time',
      'Mayor Varga 10:05 arrived and opened the meeting.\n' +
        'Councillor Brown 10:10 presented the budget.\n' +
        'Mayor Varga 10:30 closed the meeting.\n',
    ],
    [
      'an agenda that names who presents what, and when',
      'Lantern festival: agenda\n\nInes Ferro  18:00\nWelcome and introductions\n\n' +
        'Kwame Osei  18:15\nStall plan and power supply\n\nLin Tao  18:40\nStewards and safety\n\n' +
        'Ines Ferro  19:00\nAny other business\n',
    ],
    [
      'a timetable of names and times with nothing said',
      'Ines Ferro  9:00\nKwame Osei  9:30\nInes Ferro  10:00\nKwame Osei  10:30\n',
    ],
  ];
  for (const [what, text] of cases) {
    it(`leaves ${what} to the other readers`, () => {
      expect(timedTurnsReader.accepts(text, 'minutes.txt')).toBe(false);
      expect(readStructured(text, 'minutes.txt')?.reader).not.toBe('timed-turns');
    });
  }
});

const pieces = fc.constantFrom(
  'Ines Ferro  0:04\n',
  'Kwame Osei  1:05:09\n',
  'Unknown Speaker  0:58\n',
  '00:00:02 Ines Ferro\n',
  '[0:02] Kwame Osei\n',
  '[9:02 AM] Ines Ferro\n',
  '[Ines Ferro] 18:31:05\n',
  'Ines Ferro (00:05):\n',
  'Speaker 1 (00:00:03): ',
  'Speaker1: [00:00:05] ',
  'Ines Ferro - 0:05\n',
  '[2026-03-14 20:02] Kwame Osei\n',
  'Kwame Osei  0:75\n',
  'Transcribed by https://otter.ai',
  'The stalls can move.',
  '\r\n',
  '\n',
  '\n\n',
  '  ',
  '\t',
  ':',
  '(',
  ']',
);
keepsOffsetsOnArbitraryText('timed-turns reader', timedTurnsReader, 'x.txt', pieces);
