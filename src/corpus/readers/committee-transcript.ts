// Committee transcripts in the FOMC style: `CHAIRMAN GREENSPAN.` / `MR. KOHN.` open a turn at the
// start of a hard-wrapped line; a title block and a `PRESENT:` list come before the first turn.
import type { Reader } from './types.js';
import { countLabels, countMatches, isPlainText, readPaged } from './paged.js';
import type { FrontMatterLines, PagedStyle } from './paged.js';
import { blockTitle, firstDate, setPresent } from './title-block.js';
import type { Listed } from './title-block.js';

/** A line opening with a label of two words or more ("MR. KOHN. ", "VICE CHAIRMAN X. "). */
const PERIOD_LABEL_LINE =
  /^(?:[A-Z]{2,4}\.[ \t]+[A-Z][A-Z'’-]+|[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)+)\.[ \t]/gm;
const HONORIFIC = /^(Mr|Ms|Mrs|Miss|Dr|Messrs|Mmes|Mesdames)\.?\s+/;

const style: PagedStyle = {
  name: 'committee-transcript',
  numbered: false,
  terminator: '.',
  labelsIndented: false,
  readFront(front) {
    front.out.title = blockTitle(front.lines);
    front.out.date = firstDate(front.lines);
    setPresent(front.out, readPresent(front));
  },
};

export const committeeTranscriptReader: Reader = {
  name: style.name,
  accepts(text, file) {
    if (!isPlainText(file)) return false;
    // Period labels must be how this file marks turns: several of them, and more of them than
    // `NAME:` labels (a colon transcript with one "MR. X. Hi." line is someone else's).
    if (countMatches(text, PERIOD_LABEL_LINE, 3) < 3) return false; // cheap: runs for every file
    const labels = countLabels(text, style);
    const colons = (text.match(/^[A-Z][A-Z.'’ -]{1,40}:[ \t]/gm) ?? []).length;
    return labels >= 3 && labels > colons;
  },
  read: (text) => readPaged(text, style),
};

/**
 * People listed as present: "PRESENT: Mr. Greenspan, Chairman", "Mr. Angell", "Messrs. Broaddus,
 * Jordan, and Parry, Alternate Members …" → "Mr. Greenspan", "Mr. Angell", "Mr. Broaddus", …
 * The list may run over a page; it ends at a line of prose ("Staff attendance at this meeting
 * was not recorded …") or at the first turn. A singular entry gives the person's office.
 */
function readPresent(front: FrontMatterLines): Listed[] {
  const out: Listed[] = [];
  let inList = false;
  for (const l of front.lines) {
    let body = l.body.trim();
    const head = /^(?:members\s+)?(?:present|attending|in attendance|attendance)\s*:\s*/i.exec(
      body,
    );
    if (head) {
      inList = true;
      body = body.slice(head[0].length);
    } else if (!inList || l.kind === 'furniture') continue; // the list may run over a page
    const h = HONORIFIC.exec(body);
    if (!h) {
      if (body.split(/\s+/).length >= 10) break; // prose after the list
      continue; // the rest of an entry ("the Federal Open Market Committee")
    }
    const title = (h[1] ?? '').toLowerCase();
    const rest = body.slice(h[0].length);
    if (title === 'messrs' || title === 'mmes' || title === 'mesdames') {
      const one = title === 'messrs' ? 'Mr.' : 'Ms.';
      for (const name of listedNames(rest))
        out.push({ label: `${one} ${name.trim()}`, role: null });
      continue;
    }
    // "Mr. Kohn, Secretary and Economist": one person, and the office the list gives them.
    const [name = '', ...role] = rest.split(/,\s*/);
    if (isName(name.trim()))
      out.push({ label: `${h[0].trim()} ${name.trim()}`, role: role.join(', ').trim() || null });
  }
  return out;
}

/** "Broaddus, Jordan, and Parry, Alternate Members of" → the names; the role after them is not one. */
function listedNames(s: string): string[] {
  const names: string[] = [];
  for (const part of s.split(/,\s*/)) {
    const pair = /^(?:(.+?)\s+)?and\s+(.+)$/.exec(part.trim());
    if (pair) {
      for (const n of [pair[1], pair[2]]) if (n && isName(n.trim())) names.push(n);
      break; // "and" closes the list
    }
    if (!isName(part.trim())) break;
    names.push(part);
  }
  return names;
}

/** A surname as a list writes it: "Angell", "LaWare", "J. Davis". */
function isName(s: string): boolean {
  return /^(?:\p{Lu}\.\s*)?\p{Lu}[\p{L}'’-]+$/u.test(s);
}
