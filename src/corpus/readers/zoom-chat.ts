// Chat exports — Zoom ("HH:MM:SS<TAB>Name:<TAB>text"), Slack or Teams copied as "[9:02 AM] Name:
// text", WhatsApp (`whatsapp.ts`): every message is a block; reply headers ("Replying to "…"")
// are cut off, reactions ("Reacted to "…" with 👍", in any language) dropped.
import type { Block, ReadResult, Reader } from './types.js';
import { labelParts } from './label-parts.js';
import type { LabelParts } from './label-parts.js';
import { clockOf, splitLines, trimmed } from './lines.js';
import type { Line } from './lines.js';
import { notSpeech, whatsappClock, whatsappDate, whatsappHeader } from './whatsapp.js';
import type { WhatsappHeader } from './whatsapp.js';

/** Today's export: "00:14:25<TAB>Ana Ruiz:<TAB>text". */
const TAB_HEADER = /^(\d{1,2}:\d{2}:\d{2})\t([^\t\r\n]{1,80}?):(?:\t|$)/;
/** Older exports: "10:02:03<TAB> From  Ana Ruiz to Everyone : text". */
const FROM_HEADER =
  /^(\d{1,2}:\d{2}:\d{2})\s+From\s+(\S.{0,79}?)\s*(?:\bto\s+[^:\r\n]{1,60}?)?\s*:(?:\s|$)/;
/** Chat copied from Slack or Teams: "[9:02 AM] Ana Ruiz: text". */
const DAY_HEADER =
  /^\[(\d{1,2}:\d{2}(?::\d{2})?[ \t]?[AaPp]\.?[Mm]\.?)\][ \t]+([^:[\]\r\n]{1,80}?):(?:[ \t]|$)/;
/** The same without brackets ("9:02 AM Ana Ruiz: text"): taken only when senders recur. */
const BARE_DAY_HEADER =
  /^(\d{1,2}:\d{2}(?::\d{2})?[ \t]?[AaPp]\.?[Mm]\.?)[ \t]+([^:[\]\r\n]{1,80}?):(?:[ \t]|$)/;
const OPEN_QUOTE = '"“„«';
const CLOSE_QUOTE = '"”“»';
/** A whole message that is a lead phrase, one quoted excerpt and a tail: a reaction candidate. */
const QUOTED_WHOLE = new RegExp(
  `^([^${OPEN_QUOTE}${CLOSE_QUOTE}\\n]{0,60}?)\\s*[${OPEN_QUOTE}]([\\s\\S]+)[${CLOSE_QUOTE}]\\s*([^${OPEN_QUOTE}${CLOSE_QUOTE}]{0,60})$`,
  'u',
);
/** A lead phrase and a quoted excerpt alone on their line(s): the header of a reply. */
const QUOTED_HEAD = new RegExp(
  `^([^${OPEN_QUOTE}${CLOSE_QUOTE}\\n]{1,60}?)\\s*[${OPEN_QUOTE}]([\\s\\S]*?)[${CLOSE_QUOTE}][ \\t]*\\r?\\n(?:[ \\t]*\\r?\\n)?`,
  'u',
);
const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_ALL = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu;
const ELLIPSIS = /(?:\.\.\.|…)$/;

interface Message {
  time: string | null;
  label: string;
  header: Line;
  /** Offset where the text after the header starts. */
  from: number;
  last: Line;
  /** A WhatsApp message's header (its date). */
  whatsapp?: WhatsappHeader;
}

interface Header {
  time: string;
  label: string;
  length: number;
  bare: boolean;
  whatsapp?: WhatsappHeader;
}

export const zoomChatReader: Reader = {
  name: 'zoom-chat',
  accepts(text) {
    const sample = splitLines(text.slice(0, 4000)).filter((l) => l.text.trim() !== '');
    const found = sample.map((l) => headerOf(l.text)).filter((h) => h !== null && h !== 'notice');
    if (found.length < 3 || found.length < sample.length * 0.3) return false;
    // An unbracketed time of day before "Name:" is also how agendas read ("9:30 AM Keynote:
    // …"): a chat only when its senders come back.
    const bare = found.filter((h) => h.bare);
    return bare.length === 0 || new Set(bare.map((h) => h.label)).size < bare.length;
  },
  read(text) {
    const out: ReadResult = { reader: 'zoom-chat', blocks: [], warnings: [] };
    const present = new Set<string>();
    const earlier = new Set<string>();
    const messages = readMessages(text, out);
    for (const msg of messages) {
      const who = labelParts(msg.label);
      const span = trimmed(text, msg.from, msg.last.end);
      const body = text.slice(span.start, span.end);
      if (!body) continue;
      const placeholder = msg.whatsapp ? notSpeech(body) : null;
      if (placeholder === 'notice') continue;
      if (isReaction(body, earlier) || placeholder === 'media') {
        present.add(who.label);
        continue;
      }
      const speech = trimmed(text, span.start + replyHeaderLength(body, earlier), span.end);
      // Later reactions and replies quote either the whole message or its reply text.
      earlier.add(squash(body));
      earlier.add(squash(text.slice(speech.start, speech.end)));
      if (speech.end > speech.start) out.blocks.push(toBlock(text, msg, speech, who));
    }
    out.present = [...present];
    const dated = messages.flatMap((m) => (m.whatsapp ? [m.whatsapp] : []));
    if (dated.length) out.date = whatsappDate(dated);
    return out;
  },
};

function toBlock(
  text: string,
  msg: Message,
  speech: { start: number; end: number },
  who: LabelParts,
): Block {
  const block: Block = {
    start: speech.start,
    end: speech.end,
    line: lineAt(msg, speech.start, text),
    label: who.label,
  };
  if (who.role) block.role = who.role;
  if (who.alias) block.alias = who.alias;
  if (msg.time) block.time = msg.time;
  return block;
}

/**
 * The time and sender of a message's first line; "notice" for a stamped line of the app's own
 * (WhatsApp's "… joined"); null for a continuation line.
 */
function headerOf(line: string): Header | 'notice' | null {
  const wa = whatsappHeader(line);
  if (wa === 'notice') return wa;
  if (wa) return { time: wa.time, label: wa.label, length: wa.length, bare: false, whatsapp: wa };
  const zoom = FROM_HEADER.exec(line) ?? TAB_HEADER.exec(line);
  const bareDay = zoom ? null : BARE_DAY_HEADER.exec(line);
  const m = zoom ?? DAY_HEADER.exec(line) ?? bareDay;
  if (!m) return null;
  const label = (m[2] ?? '').trim();
  if (!label) return null;
  // Before a time of day, a sender is a name of a few words, not the start of a sentence.
  if (!zoom && (label.split(/\s+/).length > 5 || /[.,;!?"“”]$|^\p{Ll}+\s/u.test(label)))
    return null;
  return { time: m[1] ?? '', label, length: m[0].length, bare: m === bareDay };
}

/** Messages: a header line, then every line up to the next header (blank lines included). */
function readMessages(text: string, out: ReadResult): Message[] {
  const messages: Message[] = [];
  let cur: Message | null = null;
  for (const l of splitLines(text)) {
    const h = headerOf(l.text);
    if (h === 'notice') cur = null;
    else if (h) {
      const time = h.whatsapp ? whatsappClock(h.time) : clockOf(h.time);
      if (!time) out.warnings.push({ line: l.n, message: `unreadable message time "${h.time}"` });
      cur = { time, label: h.label, header: l, from: l.start + h.length, last: l };
      if (h.whatsapp) cur.whatsapp = h.whatsapp;
      messages.push(cur);
    } else if (cur && l.text.trim() !== '') cur.last = l;
  }
  return messages;
}

/**
 * A reaction, in whatever language Zoom wrote it: a short phrase, an excerpt of an earlier
 * message in quotes, and an emoji ("Reacted to "Sounds good..." with 👍",
 * "Heeft gereageerd op "…" met ❤"). The excerpt must be a message seen before or cut off with
 * an ellipsis, so a message that merely quotes something with a smiley stays speech.
 */
function isReaction(body: string, earlier: Set<string>): boolean {
  // The emoji sits in the phrase around the excerpt: a cheap test before the pattern.
  if (!EMOJI.test(body.slice(0, 64)) && !EMOJI.test(body.slice(-64))) return false;
  const m = QUOTED_WHOLE.exec(body);
  if (!m) return false;
  const outside = `${m[1] ?? ''} ${m[3] ?? ''}`;
  if (!EMOJI.test(outside)) return false;
  const words = outside.replace(EMOJI_ALL, ' ').trim();
  if (!/^[\p{L}\p{M}\s'’.-]*$/u.test(words) || words.split(/\s+/).length > 8) return false;
  return isExcerpt(m[2] ?? '', earlier);
}

/**
 * The length of a reply header at the start of a message ("Replying to "Will we have
 * the…"" and a line break; "Antwoord verzenden naar "…""), or 0 when there is none.
 */
function replyHeaderLength(body: string, earlier: Set<string>): number {
  const m = QUOTED_HEAD.exec(body);
  if (!m || m[0].length >= body.trimEnd().length) return 0;
  const lead = (m[1] ?? '').trim();
  if (!/^[\p{L}\p{M}][\p{L}\p{M}\s'’-]*$/u.test(lead) || lead.split(/\s+/).length > 6) return 0;
  return isExcerpt(m[2] ?? '', earlier) ? m[0].length : 0;
}

function isExcerpt(quoted: string, earlier: Set<string>): boolean {
  const q = squash(quoted);
  return q.length > 0 && (ELLIPSIS.test(q) || earlier.has(q));
}

function lineAt(msg: Message, offset: number, text: string): number {
  let n = msg.header.n;
  for (let i = msg.header.start; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
