// The /meeting reply: a meeting digest (or the candidates / "no meeting matches …") as a ReplyView.
import type { MeetingDigest, MeetingLookup } from './profiles.js';
import { formatMeetingLabel, meetingTitle, safeUrl, shown } from './format.js';
import { formatQuoteText } from './who-view.js';
import {
  emptyCard,
  formatTimeSuffix,
  textReply,
  type Card,
  type FileView,
  type ReplyView,
} from './view.js';

/** Discord's embed limit is 25 fields; the fixed ones leave room for this many key quotes. */
const MAX_QUOTE_FIELDS = 19;
const QUOTE_CHARS = 600;
const NAME_LIST_CHARS = 900;

function listNames(names: string[]): string {
  return shown(names.join(', '), NAME_LIST_CHARS);
}

/** Discord allows 4,096 characters in a description; whole sentences are dropped rather than cut. */
const DESCRIPTION_CHARS = 4000;

function describeSummary(d: MeetingDigest): string {
  if (d.summary.length === 0) return '*The report has no prose sentences to summarise.*';
  const parts: string[] = [];
  let length = 0;
  d.summary.forEach((s, i) => {
    const who = d.summarySpeakers[i];
    const part = who ? `**${shown(who)}:** ${shown(s)}` : shown(s);
    if (parts.length > 0 && length + part.length + 2 > DESCRIPTION_CHARS) return;
    parts.push(part.length > DESCRIPTION_CHARS ? shown(s, DESCRIPTION_CHARS - 300) : part);
    length += part.length + 2;
  });
  return parts.join('\n\n');
}

export function buildDigestCard(d: MeetingDigest, others: string[] = []): Card {
  const card = emptyCard();
  card.title = shown(meetingTitle(d), 256);
  card.url = safeUrl(d.url);
  card.description = describeSummary(d);
  card.fields.push({ name: 'Date', value: d.date ?? 'unknown', inline: true });
  if (d.speakers.length > 0)
    card.fields.push({ name: 'Speakers', value: listNames(d.speakers), inline: true });
  if (d.present.length > 0)
    card.fields.push({ name: 'Also present', value: listNames(d.present), inline: true });
  if (d.topics.length > 0) card.fields.push({ name: 'Topics', value: shown(d.topics.join(', ')) });
  const quotes = d.quotes.slice(0, MAX_QUOTE_FIELDS);
  for (const q of quotes) {
    card.fields.push({
      name: q.speaker ? shown(q.speaker, 200) : 'Unattributed',
      value: `${formatQuoteText(q, QUOTE_CHARS)}\n— ¶${q.paragraph}${formatTimeSuffix(q.time)}`,
    });
  }
  if (others.length > 0)
    card.fields.push({ name: 'Other matches', value: others.slice(0, 10).join('\n') });
  const hidden = d.quotes.length - quotes.length;
  card.footer = [
    shown(d.id),
    `${d.statements} statement${d.statements === 1 ? '' : 's'}`,
    hidden > 0 ? `key quotes of ${hidden} more speakers not shown` : null,
    'summary and quotes verbatim from the report',
  ]
    .filter((x) => x !== null)
    .join(' · ');
  return card;
}

/**
 * The whole /meeting reply, with the speakers' share chart under the summary when there is one.
 * Not found or ambiguous answers only the asker.
 */
export function buildMeetingView(result: MeetingLookup, share: FileView | null = null): ReplyView {
  if (!result.digest) {
    const lines = [shown(result.message ?? `No meeting matches “${result.query}”.`)];
    lines.push(...result.candidates.slice(0, 10).map((m) => `• ${formatMeetingLabel(m)}`));
    return textReply(lines.join('\n'));
  }
  const others = result.candidates.map((m) => formatMeetingLabel(m));
  const card = buildDigestCard(result.digest, others);
  if (!share) return { ephemeral: false, content: null, cards: [card], buttons: [] };
  card.image = share.name;
  return { ephemeral: false, content: null, cards: [card], buttons: [], files: [share] };
}
