// Reported speech in prose records (news, readouts, UN coverage, minutes): statements by a group,
// speakers known only by their office, verbs of saying that span several words, procedure that
// is not speech, and page headings glued to the first sentence by scraping.
import { isHeadTitle, isHonorific, isReportingVerb } from '../mentions.js';
import type { Mention } from '../mentions.js';
import type { Paragraph, Token } from '../text.js';

/** Nouns that name a group of people ("Members", "the leaders", "Council members"). */
const GROUP_NOUNS = new Set(
  (
    'members delegates delegations speakers participants leaders sides parties representatives ' +
    'councillors councilors councilmembers councilmen aldermen commissioners trustees ministers ' +
    'officials residents citizens panelists panellists attendees experts governments countries ' +
    'states nations both all several many others council committee board commission panel ' +
    'group staff they force subcommittee team caucus ' +
    // Someone left unnamed speaks for nobody the report names: "A resident asked whether …".
    'resident citizen participant attendee member questioner caller'
  ).split(' '),
);

/** Words that may stand in a group subject before its noun ("a number of the", "both"). */
const GROUP_FILLERS = new Set(
  'the a an of both all several many some most other few number two three four five these those its their'.split(
    ' ',
  ),
);

/** Verbs a group "says" with in minutes and coverage, beyond the verbs of saying. */
const GROUP_VERBS = new Set(
  'discussed debated agreed voiced expressed raised reviewed considered shared exchanged'.split(
    ' ',
  ),
);

const ADVERB_SKIP = new Set(
  'also further then again too all both strongly clearly unanimously briefly generally broadly'.split(
    ' ',
  ),
);

/**
 * Whether the sentence's subject is a group that says something: "Members discussed …", "Council
 * members stressed …", "They agreed …", "The leaders agreed …", "On trade, both sides noted …".
 */
export function isGroupStatement(text: string, offset: number, tokens: Token[]): boolean {
  if (groupSaysAt(text, offset, tokens, 0)) return true;
  // An opening phrase ended by a comma ("On trade,", "In the debate,") comes before the subject.
  for (let k = 0; k < Math.min(tokens.length - 1, 6); k++) {
    const gap = text.slice(
      (tokens[k] as Token).end - offset,
      (tokens[k + 1] as Token).start - offset,
    );
    if (gap.includes(',')) return groupSaysAt(text, offset, tokens, k + 1);
  }
  return false;
}

/**
 * "President Berg and President Rouhani also discussed …": two people named together say
 * something jointly, a statement of neither alone.
 */
function jointSaysAt(tokens: Token[], from: number): boolean {
  let k = from;
  let names = 0;
  let joined = false;
  for (; k < tokens.length && k - from < 14; k++) {
    const t = tokens[k] as Token;
    if (t.cap || (names > 0 && (t.low === 'of' || t.low === 'the'))) {
      if (t.cap) names++;
      continue;
    }
    if (t.low === 'and' && names > 0 && !joined) {
      joined = true;
      names = 0;
      continue;
    }
    break;
  }
  if (!joined || names === 0) return false;
  while (k < tokens.length && ADVERB_SKIP.has((tokens[k] as Token).low)) k++;
  const verb = tokens[k];
  return !!verb && (GROUP_VERBS.has(verb.low) || isReportingVerb(verb.low, tokens[k + 1]?.low));
}

function groupSaysAt(text: string, offset: number, tokens: Token[], from: number): boolean {
  if (jointSaysAt(tokens, from)) return true;
  let noun = -1;
  for (let k = from; k < tokens.length && k - from < 6; k++) {
    const t = tokens[k] as Token;
    if (GROUP_NOUNS.has(t.low)) noun = k;
    else if (noun >= 0) break;
    else if (!GROUP_FILLERS.has(t.low) && !t.cap) return false;
  }
  if (noun < 0) return false;
  const last = tokens[noun] as Token;
  let v = noun + 1;
  while (v < tokens.length && ADVERB_SKIP.has((tokens[v] as Token).low)) v++;
  const verb = tokens[v];
  if (!verb || verb.cap) return false;
  if (!/^\s+$/.test(text.slice(last.end - offset, (tokens[noun + 1] as Token).start - offset)))
    return false;
  return GROUP_VERBS.has(verb.low) || isReportingVerb(verb.low, tokens[v + 1]?.low);
}

/** "made the point that", "made clear", "set out": a verb of saying written in two or three words. */
export function isSayingPhrase(tokens: Token[], i: number): boolean {
  const a = tokens[i]?.low;
  const b = tokens[i + 1]?.low;
  const c = tokens[i + 2]?.low;
  if (a === 'made' || a === 'make' || a === 'makes')
    return b === 'clear' || ((b === 'the' || b === 'a') && (c === 'point' || c === 'case'));
  if (a === 'set' || a === 'laid' || a === 'spelled') return b === 'out';
  if (a === 'wanted' || a === 'wished' || a === 'wants') return b === 'to' && c === 'know';
  // "welcomed the extension" takes a position; "welcomed the President" greets a guest.
  if ((a === 'welcomed' || a === 'welcomes') && b === 'the') {
    for (let k = i + 2; k <= i + 4 && k < tokens.length; k++) {
      const w = (tokens[k] as Token).low;
      if (isHeadTitle(w) || GUESTS.has(w) || isHonorific(w)) return false;
    }
    return true;
  }
  // "gave a brief report", "provided an update", "delivered the annual presentation"
  if (a === 'gave' || a === 'provided' || a === 'delivered' || a === 'presented')
    for (let k = i + 1; k <= i + 4 && k < tokens.length; k++)
      if (TALK_NOUNS.has((tokens[k] as Token).low)) return true;
  return false;
}

const GUESTS = new Set(
  'guest guests visitor visitors delegation delegations delegates participants members leaders audience crowd team'.split(
    ' ',
  ),
);

const TALK_NOUNS = new Set(
  'report overview update summary presentation briefing history background explanation speech remarks account'.split(
    ' ',
  ),
);

/**
 * "The Leader welcomed the president … and hoped that …": a second verb of saying joined to the
 * first by "and" makes the whole sentence reported speech.
 */
export function hasJoinedSaying(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length - 2; k++) {
    if ((tokens[k] as Token).low !== 'and') continue;
    let v = k + 1;
    while (v < tokens.length && ADVERB_SKIP.has((tokens[v] as Token).low)) v++;
    const verb = tokens[v];
    const next = tokens[v + 1]?.low;
    if (!verb || verb.cap || !/ed$/.test(verb.low)) continue;
    if (isReportingVerb(verb.low, next) && (next === 'that' || next === 'for' || next === 'the'))
      return true;
  }
  return false;
}

const PROCEDURE =
  /\b(?:called (?:the |a |an )?(?:[\w-]+ ){0,5}(?:meeting|session|hearing)|to order|motion|seconded|moved to|moved that|adjourn(?:ed|ment)?|roll call|carried unanimously|abstain(?:ed|ing)?|voted|voting)\b/i;

/** Motions, votes and calls to order: what a meeting did, not what anyone said. */
export function isProcedure(sentence: string): boolean {
  return PROCEDURE.test(sentence) && !/\b(?:said|stated|explained|noted|asked)\b/i.test(sentence);
}

const CONTINUATIONS = new Set(['in addition', 'additionally', 'furthermore', 'moreover', 'also']);

/** "In addition, …", "Furthermore, …": the sentence goes on with what the one before reported. */
export function continuesReport(text: string, offset: number, tokens: Token[]): boolean {
  const a = tokens[0];
  const b = tokens[1];
  if (!a) return false;
  const one = a.low;
  const two = b ? `${a.low} ${b.low}` : '';
  const lead = CONTINUATIONS.has(two) ? b : CONTINUATIONS.has(one) ? a : null;
  // "In his opinion …", "In her view …": the same speaker goes on.
  if (
    a.low === 'in' &&
    /^(his|her|their)$/.test(b?.low ?? '') &&
    /^(opinion|view)$/.test(tokens[2]?.low ?? '')
  )
    return true;
  if (!lead || !a.cap) return false;
  return /^,/.test(text.slice(lead.end - offset));
}

/**
 * The name for someone known only by office: "The representative of the United States", "A
 * Downing Street spokesperson", "The Prime Minister" (capitalised, with its article).
 */
export function officeName(text: string, offset: number, m: Mention): string {
  let from = m.start - offset;
  const before = /(?:^|\s)(an?|the)\s+$/i.exec(text.slice(Math.max(0, from - 5), from));
  if (before && !/^(the|his|her|its|their)\s/i.test(m.text)) from -= before[0].trimStart().length;
  const name = text.slice(from, m.end - offset).replace(/['\u2019]s$/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A page heading glued to the first sentence by scraping ("…with Turkish PresidentAyatollah
 * Khamenei met…"): the paragraph starts after the heading when it repeats an earlier line, or
 * the heading is split off the first line (and returned: the title, when nothing else is).
 */
export function unglueHeadings(paras: Paragraph[]): string | null {
  const first = paras[0];
  if (first && !paras.slice(1, 6).some((p) => first.text.startsWith(p.text))) {
    const k = gluedHeadingEnd(first.text);
    if (k > 0) {
      // The heading becomes its own paragraph (same number and line: one line of the file).
      paras.splice(0, 1, { ...first, end: first.start + k, text: first.text.slice(0, k) });
      paras.splice(1, 0, { ...first, start: first.start + k, text: first.text.slice(k) });
      return first.text.slice(0, k);
    }
  }
  const heads = paras.slice(0, 6).filter((p) => p.text.length >= 12 && p.text.length <= 200);
  for (const p of paras.slice(0, 12)) {
    for (const h of heads) {
      if (h === p || p.text.length <= h.text.length + 20 || !p.text.startsWith(h.text)) continue;
      const k = h.text.length;
      if (!/\p{L}/u.test(p.text[k] ?? '') || !/\p{Lu}/u.test(p.text[k] ?? '')) continue;
      p.start += k;
      p.text = p.text.slice(k);
      break;
    }
  }
  return null;
}

const TERMINAL_END = /[.!?:;"\u201d)\]]$/;
// A capitals label ("MR. KOHN.", "CHAIR:"), but not a dotted acronym opening a line ("D.A.R.E. program").
const BLOCK_START =
  /^(?:[-*\u2022]\s|\(?\d+[.)]\s|\(?[a-z][.)]\s|(?!(?:[A-Z]\.){2,})[A-Z][A-Z .'-]+[.:](?:\s|$))/;

/**
 * Typed pages and scans are hard-wrapped: a sentence runs over several lines. When a document
 * is written that way (many lines stop mid-sentence and go on in lower case on the next), lines
 * are joined back into paragraphs; a blank line, a short line that ends a sentence, an indented
 * line, a list item or a heading still starts a new one.
 */
export function joinWrappedLines(
  text: string,
  paras: Paragraph[],
  startsBlock: (line: string) => boolean,
): Paragraph[] {
  // Typed pages are sometimes double-spaced: then one blank line separates wrapped lines.
  const spacing = paras.length < 4 ? -1 : wrappedSpacing(paras);
  if (spacing < 0) return paras;
  const lengths = paras.map((p) => p.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  const out: Paragraph[] = [];
  const firstN = paras[0]?.n ?? 1;
  for (const p of paras) {
    const prev = out[out.length - 1];
    const join =
      prev &&
      p.line === prev.line + lineCount(prev.text) + spacing &&
      !BLOCK_START.test(p.text) &&
      !startsBlock(p.text) &&
      indentOf(text, p.start) <= indentOf(text, prev.start) + 1 &&
      // A wrapped line runs (nearly) to the margin; a short one ends its paragraph or heading.
      lastLineLength(prev.text) >= width * 0.6 &&
      (!TERMINAL_END.test(prev.text) ||
        (lastLineLength(prev.text) >= width * 0.85 && !/:$/.test(prev.text)));
    if (join) {
      prev.end = p.end;
      prev.text = text.slice(prev.start, p.end);
    } else out.push({ ...p, n: firstN + out.length });
  }
  return out;
}

/** Blank lines between the lines of a wrapped paragraph (0 or 1), or -1 when not wrapped. */
function wrappedSpacing(paras: Paragraph[]): number {
  for (const spacing of [0, 1]) {
    let pairs = 0;
    let wrapped = 0;
    for (let k = 1; k < paras.length; k++) {
      const a = paras[k - 1] as Paragraph;
      const b = paras[k] as Paragraph;
      if (b.line !== a.line + 1 + spacing || a.text.length < 30) continue;
      pairs++;
      if (!TERMINAL_END.test(a.text) && /^[\p{Ll}\d(]/u.test(b.text)) wrapped++;
    }
    if (wrapped >= 3 && wrapped >= pairs * 0.25) return spacing;
  }
  return -1;
}

function lineCount(s: string): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function lastLineLength(s: string): number {
  return s.length - s.lastIndexOf('\n') - 1;
}

function indentOf(text: string, start: number): number {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return start - i;
}

const ROSTER =
  /^(?:[\p{L}.'\u2019-]+\s+){0,3}?(?:present|absent|excused|in attendance|attending|attendees|guests|visitors|staff|members|others)(?:\s+were)?\s*:/iu;

/** "Present: …", "Staff: …", "Absent: …": who attended, not a speaker's label. */
export function isRosterLine(line: string): boolean {
  return ROSTER.test(line);
}

/** Field names of minutes and memos: "MOTION:", "Action:", "Old Business:", "TO:", "Re:". */
const FIELD_WORDS = new Set(
  (
    'present absent excused attending attendance attendees guests visitors staff others motion motions ' +
    'action actions vote votes result results resolved resolution recommendation recommendations ' +
    'discussion decision decisions item items agenda subject re to from cc date time place location ' +
    'minutes adjournment adjourned business comment comments announcements reports report ' +
    'correspondence communications summary purpose attachments enclosures next follow-up order call ' +
    'meeting introductions goals issues questions topics review presentation proposal proposals ' +
    'conclusion conclusions findings other approval approvals'
  ).split(' '),
);

const AGENDA_WORDS = new Set(
  'report reports business minutes agenda adjournment announcements communications correspondence discussion recommendations resolution motion items comments session meeting hearing'.split(
    ' ',
  ),
);

/** Offices that head a one-name field ("Chair: Ald. Okafor", "Recorder: K. Pike"). */
const FIELD_OFFICES = new Set([
  'chair',
  'chairman',
  'chairperson',
  'presiding',
  'recorder',
  'secretary',
]);

/**
 * A record field rather than a speaker's label: "MOTION: To approve …", "Old Business:",
 * "Present: …", "Chair: Ald. Okafor". Transcripts never put these words in a speaker label.
 */
export function isRecordField(line: string): boolean {
  // "REPORT OF THE CITY MANAGER", "NEW BUSINESS": a capitalised agenda heading, not a speaker.
  if (line.length <= 80 && !/\p{Ll}/u.test(line)) {
    const words = line.toLowerCase().split(/[^a-z-]+/);
    if (words.some((w) => AGENDA_WORDS.has(w))) return true;
  }
  // Every other field ends its name with a colon near the start (checked first: this runs often).
  const colon = line.indexOf(':');
  if (colon < 0 || colon > 60) return false;
  if (ROSTER.test(line)) return true;
  const m = /^[*_\s]*([^:\n]{1,50}?)[*_\s]*:/.exec(line);
  if (!m || !m[1]) return false;
  const words = m[1]
    .toLowerCase()
    .replace(/^\d+[.)]\s*/, '')
    .split(/\s+/);
  if (words.length > 5 || words.some((w) => isHonorific(w.replace(/\.$/, '')))) return false;
  const last = words[words.length - 1] ?? '';
  if (FIELD_WORDS.has(last)) return true;
  // "Chair: Ald. Okafor" names who chaired; "CHAIR: Welcome, everyone." is someone speaking.
  const rest = line.slice(m[0].length).trim();
  return (
    words.length === 1 &&
    FIELD_OFFICES.has(last) &&
    rest.split(/\s+/).length <= 5 &&
    !/[.!?]$/.test(rest.replace(/\b(?:Mr|Mrs|Ms|Dr|Ald|Rev)\.$/, ''))
  );
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const MONTH_DATE = `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4})`;
const MINUTES_TITLE = new RegExp(
  `(?:(?:Adopted|Approved|Draft|Unapproved|Official)\\s+)?Minutes\\b(?:(?!Minutes)[^.\\n]){0,80}?${MONTH_DATE}`,
);
const MEETING_WORDS =
  /\b(?:MINUTES|MEETING|TASK FORCE|COMMITTEE|COUNCIL|COMMISSION|BOARD|SESSION)\b/;

/**
 * The title of minutes: "Adopted Minutes Regular Council Meeting July 9, 2002" (inside a scraped
 * line, or the whole line when short) wins over a later title line; else the title found, else the
 * capitalised heading lines of a typed page ("MINUTES / SPECIAL TASK FORCE ON YOUTH SERVICES").
 */
export function minutesTitle(
  paras: Paragraph[],
  titleIdx: number,
  title: string | null,
): string | null {
  const last = titleIdx < 0 ? 5 : Math.min(titleIdx, 5);
  for (const p of paras.slice(0, last + 1)) {
    const m = MINUTES_TITLE.exec(p.text.slice(0, 600));
    if (m) return (p.text.length <= 150 ? p.text : m[0]).replace(/\s+/g, ' ').trim();
  }
  if (title) return title;
  const caps: string[] = [];
  for (const p of paras.slice(0, 6)) {
    const isCaps = p.text.length <= 80 && /\p{Lu}{2}/u.test(p.text) && !/\p{Ll}/u.test(p.text);
    if (isCaps) caps.push(p.text.trim());
    else if (caps.length) break;
  }
  const heading = caps.join(' ').replace(/\s+/g, ' ');
  return MEETING_WORDS.test(heading) ? heading : null;
}

const ROSTER_TITLES =
  /^(?:(?:mr|mrs|ms|dr|rev|ald|alderman|aldermen|alderwoman|councillors?|councilmembers?|councilors?|commissioners?|trustees?|members?)\.?\s+)+/i;

/**
 * The people a roster line lists, without their titles: "Present: Ald. Okafor (Chair), Lanyon,
 * J. Reyes" → Okafor, Lanyon, J. Reyes. Descriptions ("Director of Planning") are left out.
 */
export function rosterNames(
  line: string,
): { name: string; present: boolean; office: string | null }[] {
  const colon = line.indexOf(':');
  const m = colon > 0 && colon <= 60 ? ROSTER.exec(line) : null;
  if (!m) return [];
  const present = !/absent|excused/i.test(m[0]);
  const out: { name: string; present: boolean; office: string | null }[] = [];
  for (const raw of line.slice(m[0].length).split(/[,;]|\band\b/)) {
    // "Okafor (Chair)": the office in brackets is what "the Chair" means later.
    const bracket = /\(([^)]{2,40})\)/.exec(raw)?.[1]?.trim() ?? '';
    const office = bracket.split(/\s+/).some((w) => isHeadTitle(w.toLowerCase())) ? bracket : null;
    const item = raw
      .replace(/\([^)]*\)?/g, ' ')
      .trim()
      .replace(/[.]$/, '')
      .replace(ROSTER_TITLES, '');
    if (!/^(?:\p{Lu}[\p{L}'\u2019-]*\.?\s+){0,2}\p{Lu}[\p{L}'\u2019-]+$/u.test(item)) continue;
    const words = item.toLowerCase().split(/\s+/);
    if (words.some((w) => isHeadTitle(w) || isHonorific(w.replace(/\.$/, '')))) continue;
    out.push({ name: item, present, office });
  }
  return out;
}

/** Words a glued first sentence starts with ("…PresidentThe Leader…", "…PresidentAyatollah…"). */
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'during', 'his', 'her']);

/**
 * Where a heading glued to the first sentence ends: a lower-case letter directly followed by a
 * capitalised opener or title ("…Westholm's PresidentThe Leader received…"), after a few heading
 * words without sentence punctuation. 0 when there is none.
 */
function gluedHeadingEnd(text: string): number {
  const re = /\p{Ll}(\p{Lu}\p{Ll}+)/gu;
  for (let m = re.exec(text); m && m.index < 160; m = re.exec(text)) {
    const k = m.index + 1;
    const head = text.slice(0, k);
    const words = head.split(/\s+/).length;
    if (words < 3 || words > 16 || /[.!?:;]/.test(head)) continue;
    const w = (m[1] ?? '').toLowerCase();
    if (SENTENCE_OPENERS.has(w) || isHonorific(w) || isHeadTitle(w)) return k;
  }
  return 0;
}

const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);

/**
 * "Councillor Brown was thanked for …", "the Mayor was asked to …": the speaker is the one
 * spoken to, not the one speaking. `from` is the token after the subject.
 */
export function isPassiveAfter(tokens: Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && (tokens[k] as Token).low === 'also') k++;
  if (!BE.has(tokens[k]?.low ?? '') && tokens[k]?.low !== 'has' && tokens[k]?.low !== 'had')
    return false;
  if (!BE.has(tokens[k]?.low ?? '')) {
    // "has been asked"
    k++;
    if (tokens[k]?.low !== 'been') return false;
  }
  k++;
  while (k < tokens.length && ADVERB_SKIP.has((tokens[k] as Token).low)) k++;
  const v = tokens[k]?.low ?? '';
  return /ed$/.test(v) || PARTICIPLES.has(v);
}

const PARTICIPLES = new Set(['told', 'given', 'shown', 'taken', 'brought', 'sent', 'quoted']);

/** The pronoun a form of address tells: "Mr. Pike" → he, "Ms. Reyes" → she. */
export function pronounOf(mention: string): 'he' | 'she' | undefined {
  // Only forms of address that tell (not "Alderman" or "Chairman", which women hold too).
  const w = /^(\p{L}+)/u.exec(mention)?.[1]?.toLowerCase() ?? '';
  if (HE.has(w)) return 'he';
  if (SHE.has(w)) return 'she';
  return undefined;
}

const HE = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'brother']);
const SHE = new Set([
  'ms',
  'mrs',
  'miss',
  'madam',
  'madame',
  'dame',
  'lady',
  'queen',
  'princess',
  'sister',
]);
