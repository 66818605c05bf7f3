// The announcements' and alerts' tables in the bot's database (schema step 2 of src/daily/store.ts):
// which meetings this database has seen and since when, each server's announcement channel, the
// (server, meeting) announcement claims, members' alerts and the (alert, meeting) delivery claims.
// Plain SQL on purpose (TEXT ISO instants, INTEGER flags, ON CONFLICT DO NOTHING for claims) so
// the same statements run on PostgreSQL.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Schema step 2. Never edit once released: add a step in src/daily/store.ts. */
export const ALERTS_MIGRATION_SQL = `
  CREATE TABLE seen_meetings (
    meeting_id TEXT PRIMARY KEY,
    first_seen_at TEXT NOT NULL
  );
  CREATE TABLE announce_channels (
    guild_id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    active_from TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE announcements (
    guild_id TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
    owner TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    error_message TEXT,
    PRIMARY KEY (guild_id, meeting_id)
  );
  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    guild_id TEXT,
    words TEXT NOT NULL,
    speaker TEXT,
    created_at TEXT NOT NULL,
    active_from TEXT NOT NULL,
    failures_in_row INTEGER NOT NULL DEFAULT 0,
    paused_at TEXT,
    last_error_at TEXT,
    last_error_code INTEGER,
    last_error_message TEXT
  );
  CREATE INDEX alerts_by_user ON alerts (user_id);
  CREATE TABLE alert_deliveries (
    alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL,
    statement_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('none', 'claimed', 'sent', 'failed')),
    owner TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    error_code INTEGER,
    error_message TEXT,
    PRIMARY KEY (alert_id, meeting_id)
  );
`;

export const ALERTS_TABLES = [
  'seen_meetings',
  'announce_channels',
  'announcements',
  'alerts',
  'alert_deliveries',
] as const;

export interface AnnounceChannel {
  guildId: string;
  channelId: string;
  enabled: boolean;
  /** ISO instant: only meetings this database first saw after it are announced. */
  activeFrom: string;
  updatedAt: string;
}

export type AnnouncementStatus = 'claimed' | 'posted' | 'failed';

export interface AnnouncementRecord {
  guildId: string;
  meetingId: string;
  channelId: string;
  status: AnnouncementStatus;
  claimedAt: string;
  finishedAt: string | null;
  errorMessage: string | null;
}

export interface Alert {
  id: string;
  userId: string;
  /** Where it was made (null in a direct message with the bot). */
  guildId: string | null;
  words: string;
  /** Canonical speaker name (or the name as typed when the reports do not know it yet). */
  speaker: string | null;
  createdAt: string;
  /** ISO instant: only meetings this database first saw after it are checked. */
  activeFrom: string;
  /** Direct messages that failed in a row (a delivered one resets it). */
  failuresInRow: number;
  pausedAt: string | null;
  lastError: { at: string; code: number | null; message: string } | null;
}

export type DeliveryStatus = 'none' | 'claimed' | 'sent' | 'failed';

export interface DeliveryRecord {
  alertId: string;
  meetingId: string;
  statementId: string | null;
  status: DeliveryStatus;
  errorCode: number | null;
  errorMessage: string | null;
}

export type AddAlertResult =
  | { kind: 'added'; alert: Alert }
  /** The member already has this alert; a paused one is resumed (from now on). */
  | { kind: 'exists'; alert: Alert; resumed: boolean }
  | { kind: 'full'; count: number };

export interface AlertStore {
  /**
   * Records meetings this database has not seen before, first seen `now`; returns how many were
   * new. A meeting counts as new for an announcement or an alert when first seen after it was set.
   */
  markMeetingsSeen(meetingIds: readonly string[], now: Date): number;

  getAnnounceChannel(guildId: string): AnnounceChannel | null;
  /** Sets the channel and turns announcements on; from `now` unless they were already on. */
  setAnnounceChannel(input: { guildId: string; channelId: string; now: Date }): AnnounceChannel;
  /** False when announcements were not on. */
  disableAnnounce(guildId: string, now: Date): boolean;
  listEnabledAnnounceChannels(): AnnounceChannel[];
  /** Meetings first seen after `activeFrom` with no announcement claimed in this server. */
  listUnannouncedMeetings(guildId: string, activeFrom: string): string[];
  /** True for exactly one caller per (server, meeting), across connections and processes. */
  claimAnnouncement(input: {
    guildId: string;
    meetingId: string;
    channelId: string;
    owner: string;
    now: Date;
  }): boolean;
  finishAnnouncement(
    guildId: string,
    meetingId: string,
    outcome: { posted: true } | { posted: false; error: string },
    now: Date,
  ): void;
  getAnnouncement(guildId: string, meetingId: string): AnnouncementRecord | null;
  /** The server's latest announcement claim (for /announce status). */
  lastAnnouncement(guildId: string): AnnouncementRecord | null;

  /** Adds a member's alert unless they have `max` already (or the same one). */
  addAlert(input: {
    userId: string;
    guildId: string | null;
    words: string;
    speaker: string | null;
    now: Date;
    max: number;
  }): AddAlertResult;
  listAlerts(userId: string): Alert[];
  /** Every alert that is not paused. */
  listActiveAlerts(): Alert[];
  /** Removes one of the member's own alerts; null when they have no such alert. */
  removeAlert(userId: string, alertId: string): Alert | null;
  /** Meetings first seen after `activeFrom` that this alert has not been checked against. */
  listUncheckedMeetings(alertId: string, activeFrom: string): string[];
  /**
   * Claims (alert, meeting) once across processes: with a statement it is to be sent, without
   * one it records "checked, nothing matched". True for exactly one caller.
   */
  claimAlertDelivery(input: {
    alertId: string;
    meetingId: string;
    statementId: string | null;
    owner: string;
    now: Date;
  }): boolean;
  /**
   * The direct message went out (failures reset) or failed (recorded on the alert; when `counts`,
   * one more failure in a row, pausing the alert at `pauseAfter`).
   */
  finishAlertDelivery(
    alertId: string,
    meetingId: string,
    outcome:
      | { sent: true }
      | { sent: false; code: number | null; error: string; counts: boolean; pauseAfter: number },
    now: Date,
  ): { failuresInRow: number; paused: boolean };
  getAlertDelivery(alertId: string, meetingId: string): DeliveryRecord | null;
}

interface AnnounceRow {
  guild_id: string;
  channel_id: string;
  enabled: number;
  active_from: string;
  updated_at: string;
}

interface AnnouncementRow {
  guild_id: string;
  meeting_id: string;
  channel_id: string;
  status: AnnouncementStatus;
  claimed_at: string;
  finished_at: string | null;
  error_message: string | null;
}

interface AlertRow {
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

interface DeliveryRow {
  alert_id: string;
  meeting_id: string;
  statement_id: string | null;
  status: DeliveryStatus;
  error_code: number | null;
  error_message: string | null;
}

function toAnnounce(row: AnnounceRow): AnnounceChannel {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    enabled: row.enabled === 1,
    activeFrom: row.active_from,
    updatedAt: row.updated_at,
  };
}

function toAnnouncement(row: AnnouncementRow): AnnouncementRecord {
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

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    userId: row.user_id,
    guildId: row.guild_id,
    words: row.words,
    speaker: row.speaker,
    createdAt: row.created_at,
    activeFrom: row.active_from,
    failuresInRow: row.failures_in_row,
    pausedAt: row.paused_at,
    lastError:
      row.last_error_at === null
        ? null
        : {
            at: row.last_error_at,
            code: row.last_error_code,
            message: row.last_error_message ?? '',
          },
  };
}

/** Case and spacing do not make two alerts different. */
function sameWords(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

/**
 * The statements are prepared on first use: a read-only opening of an older database (the CLI)
 * lacks these tables and never touches them.
 */
export function createAlertStore(db: Database.Database): AlertStore {
  let prepared: Statements | null = null;
  return buildAlertStore(db, () => (prepared ??= prepare(db)));
}

type Statements = ReturnType<typeof prepare>;

function prepare(db: Database.Database) {
  return {
    markSeen: db.prepare(
      'INSERT INTO seen_meetings (meeting_id, first_seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    getAnnounce: db.prepare('SELECT * FROM announce_channels WHERE guild_id = ?'),
    insertAnnounce: db.prepare(`
      INSERT INTO announce_channels (guild_id, channel_id, enabled, active_from, created_at, updated_at)
      VALUES (@guildId, @channelId, 1, @now, @now, @now) ON CONFLICT DO NOTHING`),
    updateAnnounce: db.prepare(`
      UPDATE announce_channels SET channel_id = @channelId, updated_at = @now,
        active_from = CASE WHEN enabled = 1 THEN active_from ELSE @now END, enabled = 1
      WHERE guild_id = @guildId`),
    disableAnnounce: db.prepare(
      'UPDATE announce_channels SET enabled = 0, updated_at = ? WHERE guild_id = ? AND enabled = 1',
    ),
    enabledAnnounce: db.prepare(
      'SELECT * FROM announce_channels WHERE enabled = 1 ORDER BY guild_id',
    ),
    unannounced: db.prepare(`
      SELECT s.meeting_id FROM seen_meetings s
      WHERE s.first_seen_at > ? AND NOT EXISTS (
        SELECT 1 FROM announcements a WHERE a.guild_id = ? AND a.meeting_id = s.meeting_id)
      ORDER BY s.first_seen_at, s.meeting_id`),
    claimAnnouncement: db.prepare(`
      INSERT INTO announcements (guild_id, meeting_id, channel_id, status, owner, claimed_at)
      VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`),
    finishAnnouncement: db.prepare(`
      UPDATE announcements SET status = ?, finished_at = ?, error_message = ?
      WHERE guild_id = ? AND meeting_id = ?`),
    getAnnouncement: db.prepare(
      'SELECT * FROM announcements WHERE guild_id = ? AND meeting_id = ?',
    ),
    lastAnnouncement: db.prepare(
      'SELECT * FROM announcements WHERE guild_id = ? ORDER BY claimed_at DESC, meeting_id DESC LIMIT 1',
    ),
    alertsOf: db.prepare('SELECT * FROM alerts WHERE user_id = ? ORDER BY created_at, id'),
    activeAlerts: db.prepare(
      'SELECT * FROM alerts WHERE paused_at IS NULL ORDER BY created_at, id',
    ),
    getAlert: db.prepare('SELECT * FROM alerts WHERE id = ?'),
    insertAlert: db.prepare(`
      INSERT INTO alerts (id, user_id, guild_id, words, speaker, created_at, active_from)
      VALUES (@id, @userId, @guildId, @words, @speaker, @now, @now)`),
    resumeAlert: db.prepare(`
      UPDATE alerts SET paused_at = NULL, failures_in_row = 0, active_from = ? WHERE id = ?`),
    deleteAlert: db.prepare('DELETE FROM alerts WHERE id = ? AND user_id = ?'),
    unchecked: db.prepare(`
      SELECT s.meeting_id FROM seen_meetings s
      WHERE s.first_seen_at > ? AND NOT EXISTS (
        SELECT 1 FROM alert_deliveries d WHERE d.alert_id = ? AND d.meeting_id = s.meeting_id)
      ORDER BY s.first_seen_at, s.meeting_id`),
    claimDelivery: db.prepare(`
      INSERT INTO alert_deliveries (alert_id, meeting_id, statement_id, status, owner, claimed_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    finishDelivery: db.prepare(`
      UPDATE alert_deliveries SET status = ?, finished_at = ?, error_code = ?, error_message = ?
      WHERE alert_id = ? AND meeting_id = ?`),
    alertSent: db.prepare('UPDATE alerts SET failures_in_row = 0 WHERE id = ?'),
    alertFailed: db.prepare(`
      UPDATE alerts SET failures_in_row = failures_in_row + ?, last_error_at = ?,
        last_error_code = ?, last_error_message = ?
      WHERE id = ?`),
    pauseAlert: db.prepare('UPDATE alerts SET paused_at = ? WHERE id = ? AND paused_at IS NULL'),
    getDelivery: db.prepare('SELECT * FROM alert_deliveries WHERE alert_id = ? AND meeting_id = ?'),
  };
}

function buildAlertStore(db: Database.Database, q: () => Statements): AlertStore {
  const getAnnounceChannel = (guildId: string): AnnounceChannel | null => {
    const row = q().getAnnounce.get(guildId) as AnnounceRow | undefined;
    return row ? toAnnounce(row) : null;
  };
  const getAlert = (id: string): Alert | null => {
    const row = q().getAlert.get(id) as AlertRow | undefined;
    return row ? toAlert(row) : null;
  };
  const listAlerts = (userId: string): Alert[] =>
    (q().alertsOf.all(userId) as AlertRow[]).map(toAlert);
  const ids = (rows: unknown[]): string[] =>
    (rows as { meeting_id: string }[]).map((r) => r.meeting_id);

  return {
    markMeetingsSeen(meetingIds, now) {
      const at = now.toISOString();
      return db
        .transaction(() => {
          let added = 0;
          for (const id of meetingIds) added += q().markSeen.run(id, at).changes;
          return added;
        })
        .immediate();
    },
    getAnnounceChannel,
    setAnnounceChannel({ guildId, channelId, now }) {
      return db
        .transaction(() => {
          const params = { guildId, channelId, now: now.toISOString() };
          if (q().insertAnnounce.run(params).changes === 0) q().updateAnnounce.run(params);
          const set = getAnnounceChannel(guildId);
          if (!set) throw new Error('announcement channel vanished after upsert');
          return set;
        })
        .immediate();
    },
    disableAnnounce(guildId, now) {
      return q().disableAnnounce.run(now.toISOString(), guildId).changes > 0;
    },
    listEnabledAnnounceChannels() {
      return (q().enabledAnnounce.all() as AnnounceRow[]).map(toAnnounce);
    },
    listUnannouncedMeetings(guildId, activeFrom) {
      return ids(q().unannounced.all(activeFrom, guildId));
    },
    claimAnnouncement({ guildId, meetingId, channelId, owner, now }) {
      return (
        q().claimAnnouncement.run(guildId, meetingId, channelId, owner, now.toISOString())
          .changes === 1
      );
    },
    finishAnnouncement(guildId, meetingId, outcome, now) {
      q().finishAnnouncement.run(
        outcome.posted ? 'posted' : 'failed',
        now.toISOString(),
        outcome.posted ? null : outcome.error,
        guildId,
        meetingId,
      );
    },
    getAnnouncement(guildId, meetingId) {
      const row = q().getAnnouncement.get(guildId, meetingId) as AnnouncementRow | undefined;
      return row ? toAnnouncement(row) : null;
    },
    lastAnnouncement(guildId) {
      const row = q().lastAnnouncement.get(guildId) as AnnouncementRow | undefined;
      return row ? toAnnouncement(row) : null;
    },
    addAlert({ userId, guildId, words, speaker, now, max }) {
      return db
        .transaction((): AddAlertResult => {
          const own = listAlerts(userId);
          const same = own.find(
            (a) => sameWords(a.words, words) && sameWords(a.speaker ?? '', speaker ?? ''),
          );
          if (same) {
            if (same.pausedAt === null) return { kind: 'exists', alert: same, resumed: false };
            q().resumeAlert.run(now.toISOString(), same.id);
            return { kind: 'exists', alert: getAlert(same.id) ?? same, resumed: true };
          }
          if (own.length >= max) return { kind: 'full', count: own.length };
          const id = randomUUID().replace(/-/g, '').slice(0, 12);
          q().insertAlert.run({ id, userId, guildId, words, speaker, now: now.toISOString() });
          const alert = getAlert(id);
          if (!alert) throw new Error('alert vanished after insert');
          return { kind: 'added', alert };
        })
        .immediate();
    },
    listAlerts,
    listActiveAlerts() {
      return (q().activeAlerts.all() as AlertRow[]).map(toAlert);
    },
    removeAlert(userId, alertId) {
      const alert = getAlert(alertId);
      if (!alert || alert.userId !== userId) return null;
      return q().deleteAlert.run(alertId, userId).changes > 0 ? alert : null;
    },
    listUncheckedMeetings(alertId, activeFrom) {
      return ids(q().unchecked.all(activeFrom, alertId));
    },
    claimAlertDelivery({ alertId, meetingId, statementId, owner, now }) {
      const status: DeliveryStatus = statementId === null ? 'none' : 'claimed';
      return (
        q().claimDelivery.run(alertId, meetingId, statementId, status, owner, now.toISOString())
          .changes === 1
      );
    },
    finishAlertDelivery(alertId, meetingId, outcome, now) {
      const at = now.toISOString();
      return db
        .transaction(() => {
          if (outcome.sent) {
            q().finishDelivery.run('sent', at, null, null, alertId, meetingId);
            q().alertSent.run(alertId);
            return { failuresInRow: 0, paused: getAlert(alertId)?.pausedAt != null };
          }
          q().finishDelivery.run('failed', at, outcome.code, outcome.error, alertId, meetingId);
          q().alertFailed.run(outcome.counts ? 1 : 0, at, outcome.code, outcome.error, alertId);
          const alert = getAlert(alertId);
          const failuresInRow = alert?.failuresInRow ?? 0;
          let paused = alert?.pausedAt != null;
          if (alert && !paused && failuresInRow >= outcome.pauseAfter) {
            q().pauseAlert.run(at, alertId);
            paused = true;
          }
          return { failuresInRow, paused };
        })
        .immediate();
    },
    getAlertDelivery(alertId, meetingId) {
      const row = q().getDelivery.get(alertId, meetingId) as DeliveryRow | undefined;
      if (!row) return null;
      return {
        alertId: row.alert_id,
        meetingId: row.meeting_id,
        statementId: row.statement_id,
        status: row.status,
        errorCode: row.error_code,
        errorMessage: row.error_message,
      };
    },
  };
}
