// The passage of a long statement that answers a question: whole sentences of the statement,
// verbatim (a slice of the report at sentence boundaries), with "…" where the statement goes on.
import { splitSentences } from '../corpus/text.js';
import type { Statement } from '../corpus/types.js';
import { visitTerms, type StemMemo } from './topics.js';

/** Statements longer than this (in characters) show the sentences that answer, not the whole turn. */
export const LONG_STATEMENT_CHARS = 700;

export interface Passage {
  /** Offsets into the report text: the passage is `text.slice(start, end)` of the meeting. */
  start: number;
  end: number;
  text: string;
  /** The statement goes on before / after the passage. */
  before: boolean;
  after: boolean;
}

function contentStems(text: string, memo: StemMemo): Set<string> {
  const out = new Set<string>();
  visitTerms(text, memo, (stem) => out.add(stem));
  return out;
}

/** A word-boundary window of about `max` characters around `at` (for a sentence without stops). */
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
 * own passage.
 */
export function findPassage(
  statement: Pick<Statement, 'text' | 'start' | 'end'>,
  question: string,
  max = LONG_STATEMENT_CHARS,
): Passage {
  const whole: Passage = {
    start: statement.start,
    end: statement.end,
    text: statement.text,
    before: false,
    after: false,
  };
  const text = statement.text;
  if (text.length <= max) return whole;
  const memo: StemMemo = new Map();
  const wanted = contentStems(question, memo);
  const spans = splitSentences(text);
  // Only spaces: nothing to show.
  if (spans.length === 0) return { ...whole, end: statement.start, text: '' };
  const scores = spans.map((s) => {
    const have = contentStems(text.slice(s.start, s.end), memo);
    let n = 0;
    for (const w of wanted) if (have.has(w)) n++;
    return n;
  });
  let best = 0;
  scores.forEach((n, i) => {
    if (n > (scores[best] ?? 0)) best = i;
  });
  let from = best;
  let to = best;
  const span = (i: number) => spans[i] as { start: number; end: number };
  const length = (a: number, b: number) => span(b).end - span(a).start;
  const MIN_CHARS = 160;
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
    for (const m of text.slice(a, b).matchAll(/[\p{L}\p{N}]+/gu)) {
      if ([...contentStems(m[0], memo)].some((s) => wanted.has(s))) {
        at = a + (m.index ?? 0);
        break;
      }
    }
    const w = windowAround(text.slice(0, b), at, max);
    a = Math.max(a, w.start);
    b = w.end;
  }
  return {
    start: statement.start + a,
    end: statement.start + b,
    text: text.slice(a, b),
    before: /\S/u.test(text.slice(0, a)),
    after: /\S/u.test(text.slice(b)),
  };
}

/** The passage as shown: "… " and " …" where the statement goes on. */
export function formatPassage(p: Passage): string {
  return `${p.before ? '… ' : ''}${p.text}${p.after ? ' …' : ''}`;
}
