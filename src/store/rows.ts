// Rows as both dialects return them (same column names and types), and what they become.
import { randomUUID } from 'node:crypto';
import type {
  Alert,
  AnnounceChannel,
  AnnouncementRecord,
  AnnouncementStatus,
  DeliveryRecord,
  DeliveryStatus,
  PostRecord,
  PostStatus,
  Subscription,
} from './types.js';

export interface SubscriptionRow {
  guild_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  enabled: number;
  active_from: string;
  failures_in_row: number;
  paused_at: string | null;
  paused_reason: string | null;
  last_error_at: string | null;
  last_error_status: number | null;
  last_error_code: number | null;
  last_error_message: string | null;
  updated_at: string;
}

export interface PostRow {
  guild_id: string;
  local_date: string;
  channel_id: string;
  statement_id: string;
  status: PostStatus;
  attempts: number;
  claimed_at: string;
  finished_at: string | null;
  retry_at: string | null;
  error_message: string | null;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    timezone: row.timezone,
    enabled: Number(row.enabled) === 1,
    activeFrom: row.active_from,
    failuresInRow: Number(row.failures_in_row),
    pausedAt: row.paused_at,
    pausedReason: row.paused_reason,
    lastError:
      row.last_error_at === null
        ? null
        : {
            at: row.last_error_at,
            status: row.last_error_status,
            code: row.last_error_code,
            message: row.last_error_message ?? '',
          },
    updatedAt: row.updated_at,
  };
}

export function toPost(row: PostRow): PostRecord {
  return {
    guildId: row.guild_id,
    localDate: row.local_date,
    channelId: row.channel_id,
    statementId: row.statement_id,
    status: row.status,
    attempts: Number(row.attempts),
    claimedAt: row.claimed_at,
    finishedAt: row.finished_at,
    retryAt: row.retry_at,
    errorMessage: row.error_message,
  };
}

/** Button state is kept as JSON text; anything unreadable counts as gone. */
export function parseStateValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Milliseconds of a cooldown still to wait (at least 1 while it runs). */
export function cooldownLeft(untilMs: number, now: Date): number {
  return Math.max(1, untilMs - now.getTime());
}

export interface AnnounceRow {
  guild_id: string;
  channel_id: string;
  enabled: number;
  active_from: string;
  updated_at: string;
}

export interface AnnouncementRow {
  guild_id: string;
  meeting_id: string;
  channel_id: string;
  status: AnnouncementStatus;
  claimed_at: string;
  finished_at: string | null;
  error_message: string | null;
}

export interface AlertRow {
  id: string;
  user_id: string;
  guild_id: string | null;
  words: string;
  speaker: string | null;
  created_at: string;
  active_from: string;
  failures_in_row: number;
  paused_at: string | null;
  last_error_at: string | null;
  last_error_code: number | null;
  last_error_message: string | null;
}

export interface DeliveryRow {
  alert_id: string;
  meeting_id: string;
  statement_id: string | null;
  status: DeliveryStatus;
  error_code: number | null;
  error_message: string | null;
}

export function toAnnounce(row: AnnounceRow): AnnounceChannel {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    enabled: Number(row.enabled) === 1,
    activeFrom: row.active_from,
    updatedAt: row.updated_at,
  };
}

export function toAnnouncement(row: AnnouncementRow): AnnouncementRecord {
  return {
    guildId: row.guild_id,
    meetingId: row.meeting_id,
    channelId: row.channel_id,
    status: row.status,
    claimedAt: row.claimed_at,
    finishedAt: row.finished_at,
    errorMessage: row.error_message,
  };
}

export function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    userId: row.user_id,
    guildId: row.guild_id,
    words: row.words,
    speaker: row.speaker,
    createdAt: row.created_at,
    activeFrom: row.active_from,
    failuresInRow: Number(row.failures_in_row),
    pausedAt: row.paused_at,
    lastError:
      row.last_error_at === null
        ? null
        : {
            at: row.last_error_at,
            code: row.last_error_code === null ? null : Number(row.last_error_code),
            message: row.last_error_message ?? '',
          },
  };
}

export function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    alertId: row.alert_id,
    meetingId: row.meeting_id,
    statementId: row.statement_id,
    status: row.status,
    errorCode: row.error_code === null ? null : Number(row.error_code),
    errorMessage: row.error_message,
  };
}

/** Case and spacing do not make two alerts different. */
export function sameAlert(alert: Alert, words: string, speaker: string | null): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(alert.words) === fold(words) && fold(alert.speaker ?? '') === fold(speaker ?? '');
}

export function newAlertId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 12);
}
