// IRC logs ("[2024-01-09T17:03:19Z]<TAB><nick><TAB>text", "[12:01:05] <nick> text",
// "12:01 < nick> text" as irssi writes it, "2024-05-03 12:01:05 <nick> text", WeeChat's
// "2024-05-03 12:01:05<TAB>nick<TAB>text"): typed lines are messages of their nick; a relay nick
// (a live transcriber or scribe, "<Transcriber> Ana_Ruiz: text") speaks for others, and a
// speaker's consecutive relayed lines join into one turn. IRC commands, bot chatter and the
// client's joins and quits are furniture.
import type { Block, ReadResult, Reader } from './types.js';
import { findDate } from '../header.js';
import { labelParts } from './label-parts.js';
import { splitLines, toClock, trimmed } from './lines.js';
import type { Line } from './lines.js';

const LOG_LINE =
  /^\s*(?:\[([^\]\r\n]{4,40})\]|(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?|\d{1,2}:\d{2}(?::\d{2})?))\s*<[@+%~&]?\s*([^<>\s](?:[^<>\r\n]{0,100}?))\s*>[ \t]?(.*)$/;
/** WeeChat: "2024-05-03 10:02:11<TAB>nick<TAB>text"; joins and quits have "-->", "<--" as nick. */
const WEECHAT_LINE =
  /^(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2})\t[@+%~&]?([A-Za-z[\]\\`_^{|}][^\t\s]{0,59})\t(.*)$/;
/** The client's own lines, nobody's words: joins, quits, topic changes, "--- Log opened …". */
const EVENT_LINE =
  /^\s*(?:---\s|(?:\[[^\]\r\n]{4,40}\]|\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{2}(?::\d{2})?)\s*(?:-!-|\*\*\*|-->|<--|--|\*|=!=)\s)/;
/** irssi's "--- Log opened Fri May 03 10:00:00 2024" and "--- Day changed Sat May 04 2024". */
const LOG_OPENED =
  /^---\s+(?:Log opened|Day changed)\s+\w{3},?\s+(\w{3})\s+(\d{1,2}),?\s+(?:\d{1,2}:\d{2}:\d{2}\s+)?(\d{4})/m;
/** "Ana_Ruiz: text" on a relay nick's line: who is speaking. */
const RELAYED = /^([^\s:][^:\r\n]{0,60}?):\s+/u;
const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)/;
/** Queue, attendance and scribe commands ("present+", "q+ to ask", "ack ana", "scribe: x"). */
const COMMAND =
  /^(?:(?:present|regrets|q|queue|scribe|scribenick|chair|agenda)\s*[-+?=]|ack\b|q\?$)/i;
/** Minute-taking headers: not anyone's words. */
const HEADER =
  /^(?:meeting|topic|subtopic|agenda|chairs?|scribe|scribenick|date|present|regrets|minutes|log|audio|slideset|resolved|resolution|action|proposed|proposal|previous meeting|next meeting)\s*:/i;
/** Bots of meeting channels and lines addressed to them ("zakim, close the queue"). */
const BOT = /^(?:zakim|rrsagent|trackbot|agendabot|github-bot|ghurlbot|\w*bot)$/i;
const TO_BOT = /^(?:zakim|rrsagent|trackbot|agendabot|github-bot|ghurlbot|\w*bot)\s*[,:]/i;
/** Scribe corrections: "s/old/new/", "i/before/inserted/". */
const CORRECTION = /^[si]\/.*\/.*\/?g?$/;
const PRESENT = /^present\s*\+/i;
/** Nicks that name the job of relaying others' words. */
const RELAY_NICK = /transcri|scribe|caption/i;

interface LogLine {
  line: Line;
  time: string | null;
  date: string | null;
  nick: string;
  /** Offset of the message text (`body`, trimmed). */
  from: number;
  body: string;
}

export const ircReader: Reader = {
  name: 'irc',
  accepts(text) {
    const sample = splitLines(text.slice(0, 4000)).filter((l) => l.text.trim() !== '');
    const logged = sample.filter((l) => LOG_LINE.test(l.text) || WEECHAT_LINE.test(l.text)).length;
    // A busy channel's log is mostly joins and quits: they show it is a log, but only
    // messages make it one.
    const events = sample.filter((l) => EVENT_LINE.test(l.text)).length;
    return logged >= 3 && logged + events >= sample.length * 0.3;
  },
  read(text) {
    const out: ReadResult = { reader: 'irc', blocks: [], warnings: [] };
    const lines = readLogLines(text);
    const relays = learnRelays(lines);
    const present = new Set<string>();
    let relayed: Block | null = null;
    for (const l of lines) {
      if (PRESENT.test(l.body)) for (const label of presentLabels(l, relays)) present.add(label);
      if (HEADER.test(l.body)) readHeader(l, out);
      if (isFurniture(l)) continue;
      if (relays.has(l.nick)) {
        relayed = relayLine(text, l, relayed, out);
        continue;
      }
      relayed = null;
      const span = trimmed(text, l.from, l.line.end);
      out.blocks.push(block(span, l, labelParts(cleanNick(l.nick))));
    }
    out.present = [...present];
    // A log stamped with full dates dates its meeting even without a "Meeting:" line.
    out.date ??= lines.find((l) => l.date)?.date ?? openedDate(text);
    return out;
  },
};

function readLogLines(text: string): LogLine[] {
  const out: LogLine[] = [];
  for (const line of splitLines(text)) {
    const m = LOG_LINE.exec(line.text);
    const w = m ? null : WEECHAT_LINE.exec(line.text);
    if (!m && !w) continue;
    const raw = (m ? m[4] : w?.[3]) ?? '';
    const body = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    out.push({
      line,
      ...stampOf((m ? (m[1] ?? m[2]) : w?.[1]) ?? ''),
      nick: (m ? m[3] : w?.[2]) ?? '',
      from: line.end - raw.length + lead,
      body,
    });
  }
  return out;
}

/** The date an irssi log says it was opened on, or null. */
function openedDate(text: string): string | null {
  const m = LOG_OPENED.exec(text.slice(0, 4000));
  return m ? findDate(`${m[1] ?? ''} ${m[2] ?? ''}, ${m[3] ?? ''}`) : null;
}

/** "2024-01-09T17:03:19.827Z" → date and clock; "17:03" → 17:03:00; "[17:03:19]" → 17:03:19. */
function stampOf(s: string): { time: string | null; date: string | null } {
  const iso = ISO.exec(s.trim());
  const clock = iso ? (iso[2] ?? '') : s.trim();
  const time = /^\d{1,2}:\d{2}$/.test(clock) ? toClock(`${clock}:00`) : toClock(clock);
  return { time, date: iso ? (iso[1] ?? null) : null };
}

/**
 * Relay nicks speak for others: a live transcriber or a scribe ("<Transcriber> Ana_Ruiz: …").
 * Only the log's own word makes a nick one ("scribe+" from it, "scribe: nick", a nick such as
 * "Transcriber"): in plain chat "bo: can you check?" addresses bo, it does not quote him.
 */
function learnRelays(lines: LogLine[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (RELAY_NICK.test(l.nick) || /^scribe\s*\+$/i.test(l.body)) out.add(l.nick);
    const named = /^(?:scribe|scribenick)\s*[:+]\s*(\S+)$/i.exec(l.body);
    if (named?.[1]) out.add(named[1]);
  }
  return out;
}

/** The speaker a relayed line names ("Ana_Ruiz: …" → "Ana_Ruiz") and the prefix's length. */
function relayedPrefix(body: string): { name: string; length: number } | null {
  const m = RELAYED.exec(body);
  const name = m?.[1] ?? '';
  return m && plausibleSpeaker(name) ? { name, length: m[0].length } : null;
}

/** Lines that are nobody's words: bots, commands, corrections, minute headers. */
function isFurniture(l: LogLine): boolean {
  const b = l.body;
  return (
    !b ||
    BOT.test(l.nick) ||
    TO_BOT.test(b) ||
    CORRECTION.test(b) ||
    PRESENT.test(b) ||
    COMMAND.test(b) ||
    HEADER.test(b)
  );
}

/**
 * One relayed line: it opens a turn of the speaker it names, or goes on with the turn in progress
 * (a sentence the transcriber broke over lines). Returns the relayed turn now in progress.
 */
function relayLine(text: string, l: LogLine, cur: Block | null, out: ReadResult): Block | null {
  const prefix = relayedPrefix(l.body);
  const named = prefix ? labelParts(cleanNick(prefix.name)) : null;
  const span = trimmed(text, l.from + (prefix?.length ?? 0), l.line.end);
  if (span.end <= span.start) return cur;
  if (cur && (!named || (named.label === cur.label && named.role === cur.role))) {
    cur.end = span.end;
    (cur.parts ??= []).push(span);
    return cur;
  }
  const b = block(span, l, named ?? { label: null });
  out.blocks.push(b);
  return b;
}

function block(
  span: { start: number; end: number },
  l: LogLine,
  who: { label: string | null; role?: string; alias?: string },
): Block {
  const b: Block = {
    start: span.start,
    end: span.end,
    line: l.line.n,
    label: who.label,
    parts: [{ start: span.start, end: span.end }],
  };
  if (who.role) b.role = who.role;
  if (who.alias) b.alias = who.alias;
  if (l.time) b.time = l.time;
  return b;
}

/** "Meeting: weekly" is the title and that line's ISO date the date; "Date: 2024-01-09" too. */
function readHeader(l: LogLine, out: ReadResult): void {
  const m = /^(meeting|date)\s*:\s*(.+)$/i.exec(l.body);
  if (!m) return;
  const value = (m[2] ?? '').trim();
  if (/^meeting$/i.test(m[1] ?? '')) {
    out.title ??= value;
    if (l.date) out.date ??= l.date;
  } else {
    const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(value);
    if (iso) out.date = iso[1] ?? null;
  }
}

/** "present+" is the nick itself (unless a bot or the transcriber); "present+ Ana_Ruiz, Bo" names others. */
function presentLabels(l: LogLine, relays: Set<string>): string[] {
  const rest = l.body.replace(/^present\s*\+\s*/i, '').trim();
  if (!rest && (relays.has(l.nick) || BOT.test(l.nick))) return [];
  const raw = rest ? rest.split(/\s*,\s*/) : [l.nick];
  return raw.filter(Boolean).map((r) => labelParts(cleanNick(r)).label);
}

/** "Jack_Tanner_(CTO)" → "Jack Tanner (CTO)". */
function cleanNick(nick: string): string {
  return nick.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A name before a colon, not a sentence ("Note that this: …") nor a link. */
function plausibleSpeaker(s: string): boolean {
  if (/[?!"“”]|^(?:https?|ftp|mailto)$/i.test(s)) return false;
  const words = s.trim().split(/\s+/);
  return words.length >= 1 && words.length <= 4;
}
