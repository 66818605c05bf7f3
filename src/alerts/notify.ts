// When meetings are new: post each server's announcement card and send members' alert messages,
// each once across restarts and processes (claimed in the database before sending).
//
// What "new" means: the database records every meeting id the first time any process sees it
// (`seen_meetings`). A meeting is new for a server's announcements, or for an alert, when it was
// first seen after they were set. So a first install with 500 records announces nothing (no
// announcement was set when they were first seen); records added while the bot was down are
// announced at the next start; a record removed and added back, or edited, is not new. A record
// renamed has a new id, so it counts as new.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { CorpusChange, CorpusListener } from '../corpus/change.js';
import type { Corpus, Meeting } from '../corpus/types.js';
import { buildProfileStats, digestMeeting, profileStatsInSlices } from '../answers/profiles.js';
import type { ProfileStats } from '../answers/profiles.js';
import { formatMeetingLabel } from '../answers/format.js';
import { textReply } from '../answers/view.js';
import type { ReplyView } from '../answers/view.js';
import { askQuestion, buildIndex } from '../search/engine.js';
import type { SearchIndex } from '../search/engine.js';
import { isTransientFailure, sendWithRetry } from '../daily/poster.js';
import type { ChannelPoster, PostFailure } from '../daily/poster.js';
import type { Alert, AnnounceChannel, Store } from '../store/types.js';
import { buildAlertMessage, buildAnnouncementView } from './views.js';

/** Sends a direct message to a user; rejects with the platform's error (status/code) on failure. */
export interface DirectMessenger {
  send(userId: string, view: ReplyView): Promise<void>;
}

export interface NewMeetingsDeps {
  /** The running context: its store, and the index and profile statistics of the corpus in force. */
  ctx: Pick<AppContext, 'store' | 'corpus' | 'index' | 'profileStats' | 'log' | 'now' | 'config'>;
  /** Posts to channels (announcements). */
  poster: ChannelPoster;
  /** Sends direct messages (alerts). */
  messenger: DirectMessenger;
  /** Names this process in claims (default host:pid:random). */
  owner?: string;
  /** With several shards, each announces only in its own servers. */
  ownsGuild?: (guildId: string) => boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Tries per send with backoff from `retryBaseMs` (defaults 3 and 2 s). */
  sendAttempts?: number;
  retryBaseMs?: number;
  /** Failed direct messages in a row before an alert pauses (default 3). */
  pauseAfter?: number;
}

export type AnnounceOutcome =
  | { guildId: string; meetingId: string; result: 'posted' }
  | { guildId: string; meetingId: string; result: 'failed'; failure: PostFailure }
  /** Beyond the cards of one pass: listed in one message instead. */
  | { guildId: string; meetingId: string; result: 'listed' };

export type AlertOutcome =
  | { alertId: string; userId: string; meetingId: string; result: 'sent'; statementId: string }
  | {
      alertId: string;
      userId: string;
      meetingId: string;
      result: 'failed';
      failure: PostFailure;
      paused: boolean;
    };

export interface NewMeetingsOutcome {
  /** Meetings this database saw for the first time in this pass. */
  firstSeen: number;
  announcements: AnnounceOutcome[];
  alerts: AlertOutcome[];
}

/** A pass posts at most this many cards in one server; further new meetings are listed. */
export const MAX_CARDS_PER_PASS = 5;
export const ALERT_PAUSE_AFTER = 3;

function defaultOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The trigger a live corpus calls after each swap: acts on the meetings that are new. */
export function onNewMeetings(
  deps: NewMeetingsDeps,
  change: CorpusChange,
): Promise<NewMeetingsOutcome> {
  return processNewMeetings(deps, change.after);
}

/** At startup: meetings added while the bot was down (first seen now) are announced. */
export function catchUpNewMeetings(deps: NewMeetingsDeps): Promise<NewMeetingsOutcome> {
  return processNewMeetings(deps, deps.ctx.corpus);
}

/**
 * A CorpusListener for the live corpus: passes run one after another in this process (claims
 * keep other processes from sending twice), and swaps that come faster than the passes collapse
 * into one pass over the latest corpus. A failure is logged, never thrown at the watcher.
 * `catchUp()` queues the startup pass; `idle()` resolves when no pass is queued or running.
 */
export interface NewMeetingsListener extends CorpusListener {
  catchUp(): void;
  idle(): Promise<void>;
}

export function createNewMeetingsListener(deps: NewMeetingsDeps): NewMeetingsListener {
  const shared = { ...deps, owner: deps.owner ?? defaultOwner() };
  let queue: Promise<unknown> = Promise.resolve();
  let latest: CorpusChange | null = null;
  const enqueue = (work: () => Promise<unknown>): void => {
    queue = queue
      .then(work)
      .catch((err: unknown) => deps.ctx.log.error({ err }, 'new meetings: pass failed'));
  };
  const listener = (change: CorpusChange): void => {
    const waiting = latest !== null;
    latest = change;
    if (waiting) return; // the pass already queued takes this newer corpus
    enqueue(async () => {
      const next = latest;
      latest = null;
      if (next) await onNewMeetings(shared, next);
    });
  };
  return Object.assign(listener, {
    catchUp: () => enqueue(() => catchUpNewMeetings(shared)),
    idle: async () => {
      let seen: Promise<unknown>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
  });
}

/**
 * How a running bot uses the listener: the startup catch-up as soon as the store is open (now,
 * or when `whenStoreOpens` calls back), then a pass after each swap of a live corpus
 * (`ctx.onCorpusChange`, absent while the corpus never changes). `stop()` unsubscribes and
 * resolves when the pass under way is done.
 */
export function startNewMeetingsWatch(
  deps: NewMeetingsDeps & { ctx: Pick<AppContext, 'onCorpusChange'> },
  whenStoreOpens: (opened: () => void) => void,
): { listener: NewMeetingsListener; stop(): Promise<void> } {
  const listener = createNewMeetingsListener(deps);
  if (deps.ctx.store) listener.catchUp();
  else whenStoreOpens(() => listener.catchUp());
  const unsubscribe = deps.ctx.onCorpusChange?.(listener);
  return {
    listener,
    stop: () => {
      unsubscribe?.();
      return listener.idle();
    },
  };
}

/** Everything a pass reads once: the corpus's meetings by id, and its index and statistics. */
interface Pass {
  deps: NewMeetingsDeps & { owner: string };
  store: Store;
  corpus: Corpus;
  meetings: Map<string, Meeting>;
  index(): SearchIndex;
  stats(): Promise<ProfileStats>;
}

export async function processNewMeetings(
  deps: NewMeetingsDeps,
  corpus: Corpus,
): Promise<NewMeetingsOutcome> {
  const outcome: NewMeetingsOutcome = { firstSeen: 0, announcements: [], alerts: [] };
  const store = deps.ctx.store;
  if (!store) return outcome;
  const { ctx } = deps;
  outcome.firstSeen = await store.alerts.markMeetingsSeen(
    corpus.meetings.map((m) => m.id),
    ctx.now(),
  );
  let index: SearchIndex | null = null;
  let stats: Promise<ProfileStats> | null = null;
  const pass: Pass = {
    deps: { ...deps, owner: deps.owner ?? defaultOwner() },
    store,
    corpus,
    meetings: new Map(corpus.meetings.map((m) => [m.id, m])),
    // The context's when it is this corpus's (the usual case after a swap), else built here.
    index: () => (index ??= ctx.index.corpus === corpus ? ctx.index : buildIndex(corpus)),
    // Built a slice at a time (a new meeting comes just after a swap, when they are not built
    // yet): questions are answered meanwhile.
    stats: () =>
      (stats ??=
        ctx.corpus === corpus
          ? profileStatsInSlices(
              ctx as { corpus: Corpus; profileStats?: ProfileStats },
              ctx.index.data.lookup,
            )
          : Promise.resolve(buildProfileStats(corpus))),
  };
  for (const channel of await store.alerts.listEnabledAnnounceChannels()) {
    if (deps.ownsGuild && !deps.ownsGuild(channel.guildId)) continue;
    try {
      outcome.announcements.push(...(await announceInServer(pass, channel)));
    } catch (err) {
      ctx.log.error({ err, guildId: channel.guildId }, 'announcement: unexpected error');
    }
  }
  for (const alert of await store.alerts.listActiveAlerts()) {
    // Each alert asks the engine once per new meeting: let interactions in between.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      outcome.alerts.push(...(await runAlert(pass, alert)));
    } catch (err) {
      ctx.log.error({ err, alertId: alert.id }, 'alert: unexpected error');
    }
  }
  if (outcome.firstSeen > 0 || outcome.announcements.length > 0 || outcome.alerts.length > 0) {
    ctx.log.info(
      {
        firstSeen: outcome.firstSeen,
        announced: outcome.announcements.length,
        alerted: outcome.alerts.length,
      },
      'new meetings handled',
    );
  }
  return outcome;
}

function sendOptions(pass: Pass, what: Record<string, unknown>) {
  const { deps } = pass;
  return {
    sleep: deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    attempts: deps.sendAttempts ?? 3,
    baseDelayMs: deps.retryBaseMs ?? 2000,
    onRetry: (failure: PostFailure, delayMs: number, attempt: number) =>
      deps.ctx.log.warn(
        { ...what, status: failure.status, delayMs, attempt },
        'send failed, retrying',
      ),
  };
}

/** The shared failure words name /daily set; a manager fixes announcements with /announce set. */
function describeAnnounceFailure(failure: PostFailure): string {
  return failure.message.replaceAll('/daily set', '/announce set');
}

function byDate(a: Meeting, b: Meeting): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id);
}

async function announceInServer(pass: Pass, channel: AnnounceChannel): Promise<AnnounceOutcome[]> {
  const { store, deps } = pass;
  const log = deps.ctx.log;
  const pending = (await store.alerts.listUnannouncedMeetings(channel.guildId, channel.activeFrom))
    .map((id) => pass.meetings.get(id))
    .filter((m): m is Meeting => m !== undefined)
    .sort(byDate);
  const outcomes: AnnounceOutcome[] = [];
  // Many records at once (a folder copied in): cards for the latest, one list for the rest.
  const listed = pending.slice(0, Math.max(0, pending.length - MAX_CARDS_PER_PASS));
  const carded = pending.slice(listed.length);
  const base = { guildId: channel.guildId, channelId: channel.channelId };
  const claim = (meeting: Meeting): Promise<boolean> =>
    store.alerts.claimAnnouncement({
      guildId: channel.guildId,
      meetingId: meeting.id,
      channelId: channel.channelId,
      owner: deps.owner,
      now: deps.ctx.now(),
    });

  const claimedListed: Meeting[] = [];
  for (const meeting of listed) if (await claim(meeting)) claimedListed.push(meeting);
  if (claimedListed.length > 0) {
    const lines = claimedListed.map((m) => `• ${formatMeetingLabel(m)}`);
    let content = `${claimedListed.length} more new meetings (use /meeting to see one):\n`;
    for (const line of lines) {
      if (content.length + line.length + 20 > 2000) {
        content += '• …';
        break;
      }
      content += `${line}\n`;
    }
    const sent = await sendWithRetry(
      deps.poster,
      channel.channelId,
      textReply(content.trimEnd(), false),
      sendOptions(pass, base),
    );
    for (const meeting of claimedListed) {
      await store.alerts.finishAnnouncement(
        channel.guildId,
        meeting.id,
        sent.ok
          ? { posted: true }
          : { posted: false, error: describeAnnounceFailure(sent.failure) },
        deps.ctx.now(),
      );
      outcomes.push({ guildId: channel.guildId, meetingId: meeting.id, result: 'listed' });
    }
  }

  for (const meeting of carded) {
    if (!(await claim(meeting))) continue;
    const view = buildAnnouncementView(
      digestMeeting(await pass.stats(), meeting),
      deps.ctx.config.publicUrl,
    );
    const sent = await sendWithRetry(
      deps.poster,
      channel.channelId,
      view,
      sendOptions(pass, { ...base, meetingId: meeting.id }),
    );
    const now = deps.ctx.now();
    if (sent.ok) {
      await store.alerts.finishAnnouncement(channel.guildId, meeting.id, { posted: true }, now);
      log.info({ ...base, meetingId: meeting.id }, 'new meeting announced');
      outcomes.push({ guildId: channel.guildId, meetingId: meeting.id, result: 'posted' });
    } else {
      // Not tried again: a claim is never sent twice. The error is kept for the record.
      await store.alerts.finishAnnouncement(
        channel.guildId,
        meeting.id,
        { posted: false, error: describeAnnounceFailure(sent.failure) },
        now,
      );
      log.warn(
        { ...base, meetingId: meeting.id, status: sent.failure.status, code: sent.failure.code },
        'announcement failed',
      );
      outcomes.push({
        guildId: channel.guildId,
        meetingId: meeting.id,
        result: 'failed',
        failure: sent.failure,
      });
    }
  }
  return outcomes;
}

/** The statement /ask returns first for the alert's words in this meeting, and how many more. */
export function findAlertMatch(
  index: SearchIndex,
  alert: Pick<Alert, 'words' | 'speaker'>,
  meeting: Meeting,
): { statementId: string; more: number } | null {
  const answer = askQuestion(index, alert.words, {
    meeting: meeting.id,
    ...(alert.speaker ? { speaker: alert.speaker } : {}),
    limit: 10,
  });
  if (answer.outcome.kind !== 'found') return null;
  const here = answer.results.filter((r) => r.meeting.id === meeting.id);
  const first = here[0];
  if (!first) return null;
  return { statementId: first.statement.id, more: Math.max(0, answer.total - 1) };
}

/** Words for a failed direct message, in /alert list. */
function describeDmFailure(failure: PostFailure): string {
  if (failure.code === 50007)
    return 'Discord refused the direct message (code 50007: direct messages are closed)';
  return failure.message;
}

async function runAlert(pass: Pass, alert: Alert): Promise<AlertOutcome[]> {
  const { store, deps } = pass;
  const log = deps.ctx.log;
  const outcomes: AlertOutcome[] = [];
  const pending = (await store.alerts.listUncheckedMeetings(alert.id, alert.activeFrom))
    .map((id) => pass.meetings.get(id))
    .filter((m): m is Meeting => m !== undefined)
    .sort(byDate);
  for (const meeting of pending) {
    const match = findAlertMatch(pass.index(), alert, meeting);
    const claimed = await store.alerts.claimAlertDelivery({
      alertId: alert.id,
      meetingId: meeting.id,
      statementId: match?.statementId ?? null,
      owner: deps.owner,
      now: deps.ctx.now(),
    });
    if (!claimed || !match) continue;
    const statement = meeting.statements.find((s) => s.id === match.statementId);
    if (!statement) continue;
    const view = buildAlertMessage(
      alert,
      statement,
      meeting,
      match.more,
      deps.ctx.config.publicUrl,
    );
    const base = { alertId: alert.id, userId: alert.userId, meetingId: meeting.id };
    const sent = await sendWithRetry(
      { send: (userId, v) => deps.messenger.send(userId, v) },
      alert.userId,
      view,
      sendOptions(pass, base),
    );
    const now = deps.ctx.now();
    if (sent.ok) {
      await store.alerts.finishAlertDelivery(alert.id, meeting.id, { sent: true }, now);
      log.info({ ...base, statementId: statement.id }, 'alert sent');
      outcomes.push({ ...base, result: 'sent', statementId: statement.id });
      continue;
    }
    const { paused, failuresInRow } = await store.alerts.finishAlertDelivery(
      alert.id,
      meeting.id,
      {
        sent: false,
        code: sent.failure.code,
        error: describeDmFailure(sent.failure),
        // Discord's outages and rate limits are not the member's doing.
        counts: !isTransientFailure(sent.failure),
        pauseAfter: deps.pauseAfter ?? ALERT_PAUSE_AFTER,
      },
      now,
    );
    log.warn(
      { ...base, status: sent.failure.status, code: sent.failure.code, failuresInRow, paused },
      paused ? 'alert direct message failed; alert paused' : 'alert direct message failed',
    );
    outcomes.push({ ...base, result: 'failed', failure: sent.failure, paused });
    if (paused) break;
  }
  return outcomes;
}
