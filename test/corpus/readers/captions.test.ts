// Caption files (.vtt, .srt) as a user sees them: who speaks, in which order, from when.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import type { ParsedReport } from '../../../src/corpus/parse.js';
import { captionReader } from '../../../src/corpus/readers/captions.js';
import { keepsOffsetsOnArbitraryText } from './arbitrary.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'readers');

function parseFixture(name: string): ParsedReport {
  return parseReport(readFileSync(join(FIXTURES, name), 'utf8'), name);
}

/** "time speaker: first words … last words" per statement. */
function turns(r: ParsedReport): string[] {
  return r.statements.map((s) => {
    const words = s.text.split(/\s+/);
    return `${s.time ?? '-'} ${s.speaker ?? '-'}: ${words.slice(0, 3).join(' ')} … ${words.slice(-2).join(' ')}`;
  });
}

describe('Zoom captions with "Name: text" cues', () => {
  const r = parseFixture('harbour-call.vtt');

  it('names each speaker once, without the company or team in the label', () => {
    expect(r.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Ana Ruiz', 'Acme'],
      ['Tullio', 'Erigon'],
      ['kofi.b', null],
    ]);
    expect(r.speakers.find((s) => s.name === 'Tullio')?.aliases).toEqual(['Tullio | Erigon']);
  });

  it("joins a speaker's consecutive cues into one turn that keeps the first cue's time", () => {
    expect(turns(r)).toEqual([
      '00:00:02 Ana Ruiz: Good morning, everyone. … ferry timetable.',
      '00:00:08 Tullio: The lights are … in May.',
      '00:00:12 kofi.b: Yep. … Yep.',
      '00:00:13 Ana Ruiz: Thanks, Tullio. Kofi, … the timetable?',
      '00:00:16 kofi.b: The winter timetable … of November.',
    ]);
    expect(r.statements.every((s) => s.kind === 'turn')).toBe(true);
  });

  it('keeps cue numbers, timings and labels out of a single cue, and starts every turn at speech', () => {
    const single = r.statements.filter((s) => !s.text.includes('\n'));
    expect(single.map((s) => s.text)).toEqual([
      'Yep.',
      'Thanks, Tullio. Kofi, the timetable?',
      'The winter timetable starts on the first of November.',
    ]);
    for (const s of r.statements) expect(s.text).not.toMatch(/^(\d+\s|\d{2}:\d{2}|\S+:\s)/);
  });
});

describe('Teams captions with <v Name> voice tags', () => {
  const r = parseFixture('teams-sync.vtt');

  it('reads the voice tags as speakers and leaves the tags out of what they say', () => {
    expect(turns(r)).toEqual([
      '00:01:00 Mira Sol: We should publish … summer break.',
      '00:01:05 Dev Patel: Agreed, I will … draft it.',
      '00:01:08 Mira Sol: Good. … Good.',
    ]);
    expect(r.statements.map((s) => s.text.startsWith('<v'))).toEqual([false, false, false]);
    expect(r.statements.map((s) => s.text.endsWith('</v>'))).toEqual([false, false, false]);
  });

  it('gives each voice of a shared cue its own turn', () => {
    const text =
      'WEBVTT\n\n00:02:00.000 --> 00:02:04.000\n<v Mira Sol>Shall we vote?</v>\n<v Dev Patel>Yes, now.</v>\n';
    expect(turns(parseReport(text, 'vote.vtt'))).toEqual([
      '00:02:00 Mira Sol: Shall we vote? … we vote?',
      '00:02:00 Dev Patel: Yes, now. … Yes, now.',
    ]);
  });
});

describe('SRT captions', () => {
  const r = parseFixture('bridge.srt');

  it('reads the speakers in order, with CRLF line ends and cue numbers', () => {
    expect(turns(r)).toEqual([
      '00:00:01 Jo Baird: The bridge opens … the same.',
      '00:00:06 Sam Orr: What about cyclists? … about cyclists?',
      '00:00:09 Jo Baird: Cyclists cross free. … cross free.',
    ]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Jo Baird', 'Sam Orr']);
  });

  it('gives the cue number before a timing to the next cue when no blank line parts them', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:02,000\nJo Baird: Doors open at ten.\n2\n' +
      '00:00:02,000 --> 00:00:03,000\nSam Orr: Thank you.\n3\n' +
      '00:00:03,000 --> 00:00:04,000\nJo Baird: Next item.\n';
    const s = parseReport(text, 'doors.srt').statements;
    expect(s.map((x) => `${x.speaker}: ${x.text}`)).toEqual([
      'Jo Baird: Doors open at ten.',
      'Sam Orr: Thank you.',
      'Jo Baird: Next item.',
    ]);
  });

  it('does not take a colon phrase in one cue of an unlabelled file for a speaker', () => {
    const cue = (n: number, said: string) =>
      `${n}\n00:00:0${n},000 --> 00:00:0${n + 1},000\n${said}\n\n`;
    const text =
      cue(1, 'The next ferry leaves at six.') +
      cue(2, 'Remember: tickets are sold on board.') +
      cue(3, 'The last one is at ten.') +
      cue(4, 'Thanks for travelling with us.');
    const r2 = parseReport(text, 'announcements.srt');
    expect(r2.speakers).toEqual([]);
    expect(r2.statements.map((s) => s.speaker)).toEqual([null]);
    expect(r2.statements[0]?.text).toContain('Remember: tickets');
  });
});

const captionPieces = fc.constantFrom(
  'WEBVTT\n\n',
  '1\n',
  '12\r\n',
  '00:00:01.000 --> 00:00:02.500\n',
  '00:01:02,000 --> 00:01:04,000\r\n',
  '1:02.5 --> 1:03.0 align:start\n',
  '99:99:99.999 --> 00:00:01.000\n',
  '0:0:4.700 --> 0:0:7.10\n',
  'Ines Ferro\n',
  '<v Ana Ruiz>',
  '<v.loud Bo>',
  '</v>',
  'Ana Ruiz (Acme): ',
  'Tullio | Erigon: ',
  'kofi.b: ',
  'NOTE a comment\n',
  'Hello there.',
  '\n',
  '\n\n',
  ' ',
  '🙂',
);

describe("Teams' Word transcript saved as text (timing, the name alone, the words)", () => {
  const text = [
    '0:0:0.0 --> 0:0:3.950',
    'Ines Ferro',
    'Good evening, everyone.',
    '',
    '0:0:4.700 --> 0:0:7.10',
    'Kwame Osei',
    'Evening. Shall we start',
    'with the stalls?',
    '',
    '0:0:8.0 --> 0:0:9.500',
    'Kwame Osei',
    'There are twelve.',
    '',
    '0:1:10.0 --> 0:1:12.0',
    'Ines Ferro',
    'Good.',
  ].join('\n');

  it('is read as captions without a header, the name line a speaker and never speech', () => {
    expect(captionReader.accepts(text, 'teams-transcript.txt')).toBe(true);
    const r = parseReport(text, 'teams-transcript.txt');
    expect(turns(r)).toEqual([
      '00:00:00 Ines Ferro: Good evening, everyone. … evening, everyone.',
      '00:00:04 Kwame Osei: Evening. Shall we … are twelve.',
      '00:01:10 Ines Ferro: Good. … Good.',
    ]);
    const joined = r.statements[1];
    expect(joined?.parts?.map((p) => text.slice(p.start, p.end))).toEqual([
      'Evening. Shall we start\nwith the stalls?',
      'There are twelve.',
    ]);
    for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not take the first line of a sentence broken over two lines for a name', () => {
    const cue = (n: number, a: string, b: string) =>
      `${n}\n00:00:0${n},000 --> 00:00:0${n + 1},000\n${a}\n${b}\n\n`;
    const srt =
      cue(1, 'The next ferry leaves', 'at six from the pier.') +
      cue(2, 'The next ferry leaves', 'at seven on Sundays.') +
      cue(3, 'Tickets are sold', 'on board.') +
      cue(4, 'Thanks for travelling', 'with us.');
    const r = parseReport(srt, 'announcements.srt');
    expect(r.speakers).toEqual([]);
    expect(r.statements[0]?.text).toMatch(/^The next ferry leaves/);
  });
});

keepsOffsetsOnArbitraryText('caption reader', captionReader, 'x.vtt', captionPieces);

describe('the spoken words of a joined turn', () => {
  it('leave out the cue numbers and timings that lie between the cues', async () => {
    const { buildCorpus } = await import('../../../src/corpus/build.js');
    const text = readFileSync(join(FIXTURES, 'harbour-call.vtt'), 'utf8');
    const corpus = buildCorpus([parseReport(text, 'harbour-call.vtt')]);
    const first = corpus.statements[0];
    expect(first?.text).toMatch(/-->/);
    expect(first?.spoken).toBeDefined();
    expect(first?.spoken).not.toMatch(/-->|^\d+$/m);
    expect(first?.spoken?.startsWith('Good morning, everyone.')).toBe(true);
    // Every piece is a verbatim slice inside the statement.
    for (const p of first?.parts ?? []) {
      expect(p.start).toBeGreaterThanOrEqual(first?.start ?? 0);
      expect(p.end).toBeLessThanOrEqual(first?.end ?? 0);
      expect(first?.spoken).toContain(text.slice(p.start, p.end));
    }
  });
});
