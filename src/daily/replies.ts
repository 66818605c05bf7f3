// What /quote and /daily answer, platform-neutral: the command files only read options and call these.
import { EXPIRED_TEXT } from '../../commands/types.js';
import type { AppContext } from '../context.js';
import { findSpeaker, suggestSpeakers } from '../search/lookup.js';
import { shown } from '../answers/format.js';
import { emptyCard, textReply } from '../answers/view.js';
import type { ReplyView } from '../answers/view.js';
import { buildContextView, buildQuoteView, findStatementByKey } from '../answers/quote-view.js';
import { listEligibleStatements, pickDailyQuote, pickRandomQuote } from './pick.js';
import type { QuoteBounds } from './pick.js';
import type { Store, Subscription } from '../store/types.js';
import {
  findNextOccurrence,
  findOccurrenceOn,
  formatLocalDate,
  formatLocalDateTime,
  listTimeZones,
  parseTimeOfDay,
  resolveTimeZone,
} from './time.js';
import { findServerZone, resolveQuoteOfTheDay } from './today.js';

export function readBounds(ctx: AppContext): QuoteBounds {
  return { minChars: ctx.config.quoteMinChars, maxChars: ctx.config.quoteMaxChars };
}

/**
 * Speakers who say something in the reports, matching what has been typed so far. Autocomplete
 * must answer at once, so the length bounds are checked only when /quote runs.
 */
export function suggestQuoteSpeakers(ctx: AppContext, partial: string, max = 25): string[] {
  const quotable = new Set(ctx.corpus.meetings.flatMap((m) => m.speakers));
  return suggestSpeakers(ctx.index.data.lookup, partial, ctx.corpus.speakers.length)
    .filter((s) => quotable.has(s.name))
    .slice(0, max)
    .map((s) => s.name.slice(0, 100));
}

const POPULAR_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tehran',
  'Asia/Baku',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Africa/Lagos',
];

/** IANA zones matching the typed text: zone prefix, then city prefix, then anywhere. */
export function suggestTimeZones(partial: string, max = 25): string[] {
  const q = partial.trim().toLowerCase().replace(/\s+/g, '_');
  if (q === '') return POPULAR_ZONES.slice(0, max);
  const ranked: { zone: string; rank: number }[] = [];
  for (const zone of listTimeZones()) {
    const z = zone.toLowerCase();
    const city = z.slice(z.lastIndexOf('/') + 1);
    const rank = z.startsWith(q) ? 0 : city.startsWith(q) ? 1 : z.includes(q) ? 2 : -1;
    if (rank >= 0) ranked.push({ zone, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone));
  return ranked.slice(0, max).map((r) => r.zone);
}

export interface QuoteRequest {
  speaker: string | null;
  random: boolean;
  guildId: string | null;
  userId: string;
}

/** /quote: today's quote for the server (or a speaker's, or a random one), public, with Context. */
export async function answerQuote(ctx: AppContext, request: QuoteRequest): Promise<ReplyView> {
  const bounds = readBounds(ctx);
  let speaker: string | null = null;
  if (request.speaker !== null && request.speaker.trim() !== '') {
    const found = findSpeaker(ctx.index.data.lookup, request.speaker);
    if (!found.speaker) {
      const names = found.candidates.slice(0, 5).map((s) => s.name);
      return textReply(
        `No speaker named “${shown(request.speaker.trim(), 100)}” in the reports.${names.length > 0 ? ` Did you mean ${shown(names.join(', '))}?` : ''}`,
      );
    }
    speaker = found.speaker.name;
    if (listEligibleStatements(ctx.corpus, bounds, speaker).length === 0) {
      return textReply(`The reports have no quotable statement by ${shown(speaker)}.`);
    }
  }
  const now = ctx.now();
  if (request.random) {
    const pick = pickRandomQuote({ corpus: ctx.corpus, bounds, speaker, random: Math.random });
    if (!pick) return textReply(noQuoteMessage());
    return buildQuoteView(ctx.corpus, pick, { heading: { kind: 'random' }, ephemeral: false });
  }
  const server = request.guildId ?? `user:${request.userId}`;
  const zone = request.guildId ? await findServerZone(ctx.store, request.guildId) : 'UTC';
  const localDate = formatLocalDate(now, zone);
  if (speaker !== null) {
    const pick = pickDailyQuote({
      corpus: ctx.corpus,
      serverId: server,
      date: localDate,
      history: (await ctx.store?.listPicks(server)) ?? [],
      speaker,
      ...bounds,
    });
    if (!pick) return textReply(noQuoteMessage());
    return buildQuoteView(ctx.corpus, pick, {
      heading: { kind: 'speaker', date: localDate },
      ephemeral: false,
    });
  }
  const pick = await resolveQuoteOfTheDay({
    corpus: ctx.corpus,
    store: ctx.store,
    bounds,
    guildId: server,
    localDate,
    now,
    // In DMs the quote belongs to the person, so it does not repeat for them either.
    record: true,
  });
  if (!pick) return textReply(noQuoteMessage());
  return buildQuoteView(ctx.corpus, pick, {
    heading: { kind: 'daily', date: localDate },
    ephemeral: false,
  });
}

function noQuoteMessage(): string {
  return 'No statement in the reports fits the quote length settings, so there is no quote to show.';
}

/** The "Context" button: the report around the quote, privately. */
export function answerQuoteContext(ctx: AppContext, key: string): ReplyView {
  const statement = findStatementByKey(ctx.corpus, key);
  if (!statement)
    // Removed from the reports (a live corpus swapped it out), or from before a restart.
    return textReply(EXPIRED_TEXT);
  return buildContextView(ctx.corpus, statement);
}

export interface DailyCaller {
  guildId: string | null;
  canManageGuild: boolean;
  /** False when only the member installed the app here: the bot is not in this server. */
  appInGuild?: boolean;
}

/** Checked on every /daily run: Discord's default permission can be changed by server admins. */
function refuseCaller(ctx: AppContext, caller: DailyCaller): ReplyView | null {
  if (caller.guildId === null)
    return textReply('The daily quote is set per server: use /daily in a server.');
  if (caller.appInGuild === false)
    return textReply(
      'The daily quote is posted by the bot in a server it has joined, and here the app is only installed on your account. A server admin can add it to this server (with the invite link from `npm run invite`), then use /daily.',
    );
  if (!caller.canManageGuild) {
    return textReply('Only members with the Manage Server permission can use /daily.');
  }
  const waiting = ctx.store ? null : ctx.storeWaiting?.();
  if (waiting) {
    const seconds = Math.max(
      1,
      Math.ceil((waiting.nextAttemptAt.getTime() - ctx.now().getTime()) / 1000),
    );
    return textReply(
      `The daily quote is waiting for its database: ${waiting.reason}. The bot tries again by itself (next try in about ${seconds} s, ${waiting.attempts} tr${waiting.attempts === 1 ? 'y' : 'ies'} so far); /daily works again as soon as it opens, without a restart. Scheduled posts resume then too.`,
    );
  }
  if (!ctx.store)
    return textReply(
      'The daily quote needs its database (DATA_DIR), which this bot has not opened.',
    );
  return null;
}

/** When the next quote goes out, or null when none is scheduled. */
export async function findNextPost(
  store: Store,
  sub: Subscription,
  now: Date,
): Promise<Date | null> {
  if (!sub.enabled || sub.pausedAt !== null) return null;
  const today = formatLocalDate(now, sub.timezone);
  const todayAt = findOccurrenceOn(sub.time, sub.timezone, today, now);
  if (
    todayAt &&
    todayAt <= now &&
    todayAt >= new Date(sub.activeFrom) &&
    !(await store.getPost(sub.guildId, today))
  ) {
    return now; // missed earlier today: goes out at the next check
  }
  let after = now;
  for (let i = 0; i < 3; i++) {
    const next = findNextOccurrence(sub.time, sub.timezone, after);
    const post = await store.getPost(sub.guildId, formatLocalDate(next, sub.timezone));
    if (!post || post.status === 'retry') return next;
    after = next;
  }
  return null;
}

async function describeNext(store: Store, sub: Subscription, now: Date): Promise<string> {
  const next = await findNextPost(store, sub, now);
  if (!next) return 'none scheduled';
  if (next.getTime() === now.getTime()) return 'within a minute (catching up today’s)';
  return formatLocalDateTime(next, sub.timezone);
}

export interface DailySetRequest {
  channelId: string;
  time: string;
  timezone: string;
}

export async function answerDailySet(
  ctx: AppContext,
  caller: DailyCaller,
  request: DailySetRequest,
): Promise<ReplyView> {
  const refused = refuseCaller(ctx, caller);
  if (refused || !ctx.store || caller.guildId === null) return refused ?? textReply('');
  const problems: string[] = [];
  const time = parseTimeOfDay(request.time);
  if (!time) {
    problems.push(
      `“${shown(request.time, 40)}” is not a time of day. Use HH:MM on a 24-hour clock, e.g. 09:00 or 18:30.`,
    );
  }
  const zone = resolveTimeZone(request.timezone);
  if (!zone) {
    const close = suggestTimeZones(request.timezone.split(/[/\s]/).pop() ?? '', 3);
    problems.push(
      `“${shown(request.timezone, 60)}” is not a time zone I know. Pick one from the list, e.g. ${(close.length > 0 ? close : ['Europe/Paris', 'America/New_York', 'UTC']).join(', ')}.`,
    );
  }
  if (!/^\d{1,20}$/.test(request.channelId)) problems.push('Choose a text channel for the quotes.');
  if (!time || !zone || problems.length > 0) return textReply(problems.join('\n'));
  const now = ctx.now();
  const sub = await ctx.store.setSubscription({
    guildId: caller.guildId,
    channelId: request.channelId,
    time,
    timezone: zone,
    now,
  });
  // A failed post today may be tried again once the problem is fixed (at a time still to come).
  await ctx.store.forgetFailedPost(caller.guildId, formatLocalDate(now, zone));
  ctx.log.info(
    { guildId: caller.guildId, channelId: request.channelId, time, zone },
    'daily quote set',
  );
  return textReply(
    [
      `Daily quote on: <#${request.channelId}> every day at ${time} (${zone}).`,
      `Next post: ${await describeNext(ctx.store, sub, now)}.`,
      'I need View Channel, Send Messages and Embed Links in that channel.',
    ].join('\n'),
  );
}

export async function answerDailyOff(ctx: AppContext, caller: DailyCaller): Promise<ReplyView> {
  const refused = refuseCaller(ctx, caller);
  if (refused || !ctx.store || caller.guildId === null) return refused ?? textReply('');
  const turnedOff = await ctx.store.disableSubscription(caller.guildId, ctx.now());
  if (!turnedOff) return textReply('The daily quote was not on here.');
  ctx.log.info({ guildId: caller.guildId }, 'daily quote turned off');
  return textReply(
    'Daily quote off. Its history is kept, so quotes will not repeat when you turn it back on with /daily set.',
  );
}

function snippet(text: string, max = 120): string {
  return shown(text.replace(/\s+/g, ' ').trim(), max);
}

export async function answerDailyStatus(ctx: AppContext, caller: DailyCaller): Promise<ReplyView> {
  const refused = refuseCaller(ctx, caller);
  if (refused || !ctx.store || caller.guildId === null) return refused ?? textReply('');
  const store = ctx.store;
  const sub = await store.getSubscription(caller.guildId);
  if (!sub)
    return textReply(
      'No daily quote is set up here. Use /daily set to choose a channel and a time.',
    );
  const now = ctx.now();
  const card = emptyCard();
  card.title = 'Daily quote';
  const state = !sub.enabled
    ? 'Off (turn it on with /daily set)'
    : sub.pausedAt
      ? `Paused since ${formatLocalDateTime(new Date(sub.pausedAt), sub.timezone)} after ${sub.failuresInRow} failed posts in a row. Fix the problem below, then run /daily set again.`
      : 'On';
  card.fields.push(
    { name: 'Channel', value: `<#${sub.channelId}>`, inline: true },
    { name: 'Time', value: `${sub.time} (${sub.timezone})`, inline: true },
    { name: 'State', value: state, inline: false },
  );
  if (sub.enabled && !sub.pausedAt) {
    card.fields.push({
      name: 'Next post',
      value: await describeNext(store, sub, now),
      inline: false,
    });
  }
  const last = await store.lastPost(caller.guildId);
  if (last) {
    const statement = ctx.corpus.statements.find((s) => s.id === last.statementId);
    const what = statement
      ? `“${snippet(statement.text)}” — ${statement.speaker ? shown(statement.speaker) : 'unattributed'}`
      : '';
    const when = last.finishedAt ?? last.claimedAt;
    const outcome: Record<typeof last.status, string> = {
      posted: 'posted',
      failed: 'failed',
      retry: 'not yet delivered, trying again',
      // A claim never confirmed means the bot stopped mid-post; it is not retried, to never post twice.
      claimed:
        now.getTime() - Date.parse(last.claimedAt) > 10 * 60_000
          ? 'not confirmed (the bot stopped while posting; it is not sent again, to never post twice)'
          : 'being posted',
    };
    card.fields.push({
      name: 'Last post',
      value: `${last.localDate} in <#${last.channelId}>, ${outcome[last.status]} (${formatLocalDateTime(new Date(when), sub.timezone)})${what ? `\n${what}` : ''}`,
      inline: false,
    });
  } else {
    card.fields.push({ name: 'Last post', value: 'none yet', inline: false });
  }
  if (sub.lastError) {
    card.fields.push({
      name: 'Last error',
      value: `${formatLocalDateTime(new Date(sub.lastError.at), sub.timezone)}: ${sub.lastError.message}${sub.failuresInRow > 0 ? `\nFailed posts in a row: ${sub.failuresInRow} (pauses at 3)` : ''}`,
      inline: false,
    });
  } else {
    card.fields.push({ name: 'Last error', value: 'none', inline: false });
  }
  return { ephemeral: true, content: null, cards: [card], buttons: [] };
}

/** /daily preview: privately, exactly what the channel gets today. */
export async function answerDailyPreview(ctx: AppContext, caller: DailyCaller): Promise<ReplyView> {
  const refused = refuseCaller(ctx, caller);
  if (refused || !ctx.store || caller.guildId === null) return refused ?? textReply('');
  const now = ctx.now();
  const sub = await ctx.store.getSubscription(caller.guildId);
  const zone = sub?.timezone ?? 'UTC';
  const localDate = formatLocalDate(now, zone);
  const pick = await resolveQuoteOfTheDay({
    corpus: ctx.corpus,
    store: ctx.store,
    bounds: readBounds(ctx),
    guildId: caller.guildId,
    localDate,
    now,
    record: true,
  });
  if (!pick) return textReply(noQuoteMessage());
  const view = buildQuoteView(ctx.corpus, pick, {
    heading: { kind: 'daily', date: localDate },
    ephemeral: true,
  });
  const post = await ctx.store.getPost(caller.guildId, localDate);
  let note: string;
  if (!sub) note = `Preview of today’s quote (${localDate}). No channel is set: use /daily set.`;
  else if (post?.status === 'posted')
    note = `Today’s quote (${localDate}), already posted in <#${post.channelId}>.`;
  else if (!sub.enabled || sub.pausedAt)
    note = `Preview of today’s quote (${localDate}). The daily post is ${sub.enabled ? 'paused' : 'off'}.`;
  else
    note = `Preview: <#${sub.channelId}> gets this at ${sub.time} (${sub.timezone}) on ${localDate}.`;
  return { ...view, content: note };
}
