// The /who reply: a speaker profile (or the candidates / "no speaker named …") as a ReplyView.
import type { ProfileQuote, SpeakerLookup, SpeakerProfile } from './profiles.js';
import { emptyCard, formatTimeSuffix, textReply, type Card, type ReplyView } from './view.js';

const MAX_MEETING_LINES = 8;
const MAX_ALIASES = 8;
/** Room for a quote in a field (Discord allows 1,024) once the citation line is added. */
const QUOTE_CHARS = 800;

/** Cut at a word boundary with "…", so a long quote never pushes its citation out of view. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function formatCitation(quote: ProfileQuote): string {
  const where = `¶${quote.paragraph} of ${quote.meeting.file}${formatTimeSuffix(quote.time)}`;
  return quote.meeting.url && /^https?:\/\//u.test(quote.meeting.url)
    ? `${where} · [source](${quote.meeting.url})`
    : where;
}

/** A statement as shown: the speaker's own words in quotation marks; a reporter's paraphrase marked as such. */
export function formatQuoteText(quote: ProfileQuote, max = QUOTE_CHARS): string {
  const text = clipText(quote.text, max);
  return quote.kind === 'paraphrase' ? `${text} *(reported)*` : `“${text}”`;
}

export function formatMeetingLabel(m: {
  title: string | null;
  date: string | null;
  file: string;
}): string {
  return `${m.date ?? 'undated'} — ${m.title ?? m.file}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeProfile(p: SpeakerProfile): string {
  const lines: string[] = [];
  if (p.roles.length > 0) lines.push(`**Role:** ${p.roles.join('; ')}`);
  const aliases = p.aliases.slice(0, MAX_ALIASES);
  if (aliases.length > 0) {
    const more =
      p.aliases.length > aliases.length ? ` and ${p.aliases.length - aliases.length} more` : '';
    lines.push(`**Also called:** ${aliases.join(', ')}${more}`);
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
  const shown = p.meetings
    .slice(0, MAX_MEETING_LINES)
    .map((m) => `${formatMeetingLabel(m)}${m.spoke ? '' : ' (present)'}`);
  if (p.meetings.length > shown.length) shown.push(`…and ${p.meetings.length - shown.length} more`);
  return shown.join('\n');
}

export function buildProfileCard(p: SpeakerProfile): Card {
  const card = emptyCard();
  card.title = clipText(p.name, 256);
  card.description = describeProfile(p);
  if (p.meetings.length > 0) card.fields.push({ name: 'Meetings', value: listMeetings(p) });
  if (p.topics.length > 0) card.fields.push({ name: 'Talks about', value: p.topics.join(', ') });
  p.quotes.forEach((q, i) => {
    card.fields.push({
      name: clipText(
        `${i === 0 ? 'Representative quotes · ' : ''}${formatMeetingLabel(q.meeting)}`,
        256,
      ),
      value: `${formatQuoteText(q)}\n— ${formatCitation(q)}`,
    });
  });
  card.footer = p.silent ? 'Only what the reports say.' : 'Quotes are verbatim from the reports.';
  return card;
}

/** The whole /who reply. Not found or ambiguous answers only the asker. */
export function buildWhoView(result: SpeakerLookup): ReplyView {
  if (!result.profile) {
    const lines = [result.message ?? `No speaker named “${result.query}”.`];
    const withRoles = result.candidates.filter((c) => c.role);
    if (withRoles.length > 0 && result.candidates.length >= 2) {
      lines.push(...result.candidates.map((c) => `• ${c.name}${c.role ? ` — ${c.role}` : ''}`));
    }
    return textReply(lines.join('\n'));
  }
  return {
    ephemeral: false,
    content: null,
    cards: [buildProfileCard(result.profile)],
    buttons: [],
  };
}
