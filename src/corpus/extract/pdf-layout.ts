// A PDF's positioned text as paragraphs (pure: pages of text pieces in, text out): pieces become
// printed lines, page furniture (running heads and feet, page numbers) is dropped, and printed
// lines are joined into paragraphs, also across a page break.

/** A run of text as the PDF places it (PDF space: y grows upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  /** The PDF marks a line break after this piece. */
  eol: boolean;
}

export interface PdfPage {
  height: number;
  items: PdfItem[];
}

/** A printed line: its text and where it sits on the page. */
export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

export interface PdfLayout {
  /** Paragraphs separated by a blank line, one paragraph per line. */
  text: string;
  /** 1-based numbers of the pages that hold no body text. */
  emptyPages: number[];
  /** How many printed lines were dropped as furniture. */
  furniture: number;
}

/** Lines at the top and at the bottom of a page where running heads and feet sit. */
const EDGE_LINES = 2;
/** A page "has text" when its body holds at least this many letters or digits. */
const MIN_PAGE_CHARS = 10;

const PAGE_NUMBER = [
  /^(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/,
  /^[ivxlc]{1,6}$/,
];
/** A turn label opening a printed line: "CHAIR:", "Ms Okafor:", "Cllr Dunmore (Harbour):". */
const LABEL = /^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,4}(?:\s*\([^)]{1,40}\))?:(?:\s|$)/u;
const ENDS_SENTENCE = /[.?!:;"”’…)\]]$/;
/** A short line in capitals is a label or a heading of its own ("MS OKAFOR", "ITEM 4"). */
const CAPITALS = /^(?=.*\p{Lu})[\p{Lu}\d\s.,'’&()-]+$/u;

export function layOutPdf(pages: readonly PdfPage[]): PdfLayout {
  const lines = pages.map((p) => printedLines(p.items));
  const drop = findFurniture(pages, lines);
  const body = lines.map((ls, i) => ls.filter((_, j) => !drop.has(`${i}:${j}`)));
  const emptyPages: number[] = [];
  body.forEach((ls, i) => {
    const chars = ls.reduce((n, l) => n + (l.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
    if (chars < MIN_PAGE_CHARS) emptyPages.push(i + 1);
  });
  const paragraphs = joinParagraphs(body);
  return {
    text: paragraphs.length ? paragraphs.join('\n\n') + '\n' : '',
    emptyPages,
    furniture: drop.size,
  };
}

/** The page's pieces as printed lines, in the PDF's own reading order. */
export function printedLines(items: readonly PdfItem[]): PdfLine[] {
  const out: PdfLine[] = [];
  let cur: PdfLine | null = null;
  let lastRight = 0;
  let breakNext = false;
  for (const it of items) {
    const str = it.str.replace(/[\s\u00a0]+/g, ' ');
    if (str.trim() === '') {
      if (it.eol) breakNext = true;
      continue;
    }
    const sameLine =
      cur !== null && !breakNext && Math.abs(it.y - cur.y) <= Math.max(it.size, cur.size) * 0.5;
    if (!sameLine || !cur) {
      cur = { text: str, x: it.x, right: it.x + it.width, y: it.y, size: it.size };
      out.push(cur);
    } else {
      const gap = it.x - lastRight;
      const spaced = /\s$/.test(cur.text) || /^\s/.test(str) || gap > it.size * 0.2;
      cur.text += spaced && !/\s$/.test(cur.text) && !/^\s/.test(str) ? ' ' + str : str;
      cur.right = Math.max(cur.right, it.x + it.width);
      cur.size = Math.max(cur.size, it.size);
    }
    lastRight = it.x + it.width;
    breakNext = it.eol;
  }
  for (const l of out) l.text = l.text.replace(/ {2,}/g, ' ').trim();
  return out.filter((l) => l.text !== '');
}

/**
 * Keys `"page:line"` of furniture: page numbers at a page's top or bottom edge, and edge lines
 * that recur in the same place on at least half the pages (two at least) once digits are
 * ignored ("Harbour Board — Minutes", "Draft — page 3").
 */
export function findFurniture(pages: readonly PdfPage[], lines: readonly PdfLine[][]): Set<string> {
  const drop = new Set<string>();
  const seen = new Map<string, { page: number; line: number; y: number }[]>();
  lines.forEach((ls, p) => {
    for (const j of edgeLines(ls)) {
      const l = ls[j] as PdfLine;
      if (PAGE_NUMBER.some((re) => re.test(l.text))) {
        drop.add(`${p}:${j}`);
        continue;
      }
      // A finished sentence after a turn label is speech, however often it recurs.
      if (LABEL.test(l.text) && /[.?!]["”’)]?$/.test(l.text)) continue;
      const key = l.text.toLowerCase().replace(/\d+/g, '#');
      const list = seen.get(key) ?? [];
      list.push({ page: p, line: j, y: l.y });
      seen.set(key, list);
    }
  });
  const need = Math.max(2, Math.ceil(pages.length / 2));
  for (const list of seen.values()) {
    if (list.length < need) continue;
    for (const a of list) {
      const tolerance = ((pages[a.page] as PdfPage).height || 792) * 0.03;
      const pagesThere = new Set(
        list.filter((b) => Math.abs(b.y - a.y) <= tolerance).map((b) => b.page),
      );
      if (pagesThere.size >= need) drop.add(`${a.page}:${a.line}`);
    }
  }
  return drop;
}

/**
 * Indexes of the top and bottom lines of a page, by position (heads may be drawn last): two at
 * each edge, one on a short page so that its middle is never taken for furniture.
 */
function edgeLines(ls: readonly PdfLine[]): Set<number> {
  const byHeight = ls.map((l, i) => ({ y: l.y, i })).sort((a, b) => b.y - a.y);
  const n = ls.length >= 3 * EDGE_LINES ? EDGE_LINES : 1;
  const out = new Set<number>();
  for (const e of byHeight.slice(0, n)) out.add(e.i);
  for (const e of byHeight.slice(-n)) out.add(e.i);
  return out;
}

/**
 * Printed lines joined into paragraphs. A paragraph ends at a wider gap than the document's
 * usual line spacing, before an indented line or a turn label after a finished sentence, and
 * after a short line that is finished or in capitals. Across a page break it goes on unless the page ended a sentence.
 */
export function joinParagraphs(pages: readonly PdfLine[][]): string[] {
  const spacing = usualSpacing(pages);
  const out: string[] = [];
  let open = false;
  for (const ls of pages) {
    const left = ls.reduce((m, l) => Math.min(m, l.x), Infinity);
    const width = ls.reduce((m, l) => Math.max(m, l.right), -Infinity) - left;
    ls.forEach((l, j) => {
      const prev = j > 0 ? (ls[j - 1] as PdfLine) : null;
      const last = out.length ? (out[out.length - 1] as string) : '';
      let goesOn: boolean;
      if (!open) goesOn = false;
      else if (!prev)
        // The first line of a page continues a sentence the last page left open.
        goesOn = !ENDS_SENTENCE.test(last) && !LABEL.test(l.text);
      else {
        const gap = prev.y - l.y;
        const finished = ENDS_SENTENCE.test(prev.text);
        goesOn =
          gap > 0 &&
          gap <= spacing * 1.35 &&
          !(finished && LABEL.test(l.text)) &&
          !(finished && l.x > left + l.size * 1.5) &&
          !((finished || CAPITALS.test(prev.text)) && prev.right - left < width * 0.7);
      }
      if (goesOn) out[out.length - 1] = joinLine(last, l.text);
      else out.push(l.text);
      open = true;
    });
  }
  return out;
}

function medianSize(pages: readonly PdfLine[][]): number {
  const sizes = pages.flat().map((l) => l.size);
  sizes.sort((x, y) => x - y);
  return sizes[Math.floor(sizes.length / 2)] ?? 12;
}

/** "well-" + "known" → "well-known" (the hyphen is kept: it may be the word's own). */
function joinLine(a: string, b: string): string {
  return /\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b) ? a + b : `${a} ${b}`;
}

/**
 * The distance between consecutive lines within a paragraph (the document's leading): the lower
 * quartile of the gaps, since gaps between paragraphs are the wider ones.
 */
function usualSpacing(pages: readonly PdfLine[][]): number {
  const gaps: number[] = [];
  for (const ls of pages)
    for (let j = 1; j < ls.length; j++) {
      const a = ls[j - 1] as PdfLine;
      const b = ls[j] as PdfLine;
      const gap = a.y - b.y;
      if (gap > 0 && gap < Math.max(a.size, b.size) * 3) gaps.push(gap);
    }
  if (!gaps.length) return Infinity;
  gaps.sort((x, y) => x - y);
  // Few lines, all a paragraph apart: no gap is a line's own; leading is rarely over 1.5 sizes.
  return Math.min(gaps[Math.floor(gaps.length / 4)] as number, medianSize(pages) * 1.6);
}
