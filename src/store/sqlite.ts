// The embedded store: SQLite (WAL) in DATA_DIR via better-sqlite3. Its calls are synchronous
// under the hood and answer through the async Store interface. Bad or locked files fail loudly
// with a StoreError that says what to do; nothing is ever reset.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, OUR_TABLES, SCHEMA_VERSION, newerSchemaMessage } from './migrations.js';
import {
  cooldownLeft,
  newAlertId,
  parseStateValue,
  sameAlert,
  toAlert,
  toAnnounce,
  toAnnouncement,
  toDelivery,
  toPost,
  toSubscription,
} from './rows.js';
import type {
  AlertRow,
  AnnounceRow,
  AnnouncementRow,
  DeliveryRow,
  PostRow,
  SubscriptionRow,
} from './rows.js';
import { StoreError } from './types.js';
import type { AddAlertResult, Alert, AlertStore, DeliveryStatus, Store } from './types.js';

export const DATABASE_FILE = 'verbatim.sqlite';
/** Expired cooldowns and button state go at most this often, along with a save. */
const PURGE_EVERY_MS = 60_000;

export interface SqliteStoreOptions {
  /** How long to wait for another process's write lock before giving up (ms). */
  busyTimeoutMs?: number;
  /** The same while opening and migrating only (a retry should not block the bot for long). */
  openBusyTimeoutMs?: number;
  /** Open an existing database for reading only (the CLI); never creates or migrates. */
  readonly?: boolean;
}

/** Opens (creating and migrating when needed) the database in `dataDir`. */
export async function openSqliteStore(
  dataDir: string,
  options: SqliteStoreOptions = {},
): Promise<Store> {
  return openSqliteStoreNow(dataDir, options);
}

/** The same, synchronously (opening SQLite never waits on the network). */
export function openSqliteStoreNow(dataDir: string, options: SqliteStoreOptions = {}): Store {
  const file = path.resolve(dataDir, DATABASE_FILE);
  if (!options.readonly) ensureDataDir(dataDir);
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: options.openBusyTimeoutMs ?? options.busyTimeoutMs ?? 5000,
    });
  } catch (err) {
    throw explainSqliteError(err, file);
  }
  try {
    if (options.readonly) {
      checkVersion(db, file, appliedVersion(db));
    } else {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, file);
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    }
  } catch (err) {
    db.close();
    throw err instanceof StoreError ? err : explainSqliteError(err, file);
  }
  return createStore(db, file);
}

function ensureDataDir(dataDir: string): void {
  const where = `DATA_DIR "${dataDir}"${path.isAbsolute(dataDir) ? '' : ` (${path.resolve(dataDir)})`}`;
  const isFile = new StoreError(
    `${where} is a file, not a folder (or lies inside a file). Set DATA_DIR to a folder for the bot's own data; it is created if missing.`,
  );
  let exists = true;
  try {
    if (!fs.statSync(dataDir).isDirectory()) throw isFile;
  } catch (err) {
    if (err === isFile || (err as NodeJS.ErrnoException).code === 'ENOTDIR') throw isFile;
    exists = false;
  }
  if (!exists) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EEXIST') throw isFile;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new StoreError(
          `${where} does not exist and the bot may not create it (${code === 'EROFS' ? 'read-only file system' : 'permission denied'}). Create the folder and let the user the bot runs as write in it, or set DATA_DIR to a folder it can write.`,
        );
      }
      throw new StoreError(
        `Cannot create ${where} (${(err as Error).message}). Set DATA_DIR to a folder the bot can write.`,
      );
    }
  }
  // SQLite needs to write the database and its -wal/-shm files beside it: say so plainly rather
  // than "attempt to write a readonly database".
  for (const target of [dataDir, path.join(dataDir, DATABASE_FILE)]) {
    try {
      fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw readOnly(where, target === dataDir ? 'the folder' : `the database file ${target}`);
    }
  }
}

function readOnly(where: string, what: string): StoreError {
  return new StoreError(
    `The bot may not write in ${where}: ${what} is read-only for the user it runs as. Give that user write permission on the folder and its ${DATABASE_FILE}* files, or set DATA_DIR to a folder it can write.`,
  );
}

function explainSqliteError(err: unknown, file: string): StoreError {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(
      `${file} is not a readable SQLite database (${message}). It was left untouched; move it away (the bot starts a new one) or restore a backup.`,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError(
      `${file} is locked by another program (${message}). Stop the other program (or another copy of the bot using the same DATA_DIR) and try again; nothing was changed.`,
    );
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return readOnly(`the folder of ${file}`, `the folder or the database (${message})`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new StoreError(
      `Cannot open ${file} (${message}). Check that DATA_DIR exists and the bot may read and write it.`,
    );
  }
  return new StoreError(`Database error in ${file}: ${message}`);
}

function checkVersion(db: Database.Database, file: string, version: number): void {
  if (version > SCHEMA_VERSION) throw new StoreError(newerSchemaMessage(file, version));
  if (version === 0) {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[];
    const foreign = tables.filter((t) => !OUR_TABLES.has(t.name));
    if (foreign.length > 0) {
      throw new StoreError(
        `${file} is an SQLite database of another program (tables: ${foreign.map((t) => t.name).join(', ')}). It was left untouched; set DATA_DIR to another folder.`,
      );
    }
  }
}

/**
 * The schema version: the newest step in schema_migrations, or user_version for a database
 * made before that table existed (user_version is still kept, so older bots refuse newer files).
 */
function appliedVersion(db: Database.Database): number {
  const user = Number(db.pragma('user_version', { simple: true }));
  const table = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!table) return user;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return Math.max(user, Number(row.v ?? 0));
}

function migrate(db: Database.Database, file: string): void {
  // IMMEDIATE takes the write lock up front, so two processes starting at once migrate once.
  db.transaction(() => {
    const version = appliedVersion(db);
    checkVersion(db, file, version);
    if (version === SCHEMA_VERSION) return;
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const record = db.prepare(
      'INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const now = new Date().toISOString();
    for (const step of MIGRATIONS) {
      // Steps a database from before schema_migrations already has are recorded, not rerun.
      if (step.version > version) db.exec(step.sqlite);
      record.run(step.version, step.name, now);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function createStore(db: Database.Database, file: string): Store {
  const q = {
    getSub: db.prepare('SELECT * FROM subscriptions WHERE guild_id = ?'),
    upsertSub: db.prepare(`
      INSERT INTO subscriptions (guild_id, channel_id, time, timezone, enabled, active_from,
        failures_in_row, created_at, updated_at)
      VALUES (@guildId, @channelId, @time, @timezone, 1, @now, 0, @now, @now)
      ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
        timezone = excluded.timezone, enabled = 1, active_from = excluded.active_from,
        failures_in_row = 0, paused_at = NULL, paused_reason = NULL, updated_at = excluded.updated_at`),
    disableSub: db.prepare(
      'UPDATE subscriptions SET enabled = 0, updated_at = ? WHERE guild_id = ? AND enabled = 1',
    ),
    activeSubs: db.prepare(
      'SELECT * FROM subscriptions WHERE enabled = 1 AND paused_at IS NULL ORDER BY guild_id',
    ),
    getPick: db.prepare('SELECT statement_id FROM picks WHERE guild_id = ? AND local_date = ?'),
    insertPick: db.prepare(
      'INSERT INTO picks (guild_id, local_date, statement_id, picked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    replacePick: db.prepare(
      'UPDATE picks SET statement_id = ?, picked_at = ? WHERE guild_id = ? AND local_date = ?',
    ),
    listPicks: db.prepare(
      'SELECT local_date, statement_id FROM picks WHERE guild_id = ? ORDER BY local_date',
    ),
    claim: db.prepare(`
      INSERT INTO posts (guild_id, local_date, channel_id, statement_id, status, owner, attempts, claimed_at)
      VALUES (@guildId, @localDate, @channelId, @statementId, 'claimed', @owner, 1, @now)
      ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'claimed', owner = excluded.owner,
        channel_id = excluded.channel_id, attempts = posts.attempts + 1, claimed_at = excluded.claimed_at
      WHERE posts.status = 'retry' AND posts.retry_at <= excluded.claimed_at`),
    getPost: db.prepare('SELECT * FROM posts WHERE guild_id = ? AND local_date = ?'),
    lastPost: db.prepare(
      'SELECT * FROM posts WHERE guild_id = ? ORDER BY local_date DESC, claimed_at DESC LIMIT 1',
    ),
    completePost: db.prepare(
      `UPDATE posts SET status = 'posted', finished_at = ?, retry_at = NULL, error_message = NULL
       WHERE guild_id = ? AND local_date = ?`,
    ),
    resetFailures: db.prepare(
      'UPDATE subscriptions SET failures_in_row = 0, updated_at = ? WHERE guild_id = ?',
    ),
    deferPost: db.prepare(
      `UPDATE posts SET status = 'retry', retry_at = ?, error_message = ?, finished_at = ?
       WHERE guild_id = ? AND local_date = ?`,
    ),
    failPost: db.prepare(
      `UPDATE posts SET status = 'failed', retry_at = NULL, error_message = ?, finished_at = ?
       WHERE guild_id = ? AND local_date = ?`,
    ),
    recordError: db.prepare(`
      UPDATE subscriptions SET last_error_at = @now, last_error_status = @status,
        last_error_code = @code, last_error_message = @message,
        failures_in_row = failures_in_row + @increment, updated_at = @now
      WHERE guild_id = @guildId`),
    pause: db.prepare(
      'UPDATE subscriptions SET paused_at = ?, paused_reason = ?, updated_at = ? WHERE guild_id = ? AND paused_at IS NULL',
    ),
    forgetFailed: db.prepare(
      `DELETE FROM posts WHERE guild_id = ? AND local_date = ? AND status = 'failed'`,
    ),
    takeCooldown: db.prepare(`
      INSERT INTO cooldowns (key, until_ms) VALUES (@key, @until)
      ON CONFLICT (key) DO UPDATE SET until_ms = excluded.until_ms WHERE cooldowns.until_ms <= @now`),
    getCooldown: db.prepare('SELECT until_ms FROM cooldowns WHERE key = ?'),
    saveState: db.prepare(
      'INSERT INTO button_state (key, value, expires_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    loadState: db.prepare('SELECT value FROM button_state WHERE key = ? AND expires_ms > ?'),
    purgeCooldowns: db.prepare('DELETE FROM cooldowns WHERE until_ms <= ?'),
    purgeState: db.prepare('DELETE FROM button_state WHERE expires_ms <= ?'),
    ping: db.prepare('SELECT 1'),
  };

  let closed = false;
  /** Runs `work` as one call of the store: a closed store or an SQLite error is a StoreError. */
  const call = <T>(work: () => T): Promise<T> => {
    if (closed) return Promise.reject(new StoreError(`The database ${file} is closed.`));
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(err instanceof StoreError ? err : explainSqliteError(err, file));
    }
  };
  let lastPurgeMs = -Infinity;
  const purge = (now: Date): number => {
    lastPurgeMs = now.getTime();
    return q.purgeCooldowns.run(lastPurgeMs).changes + q.purgeState.run(lastPurgeMs).changes;
  };
  const getSubscription = (guildId: string) => {
    const row = q.getSub.get(guildId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  };

  return {
    kind: 'sqlite',
    where: file,
    getSubscription: (guildId) => call(() => getSubscription(guildId)),
    setSubscription: ({ guildId, channelId, time, timezone, now }) =>
      call(() => {
        q.upsertSub.run({ guildId, channelId, time, timezone, now: now.toISOString() });
        const sub = getSubscription(guildId);
        if (!sub) throw new StoreError('The subscription vanished after it was saved.');
        return sub;
      }),
    disableSubscription: (guildId, now) =>
      call(() => q.disableSub.run(now.toISOString(), guildId).changes > 0),
    listActiveSubscriptions: () =>
      call(() => (q.activeSubs.all() as SubscriptionRow[]).map(toSubscription)),

    getPick: (guildId, localDate) =>
      call(() => {
        const row = q.getPick.get(guildId, localDate) as { statement_id: string } | undefined;
        return row?.statement_id ?? null;
      }),
    savePick: (guildId, localDate, statementId, now) =>
      call(() =>
        db
          .transaction(() => {
            q.insertPick.run(guildId, localDate, statementId, now.toISOString());
            const row = q.getPick.get(guildId, localDate) as { statement_id: string };
            return row.statement_id;
          })
          .immediate(),
      ),
    replacePick: (guildId, localDate, statementId, now) =>
      call(() => {
        q.replacePick.run(statementId, now.toISOString(), guildId, localDate);
      }),
    listPicks: (guildId) =>
      call(() =>
        (q.listPicks.all(guildId) as { local_date: string; statement_id: string }[]).map((r) => ({
          localDate: r.local_date,
          statementId: r.statement_id,
        })),
      ),

    claimPost: (request) =>
      call(() =>
        db
          .transaction(() => {
            const result = q.claim.run({
              guildId: request.guildId,
              localDate: request.localDate,
              channelId: request.channelId,
              statementId: request.statementId,
              owner: request.owner,
              now: request.now.toISOString(),
            });
            return result.changes === 1;
          })
          .immediate(),
      ),
    getPost: (guildId, localDate) =>
      call(() => {
        const row = q.getPost.get(guildId, localDate) as PostRow | undefined;
        return row ? toPost(row) : null;
      }),
    lastPost: (guildId) =>
      call(() => {
        const row = q.lastPost.get(guildId) as PostRow | undefined;
        return row ? toPost(row) : null;
      }),
    completePost: (guildId, localDate, now) =>
      call(() => {
        db.transaction(() => {
          q.completePost.run(now.toISOString(), guildId, localDate);
          q.resetFailures.run(now.toISOString(), guildId);
        }).immediate();
      }),
    deferPost: (guildId, localDate, error, retryAt, now) =>
      call(() => {
        q.deferPost.run(retryAt.toISOString(), error, now.toISOString(), guildId, localDate);
      }),
    failPost: (guildId, localDate, failure, { now, counts, pauseAfter }) =>
      call(() =>
        db
          .transaction(() => {
            const at = now.toISOString();
            q.failPost.run(failure.message, at, guildId, localDate);
            q.recordError.run({
              guildId,
              now: at,
              status: failure.status,
              code: failure.code,
              message: failure.message,
              increment: counts ? 1 : 0,
            });
            const sub = getSubscription(guildId);
            const failuresInRow = sub?.failuresInRow ?? 0;
            let paused = sub?.pausedAt != null;
            if (sub && !paused && failuresInRow >= pauseAfter) {
              q.pause.run(at, `${failuresInRow} failed posts in a row`, at, guildId);
              paused = true;
            }
            return { failuresInRow, paused };
          })
          .immediate(),
      ),
    forgetFailedPost: (guildId, localDate) =>
      call(() => {
        q.forgetFailed.run(guildId, localDate);
      }),

    takeCooldown: (key, seconds, now) =>
      call(() => {
        if (seconds <= 0) return 0;
        const at = now.getTime();
        return db
          .transaction(() => {
            const taken = q.takeCooldown.run({ key, until: at + seconds * 1000, now: at });
            if (taken.changes === 1) return 0;
            const row = q.getCooldown.get(key) as { until_ms: number } | undefined;
            return row ? cooldownLeft(Number(row.until_ms), now) : 0;
          })
          .immediate();
      }),
    saveButtonState: (key, value, expiresAt, now) =>
      call(() => {
        if (now.getTime() - lastPurgeMs >= PURGE_EVERY_MS) purge(now);
        return q.saveState.run(key, JSON.stringify(value), expiresAt.getTime()).changes === 1;
      }),
    loadButtonState: (key, now) =>
      call(() => {
        const row = q.loadState.get(key, now.getTime()) as { value: string } | undefined;
        return row ? parseStateValue(row.value) : null;
      }),
    purgeExpired: (now) => call(() => purge(now)),

    alerts: createAlertStore(db, call),

    ping: () =>
      call(() => {
        q.ping.get();
      }),
    async close() {
      closed = true;
      if (db.open) db.close();
    },
  };
}

type Call = <T>(work: () => T) => Promise<T>;

/**
 * `store.alerts` (schema step 3). Statements are prepared on first use: a read-only opening of an
 * older database (the CLI) lacks these tables and never touches them.
 */
function createAlertStore(db: Database.Database, call: Call): AlertStore {
  const prepared = new Map<string, Database.Statement>();
  const sql = (text: string): Database.Statement => {
    let statement = prepared.get(text);
    if (!statement) {
      statement = db.prepare(text);
      prepared.set(text, statement);
    }
    return statement;
  };
  const getAnnounce = (guildId: string) => {
    const row = sql('SELECT * FROM announce_channels WHERE guild_id = ?').get(guildId) as
      AnnounceRow | undefined;
    return row ? toAnnounce(row) : null;
  };
  const getAlert = (id: string): Alert | null => {
    const row = sql('SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    return row ? toAlert(row) : null;
  };
  const listAlerts = (userId: string): Alert[] =>
    (
      sql('SELECT * FROM alerts WHERE user_id = ? ORDER BY created_at, id').all(
        userId,
      ) as AlertRow[]
    ).map(toAlert);
  const meetingIds = (rows: unknown[]): string[] =>
    (rows as { meeting_id: string }[]).map((r) => r.meeting_id);

  return {
    markMeetingsSeen: (ids, now) =>
      call(() =>
        db
          .transaction(() => {
            const insert = sql(
              'INSERT INTO seen_meetings (meeting_id, first_seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
            );
            let added = 0;
            for (const id of ids) added += insert.run(id, now.toISOString()).changes;
            return added;
          })
          .immediate(),
      ),

    getAnnounceChannel: (guildId) => call(() => getAnnounce(guildId)),
    setAnnounceChannel: ({ guildId, channelId, now }) =>
      call(() => {
        const row = sql(`
          INSERT INTO announce_channels (guild_id, channel_id, enabled, active_from, created_at, updated_at)
          VALUES (?, ?, 1, ?, ?, ?)
          ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,
            active_from = CASE WHEN announce_channels.enabled = 1 THEN announce_channels.active_from
              ELSE excluded.active_from END,
            enabled = 1, updated_at = excluded.updated_at
          RETURNING *`).get(
          guildId,
          channelId,
          now.toISOString(),
          now.toISOString(),
          now.toISOString(),
        ) as AnnounceRow | undefined;
        if (!row) throw new StoreError('The announcement channel vanished after it was saved.');
        return toAnnounce(row);
      }),
    disableAnnounce: (guildId, now) =>
      call(
        () =>
          sql(
            'UPDATE announce_channels SET enabled = 0, updated_at = ? WHERE guild_id = ? AND enabled = 1',
          ).run(now.toISOString(), guildId).changes > 0,
      ),
    listEnabledAnnounceChannels: () =>
      call(() =>
        (
          sql(
            'SELECT * FROM announce_channels WHERE enabled = 1 ORDER BY guild_id',
          ).all() as AnnounceRow[]
        ).map(toAnnounce),
      ),
    listUnannouncedMeetings: (guildId, activeFrom) =>
      call(() =>
        meetingIds(
          sql(`
            SELECT s.meeting_id FROM seen_meetings s
            WHERE s.first_seen_at > ? AND NOT EXISTS (
              SELECT 1 FROM announcements a WHERE a.guild_id = ? AND a.meeting_id = s.meeting_id)
            ORDER BY s.first_seen_at, s.meeting_id`).all(activeFrom, guildId),
        ),
      ),
    claimAnnouncement: ({ guildId, meetingId, channelId, owner, now }) =>
      call(
        () =>
          sql(`
            INSERT INTO announcements (guild_id, meeting_id, channel_id, status, owner, claimed_at)
            VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING`).run(
            guildId,
            meetingId,
            channelId,
            owner,
            now.toISOString(),
          ).changes === 1,
      ),
    finishAnnouncement: (guildId, meetingId, outcome, now) =>
      call(() => {
        sql(`
          UPDATE announcements SET status = ?, finished_at = ?, error_message = ?
          WHERE guild_id = ? AND meeting_id = ?`).run(
          outcome.posted ? 'posted' : 'failed',
          now.toISOString(),
          outcome.posted ? null : outcome.error,
          guildId,
          meetingId,
        );
      }),
    getAnnouncement: (guildId, meetingId) =>
      call(() => {
        const row = sql('SELECT * FROM announcements WHERE guild_id = ? AND meeting_id = ?').get(
          guildId,
          meetingId,
        ) as AnnouncementRow | undefined;
        return row ? toAnnouncement(row) : null;
      }),
    lastAnnouncement: (guildId) =>
      call(() => {
        const row = sql(
          'SELECT * FROM announcements WHERE guild_id = ? ORDER BY claimed_at DESC, meeting_id DESC LIMIT 1',
        ).get(guildId) as AnnouncementRow | undefined;
        return row ? toAnnouncement(row) : null;
      }),

    addAlert: ({ userId, guildId, words, speaker, now, max }) =>
      call(() =>
        // IMMEDIATE: another process adding for the same member waits, so `max` holds.
        db
          .transaction((): AddAlertResult => {
            const own = listAlerts(userId);
            const same = own.find((a) => sameAlert(a, words, speaker));
            if (same) {
              if (same.pausedAt === null) return { kind: 'exists', alert: same, resumed: false };
              sql(
                'UPDATE alerts SET paused_at = NULL, failures_in_row = 0, active_from = ? WHERE id = ?',
              ).run(now.toISOString(), same.id);
              return { kind: 'exists', alert: getAlert(same.id) ?? same, resumed: true };
            }
            if (own.length >= max) return { kind: 'full', count: own.length };
            const id = newAlertId();
            const row = sql(`
              INSERT INTO alerts (id, user_id, guild_id, words, speaker, created_at, active_from)
              VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`).get(
              id,
              userId,
              guildId,
              words,
              speaker,
              now.toISOString(),
              now.toISOString(),
            ) as AlertRow;
            return { kind: 'added', alert: toAlert(row) };
          })
          .immediate(),
      ),
    listAlerts: (userId) => call(() => listAlerts(userId)),
    listActiveAlerts: () =>
      call(() =>
        (
          sql(
            'SELECT * FROM alerts WHERE paused_at IS NULL ORDER BY created_at, id',
          ).all() as AlertRow[]
        ).map(toAlert),
      ),
    removeAlert: (userId, alertId) =>
      call(() => {
        const row = sql('DELETE FROM alerts WHERE id = ? AND user_id = ? RETURNING *').get(
          alertId,
          userId,
        ) as AlertRow | undefined;
        return row ? toAlert(row) : null;
      }),
    listUncheckedMeetings: (alertId, activeFrom) =>
      call(() =>
        meetingIds(
          sql(`
            SELECT s.meeting_id FROM seen_meetings s
            WHERE s.first_seen_at > ? AND NOT EXISTS (
              SELECT 1 FROM alert_deliveries d WHERE d.alert_id = ? AND d.meeting_id = s.meeting_id)
            ORDER BY s.first_seen_at, s.meeting_id`).all(activeFrom, alertId),
        ),
      ),
    claimAlertDelivery: ({ alertId, meetingId, statementId, owner, now }) =>
      call(() => {
        const status: DeliveryStatus = statementId === null ? 'none' : 'claimed';
        return (
          sql(`
            INSERT INTO alert_deliveries (alert_id, meeting_id, statement_id, status, owner, claimed_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`).run(
            alertId,
            meetingId,
            statementId,
            status,
            owner,
            now.toISOString(),
          ).changes === 1
        );
      }),
    finishAlertDelivery: (alertId, meetingId, outcome, now) =>
      call(() =>
        db
          .transaction(() => {
            const at = now.toISOString();
            const finish = sql(`
              UPDATE alert_deliveries SET status = ?, finished_at = ?, error_code = ?, error_message = ?
              WHERE alert_id = ? AND meeting_id = ?`);
            if (outcome.sent) {
              finish.run('sent', at, null, null, alertId, meetingId);
              const row = sql(
                'UPDATE alerts SET failures_in_row = 0 WHERE id = ? RETURNING paused_at',
              ).get(alertId) as { paused_at: string | null } | undefined;
              return { failuresInRow: 0, paused: row?.paused_at != null };
            }
            finish.run('failed', at, outcome.code, outcome.error, alertId, meetingId);
            const row = sql(`
              UPDATE alerts SET failures_in_row = failures_in_row + ?, last_error_at = ?,
                last_error_code = ?, last_error_message = ?
              WHERE id = ? RETURNING failures_in_row, paused_at`).get(
              outcome.counts ? 1 : 0,
              at,
              outcome.code,
              outcome.error,
              alertId,
            ) as { failures_in_row: number; paused_at: string | null } | undefined;
            const failuresInRow = Number(row?.failures_in_row ?? 0);
            let paused = row?.paused_at != null;
            if (row && !paused && failuresInRow >= outcome.pauseAfter) {
              sql('UPDATE alerts SET paused_at = ? WHERE id = ? AND paused_at IS NULL').run(
                at,
                alertId,
              );
              paused = true;
            }
            return { failuresInRow, paused };
          })
          .immediate(),
      ),
    getAlertDelivery: (alertId, meetingId) =>
      call(() => {
        const row = sql('SELECT * FROM alert_deliveries WHERE alert_id = ? AND meeting_id = ?').get(
          alertId,
          meetingId,
        ) as DeliveryRow | undefined;
        return row ? toDelivery(row) : null;
      }),
  };
}
