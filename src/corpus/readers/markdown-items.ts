// Markdown structure for the notes reader: headings, bullets (with their wrapped lines) and
// paragraphs, each with offsets into the file and the kind of section it sits in.
import { splitLines, trimmed } from './lines.js';
import type { Line } from './lines.js';

export type SectionKind = 'minutes' | 'attendance' | 'furniture' | 'actions';

/** A heading, a bullet (with its continuation lines) or a prose paragraph of the notes. */
export interface Item {
  type: 'heading' | 'bullet' | 'para';
  /** Heading level, or a bullet's indentation in columns. */
  level: number;
  line: number;
  /** Offsets of the content (after "#", "*", "1.") to the end of its last line. */
  start: number;
  end: number;
  section: SectionKind;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
export const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
export const BULLET = /^([ \t]*)(?:[*+-]|\d{1,3}[.)])[ \t]+(?=\S)/;
const ATTENDANCE_HEADING =
  /^(?:present|attendees|attendance|participants|in attendance|members present|people present|people)\b/i;
const FURNITURE_HEADING = /^(?:links?|agenda|resources|references|(?:table of )?contents)\b/i;
const ACTION_HEADING =
  /\b(?:action items?|actions|to-?dos?|next steps|next meeting|follow[- ]?ups?|assignments)\b/i;

/** Headings, bullets and paragraphs with their offsets; front matter and rules are skipped. */
export function readItems(text: string): Item[] {
  const lines = splitLines(text);
  const items: Item[] = [];
  let i = 0;
  if (lines[0]?.text.trim() === '---') {
    const close = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) i = close + 1;
  }
  // Section kinds by heading level: a sub-heading of the agenda is still the agenda.
  const kinds: SectionKind[] = [];
  let section: SectionKind = 'minutes';
  let headingSection: SectionKind = 'minutes';
  let open: Item | null = null;
  for (; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.text.trim() === '') {
      open = null;
      continue;
    }
    const h = HEADING.exec(l.text);
    if (h) {
      const level = (h[1] ?? '#').length;
      const words = stripMarkup(h[2] ?? '');
      kinds.length = level - 1;
      const own = sectionOf(words);
      const inherited = [...kinds].reverse().find((k) => k !== undefined && k !== 'minutes');
      section = own ?? inherited ?? 'minutes';
      headingSection = section;
      kinds[level - 1] = section;
      const at = l.start + l.text.indexOf(h[2] ?? '');
      items.push({ type: 'heading', level, line: l.n, start: at, end: l.end, section });
      open = null;
      continue;
    }
    if (RULE.test(l.text)) {
      open = null;
      continue;
    }
    const b = BULLET.exec(l.text);
    if (b) {
      const level = (b[1] ?? '').replace(/\t/g, '    ').length;
      open = {
        type: 'bullet',
        level,
        line: l.n,
        start: l.start + b[0].length,
        end: l.end,
        section,
      };
      items.push(open);
      continue;
    }
    if (open) {
      // A wrapped line of the bullet or paragraph above.
      open.end = l.end;
      continue;
    }
    // A line such as "Action items:" or "Present:" works as a heading for the list below it; a
    // line "Present: Ana, Ben" is that kind of section on its own.
    const plain = stripMarkup(l.text);
    const field = /^([\w ]{1,30}?)\s*:\s*(.*)$/.exec(plain);
    const own = sectionOf(field ? (field[1] ?? '') : plain);
    let mine: SectionKind = section;
    if (field && field[2]) mine = own ?? section;
    else if (field || /^[\w ]{1,30}$/.test(plain)) section = mine = own ?? headingSection;
    const at = trimmed(text, l.start, l.end).start;
    open = { type: 'para', level: 0, line: l.n, start: at, end: l.end, section: mine };
    items.push(open);
  }
  for (const it of items) it.end = trimmed(text, it.start, it.end).end;
  return items;
}

function sectionOf(heading: string): SectionKind | null {
  const h = heading.trim();
  if (ATTENDANCE_HEADING.test(h)) return 'attendance';
  if (FURNITURE_HEADING.test(h)) return 'furniture';
  if (ACTION_HEADING.test(h)) return 'actions';
  return null;
}

export function stripMarkup(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
