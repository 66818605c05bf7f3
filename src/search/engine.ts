// The answering engine's entry point: reads a question, applies the filters, scores, and
// returns the statements that answer (best first) or an honest nothing. The stages live in
// build-index, read-question, expand, score, gate and suggest.
import type { Meeting, Statement } from '../corpus/types.js';
import type { SearchIndex } from './index-data.js';
import { findMeetings, findSpeaker } from './lookup.js';
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
}

export interface AskResult {
  statement: Statement;
  meeting: Meeting;
  score: number;
}

export interface AskAnswer {
  question: string;
  results: AskResult[];
  /** How many results exist before limit/offset. */
  total: number;
  /** Canonical names of the known speakers the question (or the speaker option) names. */
  speakers: string[];
  /** Names the question attributes words to that no report knows ("macron"). */
  unknownSpeakers: string[];
  /** When nothing answers: speakers and topics that the reports do have. */
  suggestions: string[];
  notice: string | null;
  error: string | null;
}

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;

function emptyAnswer(question: string): AskAnswer {
  return {
    question,
    results: [],
    total: 0,
    speakers: [],
    unknownSpeakers: [],
    suggestions: [],
    notice: null,
    error: null,
  };
}

/** Answers a question: the statements that answer it, best first, or an honest nothing. */
export function askQuestion(
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): AskAnswer {
  const answer = emptyAnswer(typeof question === 'string' ? question : '');
  const cleaned = cleanQuestion(answer.question);
  const notices: string[] = cleaned.notice ? [cleaned.notice] : [];
  const finish = () => {
    answer.notice = notices.length > 0 ? notices.join(' ') : null;
    return answer;
  };
  if (cleaned.error) {
    answer.error = cleaned.error;
    return finish();
  }
  const d = index.data;
  const corpus = index.corpus;
  const stemOf = d.stemOf;
  const limit = Math.min(
    MAX_LIMIT,
    Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT),
  );
  const offset = Math.max(0, Math.floor(options.offset ?? 0) || 0);

  const reading = readQuestion(index, cleaned.text, stemOf);
  answer.unknownSpeakers = reading.unknownSpeakers;

  // Filters from the options.
  let onlySpeakers: Set<number> | null = null;
  if (options.speaker && options.speaker.trim()) {
    const found = findSpeaker(corpus, options.speaker);
    if (!found.speaker) {
      const names = found.candidates.map((s) => s.name);
      answer.unknownSpeakers.push(options.speaker.trim().slice(0, 100));
      notices.push(
        names.length > 0
          ? `No speaker "${options.speaker.trim().slice(0, 100)}" is clear in the reports; did you mean ${names.slice(0, 3).join(', ')}?`
          : `No speaker "${options.speaker.trim().slice(0, 100)}" appears in the reports.`,
      );
      answer.suggestions = names.length > 0 ? names : topSpeakers(index, 5);
      return finish();
    }
    onlySpeakers = new Set([d.speakerIndex.get(found.speaker.name) ?? -1]);
    reading.speakers.add(d.speakerIndex.get(found.speaker.name) ?? -1);
  }
  let onlyMeetings: Set<number> | null = null;
  if (options.meeting && options.meeting.trim()) {
    const found = findMeetings(corpus, options.meeting);
    if (found.length === 0) {
      notices.push(`No meeting matches "${options.meeting.trim().slice(0, 100)}".`);
      answer.suggestions = corpus.meetings.slice(0, 5).map((m) => m.title ?? m.file);
      return finish();
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

  // Everyone asked about is known but silent in the reports (present, never quoted): say so.
  const silent = [...reading.speakers].filter((s) => (d.statementCounts[s] ?? 0) === 0);
  if (reading.speakers.size > 0 && silent.length === reading.speakers.size && !onlySpeakers) {
    const names = silent.map((s) => corpus.speakers[s]?.name ?? '').filter(Boolean);
    notices.push(`The reports mention ${names.join(' and ')} but quote no statements by them.`);
    answer.suggestions = topSpeakers(index, 5);
    return finish();
  }

  if (answer.unknownSpeakers.length > 0 && reading.speakers.size === 0) {
    notices.push(`The reports have no statements by ${answer.unknownSpeakers.join(' or ')}.`);
    answer.suggestions = [...topSpeakers(index, 5), ...topTopics(index, null, 5)];
    return finish();
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
    if (reading.speakers.size === 0) {
      notices.push(
        'Add a topic to your question, for example a word the speakers might have used.',
      );
      answer.suggestions = [...topSpeakers(index, 5), ...topTopics(index, null, 5)];
      return finish();
    }
    // Only a speaker: everything they said, in report order.
    const docs: number[] = [];
    for (let doc = 0; doc < corpus.statements.length; doc++) {
      if ((!mask || mask[doc] === 1) && reading.speakers.has(d.docSpeaker[doc] ?? -1))
        docs.push(doc);
    }
    if (docs.length > 0)
      notices.push('No topic in the question: showing what the speaker said, in report order.');
    return finish2(
      index,
      answer,
      {
        total: docs.length,
        top: docs.slice(0, offset + limit).map((doc) => ({ doc, score: 0, asked: true })),
      },
      limit,
      offset,
      finish,
      notices,
    );
  }

  const scored = scoreStatements(index, reading, mask, offset + limit);
  // Only an empty answer names the unknown person: the word may still be a topic the reports lack.
  if (scored.total === 0 && reading.headName) {
    answer.unknownSpeakers.push(reading.headName);
    notices.push(`The reports have no statements by ${reading.headName}.`);
  }
  return finish2(index, answer, scored, limit, offset, finish, notices);
}

function finish2(
  index: SearchIndex,
  answer: AskAnswer,
  scored: { total: number; top: Ranked[] },
  limit: number,
  offset: number,
  finish: () => AskAnswer,
  notices: string[],
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
  if (scored.total === 0) {
    notices.push('Nothing in the reports answers that.');
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
  }
  return finish();
}
