// The /meeting reply: a meeting digest (or the candidates / "no meeting matches …") as a ReplyView.
import type { MeetingDigest, MeetingLookup } from './profiles.js';
import { clipText, formatMeetingLabel, formatQuoteText } from './who-view.js';
import { emptyCard, formatTimeSuffix, textReply, type Card, type ReplyView } from './view.js';

/** Discord's embed limit is 25 fields; the fixed ones leave room for this many key quotes. */
const MAX_QUOTE_FIELDS = 19;
const QUOTE_CHARS = 600;
const NAME_LIST_CHARS = 900;

function listNames(names: string[]): string {
  return clipText(names.join(', '), NAME_LIST_CHARS);
}

/** Discord allows 4,096 characters in a description; whole sentences are dropped rather than cut. */
const DESCRIPTION_CHARS = 4000;

function describeSummary(d: MeetingDigest): string {
  if (d.summary.length === 0) return '*The report has no prose sentences to summarise.*';
  const parts: string[] = [];
  let length = 0;
  d.summary.forEach((s, i) => {
    const who = d.summarySpeakers[i];
    const part = who ? `**${who}:** ${s}` : s;
    if (parts.length > 0 && length + part.length + 2 > DESCRIPTION_CHARS) return;
    parts.push(clipText(part, DESCRIPTION_CHARS));
    length += part.length + 2;
  });
  return parts.join('\n\n');
}

export function buildDigestCard(d: MeetingDigest, others: string[] = []): Card {
  const card = emptyCard();
  card.title = clipText(d.title ?? d.file, 256);
  card.url = d.url && /^https?:\/\//u.test(d.url) ? d.url : null;
  card.description = describeSummary(d);
  card.fields.push({ name: 'Date', value: d.date ?? 'unknown', inline: true });
  if (d.speakers.length > 0)
    card.fields.push({ name: 'Speakers', value: listNames(d.speakers), inline: true });
  if (d.present.length > 0)
    card.fields.push({ name: 'Also present', value: listNames(d.present), inline: true });
  if (d.topics.length > 0) card.fields.push({ name: 'Topics', value: d.topics.join(', ') });
  const quotes = d.quotes.slice(0, MAX_QUOTE_FIELDS);
  for (const q of quotes) {
    card.fields.push({
      name: clipText(q.speaker ?? 'Unattributed', 256),
      value: `${formatQuoteText(q, QUOTE_CHARS)}\n— ¶${q.paragraph}${formatTimeSuffix(q.time)}`,
    });
  }
  if (others.length > 0)
    card.fields.push({ name: 'Other matches', value: clipText(others.join('\n'), 1000) });
  const hidden = d.quotes.length - quotes.length;
  card.footer = [
    d.file,
    `${d.statements} statement${d.statements === 1 ? '' : 's'}`,
    hidden > 0 ? `key quotes of ${hidden} more speakers not shown` : null,
    'summary and quotes verbatim from the report',
  ]
    .filter((x) => x !== null)
    .join(' · ');
  return card;
}

/** The whole /meeting reply. Not found or ambiguous answers only the asker. */
export function buildMeetingView(result: MeetingLookup): ReplyView {
  if (!result.digest) {
    const lines = [result.message ?? `No meeting matches “${result.query}”.`];
    lines.push(...result.candidates.slice(0, 10).map((m) => `• ${formatMeetingLabel(m)}`));
    return textReply(lines.join('\n'));
  }
  const others = result.candidates.map((m) => formatMeetingLabel(m));
  return {
    ephemeral: false,
    content: null,
    cards: [buildDigestCard(result.digest, others)],
    buttons: [],
  };
}
