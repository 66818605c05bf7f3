// The shared store: PostgreSQL (DATABASE_URL) through a `pg` Pool, so any number of replicas
// share subscriptions, claims, cooldowns and button state. Each method is one statement, or one
// transaction where it reads what it wrote. Every failure is a StoreError saying what to do.
import pg from 'pg';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
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
import type { AlertRow, AnnounceRow, SubscriptionRow } from './rows.js';
import { StoreError } from './types.js';
import type { AddAlertResult, AlertStore, DeliveryStatus, Store } from './types.js';

export interface PostgresStoreOptions {
  /** Connections per process (default 10). */
  poolSize?: number;
  /** How long to wait for a connection before failing (default 5 s). */
  connectTimeoutMs?: number;
  /** Longest a statement may run before PostgreSQL cancels it (default 15 s). */
  statementTimeoutMs?: number;
  /** An idle connection broke (the server restarted): the pool reconnects by itself. */
  onError?: (err: StoreError) => void;
}

/** Two replicas starting together migrate once: they queue on this advisory lock. */
const MIGRATION_LOCK = 0x76657262; // 'verb'
/** Two adds of one member's alerts queue on (ALERT_LOCK, hash of the user id): `max` holds. */
const ALERT_LOCK = 0x616c7274; // 'alrt'
/** Expired cooldowns and button state go at most this often, along with a save. */
const PURGE_EVERY_MS = 60_000;

/** The URL for logs and messages: never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** Connects, migrates and returns the store; fails with a StoreError when it cannot. */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const where = describeDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    // A stuck query must not hold an interaction past Discord's patience; the caller sees a
    // StoreError (a replica waiting on another's migration just tries again later).
    statement_timeout: options.statementTimeoutMs ?? 15_000,
  });
  pool.on('error', (err) => options.onError?.(explainPgError(err, where)));
  try {
    await migrate(pool, where);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw explainPgError(err, where);
  }
  return createStore(pool, where);
}

async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

async function migrate(pool: Pool, where: string): Promise<void> {
  await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const table = await client.query<{ t: string | null }>(
      `SELECT to_regclass('schema_migrations')::text AS t`,
    );
    let version = 0;
    if (table.rows[0]?.t) {
      const max = await client.query<{ v: number | null }>(
        'SELECT MAX(version) AS v FROM schema_migrations',
      );
      version = Number(max.rows[0]?.v ?? 0);
    }
    if (version > SCHEMA_VERSION) throw new StoreError(newerSchemaMessage(where, version));
    if (version === 0) {
      const tables = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      const foreign = tables.rows.filter((t) => !OUR_TABLES.has(t.name));
      if (foreign.length > 0) {
        throw new StoreError(
          `${where} holds tables of another program (${foreign.map((t) => t.name).join(', ')}). It was left untouched; give Verbatim a database (or schema) of its own.`,
        );
      }
    }
    if (version === SCHEMA_VERSION) return;
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    for (const step of MIGRATIONS) {
      if (step.version <= version) continue;
      await client.query(step.postgres);
      await client.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [step.version, step.name, new Date().toISOString()],
      );
    }
  });
}

function explainPgError(err: unknown, where: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: unknown }).code;
  const text = err instanceof Error ? err.message : String(err);
  const codeText = typeof code === 'string' ? code : null;
  const make = (message: string) => new StoreError(message, { cause: err, code: codeText });
  if (
    codeText === 'ECONNREFUSED' ||
    codeText === 'ENOTFOUND' ||
    codeText === 'EAI_AGAIN' ||
    codeText === 'ETIMEDOUT' ||
    codeText === 'ECONNRESET' ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(text)
  ) {
    return make(
      `Cannot reach PostgreSQL at ${where} (${text || codeText}). Check DATABASE_URL and that the server is running.`,
    );
  }
  if (codeText === '28P01' || codeText === '28000') {
    return make(
      `PostgreSQL at ${where} refused the login (${text}). Check the user and password in DATABASE_URL.`,
    );
  }
  if (codeText === '3D000') {
    return make(
      `PostgreSQL at ${where}: ${text}. Create the database (e.g. createdb) or fix its name in DATABASE_URL.`,
    );
  }
  if (codeText === '42501') {
    return make(
      `PostgreSQL at ${where}: ${text}. The user in DATABASE_URL needs the right to create tables in its schema.`,
    );
  }
  if (codeText === '57P01' || codeText === '57P02' || codeText === '57P03') {
    return make(`PostgreSQL at ${where} is shutting down or starting up (${text}).`);
  }
  return make(`Database error in ${where}: ${text}`);
}

/** The rows a query returns. */
async function rows<R extends QueryResultRow>(
  runner: Pool | PoolClient,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  return (await runner.query<R>(sql, values)).rows;
}

/** The first row a query returns, read by `read`; null when it returns none. */
async function firstRow<R extends QueryResultRow, T>(
  runner: Pool | PoolClient,
  sql: string,
  values: unknown[],
  read: (row: R) => T,
): Promise<T | null> {
  const [row] = await rows<R>(runner, sql, values);
  return row ? read(row) : null;
}

/** How many rows a statement changed. */
async function changed(runner: Pool | PoolClient, sql: string, values: unknown[]): Promise<number> {
  return (await runner.query(sql, values)).rowCount ?? 0;
}

function createStore(pool: Pool, where: string): Store {
  let closed = false;
  /** Runs `work` as one call of the store: a closed store or a PostgreSQL error is a StoreError. */
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) throw new StoreError(`The database ${where} is closed.`);
    try {
      return await work();
    } catch (err) {
      throw explainPgError(err, where);
    }
  };
  let lastPurgeMs = -Infinity;
  const purge = async (now: Date): Promise<number> => {
    lastPurgeMs = now.getTime();
    return (
      (await changed(pool, 'DELETE FROM cooldowns WHERE until_ms <= $1', [lastPurgeMs])) +
      (await changed(pool, 'DELETE FROM button_state WHERE expires_ms <= $1', [lastPurgeMs]))
    );
  };

  return {
    kind: 'postgres',
    where,
    getSubscription: (guildId) =>
      call(() =>
        firstRow(
          pool,
          'SELECT * FROM subscriptions WHERE guild_id = $1',
          [guildId],
          toSubscription,
        ),
      ),
    setSubscription: ({ guildId, channelId, time, timezone, now }) =>
      call(async () => {
        const [row] = await rows<SubscriptionRow>(
          pool,
          `INSERT INTO subscriptions (guild_id, channel_id, time, timezone, enabled, active_from,
             failures_in_row, created_at, updated_at)
           VALUES ($1, $2, $3, $4, 1, $5, 0, $5, $5)
           ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,
             time = excluded.time, timezone = excluded.timezone, enabled = 1,
             active_from = excluded.active_from, failures_in_row = 0, paused_at = NULL,
             paused_reason = NULL, updated_at = excluded.updated_at
           RETURNING *`,
          [guildId, channelId, time, timezone, now.toISOString()],
        );
        if (!row) throw new StoreError('The subscription vanished after it was saved.');
        return toSubscription(row);
      }),
    disableSubscription: (guildId, now) =>
      call(
        async () =>
          (await changed(
            pool,
            'UPDATE subscriptions SET enabled = 0, updated_at = $1 WHERE guild_id = $2 AND enabled = 1',
            [now.toISOString(), guildId],
          )) > 0,
      ),
    listActiveSubscriptions: () =>
      call(async () =>
        (
          await rows<SubscriptionRow>(
            pool,
            `SELECT * FROM subscriptions WHERE enabled = 1 AND paused_at IS NULL
             ORDER BY guild_id COLLATE "C"`,
          )
        ).map(toSubscription),
      ),

    getPick: (guildId, localDate) =>
      call(async () => {
        const [row] = await rows<{ statement_id: string }>(
          pool,
          'SELECT statement_id FROM picks WHERE guild_id = $1 AND local_date = $2',
          [guildId, localDate],
        );
        return row?.statement_id ?? null;
      }),
    savePick: (guildId, localDate, statementId, now) =>
      call(() =>
        // Two statements: the SELECT sees a pick another replica committed meanwhile.
        transaction(pool, async (client) => {
          await client.query(
            `INSERT INTO picks (guild_id, local_date, statement_id, picked_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [guildId, localDate, statementId, now.toISOString()],
          );
          const [row] = await rows<{ statement_id: string }>(
            client,
            'SELECT statement_id FROM picks WHERE guild_id = $1 AND local_date = $2',
            [guildId, localDate],
          );
          return row?.statement_id ?? statementId;
        }),
      ),
    replacePick: (guildId, localDate, statementId, now) =>
      call(async () => {
        await pool.query(
          'UPDATE picks SET statement_id = $1, picked_at = $2 WHERE guild_id = $3 AND local_date = $4',
          [statementId, now.toISOString(), guildId, localDate],
        );
      }),
    listPicks: (guildId) =>
      call(async () =>
        (
          await rows<{ local_date: string; statement_id: string }>(
            pool,
            'SELECT local_date, statement_id FROM picks WHERE guild_id = $1 ORDER BY local_date COLLATE "C"',
            [guildId],
          )
        ).map((r) => ({ localDate: r.local_date, statementId: r.statement_id })),
      ),

    claimPost: (request) =>
      call(() =>
        // One INSERT … ON CONFLICT DO UPDATE … WHERE: PostgreSQL locks the row, and a second
        // claimer re-checks the WHERE against the first one's committed row, so one wins.
        transaction(
          pool,
          async (client) =>
            (await changed(
              client,
              `INSERT INTO posts (guild_id, local_date, channel_id, statement_id, status, owner,
                 attempts, claimed_at)
               VALUES ($1, $2, $3, $4, 'claimed', $5, 1, $6)
               ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'claimed',
                 owner = excluded.owner, channel_id = excluded.channel_id,
                 attempts = posts.attempts + 1, claimed_at = excluded.claimed_at
               WHERE posts.status = 'retry' AND posts.retry_at <= excluded.claimed_at`,
              [
                request.guildId,
                request.localDate,
                request.channelId,
                request.statementId,
                request.owner,
                request.now.toISOString(),
              ],
            )) === 1,
        ),
      ),
    getPost: (guildId, localDate) =>
      call(() =>
        firstRow(
          pool,
          'SELECT * FROM posts WHERE guild_id = $1 AND local_date = $2',
          [guildId, localDate],
          toPost,
        ),
      ),
    lastPost: (guildId) =>
      call(() =>
        firstRow(
          pool,
          `SELECT * FROM posts WHERE guild_id = $1
           ORDER BY local_date COLLATE "C" DESC, claimed_at COLLATE "C" DESC LIMIT 1`,
          [guildId],
          toPost,
        ),
      ),
    completePost: (guildId, localDate, now) =>
      call(() =>
        transaction(pool, async (client) => {
          await client.query(
            `UPDATE posts SET status = 'posted', finished_at = $1, retry_at = NULL,
               error_message = NULL WHERE guild_id = $2 AND local_date = $3`,
            [now.toISOString(), guildId, localDate],
          );
          await client.query(
            'UPDATE subscriptions SET failures_in_row = 0, updated_at = $1 WHERE guild_id = $2',
            [now.toISOString(), guildId],
          );
        }),
      ),
    deferPost: (guildId, localDate, error, retryAt, now) =>
      call(async () => {
        await pool.query(
          `UPDATE posts SET status = 'retry', retry_at = $1, error_message = $2, finished_at = $3
           WHERE guild_id = $4 AND local_date = $5`,
          [retryAt.toISOString(), error, now.toISOString(), guildId, localDate],
        );
      }),
    failPost: (guildId, localDate, failure, { now, counts, pauseAfter }) =>
      call(() =>
        transaction(pool, async (client) => {
          const at = now.toISOString();
          await client.query(
            `UPDATE posts SET status = 'failed', retry_at = NULL, error_message = $1,
               finished_at = $2 WHERE guild_id = $3 AND local_date = $4`,
            [failure.message, at, guildId, localDate],
          );
          // The UPDATE locks the subscription row until COMMIT: the count read back is ours.
          const [sub] = await rows<{ failures_in_row: number; paused_at: string | null }>(
            client,
            `UPDATE subscriptions SET last_error_at = $1, last_error_status = $2,
               last_error_code = $3, last_error_message = $4,
               failures_in_row = failures_in_row + $5, updated_at = $1
             WHERE guild_id = $6 RETURNING failures_in_row, paused_at`,
            [at, failure.status, failure.code, failure.message, counts ? 1 : 0, guildId],
          );
          const failuresInRow = Number(sub?.failures_in_row ?? 0);
          let paused = sub?.paused_at != null;
          if (sub && !paused && failuresInRow >= pauseAfter) {
            await client.query(
              `UPDATE subscriptions SET paused_at = $1, paused_reason = $2, updated_at = $1
               WHERE guild_id = $3 AND paused_at IS NULL`,
              [at, `${failuresInRow} failed posts in a row`, guildId],
            );
            paused = true;
          }
          return { failuresInRow, paused };
        }),
      ),
    forgetFailedPost: (guildId, localDate) =>
      call(async () => {
        await pool.query(
          `DELETE FROM posts WHERE guild_id = $1 AND local_date = $2 AND status = 'failed'`,
          [guildId, localDate],
        );
      }),

    takeCooldown: (key, seconds, now) =>
      call(async () => {
        if (seconds <= 0) return 0;
        const at = now.getTime();
        const taken = await changed(
          pool,
          `INSERT INTO cooldowns (key, until_ms) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET until_ms = excluded.until_ms
           WHERE cooldowns.until_ms <= $3`,
          [key, at + seconds * 1000, at],
        );
        if (taken === 1) return 0;
        const [row] = await rows<{ until_ms: string }>(
          pool,
          'SELECT until_ms FROM cooldowns WHERE key = $1',
          [key],
        );
        return row ? cooldownLeft(Number(row.until_ms), now) : 0;
      }),
    saveButtonState: (key, value, expiresAt, now) =>
      call(async () => {
        if (now.getTime() - lastPurgeMs >= PURGE_EVERY_MS) await purge(now);
        const saved = await changed(
          pool,
          `INSERT INTO button_state (key, value, expires_ms) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [key, JSON.stringify(value), expiresAt.getTime()],
        );
        return saved === 1;
      }),
    loadButtonState: (key, now) =>
      call(async () => {
        const [row] = await rows<{ value: string }>(
          pool,
          'SELECT value FROM button_state WHERE key = $1 AND expires_ms > $2',
          [key, now.getTime()],
        );
        return row ? parseStateValue(row.value) : null;
      }),
    purgeExpired: (now) => call(() => purge(now)),

    alerts: createAlertStore(pool, call),

    ping: () =>
      call(async () => {
        await pool.query('SELECT 1');
      }),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

type Call = <T>(work: () => Promise<T>) => Promise<T>;

/** `store.alerts` (schema step 3): the same statements as sqlite.ts, in the same order. */
function createAlertStore(pool: Pool, call: Call): AlertStore {
  const listAlerts = async (runner: Pool | PoolClient, userId: string) =>
    (
      await rows<AlertRow>(
        runner,
        'SELECT * FROM alerts WHERE user_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"',
        [userId],
      )
    ).map(toAlert);
  const meetingIds = (found: { meeting_id: string }[]): string[] => found.map((r) => r.meeting_id);

  return {
    markMeetingsSeen: (ids, now) =>
      call(async () =>
        ids.length === 0
          ? 0
          : await changed(
              pool,
              `INSERT INTO seen_meetings (meeting_id, first_seen_at)
               SELECT DISTINCT unnest($1::text[]), $2::text ON CONFLICT DO NOTHING`,
              [ids, now.toISOString()],
            ),
      ),

    getAnnounceChannel: (guildId) =>
      call(() =>
        firstRow(
          pool,
          'SELECT * FROM announce_channels WHERE guild_id = $1',
          [guildId],
          toAnnounce,
        ),
      ),
    setAnnounceChannel: ({ guildId, channelId, now }) =>
      call(async () => {
        const [row] = await rows<AnnounceRow>(
          pool,
          `INSERT INTO announce_channels (guild_id, channel_id, enabled, active_from, created_at, updated_at)
           VALUES ($1, $2, 1, $3, $3, $3)
           ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,
             active_from = CASE WHEN announce_channels.enabled = 1 THEN announce_channels.active_from
               ELSE excluded.active_from END,
             enabled = 1, updated_at = excluded.updated_at
           RETURNING *`,
          [guildId, channelId, now.toISOString()],
        );
        if (!row) throw new StoreError('The announcement channel vanished after it was saved.');
        return toAnnounce(row);
      }),
    disableAnnounce: (guildId, now) =>
      call(
        async () =>
          (await changed(
            pool,
            'UPDATE announce_channels SET enabled = 0, updated_at = $1 WHERE guild_id = $2 AND enabled = 1',
            [now.toISOString(), guildId],
          )) > 0,
      ),
    listEnabledAnnounceChannels: () =>
      call(async () =>
        (
          await rows<AnnounceRow>(
            pool,
            'SELECT * FROM announce_channels WHERE enabled = 1 ORDER BY guild_id COLLATE "C"',
          )
        ).map(toAnnounce),
      ),
    listUnannouncedMeetings: (guildId, activeFrom) =>
      call(async () =>
        meetingIds(
          await rows<{ meeting_id: string }>(
            pool,
            `SELECT s.meeting_id FROM seen_meetings s
             WHERE s.first_seen_at > $1 COLLATE "C" AND NOT EXISTS (
               SELECT 1 FROM announcements a WHERE a.guild_id = $2 AND a.meeting_id = s.meeting_id)
             ORDER BY s.first_seen_at COLLATE "C", s.meeting_id COLLATE "C"`,
            [activeFrom, guildId],
          ),
        ),
      ),
    claimAnnouncement: ({ guildId, meetingId, channelId, owner, now }) =>
      call(
        async () =>
          (await changed(
            pool,
            `INSERT INTO announcements (guild_id, meeting_id, channel_id, status, owner, claimed_at)
             VALUES ($1, $2, $3, 'claimed', $4, $5) ON CONFLICT DO NOTHING`,
            [guildId, meetingId, channelId, owner, now.toISOString()],
          )) === 1,
      ),
    finishAnnouncement: (guildId, meetingId, outcome, now) =>
      call(async () => {
        await pool.query(
          `UPDATE announcements SET status = $1, finished_at = $2, error_message = $3
           WHERE guild_id = $4 AND meeting_id = $5`,
          [
            outcome.posted ? 'posted' : 'failed',
            now.toISOString(),
            outcome.posted ? null : outcome.error,
            guildId,
            meetingId,
          ],
        );
      }),
    getAnnouncement: (guildId, meetingId) =>
      call(() =>
        firstRow(
          pool,
          'SELECT * FROM announcements WHERE guild_id = $1 AND meeting_id = $2',
          [guildId, meetingId],
          toAnnouncement,
        ),
      ),
    lastAnnouncement: (guildId) =>
      call(() =>
        firstRow(
          pool,
          `SELECT * FROM announcements WHERE guild_id = $1
           ORDER BY claimed_at COLLATE "C" DESC, meeting_id COLLATE "C" DESC LIMIT 1`,
          [guildId],
          toAnnouncement,
        ),
      ),

    addAlert: ({ userId, guildId, words, speaker, now, max }) =>
      call(() =>
        // Adds for one member queue on an advisory lock until COMMIT, so `max` holds.
        transaction(pool, async (client): Promise<AddAlertResult> => {
          await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
            ALERT_LOCK,
            userId,
          ]);
          const own = await listAlerts(client, userId);
          const same = own.find((a) => sameAlert(a, words, speaker));
          if (same) {
            if (same.pausedAt === null) return { kind: 'exists', alert: same, resumed: false };
            const [row] = await rows<AlertRow>(
              client,
              `UPDATE alerts SET paused_at = NULL, failures_in_row = 0, active_from = $1
               WHERE id = $2 RETURNING *`,
              [now.toISOString(), same.id],
            );
            return { kind: 'exists', alert: row ? toAlert(row) : same, resumed: true };
          }
          if (own.length >= max) return { kind: 'full', count: own.length };
          const [row] = await rows<AlertRow>(
            client,
            `INSERT INTO alerts (id, user_id, guild_id, words, speaker, created_at, active_from)
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
            [newAlertId(), userId, guildId, words, speaker, now.toISOString()],
          );
          if (!row) throw new StoreError('The alert vanished after it was saved.');
          return { kind: 'added', alert: toAlert(row) };
        }),
      ),
    listAlerts: (userId) => call(() => listAlerts(pool, userId)),
    listActiveAlerts: () =>
      call(async () =>
        (
          await rows<AlertRow>(
            pool,
            'SELECT * FROM alerts WHERE paused_at IS NULL ORDER BY created_at COLLATE "C", id COLLATE "C"',
          )
        ).map(toAlert),
      ),
    removeAlert: (userId, alertId) =>
      call(() =>
        firstRow(
          pool,
          'DELETE FROM alerts WHERE id = $1 AND user_id = $2 RETURNING *',
          [alertId, userId],
          toAlert,
        ),
      ),
    listUncheckedMeetings: (alertId, activeFrom) =>
      call(async () =>
        meetingIds(
          await rows<{ meeting_id: string }>(
            pool,
            `SELECT s.meeting_id FROM seen_meetings s
             WHERE s.first_seen_at > $1 COLLATE "C" AND NOT EXISTS (
               SELECT 1 FROM alert_deliveries d WHERE d.alert_id = $2 AND d.meeting_id = s.meeting_id)
             ORDER BY s.first_seen_at COLLATE "C", s.meeting_id COLLATE "C"`,
            [activeFrom, alertId],
          ),
        ),
      ),
    claimAlertDelivery: ({ alertId, meetingId, statementId, owner, now }) =>
      call(async () => {
        const status: DeliveryStatus = statementId === null ? 'none' : 'claimed';
        return (
          (await changed(
            pool,
            `INSERT INTO alert_deliveries (alert_id, meeting_id, statement_id, status, owner, claimed_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [alertId, meetingId, statementId, status, owner, now.toISOString()],
          )) === 1
        );
      }),
    finishAlertDelivery: (alertId, meetingId, outcome, now) =>
      call(() =>
        transaction(pool, async (client) => {
          const at = now.toISOString();
          const finish = (status: string, code: number | null, error: string | null) =>
            client.query(
              `UPDATE alert_deliveries SET status = $1, finished_at = $2, error_code = $3,
                 error_message = $4 WHERE alert_id = $5 AND meeting_id = $6`,
              [status, at, code, error, alertId, meetingId],
            );
          if (outcome.sent) {
            await finish('sent', null, null);
            const [row] = await rows<{ paused_at: string | null }>(
              client,
              'UPDATE alerts SET failures_in_row = 0 WHERE id = $1 RETURNING paused_at',
              [alertId],
            );
            return { failuresInRow: 0, paused: row?.paused_at != null };
          }
          await finish('failed', outcome.code, outcome.error);
          // The UPDATE locks the alert row until COMMIT: the count read back is ours.
          const [row] = await rows<{ failures_in_row: number; paused_at: string | null }>(
            client,
            `UPDATE alerts SET failures_in_row = failures_in_row + $1, last_error_at = $2,
               last_error_code = $3, last_error_message = $4
             WHERE id = $5 RETURNING failures_in_row, paused_at`,
            [outcome.counts ? 1 : 0, at, outcome.code, outcome.error, alertId],
          );
          const failuresInRow = Number(row?.failures_in_row ?? 0);
          let paused = row?.paused_at != null;
          if (row && !paused && failuresInRow >= outcome.pauseAfter) {
            await client.query(
              'UPDATE alerts SET paused_at = $1 WHERE id = $2 AND paused_at IS NULL',
              [at, alertId],
            );
            paused = true;
          }
          return { failuresInRow, paused };
        }),
      ),
    getAlertDelivery: (alertId, meetingId) =>
      call(() =>
        firstRow(
          pool,
          'SELECT * FROM alert_deliveries WHERE alert_id = $1 AND meeting_id = $2',
          [alertId, meetingId],
          toDelivery,
        ),
      ),
  };
}
