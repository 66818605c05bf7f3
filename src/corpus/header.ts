// What surrounds the statements: YAML front matter, page noise (site menus, timestamps),
// transcript speaker labels, and the title and date of a report.
import * as chrono from 'chrono-node';
import { parse as parseYaml } from 'yaml';
import { HEAD_TITLES, HONORIFICS } from './mentions.js';
import { MONTH_NAMES } from './months.js';

export interface FrontMatterParticipant {
  name: string;
  aliases: string[];
  role: string | null;
}

export interface FrontMatter {
  title: string | null;
  date: string | null;
  source: string | null;
  participants: FrontMatterParticipant[];
  /** Offset where the body starts, and its first line number. */
  bodyStart: number;
  bodyLine: number;
  problems: { line: number; message: string }[];
}

/** Reads `---` YAML front matter at the top of a file, if any. Never throws. */
export function readFrontMatter(text: string): FrontMatter {
  const empty: FrontMatter = {
    title: null,
    date: null,
    source: null,
    participants: [],
    bodyStart: 0,
    bodyLine: 1,
    problems: [],
  };
  const m = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!m) return empty;
  const closeRe = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  closeRe.lastIndex = m[0].length - 1;
  const c = closeRe.exec(text);
  if (!c)
    return {
      ...empty,
      problems: [
        { line: 1, message: 'front matter starts with "---" but is never closed; read as text' },
      ],
    };
  const yamlText = text.slice(m[0].length, c.index);
  const bodyStart = c.index + c[0].length;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  const out: FrontMatter = { ...empty, bodyStart, bodyLine };
  let data: unknown;
  try {
    data = parseSimpleYaml(yamlText) ?? parseYaml(yamlText);
  } catch (err) {
    const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    out.problems.push({
      line: (line ?? 0) + 1,
      message: `front matter is not valid YAML (${firstLine(err)}); ignored`,
    });
    return out;
  }
  if (data === null || data === undefined) return out;
  if (typeof data !== 'object' || Array.isArray(data)) {
    out.problems.push({
      line: 2,
      message:
        'front matter should be a YAML mapping (title:, date:, source:, participants:); ignored',
    });
    return out;
  }
  const d = data as Record<string, unknown>;
  if (typeof d.title === 'string' && d.title.trim()) out.title = d.title.trim();
  if (d.date !== undefined && d.date !== null) {
    const iso = toIsoDate(d.date);
    if (iso) out.date = iso;
    else
      out.problems.push({
        line: lineOf(yamlText, 'date') + 1,
        message: `front matter date "${String(d.date)}" is not a date (use YYYY-MM-DD); ignored`,
      });
  }
  if (typeof d.source === 'string' && d.source.trim()) out.source = d.source.trim();
  const parts = d.participants ?? d.speakers;
  if (Array.isArray(parts)) {
    for (const p of parts) {
      if (typeof p === 'string' && p.trim())
        out.participants.push({ name: p.trim(), aliases: [], role: null });
      else if (p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string') {
        const q = p as { name: string; aliases?: unknown; role?: unknown };
        const aliases = Array.isArray(q.aliases)
          ? q.aliases
              .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
              .map((a) => a.trim())
          : typeof q.aliases === 'string'
            ? [q.aliases]
            : [];
        out.participants.push({
          name: q.name.trim(),
          aliases,
          role: typeof q.role === 'string' && q.role.trim() ? q.role.trim() : null,
        });
      } else
        out.problems.push({
          line: lineOf(yamlText, 'participants') + 1,
          message: 'a participant needs a name; skipped',
        });
    }
  } else if (parts && typeof parts === 'object') {
    for (const [name, v] of Object.entries(parts as Record<string, unknown>)) {
      const q = (v ?? {}) as { aliases?: unknown; role?: unknown };
      const aliases = Array.isArray(q.aliases)
        ? q.aliases.filter((a): a is string => typeof a === 'string')
        : [];
      out.participants.push({ name, aliases, role: typeof q.role === 'string' ? q.role : null });
    }
  }
  return out;
}

/**
 * The common front-matter shape (flat keys, a list of participants with scalar fields and
 * `[a, b]` alias lists) read without the full YAML parser, which is slow enough to dominate
 * loading thousands of Markdown files. Anything else returns undefined and goes to `yaml`.
 */
export function parseSimpleYaml(src: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let list: Record<string, unknown>[] | string[] | null = null;
  let item: Record<string, unknown> | null = null;
  let itemIndent = -1;
  for (const raw of src.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (indent === 0) {
      const m = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(body);
      if (!m) return undefined;
      const key = m[1] as string;
      if (m[2] === undefined || m[2] === '') {
        list = [];
        out[key] = list;
        item = null;
        continue;
      }
      const v = simpleScalar(m[2]);
      if (v === undefined) return undefined;
      out[key] = v;
      list = null;
      continue;
    }
    if (!list) return undefined;
    const dash = /^-\s+(.*)$/.exec(body);
    if (dash) {
      const rest = dash[1] as string;
      const kv = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(rest);
      if (kv) {
        item = {};
        (list as Record<string, unknown>[]).push(item);
        itemIndent = indent + 2;
        const v = kv[2] === undefined ? undefined : simpleValue(kv[2]);
        if (v === undefined) return undefined;
        item[kv[1] as string] = v;
      } else {
        const v = simpleScalar(rest);
        if (typeof v !== 'string') return undefined;
        (list as string[]).push(v);
        item = null;
      }
      continue;
    }
    if (!item || indent !== itemIndent) return undefined;
    const kv = /^([A-Za-z_][\w-]*):\s+(.*)$/.exec(body);
    if (!kv) return undefined;
    const v = simpleValue(kv[2] as string);
    if (v === undefined) return undefined;
    item[kv[1] as string] = v;
  }
  return out;
}

function simpleValue(v: string): string | string[] | undefined {
  const t = v.trim();
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) return undefined;
    const inner = t.slice(1, -1).trim();
    if (inner === '') return [];
    const parts: string[] = [];
    for (const p of inner.split(',')) {
      const x = simpleScalar(p.trim());
      if (typeof x !== 'string') return undefined;
      parts.push(x);
    }
    return parts;
  }
  return simpleScalar(t);
}

function simpleScalar(v: string): string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  if (t.startsWith('"')) return /^"[^"\\]*"$/.test(t) ? t.slice(1, -1) : undefined;
  if (t.startsWith("'")) return /^'[^']*'$/.test(t) ? t.slice(1, -1) : undefined;
  if (/^[[\]{}&*!|>%@`#,?-]/.test(t) || /\s#|:\s|:$/.test(t)) return undefined;
  if (/^(true|false|null|~|yes|no|on|off)$/i.test(t)) return undefined;
  return t;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

function lineOf(yamlText: string, key: string): number {
  const i = yamlText.split('\n').findIndex((l) => l.startsWith(key + ':'));
  return i < 0 ? 1 : i + 1;
}

export function toIsoDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return validYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return findDate(s);
}

function validYmd(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * chrono's strict English parsers for calendar dates only: the candidate is already a date
 * (found by DATE_RE), so weekday, time and relative parsers would only cost time.
 */
const DATE_PARSER = new chrono.Chrono({
  parsers: pickDateParsers(),
  refiners: chrono.strict.refiners,
});

function pickDateParsers() {
  const some = chrono.strict.parsers.filter((p) =>
    /MonthName|ISOFormat|YearMonthDay/.test(p.constructor.name),
  );
  return some.length >= 3 ? some : chrono.strict.parsers;
}

const MONTH_NUMBER = new Map(
  MONTH_NAMES.map((m) => m.toLowerCase()).flatMap(
    (m, i) =>
      [
        [m, i + 1],
        [m.slice(0, 3), i + 1],
      ] as [string, number][],
  ),
);

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_RE = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)?[\\s/.-]*(?:of\\s+)?${MONTH}[\\s/.,-]*\\d{4}|${MONTH}[\\s/.-]*\\d{1,2}(?:st|nd|rd|th)?,?[\\s/.-]*\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  'i',
);

/**
 * The first full calendar date (day, month and year) in a line. A cheap pattern finds the
 * candidate; chrono reads it, so only a few short strings per file ever reach chrono.
 */
export function findDate(line: string): string | null {
  const m = DATE_RE.exec(line);
  if (!m) return null;
  const candidate = m[0].replace(/[/]/g, ' ').replace(/\s+/g, ' ').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(candidate);
  if (iso) return validYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // The two everyday forms ("June 13, 2018", "13 June 2018") are read directly: a corpus of
  // thousands of reports would otherwise spend a noticeable share of its load time in chrono.
  const plain = /^(?:(\d{1,2}) ([A-Za-z]+)|([A-Za-z]+) (\d{1,2}),?) (\d{4})$/.exec(candidate);
  const month = plain ? MONTH_NUMBER.get((plain[2] ?? plain[3] ?? '').toLowerCase()) : undefined;
  if (plain && month) return validYmd(Number(plain[5]), month, Number(plain[1] ?? plain[4]));
  const r = DATE_PARSER.parse(candidate, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('day') || !r.start.isCertain('month'))
    return null;
  return validYmd(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
}

/** Whether most of a line is a date (a dateline such as "June 13, 2018, The Kremlin, Moscow"). */
export function isDateLine(line: string): boolean {
  const m = DATE_RE.exec(line);
  if (!m) return false;
  return (
    m[0].length >= line.replace(/[^\p{L}\p{N}]+$/u, '').length * 0.3 ||
    line.split(/\s+/).length <= 8
  );
}

const NOISE_EXACT =
  /^(view settings|font size:?|site colou?rs:?|images|settings|menu|main menu|search|share|print|print version|subscribe|skip to (main )?content|back to top|home|close|log ?in|sign in|sign up|accept( all)?( cookies)?|read more|related( news| articles| stories)?|text version|full version|listen|email|e-mail|twitter|facebook|telegram|instagram|youtube|whatsapp|rss|next|previous|prev|more|loading\.*|advertisement|top|contacts?|about( us)?|news|photos?|videos?|audio|documents?|transcripts|events|all news|open-menu|copy link|copied|font|a a a|the white house|office of the press secretary|for immediate release|briefings (&|and) statements|briefing room|speeches (&|and) remarks|press briefings|statements (&|and) releases|breadcrumb|skip to main|toggle navigation|navigation|publication status|persons|geography|topics|text version|direct link|see also|related materials|<…>|<\.\.\.>)$/i;

const LONG_NOISE =
  /^(official (web)?site of\b|©|\(c\)|copyright\b|all rights reserved|(tags?|keywords?|topics?|categories|category|share this|follow us|posted in)\s*:)/i;

/** Site furniture that is never part of a report: menus, breadcrumbs, logos, timestamps. */
export function isNoiseLine(line: string): boolean {
  const t = line.trim();
  if (!/\p{L}/u.test(t)) return !/\p{N}/u.test(t) || /^[\d\s:.\-/]+$/.test(t);
  if (t.length > 60) return LONG_NOISE.test(t);
  if (NOISE_EXACT.test(t)) return true;
  if (/^official (web)?site of\b/i.test(t)) return true;
  if (/^(select font|character spacing)\b/i.test(t)) return true; // a page's type settings
  if (/\s\/\s*$/.test(t) && t.split(/\s+/).length <= 6) return true; // breadcrumb "Transcripts /"
  if (/\b(logo|open-menu|close-menu|menu-toggle|cookie)\b/i.test(t) && t.split(/\s+/).length <= 6)
    return true;
  if (/^(end\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?\s?m\.?)?(\s+[a-z]{2,5})?\.?$/i.test(t)) return true; // "3:30 P.M. EDT"
  if (/^end$/i.test(t)) return true;
  if (/^(©|\(c\)|copyright\b|all rights reserved)/i.test(t)) return true;
  if (/^(tags?|keywords?|topics?|categories|category|share this|follow us|posted in)\s*:/i.test(t))
    return true;
  return false;
}

/** Whether a line marks the end of a transcript ("END 3:31 P.M. EDT"). */
export function isTranscriptEnd(line: string): boolean {
  return /^end\b/i.test(line.trim()) || /^\d{1,2}[:.]\d{2}\s*[ap]\.?\s?m\.?/i.test(line.trim());
}

/** Generic labels in transcripts: real turns, but not a named person. */
export const GENERIC_LABELS = new Set([
  'aide',
  'moderator',
  'participant',
  'reporter',
  'interviewer',
  'host',
  'audience',
  'audience member',
  'voice',
  'voices',
  'narrator',
  'journalist',
  'correspondent',
  'staff',
  'official',
  'senior administration official',
  'chair',
  'operator',
  'speaker',
  'member',
  'interpreter',
]);

/**
 * Questioner labels ("Q", "QUESTION:", "Questioner:"): generic too, and all one speaker named
 * "Q", since reports and readers call the asking reporter that whatever the label's spelling.
 */
export const QUESTIONER_LABELS = new Set(['q', 'question', 'questioner']);

/** The canonical name of whoever a questioner label introduces. */
export const QUESTIONER_NAME = 'Q';

/** Answer labels ("A:"): their turns have no named speaker. */
export const ANONYMOUS_LABELS = new Set(['a', 'answer']);

const LABEL_STOP = new Set(
  "related tags source sources note notes editor's update updated photo video read see also share contact email phone address date time location place subject topic keywords category categories attachment attachments file references editor editors posted published warning disclaimer transcript summary background agenda re fwd from to cc bcc sent".split(
    ' ',
  ),
);

export interface Label {
  /** The label as written, without markup or parenthetical ("PRESIDENT TRUMP"). */
  label: string;
  /** Index in the paragraph where the spoken text starts (paragraph length when alone). */
  textStart: number;
  caps: boolean;
}

const CAPS_LABEL =
  /^(?:\*\*|__)?([A-Z][A-Z'\u2019.-]*(?:[ \t]+(?:[A-Z][A-Z'\u2019.-]*|of|the|al-[A-Z][A-Z'\u2019-]*|de|von|van))*)(?:\*\*|__)?[ \t]*(\([^)]{1,60}\))?[ \t]*(?:\*\*|__)?:(?:\*\*|__)?(?=\s|$)/;
const NAME_LABEL =
  /^(?:\*\*|__)?(\p{Lu}[\p{L}'\u2019.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'\u2019.-]*|of|for|the|and|de|da|di|von|van|der|bin|ibn|al|el|la|le|du|al-\p{Lu}[\p{L}'\u2019-]*)){0,9})(?:\*\*|__)?[ \t]*(\([^)]{1,60}\))?[ \t]*(?:\*\*|__)?:(?:\*\*|__)?(?=\s|$)/u;
const Q_LABEL = /^Q(?:\.|:)?[ \t\u00a0]+(?=\S)/;
const ALONE_CAPS =
  /^(?:\*\*|__)?([A-Z][A-Z'\u2019.-]*(?:[ \t]+[A-Z][A-Z'\u2019.-]*){0,4})(?:\*\*|__)?$/;

export function hasTitleWord(label: string): boolean {
  return label
    .toLowerCase()
    .split(/[\s.]+/)
    .some((w) => HEAD_TITLES.has(w) || HONORIFICS.has(w));
}

/** A transcript speaker label at the start of a paragraph, if there is one. */
export function detectLabel(p: string, isKnownName: (label: string) => boolean): Label | null {
  // Cheap exits first: a label ends with a colon near the start, or is a short line, or "Q ".
  const colon = p.indexOf(':');
  if ((colon < 0 || colon > 140) && p.length > 60 && !p.startsWith('Q')) return null;
  const q = Q_LABEL.exec(p);
  if (q && !/^Q[.:]?\s+[a-z]/.test(p)) return { label: 'Q', textStart: q[0].length, caps: true };
  const c = CAPS_LABEL.exec(p);
  if (c && c[1]) {
    const label = c[1].trim().replace(/\.$/, '');
    const words = label.split(/\s+/);
    const letters = label.replace(/[^A-Z]/g, '').length;
    if (
      (letters >= 2 || label === 'Q' || label === 'A') &&
      words.length <= 8 &&
      !words.some((w) => LABEL_STOP.has(w.toLowerCase()))
    ) {
      return { label, textStart: skipSpace(p, c[0].length), caps: true };
    }
  }
  const n = NAME_LABEL.exec(p);
  if (n && n[1]) {
    const label = n[1].trim();
    const words = label.split(/\s+/);
    const lowWords = words.map((w) => w.toLowerCase().replace(/[.'\u2019]+$/, ''));
    if (lowWords.some((w) => LABEL_STOP.has(w))) return null;
    const last = words[words.length - 1] ?? '';
    if (!/^\p{Lu}/u.test(last)) return null;
    const ok =
      (words.length === 1 &&
        (GENERIC_LABELS.has(lowWords[0] ?? '') ||
          QUESTIONER_LABELS.has(lowWords[0] ?? '') ||
          ANONYMOUS_LABELS.has(lowWords[0] ?? '') ||
          isKnownName(label))) ||
      (words.length >= 2 &&
        (hasTitleWord(label) ||
          isKnownName(label) ||
          (words.length <= 4 && !lowWords.some((w) => COMMON_CAPS.has(w)))));
    if (ok) return { label, textStart: skipSpace(p, n[0].length), caps: false };
  }
  const a = ALONE_CAPS.exec(p);
  if (a && a[1] && (hasTitleWord(a[1]) || isKnownName(a[1])) && !/\d/.test(a[1])) {
    return { label: a[1].trim(), textStart: p.length, caps: true };
  }
  return null;
}

/** Capitalised words that begin headings and sentences rather than names. */
export const COMMON_CAPS = new Set(
  'the a an this that in on at for with by from to of and or but our my your their his her its we i you it they he she what why how when where who which meeting remarks statement press conference interview visit talks news report summary introduction conclusion part chapter section day morning afternoon evening session agenda minutes item official website welcome note'.split(
    ' ',
  ),
);

function skipSpace(p: string, i: number): number {
  while (i < p.length && /\s/.test(p[i] ?? '')) i++;
  return i;
}

/** A title candidate: a heading-like line (no sentence punctuation, some lower-case words). */
export function isTitleCandidate(line: string): boolean {
  const t = line.trim();
  if (/[.!?\u201d",:;]$/.test(t) && !/\b(?:[A-Z]\.|U\.S\.|U\.K\.)$/.test(t)) return false;
  if (/^\p{N}/u.test(t)) return false;
  // A quotation introduced mid-line ("..., she said, “We will") is body text, not a headline.
  if (/[,:]\s*[\u201c"]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 3 || words.length > 25) return false;
  if (!words.some((w) => /^\p{Ll}{2,}/u.test(w))) return false;
  if (isDateLine(t)) return false;
  return true;
}

/** A title taken from a heading: without its trailing date ("... - 5 /Mar/ 2017"). */
export function cleanTitle(t: string): string {
  let s = t
    .replace(/^#+\s*/, '')
    .replace(/\s*#+$/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
  const m = DATE_RE.exec(s);
  if (m && m.index > 0) {
    const before = s.slice(0, m.index).replace(/[\s\-\u2013\u2014,|:/(]+$/, '');
    const after = s.slice(m.index + m[0].length).replace(/^[\s)\]]+/, '');
    if (before.length >= 3 && after.length === 0) s = before;
  }
  return s.trim();
}
