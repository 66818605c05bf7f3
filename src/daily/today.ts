// A server's quote of the day as everyone sees it: the recorded pick when there is one, else a
// fresh deterministic pick (recorded, so /quote, /daily preview and the post agree all day).
import type { Corpus } from '../corpus/types.js';
import { isOnThisDay, pickDailyQuote } from './pick.js';
import type { EligibleStatement, QuoteBounds, QuotePick } from './pick.js';
import type { Store } from '../store/types.js';
import { formatLocalDate } from './time.js';

/** Outside a server (DMs, the CLI without --server) the quote belongs to this key. */
export const NO_SERVER = 'global';

/** The server's time zone (its daily subscription's, else UTC). */
export async function findServerZone(store: Store | null, guildId: string): Promise<string> {
  return (await store?.getSubscription(guildId))?.timezone ?? 'UTC';
}

/** The server's local date now. */
export async function findServerDate(
  store: Store | null,
  guildId: string,
  now: Date,
): Promise<string> {
  return formatLocalDate(now, await findServerZone(store, guildId));
}

export interface QuoteOfTheDayRequest {
  corpus: Corpus;
  store: Store | null;
  bounds: QuoteBounds;
  guildId: string;
  localDate: string;
  now: Date;
  /** The eligible statements, when the caller keeps them (the scheduler does). */
  eligible?: readonly EligibleStatement[];
  /** Record a fresh pick, pinning it for the day (false for read-only callers like the CLI). */
  record: boolean;
}

export async function resolveQuoteOfTheDay(
  request: QuoteOfTheDayRequest,
): Promise<QuotePick | null> {
  const { corpus, store, guildId, localDate } = request;
  const pinnedId = (await store?.getPick(guildId, localDate)) ?? null;
  const lookup = (id: string): QuotePick | null => {
    const statement = corpus.statements.find((s) => s.id === id);
    const meeting = statement && corpus.meetings.find((m) => m.id === statement.meetingId);
    return statement && meeting
      ? { statement, meeting, onThisDay: isOnThisDay(meeting.date, localDate) }
      : null;
  };
  if (pinnedId !== null) {
    const pinned = lookup(pinnedId);
    if (pinned) return pinned;
  }
  const pick = pickDailyQuote({
    corpus,
    serverId: guildId,
    date: localDate,
    history: (await store?.listPicks(guildId)) ?? [],
    minChars: request.bounds.minChars,
    maxChars: request.bounds.maxChars,
    ...(request.eligible ? { eligible: request.eligible } : {}),
  });
  if (!pick || !store || !request.record) return pick;
  if (pinnedId !== null) {
    // The pinned statement left the corpus (reports changed): today gets a new one.
    await store.replacePick(guildId, localDate, pick.statement.id, request.now);
    return pick;
  }
  // Another process may have recorded first; everyone then shows its pick.
  const saved = await store.savePick(guildId, localDate, pick.statement.id, request.now);
  return saved === pick.statement.id ? pick : (lookup(saved) ?? pick);
}
