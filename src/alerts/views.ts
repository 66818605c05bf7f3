// What announcements and alerts look like, platform-neutral: the new-meeting card a channel gets,
// the direct message an alert sends, and the member's list of alerts.
import type { Meeting, Statement } from '../corpus/types.js';
import type { MeetingDigest } from '../answers/profiles.js';
import { formatCitation, meetingTitle, safeUrl, shown } from '../answers/format.js';
import { formatQuoteText } from '../answers/who-view.js';
import { spokenText } from '../corpus/text.js';
import { emptyCard, formatTimeSuffix } from '../answers/view.js';
import type { ReplyView } from '../answers/view.js';
import type { Alert } from '../store/types.js';
import { withReportLinks } from '../web/links.js';

/** How many key quotes a new-meeting card shows. */
export const ANNOUNCED_QUOTES = 2;
const QUOTE_CHARS = 500;
const NAMES_CHARS = 900;

/**
 * The card posted in a server's announcement channel when a meeting is new; with PUBLIC_URL, an
 * "Open in report" link for each key quote.
 */
export function buildAnnouncementView(
  digest: MeetingDigest,
  publicUrl: string | null = null,
): ReplyView {
  const card = emptyCard();
  card.title = shown(`New meeting: ${meetingTitle(digest)}`, 256);
  card.url = safeUrl(digest.url);
  card.fields.push({ name: 'Date', value: digest.date ?? 'unknown', inline: true });
  card.fields.push({
    name: 'Speakers',
    value:
      digest.speakers.length > 0 ? shown(digest.speakers.join(', '), NAMES_CHARS) : 'none named',
    inline: true,
  });
  for (const quote of digest.quotes.slice(0, ANNOUNCED_QUOTES)) {
    card.fields.push({
      name: quote.speaker ? shown(quote.speaker, 200) : 'Unattributed',
      value: `${formatQuoteText(quote, QUOTE_CHARS)}\n— ¶${quote.paragraph}${formatTimeSuffix(quote.time)}`,
    });
  }
  const url = safeUrl(digest.url);
  card.fields.push({
    name: 'Source',
    value: url ? `${shown(digest.id)} · [source](${url})` : shown(digest.id),
  });
  card.footer = `${digest.statements} statement${digest.statements === 1 ? '' : 's'} · quotes verbatim from the report · /meeting for the digest`;
  const cited = digest.quotes.slice(0, ANNOUNCED_QUOTES).map((q) => ({
    id: q.statementId,
    meetingId: digest.id,
    paragraph: q.paragraph,
  }));
  return withReportLinks(
    { ephemeral: false, content: null, cards: [card], buttons: [] },
    cited,
    publicUrl,
  );
}

export function describeAlert(alert: Pick<Alert, 'words' | 'speaker'>): string {
  return alert.speaker ? `“${alert.words}” by ${alert.speaker}` : `“${alert.words}”`;
}

/**
 * The direct message of an alert: the statement that answers its words, and where it is (with
 * PUBLIC_URL, an "Open in report" link to it).
 */
export function buildAlertMessage(
  alert: Pick<Alert, 'words' | 'speaker'>,
  statement: Statement,
  meeting: Meeting,
  more: number,
  publicUrl: string | null = null,
): ReplyView {
  const card = emptyCard();
  card.title = shown(`Your alert ${describeAlert(alert)}`, 256);
  card.url = safeUrl(meeting.source);
  const who = statement.speaker ? shown(statement.speaker) : 'Unattributed';
  const text = shown(spokenText(statement).replace(/\s+/g, ' ').trim(), 3000);
  card.description =
    statement.kind === 'paraphrase'
      ? `${text} *(reported)*\n— **${who}**`
      : `“${text}”\n— **${who}**`;
  card.fields.push(
    {
      name: 'Meeting',
      value: `${meeting.date ?? 'undated'} — ${shown(meetingTitle(meeting))}`,
      inline: false,
    },
    { name: 'Source', value: formatCitation(statement, meeting), inline: false },
  );
  if (more > 0)
    card.fields.push({
      name: 'More',
      value: `${more} more statement${more === 1 ? '' : 's'} of this meeting match: ask with /ask.`,
      inline: false,
    });
  card.footer = 'A new meeting has your words · quoted word for word · /alert list to manage';
  return withReportLinks(
    { ephemeral: false, content: null, cards: [card], buttons: [] },
    [{ id: statement.id, meetingId: meeting.id, paragraph: statement.paragraph }],
    publicUrl,
  );
}

/** /alert list: the member's alerts, paused ones marked with why. */
export function buildAlertListView(alerts: readonly Alert[], max: number): ReplyView {
  const card = emptyCard();
  card.title = `Your alerts (${alerts.length} of ${max})`;
  if (alerts.length === 0) {
    card.description =
      'You have no alerts. Add one with /alert add words:<text> — I send you a direct message when a new meeting has them.';
  } else {
    card.description = alerts
      .map((a, i) => {
        const line = `${i + 1}. ${shown(describeAlert(a), 300)}`;
        if (a.pausedAt) {
          return `${line} — **paused** after ${a.failuresInRow} failed direct messages${a.lastError ? ` (${shown(a.lastError.message, 200)})` : ''}. Allow direct messages from the server, then add the same alert again to resume it.`;
        }
        return a.failuresInRow > 0
          ? `${line} — ${a.failuresInRow} failed direct message${a.failuresInRow === 1 ? '' : 's'} (pauses at 3)`
          : line;
      })
      .join('\n');
  }
  card.footer = 'Only meetings added after an alert is made are checked.';
  return { ephemeral: true, content: null, cards: [card], buttons: [] };
}
