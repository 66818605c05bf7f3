// IRC logs as a user sees them: typed lines are their nick's, a transcriber's lines are the
// named speaker's (joined into turns), commands and bots are not speech.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import type { ParsedReport } from '../../../src/corpus/parse.js';
import { ircReader } from '../../../src/corpus/readers/irc.js';
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

describe('an IRC log with a live transcriber', () => {
  const r = parseFixture('harbour-data-irc.txt');

  it('takes the title from "Meeting:" and the date from its timestamp', () => {
    expect(r.title).toBe('harbour data');
    expect(r.date).toBe('2025-03-04');
  });

  it("gives relayed lines to the speaker they name, joining a speaker's lines into one turn", () => {
    expect(turns(r)).toEqual([
      '15:59:30 Dev Patel: Starting in a … a coffee',
      '16:00:10 Dev Patel: Welcome everyone, today … to start.',
      '16:00:30 Mira Sol: The tide gauges … hourly mean.',
      '16:00:40 Mira Sol: Gauge list: https://example.org/gauges … list: https://example.org/gauges',
      '16:00:50 Mira Sol: We should publish … raw readings.',
      '16:01:10 Olu Ade: Storage is cheap, … I agree.',
      '16:01:20 Quinn: +1 … +1',
    ]);
    expect(r.statements.every((s) => s.kind === 'turn')).toBe(true);
  });

  it('starts and ends every turn at speech, never at the transcriber, the label or a command', () => {
    for (const s of r.statements) {
      expect(s.text).not.toMatch(/^(\[|<|Scribe|Dev_Patel|Mira_Sol|Olu_Ade)/);
      expect(s.text).not.toMatch(/^(present\+|q[+-]|ack |zakim|RRSAgent|s\/|RESOLVED|Topic:)/);
      expect(s.text).not.toMatch(/(present\+|q[+-]|queue|s\/.*\/|minutes)$/);
    }
  });

  it('reads names from nicks and labels: underscores as spaces, a trailing role apart', () => {
    expect(r.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Dev Patel', 'Chair'],
      ['Mira Sol', null],
      ['Olu Ade', null],
      ['Quinn', null],
    ]);
  });

  it('lists people who only said present+ (or were named by it) as present', () => {
    expect(r.present.map((p) => p.name)).toEqual(['Rafa Nunez', 'Tove Berg']);
  });
});

describe('plain IRC logs', () => {
  it('reads "[HH:MM:SS] <nick> text" lines as messages of the nick', () => {
    expect(turns(parseFixture('bay-chat.log'))).toEqual([
      '09:14:02 rena: morning, is the … down again?',
      '09:14:30 tomasz: looks like it, … at nine',
      '09:15:01 rena: ok I will … a ticket',
      '09:15:12 tomasz: thanks! … thanks!',
    ]);
  });

  it('reads "HH:MM <@nick> text" lines, without the operator sign', () => {
    expect(turns(parseFixture('night-shift.log'))).toEqual([
      '22:01:00 kai: anyone seen the … crane alarm?',
      '22:02:00 lin: yes, it was … sensor two',
      '22:03:00 kai: good, log it … it please',
    ]);
  });

  it('keeps a nick who addresses people ("tomasz: …") the speaker of its own lines', () => {
    const text = [
      '[10:00:01] <rena> tomasz: is the buoy feed up?',
      '[10:00:20] <tomasz> rena: yes since nine',
      '[10:00:31] <rena> tomasz: and the tide gauge?',
      '[10:00:45] <rena> kai: can you check the crane?',
      '[10:01:02] <kai> rena: on it',
      '[10:01:10] <rena> tomasz: thanks',
      '[10:01:30] <rena> kai: thanks too',
      '[10:01:40] <rena> lin: see you tonight',
    ].join('\n');
    const r = parseReport(text, 'addressing.log');
    expect(r.statements.map((s) => s.speaker)).toEqual([
      'rena',
      'tomasz',
      'rena',
      'rena',
      'kai',
      'rena',
      'rena',
      'rena',
    ]);
  });

  it('reads a scribe named by "scribe:" with "..." continuation lines', () => {
    const text = [
      '14:00:01 <jb> scribe: jb',
      '14:00:05 <jb> Topic: Budget',
      '14:00:10 <jb> ana: We are under budget this quarter',
      '14:00:15 <jb> ... mostly thanks to the grant',
      '14:00:30 <jb> bo: Good news.',
      '14:00:40 <bo> the grant ends in June though',
    ].join('\n');
    expect(turns(parseReport(text, 'budget.log'))).toEqual([
      '14:00:10 ana: We are under … the grant',
      '14:00:30 bo: Good news. … Good news.',
      '14:00:40 bo: the grant ends … June though',
    ]);
  });

  it('reads lines stamped with a date and a time ("2026-03-11 18:02:11 <nick> text")', () => {
    const text = [
      '2026-03-11 18:02:11 <ines> are the lanterns here?',
      '2026-03-11 18:02:40 <kwame> two boxes, the rest tomorrow',
      '2026-03-11 18:03:05 <ines> ok',
      '2026-03-11T18:03:30Z <kwame> I will check the order',
    ].join('\n');
    const r = parseReport(text, 'lanterns.log');
    expect(turns(r)).toEqual([
      '18:02:11 ines: are the lanterns … lanterns here?',
      '18:02:40 kwame: two boxes, the … rest tomorrow',
      '18:03:05 ines: ok … ok',
      '18:03:30 kwame: I will check … the order',
    ]);
    expect(r.date).toBe('2026-03-11');
    for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads an irssi log full of joins and quits, dated by its "Log opened" line', () => {
    const text = [
      '--- Log opened Tue Mar 10 18:00:00 2026',
      '18:00 -!- ines [~i@example.org] has joined #lanterns',
      '18:00 -!- kwame [~k@example.org] has joined #lanterns',
      '18:00 -!- lin [~l@example.org] has joined #lanterns',
      '18:00 -!- Topic for #lanterns: festival',
      '18:01 < ines> the park office said yes',
      '18:01 <@kwame> great news',
      '18:02  * ines dances',
      '18:02 < lin> what time do we start?',
      '18:03 -!- lin [~l@example.org] has quit [Quit: later]',
      '--- Log closed Tue Mar 10 19:00:00 2026',
    ].join('\n');
    expect(ircReader.accepts(text, 'lanterns.log')).toBe(true);
    const r = parseReport(text, 'lanterns.log');
    expect(turns(r)).toEqual([
      '18:01:00 ines: the park office … said yes',
      '18:01:00 kwame: great news … great news',
      '18:02:00 lin: what time do … we start?',
    ]);
    expect(r.date).toBe('2026-03-10');
  });

  it('reads a WeeChat log ("date time<TAB>nick<TAB>text"), its joins and actions not speech', () => {
    const text = [
      '2026-03-10 18:00:01\t-->\tines (~i@example.org) has joined #lanterns',
      '2026-03-10 18:01:02\tines\tthe park office said yes',
      '2026-03-10 18:01:09\t@kwame\tgreat news',
      '2026-03-10 18:01:30\t *\tines dances',
      '2026-03-10 18:02:00\tines\tsee you at the gate',
      '2026-03-10 18:03:00\t<--\tkwame has quit',
    ].join('\n');
    const r = parseReport(text, 'lanterns-weechat.log');
    expect(turns(r)).toEqual([
      '18:01:02 ines: the park office … said yes',
      '18:01:09 kwame: great news … great news',
      '18:02:00 ines: see you at … the gate',
    ]);
    expect(r.date).toBe('2026-03-10');
    for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves a transcript with "NAME:" labels to the paragraph parser', () => {
    const text = 'MAYOR VARGA: We open the meeting.\n\nCOUNCILLOR OKAFOR: Thank you.\n';
    expect(ircReader.accepts(text, 'minutes.txt')).toBe(false);
  });
});

const ircPieces = fc.constantFrom(
  '[2024-01-09T17:03:19.827Z]\t<Transcriber>\t',
  '[2024-01-09T17:03:20.000Z]\t<Ana_Ruiz_(CTO)>\t',
  '[12:01:05] <bo> ',
  '12:01 <@kai> ',
  '2024-05-03 12:01:05 <cy> ',
  '2024-05-03 12:01:06\tcy\t',
  '12:02 -!- cy has joined #x',
  '--- Log opened Fri May 03 12:00:00 2024\n',
  'Ana_Ruiz: ',
  'present+',
  'present+ Bo_Lind, Cy',
  'q+',
  'ack bo',
  'Meeting: weekly',
  'zakim, close the queue',
  's/foo/bar/',
  'we should ship it',
  '<',
  '>',
  '\n',
  '\r\n',
  '\t',
  ' ',
);
keepsOffsetsOnArbitraryText('IRC reader', ircReader, 'x.log', ircPieces);
