// WhatsApp chat exports, read by the chat reader: "[03/05/2024, 10:02:11] Ana Ruiz: text" (iOS)
// and "03/05/2024, 10:02 - Ana Ruiz: text" (Android), in 24-hour or 12-hour clocks and the
// date orders of every locale. A stamped line without "Name:" is the app's own notice ("… joined
// using this group's invite link"); media and deleted messages are placeholders, not speech.
import { findDate } from '../header.js';
import { clockOf } from './lines.js';

const DATE = String.raw`(\d{1,4})([./-])(\d{1,2})[./-](\d{2,4})`;
const TIME = String.raw`(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?)`;
const STAMP = String.raw`^\u200e?(?:\[${DATE},?\s+${TIME}\][ \t]|${DATE},?\s+${TIME}\s+[-–][ \t])`;
/** The stamp and sender of a message: groups 1–5 (iOS) or 6–10 (Android) stamp, 11 sender. */
const MESSAGE = new RegExp(`${STAMP}[ \\t]*([^:\\r\\n]{1,80}?):(?:[ \\t]|$)`);
const NOTICE = new RegExp(STAMP);
/** What WhatsApp writes in place of what was sent. */
const PLACEHOLDER =
  /^\u200e?(?:<Media omitted>|<attached: [^>\r\n]+>|(?:image|video|audio|sticker|GIF|document|Contact card) omitted|This message was deleted\.?|You deleted this message\.?|Waiting for this message\.?|null)$/i;

export interface WhatsappHeader {
  time: string;
  label: string;
  length: number;
  /** The stamp's date as written: day, month and year in an order the whole file settles. */
  date: [number, number, number];
  dotted: boolean;
}

/** A message's first line, "notice" for the app's own stamped line, or null for neither. */
export function whatsappHeader(line: string): WhatsappHeader | 'notice' | null {
  if (!/^\u200e?\[?\d/.test(line)) return null; // cheap: most lines start otherwise
  const m = MESSAGE.exec(line);
  if (!m) return NOTICE.test(line) ? 'notice' : null;
  const ios = m[1] !== undefined;
  const g = (i: number) => m[ios ? i : i + 5] ?? '';
  const label = (m[11] ?? '').trim();
  // A notice with a colon in it ("Ana changed the subject to "Pier: rota"") names no sender.
  if (!label || label.split(/\s+/).length > 5 || /["“”]/.test(label)) return 'notice';
  return {
    time: g(5),
    label,
    length: m[0].length,
    date: [Number(g(1)), Number(g(3)), Number(g(4))],
    dotted: g(2) === '.',
  };
}

/** A WhatsApp time of day ("10:02", "10.02", "9:02 PM") as "HH:MM:SS". */
export function whatsappClock(raw: string): string | null {
  const t = raw.replace(/(\d)\.(\d)/g, '$1:$2');
  return clockOf(/^\d{1,2}:\d{2}$/.test(t) ? `${t}:00` : t);
}

/**
 * What a message's text is when it is not speech: "media", a placeholder for what its sender
 * sent or deleted (the sender was there); "notice", the app's own words under the group's name
 * (iOS marks them with a left-to-right mark: "Lanterns: ‎Messages and calls are end-to-end
 * encrypted."); null for speech.
 */
export function notSpeech(body: string): 'media' | 'notice' | null {
  const t = body.trim();
  if (PLACEHOLDER.test(t)) return 'media';
  return t.startsWith('\u200e') ? 'notice' : null;
}

/**
 * The date of the first message, when the file settles the order of its dates: year first, a
 * day over 12 in either place, or dots (day first wherever they are used); null when every date
 * could be read either way.
 */
export function whatsappDate(dates: WhatsappHeader[]): string | null {
  const first = dates[0];
  if (!first) return null;
  let order: 'ymd' | 'dmy' | 'mdy' | null = null;
  if (first.date[0] > 31) order = 'ymd';
  else if (dates.some((d) => d.date[0] > 12) || first.dotted) order = 'dmy';
  else if (dates.some((d) => d.date[1] > 12)) order = 'mdy';
  if (!order) return null;
  const [a, b, c] = first.date;
  const [y, mo, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
  const year = y < 100 ? 2000 + y : y;
  const p = (x: number) => String(x).padStart(2, '0');
  return findDate(`${year}-${p(mo)}-${p(d)}`);
}
