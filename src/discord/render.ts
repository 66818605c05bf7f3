// ReplyView → Discord message payload, with every Discord limit enforced so a 400 never happens.
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
} from 'discord.js';
import type { ButtonView, Card, ReplyView } from '../answers/view.js';

/** Discord's documented limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  url: 2048,
  /** A link button's address. */
  buttonUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  files: 10,
  attachmentDescription: 1024,
} as const;

/** Discord refuses empty field names/values; a zero-width space reads as blank. */
const BLANK = '\u200b';

export interface RenderedMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Never ping anyone: quoted text or a question may hold @everyone or a mention. */
  allowedMentions: { parse: [] };
  /** Attachments (charts), each with its alt text; absent when the reply has none. */
  files?: RenderedFile[];
}

/** A file as discord.js uploads it: `files[n]` plus `attachments[n].description` (alt text). */
export interface RenderedFile {
  attachment: Buffer;
  name: string;
  description: string;
}

export interface RenderedReply extends RenderedMessage {
  flags?: MessageFlags.Ephemeral;
}

/**
 * The payload for an edit, an update or a channel post. Empty content/embeds/components clear
 * what an edited message showed before.
 */
export function renderMessage(view: ReplyView): RenderedMessage {
  const files = renderFiles(view);
  const embeds = renderEmbeds(view.cards, new Set(files.map((f) => f.name)));
  const components = renderButtons(view.buttons);
  let content = truncateText(view.content ?? '', LIMITS.content);
  if (content.trim() === '' && embeds.length === 0 && components.length === 0 && files.length === 0)
    content = '(nothing to show)';
  const message: RenderedMessage = { content, embeds, components, allowedMentions: { parse: [] } };
  if (files.length > 0) message.files = files;
  return message;
}

/** The reply's files with a name Discord accepts and alt text within its limit. */
function renderFiles(view: ReplyView): RenderedFile[] {
  const seen = new Set<string>();
  const out: RenderedFile[] = [];
  for (const file of view.files ?? []) {
    // attachment://name only finds a file whose name is plain: letters, digits, dot, dash, underscore.
    const name = file.name.replace(/[^A-Za-z0-9._-]/gu, '_');
    if (out.length >= LIMITS.files || seen.has(name) || file.data.length === 0) continue;
    seen.add(name);
    out.push({
      attachment: Buffer.from(file.data),
      name,
      description: truncateText(file.description.trim() || name, LIMITS.attachmentDescription),
    });
  }
  return out;
}

/** The payload for a new interaction reply or follow-up: private when the view says so. */
export function renderReply(view: ReplyView): RenderedReply {
  const message: RenderedReply = renderMessage(view);
  if (view.ephemeral) message.flags = MessageFlags.Ephemeral;
  return message;
}

/**
 * Shortens text to at most `max` characters, cutting at a word boundary and ending with "…".
 * Cuts mid-word only when the text has no space in the last third (one enormous word).
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const room = max - 1;
  const cut = text.slice(0, room + 1);
  const lastSpace = cut.search(/\s\S*$/);
  let kept = lastSpace >= room * 0.66 ? cut.slice(0, lastSpace) : text.slice(0, room);
  kept = kept.replace(/[\s,;:.\-–—]+$/u, '');
  // Never leave half of a surrogate pair behind, nor a lone escaping backslash.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  if (/(?:^|[^\\])(?:\\\\)*\\$/u.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

function renderEmbeds(cards: Card[], files: ReadonlySet<string>): APIEmbed[] {
  let budget: number = LIMITS.embedTotal;
  const take = (text: string, max: number): string => {
    const out = truncateText(text, Math.min(max, budget));
    budget -= out.length;
    return out;
  };
  const embeds: APIEmbed[] = [];
  for (const card of cards.slice(0, LIMITS.embeds)) {
    if (budget < 20) break;
    const embed: APIEmbed = {};
    // Footer and title first: they carry the citation/summary line the reader needs most.
    if (card.title?.trim()) embed.title = take(card.title.trim(), LIMITS.title);
    if (card.footer?.trim()) {
      const footer = take(card.footer.trim(), LIMITS.footer);
      if (footer) embed.footer = { text: footer };
    }
    if (card.url && isValidUrl(card.url)) embed.url = card.url;
    if (card.description?.trim()) {
      const description = take(card.description, LIMITS.description);
      if (description) embed.description = description;
    }
    const fields: APIEmbedField[] = [];
    for (const field of card.fields.slice(0, LIMITS.fields)) {
      const nameText = field.name.trim() || BLANK;
      const valueText = field.value.trim() || BLANK;
      // A field needs a name and a few words of value to be worth showing.
      if (budget < Math.min(nameText.length, 40) + Math.min(valueText.length, 40)) break;
      const name = take(nameText, LIMITS.fieldName);
      const value = take(valueText, LIMITS.fieldValue);
      if (!name || !value) break;
      fields.push(field.inline ? { name, value, inline: true } : { name, value });
    }
    if (fields.length > 0) embed.fields = fields;
    const image = card.image?.replace(/[^A-Za-z0-9._-]/gu, '_');
    if (image && files.has(image)) embed.image = { url: `attachment://${image}` };
    if (embed.title || embed.description || embed.fields || embed.footer || embed.image)
      embeds.push(embed);
  }
  return embeds;
}

function renderButtons(buttons: ButtonView[]): APIActionRowComponent<APIButtonComponent>[] {
  const seen = new Set<string>();
  const valid = buttons.filter((b) => {
    // An over-long or duplicate custom_id is a bug in the command; dropping the button keeps the reply.
    if (b.id.length === 0 || b.id.length > LIMITS.customId || seen.has(b.id)) return false;
    // A link button needs an http(s) address Discord accepts.
    if (b.url !== undefined && !(b.url.length <= LIMITS.buttonUrl && isValidUrl(b.url)))
      return false;
    seen.add(b.id);
    return true;
  });
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < valid.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: valid.slice(i, i + LIMITS.buttonsPerRow).map((b): APIButtonComponent =>
        b.url !== undefined
          ? {
              // A link button opens the address and sends nothing back: no custom_id.
              type: ComponentType.Button,
              url: b.url,
              label: truncateText(b.label.trim() || 'Open', LIMITS.buttonLabel),
              style: ButtonStyle.Link,
            }
          : {
              type: ComponentType.Button,
              custom_id: b.id,
              label: truncateText(b.label.trim() || 'Open', LIMITS.buttonLabel),
              style: STYLES[b.style],
            },
      ),
    });
  }
  return rows;
}

const STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const;

function isValidUrl(value: string): boolean {
  if (value.length > LIMITS.url) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Autocomplete choices within Discord's limits (25 choices, 1–100 characters each). */
export function clampChoices(
  choices: { name: string; value: string }[],
): { name: string; value: string }[] {
  return choices
    .filter((c) => c.value.trim().length >= 1)
    .slice(0, LIMITS.choices)
    .map((c) => ({
      name: truncateText(c.name.trim() || c.value, LIMITS.choiceName),
      // A value comes back as the option's text; a cut value still finds what it names.
      value: c.value.slice(0, LIMITS.choiceValue),
    }));
}
