// What a reader of a reply notices about long turns, times and backchannel: a 2,000-word turn
// shows the sentences that answer (verbatim, with "…"), "Context" shows the turn, citations say
// when a timed statement was said, and "Yep." is never a quote.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAskView, buildContextView } from '../../src/answers/ask-view.js';
import { buildFindView, findInReports } from '../../src/answers/find-view.js';
import { buildMeetingView } from '../../src/answers/meeting-view.js';
import { findPassage, formatPassage } from '../../src/answers/passage.js';
import {
  buildMeetingDigest,
  buildProfileStats,
  buildSpeakerProfile,
} from '../../src/answers/profiles.js';
import { buildQuoteView } from '../../src/answers/quote-view.js';
import { buildWhoView } from '../../src/answers/who-view.js';
import { formatAskText, toAskJson } from '../../src/cli/ask.js';
import { formatDigestText, formatProfileText } from '../../src/cli/profiles.js';
import { renderText } from '../../src/console/render-text.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { listEligibleStatements, pickDailyQuote } from '../../src/daily/pick.js';
import { renderMessage } from '../../src/discord/render.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';

const CAPTIONS = fileURLToPath(new URL('../fixtures/captions/', import.meta.url));

// A fictional council member's 2,000-word turn: one sentence in the middle answers.
const FILLER = [
  'The northern district asked for more buses on the evening routes',
  'Our budget for road repairs was spent by the end of the summer',
  'The school board will report on the new classrooms next month',
  'Several residents wrote to us about noise from the quarry road',
  'We expect the library roof to be finished before the first snow',
];
const ANSWER = 'The lighthouse on Skarvik island will close in October because its keeper retires.';
const sentences = Array.from(
  { length: 200 },
  (_, i) => `${FILLER[i % FILLER.length]}, as item ${i + 1} of the list records.`,
);
sentences.splice(100, 0, ANSWER);
const LONG_TURN = sentences.join(' ');
const MEDIUM_TURN = sentences.slice(95, 106).join(' ');

const dir = mkdtempSync(join(tmpdir(), 'verbatim-long-'));
writeFileSync(
  join(dir, '2025-03-04-harbour-council.txt'),
  `Harbour council, 4 March 2025\n\nCOUNCILLOR RUNA HOLT: ${LONG_TURN}\n\nMAYOR PIA DAHL: Thank you, the minutes will record it.\n`,
);
writeFileSync(
  join(dir, '2025-04-01-ferry-board.txt'),
  `Ferry board, 1 April 2025\n\nCHAIR OLE BERG: ${MEDIUM_TURN}\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('long turns', () => {
  it('shows the sentences that answer, a verbatim slice at sentence boundaries, with "…"', async () => {
    const corpus = await loadCorpus(dir);
    const turn = corpus.statements.find((s) => s.text.includes('Skarvik'));
    const meeting = corpus.meetings.find((m) => m.id === turn?.meetingId);
    if (!turn || !meeting) throw new Error('the fixture turn was not read');
    expect(turn.text.split(' ').length).toBeGreaterThan(2000);

    // A typo the engine corrects: its stems for the question find the sentence all the same.
    const typo = askQuestion(buildIndex(corpus), 'lighthuose', { meeting: 'harbour council' });
    expect(typo.terms.length).toBeGreaterThan(0);
    expect(findPassage(turn, typo.question, 700, typo.terms).text).toContain(ANSWER);
    // The typed word alone matches no sentence: the passage would open the turn instead.
    expect(findPassage(turn, typo.question).text).not.toContain(ANSWER);

    const p = findPassage(turn, 'why will the skarvik lighthouse close');
    expect(meeting.text.slice(p.start, p.end)).toBe(p.text);
    expect(p.text).toContain(ANSWER);
    expect(p.text.length).toBeLessThanOrEqual(700);
    // Whole sentences: the passage starts after a full stop and ends on one.
    expect(meeting.text.slice(p.start - 2, p.start)).toBe('. ');
    expect(p.text.endsWith('.')).toBe(true);
    expect(p.before && p.after).toBe(true);
    expect(formatPassage(p)).toMatch(/^… .* …$/s);
  });

  it('the /ask card shows the passage; Context shows the turn with the passage in bold', async () => {
    const corpus = await loadCorpus(dir);
    const answer = askQuestion(buildIndex(corpus), 'skarvik lighthouse keeper', {
      meeting: 'harbour council',
    });
    const top = answer.results[0];
    if (!top) throw new Error('no answer');
    const field = buildAskView(answer, { key: 'k', offset: 0, hidden: true }).cards[0]?.fields[0];
    expect(field?.name).toContain('Runa Holt');
    expect(field?.value).toContain(`… `);
    expect(field?.value).toContain(ANSWER);
    expect(field?.value.length).toBeLessThan(1024);
    // The CLI text shows the passage too; its JSON keeps the whole statement.
    expect(formatAskText(answer)).toContain(`“… `);
    expect(formatAskText(answer).length).toBeLessThan(2000);
    expect(toAskJson(answer).results[0]?.text).toBe(top.statement.text);

    const context = buildContextView(top.statement, top.meeting, answer.question);
    const description = context.cards[0]?.description ?? '';
    expect(description).toContain(`**`);
    expect(description.replace(/\*\*/g, '')).toContain(ANSWER);
    // Too long for one card: as much as fits around the passage, "…" where it goes on.
    expect(description).toMatch(/^Runa Holt: … “.*” …$/s);
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(renderMessage(context).embeds[0]?.description).toBe(description);
  });

  it('Context shows a long turn that fits a card whole', async () => {
    const corpus = await loadCorpus(dir);
    const answer = askQuestion(buildIndex(corpus), 'skarvik lighthouse', {
      meeting: 'ferry board',
    });
    const top = answer.results[0];
    if (!top) throw new Error('no answer');
    expect(top.statement.text.length).toBeGreaterThan(700);
    const field = buildAskView(answer, { key: 'k', offset: 0, hidden: true }).cards[0]?.fields[0];
    expect(field?.value).not.toContain(top.statement.text);
    const context = buildContextView(top.statement, top.meeting, answer.question);
    const description = context.cards[0]?.description ?? '';
    expect(description.replace(/\*\*/g, '')).toBe(`Ole Berg: “${top.statement.text}”`);
  });
});

describe('a long turn joined from caption cues', () => {
  const cues = sentences.slice(90, 120).map((text, i) => {
    const at = `00:${String(10 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}`;
    return `${i + 1}\n${at}.000 --> ${at}.900\nRuna Holt: ${text}\n`;
  });
  const vtt = `WEBVTT\n\n${cues.join('\n')}\n${cues.length + 1}\n00:20:00.000 --> 00:20:02.000\nPia Dahl: Noted, thank you.\n`;
  const callDir = mkdtempSync(join(tmpdir(), 'verbatim-call-'));
  writeFileSync(join(callDir, '2025-05-06-harbour-call.vtt'), vtt);
  afterAll(() => rmSync(callDir, { recursive: true, force: true }));

  it('shows the spoken sentences that answer, never the cue timings between them', async () => {
    const corpus = await loadCorpus(callDir);
    const answer = askQuestion(buildIndex(corpus), 'skarvik lighthouse keeper');
    const top = answer.results[0];
    if (!top) throw new Error('no answer');
    expect(top.statement.parts?.length).toBeGreaterThan(1);
    const p = findPassage(top.statement, answer.question);
    expect(p.text).toContain(ANSWER);
    expect(p.text).not.toContain('-->');
    // Each spoken piece of the passage is the report's own words, at its offsets.
    const pieces = (top.statement.parts ?? [])
      .map((part) => ({ start: Math.max(part.start, p.start), end: Math.min(part.end, p.end) }))
      .filter((part) => part.end > part.start)
      .map((part) => top.meeting.text.slice(part.start, part.end));
    expect(pieces.join(' ')).toBe(p.text);
    expect(p.text).not.toBe(top.meeting.text.slice(p.start, p.end));
    const view = buildAskView(answer, { key: 'k', offset: 0, hidden: true });
    expect(view.cards[0]?.fields[0]?.value).toContain(ANSWER);
    const context = buildContextView(top.statement, top.meeting, answer.question);
    expect(renderText(view) + renderText(context)).not.toContain('-->');
    expect(context.cards[0]?.description).toContain(`**`);
  });
});

describe('findPassage (property)', () => {
  it('never throws and is always a verbatim slice inside the statement', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 120 }), { maxLength: 40 }),
        fc.string({ maxLength: 60 }),
        fc.integer({ min: 20, max: 700 }),
        (pad, parts, question, max) => {
          const body = parts.join(' ');
          const file = `${pad}${body}\n`;
          const st = { text: body, start: pad.length, end: pad.length + body.length };
          const p = findPassage(st, question, max);
          expect(file.slice(p.start, p.end)).toBe(p.text);
          expect(p.start).toBeGreaterThanOrEqual(st.start);
          expect(p.end).toBeLessThanOrEqual(st.end);
          if (body.length > max) expect(p.text.length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('times and backchannel in a caption file', async () => {
  const corpus = await loadCorpus(CAPTIONS);
  const index = buildIndex(corpus);
  const stats = buildProfileStats(corpus);
  const BACKCHANNEL = ['gm', 'Yep.', '+1', 'thanks'];

  it('an /ask citation says when it was said, in the card, the console, Discord and the CLI', () => {
    const answer = askQuestion(index, 'harbour crane at holmsund');
    expect(answer.results[0]?.statement.speaker).toBe('Oskar Brandt');
    const view = buildAskView(answer, { key: 'k', offset: 0, hidden: true });
    expect(view.cards[0]?.fields[0]?.value).toMatch(
      /¶\d+ of \S*2025-02-11-ferry-timetable-call\.vtt, at 00:12:31$/,
    );
    expect(renderText(view)).toContain('at 00:12:31');
    expect(JSON.stringify(renderMessage(view).embeds)).toContain('at 00:12:31');
    expect(formatAskText(answer)).toMatch(/paragraph \d+, at 00:12:31/);
    expect(toAskJson(answer).results[0]?.source.time).toBe('00:12:31');
  });

  it('"when did …" leads with the time, in the card and the CLI text', () => {
    const answer = askQuestion(index, 'when did oskar talk about the harbour crane');
    expect(answer.asksWhen).toBe(true);
    const view = buildAskView(answer, { key: 'k', offset: 0, hidden: true });
    expect(view.cards[0]?.fields[0]?.name).toMatch(/^At 00:12:31: Oskar Brandt — /);
    expect(formatAskText(answer)).toMatch(/^1\. At 00:12:31: Oskar Brandt \(turn\)/m);
    // Asked otherwise, the citation still says when, and the speaker leads.
    const plain = buildAskView(askQuestion(index, 'harbour crane'), {
      key: 'k',
      offset: 0,
      hidden: true,
    });
    expect(plain.cards[0]?.fields[0]?.name).toMatch(/^Oskar Brandt — /);
  });

  it('find-in-reports and the quote of the day cite the time', () => {
    const found = findInReports(index, 'the night ferry cannot load freight until April');
    expect(renderText(buildFindView(found))).toContain('at 00:12:31');
    const pick = pickDailyQuote({
      corpus,
      serverId: 's1',
      date: '2025-06-01',
      history: [],
      minChars: 1,
      maxChars: 1000,
    });
    if (!pick) throw new Error('no quote of the day');
    expect(pick.statement.time).toMatch(/^00:\d\d:\d\d$/);
    const card = buildQuoteView(corpus, pick, {
      heading: { kind: 'daily', date: '2025-06-01' },
      ephemeral: false,
    }).cards[0];
    expect(card?.fields.find((f) => f.name === 'Source')?.value).toContain(
      `, at ${pick.statement.time}`,
    );
  });

  it('/who and /meeting key quotes cite the time, in the views and the CLI text', () => {
    const who = buildSpeakerProfile(corpus, 'oskar brandt', stats);
    const whoText = renderText(buildWhoView(who));
    expect(whoText).toMatch(/, at 00:12:(31|41)/);
    if (who.profile) expect(formatProfileText(who.profile)).toMatch(/, at 00:12:(31|41)/);
    const meeting = buildMeetingDigest(corpus, 'ferry timetable call', stats);
    expect(renderText(buildMeetingView(meeting))).toContain('— ¶');
    expect(renderText(buildMeetingView(meeting))).toMatch(/— ¶\d+, at 00:00:07/);
    // Marta Quill's turn runs over two cues: what she said, without the cue timing between.
    expect(renderText(buildMeetingView(meeting))).toContain(
      'starts in March, and the night crossing',
    );
    expect(renderText(buildMeetingView(meeting))).not.toContain('-->');
    if (meeting.digest) expect(formatDigestText(meeting.digest)).toContain(', at 00:00:07');
  });

  it('backchannel is kept as turns but never a quote of the day or a key quote', () => {
    const texts = corpus.statements.map((s) => s.text);
    for (const b of BACKCHANNEL) expect(texts).toContain(b);
    const eligible = listEligibleStatements(corpus, { minChars: 1, maxChars: 1000 });
    expect(eligible.map((e) => e.statement.text)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(gm|Yep\.|\+1|thanks)$/)]),
    );
    expect(eligible).toHaveLength(3);
    const digest = buildMeetingDigest(corpus, 'ferry timetable call', stats).digest;
    expect(digest?.quotes.map((q) => q.speaker)).toEqual(['Marta Quill', 'Oskar Brandt']);
    for (const q of digest?.quotes ?? []) expect(BACKCHANNEL).not.toContain(q.text);
    // Ines Varga only said "thanks": she has no key quote at all.
    expect(buildSpeakerProfile(corpus, 'ines varga', stats).profile?.quotes).toEqual([]);
  });
});
