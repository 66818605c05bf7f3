// Platform-neutral replies: what every command answers with. Discord renders them as embeds and
// buttons (src/discord/render.ts), the console and CLI as text, so the console is an honest preview.

export interface CardField {
  name: string;
  value: string;
  inline?: boolean;
}

/** One block of a reply (a Discord embed; a titled section in the console). */
export interface Card {
  title: string | null;
  url: string | null;
  description: string | null;
  fields: CardField[];
  footer: string | null;
  /** Name of one of the reply's files (a chart) shown inside this card (Discord: embed image). */
  image?: string;
}

export interface ButtonView {
  /** custom_id: `<command>:<action>:<state-key>`; at most 100 characters. */
  id: string;
  label: string;
  style: 'primary' | 'secondary' | 'success' | 'danger';
  /**
   * A link button ("Open in report"): opens this address and sends nothing back. Its `id` is
   * still unique in the reply but never reaches Discord as a custom_id.
   */
  url?: string;
}

/** A file sent with the reply (a chart): Discord attaches it, the console writes it to disk. */
export interface FileView {
  /** File name with extension, e.g. "timeline.png". */
  name: string;
  data: Uint8Array;
  /** Alt text: what the file shows, in words (Discord's attachment description, ≤ 1024 chars). */
  description: string;
}

export interface ReplyView {
  /** Only the person who asked sees it. */
  ephemeral: boolean;
  content: string | null;
  cards: Card[];
  buttons: ButtonView[];
  /** Attachments (charts); absent or empty when the reply has none. */
  files?: FileView[];
}

/** ", at 00:12:31" where the source times a statement (caption cue, chat line); else nothing. */
export function formatTimeSuffix(time: string | null | undefined): string {
  return time ? `, at ${time}` : '';
}

export function textReply(content: string, ephemeral = true): ReplyView {
  return { ephemeral, content, cards: [], buttons: [] };
}

export function emptyCard(): Card {
  return { title: null, url: null, description: null, fields: [], footer: null };
}
