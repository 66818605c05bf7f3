// The /ask reply: the statements that answer a question, verbatim, each with speaker, meeting,
// date and place in the source, a one-line summary of each meeting, and the More / Context /
// Post to channel buttons. Also the "nothing found" reply and the Context view.
import type { ShownStatement } from '../live/shown.js';
import { spokenText } from '../corpus/text.js';
import type { Meeting, Statement } from '../corpus/types.js';
import type { AskAnswer, AskOptions, AskResult } from '../search/engine.js';
import { findPassage, formatPassage } from './passage.js';
import { describeError, describeOutcome } from './ask-words.js';
import { meetingOneLine } from './profiles.js';
import { formatLongDate } from './quote-view.js';
import { formatCitation, meetingTitle, safeUrl, shown } from './format.js';
import { emptyCard, textReply } from './view.js';
import type { ButtonView, Card, ReplyView } from './view.js';
import { recallButtonState, rememberButtonState } from '../store/button-state.js';
import type { ButtonStateContext } from '../store/button-state.js';

/** Results per page (and per "More"). */
export const ASK_PAGE_SIZE = 3;
/** Room for a quote in a field (Discord allows 1,024) once the citation line is added. */
const QUOTE_CHARS = 700;
const MAX_SUMMARY_LINES = 3;
/** Statements shown on each side of the top one by "Context". */
const CONTEXT_RADIUS = 2;

/** What a button needs to redo the search: kept under a short key (see store/button-state.ts). */
export interface AskSession {
  kind: 'ask';
  question: string;
  options: Pick<AskOptions, 'speaker' | 'meeting' | 'from' | 'to'>;
  hidden: boolean;
  /** Statements per page (the `limit` option); ASK_PAGE_SIZE when not given. */
  limit?: number;
  /** The statements each page showed, by offset: a button on a page whose statement is gone expires. */
  shown?: Record<number, ShownStatement[]>;
}

export function formatStatementCitation(statement: Statement, meeting: Meeting): string {
  return formatCitation(statement, meeting);
}

export function formatMeetingName(meeting: Meeting): string {
  const title = shown(meetingTitle(meeting));
  if (!meeting.date) return title;
  // A title made from a dated file name ("Harbour, 2 May 2026") already says when.
  const when = formatLongDate(meeting.date);
  return title.endsWith(when) ? title : `${title}, ${when}`;
}

/**
 * A statement as a card field: who, where and when in the name; the words and citation in the
 * value. With a question, a long statement shows only the sentences that answer it.
 */
export function buildStatementField(
  statement: Statement,
  meeting: Meeting,
  marker = '',
  question?: string,
  /** The engine's stems for the question, and whether it asks when (the time leads). */
  reading: { terms?: readonly string[]; asksWhen?: boolean } = {},
): Card['fields'][number] {
  const text =
    question === undefined
      ? shown(spokenText(statement), QUOTE_CHARS)
      : shown(
          formatPassage(findPassage(statement, question, QUOTE_CHARS, reading.terms)),
          QUOTE_CHARS + 4,
        );
  const when = reading.asksWhen && statement.time ? `At ${statement.time}: ` : '';
  const words = statement.kind === 'paraphrase' ? `${text} *(reported)*` : `“${text}”`;
  const speaker = statement.speaker ? shown(statement.speaker) : 'The report';
  return {
    name: `${marker}${when}${speaker} — ${formatMeetingName(meeting)}`,
    value: `${words}\n${formatStatementCitation(statement, meeting)}`,
  };
}

/** The answer page: results `offset+1 … offset+n` of `answer.total`. */
export function buildAskView(
  answer: AskAnswer,
  state: {
    key: string | null;
    offset: number;
    hidden: boolean;
    /** "Post to channel" makes sense in a server channel, not in a direct message. */
    canPost?: boolean;
    sharedBy?: string;
  },
): ReplyView {
  const error = describeError(answer);
  if (error) return textReply(error);
  if (answer.results.length === 0) return buildNothingView(answer);
  const card = emptyCard();
  card.title = `“${shown(answer.question.trim(), 240)}”`;
  card.description = describeMeetings(answer.results);
  card.fields = answer.results.map((r) =>
    buildStatementField(r.statement, r.meeting, '', answer.question, answer),
  );
  const last = state.offset + answer.results.length;
  const range =
    last === state.offset + 1 ? `Statement ${last}` : `Statements ${state.offset + 1}–${last}`;
  card.footer = `${range} of ${answer.total} · every quote is verbatim from the reports`;
  const buttons: ButtonView[] = [];
  if (state.key) {
    if (last < answer.total)
      buttons.push({ id: `ask:more:${state.key}:${last}`, label: 'More', style: 'primary' });
    buttons.push({
      id: `ask:context:${state.key}:${state.offset}`,
      label: 'Context',
      style: 'secondary',
    });
    if (state.hidden && state.canPost !== false)
      buttons.push({
        id: `ask:post:${state.key}:${state.offset}`,
        label: 'Post to channel',
        style: 'success',
      });
  }
  const lines: string[] = [];
  if (state.sharedBy) lines.push(`Shared by <@${state.sharedBy}>`);
  const notice = describeOutcome(answer);
  if (notice) lines.push(shown(notice));
  return {
    ephemeral: state.hidden,
    content: lines.length > 0 ? lines.join('\n') : null,
    cards: [card],
    buttons,
  };
}

/** Nothing answers: say so plainly, privately, with what the reports do cover. */
export function buildNothingView(answer: AskAnswer): ReplyView {
  const lines = [`Nothing in the reports answers “${shown(answer.question.trim(), 200)}”.`];
  const why = describeOutcome(answer, { sayNothing: false });
  if (why) lines.push(shown(why));
  if (answer.suggestions.length > 0) {
    lines.push(`You could ask about: ${shown(answer.suggestions.slice(0, 8).join(', '))}.`);
  }
  return textReply(lines.join('\n'));
}

/**
 * The statements around `statement` in its meeting, the statement itself marked. A long statement
 * (a 2,000-word turn) is shown whole above them, the sentences that answer `question` in bold.
 */
export function buildContextView(
  statement: Statement,
  meeting: Meeting,
  question?: string,
  terms: readonly string[] = [],
): ReplyView {
  const at = meeting.statements.findIndex((s) => s.id === statement.id);
  const from = Math.max(0, at - CONTEXT_RADIUS);
  const around = meeting.statements.slice(from, at + CONTEXT_RADIUS + 1);
  const long = spokenText(statement).length > QUOTE_CHARS;
  const card = emptyCard();
  card.title = formatMeetingName(meeting);
  card.url = safeUrl(meeting.source);
  const intro = statement.context ? shown(statement.context, 600) : null;
  card.description = long
    ? [intro, showWholeTurn(statement, question ?? '', terms)].filter(Boolean).join('\n\n')
    : intro;
  card.fields = around.map((s) =>
    s.id === statement.id && long
      ? {
          name: `▶ ${s.speaker ? shown(s.speaker) : 'The report'} — ${formatMeetingName(meeting)}`,
          value: `(the whole statement is above)\n${formatStatementCitation(s, meeting)}`,
        }
      : buildStatementField(s, meeting, s.id === statement.id ? '▶ ' : ''),
  );
  card.footer = `Statements ${from + 1}–${from + around.length} of ${meeting.statements.length} in ${shown(meeting.id)}`;
  return { ephemeral: true, content: null, cards: [card], buttons: [] };
}

/** Room for a whole turn in the Context card (Discord allows 4,096 in a description). */
const TURN_CHARS = 3800;

/**
 * A long statement, verbatim, the passage answering the question in bold. A turn longer than a
 * card holds shows as much of it as fits around the passage, with "…" where it goes on.
 */
function showWholeTurn(statement: Statement, question: string, terms: readonly string[]): string {
  // The spoken text: a turn joined from caption cues shows no cue timings.
  const text = spokenText(statement);
  const passage = findPassage(statement, question, QUOTE_CHARS, terms);
  const { spokenStart: p0, spokenEnd: p1 } = passage;
  let a = 0;
  let b = text.length;
  if (b - a > TURN_CHARS) {
    const room = TURN_CHARS - (p1 - p0);
    a = Math.max(0, p0 - Math.floor(room / 2));
    b = Math.min(text.length, a + TURN_CHARS);
    a = Math.max(0, b - TURN_CHARS);
    // Cut the view at spaces, never inside a word.
    while (a > 0 && a < p0 && !/\s/u.test(text[a - 1] ?? '')) a++;
    while (b < text.length && b > p1 && !/\s/u.test(text[b] ?? '')) b--;
  }
  const words = `${shown(text.slice(a, p0).trimStart())}**${shown(text.slice(p0, p1))}**${shown(text.slice(p1, b).trimEnd())}`;
  const who = statement.speaker ? shown(statement.speaker) : 'The report';
  return `${who}: ${a > 0 ? '… ' : ''}“${words}”${b < text.length ? ' …' : ''}`;
}

function describeMeetings(results: AskResult[]): string | null {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { meeting } of results) {
    if (seen.has(meeting.id) || lines.length >= MAX_SUMMARY_LINES) continue;
    seen.add(meeting.id);
    const line = meetingOneLine(meeting);
    lines.push(`**${formatMeetingName(meeting)}**${line ? ` — ${shown(line, 300)}` : ''}`);
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

/** Keeps an ask for its buttons (in the shared store when open); returns the key. */
export function rememberAsk(
  ctx: ButtonStateContext,
  session: AskSession,
  makeKey: () => string,
): Promise<string> {
  return rememberButtonState(ctx, session, makeKey);
}

/** The ask behind a button, or null once it expired (or the key is not an ask's). */
export async function recallAsk(ctx: ButtonStateContext, key: string): Promise<AskSession | null> {
  const value = (await recallButtonState(ctx, key)) as Partial<AskSession> | null;
  return value?.kind === 'ask' ? (value as AskSession) : null;
}

/** `ask:<action>:<key>:<offset>` → its parts, or null for anything else. */
export function parseAskButton(
  customId: string,
): { action: string; key: string; offset: number } | null {
  const m = /^ask:(more|context|post):([A-Za-z0-9_-]{1,40}):(\d{1,6})$/.exec(customId);
  return m ? { action: m[1] ?? '', key: m[2] ?? '', offset: Number(m[3]) } : null;
}
