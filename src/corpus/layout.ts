// The paragraphs of a prose file: its lines, or its blank-line blocks when the text is
// hard-wrapped (a press briefing broken at 72 columns), so that a paragraph of a turn is one
// statement rather than one per printed line.
import { splitParagraphs } from './text.js';
import type { Paragraph } from './text.js';

/** A list item or a Markdown heading starts a paragraph of its own, wrapped or not. */
const LIST_ITEM = /^(?:[*+-]|\d{1,3}[.)]|#{1,6})\s/;

/** The shortest and longest printed line of a hard-wrapped text. */
const WRAP_MIN = 40;
const WRAP_MAX = 100;

/**
 * Paragraphs of `text` from `from` (numbered from `firstN`, lines from `firstLine`). A text
 * with one paragraph per line (scraped pages, most news) keeps its lines; a hard-wrapped text
 * joins the lines of each block into one paragraph, whose text then holds the line breaks.
 * `startsParagraph` may cut a block where a new turn begins without a blank line.
 */
export function splitProseParagraphs(
  text: string,
  from = 0,
  firstLine = 1,
  firstN = 1,
  startsParagraph: (line: string) => boolean = () => false,
): Paragraph[] {
  const lines = splitParagraphs(text, from, firstLine, firstN);
  if (!isHardWrapped(lines)) return lines;
  // A line well short of the printed width ends its paragraph (or is a heading of its own).
  const short = printedWidth(lines) * 0.6;
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let prev: Paragraph | null = null;
  for (const l of lines) {
    const goesOn =
      prev !== null &&
      l.line === prev.line + 1 &&
      !LIST_ITEM.test(l.text) &&
      prev.text.length >= short &&
      !(/[.!?:\u2026\u201d"]$/.test(prev.text) && startsParagraph(l.text));
    prev = l;
    if (cur && goesOn) {
      cur.end = l.end;
      continue;
    }
    cur = { n: firstN + out.length, line: l.line, start: l.start, end: l.end, text: '' };
    out.push(cur);
  }
  for (const p of out) p.text = text.slice(p.start, p.end);
  return out;
}

/** The width lines are wrapped at: nine lines in ten are no longer. */
function printedWidth(lines: Paragraph[]): number {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) * 0.9)] ?? 0;
}

/**
 * Whether the lines are hard-wrapped: most lines followed by another line of the same block
 * are of printed width, and the next line often goes on with the same sentence (starts in
 * lower case). One long line per paragraph, menus and lists of short lines are not.
 */
export function isHardWrapped(lines: Paragraph[]): boolean {
  let inner = 0;
  let printed = 0;
  let goesOn = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i] as Paragraph;
    const b = lines[i + 1] as Paragraph;
    if (b.line !== a.line + 1) continue;
    inner++;
    if (a.text.length >= WRAP_MIN && a.text.length <= WRAP_MAX) printed++;
    if (/^[\p{Ll}\p{N}]/u.test(b.text) || !/[.!?:\u2026\u201d"]$/.test(a.text)) goesOn++;
  }
  return inner >= 4 && printed >= inner * 0.7 && goesOn >= inner * 0.5;
}
