// The daily-quote database: subscriptions, each server's quote of the day, and post claims, in
// SQLite (WAL) under DATA_DIR with versioned migrations. Bad or locked files fail loudly.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ALERTS_MIGRATION_SQL, ALERTS_TABLES, createAlertStore } from '../alerts/store.js';
import type { AlertStore } from '../alerts/store.js';

export const DATABASE_FILE = 'verbatim.sqlite';

/** The schema, one step per version. Never edit a released step: add a new one. */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE subscriptions (
        guild_id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        active_from TEXT NOT NULL,
        failures_in_row INTEGER NOT NULL DEFAULT 0,
        paused_at TEXT,
        paused_reason TEXT,
        last_error_at TEXT,
        last_error_status INTEGER,
        last_error_code INTEGER,
        last_error_message TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE picks (
        guild_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        statement_id TEXT NOT NULL,
        picked_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, local_date)
      );
      CREATE TABLE posts (
        guild_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        statement_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'retry')),
        owner TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        retry_at TEXT,
        error_message TEXT,
        PRIMARY KEY (guild_id, local_date)
      );
    `,
  },
  // New-meeting announcements and members' alerts (src/alerts/store.ts).
  { version: 2, sql: ALERTS_MIGRATION_SQL },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
const OUR_TABLES = new Set<string>(['subscriptions', 'picks', 'posts', ...ALERTS_TABLES]);

/** A database problem a bot owner can act on; the message says what to do. */
export class DailyStoreError extends Error {
  override readonly name = 'DailyStoreError';
}

export interface PostFailureInfo {
  status: number | null;
  code: number | null;
  message: string;
}

export interface Subscription {
  guildId: string;
  channelId: string;
  /** HH:MM, 24-hour, in `timezone`. */
  time: string;
  timezone: string;
  enabled: boolean;
  /** ISO instant: scheduled times before it are not posted (no post for a time already gone when set). */
  activeFrom: string;
  failuresInRow: number;
  pausedAt: string | null;
  pausedReason: string | null;
  lastError: (PostFailureInfo & { at: string }) | null;
  updatedAt: string;
}

export type PostStatus = 'claimed' | 'posted' | 'failed' | 'retry';

export interface PostRecord {
  guildId: string;
  localDate: string;
  channelId: string;
  statementId: string;
  status: PostStatus;
  attempts: number;
  claimedAt: string;
  finishedAt: string | null;
  retryAt: string | null;
  errorMessage: string | null;
}

export interface PickRecord {
  localDate: string;
  statementId: string;
}

export interface ClaimRequest {
  guildId: string;
  localDate: string;
  channelId: string;
  statementId: string;
  /** Who claims (process/shard id), for the record. */
  owner: string;
  now: Date;
}

export interface DailyStore {
  readonly file: string;
  getSubscription(guildId: string): Subscription | null;
  /** Creates or replaces a server's subscription; turns it on and clears failures and pauses. */
  setSubscription(input: {
    guildId: string;
    channelId: string;
    time: string;
    timezone: string;
    now: Date;
  }): Subscription;
  /** Turns the subscription off (history is kept). False when there was none to turn off. */
  disableSubscription(guildId: string, now: Date): boolean;
  /** Enabled and not paused. */
  listActiveSubscriptions(): Subscription[];
  getPick(guildId: string, localDate: string): string | null;
  /** Records the quote of the day unless one is already recorded; returns the recorded one. */
  savePick(guildId: string, localDate: string, statementId: string, now: Date): string;
  /** Replaces a recorded pick whose statement no longer exists in the corpus. */
  replacePick(guildId: string, localDate: string, statementId: string, now: Date): void;
  listPicks(guildId: string): PickRecord[];
  /**
   * Atomically claims the post for (server, local date). True for exactly one caller across
   * connections and processes; a claim left as 'retry' can be taken again once its time has come.
   */
  claimPost(request: ClaimRequest): boolean;
  getPost(guildId: string, localDate: string): PostRecord | null;
  lastPost(guildId: string): PostRecord | null;
  /** The post went out: record it and reset the failure count. */
  completePost(guildId: string, localDate: string, now: Date): void;
  /** A transient failure: the claim may be taken again at `retryAt` the same day. */
  deferPost(guildId: string, localDate: string, error: string, retryAt: Date, now: Date): void;
  /**
   * The post failed for good today. Records the error on the subscription; when `counts`,
   * increments failures in a row and pauses at `pauseAfter`. Returns whether it is now paused.
   */
  failPost(
    guildId: string,
    localDate: string,
    failure: PostFailureInfo,
    options: { now: Date; counts: boolean; pauseAfter: number },
  ): { failuresInRow: number; paused: boolean };
  /** Forget a failed post for today so a fixed subscription may post again (after /daily set). */
  forgetFailedPost(guildId: string, localDate: string): void;
  /** New-meeting announcements and members' alerts, in the same database. */
  readonly alerts: AlertStore;
  close(): void;
}

export interface OpenStoreOptions {
  /** How long to wait for another process's write lock before giving up (ms). */
  busyTimeoutMs?: number;
  /** The same while opening and migrating only (a retry should not block the bot for long). */
  openBusyTimeoutMs?: number;
  /** Open an existing database for reading only (the CLI); never creates or migrates. */
  readonly?: boolean;
}

/** Opens (creating and migrating when needed) the database in `dataDir`. */
export function openDailyStore(dataDir: string, options: OpenStoreOptions = {}): DailyStore {
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
      checkVersion(db, file, Number(db.pragma('user_version', { simple: true })));
    } else {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, file);
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    }
  } catch (err) {
    db.close();
    throw err instanceof DailyStoreError ? err : explainSqliteError(err, file);
  }
  return createStore(db, file);
}

function ensureDataDir(dataDir: string): void {
  const where = `DATA_DIR "${dataDir}"${path.isAbsolute(dataDir) ? '' : ` (${path.resolve(dataDir)})`}`;
  const isFile = new DailyStoreError(
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
        throw new DailyStoreError(
          `${where} does not exist and the bot may not create it (${code === 'EROFS' ? 'read-only file system' : 'permission denied'}). Create the folder and let the user the bot runs as write in it, or set DATA_DIR to a folder it can write.`,
        );
      }
      throw new DailyStoreError(
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

function readOnly(where: string, what: string): DailyStoreError {
  return new DailyStoreError(
    `The bot may not write in ${where}: ${what} is read-only for the user it runs as. Give that user write permission on the folder and its ${DATABASE_FILE}* files, or set DATA_DIR to a folder it can write.`,
  );
}

function explainSqliteError(err: unknown, file: string): DailyStoreError {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DailyStoreError(
      `${file} is not a readable SQLite database (${message}). It was left untouched; move it away (the bot starts a new one) or restore a backup.`,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DailyStoreError(
      `${file} is locked by another program (${message}). Stop the other program (or another copy of the bot using the same DATA_DIR) and try again; nothing was changed.`,
    );
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return readOnly(`the folder of ${file}`, `the folder or the database (${message})`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new DailyStoreError(
      `Cannot open ${file} (${message}). Check that DATA_DIR exists and the bot may read and write it.`,
    );
  }
  return new DailyStoreError(`Database error in ${file}: ${message}`);
}

function checkVersion(db: Database.Database, file: string, version: number): void {
  if (version > SCHEMA_VERSION) {
    throw new DailyStoreError(
      `${file} was written by a newer version of Verbatim (schema ${version}, this one knows ${SCHEMA_VERSION}). Upgrade the bot; the file was left untouched.`,
    );
  }
  if (version === 0) {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[];
    const foreign = tables.filter((t) => !OUR_TABLES.has(t.name));
    if (foreign.length > 0) {
      throw new DailyStoreError(
        `${file} is an SQLite database of another program (tables: ${foreign.map((t) => t.name).join(', ')}). It was left untouched; set DATA_DIR to another folder.`,
      );
    }
  }
}

function migrate(db: Database.Database, file: string): void {
  // IMMEDIATE takes the write lock up front, so two processes starting at once migrate once.
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    checkVersion(db, file, version);
    for (const step of MIGRATIONS) {
      if (step.version <= version) continue;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}

interface SubscriptionRow {
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

interface PostRow {
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

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    timezone: row.timezone,
    enabled: row.enabled === 1,
    activeFrom: row.active_from,
    failuresInRow: row.failures_in_row,
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

function toPost(row: PostRow): PostRecord {
  return {
    guildId: row.guild_id,
    localDate: row.local_date,
    channelId: row.channel_id,
    statementId: row.statement_id,
    status: row.status,
    attempts: row.attempts,
    claimedAt: row.claimed_at,
    finishedAt: row.finished_at,
    retryAt: row.retry_at,
    errorMessage: row.error_message,
  };
}

function createStore(db: Database.Database, file: string): DailyStore {
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
  };

  const getSubscription = (guildId: string): Subscription | null => {
    const row = q.getSub.get(guildId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  };

  return {
    file,
    getSubscription,
    setSubscription({ guildId, channelId, time, timezone, now }) {
      q.upsertSub.run({ guildId, channelId, time, timezone, now: now.toISOString() });
      const sub = getSubscription(guildId);
      if (!sub) throw new Error('subscription vanished after upsert');
      return sub;
    },
    disableSubscription(guildId, now) {
      return q.disableSub.run(now.toISOString(), guildId).changes > 0;
    },
    listActiveSubscriptions() {
      return (q.activeSubs.all() as SubscriptionRow[]).map(toSubscription);
    },
    getPick(guildId, localDate) {
      const row = q.getPick.get(guildId, localDate) as { statement_id: string } | undefined;
      return row?.statement_id ?? null;
    },
    savePick(guildId, localDate, statementId, now) {
      return db
        .transaction(() => {
          q.insertPick.run(guildId, localDate, statementId, now.toISOString());
          const row = q.getPick.get(guildId, localDate) as { statement_id: string };
          return row.statement_id;
        })
        .immediate();
    },
    replacePick(guildId, localDate, statementId, now) {
      q.replacePick.run(statementId, now.toISOString(), guildId, localDate);
    },
    listPicks(guildId) {
      return (q.listPicks.all(guildId) as { local_date: string; statement_id: string }[]).map(
        (r) => ({ localDate: r.local_date, statementId: r.statement_id }),
      );
    },
    claimPost(request) {
      return db
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
        .immediate();
    },
    getPost(guildId, localDate) {
      const row = q.getPost.get(guildId, localDate) as PostRow | undefined;
      return row ? toPost(row) : null;
    },
    lastPost(guildId) {
      const row = q.lastPost.get(guildId) as PostRow | undefined;
      return row ? toPost(row) : null;
    },
    completePost(guildId, localDate, now) {
      db.transaction(() => {
        q.completePost.run(now.toISOString(), guildId, localDate);
        q.resetFailures.run(now.toISOString(), guildId);
      }).immediate();
    },
    deferPost(guildId, localDate, error, retryAt, now) {
      q.deferPost.run(retryAt.toISOString(), error, now.toISOString(), guildId, localDate);
    },
    failPost(guildId, localDate, failure, { now, counts, pauseAfter }) {
      return db
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
        .immediate();
    },
    forgetFailedPost(guildId, localDate) {
      q.forgetFailed.run(guildId, localDate);
    },
    alerts: createAlertStore(db),
    close() {
      if (db.open) db.close();
    },
  };
}
