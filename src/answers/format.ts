// How record and user text is shown in every view: escaped so it reads verbatim (no Markdown
// turns "*harbour*" into italics), without bidi overrides or control characters, clipped at a
// word, and the one way citations and meeting labels are written. Views put every piece of text
// that comes from a record or a user through `shown`; the console undoes the escaping
// (`unescapeMarkdown`) so both show the same words.
import { titleFromFileName } from '../corpus/file-name.js';
import { plainText } from '../corpus/text.js';
export { plainText } from '../corpus/text.js';
import { formatTimeSuffix } from './view.js';

/**
 * Backslash before every character Discord's Markdown reads as formatting (bold, italics,
 * underline, strikethrough, spoilers, code, masked links, headings, quotes, lists, mentions,
 * and the backslash itself), so the text shows exactly as written. Stricter than discord.js
 * `escapeMarkdown`: everything it escapes is escaped here too (test/discord/format.test.ts).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~|`[\]()<>#]/gu, '\\$&')
    .replace(/^([ \t]*)([-+])(?=[ \t])/gmu, '$1\\$2')
    .replace(/^([ \t]*\d+)\.(?=[ \t])/gmu, '$1\\.');
}

/** What Discord shows for escaped text: a backslash before ASCII punctuation is dropped. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

/**
 * Record or user text as a view shows it: plain and escaped. With `max`, clipped at a word first
 * so that the escaped text fits in `max` (an escape is never cut in half, and what follows the
 * text, such as a citation, stays in view).
 */
export function shown(text: string, max?: number): string {
  const plain = plainText(text);
  if (max === undefined) return escapeMarkdown(plain);
  let room = max;
  let out = escapeMarkdown(clipText(plain, room));
  while (out.length > max && room > 1) {
    room = Math.max(1, room - (out.length - max));
    out = escapeMarkdown(clipText(plain, room));
  }
  return out;
}

/** Cut at a word boundary with "…", so a long quote never pushes its citation out of view. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  let kept = (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd();
  if (/[\uD800-\uDBFF]$/u.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

/** An http(s) link fit for `[source](…)`; null for anything else. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href.replace(/\(/gu, '%28').replace(/\)/gu, '%29');
  } catch {
    return null;
  }
}

/** What names a meeting on screen: its title, else a readable form of its file name, never a path. */
export function meetingTitle(meeting: { title: string | null; id: string }): string {
  return meeting.title?.trim() || titleFromFileName(meeting.id) || meeting.id;
}

/** "2026-05-02 — Harbour committee" (escaped). */
export function formatMeetingLabel(meeting: {
  title: string | null;
  date: string | null;
  id: string;
}): string {
  return `${meeting.date ?? 'undated'} — ${shown(meetingTitle(meeting))}`;
}

/**
 * "¶2 of harbour/2026-05-02.txt, at 00:12:31 · [source](https://…)": the paragraph, the file
 * relative to the corpus folder (`Meeting.id`), the time where the source has one, and the
 * report's link when it is http(s).
 */
export function formatCitation(
  at: { paragraph: number; time?: string | null },
  meeting: { id: string; url?: string | null; source?: string | null },
): string {
  const where = `¶${at.paragraph} of ${shown(meeting.id)}${formatTimeSuffix(at.time)}`;
  const url = safeUrl(meeting.url ?? meeting.source);
  return url ? `${where} · [source](${url})` : where;
}

/** The citation as plain text (CLI): "¶2 of harbour/2026-05-02.txt, at 00:12:31 · https://…". */
export function formatPlainCitation(
  at: { paragraph: number; time?: string | null },
  meeting: { id: string; url?: string | null; source?: string | null },
): string {
  const url = safeUrl(meeting.url ?? meeting.source);
  return `¶${at.paragraph} of ${plainText(meeting.id)}${formatTimeSuffix(at.time)}${url ? ` · ${url}` : ''}`;
}

/** Autocomplete choices are plain text (no Markdown there), 1–100 characters. */
const CHOICE_CHARS = 100;

export function speakerChoiceName(speaker: { name: string; role: string | null }): string {
  const name = speaker.role ? `${speaker.name} — ${speaker.role}` : speaker.name;
  return clipText(plainText(name), CHOICE_CHARS);
}

export function meetingChoiceName(meeting: {
  title: string | null;
  date: string | null;
  id: string;
}): string {
  return clipText(
    `${meeting.date ?? 'undated'} — ${plainText(meetingTitle(meeting))}`,
    CHOICE_CHARS,
  );
}
