// Transcripts whose turns open with a header of a name and a timestamp, then the turn's text:
// Otter ("Ana Ruiz  0:01", a line alone), Descript and others ("00:00:01 Ana Ruiz"), a bracketed
// name ("[Ana Ruiz] 10:02:11", alone or followed by the words as Zoom saves its captions), Rev
// ("Ana Ruiz (00:01):" alone, "Speaker 1 (00:00:01): text" inline), Sonix ("Speaker1: [00:00:05]
// text"), chats copied from Slack or Teams ("Ana Ruiz  9:02 AM", "[9:02 AM] Ana Ruiz"), and a
// PDF of any of them whose header line was joined to the turn's first line.
// Each paragraph of a turn is a block timed at its header. The header shape is learned from the
// file: one shape must recur, its labels must repeat (speakers take several turns; agenda items
// and news datelines do not) and most headers must be followed by text.
import type { Block, ReadResult, Reader } from './types.js';
import { cleanTitle, findDate, isTitleCandidate } from '../header.js';
import { labelParts, looksLikeName } from './label-parts.js';
import { clockOf, splitLines, trimmed } from './lines.js';
import type { Line } from './lines.js';

/** A name of one to six words: no brackets, colons or angle brackets in it. */
const NAME = String.raw`[^\s()\[\]<>:|]+(?: [^\s()\[\]<>:|]+){0,5}`;
/** A media offset ("0:01", "1:02:03", "00:00:01.5") or a time of day ("9:02 AM"). */
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;
/**
 * A time with seconds: the only time a time-first header without brackets may have ("10:02
 * Opening" is an agenda).
 */
const TIME_HMS = String.raw`\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?`;
/** A date a chat logger writes before the time in the brackets ("[2026-03-14 20:02]"). */
const DATE = String.raw`\d{4}-\d{2}-\d{2}|\d{1,2}[./-](?:\d{1,2}|[A-Za-z]{3})[./-]\d{2,4},?`;

interface Shape {
  name: string;
  re: RegExp;
  /** Group numbers of the label, the time (either group) and the inline text (0: none). */
  label: number;
  time: readonly number[];
  inline: number;
  /** Group number of a date beside the time, if the shape has one. */
  date?: number;
}

const SHAPES: readonly Shape[] = [
  // Otter, Slack: "Ana Ruiz  0:01" (two spaces or a tab between), "Ana Ruiz - 0:01", "Ana | 0:01".
  {
    name: 'name-time',
    re: new RegExp(
      String.raw`^[ \t]*(${NAME})(?:\t|[ \t]{2,}|[ \t]+[-–—|·•][ \t]+)(${TIME})[ \t]*$`,
    ),
    label: 1,
    time: [2],
    inline: 0,
  },
  // Descript: "00:00:01 Ana Ruiz", "[0:01] Ana Ruiz", "[9:02 AM] Ana Ruiz", "00:00:01 Ana: text",
  // "[2026-03-14 20:02] Ana Ruiz" (chat loggers).
  {
    name: 'time-name',
    re: new RegExp(
      String.raw`^[ \t]*(?:\[(?:(${DATE})[ \tT]+)?(${TIME})\]|(${TIME_HMS}))[ \t]+(${NAME})(?:[ \t]*:?[ \t]*$|:[ \t]+(\S.*)$)`,
    ),
    label: 4,
    time: [2, 3],
    inline: 5,
    date: 1,
  },
  // "[Ana Ruiz] 10:02:11" alone, or with the words after it (Zoom's saved captions).
  {
    name: 'bracket-name-time',
    re: new RegExp(
      String.raw`^[ \t]*\[(${NAME})\][ \t]+(${TIME})(?:[ \t]*:?[ \t]*$|[ \t]*:?[ \t]+(\S.*)$)`,
    ),
    label: 1,
    time: [2],
    inline: 3,
  },
  // Rev: "Ana Ruiz (00:01):" alone, "Speaker 1 (00:00:01): text" inline.
  {
    name: 'name-(time)',
    re: new RegExp(
      String.raw`^[ \t]*(${NAME})[ \t]*[([](${TIME})[)\]](?:[ \t]*:?[ \t]*$|[ \t]*:[ \t]+(\S.*)$)`,
    ),
    label: 1,
    time: [2],
    inline: 3,
  },
  // A PDF of any of the above, whose printed header line was joined to the turn's first line:
  // "Ana Ruiz 0:04 Evening, everyone." Only before a capital: a timeline in minutes goes on
  // with its sentence ("Mayor Varga 10:05 arrived and opened the meeting").
  {
    name: 'name time Text',
    re: new RegExp(String.raw`^[ \t]*(${NAME})[ \t]+(${TIME})[ \t]+([\p{Lu}"“‘'¿¡].*)$`, 'u'),
    label: 1,
    time: [2],
    inline: 3,
  },
  // Sonix and others: "Speaker1: [00:00:05] text", "Ana Ruiz: (00:05)".
  {
    name: 'name: [time]',
    re: new RegExp(String.raw`^[ \t]*(${NAME}):[ \t]*[([](${TIME})[)\]](?:[ \t]*$|[ \t]+(\S.*)$)`),
    label: 1,
    time: [2],
    inline: 3,
  },
];

/** An export's own closing line ("Transcribed by https://otter.ai"): no one's words. */
const FOOTER = /^(?:transcribed by\b|transcription by\b|end of transcript\b)/i;
/** Otter's label for a voice it could not tell apart: several people, so nobody by name. */
const UNKNOWN = /^unknown speaker$/i;
/** How much of the file the sniff looks at. */
const SNIFF = 8000;

interface Header {
  line: Line;
  label: string;
  rawTime: string;
  /** Offset of text on the header's own line, or null when the header is alone on it. */
  inline: number | null;
  /** The date written beside the time, if any. */
  date?: string;
}

export const timedTurnsReader: Reader = {
  name: 'timed-turns',
  accepts(text) {
    return learnShape(text) !== null;
  },
  read(text) {
    const out: ReadResult = { reader: 'timed-turns', blocks: [], warnings: [] };
    const shape = learnShape(text);
    if (!shape) return out;
    const lines = splitLines(text);
    const headers = new Map<number, Header>();
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as Line;
      const h = /\d:\d\d/.test(l.text) ? headerOf(l, shape) : null;
      if (h) headers.set(i, h);
    }
    // Lines were visited in order, so the first key is the first header.
    const first = headers.keys().next().value;
    if (first === undefined) return out;
    readFront(lines.slice(0, first), out);
    // A logger's dated stamps date the meeting, when the date reads one way only (ISO).
    const stamped = headers.get(first)?.date;
    if (!out.date && stamped && /^\d{4}-/.test(stamped)) out.date = findDate(stamped);
    let cur: { header: Header; time: string | null } | null = null;
    let para: { start: number; end: number; line: number } | null = null;
    const close = () => {
      if (cur && para) pushBlock(text, out, cur.header, cur.time, para);
      para = null;
    };
    for (let i = first; i < lines.length; i++) {
      const l = lines[i] as Line;
      const h = headers.get(i);
      if (h) {
        close();
        // Beside a date, "20:02" is a time of day; alone it is a recording's minutes and seconds.
        const dayTime = h.date !== undefined && /^\d{1,2}:\d{2}$/.test(h.rawTime);
        const time = clockOf(dayTime ? `${h.rawTime}:00` : h.rawTime);
        if (!time) out.warnings.push({ line: l.n, message: `unreadable turn time "${h.rawTime}"` });
        cur = { header: h, time };
        if (h.inline !== null) para = { start: h.inline, end: l.end, line: l.n };
        continue;
      }
      if (l.text.trim() === '') {
        close();
        continue;
      }
      if (para) para.end = l.end;
      else para = { start: l.start, end: l.end, line: l.n };
    }
    close();
    return out;
  },
};

/** The header shape this file's turns use, or null when the file is not this kind of record. */
function learnShape(text: string): Shape | null {
  const head = text.slice(0, SNIFF);
  // Cheap first (it runs for every prose file): three headers need three times.
  if ((head.match(/\d:\d\d/g)?.length ?? 0) < 3) return null;
  const lines = splitLines(head);
  // The last line may be cut by the sniff: leave it out unless it is the file's last.
  if (text.length > SNIFF) lines.pop();
  const nonEmpty = lines.filter((l) => l.text.trim() !== '').length;
  const timed: number[] = [];
  for (let i = 0; i < lines.length; i++) if (/\d:\d\d/.test((lines[i] as Line).text)) timed.push(i);
  let best: Shape | null = null;
  let bestCount = 0;
  for (const shape of SHAPES) {
    const found: { i: number; h: Header }[] = [];
    for (const i of timed) {
      const h = headerOf(lines[i] as Line, shape);
      if (h) found.push({ i, h });
    }
    if (found.length < 3 || found.length <= bestCount) continue;
    if (found.length < nonEmpty * 0.15) continue;
    // Speakers take several turns: some label comes back.
    const labels = new Set(found.map((f) => f.h.label));
    if (labels.size >= found.length) continue;
    // Most headers are followed by their text (inline, or on the next non-empty line), and
    // enough of those texts are sentences: an agenda's "Ana Ruiz  10:00 / Welcome and
    // introductions" names who presents what, it does not say it.
    const isHeader = new Set(found.map((f) => f.i));
    let withText = 0;
    let sentences = 0;
    for (const f of found) {
      let said: string | null = null;
      if (f.h.inline !== null) said = f.h.line.text.slice(f.h.inline - f.h.line.start);
      else {
        let j = f.i + 1;
        while (j < lines.length && (lines[j] as Line).text.trim() === '') j++;
        if (j < lines.length && !isHeader.has(j)) said = (lines[j] as Line).text;
      }
      if (said === null) continue;
      withText++;
      if (isSentence(said)) sentences++;
    }
    if (withText < found.length * 0.6 || sentences < withText * 0.4) continue;
    best = shape;
    bestCount = found.length;
  }
  return best;
}

/** Words someone says: punctuated as a sentence, or too long to be a heading. */
function isSentence(s: string): boolean {
  const t = s.trim();
  return /[.!?…"”’»)]$|[.!?]\s/.test(t) || t.split(/\s+/).length >= 8;
}

function headerOf(l: Line, shape: Shape): Header | null {
  if (l.text.length > 400) return null;
  const m = shape.re.exec(l.text);
  if (!m) return null;
  const label = (m[shape.label] ?? '').trim();
  const rawTime = (shape.time.map((g) => m[g]).find(Boolean) ?? '').trim();
  if (!looksLikeName(label) || !rawTime) return null;
  const said = shape.inline ? m[shape.inline] : undefined;
  const h: Header = {
    line: l,
    label,
    rawTime,
    inline: said ? l.start + l.text.length - said.length : null,
  };
  const date = shape.date ? m[shape.date] : undefined;
  if (date) h.date = date;
  return h;
}

function pushBlock(
  text: string,
  out: ReadResult,
  h: Header,
  time: string | null,
  para: { start: number; end: number; line: number },
): void {
  const span = trimmed(text, para.start, para.end);
  if (span.end <= span.start) return;
  if (FOOTER.test(text.slice(span.start, span.end))) return;
  const who = UNKNOWN.test(h.label) ? null : labelParts(h.label);
  const block: Block = {
    start: span.start,
    end: span.end,
    line: para.line,
    label: who?.label ?? null,
  };
  if (who?.role) block.role = who.role;
  if (who?.alias) block.alias = who.alias;
  if (time) block.time = time;
  out.blocks.push(block);
}

/** The lines before the first turn: a title ("Harbour committee call") and a date, if given. */
function readFront(lines: Line[], out: ReadResult): void {
  for (const l of lines.slice(0, 12)) {
    const t = l.text.trim();
    if (!t) continue;
    if (out.title === undefined && isTitleCandidate(t)) out.title = cleanTitle(t) || undefined;
    if (!out.date) {
      const d = findDate(t);
      if (d) out.date = d;
    }
  }
}
