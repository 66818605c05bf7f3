// Sentence splitting for extractive summaries: spans of the report text (never rewritten), aware of
// abbreviations ("Mr.", "U.S."), quotations, speaker labels and page noise.

/** A sentence as a span of the text it came from: `text === source.slice(start, end)`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Words that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'cpt',
  'sgt',
  'maj',
  'adm',
  'cmdr',
  'rev',
  'hon',
  'pres',
  'amb',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'v',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'approx',
  'est',
  'fig',
  'vol',
  'pp',
  'cf',
  'al',
  'e.g',
  'i.e',
  'viz',
]);

/**
 * Words that start a new sentence after an acronym such as "U.S." — where the acronym may well
 * end the sentence ("… with the U.S. We will …"), a capitalised function word says it did.
 */
const SENTENCE_STARTERS = new Set([
  'the',
  'this',
  'that',
  'these',
  'those',
  'there',
  'we',
  'i',
  'it',
  'he',
  'she',
  'they',
  'you',
  'our',
  'my',
  'his',
  'her',
  'their',
  'but',
  'and',
  'so',
  'in',
  'on',
  'at',
  'if',
  'as',
  'a',
  'an',
  'what',
  'when',
  'why',
  'how',
  'thank',
  'yes',
  'no',
  'well',
]);

const OPENING_QUOTES = '“‘«„';
const CLOSERS = '”"’)]»';
const TERMINALS = '.!?…';

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

/** Is the terminal at `i` (whose closers run to `end`) inside a quotation that continues past it? */
function isInsideShortQuote(spans: [number, number][], i: number, end: number): boolean {
  return spans.some(([open, close]) => open < i && close >= end && close - open <= LONG_QUOTE);
}

function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}\p{N}.]/u.test(text[j - 1] ?? '')) j--;
  return text.slice(j, i);
}

function isBoundaryAt(text: string, i: number, quotes: [number, number][]): number | null {
  const c = text[i] ?? '';
  if (!TERMINALS.includes(c)) return null;
  let end = i + 1;
  while (
    end < text.length &&
    (TERMINALS.includes(text[end] ?? '') || CLOSERS.includes(text[end] ?? ''))
  )
    end++;
  if (end >= text.length) return end;
  if (!/\s/u.test(text[end] ?? '')) return null;
  let next = end;
  while (next < text.length && /\s/u.test(text[next] ?? '')) next++;
  if (next >= text.length) return end;
  const nextChar = text[next] ?? '';
  if (
    !/[\p{Lu}\p{N}([—–-]/u.test(nextChar) &&
    !OPENING_QUOTES.includes(nextChar) &&
    nextChar !== '"'
  )
    return null;
  if (isInsideShortQuote(quotes, i, end)) return null;
  if (c === '.') {
    const word = wordBefore(text, i);
    const lower = word.toLowerCase();
    if (/^\p{Lu}$/u.test(word)) return null; // an initial: "John F. Kennedy"
    if (ABBREVIATIONS.has(lower)) return null;
    if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
      // Acronyms with inner dots ("U.S", "P.M"): a sentence break only before a clear sentence start.
      const nextWord = /^[\p{L}]+/u.exec(text.slice(next))?.[0]?.toLowerCase() ?? '';
      if (!SENTENCE_STARTERS.has(nextWord)) return null;
    }
  }
  return end;
}

/**
 * Split one block (a paragraph or line) into sentences. `offset` is the block's position in the
 * whole text, so spans can be cited against the file.
 */
export function splitSentences(block: string, offset = 0): SentenceSpan[] {
  const quotes = findQuoteSpans(block);
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/u.test(block[a] ?? '')) a++;
    while (b > a && /\s/u.test(block[b - 1] ?? '')) b--;
    if (b > a) spans.push({ text: block.slice(a, b), start: offset + a, end: offset + b });
  };
  for (let i = 0; i < block.length; i++) {
    const end = isBoundaryAt(block, i, quotes);
    if (end === null) continue;
    push(start, end);
    start = end;
    i = end - 1;
  }
  push(start, block.length);
  return spans;
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
