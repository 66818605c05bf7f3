// Meeting notes in Markdown (open-source project minutes): "* Rod: …" and "- @handle: …" bullets
// are what that person said, sub-bullets go on with the speaker above, an attendance list maps
// first names, handles and initials to one person, and headings, agenda and action items are not
// speech.
import type { Block, ReadResult, Reader } from './types.js';
import { findDate } from '../header.js';
import { FIELD_LABELS } from './field-labels.js';
import { trimmed } from './lines.js';
import { BULLET, RULE, readItems, stripMarkup } from './markdown-items.js';
import type { Item } from './markdown-items.js';

/** A bullet's speaker: the label's offsets in the file and the person it names. */
interface Labelled {
  at: number;
  speechAt: number;
  label: string;
}

/** "Rod:", "**Rod Vagg**:", "@rvagg:" at the start of a bullet: a possible speaker label. */
const LABEL =
  /^(?:\*\*|__)?(@?[\p{L}][\p{L}\p{N}'’._-]*(?:[ ][\p{L}][\p{L}\p{N}'’._-]*){0,3}?)(?:\*\*|__)?[ ]?:(?:\*\*|__)?(?=[ \t]|$)/u;
/** A bullet that opens with a name and then a verb: "William Kapke made suggestions …". */
const NAME_THEN_WORD =
  /^(@[\w-]+|[\p{Lu}][\p{L}'’.-]+(?:[ ][\p{Lu}][\p{L}'’.-]+){0,2})[ ]+([a-z]+)\b/u;

/** Verbs that report speech: a bullet "Name <verb> …" is a paraphrase of that person. */
const REPORTING = new Set(
  (
    'said says noted notes asked asks suggested suggests commented comments explained explains ' +
    'proposed proposes raised raises mentioned mentions reiterated reiterates agreed agrees ' +
    'disagreed disagrees argued argues stated states expressed expresses reported reports ' +
    'described describes presented presents pointed wondered wonders thinks thought felt feels ' +
    'believes believed made gave shared shares offered offers objected objects clarified ' +
    'clarifies questioned emphasised emphasized stressed stresses highlighted highlights added ' +
    'adds replied replies responded responds answered summarised summarized recommended ' +
    'recommends requested requests warned warns confirmed confirms indicated indicates cautioned ' +
    'observed remarked talked spoke updated demoed walked brought'
  ).split(' '),
);
/** Words that open a task, not a statement: "Rod: open an issue", "* Ana: review the PR". */
const IMPERATIVE = new Set(
  (
    'open create file send chase write review update schedule draft investigate check reach ' +
    'contact fix merge land submit prepare organise organize publish post add remove find ' +
    'ping email book coordinate circulate confirm finalise finalize follow ask look set move ' +
    'start kick put to tbd todo'
  ).split(' '),
);
/** Capitalised words that open a sentence but never a person's name. */
const NOT_NAMES = new Set(
  'the a an this that these those we our us it its they their he she his her everyone everybody all some someone nobody members group there here i you'.split(
    ' ',
  ),
);
/** In notes these head a field ("* Chair: Ana Lima", "* Question: …"), not what someone said. */
const NOTES_FIELDS = new Set(
  'chair host moderator facilitator question questions answer'.split(' '),
);
/** Speech shorter than this many words keeps its label: "NodeConf." alone says nothing. */
const MIN_BARE_WORDS = 3;

export const markdownNotesReader: Reader = {
  name: 'markdown-notes',
  accepts(text, file) {
    if (/\.(vtt|srt|html?|json|csv|tsv)$/i.test(file)) return false;
    return looksLikeNotes(text);
  },
  read(text) {
    const out: ReadResult = { reader: 'markdown-notes', blocks: [], warnings: [] };
    const items = readItems(text);
    const people = learnPeople(text, items);
    let seenSpeech = false;
    // The heading a statement falls under is its topic: search and the context view show it.
    let topic = '';
    // Open bullets, outermost first: a sub-bullet goes on with the speaker of the one above.
    const stack: { level: number; label: string | null; kind: 'turn' | 'paraphrase' }[] = [];
    for (const it of items) {
      if (it.type === 'heading') {
        stack.length = 0;
        // The first-level heading is the meeting's title, not a topic.
        topic = it.level > 1 ? stripMarkup(text.slice(it.start, it.end)) : '';
        continue;
      }
      if (it.type === 'para') stack.length = 0;
      while (stack.length && (stack[stack.length - 1]?.level ?? 0) >= it.level) stack.pop();
      const parent = it.type === 'bullet' ? stack[stack.length - 1] : undefined;
      const body = text.slice(it.start, it.end);
      let block: Block | null = null;
      let kind: 'turn' | 'paraphrase' = 'turn';
      if (it.section === 'minutes') {
        const lab = it.type === 'bullet' ? labelOf(text, it, people) : null;
        if (lab) {
          if (!isTask(text.slice(lab.speechAt, it.end))) {
            const bare = wordCount(text.slice(lab.speechAt, it.end)) < MIN_BARE_WORDS;
            block = spanBlock(text, it, bare ? lab.at : lab.speechAt, lab.label);
          }
        } else if (it.type === 'bullet' && !isTask(body) && !namesATask(body)) {
          const said = reportedBy(body, people);
          if (said) {
            block = spanBlock(text, it, it.start, said);
            kind = 'paraphrase';
          } else if (parent && parent.label !== null) {
            block = spanBlock(text, it, it.start, parent.label);
            kind = parent.kind;
          } else if (seenSpeech && isGroupNote(body)) block = spanBlock(text, it, it.start, null);
        } else if (it.type === 'para' && seenSpeech && isGroupNote(body))
          block = spanBlock(text, it, it.start, null);
      }
      if (block) {
        if (kind === 'paraphrase') block.kind = 'paraphrase';
        if (topic) block.context = topic;
        if (block.label !== null) seenSpeech = true;
        out.blocks.push(block);
      }
      if (it.type === 'bullet')
        stack.push({ level: it.level, label: block?.label ?? null, kind: block ? kind : 'turn' });
    }
    if (!out.blocks.some((b) => b.label !== null)) out.blocks = [];
    out.present = [...new Set(people.attendees)];
    const head = titleAndDate(text, items);
    out.title = head.title;
    out.date = head.date;
    return out;
  },
};

/**
 * The notes shape: bullets are a large share of the lines and several open with a "Name:" label
 * that recurs. News and briefings in Markdown (front matter, then prose) have few bullets.
 */
function looksLikeNotes(text: string): boolean {
  const sample = text.slice(0, 30000);
  // Most reports have no bullet with a label at all: say so without splitting them into lines.
  if (!hasLabelledBullet(sample)) return false;
  let nonBlank = 0;
  let bullets = 0;
  let labelled = 0;
  const labels = new Map<string, number>();
  const lines = sample.split(/\r\n|\n|\r/);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) i = close + 1;
  }
  for (; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.trim() === '') continue;
    nonBlank++;
    const b = BULLET.exec(l);
    if (!b || RULE.test(l)) continue;
    bullets++;
    const m = LABEL.exec(l.slice(b[0].length));
    if (!m || !nameShaped(m[1] ?? '')) continue;
    labelled++;
    const key = (m[1] ?? '').toLowerCase();
    labels.set(key, (labels.get(key) ?? 0) + 1);
  }
  const recurring = [...labels.values()].some((n) => n >= 2);
  return (
    bullets >= 5 &&
    bullets >= nonBlank * 0.3 &&
    labelled >= 3 &&
    (recurring || labelled >= bullets * 0.5)
  );
}

const LABELLED_BULLET = /[ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]+\S[^:\n]{0,40}:/y;

/** Whether any line is a bullet with a colon near its start (a line scan: no regex per offset). */
function hasLabelledBullet(s: string): boolean {
  for (let at = 0; at < s.length;) {
    let i = at;
    while (s[i] === ' ' || s[i] === '\t') i++;
    const c = s.charCodeAt(i);
    // "*", "+", "-" or a digit opens a list item.
    if (c === 42 || c === 43 || c === 45 || (c >= 48 && c <= 57)) {
      LABELLED_BULLET.lastIndex = at;
      if (LABELLED_BULLET.test(s)) return true;
    }
    const nl = s.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return false;
}

/** Who the notes name: canonical full names and the short forms that point to each. */
interface People {
  attendees: string[];
  /** Lower-cased label ("rod", "@rvagg", "rv", "rod vagg") → the person's full name. */
  alias: Map<string, string>;
  /** Lower-cased bullet labels → how many bullets carry them. */
  labelCount: Map<string, number>;
}

/**
 * The attendance list (and full names used as labels) gives each person's full name; first names,
 * surnames, handles and initials that point to exactly one of them resolve to that name.
 */
function learnPeople(text: string, items: Item[]): People {
  const attendees: string[] = [];
  const handles = new Map<string, string>();
  const full = new Set<string>();
  const labelCount = new Map<string, number>();
  const multi = new Set<string>();
  for (const it of items) {
    if (it.type === 'heading') continue;
    const body = text.slice(it.start, it.end);
    if (it.section === 'attendance') {
      const entries = it.type === 'para' ? body.replace(/^[^:]{1,30}:/, '').split(/[,;]/) : [body];
      for (const e of entries) {
        const a = attendee(e);
        if (!a) continue;
        attendees.push(a.name);
        if (!a.name.startsWith('@')) full.add(a.name);
        if (a.handle) handles.set(a.handle.toLowerCase(), a.name);
      }
      continue;
    }
    if (it.type !== 'bullet' || it.section !== 'minutes') continue;
    const m = LABEL.exec(body);
    const label = m ? cleanName(m[1] ?? '') : '';
    if (!label || !nameShaped(label)) continue;
    labelCount.set(label.toLowerCase(), (labelCount.get(label.toLowerCase()) ?? 0) + 1);
    if (label.includes(' ')) multi.add(label);
  }
  // "Rod Vagg: …" once and "Rod: …" elsewhere: the full name is a person, not a topic.
  for (const label of multi) {
    const low = label.toLowerCase();
    const first = low.split(' ')[0] ?? '';
    if ((labelCount.get(low) ?? 0) >= 2 || labelCount.has(first)) full.add(label);
  }
  const alias = new Map<string, string>();
  const short = new Map<string, Set<string>>();
  const note = (key: string, name: string) => {
    const k = key.toLowerCase();
    if (!short.has(k)) short.set(k, new Set());
    short.get(k)?.add(name);
  };
  for (const name of full) {
    const words = name.split(' ');
    note(words[0] ?? name, name);
    note(words[words.length - 1] ?? name, name);
    if (words.length >= 2) note(words.map((w) => w[0] ?? '').join(''), name);
  }
  for (const [k, names] of short) if (names.size === 1) alias.set(k, [...names][0] as string);
  for (const name of full) alias.set(name.toLowerCase(), name);
  for (const [h, name] of handles) {
    alias.set(h, name);
    alias.set(h.replace(/^@/, ''), name);
  }
  return { attendees, alias, labelCount };
}

/** "Rod Vagg (@rvagg) (TSC)" → Rod Vagg, @rvagg; "@jane" → @jane. */
function attendee(entry: string): { name: string; handle: string | null } | null {
  const s = stripMarkup(entry);
  const handle = /@[A-Za-z0-9][\w-]*/.exec(s)?.[0] ?? null;
  const bare = s
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s[-–—|]\s.*$/, '')
    .trim();
  const m =
    /^[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|van|von|de|da|del|der|la|le|di|bin))*/u.exec(
      bare,
    );
  const name = m ? m[0].replace(/\s+/g, ' ') : (handle ?? '');
  if (!name || name.split(' ').length > 5) return null;
  return { name, handle };
}

/** The speaker label of a bullet, when it names a person of the notes. */
function labelOf(text: string, it: Item, people: People): Labelled | null {
  const body = text.slice(it.start, it.end);
  const m = LABEL.exec(body);
  if (!m) return null;
  const raw = cleanName(m[1] ?? '');
  const resolved =
    people.alias.get(raw.toLowerCase()) ?? people.alias.get(raw.replace(/^@/, '').toLowerCase());
  const recurs = (people.labelCount.get(raw.toLowerCase()) ?? 0) >= 2;
  // A label the attendance list does not name must recur (or be a handle): "Release Plan:" once
  // is a topic, not a person.
  if (!resolved && !(nameShaped(raw) && (recurs || raw.startsWith('@')))) return null;
  const speech = trimmed(text, it.start + m[0].length, it.end);
  if (speech.end <= speech.start) return null;
  return {
    at: it.start + Math.max(0, m[0].indexOf(m[1] ?? '')),
    speechAt: speech.start,
    label: resolved ?? raw,
  };
}

/** "William Kapke made suggestions …" → William Kapke, when the name is a person's. */
function reportedBy(body: string, people: People): string | null {
  const m = NAME_THEN_WORD.exec(body);
  if (!m) return null;
  const name = m[1] ?? '';
  if (!REPORTING.has(m[2] ?? '')) return null;
  if (NOT_NAMES.has((name.split(' ')[0] ?? '').toLowerCase())) return null;
  const resolved = people.alias.get(name.toLowerCase());
  if (resolved) return resolved;
  if (name.startsWith('@')) return name;
  return name.includes(' ') && personLike(name) ? name : null;
}

/** "Michael to start a new issue", "@rvagg will follow up": an assignment, not speech. */
function namesATask(body: string): boolean {
  return /^(?:@[\w-]+|[\p{Lu}][\p{L}'’.-]*(?:[ ][\p{Lu}][\p{L}'’.-]*)?)(?:(?:,| and| &)[ ]+(?:@[\w-]+|[\p{Lu}][\p{L}'’.-]*))*[ ]+(?:to|will|should)[ ]+[a-z]/u.test(
    body,
  );
}

/** A checkbox or an imperative: "[ ] ship it", "open an issue for the docs". */
function isTask(speech: string): boolean {
  const s = speech.trim();
  if (/^\[[ xX]?\]/.test(s)) return true;
  const words = s.toLowerCase().split(/\s+/);
  const first = (words[0] ?? '').replace(/[^a-z-]/g, '');
  if (!IMPERATIVE.has(first)) return false;
  return !/^(of|is|was|went|from|has|had|were|are|and)$/.test(words[1] ?? '');
}

/** An unlabelled note worth keeping as a statement of the group: a sentence, not a list entry. */
function isGroupNote(body: string): boolean {
  const s = body.trim();
  return wordCount(s) >= 4 && !/:\s*$/.test(s);
}

function spanBlock(text: string, it: Item, from: number, label: string | null): Block | null {
  const span = trimmed(text, from, it.end);
  if (span.end <= span.start) return null;
  return { start: span.start, end: span.end, line: it.line, label };
}

/** "Rod", "Rod Vagg", "@rvagg", "RV": words that each start with a capital, or a handle. */
function nameShaped(label: string): boolean {
  if (/^@[\w.-]+$/.test(label)) return true;
  const words = label.split(' ');
  const first = (words[0] ?? '').toLowerCase();
  return (
    words.length <= 3 &&
    words.every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w)) &&
    !NOT_NAMES.has(first) &&
    !FIELD_LABELS.has(first) &&
    !NOTES_FIELDS.has(first)
  );
}

/** A name of a person rather than an acronym or a topic: each word capitalised, not all capitals. */
function personLike(name: string): boolean {
  return name.split(' ').every((w) => /^[\p{Lu}][\p{Ll}'’.-]+$/u.test(w));
}

function cleanName(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The first heading is the title; its date (or a "Date:" line near the top) is the date. */
function titleAndDate(text: string, items: Item[]): { title: string | null; date: string | null } {
  const first = items.find((it) => it.type === 'heading');
  const title = first ? stripMarkup(text.slice(first.start, first.end)) || null : null;
  let date = title ? findDate(title) : null;
  if (!date) {
    for (const it of items.slice(0, 40)) {
      const s = stripMarkup(text.slice(it.start, it.end));
      if (/^(?:date|meeting|when|held)\b[^:]{0,20}:/i.test(s)) {
        date = findDate(s);
        if (date) break;
      }
    }
  }
  return { title, date };
}
