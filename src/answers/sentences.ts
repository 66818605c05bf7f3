// Sentences, lines and speaker labels for extractive summaries: spans of the report text (never
// rewritten). Sentences come from the project's one splitter (corpus/text.ts), quotations kept whole.
import { splitSentences as splitSharedSentences } from '../corpus/text.js';

/** A sentence as a span of the text it came from: `text === source.slice(start, end)`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Pairs of quotation marks inside `text`: [open, close] indices. Unmatched marks are ignored. */
function findQuoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let curlyOpen = -1;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') curlyOpen = i;
    else if (c === '”' && curlyOpen >= 0) {
      spans.push([curlyOpen, i]);
      curlyOpen = -1;
    } else if (c === '"') {
      if (straightOpen < 0) straightOpen = i;
      else {
        spans.push([straightOpen, i]);
        straightOpen = -1;
      }
    }
  }
  return spans;
}

/** Quotations longer than this are split like prose: one "sentence" of 2,000 characters summarises nothing. */
const LONG_QUOTE = 400;

/**
 * Split one block (a paragraph or line) into sentences. `offset` is the block's position in the
 * whole text, so spans can be cited against the file.
 */
export function splitSentences(block: string, offset = 0): SentenceSpan[] {
  // Short quotations stay whole; a very long one is split like prose.
  const protect = findQuoteSpans(block)
    .filter(([open, close]) => close - open <= LONG_QUOTE)
    .map(([open, close]) => ({ start: open, end: close + 1 }))
    .sort((x, y) => x.start - y.start);
  return splitSharedSentences(block, protect).map((s) => ({
    text: block.slice(s.start, s.end),
    start: offset + s.start,
    end: offset + s.end,
  }));
}

/** A non-empty line of the text with its offsets. */
export interface LineSpan {
  text: string;
  start: number;
  end: number;
}

/** Non-empty lines, skipping a leading YAML front matter block. */
export function listLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let pos = 0;
  let inFrontMatter = false;
  let first = true;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    let raw = text.slice(pos, lineEnd);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const trimmed = raw.trim();
    if (first && trimmed.length > 0) {
      first = false;
      if (trimmed === '---') inFrontMatter = true;
      else if (trimmed.length > 0) lines.push({ text: raw, start: pos, end: pos + raw.length });
    } else if (inFrontMatter) {
      if (trimmed === '---' || trimmed === '...') inFrontMatter = false;
    } else if (trimmed.length > 0) {
      lines.push({ text: raw, start: pos, end: pos + raw.length });
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return lines;
}

const CONNECTORS = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'da',
  'del',
  'al',
  'bin',
  'van',
  'von',
  'on',
  'la',
  'le',
  'du',
]);

/**
 * Length of a transcript speaker label at the start of a line ("PRESIDENT TRUMP: ",
 * "President of Russia Vladimir Putin: ", "Q: "), or 0. Reported speech ("He went on to say: …")
 * is not a label: its words are not all capitalised.
 */
export function measureSpeakerLabel(line: string): number {
  const m = /^\s*(?:\*\*)?([^:\n]{1,90}?)(?:\*\*)?\s*:(?:\*\*)?\s+(?=\S)/u.exec(line);
  if (!m) return 0;
  const label = (m[1] ?? '').replace(/\([^)]*\)/gu, ' ').trim();
  if (label.length === 0 || /[.!?,;“”"]/u.test(label)) return 0;
  const words = label.split(/\s+/u);
  if (words.length > 9) return 0;
  const ok = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || CONNECTORS.has(w));
  return ok ? m[0].length : 0;
}
