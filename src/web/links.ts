// "Open in report" links: with PUBLIC_URL set, every statement a reply cites gets a link button
// to its anchor on the web view's meeting page (Discord shows a link button, the console prints
// the address). Commands call `withReportLinks` with the statements their reply cites.
import { clipText } from '../answers/format.js';
import { findStatementByKey } from '../answers/quote-view.js';
import type { Corpus } from '../corpus/types.js';
import type { ChannelPoster } from '../daily/poster.js';
import type { ButtonView, ReplyView } from '../answers/view.js';
import { statementUrl } from './paths.js';

/** Discord shows at most 5 rows of 5 buttons; links take the room the reply's own buttons leave. */
export const MAX_BUTTONS = 25;
/** Discord refuses a link button whose address is longer than this. */
export const MAX_LINK_URL = 512;
const MAX_LABEL = 80;

export interface CitedStatement {
  /** `${meetingId}#${index}`. */
  id: string;
  meetingId: string;
  paragraph: number;
}

/**
 * The reply with one "Open in report" link button per cited statement (in the order cited, each
 * once), after the reply's own buttons. Unchanged when PUBLIC_URL is not set.
 */
export function withReportLinks(
  view: ReplyView,
  cited: readonly CitedStatement[],
  publicUrl: string | null,
): ReplyView {
  if (!publicUrl || cited.length === 0) return view;
  const seen = new Set<string>();
  const unique = cited.filter((s) => !seen.has(s.id) && seen.add(s.id));
  const room = MAX_BUTTONS - view.buttons.length;
  const links: ButtonView[] = [];
  for (const [i, s] of unique.entries()) {
    if (links.length >= room) break;
    const url = statementUrl(publicUrl, s.id, s.meetingId);
    if (url.length > MAX_LINK_URL) continue;
    const label = unique.length === 1 ? 'Open in report' : linkLabel(s);
    links.push({ id: `open:${i}`, label, style: 'secondary', url });
  }
  return links.length > 0 ? { ...view, buttons: [...view.buttons, ...links] } : view;
}

/** "Open in report (¶9 of council/harbour.txt)", the file name clipped to fit 80 characters. */
function linkLabel(s: CitedStatement): string {
  const head = `Open in report (¶${s.paragraph} of `;
  return `${head}${clipText(s.meetingId, MAX_LABEL - head.length - 1)})`;
}

/**
 * The statement behind a /quote reply, read back from its Context button (the quote view keeps
 * the statement only there); null when the reply shows no quote.
 */
export function findQuotedStatement(view: ReplyView, corpus: Corpus): CitedStatement | null {
  const key = view.buttons.find((b) => b.id.startsWith('quote:context:'))?.id.split(':')[2];
  return key ? findStatementByKey(corpus, key) : null;
}

/**
 * A channel poster whose quote posts (the scheduled quote of the day) carry the quote's "Open in
 * report" link, like /quote's reply. Reads the corpus and PUBLIC_URL at each post.
 */
export function linkQuotePosts(
  poster: ChannelPoster,
  read: () => { corpus: Corpus; publicUrl: string | null },
): ChannelPoster {
  return {
    ...poster,
    send(channelId, view) {
      const { corpus, publicUrl } = read();
      const quoted = publicUrl ? findQuotedStatement(view, corpus) : null;
      return poster.send(channelId, withReportLinks(view, quoted ? [quoted] : [], publicUrl));
    },
  };
}
