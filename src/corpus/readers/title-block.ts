// The title block of a paged transcript: the meeting's title and date, and the people it lists
// as present with their roles, read from the lines before the first turn.
import { findDate } from '../header.js';
import type { ReadResult } from './types.js';
import { isFurniture, isHeading } from './paged.js';
import type { PagedLine } from './paged.js';

const SMALL_WORDS = new Set([
  'of',
  'and',
  'the',
  'for',
  'in',
  'on',
  'at',
  'to',
  'v.',
  'vs.',
  'et',
  'al.',
  'al.,',
]);

/** A heading in capitals as a title: "FEDERAL OPEN MARKET COMMITTEE" → "Federal Open Market Committee". */
export function headingCase(s: string): string {
  return s
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) =>
      /^\s*$/.test(w) || (i > 0 && SMALL_WORDS.has(w))
        ? w
        : w.replace(/(^|[-'’(])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()),
    )
    .join('')
    .replace(/\bMc(\p{L})/gu, (_m, c: string) => 'Mc' + c.toUpperCase());
}

/**
 * The meeting's title from a title block: the heading over the date line ("FEDERAL OPEN MARKET
 * COMMITTEE" / "CONFERENCE CALL" / "October 15, 1993", or "Meeting of the Federal Open Market
 * Committee" / "March 22, 1994"); else the first heading in capitals.
 */
export function blockTitle(lines: PagedLine[]): string | null {
  for (let i = 1; i < lines.length; i++) {
    const date = (lines[i] as PagedLine).body.trim();
    if (date.length > 40 || !findDate(date)) continue;
    const above = headingAbove(lines, i);
    if (above) return above;
  }
  return capsHeading(lines);
}

/** The heading right above line `i`: one line in mixed case, or up to three in capitals. */
function headingAbove(lines: PagedLine[], i: number): string | null {
  const parts: string[] = [];
  for (let j = i - 1; j >= 0 && parts.length < 3; j--) {
    const t = (lines[j] as PagedLine).body.trim();
    if ((isFurniture(t) && !isHeading(t)) || /[.:;,]$/.test(t) || findDate(t)) break;
    const caps = !/\p{Ll}/u.test(t);
    if (!caps) {
      if (parts.length === 0) parts.push(t);
      break;
    }
    parts.unshift(headingCase(t));
  }
  // A document-type word over the heading ("TRANSCRIPT") names the paper, not the meeting.
  if (parts.length > 1 && !/\s/.test(parts[0] ?? '')) parts.shift();
  const title = parts.join(' ');
  const words = title.split(/\s+/).length;
  return words >= 3 && words <= 16 ? title : null;
}

/** The first line of the front matter that is a heading in capitals of three words or more. */
export function capsHeading(lines: PagedLine[]): string | null {
  for (const l of lines) {
    const t = l.body.trim();
    if (/\p{Ll}/u.test(t) || /^(\p{L} ){3,}/u.test(t) || /[:;]$/.test(t)) continue;
    if (t.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= 3) return headingCase(t);
  }
  return null;
}

/**
 * The first full date in the front matter. A running head ("October 15, 1993" on every page) is
 * the meeting's date; an extraction stamp ("*Extracted on: …*") is not.
 */
export function firstDate(lines: PagedLine[]): string | null {
  for (const l of lines) {
    if (/^[#*]/.test(l.body)) continue; // an extraction header or stamp
    const d = findDate(l.body);
    if (d) return d;
  }
  return null;
}

/** A person the front matter lists, with the role it gives them, if any. */
export interface Listed {
  label: string;
  role: string | null;
}

/** Sets the people present (each label once, the first role given) on the reader's result. */
export function setPresent(out: ReadResult, listed: Listed[]): void {
  const roles = new Map<string, string>();
  const labels: string[] = [];
  for (const x of listed) {
    if (!labels.includes(x.label)) labels.push(x.label);
    if (x.role && !roles.has(x.label)) roles.set(x.label, x.role);
  }
  if (labels.length) out.present = labels;
  if (roles.size) out.presentRoles = roles;
}
