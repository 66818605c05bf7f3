// Court transcripts: every line numbered 1–25, double-spaced, page footers without a number,
// padded labels (`JUSTICE SCALIA:      Well, …`) on indented lines; the caption block names the
// case and the APPEARANCES list the counsel.
import type { Reader } from './types.js';
import { countLabels, isPlainText, readPaged } from './paged.js';
import type { FrontMatterLines, PagedStyle } from './paged.js';
import { capsHeading, firstDate, headingCase, setPresent } from './title-block.js';
import type { Listed } from './title-block.js';

const RULE = /^(?:- ){4,}-?\s*x?$|^-{6,}\s*x?$/;
const COUNSEL = /^([A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*)+(?:,\s*(?:JR|SR|II|III|IV)\.?)?)(?:,|$)/;

const style: PagedStyle = {
  name: 'court-transcript',
  numbered: true,
  terminator: ':',
  labelsIndented: true,
  readFront(front) {
    front.out.title = captionTitle(front) ?? capsHeading(front.lines);
    front.out.date = firstDate(front.lines);
    setPresent(front.out, readAppearances(front));
  },
};

export const courtTranscriptReader: Reader = {
  name: style.name,
  accepts(text, file) {
    if (!isPlainText(file)) return false;
    // Most lines of the first pages carry a line number, and numbered lines hold turns.
    const { filled, numbered } = numberedLines(text, 2500);
    return filled >= 10 && numbered >= filled * 0.6 && countLabels(text, style) >= 2;
  },
  read: (text) => readPaged(text, style),
};

/**
 * The case from the caption between the dashed rules: the parties on the left of the column of
 * colons, the docket number on the right. "DEPARTMENT OF HEALTH AND / HUMAN SERVICES, ET AL., /
 * Petitioners / v. / FLORIDA, ET AL." → "Department of Health and Human Services, et al.,
 * Petitioners v. Florida, et al. (No. 11-398)".
 */
function captionTitle(front: FrontMatterLines): string | null {
  const rules = front.lines.filter((l) => RULE.test(l.body.trim()));
  const [a, b] = rules;
  if (!a || !b) return null;
  const left: string[] = [];
  let docket = '';
  for (const l of front.lines) {
    if (l.n <= a.n || l.n >= b.n) continue;
    const [lhs = '', rhs = ''] = l.body.split(/\s*:\s*/, 2);
    if (lhs.trim()) left.push(lhs.trim());
    const no = /\bNo\.?\s*[\w-]+/i.exec(rhs);
    if (no) docket = no[0];
  }
  if (left.length === 0) return null;
  const parties = left.map((s) => (/\p{Ll}/u.test(s) ? s : headingCase(s))).join(' ');
  return docket ? `${parties} (${docket})` : parties;
}

/**
 * Counsel named under APPEARANCES, up to the page's end: "ROBERT A. LONG, ESQ., Washington,
 * D.C.; for / Court-appointed amicus curiae" → "ROBERT A. LONG", "Court-appointed amicus curiae".
 */
function readAppearances(front: FrontMatterLines): Listed[] {
  const entries: { label: string; text: string }[] = [];
  let inList = false;
  for (const l of front.lines) {
    const body = l.body.trim();
    if (/^appearances\s*:?$/i.test(body)) {
      inList = true;
      continue;
    }
    if (!inList) continue;
    if (l.kind === 'furniture') break;
    const m = COUNSEL.exec(body);
    const last = entries[entries.length - 1];
    if (m && m[1]) entries.push({ label: m[1].replace(/\s+/g, ' '), text: body });
    else if (last) last.text += ' ' + body;
  }
  return entries.map((e) => ({ label: e.label, role: counselRole(e.text) }));
}

/** Whom counsel argue for: "…; on behalf of Petitioners." → "Counsel for Petitioners". */
function counselRole(entry: string): string | null {
  const side = entry
    .split(';')
    .slice(1)
    .join(';')
    .trim()
    .replace(/[.,]+$/, '');
  const behalf = /^on behalf of\s+(?:the\s+)?(.+)$/i.exec(side);
  if (behalf) return `Counsel for ${behalf[1]}`;
  const forWhom = /^for\s+(?:the\s+)?(.+)$/i.exec(side);
  if (!forWhom || !forWhom[1]) return null;
  return forWhom[1].charAt(0).toUpperCase() + forWhom[1].slice(1);
}

/** Non-blank lines in the first `upTo` characters, and how many of them open with a line number. */
function numberedLines(text: string, upTo: number): { filled: number; numbered: number } {
  let filled = 0;
  let numbered = 0;
  const end = Math.min(text.length, upTo);
  let i = 0;
  while (i < end) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\f')) j++;
    const c = text.charCodeAt(j);
    if (j < end && c !== 10 && c !== 13) {
      filled++;
      let k = j;
      while (k < end && k - j < 2 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
      const n = Number(text.slice(j, k));
      const after = text[k];
      if (j - i <= 4 && k > j && n >= 1 && n <= 34 && (after === undefined || /\s/.test(after)))
        numbered++;
    }
    while (i < end && text.charCodeAt(i) !== 10) i++;
    i++;
  }
  return { filled, numbered };
}
