// The search page: the /ask engine with the /ask filters (speaker, meeting, from, to), each result
// linking to its statement's place in the record.
import { buildTrend, trendSvg } from '../charts/index.js';
import type { AskAnswer } from '../search/engine.js';
import { askQuestion, MAX_LIMIT, MAX_QUESTION_LENGTH } from '../search/engine.js';
import type { SearchIndex } from '../search/engine.js';
import { describeError, describeOutcome } from '../answers/ask-words.js';
import { findPassage, formatPassage } from '../answers/passage.js';
import { meetingTitle } from '../answers/format.js';
import { formatLongDate } from '../answers/quote-view.js';
import { esc } from './html.js';
import { speakerPath, statementPath } from './paths.js';

/** Results per page (the engine gives at most MAX_LIMIT at a time). */
const PAGE_SIZE = MAX_LIMIT;
const MAX_PAGE = 50;
/** Filters are names and dates: longer text is cut, as /ask's options are. */
const MAX_FILTER_CHARS = 200;

export interface SearchRequest {
  q: string;
  speaker: string;
  meeting: string;
  from: string;
  to: string;
  page: number;
}

export function readSearchRequest(params: URLSearchParams): SearchRequest {
  const get = (name: string, max: number) => (params.get(name) ?? '').slice(0, max);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: get('q', MAX_QUESTION_LENGTH),
    speaker: get('speaker', MAX_FILTER_CHARS).trim(),
    meeting: get('meeting', MAX_FILTER_CHARS).trim(),
    from: get('from', 10).trim(),
    to: get('to', 10).trim(),
    page: Number.isFinite(page) ? Math.min(MAX_PAGE, Math.max(1, page)) : 1,
  };
}

/** A real day of the calendar written YYYY-MM-DD (as /ask asks). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

export function renderSearchPage(
  index: SearchIndex,
  request: SearchRequest,
): { title: string; body: string } {
  const out = [`<h1>Search the records</h1>`, renderForm(request)];
  if (request.q.trim() === '') {
    out.push(`<p>Ask what was said, for example “what was said about the harbour”.</p>`);
    return { title: 'Search', body: out.join('\n') };
  }
  const problem = checkDates(request);
  if (problem) {
    out.push(`<p class="notice" role="alert">${esc(problem)}</p>`);
    return { title: `Search: ${request.q}`, body: out.join('\n') };
  }
  const answer = askQuestion(index, request.q, {
    ...(request.speaker ? { speaker: request.speaker } : {}),
    ...(request.meeting ? { meeting: request.meeting } : {}),
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    limit: PAGE_SIZE,
    offset: (request.page - 1) * PAGE_SIZE,
  });
  out.push(...renderTrend(index, request), ...renderAnswer(answer, request));
  return { title: `Search: ${request.q}`, body: out.join('\n') };
}

/**
 * The /trend chart of the question's words (first page only, and not for one meeting: a trend is
 * over time): counted with the same engine and filters, so it never counts what search would not
 * return.
 */
function renderTrend(index: SearchIndex, r: SearchRequest): string[] {
  if (r.page !== 1 || r.meeting) return [];
  const { data } = buildTrend(index, r.q, {
    ...(r.speaker ? { speaker: r.speaker } : {}),
    ...(r.from ? { from: r.from } : {}),
    ...(r.to ? { to: r.to } : {}),
  });
  // One meeting is not a trend.
  if (!data || data.bars.length < 2) return [];
  return [`<figure class="chart">${trendSvg(data)}</figure>`];
}

function checkDates(r: SearchRequest): string | null {
  for (const [name, value] of [
    ['from', r.from],
    ['to', r.to],
  ] as const) {
    if (value && !isCalendarDate(value))
      return `“${name}” must be a date written YYYY-MM-DD, like 2017-03-05 (got “${value}”).`;
  }
  if (r.from && r.to && r.from > r.to)
    return `“from” (${r.from}) is after “to” (${r.to}): nothing can be in between.`;
  return null;
}

function renderForm(r: SearchRequest): string {
  const field = (
    name: string,
    label: string,
    value: string,
    type = 'text',
    max = MAX_FILTER_CHARS,
  ) =>
    `<label>${label}<input name="${name}" type="${type}" maxlength="${max}" value="${esc(value)}"></label>`;
  return [
    `<form class="ask" action="/search" method="get">`,
    `<label for="q" class="sr-only">Question</label>`,
    `<p class="search-row"><input id="q" name="q" type="search" maxlength="${MAX_QUESTION_LENGTH}" value="${esc(r.q)}" placeholder="What was said about…"> <button type="submit">Search</button></p>`,
    `<div class="filters">`,
    field('speaker', 'Speaker', r.speaker),
    field('meeting', 'Meeting', r.meeting),
    field('from', 'From (YYYY-MM-DD)', r.from, 'text', 10),
    field('to', 'To (YYYY-MM-DD)', r.to, 'text', 10),
    `</div>`,
    `</form>`,
  ].join('\n');
}

function renderAnswer(answer: AskAnswer, request: SearchRequest): string[] {
  const out: string[] = [];
  const error = describeError(answer);
  if (error) return [`<p class="notice" role="alert">${esc(error)}</p>`];
  const notice = describeOutcome(answer);
  if (notice) out.push(`<p class="notice">${esc(notice)}</p>`);
  if (answer.results.length === 0) {
    if (answer.suggestions.length > 0)
      out.push(`<p>The records do cover: ${esc(answer.suggestions.slice(0, 8).join(', '))}.</p>`);
    return out;
  }
  const first = (request.page - 1) * PAGE_SIZE + 1;
  const last = first + answer.results.length - 1;
  out.push(
    `<p class="meta">Statements ${first}–${last} of ${answer.total}, verbatim from the records.</p>`,
    `<ol class="plain results" start="${first}">`,
  );
  for (const { statement, meeting } of answer.results) {
    const passage = formatPassage(findPassage(statement, answer.question, 700, answer.terms));
    const words = statement.kind === 'paraphrase' ? `${passage} (reported)` : `“${passage}”`;
    const who = statement.speaker
      ? `<a href="${esc(speakerPath(statement.speaker))}">${esc(statement.speaker)}</a>`
      : 'The report';
    const when = meeting.date ? `, ${formatLongDate(meeting.date)}` : '';
    const place = `¶${statement.paragraph} of ${meeting.id}${statement.time ? `, at ${statement.time}` : ''}`;
    out.push(
      `<li class="result st ${statement.kind}">`,
      `<p class="who">${who} — ${esc(meetingTitle(meeting))}${esc(when)}</p>`,
      `<p class="words">${esc(words)}</p>`,
      `<p class="cite"><a class="open" href="${esc(statementPath(statement.id, meeting.id))}">${esc(place)}</a></p>`,
      `</li>`,
    );
  }
  out.push(`</ol>`);
  const pages: string[] = [];
  const link = (page: number, label: string) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({
      q: request.q,
      speaker: request.speaker,
      meeting: request.meeting,
      from: request.from,
      to: request.to,
    }))
      if (v) params.set(k, v);
    params.set('page', String(page));
    return `<a href="/search?${esc(params.toString())}">${label}</a>`;
  };
  if (request.page > 1) pages.push(link(request.page - 1, 'Previous'));
  if (last < answer.total && request.page < MAX_PAGE) pages.push(link(request.page + 1, 'Next'));
  if (pages.length > 0)
    out.push(`<nav class="pages" aria-label="Result pages">${pages.join(' ')}</nav>`);
  return out;
}
