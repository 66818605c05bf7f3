// The reply for a single quote (quote of the day, a random or a speaker's quote) and for its
// "Context" button: verbatim report text with speaker, meeting, date and citation.
import { createHash } from 'node:crypto';
import { spokenText } from '../corpus/text.js';
import type { Corpus, Meeting, Statement } from '../corpus/types.js';
import type { QuotePick } from '../daily/pick.js';
import { formatCitation as formatSourceCitation, meetingTitle, safeUrl, shown } from './format.js';
import { emptyCard, textReply } from './view.js';
import type { ButtonView, ReplyView } from './view.js';
import { MONTH_NAMES } from '../corpus/months.js';

export type QuoteHeading =
  { kind: 'daily'; date: string } | { kind: 'random' } | { kind: 'speaker'; date: string };

/** A short key for a statement that survives restarts (custom_ids are limited to 100 chars). */
export function buildStatementKey(statementId: string): string {
  return createHash('sha1').update(statementId).digest('base64url').slice(0, 16);
}

export function findStatementByKey(corpus: Corpus, key: string): Statement | null {
  return corpus.statements.find((s) => buildStatementKey(s.id) === key) ?? null;
}

export function contextButton(statement: Statement): ButtonView {
  return {
    id: `quote:context:${buildStatementKey(statement.id)}`,
    label: 'Context',
    style: 'secondary',
  };
}

/** "5 March 2017" for a YYYY-MM-DD date (anything else is shown as given). */
export function formatLongDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "¶N of <file in the corpus> · [source](…)". */
export function formatCitation(statement: Statement, meeting: Meeting): string {
  return formatSourceCitation(statement, meeting);
}

function describeMeeting(meeting: Meeting): string {
  const title = shown(meetingTitle(meeting));
  return meeting.date ? `${title} (${formatLongDate(meeting.date)})` : title;
}

function headingTitle(heading: QuoteHeading, pick: QuotePick): string {
  if (heading.kind === 'random') return 'A random quote';
  const base =
    heading.kind === 'daily'
      ? 'Quote of the day'
      : `Today's quote from ${pick.statement.speaker ? shown(pick.statement.speaker) : 'the reports'}`;
  if (pick.onThisDay && pick.meeting.date) {
    return `${base} · on this day in ${pick.meeting.date.slice(0, 4)}`;
  }
  return base;
}

/** The quote as a card: text in quotation marks, who said it, where and when, and the citation. */
export function buildQuoteView(
  corpus: Corpus,
  pick: QuotePick,
  options: { heading: QuoteHeading; ephemeral: boolean },
): ReplyView {
  const { statement, meeting } = pick;
  const speaker = corpus.speakers.find((s) => s.name === statement.speaker);
  const who = statement.speaker ? shown(statement.speaker) : 'Unattributed';
  const role = speaker?.role ? `, ${shown(speaker.role)}` : '';
  const text = shown(spokenText(statement).replace(/\s+/g, ' ').trim());
  const card = emptyCard();
  card.title = headingTitle(options.heading, pick);
  card.url = safeUrl(meeting.source);
  card.description = `“${text}”\n— **${who}**${role}`;
  card.fields = [
    { name: 'Meeting', value: describeMeeting(meeting), inline: false },
    { name: 'Source', value: formatCitation(statement, meeting), inline: false },
  ];
  card.footer =
    options.heading.kind === 'random'
      ? 'Quoted word for word from the reports'
      : `${formatLongDate(options.heading.date)} · quoted word for word from the reports`;
  return {
    ephemeral: options.ephemeral,
    content: null,
    cards: [card],
    buttons: [contextButton(statement)],
  };
}

/** The paragraph holding [start, end) in `text`, as offsets (paragraphs are lines). */
function findParagraph(text: string, start: number, end: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  const nl = text.indexOf('\n', Math.max(start, end - 1));
  return { from: start === 0 ? 0 : from, to: nl === -1 ? text.length : nl };
}

function findNeighbour(
  text: string,
  at: number,
  direction: -1 | 1,
): { from: number; to: number } | null {
  let i = at;
  if (direction === -1) {
    // `at` is the first char of a paragraph: step back over line breaks to the previous line.
    i = at - 1;
    while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
    if (i < 0) return null;
    return findParagraph(text, i, i + 1);
  }
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  if (i >= text.length) return null;
  return findParagraph(text, i, i + 1);
}

const CONTEXT_BUDGET = 3500;

/** The report around a statement: its paragraph, with the ones before and after when they fit. */
export function buildContextView(corpus: Corpus, statement: Statement): ReplyView {
  const meeting = corpus.meetings.find((m) => m.id === statement.meetingId);
  if (!meeting) return textReply('That report is no longer loaded — ask again.');
  const text = meeting.text;
  const own = findParagraph(text, statement.start, statement.end);
  const ownText =
    shown(text.slice(own.from, statement.start).trimStart()) +
    `**${shown(text.slice(statement.start, statement.end))}**` +
    shown(text.slice(statement.end, own.to).trimEnd());
  const parts = [ownText];
  let used = parts[0]?.length ?? 0;
  const before = findNeighbour(text, own.from, -1);
  const after = findNeighbour(text, own.to, 1);
  const beforeText = before ? shown(text.slice(before.from, before.to).trim()) : '';
  const afterText = after ? shown(text.slice(after.from, after.to).trim()) : '';
  if (beforeText && used + beforeText.length < CONTEXT_BUDGET) {
    parts.unshift(beforeText);
    used += beforeText.length;
  }
  if (afterText && used + afterText.length < CONTEXT_BUDGET) parts.push(afterText);
  const card = emptyCard();
  card.title = `Context · ${shown(meetingTitle(meeting))}`;
  card.url = safeUrl(meeting.source);
  card.description = parts.join('\n\n');
  card.footer = `${formatCitation(statement, meeting)}${meeting.date ? ` · ${formatLongDate(meeting.date)}` : ''}`;
  return { ephemeral: true, content: null, cards: [card], buttons: [] };
}
