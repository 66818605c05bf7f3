// Committee transcripts in the FOMC style: `CHAIRMAN GREENSPAN.` / `MR. KOHN.` open a turn at the
// start of a hard-wrapped line; a title block and a `PRESENT:` list come before the first turn.
import type { Reader } from './types.js';
import { capsHeading, countLabels, countMatches, firstDate, readPaged } from './paged.js';
import type { FrontMatterLines, PagedStyle } from './paged.js';

const PERIOD_LABEL_LINE =
  /^(?:[A-Z]{2,4}\.[ \t]+)?[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)*(?:[ \t]?\(\?\))?\.[ \t]/gm;
const HONORIFIC = /^(Mr|Ms|Mrs|Miss|Dr|Messrs|Mmes|Mesdames)\.?\s+/;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]+$/u;

const style: PagedStyle = {
  name: 'committee-transcript',
  numbered: false,
  terminator: '.',
  labelsIndented: false,
  readFront(front) {
    front.out.title = capsHeading(front.lines);
    front.out.date = firstDate(front.lines);
    const present = readPresent(front);
    if (present.length) front.out.present = present;
  },
};

export const committeeTranscriptReader: Reader = {
  name: style.name,
  accepts(text, file) {
    if (!/\.(txt|text)$/i.test(file) && /\.[a-z0-9]{1,5}$/i.test(file)) return false;
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
 * The list runs to a blank line, page furniture or a line of prose.
 */
function readPresent(front: FrontMatterLines): string[] {
  const out: string[] = [];
  let inList = false;
  for (const l of front.lines) {
    let body = l.body.trim();
    const head = /^(?:members\s+)?(?:present|attending|in attendance|attendance)\s*:\s*/i.exec(
      body,
    );
    if (head) {
      inList = true;
      body = body.slice(head[0].length);
    } else if (!inList) continue;
    if (l.kind === 'furniture') break;
    const h = HONORIFIC.exec(body);
    if (!h) {
      if (body.split(/\s+/).length >= 10) break; // prose after the list
      continue; // the rest of an entry ("the Federal Open Market Committee")
    }
    const title = (h[1] ?? '').toLowerCase();
    const one =
      title === 'messrs' ? 'Mr.' : title === 'mmes' || title === 'mesdames' ? 'Ms.' : null;
    const items = body.slice(h[0].length).split(/,\s*|\s+and\s+/);
    if (!one) {
      const name = (items[0] ?? '').trim();
      if (name.split(/\s+/).every((w) => NAME_WORD.test(w))) out.push(`${h[0].trim()} ${name}`);
      continue;
    }
    for (const item of items) {
      const name = item.replace(/^and\s+/, '').trim();
      if (!NAME_WORD.test(name)) break;
      out.push(`${one} ${name}`);
    }
  }
  return [...new Set(out)];
}
