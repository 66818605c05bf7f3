// Zoom chat exports as a user sees them: every message is its sender's, replies without their
// quoted header, reactions (in any language) not speech at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import type { ParsedReport } from '../../../src/corpus/parse.js';
import { zoomChatReader } from '../../../src/corpus/readers/zoom-chat.js';
import { keepsOffsetsOnArbitraryText } from './arbitrary.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'readers');
const FILE = 'ferry-chat.txt';
const TEXT = readFileSync(join(FIXTURES, FILE), 'utf8');

function said(r: ParsedReport): string[] {
  return r.statements.map((s) => `${s.time ?? '-'} ${s.speaker ?? '-'}: ${s.text}`);
}

describe('a Zoom chat export', () => {
  const r = parseReport(TEXT, FILE);

  it('is read by the chat reader', () => {
    expect(zoomChatReader.accepts(TEXT, FILE)).toBe(true);
    expect(zoomChatReader.read(TEXT, FILE).reader).toBe('zoom-chat');
  });

  it('gives every message to its sender, in order, with its time, and drops reactions', () => {
    expect(said(r)).toEqual([
      '00:01:10 Ana Ruiz: Morning all',
      '00:01:15 notes bot: Notes bot joined to take notes.\n\nType "stop" to turn it off.',
      '00:02:03 Ana Ruiz: The ferry survey is out: https://example.org/survey',
      '00:02:20 Ana Ruiz: Please answer by Friday',
      '00:02:58 kofi.b: Will the survey ask about night ferries?\nWe get that question a lot.\n\nEspecially in winter.',
      '00:03:12 Ana Ruiz: Yes, question 4 covers it.',
      '00:04:02 Inés Vidal: Can we share it on the pier screens?',
      '00:04:30 Bo Lind: The sign said "mind the gap" 😂',
    ]);
    expect(r.statements.every((s) => s.kind === 'turn')).toBe(true);
  });

  it('keeps reply headers and reaction lines out of every statement', () => {
    for (const s of r.statements) {
      expect(s.text).not.toMatch(
        /Replying to|Antwoord verzenden|Reacted to|reagiert|réagi|Reaccionó/,
      );
      expect(s.text).not.toContain('\r');
    }
  });

  it('names senders without their company, and lists those who only reacted as present', () => {
    expect(r.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Ana Ruiz', null],
      ['notes bot', null],
      ['kofi.b', null],
      ['Inés Vidal', null],
      ['Bo Lind', 'Harbour Trust'],
    ]);
    expect(r.present.map((p) => p.name)).toEqual(['Greta Holm', 'Luc Marchand']);
  });

  it('counts a message that quotes something new with an emoji as speech, not as a reaction', () => {
    const text =
      '00:00:01\tAna Ruiz:\tHello\r\n00:00:02\tBo Lind:\tHi\r\n' +
      '00:00:03\tBo Lind:\tI said "see you at the pier" 👋\r\n' +
      '00:00:04\tAna Ruiz:\tReacted to "Hi" with 👋\r\n';
    expect(said(parseReport(text, 'pier-chat.txt'))).toEqual([
      '00:00:01 Ana Ruiz: Hello',
      '00:00:02 Bo Lind: Hi',
      '00:00:03 Bo Lind: I said "see you at the pier" 👋',
    ]);
  });

  it('knows reactions and replies in other languages by their shape, not by their words', () => {
    const text =
      '00:00:01\tAna Ruiz:\tThe pier opens at six\r\n' +
      '00:00:02\tBo Lind:\tReagiu a "The pier opens at six" com 👏\r\n' +
      '00:00:03\tKai Mori:\t"The pier opens..."に👍でリアクションしました\r\n' +
      '00:00:04\tBo Lind:\tRespondendo a "The pier opens..."\nAnd closes at ten?\r\n';
    const r = parseReport(text, 'pier-chat.txt');
    expect(said(r)).toEqual([
      '00:00:01 Ana Ruiz: The pier opens at six',
      '00:00:04 Bo Lind: And closes at ten?',
    ]);
    expect(r.present.map((p) => p.name)).toEqual(['Kai Mori']);
  });

  it('reads the older "From Name to Everyone :" export', () => {
    const text =
      '10:02:03\t From  Ana Ruiz to Everyone : the agenda is in the invite\n' +
      '10:02:40\t From  Bo Lind to Everyone : thanks\n' +
      '10:03:05\t From  Ana Ruiz : first item is the ferry\n' +
      '10:03:30\tFrom Bo Lind to Everyone:\tand the second the pier\n';
    expect(said(parseReport(text, 'old-chat.txt'))).toEqual([
      '10:02:03 Ana Ruiz: the agenda is in the invite',
      '10:02:40 Bo Lind: thanks',
      '10:03:05 Ana Ruiz: first item is the ferry',
      '10:03:30 Bo Lind: and the second the pier',
    ]);
  });

  it('reads chat copied from Slack or Teams ("[9:02 AM] Name: text"), on a 24-hour clock', () => {
    const text =
      '[9:02 AM] Ines Ferro: Lanterns arrive at noon\n' +
      '[9:05 AM] Kwame Osei: Who signs for them?\n' +
      'The park office is shut today.\n' +
      '[12:10 PM] Ines Ferro: I will\n' +
      '[12:40 AM] Kwame Osei: thanks!\n';
    const r = parseReport(text, 'slack-copy.txt');
    expect(said(r)).toEqual([
      '09:02:00 Ines Ferro: Lanterns arrive at noon',
      '09:05:00 Kwame Osei: Who signs for them?\nThe park office is shut today.',
      '12:10:00 Ines Ferro: I will',
      '00:40:00 Kwame Osei: thanks!',
    ]);
    for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('takes "9:02 AM Name: text" without brackets only when the senders come back', () => {
    const chat =
      '9:02 AM Ines Ferro: Lanterns arrive at noon\n9:05 AM Kwame Osei: ok\n' +
      '9:06 AM Ines Ferro: great\n';
    expect(said(parseReport(chat, 'chat.txt'))).toEqual([
      '09:02:00 Ines Ferro: Lanterns arrive at noon',
      '09:05:00 Kwame Osei: ok',
      '09:06:00 Ines Ferro: great',
    ]);
    const agenda =
      '9:00 AM Registration: in the lobby\n9:30 AM Keynote: the mayor on the harbour\n' +
      '10:15 AM Panel: lanterns and safety\n11:00 AM Lunch: at the pier cafe\n';
    expect(zoomChatReader.accepts(agenda, 'programme.txt')).toBe(false);
  });

  it('leaves prose with a few times in it to the paragraph parser', () => {
    const prose =
      'The council met at 10:00:00 on Monday.\nMayor Elena Varga opened the meeting.\n' +
      'She said the harbour must stay public.\n';
    expect(zoomChatReader.accepts(prose, 'minutes.txt')).toBe(false);
  });
});

const chatPieces = fc.constantFrom(
  '00:01:02\tAna Ruiz:\t',
  '00:01:03\tBo Lind (Trust):\t',
  '10:02:03\t From  Ana to Everyone : ',
  '[9:02 AM] Ana Ruiz: ',
  '9:03 PM Bo Lind: ',
  'Replying to "Hello th..."\n\n',
  'Reacted to "Hello th..." with 👍',
  'Heeft gereageerd op "',
  '" met ❤',
  'Hello there',
  '"',
  '“',
  '...',
  '\r\n',
  '\n',
  '\n\n',
  '\t',
  ':',
  '👍',
);
keepsOffsetsOnArbitraryText('Zoom chat reader', zoomChatReader, 'x.txt', chatPieces);
