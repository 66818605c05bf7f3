// The /who reply: a speaker profile (or the candidates / "no speaker named …") as a ReplyView.
import type { ProfileQuote, SpeakerLookup, SpeakerProfile } from './profiles.js';
import { formatCitation, formatMeetingLabel, shown } from './format.js';
import { emptyCard, textReply, type Card, type FileView, type ReplyView } from './view.js';

const MAX_MEETING_LINES = 8;
const MAX_ALIASES = 8;
/** Room for a quote in a field (Discord allows 1,024) once the citation line is added. */
const QUOTE_CHARS = 800;

/** A statement as shown: the speaker's own words in quotation marks; a reporter's paraphrase marked as such. */
export function formatQuoteText(quote: ProfileQuote, max = QUOTE_CHARS): string {
  const text = shown(quote.text, max);
  return quote.kind === 'paraphrase' ? `${text} *(reported)*` : `“${text}”`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeProfile(p: SpeakerProfile): string {
  const lines: string[] = [];
  if (p.roles.length > 0) lines.push(`**Role:** ${shown(p.roles.join('; '))}`);
  const aliases = p.aliases.slice(0, MAX_ALIASES);
  if (aliases.length > 0) {
    const more =
      p.aliases.length > aliases.length ? ` and ${p.aliases.length - aliases.length} more` : '';
    lines.push(`**Also called:** ${shown(aliases.join(', '))}${more}`);
  }
  const spokeIn = p.meetings.filter((m) => m.spoke).length;
  lines.push(
    p.silent
      ? `Present at ${plural(p.meetings.length, 'meeting')} in the reports, with no statements of their own.`
      : `**${plural(p.statements, 'statement')}** in ${plural(spokeIn, 'meeting')}.`,
  );
  return lines.join('\n');
}

function listMeetings(p: SpeakerProfile): string {
  const lines = p.meetings
    .slice(0, MAX_MEETING_LINES)
    .map((m) => `${formatMeetingLabel(m)}${m.spoke ? '' : ' (present)'}`);
  if (p.meetings.length > lines.length) lines.push(`…and ${p.meetings.length - lines.length} more`);
  return lines.join('\n');
}

export function buildProfileCard(p: SpeakerProfile): Card {
  const card = emptyCard();
  card.title = shown(p.name, 256);
  card.description = describeProfile(p);
  if (p.meetings.length > 0) card.fields.push({ name: 'Meetings', value: listMeetings(p) });
  if (p.topics.length > 0)
    card.fields.push({ name: 'Talks about', value: shown(p.topics.join(', ')) });
  p.quotes.forEach((q, i) => {
    card.fields.push({
      name: `${i === 0 ? 'Representative quotes · ' : ''}${formatMeetingLabel(q.meeting)}`,
      value: `${formatQuoteText(q)}\n— ${formatCitation(q, q.meeting)}`,
    });
  });
  card.footer = p.silent ? 'Only what the reports say.' : 'Quotes are verbatim from the reports.';
  return card;
}

/**
 * The whole /who reply, with the speaker's timeline chart shown in the card when there is one.
 * Not found or ambiguous answers only the asker.
 */
export function buildWhoView(result: SpeakerLookup, timeline: FileView | null = null): ReplyView {
  if (!result.profile) {
    const lines = [shown(result.message ?? `No speaker named “${result.query}”.`)];
    const withRoles = result.candidates.filter((c) => c.role);
    if (withRoles.length > 0 && result.candidates.length >= 2) {
      lines.push(
        ...result.candidates.map((c) => `• ${shown(c.name)}${c.role ? ` — ${shown(c.role)}` : ''}`),
      );
    }
    return textReply(lines.join('\n'));
  }
  const card = buildProfileCard(result.profile);
  if (!timeline) return { ephemeral: false, content: null, cards: [card], buttons: [] };
  card.image = timeline.name;
  return { ephemeral: false, content: null, cards: [card], buttons: [], files: [timeline] };
}
