// A meeting's page: the whole record as the reader understood it. Each statement is a block with
// its speaker, its kind (a turn, a quotation, a reporter's paraphrase), its words, and its place
// in the source (file, paragraph, time) under an anchor `s-<index>`; the record's text between
// statements (narration, headings, stage directions) is shown plainly in between.
import { spokenText } from '../corpus/text.js';
import type { Meeting, Statement } from '../corpus/types.js';
import { meetingTitle, safeUrl } from '../answers/format.js';
import { formatLongDate } from '../answers/quote-view.js';
import { esc } from './html.js';
import { speakerPath, statementAnchor } from './paths.js';

const KIND_LABELS: Record<Statement['kind'], string> = {
  turn: 'speaking',
  quote: 'quoted',
  paraphrase: 'reported, not verbatim',
};

/** The page's title and content (the frame is added by the route). */
export function renderMeetingPage(
  meeting: Meeting,
  knownSpeakers: ReadonlySet<string>,
  /** The speaker-share chart as SVG (made by src/charts, which escapes what it draws), or null. */
  shareSvg: string | null = null,
): { title: string; body: string } {
  const title = meetingTitle(meeting);
  const out: string[] = [`<article class="record">`, `<h1>${esc(title)}</h1>`];
  out.push(`<dl class="meta">`);
  if (meeting.date) out.push(`<dt>Date</dt><dd>${esc(formatLongDate(meeting.date))}</dd>`);
  out.push(`<dt>File</dt><dd>${esc(meeting.id)}</dd>`);
  const source = safeUrl(meeting.source);
  if (source)
    out.push(
      `<dt>Source</dt><dd><a href="${esc(source)}" rel="noreferrer nofollow">${esc(source)}</a></dd>`,
    );
  out.push(`<dt>Statements</dt><dd>${meeting.statements.length}</dd>`, `</dl>`);
  if (meeting.speakers.length > 0)
    out.push(`<p class="meta">Speakers: ${listPeople(meeting.speakers, knownSpeakers)}</p>`);
  if (meeting.present.length > 0)
    out.push(`<p class="meta">Also present: ${listPeople(meeting.present, knownSpeakers)}</p>`);
  if (shareSvg) out.push(`<figure class="chart">${shareSvg}</figure>`);
  out.push(...renderRecord(meeting, knownSpeakers), `</article>`);
  return { title, body: out.join('\n') };
}

function listPeople(names: readonly string[], known: ReadonlySet<string>): string {
  return names
    .map((n) => (known.has(n) ? `<a href="${esc(speakerPath(n))}">${esc(n)}</a>` : esc(n)))
    .join(', ');
}

/** The record in file order: narration and statements, each once. */
function renderRecord(meeting: Meeting, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const text = meeting.text;
  let at = skipFrontMatter(text);
  const statements = [...meeting.statements].sort((a, b) => a.start - b.start);
  for (const statement of statements) {
    const between = cleanNarration(
      text.slice(at, Math.max(at, statement.start)),
      meeting,
      statement,
    );
    if (between) out.push(`<p class="narration">${esc(between)}</p>`);
    out.push(renderStatement(statement, meeting, known));
    at = Math.max(at, statement.end);
  }
  const tail = cleanNarration(text.slice(at), meeting, null);
  if (tail) out.push(`<p class="narration">${esc(tail)}</p>`);
  return out;
}

export function renderStatement(
  statement: Statement,
  meeting: Meeting,
  known: ReadonlySet<string>,
): string {
  const anchor = statementAnchor(statement.id) ?? '';
  const who = statement.speaker
    ? known.has(statement.speaker)
      ? `<a href="${esc(speakerPath(statement.speaker))}">${esc(statement.speaker)}</a>`
      : esc(statement.speaker)
    : 'The report';
  const words = spokenText(statement);
  const shownWords = statement.kind === 'quote' ? `“${words}”` : words;
  const place = [`¶${statement.paragraph} of ${meeting.id}`];
  if (statement.time) place.push(`at ${statement.time}`);
  return [
    `<section class="st ${statement.kind}" id="${esc(anchor)}" aria-label="Statement ${Number(anchor.slice(2)) + 1}">`,
    `<p class="who">${who} <span class="kind">${KIND_LABELS[statement.kind]}</span></p>`,
    `<p class="words">${esc(shownWords)}</p>`,
    `<p class="cite"><a href="#${esc(anchor)}">${esc(place.join(', '))}</a></p>`,
    `</section>`,
  ].join('');
}

function skipFrontMatter(text: string): number {
  const m = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.exec(text);
  return m ? m[0].length : 0;
}

const CAPTION_FILE = /\.(?:vtt|srt)$/iu;

/**
 * The record's text between two statements, as a reader sees it: caption furniture (WEBVTT, cue
 * numbers, timings) dropped, the speaker label of the next turn dropped (the turn names its
 * speaker), and the quotation marks around a quotation left to the quotation itself.
 */
function cleanNarration(gap: string, meeting: Meeting, next: Statement | null): string {
  let lines = gap.replace(/\r\n?/gu, '\n').split('\n');
  if (CAPTION_FILE.test(meeting.id)) {
    lines = lines.filter(
      (l) => !/^\s*(?:WEBVTT\b.*|\d+|\S*\d+:\d+[\d:.,]*\s*-->.*|NOTE\b.*)\s*$/u.test(l),
    );
  }
  if (next?.kind === 'turn' && lines.length > 0) {
    const last = (lines[lines.length - 1] ?? '').trim();
    if (last.length <= 120 && (/[:>\]]$/u.test(last) || /^\p{Lu}[\p{L}.]{0,5}$/u.test(last)))
      lines[lines.length - 1] = '';
  }
  return lines
    .join('\n')
    .replace(/^[\s”"»’]+/u, '')
    .replace(/[\s“"«‘]+$/u, '')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
