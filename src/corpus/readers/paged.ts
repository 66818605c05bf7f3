// Paged transcripts (FOMC-style, court-style): hard-wrapped lines in capital-letter turn labels,
// with page furniture between them. One engine; a style says only what differs: line numbers,
// the label's closing mark, where a label sits, and how the front matter names the meeting.
import { findDate } from '../header.js';
import type { Block, ReadResult } from './types.js';
import { splitLines } from './lines.js';
import type { Line } from './lines.js';

export type LineKind = 'blank' | 'furniture' | 'text' | 'label';

/** A line of a paged transcript: its content without line number and indentation. */
export interface PagedLine {
  n: number;
  /** Content offsets in the file (after a line number and indentation, trailing space trimmed). */
  from: number;
  to: number;
  body: string;
  /** White space before the content (after the line number), in columns. */
  indent: number;
  kind: LineKind;
  label?: string;
  /** Where the speech after a label starts (== `to` when the label is alone on its line). */
  speech?: number;
}

/** What the front matter (everything before the first turn) tells the style's `readFront`. */
export interface FrontMatterLines {
  text: string;
  /** The non-blank lines of the front matter: text, and furniture (kind "furniture") in place. */
  lines: PagedLine[];
  out: ReadResult;
}

export interface PagedStyle {
  name: string;
  /** Every line starts with its number on the page; a line without one is page furniture. */
  numbered: boolean;
  /** The mark that closes a label: "." (`MR. KOHN.`) or ":" (`MR. LONG:`). */
  terminator: '.' | ':';
  /** Labels open an indented line (court style) rather than any line after a finished sentence. */
  labelsIndented: boolean;
  /** Title, date and people present, from the lines before the first turn. */
  readFront(front: FrontMatterLines): void;
}

const LABEL_CORE = String.raw`((?:[A-Z]{2,4}\.\s+)?(?:[A-Z][A-Z'’-]+\s+){0,4}[A-Z][A-Z'’-]+(?:\s?\(\?\))?)`;
const LABEL_RE = {
  '.': new RegExp(`^${LABEL_CORE}\\.(?=\\s|$)\\s*`),
  ':': new RegExp(`^${LABEL_CORE}:(?=\\s|$)\\s*`),
};
/** A court line number in the first columns, before the content (25 a page; some courts 28). */
const MAX_LINE_NUMBER = 34;
const LINE_NUMBER = /^[\f \t]{0,4}(\d{1,2})(?=[ \t]|$)/;
const TERMINAL = /[.?!:;"'”’)\]\u2014\u2013\u00ad-]$/;
const END_OF_RECORD =
  /\b(submitted|adjourned)\b|^end of (the )?(meeting|session|call|conference call|transcript|proceedings)\b/i;
/** Labels for several voices at once: their turns are a group's, no one person's. */
const GROUP_LABELS = /^(SEVERAL|ALL|MEMBERS|VARIOUS|VOICES|EVERYONE|MANY)$/;
const SENTENCE_END = /[.?!]["'”’)\]]?$/;

/** Reads a paged transcript into turns; no blocks when the file has no labels of this style. */
export function readPaged(text: string, style: PagedStyle): ReadResult {
  const out: ReadResult = { reader: style.name, blocks: [], warnings: [] };
  const lines = classify(text, style);
  const first = lines.findIndex((l) => l.kind === 'label');
  style.readFront({
    text,
    lines: lines.slice(0, first < 0 ? lines.length : first).filter((l) => l.kind !== 'blank'),
    out,
  });
  if (first < 0) return out;
  out.blocks = readTurns(text, lines.slice(first));
  return out;
}

/** How many lines open with a turn label of this style (the sniff: is this file such a transcript). */
export function countLabels(text: string, style: PagedStyle): number {
  return classify(text, style).filter((l) => l.kind === 'label').length;
}

function classify(text: string, style: PagedStyle): PagedLine[] {
  const lines = splitLines(text).map((l) => contentOf(text, l, style));
  markFurniture(lines);
  markLabels(lines, style);
  return lines;
}

function contentOf(text: string, l: Line, style: PagedStyle): PagedLine {
  let pos = l.start;
  let kind: LineKind = 'text';
  if (style.numbered) {
    const m = LINE_NUMBER.exec(l.text);
    const n = m ? Number(m[1]) : 0;
    if (m && n >= 1 && n <= MAX_LINE_NUMBER) pos += m[0].length;
    else if (l.text.trim() !== '') kind = 'furniture'; // footers and page numbers carry no number
  } else {
    while (pos < l.end && text[pos] === '\f') pos++;
  }
  let indent = 0;
  while (pos < l.end && /[ \t\f\u00a0]/.test(text[pos] ?? '')) {
    indent += text[pos] === '\t' ? 4 : 1;
    pos++;
  }
  let end = l.end;
  while (end > pos && /\s/.test(text[end - 1] ?? '')) end--;
  const body = text.slice(pos, end);
  if (body === '' && kind === 'text') kind = 'blank';
  return { n: l.n, from: pos, to: end, body, indent, kind };
}

/** Page markers, page numbers, running heads, headings in capitals, whole-line stage notes. */
function markFurniture(lines: PagedLine[]): void {
  // Running heads recur on every page; only short lines can be one, so only they are counted.
  // A turn that recurs word for word ("JUSTICE SCALIA:  But --") is still a turn.
  const keys = lines.map((l) =>
    l.kind === 'text' &&
    l.body.length <= 80 &&
    !SENTENCE_END.test(l.body) &&
    !LABEL_RE['.'].test(l.body) &&
    !LABEL_RE[':'].test(l.body)
      ? l.body.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase()
      : null,
  );
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  lines.forEach((l, i) => {
    if (l.kind !== 'text') return;
    const k = keys[i];
    const recurs = k != null && (counts.get(k) ?? 0) >= 3;
    if (recurs || isFurniture(l.body) || isIndexLine(l.body) || isDateHead(l.body))
      l.kind = 'furniture';
  });
  markLongNotes(lines);
}

/** A running head that is a date, with or without the page number ("March 22, 1994 -3-"). */
function isDateHead(body: string): boolean {
  if (body.length > 40 || !/\d{4}|\d\/\d/.test(body)) return false;
  const rest = body.replace(/\s+[-\u2013]?\s*\d{1,4}\s*[-\u2013]?$/, '').trim();
  return rest.split(/\s+/).length <= 5 && findDate(rest) !== null && !/[.?!]$/.test(rest);
}

/** A line of a word index ("accept 5:21 6:3  accepted 12:4"): page:line references, mostly. */
function isIndexLine(body: string): boolean {
  const refs = body.match(/\b\d{1,3}:\d{1,2}\b/g)?.length ?? 0;
  return refs >= 3 || (refs >= 2 && refs * 2 >= body.split(/\s+/).length);
}

/**
 * A note over several lines ("(Whereupon, at 11:52 a.m., the case in the / above-entitled matter
 * was submitted.)", "[Secretary's note: … ]"): a paragraph that opens with "(" or "[" and closes
 * with its match at the end of a line a few lines on.
 */
function markLongNotes(lines: PagedLine[]): void {
  const indent = usualIndent(lines);
  let prev: PagedLine | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as PagedLine;
    if (l.kind === 'blank') continue;
    const open = l.body[0] === '(' ? '(' : l.body[0] === '[' ? '[' : null;
    const close = open === '(' ? ')' : ']';
    const opens =
      l.kind === 'text' &&
      open !== null &&
      !l.body.includes(close) &&
      (l.indent > indent + 2 || prev === null || SENTENCE_END.test(prev.body));
    prev = l;
    if (!opens || !open) continue;
    const note = [l];
    for (let j = i + 1; j < lines.length && note.length <= 6; j++) {
      const m = lines[j] as PagedLine;
      if (m.kind === 'blank') continue;
      if (m.kind !== 'text' || m.body.includes(open)) break;
      note.push(m);
      if (!m.body.includes(close)) continue;
      if (m.body.replace(/[.\s]+$/, '').endsWith(close)) for (const x of note) x.kind = 'furniture';
      break;
    }
  }
}

/** One line of page furniture, judged on its own. */
export function isFurniture(body: string): boolean {
  const t = body.trim();
  // Speech (most lines) has lower case and opens with none of the marks furniture opens with.
  if (/^[^-#*([\dPp\u2013]/.test(t) && /[a-z]/.test(t)) return false;
  if (/^-{2,}\s*page\s+\d+\s*-{2,}$/i.test(t)) return true; // "--- Page 4 ---"
  if (/^page\s+\d+(\s+of\s+\d+)?$/i.test(t)) return true;
  if (/^-{2,}\s*\d+\s+of\s+\d+\s*-{2,}$/.test(t)) return true; // "-- 4 of 26 --"
  if (/^#{1,6}\s/.test(t) || /^\*[^*\s].*\*$/.test(t)) return true; // extraction headers
  if (/^[-\u2013(]?\s*\d{1,4}\s*[-\u2013)]?$/.test(t)) return true; // "3", "-3-"
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}(\s+[-\u2013]?\s*\d{1,4}\s*[-\u2013]?)?$/.test(t)) return true; // "10/15/93 -3-"
  if (/^\(.*\)$/.test(t) || /^\[[^\]]*\]$/.test(t)) return true; // "(10:12 a.m.)", "(Recess.)"
  return isHeading(t);
}

/** A heading in capitals ("P R O C E E D I N G S", "ORAL ARGUMENT OF …"): no lower-case letter. */
export function isHeading(t: string): boolean {
  if (/\p{Ll}/u.test(t)) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  if (/^(\p{L} ){3,}\p{L}$/u.test(t)) return true; // letter-spaced
  return t.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= 2 || letters.length >= 8;
}

/**
 * The file's own label style: which label-shaped line openings are turns. A label sits where a
 * turn can start (an indented line; or a line after a finished sentence, furniture or a blank).
 * A one-word label must be marked unsure ("SPEAKER(?)") or recur; a label the file uses as a
 * turn elsewhere is one even after an unfinished line (speech cut off without a dash).
 */
function markLabels(lines: PagedLine[], style: PagedStyle): void {
  const re = LABEL_RE[style.terminator];
  const bodyIndent = usualIndent(lines);
  const found: { l: PagedLine; label: string; speech: number; placed: boolean; unsure: boolean }[] =
    [];
  const placedCounts = new Map<string, number>();
  // Where extraction collapsed the padding, labels sit where the committee style puts them.
  const byIndent =
    style.labelsIndented && lines.some((l) => l.kind === 'text' && l.indent > bodyIndent + 2);
  let prev: PagedLine | null = null;
  for (const l of lines) {
    // A heading test ran first: a label line in capitals ("MR. KOHN. OK.") is still a turn.
    const m =
      l.kind === 'text' || (l.kind === 'furniture' && !/\p{Ll}/u.test(l.body))
        ? re.exec(l.body)
        : null;
    if (m && (m[0].length < l.body.length || !style.labelsIndented)) {
      // "MR. LINDSEY(?)": the transcriber's best guess is still the label's person.
      const label = (m[1] ?? '').replace(/\s+/g, ' ').replace(/\s?\(\?\)$/, '');
      const placed = byIndent
        ? l.indent > bodyIndent + 2
        : prev === null || prev.kind !== 'text' || TERMINAL.test(prev.body);
      const unsure = /\(\?\)$/.test(m[1] ?? '');
      found.push({ l, label, speech: l.from + m[0].length, placed, unsure });
      if (placed) placedCounts.set(label, (placedCounts.get(label) ?? 0) + 1);
    }
    if (l.kind !== 'blank') prev = l;
  }
  // Once the file shows its style (several labels of two words or more), a one-word label in
  // the same place ("SEVERAL. Yes.") is one too.
  const established = found.filter((f) => f.placed && f.label.includes(' ')).length >= 3;
  for (const f of found) {
    const words = f.label.split(' ').length;
    const uses = placedCounts.get(f.label) ?? 0;
    const shaped =
      words >= 2 ||
      f.unsure ||
      style.labelsIndented ||
      (f.label.length >= 4 && (uses >= 2 || established));
    const ok = f.placed ? shaped : !style.labelsIndented && words >= 2 && uses >= 2;
    if (!ok) continue;
    if (f.l.kind === 'furniture' && f.speech >= f.l.to) continue; // a heading, not a turn
    f.l.kind = 'label';
    f.l.label = f.label;
    f.l.speech = f.speech;
  }
}

/** The indentation most text lines have (0 in flush-left files; a few spaces after a line number). */
function usualIndent(lines: PagedLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines)
    if (l.kind === 'text') counts.set(l.indent, (counts.get(l.indent) ?? 0) + 1);
  let best = 0;
  let bestN = 0;
  for (const [indent, n] of counts) if (n > bestN) [best, bestN] = [indent, n];
  return best;
}

/**
 * Turns from the first label on. A paragraph of a turn ends at furniture (a page break splits a
 * paragraph rather than quoting the footer), at a blank line (unless the file is double-spaced),
 * at an indented line, or — where the file shows no indentation — at a line the next word would
 * have fitted on (`endsParagraph`).
 */
function readTurns(text: string, lines: PagedLine[]): Block[] {
  const texts = lines.filter((l) => l.kind === 'text');
  const bodyIndent = usualIndent(lines);
  const indented = texts.filter((l) => l.indent > bodyIndent + 2).length;
  const byIndent = indented > 0 && indented < texts.length / 2;
  const doubleSpaced = lines.filter((l) => l.kind === 'blank').length >= lines.length * 0.35;
  const width = percentile(
    texts.map((l) => l.to - l.from),
    0.95,
  );
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let label: string | null = null;
  let prev: PagedLine | null = null;
  const open = (from: number, l: PagedLine) => {
    cur = { start: from, end: l.to, line: l.n, label, parts: [{ start: from, end: l.to }] };
    blocks.push(cur);
  };
  for (const l of lines) {
    if (l.kind === 'blank') {
      if (!doubleSpaced) cur = null;
      continue;
    }
    if (l.kind === 'furniture') {
      // What follows the end (a word index, a certificate) is not speech. A bracketed editor's
      // note ("[Secretary's note: … submitted …]") is no end.
      if (!l.body.startsWith('[') && END_OF_RECORD.test(l.body)) break;
      cur = null;
      prev = null;
      continue;
    }
    if (l.kind === 'label') {
      label = l.label && !GROUP_LABELS.test(l.label) ? l.label : null;
      cur = null;
      if ((l.speech ?? l.to) < l.to) open(l.speech ?? l.from, l);
      prev = l;
      continue;
    }
    const newParagraph = byIndent
      ? l.indent > bodyIndent + 2
      : prev !== null && endsParagraph(prev, l, width);
    if (cur === null || newParagraph) open(l.from, l);
    else {
      // Line numbers and margins between the lines are furniture: the pieces keep them out.
      (cur as Block).end = l.to;
      ((cur as Block).parts ??= []).push({ start: l.from, end: l.to });
    }
    prev = l;
  }
  // A turn that is only a note ("MR. PRELL. [Statement--see Appendix.]") says nothing itself.
  return blocks.filter((b) => {
    const t = text.slice(b.start, b.end);
    return /[\p{L}\p{N}]/u.test(t) && !/^(\[[^\]]*\]|\([^)]*\))$/.test(t);
  });
}

/**
 * Whether a hard-wrapped line is the last of its paragraph: it ends a sentence, the next line
 * starts one, and the next line's first word would have fitted on it (wrapping fills every line
 * but a paragraph's last). A label line is measured against three quarters of the width: its
 * paragraph's first-line indentation is lost in extraction, so it is short even when full.
 */
export function endsParagraph(line: PagedLine, next: PagedLine, width: number): boolean {
  if (!SENTENCE_END.test(line.body) || !/^[\p{Lu}\p{N}"'“‘([]/u.test(next.body)) return false;
  const len = line.to - line.from;
  if (line.kind === 'label') return len <= width * 0.75;
  const word = /^\S+/.exec(next.body)?.[0].length ?? 0;
  return len + 1 + word <= width - 2;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
}

/** How many times a global pattern matches, counting no further than `atMost`. */
export function countMatches(text: string, re: RegExp, atMost = Infinity): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m && n < atMost; m = re.exec(text)) {
    n++;
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return n;
}

/** A file a paged transcript can come in: plain text or Markdown (an extraction), or no extension. */
export function isPlainText(file: string): boolean {
  return /\.(txt|text|md|markdown)$/i.test(file) || !/\.[a-z0-9]{1,5}$/i.test(file);
}
