// ReplyView → plain text for the local console: the same content Discord shows, as lines.
import { plainText, unescapeMarkdown } from '../answers/format.js';
import type { ReplyView } from '../answers/view.js';

/**
 * The reply as lines of text: record and user text as written (the Markdown escaping that keeps
 * it verbatim in Discord undone), and nothing a terminal would act on (escape sequences, control
 * characters, bidi overrides).
 */
export function renderText(view: ReplyView): string {
  return plainText(unescapeMarkdown(renderLines(view)));
}

function renderLines(view: ReplyView): string {
  const lines: string[] = [];
  if (view.ephemeral) lines.push('(only you would see this reply)');
  if (view.content?.trim()) lines.push(view.content.trim());
  for (const card of view.cards) {
    if (lines.length > 0) lines.push('');
    if (card.title?.trim()) lines.push(`== ${card.title.trim()} ==`);
    if (card.url) lines.push(card.url);
    if (card.description?.trim()) lines.push(card.description.trim());
    for (const field of card.fields) {
      lines.push('', `* ${field.name.trim()}`);
      for (const line of field.value.trim().split('\n')) lines.push(`  ${line}`);
    }
    if (card.footer?.trim()) lines.push('', `-- ${card.footer.trim()}`);
  }
  // Buttons to press are numbered (the session counts the same way); links are printed.
  const pressable = view.buttons.filter((b) => b.url === undefined);
  if (pressable.length > 0) {
    lines.push('', pressable.map((b, i) => `[${i + 1}] ${b.label}`).join('   '));
  }
  const links = view.buttons.filter((b) => b.url !== undefined);
  if (links.length > 0) lines.push('', ...links.map((b) => `${b.label}: ${b.url}`));
  return lines.join('\n');
}
