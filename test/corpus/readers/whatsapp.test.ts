// WhatsApp chat exports as a user sees them: every message its sender's, timed on a 24-hour
// clock and dated when the file settles its date order; the app's notices, media and deleted
// messages are not speech.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import type { ParsedReport } from '../../../src/corpus/parse.js';
import { readStructured } from '../../../src/corpus/readers/index.js';
import { zoomChatReader } from '../../../src/corpus/readers/zoom-chat.js';
import { keepsOffsetsOnArbitraryText } from './arbitrary.js';

function said(r: ParsedReport): string[] {
  return r.statements.map((s) => `${s.time ?? '-'} ${s.speaker ?? '-'}: ${s.text}`);
}

function expectVerbatim(text: string, r: ParsedReport): void {
  expect(r.statements.length).toBeGreaterThan(0);
  for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('an Android export ("DD/MM/YYYY, HH:MM - Name: text")', () => {
  const text = [
    '14/03/2026, 19:58 - Messages and calls are end-to-end encrypted. Only people in this chat can read them.',
    '14/03/2026, 19:59 - Ines Ferro created group "Lanterns: stewards"',
    '14/03/2026, 20:02 - Ines Ferro: Stewards meet at the gate at eight.',
    'Bring a torch.',
    '14/03/2026, 20:03 - Kwame Osei: Which gate?',
    '14/03/2026, 20:04 - Kwame Osei: <Media omitted>',
    "14/03/2026, 20:05 - Lin Tao joined using this group's invite link",
    '14/03/2026, 20:06 - Ines Ferro: The river gate. Note: not the car park one',
    '14/03/2026, 20:07 - Lin Tao: This message was deleted',
  ].join('\n');
  const r = parseReport(text, 'stewards-chat.txt');

  it('is read by the chat reader, dated by its first message', () => {
    expect(readStructured(text, 'stewards-chat.txt')?.reader).toBe('zoom-chat');
    expect(r.date).toBe('2026-03-14');
  });

  it('gives each message to its sender, multi-line ones whole, and leaves out notices and media', () => {
    expect(said(r)).toEqual([
      '20:02:00 Ines Ferro: Stewards meet at the gate at eight.\nBring a torch.',
      '20:03:00 Kwame Osei: Which gate?',
      '20:06:00 Ines Ferro: The river gate. Note: not the car park one',
    ]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Ines Ferro', 'Kwame Osei']);
    expect(r.present.map((p) => p.name)).toEqual(['Lin Tao']);
    expectVerbatim(text, r);
  });
});

describe('an iOS export ("[M/D/YY, h:mm:ss AM] Name: text")', () => {
  it('reads a 12-hour clock, and dates the chat only when the order of day and month is sure', () => {
    const text = [
      '[3/14/26, 9:01:00\u202fAM] Lanterns: \u200eMessages and calls are end-to-end encrypted.',
      '[3/14/26, 9:02:11\u202fAM] Ines Ferro: Are the lanterns here?',
      '[3/14/26, 9:02:40\u202fAM] Kwame Osei: Two boxes',
      '\u200e[3/14/26, 9:03:00\u202fAM] Kwame Osei: \u200eimage omitted',
      '[3/14/26, 1:05:00\u202fPM] Ines Ferro: Thanks!',
    ].join('\n');
    const r = parseReport(text, 'lanterns-chat.txt');
    expect(said(r)).toEqual([
      '09:02:11 Ines Ferro: Are the lanterns here?',
      '09:02:40 Kwame Osei: Two boxes',
      '13:05:00 Ines Ferro: Thanks!',
    ]);
    expect(r.date).toBe('2026-03-14');
    expect(r.present).toEqual([]);
    expectVerbatim(text, r);
    const ambiguous = text.replace(/3\/14\/26/g, '3/4/26');
    expect(parseReport(ambiguous, 'lanterns-chat.txt').date).toBeNull();
  });

  it('reads dotted dates day first ("14.03.26, 20:02 - Name: text")', () => {
    const text =
      '04.03.26, 20:02 - Ines Ferro: Hallo\n04.03.26, 20:03 - Kwame Osei: Hi\n' +
      '04.03.26, 20:04 - Ines Ferro: Gate at eight\n';
    const r = parseReport(text, 'chat.txt');
    expect(r.date).toBe('2026-03-04');
    expect(said(r)).toEqual([
      '20:02:00 Ines Ferro: Hallo',
      '20:03:00 Kwame Osei: Hi',
      '20:04:00 Ines Ferro: Gate at eight',
    ]);
  });
});

it('leaves minutes that list dated items to the paragraph parser', () => {
  const minutes =
    'Harbour Board minutes\n\n14/03/2026, the chair opened the meeting.\n\n' +
    'Councillor Brown said that the survey was late.\n\n15/03/2026, the board met again.\n';
  expect(zoomChatReader.accepts(minutes, 'minutes.txt')).toBe(false);
});

const pieces = fc.constantFrom(
  '14/03/2026, 20:02 - Ines Ferro: ',
  '[3/14/26, 9:02:11\u202fAM] Kwame Osei: ',
  '\u200e[3/14/26, 9:03:00 PM] Kwame Osei: \u200eimage omitted',
  '14/03/2026, 20:05 - Lin Tao joined',
  '99/99/99, 99:99 - X: ',
  '<Media omitted>',
  'Gate at eight',
  '\n',
  '\r\n',
  ':',
  '"',
);
keepsOffsetsOnArbitraryText('WhatsApp lines in the chat reader', zoomChatReader, 'x.txt', pieces);
