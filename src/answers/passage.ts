// The passage of a long statement that answers a question: whole sentences of the statement,
// verbatim, with "…" where the statement goes on. A turn joined from several caption cues or log
// lines is read through its spoken pieces, so cue timings between them are never shown.
import { splitSentences } from '../corpus/text.js';
import type { Statement } from '../corpus/types.js';
import { indexWords, makeStemmer } from '../search/index-data.js';
import { visitTerms, type StemMemo } from './topics.js';

/** Statements longer than this (in characters) show the sentences that answer, not the whole turn. */
export const LONG_STATEMENT_CHARS = 700;

export interface Passage {
  /**
   * Offsets into the report text. For a statement in one piece the passage is exactly
   * `meetingText.slice(start, end)`; for one joined from cues, the spoken pieces in that range
   * joined by a space.
   */
  start: number;
  end: number;
  text: string;
  /** The statement goes on before / after the passage. */
  before: boolean;
  after: boolean;
  /** Where the passage lies in the statement's spoken text (`spokenText(statement)`). */
  spokenStart: number;
  spokenEnd: number;
}

type PassageSource = Pick<Statement, 'text' | 'start' | 'end' | 'parts'>;

/** The statement's spoken text, pieces joined by a space, with each piece's place in both texts. */
function readPieces(s: PassageSource): {
  spoken: string;
  pieces: { file: number; at: number; length: number }[];
} {
  const parts = s.parts && s.parts.length > 1 ? s.parts : [{ start: s.start, end: s.end }];
  const pieces: { file: number; at: number; length: number }[] = [];
  let spoken = '';
  for (const p of parts) {
    if (spoken !== '') spoken += ' ';
    const piece = s.text.slice(p.start - s.start, p.end - s.start);
    pieces.push({ file: p.start, at: spoken.length, length: piece.length });
    spoken += piece;
  }
  return { spoken, pieces };
}

/** File offset of a spoken-text position (a start moves past a joining space). */
function toFile(
  pieces: { file: number; at: number; length: number }[],
  pos: number,
  isEnd: boolean,
): number {
  for (const p of pieces) {
    if (isEnd ? pos <= p.at + p.length : pos < p.at + p.length) {
      return p.file + Math.max(0, pos - p.at);
    }
  }
  const last = pieces[pieces.length - 1];
  return last ? last.file + last.length : 0;
}

function contentStems(text: string, memo: StemMemo): Set<string> {
  const out = new Set<string>();
  visitTerms(text, memo, (stem) => out.add(stem));
  return out;
}

/** A word-boundary window of at most `max` characters around `at` (a sentence without stops). */
function windowAround(text: string, at: number, max: number): { start: number; end: number } {
  let a = Math.max(0, at - Math.floor(max / 3));
  let b = Math.min(text.length, a + max);
  a = Math.max(0, b - max);
  if (a > 0) {
    const space = text.slice(a).search(/\s/u);
    if (space >= 0 && space < max / 4) a += space;
  }
  if (b < text.length) {
    const space = text.slice(a, b).search(/\s\S*$/u);
    if (space > max / 2) b = a + space;
  }
  while (a < b && /\s/u.test(text[a] ?? '')) a++;
  while (b > a && /\s/u.test(text[b - 1] ?? '')) b--;
  return { start: a, end: b };
}

/**
 * The sentences of `statement` that answer `question`: the sentence holding the most of the
 * question's content words, joined by its neighbours while they answer too (or while the passage
 * is still very short), within `max` characters. A statement of `max` characters or fewer is its
 * own passage. `terms` are the index stems the engine matched for the question (`AskAnswer.terms`:
 * typos, word forms and close synonyms included); without them the question's own words count.
 */
export function findPassage(
  statement: PassageSource,
  question: string,
  max = LONG_STATEMENT_CHARS,
  terms: readonly string[] = [],
): Passage {
  const { spoken, pieces } = readPieces(statement);
  const make = (a: number, b: number): Passage => ({
    start: toFile(pieces, a, false),
    end: toFile(pieces, b, true),
    text: spoken.slice(a, b),
    before: /\S/u.test(spoken.slice(0, a)),
    after: /\S/u.test(spoken.slice(b)),
    spokenStart: a,
    spokenEnd: b,
  });
  if (spoken.length <= max) return make(0, spoken.length);
  const spans = splitSentences(spoken);
  // Only spaces: nothing to show.
  if (spans.length === 0) return make(0, 0);
  const memo: StemMemo = new Map();
  const indexStem = makeStemmer();
  // The engine's own stems when it gives them, else the question's content words.
  const stemsOf =
    terms.length > 0
      ? (text: string) => new Set(indexWords(text).map(indexStem))
      : (text: string) => contentStems(text, memo);
  const wanted = terms.length > 0 ? new Set(terms) : contentStems(question, memo);
  const scores = spans.map((s) => {
    const have = stemsOf(spoken.slice(s.start, s.end));
    let n = 0;
    for (const w of wanted) if (have.has(w)) n++;
    return n;
  });
  let best = 0;
  scores.forEach((n, i) => {
    if (n > (scores[best] ?? 0)) best = i;
  });
  const span = (i: number) => spans[i] as { start: number; end: number };
  const length = (from: number, to: number) => span(to).end - span(from).start;
  const MIN_CHARS = 160;
  let from = best;
  let to = best;
  for (;;) {
    const canNext = to + 1 < spans.length && length(from, to + 1) <= max;
    const canPrev = from > 0 && length(from - 1, to) <= max;
    if (canNext && (scores[to + 1] ?? 0) > 0) to++;
    else if (canPrev && (scores[from - 1] ?? 0) > 0) from--;
    else if (length(from, to) < MIN_CHARS && canNext) to++;
    else if (length(from, to) < MIN_CHARS && canPrev) from--;
    else break;
  }
  let a = span(from).start;
  let b = span(to).end;
  if (b - a > max) {
    // One sentence longer than the limit (captions often have no full stops): a window of words
    // around the first word that answers.
    let at = a;
    for (const m of spoken.slice(a, b).matchAll(/[\p{L}\p{N}]+/gu)) {
      if ([...stemsOf(m[0])].some((s) => wanted.has(s))) {
        at = a + (m.index ?? 0);
        break;
      }
    }
    const w = windowAround(spoken.slice(0, b), at, max);
    a = Math.max(a, w.start);
    b = w.end;
  }
  return make(a, b);
}

/** The passage as shown: "… " and " …" where the statement goes on. */
export function formatPassage(p: Passage): string {
  return `${p.before ? '… ' : ''}${p.text}${p.after ? ' …' : ''}`;
}
