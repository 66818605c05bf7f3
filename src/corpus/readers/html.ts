// HTML transcripts: labels in markup ("<strong>Mr. NIELDS</strong>: …"), entities, <br>
// paragraphs, hard-wrapped lines, and old print-style labels inside a paragraph ("… sir?
// Mr. SULLIVAN. What is it, counsel?") once that shape recurs in the page.
import type { Block, ReadResult, Reader } from './types.js';
import { findDate } from '../header.js';
import { HEAD_TITLES, HONORIFICS } from '../mentions.js';
import { FIELD_LABELS } from './field-labels.js';
import { BR, LINE, plainText, visibleText } from './html-text.js';
import type { VisibleText } from './html-text.js';

/** A speaker label found in the visible text: `at` is where it starts, speech follows at `speechAt`. */
interface LabelHit {
  at: number;
  speechAt: number;
  label: string;
  kind: 'markup' | 'alone' | 'print' | 'colon';
}

/** Unit ranges [a, b) of the visible text. */
interface Range {
  a: number;
  b: number;
}

/** Paragraph breaks: a block element, two or more <br> in a row, a blank source line. */
const PARAGRAPH_BREAK = /\f|\u2028(?:[ \n\u00ad]*\u2028)+|\n[ \u00ad]*\n/g;
/**
 * A print-style label: title words, a surname in capitals, a period or colon ("Mr. SULLIVAN.",
 * "Chairman INOUYE:", "The CHAIRMAN."), at a line start or after the end of a sentence.
 */
const PRINT_LABEL =
  /(?<=^|[.?!"”’)\]\u2014:][ \n\u2028]+|[\n\u2028][ ]*)((?:[A-Z][A-Za-z]{0,12}\.?[ \n]+){1,2})((?:Mc|Mac)?[A-Z][A-Z'’-]+(?:[ ](?:Mc|Mac)?[A-Z][A-Z'’-]+){0,2}(?:[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)?)[ ]?([.:])(?=[ \n\u2028]|$)/g;
/** A plain "Name:" at a line start (a label only when the same one recurs). */
const COLON_LABEL = /^([A-Z][\w.'’-]*(?: [A-Za-z][\w.'’-]*){0,4}):[ \n]/;
/** Title words of a print label that HEAD_TITLES and HONORIFICS leave out (ranks, abbreviations). */
const MORE_TITLES = new Set(
  'general gen col adm sen rep hon messrs mme capt lt sgt maj cmdr gov amb atty delegate major chief'.split(
    ' ',
  ),
);

export const htmlReader: Reader = {
  name: 'html',
  accepts(text, file) {
    if (/\.x?html?$/i.test(file)) return true;
    const head = text
      .slice(0, 3000)
      .replace(/^\uFEFF/, '')
      .trimStart();
    return (
      /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype html/i.test(head) ||
      /^<html[\s>]/i.test(head)
    );
  },
  read(text) {
    const out: ReadResult = { reader: 'html', blocks: [], warnings: [] };
    const vis = visibleText(text);
    const paras = paragraphsOf(vis.text);
    const hits = learnLabels(vis, paras);
    const lineAt = lineNumbers(text);
    let speaker: string | null | undefined;
    for (const [k, p] of paras.entries()) {
      const here = hits[k] ?? [];
      const cuts: { a: number; b: number; label: string | null | undefined }[] = [];
      let pos = p.a;
      // Page furniture after the transcript ("Source: …", a copyright line) ends the last turn.
      if (here[0]?.at !== firstVisible(vis.text, p) && isFurniture(vis.text.slice(p.a, p.b)))
        speaker = undefined;
      let label = speaker;
      for (const h of here) {
        cuts.push({ a: pos, b: h.at, label });
        label = h.label;
        pos = h.speechAt;
      }
      cuts.push({ a: pos, b: p.b, label });
      speaker = label;
      for (const c of cuts) {
        // Text before the first label is the page's heading and introduction, not speech.
        if (c.label === undefined) continue;
        const span = trimUnits(vis, c.a, c.b);
        if (!span) continue;
        const start = vis.from[span.a] as number;
        const end = vis.to[span.b - 1] as number;
        if (end <= start) continue;
        const block: Block = { start, end, line: lineAt(start), label: c.label };
        out.blocks.push(block);
      }
    }
    const meta = titleAndDate(text);
    out.title = meta.title;
    out.date = meta.date;
    return out;
  },
};

function firstVisible(s: string, p: Range): number {
  let i = p.a;
  while (i < p.b && /[\s\u00ad]/.test(s[i] ?? '')) i++;
  return i;
}

/** A paragraph that is the page's, not a speaker's: a field ("Source: …") or a copyright line. */
function isFurniture(para: string): boolean {
  const t = para.replace(/[\s\u00ad]+/g, ' ').trim();
  if (/^(?:©|\(c\)|copyright\b|all rights reserved)/i.test(t)) return true;
  const field = /^([A-Za-z]+)\s?:/.exec(t);
  return !!field && FIELD_LABELS.has((field[1] ?? '').toLowerCase());
}

function paragraphsOf(s: string): Range[] {
  const out: Range[] = [];
  let a = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(s); m; m = PARAGRAPH_BREAK.exec(s)) {
    if (m.index > a) out.push({ a, b: m.index });
    a = m.index + m[0].length;
  }
  if (s.length > a) out.push({ a, b: s.length });
  return out.filter((p) => /[\p{L}\p{N}]/u.test(s.slice(p.a, p.b)));
}

/** Starts of the lines of a paragraph (its first visible character and each after a break). */
function lineStarts(s: string, p: Range): number[] {
  const out: number[] = [];
  let i = p.a;
  let atStart = true;
  for (; i < p.b; i++) {
    const c = s[i] as string;
    if (c === LINE || c === BR) atStart = true;
    else if (atStart && c !== ' ' && c !== '\u00ad') {
      out.push(i);
      atStart = false;
    }
  }
  return out;
}

/**
 * The labels of each paragraph. A label style counts only when it recurs in the page: bold
 * labels when there are two or more, print-style labels when their shape (title words and a
 * surname in capitals) is how two or more turns open, a plain "Name:" when that name recurs.
 */
function learnLabels(vis: VisibleText, paras: Range[]): LabelHit[][] {
  const s = vis.text;
  const found: LabelHit[][] = paras.map(() => []);
  for (const [k, p] of paras.entries()) {
    const mine = found[k] as LabelHit[];
    const starts = lineStarts(s, p);
    for (const at of starts) {
      const hit = markupLabel(vis, at, p.b) ?? colonLabel(s, at, p.b, vis);
      if (hit) mine.push(hit);
    }
    const body = s.slice(p.a, p.b);
    PRINT_LABEL.lastIndex = 0;
    for (let m = PRINT_LABEL.exec(body); m; m = PRINT_LABEL.exec(body)) {
      const at = p.a + m.index;
      if (vis.bold[at] || mine.some((h) => h.at <= at && at < h.speechAt)) continue;
      const titles = (m[1] ?? '').trim();
      const surname = m[2] ?? '';
      if (!printShape(titles, surname)) continue;
      mine.push({
        at,
        speechAt: at + m[0].length,
        label: cleanLabel(`${titles} ${surname}`),
        kind: 'print',
      });
    }
    mine.sort((x, y) => x.at - y.at);
  }
  const all = found.flat();
  // Bold labels are the page's style when a speaker comes back or many paragraphs open with one;
  // two bold field names ("Update:", "Correction:") in a news page are not.
  const bold = all.filter((h) => h.kind === 'markup');
  const boldNames = new Set(bold.map((h) => h.label));
  const markup =
    bold.length >= 2 && (boldNames.size < bold.length || bold.length >= paras.length * 0.3)
      ? bold.length
      : 0;
  const shaped = all.filter((h) => h.kind === 'print' || isPrintShaped(h.label)).length;
  const colonCount = new Map<string, number>();
  let colons = 0;
  for (const h of all)
    if (h.kind === 'colon') {
      colons++;
      colonCount.set(h.label, (colonCount.get(h.label) ?? 0) + 1);
    }
  // Plain "Name:" is the page's style when many paragraphs open with one; else the name recurs.
  const colonStyled = colons >= 3 && colons >= paras.length * 0.3;
  // A bold paragraph of its own is a label only when the same name comes back (a subheading
  // does not).
  const alone = new Map<string, number>();
  for (const h of all) if (h.kind === 'alone') alone.set(h.label, (alone.get(h.label) ?? 0) + 1);
  const keep = (h: LabelHit) =>
    h.kind === 'alone'
      ? (alone.get(h.label) ?? 0) >= 2
      : h.kind === 'markup'
        ? markup >= 2
        : h.kind === 'print'
          ? shaped >= 2
          : colonStyled || (colonCount.get(h.label) ?? 0) >= 2;
  return found.map((hs) => hs.filter(keep));
}

/** A bold run at a line start ending in, or followed by, a colon (or a period after a name). */
function markupLabel(vis: VisibleText, at: number, end: number): LabelHit | null {
  const s = vis.text;
  if (!vis.bold[at]) return null;
  let r = at;
  while (r < end && vis.bold[r] && s[r] !== BR) r++;
  const run = s.slice(at, r).replace(/[\n\u00ad]/g, ' ');
  let q = r;
  while (q < end && (s[q] === ' ' || s[q] === LINE)) q++;
  let label: string;
  let speechAt: number;
  if (s[q] === ':') {
    label = run;
    speechAt = q + 1;
  } else if (/[:.]\s*$/.test(run)) {
    label = run.replace(/[:.]\s*$/, '');
    if (run.trim().endsWith('.') && !isPrintShaped(cleanLabel(label)) && label.trim().length > 1)
      return null;
    speechAt = r;
  } else if (q >= end) {
    // A bold name alone in its paragraph, the turn in the paragraphs below.
    label = cleanLabel(run);
    return plausibleLabel(label) ? { at, speechAt: end, label, kind: 'alone' } : null;
  } else return null;
  label = cleanLabel(label);
  if (!plausibleLabel(label)) return null;
  return { at, speechAt, label, kind: 'markup' };
}

function colonLabel(s: string, at: number, end: number, vis: VisibleText): LabelHit | null {
  if (vis.bold[at]) return null;
  const m = COLON_LABEL.exec(s.slice(at, Math.min(end, at + 80)));
  if (!m) return null;
  const label = cleanLabel(m[1] ?? '');
  if (!plausibleLabel(label)) return null;
  return { at, speechAt: at + (m[1] ?? '').length + 1, label, kind: 'colon' };
}

function isTitleWord(w: string): boolean {
  const low = w.replace(/\.$/, '').toLowerCase();
  return HONORIFICS.has(low) || HEAD_TITLES.has(low) || MORE_TITLES.has(low);
}

/** "Mr. SULLIVAN", "Chairman INOUYE", "The CHAIRMAN": title words and a name in capitals. */
function printShape(titles: string, surname: string): boolean {
  const words = titles.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const named = words.every((w) => isTitleWord(w) || /^the$/i.test(w));
  const titled = words.some(isTitleWord) || isTitleWord(surname.split(' ')[0] ?? '');
  return named && titled && surname.replace(/ of .*$/, '').replace(/[^A-Z]/g, '').length >= 2;
}

/** Whether a cleaned label has the print shape ("Mr. Sullivan" from "Mr. SULLIVAN"). */
function isPrintShaped(label: string): boolean {
  const m = /^((?:[A-Z][A-Za-z]{0,12}\.? ){1,2})([A-Z][\p{L}'’-]+)$/u.exec(label);
  return !!m && printShape((m[1] ?? '').trim(), (m[2] ?? '').toUpperCase());
}

function plausibleLabel(label: string): boolean {
  if (!label || label.length > 60 || !/\p{L}/u.test(label)) return false;
  if (FIELD_LABELS.has((label.split(' ')[0] ?? '').toLowerCase())) return false;
  if (/[?!"“”<>]/.test(label)) return false;
  const words = label.split(' ').filter(Boolean);
  return words.length >= 1 && words.length <= 6 && /^[\p{Lu}\p{N}@]/u.test(label);
}

/** Collapses white space and writes names in capitals as names: "MR. NIELDS" → "Mr. Nields". */
function cleanLabel(s: string): string {
  return s
    .replace(/[\s\u00ad]+/g, ' ')
    .trim()
    .replace(/^[\s:.\u2014-]+|[\s:\u2014-]+$/g, '')
    .replace(/\p{Lu}{2,}/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

/** The unit range [a, b) without white space, separators and soft hyphens at either end. */
function trimUnits(vis: VisibleText, a: number, b: number): Range | null {
  const blank = (c: string | undefined) => c === undefined || /[\s\u00ad]/.test(c);
  while (a < b && blank(vis.text[a])) a++;
  while (b > a && blank(vis.text[b - 1])) b--;
  if (b <= a || !/[\p{L}\p{N}]/u.test(vis.text.slice(a, b))) return null;
  return { a, b };
}

function lineNumbers(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The page's <title> (else its first <h1>) and a date from its metadata or title. */
function titleAndDate(text: string): { title: string | null; date: string | null } {
  const tag = (name: string) => {
    const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]{0,2000}?)</${name}\\s*>`, 'i').exec(text);
    return m ? plainText(m[1] ?? '') : '';
  };
  const title = tag('title') || tag('h1') || null;
  const meta =
    /<meta\b[^>]*\b(?:name|property|itemprop)\s*=\s*["'](?:date|dc\.date|dcterms\.date|article:published_time|datePublished|pubdate|publish[-_]?date)["'][^>]*>/i.exec(
      text,
    );
  const content = meta ? /\bcontent\s*=\s*["']([^"']{4,40})["']/i.exec(meta[0]) : null;
  const time = /<time\b[^>]*\bdatetime\s*=\s*["'](\d{4}-\d{2}-\d{2})/i.exec(text);
  const fromMeta = content ? findDate((content[1] ?? '').slice(0, 10)) : null;
  const date =
    fromMeta ??
    (time ? findDate(time[1] ?? '') : null) ??
    (title ? findDate(title) : null) ??
    (tag('h2') ? findDate(tag('h2')) : null);
  return { title, date };
}
