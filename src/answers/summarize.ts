// Extractive meeting summaries: the lead sentence plus the most central statements (TextRank over
// the report's sentences). Every sentence returned is a span of the report text, word for word.
import { isBackchannel } from '../corpus/text.js';
import type { Meeting, Statement, StatementKind } from '../corpus/types.js';
import { listLines, measureSpeakerLabel, splitSentences, type SentenceSpan } from './sentences.js';
import { tokenizeWords, visitTerms, type StemMemo } from './topics.js';

/** A sentence of the report that a summary may show. */
export interface CandidateSentence extends SentenceSpan {
  /** Speaker of the statement the sentence belongs to, if any. */
  speaker: string | null;
  kind: StatementKind | null;
  /** Content stems (for centrality). */
  stems: string[];
}

const MIN_WORDS = 5;
const TIME_OF_DAY = /\b\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)/u;

/** Is this span readable prose (not a menu item, heading, time stamp, stage note or fragment)? */
export function isProseSentence(text: string, title: string | null): boolean {
  const words = tokenizeWords(text).filter((w) => /\p{L}/u.test(w));
  if (words.length < MIN_WORDS) return false;
  if (!/[.!?…]["”’)\]»]*$/u.test(text)) return false;
  if (/^\(.*\)$/su.test(text)) return false;
  if (TIME_OF_DAY.test(text)) return false;
  if (/https?:\/\/|www\.|[|©]/u.test(text)) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters === 0 || upper / letters > 0.4) return false;
  if (title && normalize(text) === normalize(title)) return false;
  return true;
}

function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Index of the first value in ascending `values` for which `isAfter` holds (binary search). */
function searchFirst<T>(values: T[], isAfter: (v: T) => boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(values[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where the spoken or written text of a line starts: after a speaker label or a markdown marker. */
function findBodyStart(lineText: string, lineStart: number, turnStarts: number[]): number {
  const lineEnd = lineStart + lineText.length;
  const turn = turnStarts[searchFirst(turnStarts, (s) => s > lineStart)];
  if (turn !== undefined && turn < lineEnd) return turn - lineStart;
  const marker = /^\s*(?:[-*+]\s+|>\s*|\d+[.)]\s+)/u.exec(lineText)?.[0].length ?? 0;
  return marker + measureSpeakerLabel(lineText.slice(marker));
}

/** The statement overlapping a span; statements are in file order and do not overlap each other. */
function findStatement(statements: Statement[], start: number, end: number): Statement | null {
  const s = statements[searchFirst(statements, (st) => st.end > start)];
  return s && s.start < end ? s : null;
}

/**
 * The sentences of a meeting report that are prose, in document order. With a stem memo, each
 * also gets its content stems (for centrality); without, `stems` stays empty (the lead needs none).
 */
export function listCandidateSentences(meeting: Meeting, stems?: StemMemo): CandidateSentence[] {
  // Each spoken piece of a joined turn starts where its cue's or line's label ends.
  const turnStarts = meeting.statements
    .filter((s) => s.kind === 'turn')
    .flatMap((s) => (s.parts ? s.parts.map((p) => p.start) : [s.start]))
    .sort((a, b) => a - b);
  const out: CandidateSentence[] = [];
  for (const line of listLines(meeting.text)) {
    if (/^\s*(?:#|```|---)/u.test(line.text)) continue;
    const body = findBodyStart(line.text, line.start, turnStarts);
    for (const span of splitSentences(line.text.slice(body), line.start + body)) {
      if (!isProseSentence(span.text, meeting.title)) continue;
      const statement = findStatement(meeting.statements, span.start, span.end);
      if (statement && isBackchannel(statement.text)) continue;
      out.push({
        ...span,
        speaker: statement?.speaker ?? null,
        kind: statement?.kind ?? null,
        stems: stems ? listStems(span.text, stems) : [],
      });
    }
  }
  return out;
}

function listStems(text: string, stems: StemMemo): string[] {
  const seen = new Set<string>();
  visitTerms(text, stems, (stem) => seen.add(stem));
  return [...seen];
}

/** Words of participants' names, to recognise the sentence that says who met whom. */
function listNameWords(meeting: Meeting): Set<string> {
  const words = new Set<string>();
  for (const name of [...meeting.speakers, ...meeting.present]) {
    for (const w of tokenizeWords(name)) if (w.length >= 3) words.add(w);
  }
  return words;
}

/** How far into the report the lead may be (menus and headlines can come first). */
const LEAD_WINDOW = 8;

/**
 * The lead: the first narrative sentence (not inside anyone's statement) that names a participant;
 * else the first narrative sentence; else (a bare transcript) the first substantive sentence,
 * preferring one that names a participant.
 */
export function pickLead(
  meeting: Meeting,
  candidates: CandidateSentence[],
): CandidateSentence | null {
  const window = candidates.slice(0, LEAD_WINDOW);
  const names = listNameWords(meeting);
  const namesSomeone = (c: CandidateSentence) => tokenizeWords(c.text).some((w) => names.has(w));
  // A greeting ("Dear Mr President, dear colleagues.") says nothing about the meeting.
  const substantive = window.filter((c) => tokenizeWords(c.text).length >= 8);
  return (
    window.find((c) => c.kind === null && namesSomeone(c)) ??
    window.find((c) => c.kind === null) ??
    substantive.find(namesSomeone) ??
    substantive[0] ??
    window[0] ??
    null
  );
}

const DAMPING = 0.85;
const ITERATIONS = 30;
/** Above this many sentences the quadratic graph is replaced by similarity to the whole report. */
const MAX_GRAPH = 250;

function similarity(a: string[], b: Set<string>): number {
  if (a.length < 1 || b.size < 1) return 0;
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  if (common === 0) return 0;
  return common / (Math.log(a.length + 1) + Math.log(b.size + 1));
}

/** TextRank centrality of each sentence (PageRank over the sentence-similarity graph). */
export function rankCentrality(sentences: CandidateSentence[]): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const sets = sentences.map((s) => new Set(s.stems));
  if (n > MAX_GRAPH) {
    // Linear fallback for huge reports: overlap with the report's overall vocabulary weights.
    const freq = new Map<string, number>();
    for (const s of sentences) for (const t of s.stems) freq.set(t, (freq.get(t) ?? 0) + 1);
    return sentences.map((s) => {
      let sum = 0;
      for (const t of s.stems) sum += (freq.get(t) ?? 1) - 1;
      return sum / (Math.log(s.stems.length + 1) + 1);
    });
  }
  const weights: number[][] = sentences.map((s, i) =>
    sentences.map((_, j) => (i === j ? 0 : similarity(s.stems, sets[j] ?? new Set()))),
  );
  const outSum = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      const rj = rank[j] ?? 0;
      const sumJ = outSum[j] ?? 0;
      if (sumJ === 0) {
        // A sentence sharing nothing with the others spreads its rank evenly (no rank sinks).
        for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) + (DAMPING * rj) / n;
        continue;
      }
      const row = weights[j] ?? [];
      for (let i = 0; i < n; i++) {
        const w = row[i] ?? 0;
        if (w > 0) next[i] = (next[i] ?? 0) + (DAMPING * rj * w) / sumJ;
      }
    }
    rank = next;
  }
  return rank;
}

function wordCount(text: string): number {
  return tokenizeWords(text).length;
}

/**
 * Long sentences summarise poorly and crowd the reply, and pleasantries ("It is a great pleasure to
 * be here.") carry nothing: rank both lower, never drop them outright.
 */
function lengthFactor(text: string, stems: string[]): number {
  if (stems.length < 3) return 0.3;
  if (stems.length < 5) return 0.7;
  const words = wordCount(text);
  if (words < 8) return 0.6;
  if (words > 90) return 0.4;
  if (words > 60) return 0.7;
  return 1;
}

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let common = 0;
  for (const s of a) if (sb.has(s)) common++;
  return common / Math.min(a.length, b.length);
}

export interface SummaryOptions {
  /** At most this many sentences (default 5). */
  max?: number;
  /** Keep adding sentences until at least `min` (default 3) and this many characters (default 700). */
  targetChars?: number;
  min?: number;
}

/**
 * 3–5 sentences of the report, in report order: the lead plus the most central statements. Fewer
 * when the report has fewer prose sentences. Each is an exact substring of `meeting.text`.
 */
export function summarizeSentences(
  meeting: Meeting,
  options: SummaryOptions = {},
  stems: StemMemo = new Map(),
): CandidateSentence[] {
  const max = options.max ?? 5;
  const min = Math.min(options.min ?? 3, max);
  const targetChars = options.targetChars ?? 700;
  const candidates = listCandidateSentences(meeting, stems);
  if (candidates.length <= min) return candidates;
  const lead = pickLead(meeting, candidates);
  const centrality = rankCentrality(candidates);
  const order = candidates
    .map((c, i) => ({ c, score: (centrality[i] ?? 0) * lengthFactor(c.text, c.stems) }))
    .filter(({ c }) => c !== lead);
  // "The most central statements": sentences that carry someone's words come first, when there are enough.
  const spoken = order.filter(({ c }) => c.kind !== null);
  const pool = spoken.length >= min - 1 ? spoken : order;
  pool.sort((a, b) => b.score - a.score || a.c.start - b.c.start);
  const chosen: CandidateSentence[] = lead ? [lead] : [];
  let chars = lead?.text.length ?? 0;
  const consider = (list: typeof pool) => {
    for (const { c } of list) {
      if (chosen.length >= max || (chosen.length >= min && chars >= targetChars)) return;
      if (chosen.includes(c)) continue;
      if (chosen.length >= min && c.stems.length < 3) continue;
      if (chosen.some((s) => overlap(s.stems, c.stems) > 0.6)) continue;
      chosen.push(c);
      chars += c.text.length;
    }
  };
  consider(pool);
  // Too few after removing near-duplicates: top up from everything, redundancy allowed.
  if (chosen.length < min) {
    for (const { c } of [...order].sort((a, b) => b.score - a.score)) {
      if (chosen.length >= min) break;
      if (!chosen.includes(c)) chosen.push(c);
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}
