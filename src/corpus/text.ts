// Low-level text slicing for the parser: paragraphs, quotation spans, sentences and word tokens,
// all as offsets into the original file text so statements can cite their exact place.

import { foldScannedI } from './ocr.js';

export interface Paragraph {
  /** 1-based among non-empty paragraphs of the body. */
  n: number;
  /** 1-based line number in the file. */
  line: number;
  start: number;
  end: number;
  text: string;
}

/** Splits `text` (from `from`) into non-empty lines, trimmed, with offsets and line numbers. */
export function splitParagraphs(text: string, from = 0, firstLine = 1, firstN = 1): Paragraph[] {
  const out: Paragraph[] = [];
  const base = firstN - 1;
  let line = firstLine;
  let pos = from;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s)
      out.push({ n: base + out.length + 1, line, start: s, end: e, text: text.slice(s, e) });
    line++;
    pos = nl + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 13 ||
    c === 10 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b)
  );
}

export function isSpaceChar(ch: string | undefined): boolean {
  return ch !== undefined && isSpace(ch.charCodeAt(0));
}

export interface QuoteSpan {
  /** Index of the opening mark (or -1 when the quote continues from the previous paragraph). */
  open: number;
  /** Index of the closing mark, or -1 when the quote runs to the end of the paragraph. */
  close: number;
}

export interface QuoteScan {
  spans: QuoteSpan[];
  /** Closing marks with no opening mark (indices). */
  strays: number[];
}

const OPENERS_BEFORE = /[\s([{\u2014\u2013:;,-]/;

/**
 * Finds double-quotation spans in one paragraph. Curly marks pair unambiguously; a straight mark
 * opens after a space or opening punctuation and closes otherwise. `continued` means a quote from
 * the previous paragraph is still open at the paragraph start.
 */
export function scanQuotes(p: string, continued = false): QuoteScan {
  const spans: QuoteSpan[] = [];
  const strays: number[] = [];
  let open: number | null = continued ? -1 : null;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\u201c' || ch === '\u201e') {
      if (open !== null && open !== -1) {
        // A new opening mark while one is open: the earlier one was never closed.
        spans.push({ open, close: -2 });
      }
      if (open === -1 && i < 3) {
        // The continuation paragraph re-opens the quote, as English style does.
        open = i;
        continue;
      }
      open = i;
    } else if (ch === '\u201d') {
      if (open !== null) {
        spans.push({ open, close: i });
        open = null;
      } else strays.push(i);
    } else if (ch === '"') {
      const prev = i > 0 ? p[i - 1] : ' ';
      const next = i + 1 < p.length ? p[i + 1] : ' ';
      const looksOpen =
        (prev === undefined || OPENERS_BEFORE.test(prev)) && next !== undefined && !/\s/.test(next);
      if (open !== null && !(open === -1 && i < 3 && looksOpen)) {
        spans.push({ open, close: i });
        open = null;
      } else if (looksOpen) open = i;
      else strays.push(i);
    }
  }
  if (open !== null) spans.push({ open, close: -1 });
  return { spans, strays };
}

/** Whether a paragraph starts with an opening quotation mark (a multi-paragraph quote goes on). */
export function startsWithOpenQuote(p: string): boolean {
  return /^[\s*_]*[\u201c\u201e"]/.test(p);
}

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  'mr mrs ms messrs dr st jr sr prof gen gov sen rep pres amb maj adm cmdr cpt no nos v vs etc e.g i.e viz cf u.s u.k u.n p.m a.m inc ltd co corp univ mt ft lt col capt sgt rev hon sec dept approx jan feb mar apr jun jul aug sep sept oct nov dec fig vol pp al ald supt atty asst dir comm commr cllr coun mgr'.split(
    ' ',
  ),
);

/**
 * Words that start a new sentence after an acronym such as "U.S." — where the acronym may well
 * end the sentence ("… with the U.S. We will …"), a capitalised function word says it did.
 */
const SENTENCE_STARTERS = new Set(
  'the this that these those there we i it he she they you our my his her their but and so in on at if as a an what when why how thank yes no well'.split(
    ' ',
  ),
);

/**
 * Title abbreviations as scanners misread them ("Aid." for "Ald.", l read as i): capitalised, so
 * the ordinary word ("to provide aid. Then …") still ends a sentence.
 */
const SCANNED_TITLES = new Set(['Aid', 'Cilr', 'Clir']);

/**
 * Sentence spans of a paragraph: the one sentence splitter of the project (parser, search and
 * summaries). Never cuts inside a protected span (a quotation), so a sentence holding a quote
 * always holds all of it.
 */
export function splitSentences(p: string, protect: Span[] = []): Span[] {
  const out: Span[] = [];
  let start = 0;
  // Protected spans come sorted and candidate cuts only move forward: one pointer suffices.
  let pi = 0;
  const inProtected = (k: number) => {
    while (pi < protect.length && (protect[pi] as Span).end - 1 < k) pi++;
    const sp = protect[pi];
    return sp !== undefined && sp.start < k && k <= sp.end - 1;
  };
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026' && ch !== ';') continue;
    if (ch === ';') continue;
    let k = i + 1;
    while (k < p.length && /[\u201d"'\u2019)\]\u00bb]/.test(p[k] ?? '')) k++;
    if (k >= p.length) break;
    if (!isSpaceChar(p[k])) continue;
    let m = k;
    while (m < p.length && isSpaceChar(p[m])) m++;
    const next = p[m] ?? '';
    if (!/[\p{Lu}\p{N}\u201c"(\u2014\u2013\u2018'[\u00ab\u201e-]/u.test(next)) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(p.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      const w = word.toLowerCase();
      // "… at 7:00 p.m. 4.01) Presentation …": a numbered agenda item starts after an abbreviation.
      const item = /^\(?\d+(?:\.\d+)*[.)]\s/.test(p.slice(m, m + 12));
      if (!item) {
        if (/^\p{Lu}$/u.test(word) || SCANNED_TITLES.has(word)) continue;
        if (/^(?:\p{L}\.)+\p{L}$/u.test(word) && w !== 'e.g' && w !== 'i.e') {
          // An acronym ("U.S."): the sentence ends only where a new one clearly starts.
          const nextWord = /^\p{L}+/u.exec(p.slice(m, m + 12))?.[0]?.toLowerCase() ?? '';
          if (!SENTENCE_STARTERS.has(nextWord)) continue;
        } else if (ABBREVIATIONS.has(w)) continue;
      }
    }
    if (inProtected(k)) continue;
    out.push({ start, end: k });
    start = m;
    i = m - 1;
  }
  if (start < p.length) out.push({ start, end: p.length });
  return out.map((s) => trimSpan(p, s)).filter((s) => s.end > s.start);
}

export function trimSpan(p: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && isSpaceChar(p[a])) a++;
  while (b > a && isSpaceChar(p[b - 1])) b--;
  return { start: a, end: b };
}

export interface Token {
  /** The word as written (a trailing period kept only for abbreviations like "Mr."). */
  text: string;
  /** Lower-cased, without a possessive "'s" or a trailing period. */
  low: string;
  start: number;
  end: number;
  cap: boolean;
  possessive: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const UPPER = /\p{Lu}/u;

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(s[i] as string);
}

/** Word tokens (a hand-written scanner: this runs over every news paragraph at load time). */
export function tokenize(s: string, offset = 0): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(s, i)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && isWordChar(s, i)) i++;
      const c = s.charCodeAt(i);
      // Inner joiners: "U.S", "O'Brien", "al-Abadi", "people’s"
      if ((c === 46 || c === 39 || c === 0x2019 || c === 45) && i + 1 < n && isWordChar(s, i + 1)) {
        i += 2;
        continue;
      }
      break;
    }
    let end = i;
    if (s.charCodeAt(i) === 46) {
      // Keep a trailing period only for abbreviations and initials ("Mr.", "U.S.", "J.").
      const bare = s.slice(start, i).toLowerCase();
      if (ABBREVIATIONS.has(bare) || i - start === 1 || bare.includes('.')) end = i + 1;
    }
    const text = s.slice(start, end);
    let low = foldScannedI(end > i ? text.slice(0, -1) : text).toLowerCase();
    let possessive = false;
    const lc = low.charCodeAt(low.length - 2);
    if (low.endsWith('s') && (lc === 39 || lc === 0x2019) && low.length > 2) {
      low = low.slice(0, -2);
      possessive = true;
    }
    const f = s.charCodeAt(start);
    const cap = f < 128 ? f >= 65 && f <= 90 : UPPER.test(s[start] as string);
    out.push({ text, low, start: start + offset, end: end + offset, cap, possessive });
    i = end;
  }
  return out;
}

const KNOWN_NOTES =
  /^(laughter|applause|inaudible|cross-?talk|crosstalk|unintelligible|off-?mic|pause|music|silence|audio (cut|gap)|interruption|interpretation|speaks in [a-z]+|via interpreter|as translated|in [a-z]+|translated|technical (glitch|difficulties)|video plays|video|break|recess|end of (transcript|remarks))\.?$/i;

/** Spans of a turn's text without sentence-level stage notes such as "(Laughter.)". */
export function splitStageNotes(p: string, from: number): Span[] {
  const out: Span[] = [];
  let cur = from;
  const re = /\(([^()]{1,60})\)|\[([^[\]]{1,40})\]/g;
  re.lastIndex = from;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    const content = (m[1] ?? m[2] ?? '').trim();
    const bracket = m[2] !== undefined;
    const isNote = bracket
      ? KNOWN_NOTES.test(content)
      : /^\p{Lu}[^()]*[.!]$/u.test(content) || KNOWN_NOTES.test(content);
    if (!isNote) continue;
    const before = p.slice(cur, m.index).trimEnd();
    const after = p.slice(m.index + m[0].length).trimStart();
    const sentenceLevel =
      before === '' ||
      /[.!?\u2026\u2014\u2013:-]$/.test(before) ||
      after === '' ||
      /^\p{Lu}/u.test(after);
    if (!sentenceLevel) continue;
    out.push({ start: cur, end: m.index });
    cur = m.index + m[0].length;
  }
  out.push({ start: cur, end: p.length });
  const res: Span[] = [];
  for (const s of out) {
    let a = s.start;
    let b = s.end;
    while (a < b && /\s/.test(p[a] ?? '')) a++;
    while (b > a && /\s/.test(p[b - 1] ?? '')) b--;
    if (/[\p{L}\p{N}]/u.test(p.slice(a, b))) res.push({ start: a, end: b });
  }
  return res;
}

/**
 * Words that carry no content on their own in a conversation: greetings, thanks, agreement,
 * hesitation, sign-offs ("gm", "thanks!", "Yep.", "sounds good", "+1").
 */
const BACKCHANNEL_WORDS = new Set(
  `yeah yea yep yup yes yeh ya no nope nah ok okay okey k kk sure right alright allright cool great
  nice good fine perfect awesome excellent exactly indeed agreed agree true correct absolutely
  definitely totally thanks thank thx ty tyvm you very much so all everyone everybody guys folks
  hi hello hey hiya morning afternoon evening night gm gn bye goodbye cheers later see soon
  welcome mhm hmm hm uh um uhm er erm ah oh wow lol haha heh sounds makes sense got it i me see
  too same here plus one wait sorry go ahead please on that's thats that is it's its this will
  do noted understood thank-you`.split(/\s+/),
);

/**
 * Is this a greeting, thanks or backchannel ("yeah", "thanks", "+1", "gm", "Yep.") — a turn that
 * says nothing by itself, so never an answer nor a quote of the day? Short texts only: a long
 * turn made of these words is still speech.
 */
export function isBackchannel(text: string): boolean {
  if (text.length > 80) return false;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  if (words.length === 0) return text.trim().length <= 12;
  if (words.length > 6) return false;
  return words.every((w) => BACKCHANNEL_WORDS.has(w.replace(/’/g, "'")) || /^\+?1$/.test(w));
}

/** What a statement says, without furniture between its pieces (cue timings, log prefixes). */
export function spokenText(s: { text: string; spoken?: string }): string {
  return s.spoken ?? s.text;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "Aliev" → "Aliyev" is 1,
 * "Aliyve" → "Aliyev" is 1. Bounded: once every path costs more than `max`, returns `max + 1`
 * without finishing, so a long word costs no more than the budget allows. The one copy the
 * parser (speaker merging), search (typos) and settings (misspelt keys) all use.
 */
export function editDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === cb &&
        (prev2[j - 2] ?? 0) + 1 < v
      ) {
        v = (prev2[j - 2] ?? 0) + 1;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] ?? max + 1;
}

/** Terminal escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other ESC pairs. */
const TERMINAL_ESCAPE =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/gu;
/** C0 and C1 controls except tab and line break. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
/** Any character `plainText` would take out (a quick test before the replacements). */
const NOT_PLAIN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Bidi embeddings, overrides, isolates and marks: they reorder what follows them on screen. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text without terminal escapes, control characters or bidi overrides; words unchanged. */
export function plainText(text: string): string {
  // Nearly every statement has none of these: one test instead of four replacements.
  if (!NOT_PLAIN.test(text)) return text;
  return text
    .replace(TERMINAL_ESCAPE, '')
    .replace(/\r\n?/gu, '\n')
    .replace(CONTROL, '')
    .replace(BIDI, '');
}
