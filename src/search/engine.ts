// The answering engine's entry point: reads a question, applies the filters, scores, and
// returns the statements that answer (best first) or an honest nothing. The stages live in
// build-index, read-question, expand, score, gate and suggest.
import { endBudget, startBudget } from './budget.js';
import { isBackchannel, spokenText } from '../corpus/text.js';
import type { Meeting, Statement } from '../corpus/types.js';
import type { SearchIndex } from './index-data.js';
import { findMeetings, findSpeaker } from './lookup.js';
import { SYNONYM_FACTOR } from './expand.js';
import { cleanQuestion, readQuestion } from './read-question.js';
import { scoreStatements, type Ranked } from './score.js';
import { topSpeakers, topTopics } from './suggest.js';

export { buildIndex } from './build-index.js';
export type { IndexData, SearchIndex } from './index-data.js';
export { MAX_QUESTION_LENGTH } from './read-question.js';

export interface AskOptions {
  /** Only statements by this speaker (any name, alias or role the corpus knows). */
  speaker?: string;
  /** Only statements from meetings matching this (title, date, participant, file). */
  meeting?: string;
  /** Only meetings on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Only meetings on or before this date (YYYY-MM-DD). */
  to?: string;
  /** How many results (default 3, at most 10). */
  limit?: number;
  /** How many of the best results to skip (for "More"). */
  offset?: number;
  /** Time budget of this question in ms (default QUESTION_BUDGET_MS, about 100). */
  budgetMs?: number;
  /**
   * Every statement that passes the honesty gate, best first (charts count them); `limit` and
   * `offset` are then ignored. What a chart counts is what /ask pages through.
   */
  everyMatch?: boolean;
}

export interface AskResult {
  statement: Statement;
  meeting: Meeting;
  score: number;
}

/**
 * Why an answer has the results it has. The engine says what happened; views and the CLI choose
 * the words (src/answers/ask-words.ts).
 */
export type AskOutcome =
  /** Statements answer; `topicless` when the question named only a speaker (report order). */
  | { kind: 'found'; topicless: boolean }
  /** No letter or digit in the question. */
  | { kind: 'empty-question' }
  /**
   * Nobody the reports know: `names` as typed; `from` says whether the question or the speaker
   * option named them; `candidates` are close known names (for the option).
   */
  | { kind: 'unknown-speaker'; names: string[]; from: 'question' | 'option'; candidates: string[] }
  /** Everyone asked about is in the reports but never quoted. */
  | { kind: 'silent-speaker'; names: string[] }
  /** The meeting option matches no meeting. */
  | { kind: 'unknown-meeting'; query: string }
  /** No topic word and no speaker: nothing to look for. */
  | { kind: 'no-topic' }
  /** Nothing in the reports answers. */
  | { kind: 'nothing' };

export interface AskAnswer {
  question: string;
  outcome: AskOutcome;
  results: AskResult[];
  /** How many results exist before limit/offset. */
  total: number;
  /** Canonical names of the known speakers the question (or the speaker option) names. */
  speakers: string[];
  /** Names the question attributes words to that no report knows ("macron"). */
  unknownSpeakers: string[];
  /** When nothing answers: speakers and topics that the reports do have. */
  suggestions: string[];
  /**
   * The index stems the question's topic words stand for (the words, their typos, endings and
   * close synonyms, not broad hypernyms): a view can find the sentences of a long turn that answer
   * by stemming its words the same way (`indexWords` + `makeStemmer` from search/index-data).
   */
  terms: string[];
  /** The question asks when ("when did …"): views lead with the time a statement was said. */
  asksWhen: boolean;
  /** The question was cut to this many characters (it was longer than MAX_QUESTION_LENGTH). */
  truncatedTo: number | null;
  /** The question ran out of its time budget: the results are the best found in time. */
  cutShort?: boolean;
}

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;

/**
 * Answers a question: the statements that answer it, best first, or an honest nothing. Never
 * runs much past its time budget: out of time, it answers with the best found so far.
 */
export function askQuestion(
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): AskAnswer {
  // The dictionary's one-off load (the first question after a start) is not this question's time.
  index.data.lexicon?.load();
  startBudget(options.budgetMs);
  let answer: AskAnswer;
  try {
    answer = askWithinBudget(index, question, options);
  } catch (error) {
    endBudget();
    throw error;
  }
  if (endBudget()) answer.cutShort = true;
  return answer;
}

function askWithinBudget(
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): AskAnswer {
  const asked = typeof question === 'string' ? question : '';
  const cleaned = cleanQuestion(asked);
  const answer: AskAnswer = {
    question: asked,
    outcome: { kind: 'nothing' },
    results: [],
    total: 0,
    speakers: [],
    unknownSpeakers: [],
    suggestions: [],
    truncatedTo: cleaned.truncated ? cleaned.text.length : null,
    asksWhen: false,
    terms: [],
  };
  const stop = (outcome: AskOutcome, suggestions: string[] = []): AskAnswer => {
    answer.outcome = outcome;
    answer.suggestions = suggestions;
    return answer;
  };
  if (cleaned.empty) return stop({ kind: 'empty-question' });
  const d = index.data;
  const corpus = index.corpus;
  const limit = options.everyMatch
    ? corpus.statements.length + 1
    : Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
  const offset = options.everyMatch ? 0 : Math.max(0, Math.floor(options.offset ?? 0) || 0);

  const reading = readQuestion(index, cleaned.text, d.stemOf);
  answer.unknownSpeakers = reading.unknownSpeakers;
  answer.asksWhen = reading.asksWhen;
  answer.terms = [
    ...new Set(
      reading.concepts.flatMap((c) =>
        c.expansions
          .filter((e) => e.factor >= SYNONYM_FACTOR)
          .flatMap((e) => e.terms.map((t) => d.stems[t] ?? '')),
      ),
    ),
  ].filter(Boolean);

  // Filters from the options.
  let onlySpeakers: Set<number> | null = null;
  if (options.speaker && options.speaker.trim()) {
    const found = findSpeaker(d.lookup, options.speaker);
    if (!found.speaker) {
      const typed = options.speaker.trim().slice(0, 100);
      const names = found.candidates.map((s) => s.name);
      answer.unknownSpeakers.push(typed);
      return stop(
        { kind: 'unknown-speaker', names: [typed], from: 'option', candidates: names.slice(0, 3) },
        names.length > 0 ? names : topSpeakers(index, 5),
      );
    }
    const s = d.speakerIndex.get(found.speaker.name) ?? -1;
    onlySpeakers = new Set([s]);
    reading.speakers.add(s);
  }
  let onlyMeetings: Set<number> | null = null;
  if (options.meeting && options.meeting.trim()) {
    const found = findMeetings(d.lookup, options.meeting);
    if (found.length === 0) {
      return stop(
        { kind: 'unknown-meeting', query: options.meeting.trim().slice(0, 100) },
        corpus.meetings.slice(0, 5).map((m) => m.title ?? m.file),
      );
    }
    const ids = new Set(found.map((m) => m.id));
    onlyMeetings = new Set();
    corpus.meetings.forEach((m, i) => ids.has(m.id) && onlyMeetings?.add(i));
  }
  const from = options.from?.trim() || null;
  const to = options.to?.trim() || null;
  const meetingAllowed = corpus.meetings.map((m, i) => {
    if (onlyMeetings && !onlyMeetings.has(i)) return false;
    if ((from || to || reading.years.size > 0) && !m.date) return false;
    if (from && (m.date ?? '') < from) return false;
    if (to && (m.date ?? '') > to) return false;
    if (reading.years.size > 0 && !reading.years.has((m.date ?? '').slice(0, 4))) return false;
    return true;
  });

  answer.speakers = [...reading.speakers]
    .map((s) => corpus.speakers[s]?.name)
    .filter((x): x is string => typeof x === 'string');

  // Everyone asked about is known but silent in the reports (present, never quoted): said when
  // nothing answers, since a group statement of their meeting ("They discussed …") still may.
  const silent = [...reading.speakers].filter((s) => (d.statementCounts[s] ?? 0) === 0);
  const allSilent =
    reading.speakers.size > 0 && silent.length === reading.speakers.size && !onlySpeakers;
  const silentOutcome = (): AskAnswer =>
    stop(
      {
        kind: 'silent-speaker',
        names: silent.map((s) => corpus.speakers[s]?.name ?? '').filter(Boolean),
      },
      topSpeakers(index, 5),
    );

  if (answer.unknownSpeakers.length > 0 && reading.speakers.size === 0) {
    return stop(
      { kind: 'unknown-speaker', names: answer.unknownSpeakers, from: 'question', candidates: [] },
      [...topSpeakers(index, 5), ...topTopics(index, null, 5)],
    );
  }

  // Statements the filters allow; null when there is no filter (the common, fast case).
  let mask: Uint8Array | null = null;
  if (onlySpeakers || meetingAllowed.some((ok) => !ok)) {
    mask = new Uint8Array(d.docCount);
    for (let doc = 0; doc < mask.length; doc++) {
      const ok =
        meetingAllowed[d.docMeeting[doc] ?? 0] === true &&
        (!onlySpeakers || onlySpeakers.has(d.docSpeaker[doc] ?? -1));
      mask[doc] = ok ? 1 : 0;
    }
  }

  if (reading.concepts.length === 0) {
    if (allSilent) return silentOutcome();
    if (reading.speakers.size === 0)
      return stop({ kind: 'no-topic' }, [...topSpeakers(index, 5), ...topTopics(index, null, 5)]);
    // Only a speaker: everything they said, in report order.
    const docs: number[] = [];
    for (let doc = 0; doc < corpus.statements.length; doc++) {
      if (
        (!mask || mask[doc] === 1) &&
        reading.speakers.has(d.docSpeaker[doc] ?? -1) &&
        !isBackchannel(spokenText(corpus.statements[doc] ?? { text: '' }))
      )
        docs.push(doc);
    }
    const top = docs
      .slice(0, offset + limit)
      .map((doc) => ({ doc, score: 0, asked: true, coverage: 0 }));
    return finish(index, answer, { total: docs.length, top }, limit, offset, true);
  }

  const scored = scoreStatements(index, reading, mask, offset + limit, allSilent);
  if (scored.total === 0 && allSilent) return silentOutcome();
  // Only an empty answer names the unknown person: the word may still be a topic the reports lack.
  if (scored.total === 0 && reading.headName) {
    answer.unknownSpeakers.push(reading.headName);
    return stop(
      { kind: 'unknown-speaker', names: [reading.headName], from: 'question', candidates: [] },
      [...topSpeakers(index, 5), ...topTopics(index, null, 5)],
    );
  }
  return finish(index, answer, scored, limit, offset, false);
}

function finish(
  index: SearchIndex,
  answer: AskAnswer,
  scored: { total: number; top: Ranked[] },
  limit: number,
  offset: number,
  topicless: boolean,
): AskAnswer {
  const corpus = index.corpus;
  answer.total = scored.total;
  answer.results = scored.top.slice(offset, offset + limit).flatMap(({ doc, score }) => {
    const statement = corpus.statements[doc];
    const meeting = statement ? corpus.meetings[index.data.docMeeting[doc] ?? 0] : undefined;
    return statement && meeting
      ? [{ statement, meeting, score: Math.round(score * 1000) / 1000 }]
      : [];
  });
  if (scored.total > 0) {
    answer.outcome = { kind: 'found', topicless };
    return answer;
  }
  answer.outcome = { kind: 'nothing' };
  const who = answer.speakers
    .map((name) => index.data.speakerIndex.get(name))
    .filter((x): x is number => x !== undefined);
  // Topics the speaker asked about did talk about (else the reports' main topics), and who speaks.
  const topics = who.length > 0 ? topTopics(index, new Set(who), 8) : [];
  answer.suggestions = [
    ...new Set([
      ...topics,
      ...(topics.length < 3 ? topTopics(index, null, 8 - topics.length) : []),
      ...(who.length > 0 ? [] : topSpeakers(index, 5)),
    ]),
  ];
  return answer;
}
