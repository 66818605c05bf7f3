// What /announce and /alert answer, platform-neutral. In the console (a preview caller) nothing is
// saved: the commands show what a channel or a member would be sent.
import type { Caller } from '../../commands/types.js';
import type { AppContext } from '../context.js';
import type { Meeting } from '../corpus/types.js';
import { digestMeeting, getProfileStats } from '../answers/profiles.js';
import { clipText, formatMeetingLabel, plainText, shown } from '../answers/format.js';
import { textReply } from '../answers/view.js';
import type { ReplyView } from '../answers/view.js';
import { askQuestion } from '../search/engine.js';
import { findSpeaker } from '../search/lookup.js';
import { suggestQuoteSpeakers } from '../daily/replies.js';
import type { Alert, Store } from '../store/types.js';
import {
  buildAlertListView,
  buildAlertMessage,
  buildAnnouncementView,
  describeAlert,
} from './views.js';

/** A member's alerts; also Discord's limit of autocomplete choices for /alert remove. */
export const MAX_ALERTS = 25;
export const MAX_ALERT_WORDS = 200;

function waitingForStore(ctx: AppContext, what: string): ReplyView {
  const waiting = ctx.storeWaiting?.();
  if (waiting)
    return textReply(
      `${what} waits for the bot's database: ${waiting.reason}. The bot tries again by itself; try again in a minute.`,
    );
  return textReply(`${what} needs the bot's database (DATA_DIR), which this bot has not opened.`);
}

/** Meetings in the corpus now are never "new" for what is set from now on. */
async function markCorpusSeen(ctx: AppContext, store: Store): Promise<void> {
  await store.alerts.markMeetingsSeen(
    ctx.corpus.meetings.map((m) => m.id),
    ctx.now(),
  );
}

function latestMeeting(meetings: readonly Meeting[]): Meeting | null {
  let latest: Meeting | null = null;
  for (const m of meetings) if (!latest || (m.date ?? '') >= (latest.date ?? '')) latest = m;
  return latest;
}

/** The card a new meeting gets; here for the latest meeting, privately. */
export function answerAnnouncePreview(ctx: AppContext, note: string | null = null): ReplyView {
  const meeting = latestMeeting(ctx.corpus.meetings);
  if (!meeting)
    return textReply('The reports hold no meeting yet, so there is nothing to preview.');
  const view = buildAnnouncementView(
    digestMeeting(getProfileStats(ctx), meeting),
    ctx.config.publicUrl,
  );
  return {
    ...view,
    ephemeral: true,
    content:
      note ?? 'Preview: a new meeting is announced like this (shown for the latest meeting).',
  };
}

function refuseAnnounce(ctx: AppContext, caller: Caller): ReplyView | null {
  if (caller.guildId === null)
    return textReply('Announcements are set per server: use /announce in a server.');
  if (!caller.canManageGuild)
    return textReply('Only members with the Manage Server permission can use /announce.');
  if (!ctx.store) return waitingForStore(ctx, 'Announcing new meetings');
  return null;
}

export async function answerAnnounceSet(
  ctx: AppContext,
  caller: Caller,
  channelId: string,
): Promise<ReplyView> {
  if (caller.preview) {
    const where = /^\d{1,20}$/.test(channelId) ? `<#${channelId}>` : 'the channel';
    return answerAnnouncePreview(
      ctx,
      `Preview (nothing is saved here): in a server, ${where} would get this card when a new meeting appears. Shown for the latest meeting.`,
    );
  }
  const refused = refuseAnnounce(ctx, caller);
  if (refused || !ctx.store || caller.guildId === null) return refused ?? textReply('');
  if (!/^\d{1,20}$/.test(channelId))
    return textReply('Choose a text channel for the announcements.');
  await markCorpusSeen(ctx, ctx.store);
  const set = await ctx.store.alerts.setAnnounceChannel({
    guildId: caller.guildId,
    channelId,
    now: ctx.now(),
  });
  ctx.log.info({ guildId: caller.guildId, channelId }, 'announcements set');
  return textReply(
    [
      `New meetings will be announced in <#${set.channelId}>: title, date, speakers, two key quotes and the source.`,
      'Meetings already in the reports are not announced.',
      'I need View Channel, Send Messages and Embed Links in that channel.',
    ].join('\n'),
  );
}

export async function answerAnnounceOff(ctx: AppContext, caller: Caller): Promise<ReplyView> {
  if (caller.preview)
    return textReply('The console announces nothing, so there is nothing to turn off.');
  const refused = refuseAnnounce(ctx, caller);
  if (refused || !ctx.store || caller.guildId === null) return refused ?? textReply('');
  if (!(await ctx.store.alerts.disableAnnounce(caller.guildId, ctx.now())))
    return textReply('Announcements were not on here.');
  ctx.log.info({ guildId: caller.guildId }, 'announcements turned off');
  return textReply(
    'Announcements off. Meetings added while they are off are not announced when you turn them back on.',
  );
}

/** /announce status: channel, state, and the latest announcement with its error if it failed. */
export async function answerAnnounceStatus(ctx: AppContext, caller: Caller): Promise<ReplyView> {
  if (caller.preview) return answerAnnouncePreview(ctx);
  const refused = refuseAnnounce(ctx, caller);
  if (refused || !ctx.store || caller.guildId === null) return refused ?? textReply('');
  const set = await ctx.store.alerts.getAnnounceChannel(caller.guildId);
  if (!set)
    return textReply('New meetings are not announced here. Use /announce set to choose a channel.');
  const lines = [
    set.enabled
      ? `New meetings are announced in <#${set.channelId}>.`
      : `Announcements are off (they went to <#${set.channelId}>). Turn them on with /announce set.`,
  ];
  const last = await ctx.store.alerts.lastAnnouncement(caller.guildId);
  if (!last) lines.push('No meeting announced yet.');
  else {
    const meeting = ctx.corpus.meetings.find((m) => m.id === last.meetingId);
    const label = meeting ? formatMeetingLabel(meeting) : shown(last.meetingId);
    const outcome = {
      posted: 'posted',
      claimed: 'being posted (or the bot stopped while posting; it is not sent again)',
      // Our own words (with Discord's status and code), shown as written, like /daily status.
      failed: `failed: ${(last.errorMessage ?? 'unknown error').replace(/\.$/, '')}`,
    }[last.status];
    lines.push(`Last: ${label} in <#${last.channelId}>, ${outcome}.`);
  }
  return textReply(lines.join('\n'));
}

export interface AlertAddRequest {
  words: string;
  speaker: string | null;
}

/** The speaker as the reports name them; as typed when nobody by that name is known yet. */
function resolveAlertSpeaker(
  ctx: AppContext,
  typed: string | null,
): { name: string; known: boolean } | { close: string[] } | null {
  const t = typed?.trim() ?? '';
  if (t === '') return null;
  const found = findSpeaker(ctx.index.data.lookup, t);
  if (found.speaker) return { name: found.speaker.name, known: true };
  // Ambiguous, or a near spelling of someone known: ask rather than watch for a name nobody has.
  if (found.candidates.length > 0)
    return { close: found.candidates.slice(0, 5).map((c) => c.name) };
  return { name: clipText(plainText(t), 100), known: false };
}

/** The console's /alert add: the message the latest matching statement would send. */
function previewAlert(ctx: AppContext, alert: Pick<Alert, 'words' | 'speaker'>): ReplyView {
  const answer = askQuestion(ctx.index, alert.words, {
    ...(alert.speaker ? { speaker: alert.speaker } : {}),
    limit: 10,
  });
  const newest =
    answer.outcome.kind === 'found'
      ? [...answer.results].sort((a, b) =>
          (b.meeting.date ?? '').localeCompare(a.meeting.date ?? ''),
        )[0]
      : undefined;
  if (!newest)
    return textReply(
      `Preview (nothing is saved here): no meeting in the reports has ${shown(describeAlert(alert))} yet. In Discord the alert would wait for a new meeting that does.`,
    );
  const more = answer.results.filter((r) => r.meeting.id === newest.meeting.id).length - 1;
  const view = buildAlertMessage(
    alert,
    newest.statement,
    newest.meeting,
    Math.max(0, more),
    ctx.config.publicUrl,
  );
  return {
    ...view,
    ephemeral: true,
    content: `Preview (nothing is saved here): in Discord this alert sends you a direct message like this when a new meeting has its words. Shown for ${shown(newest.meeting.date ?? 'an undated meeting')}.`,
  };
}

export async function answerAlertAdd(
  ctx: AppContext,
  caller: Caller,
  request: AlertAddRequest,
): Promise<ReplyView> {
  const words = request.words.replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(words))
    return textReply('Give the words to look for, e.g. /alert add words:harbour bridge.');
  if (words.length > MAX_ALERT_WORDS)
    return textReply(`Keep the words under ${MAX_ALERT_WORDS} characters.`);
  const resolved = resolveAlertSpeaker(ctx, request.speaker);
  if (resolved && 'close' in resolved)
    return textReply(
      `Which speaker do you mean by “${shown(request.speaker?.trim() ?? '', 100)}”? ${shown(resolved.close.join(', '))}. Pick one from the list.`,
    );
  const speaker = resolved;
  if (caller.preview) return previewAlert(ctx, { words, speaker: speaker?.name ?? null });
  if (!ctx.store) return waitingForStore(ctx, 'Alerts');
  await markCorpusSeen(ctx, ctx.store);
  const result = await ctx.store.alerts.addAlert({
    userId: caller.userId,
    guildId: caller.guildId,
    words,
    speaker: speaker?.name ?? null,
    now: ctx.now(),
    max: MAX_ALERTS,
  });
  if (result.kind === 'full')
    return textReply(
      `You have ${result.count} alerts, the most one member can have. Remove one with /alert remove first.`,
    );
  const what = shown(describeAlert(result.alert));
  if (result.kind === 'exists')
    return textReply(
      result.resumed
        ? `Your alert ${what} was paused; it is on again, for meetings added from now on.`
        : `You already have the alert ${what}.`,
    );
  ctx.log.info({ userId: caller.userId, alertId: result.alert.id }, 'alert added');
  return textReply(
    [
      `Alert on: when a new meeting has a statement that /ask finds for ${what}, I send you a direct message with the quote and its source.`,
      speaker && !speaker.known
        ? `Nobody called ${shown(speaker.name)} speaks in the reports yet; the alert matches once they do.`
        : null,
      'Meetings already in the reports are not sent. Allow direct messages from this server’s members so they reach you.',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );
}

export async function answerAlertList(ctx: AppContext, caller: Caller): Promise<ReplyView> {
  if (caller.preview)
    return textReply(
      'The console keeps no alerts: /alert add words:<text> shows what an alert would send you.',
    );
  if (!ctx.store) return waitingForStore(ctx, 'Alerts');
  return buildAlertListView(await ctx.store.alerts.listAlerts(caller.userId), MAX_ALERTS);
}

export async function answerAlertRemove(
  ctx: AppContext,
  caller: Caller,
  chosen: string,
): Promise<ReplyView> {
  if (caller.preview) return textReply('The console keeps no alerts, so there is none to remove.');
  if (!ctx.store) return waitingForStore(ctx, 'Alerts');
  const alerts = ctx.store.alerts;
  const own = await alerts.listAlerts(caller.userId);
  // Picked from the list (its id), or typed as its words.
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const target =
    own.find((a) => a.id === chosen) ?? own.find((a) => fold(a.words) === fold(chosen));
  const removed = target ? await alerts.removeAlert(caller.userId, target.id) : null;
  if (!removed) return textReply('You have no such alert. /alert list shows yours.');
  return textReply(`Alert ${shown(describeAlert(removed))} removed.`);
}

/** /alert remove's autocomplete: the member's own alerts matching what is typed. */
export async function suggestOwnAlerts(
  ctx: AppContext,
  caller: Caller,
  partial: string,
): Promise<{ name: string; value: string }[]> {
  if (!ctx.store || caller.preview) return [];
  const typed = partial.toLowerCase().trim();
  return (await ctx.store.alerts.listAlerts(caller.userId))
    .filter((a) => typed === '' || describeAlert(a).toLowerCase().includes(typed))
    .slice(0, MAX_ALERTS)
    .map((a) => ({
      name: clipText(plainText(`${describeAlert(a)}${a.pausedAt ? ' (paused)' : ''}`), 100),
      value: a.id,
    }));
}

export function suggestAlertSpeakers(
  ctx: AppContext,
  partial: string,
): { name: string; value: string }[] {
  return suggestQuoteSpeakers(ctx, partial).map((name) => ({ name, value: name }));
}
