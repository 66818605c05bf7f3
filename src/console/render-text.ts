// ReplyView → plain text for the local console: the same content Discord shows, as lines.
import type { ReplyView } from '../answers/view.js';

export function renderText(view: ReplyView): string {
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
  if (view.buttons.length > 0) {
    lines.push('', view.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join('   '));
  }
  return lines.join('\n');
}
