// The schema, one numbered step per version, written for each dialect side by side. A store
// records the steps it applied in `schema_migrations` (version, name, applied_at) and applies
// the missing ones in order, under a lock, so replicas starting together migrate once.
// Never edit a released step: add a new one (with both dialects).

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const STEP_1_SQL = `
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
`;

const STEP_3_SQL = `
      CREATE TABLE seen_meetings (
        meeting_id TEXT PRIMARY KEY,
        first_seen_at TEXT NOT NULL
      );
      CREATE INDEX seen_meetings_first_seen ON seen_meetings (first_seen_at);
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

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'daily quote: subscriptions, picks, posts',
    // Instants stay ISO-8601 text in both dialects (they compare in order as text).
    // The same SQL runs on both dialects.
    sqlite: STEP_1_SQL,
    postgres: STEP_1_SQL,
  },
  {
    version: 2,
    name: 'shared cooldowns and button state',
    sqlite: `
      CREATE TABLE cooldowns (
        key TEXT PRIMARY KEY,
        until_ms INTEGER NOT NULL
      );
      CREATE INDEX cooldowns_until ON cooldowns (until_ms);
      CREATE TABLE button_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        expires_ms INTEGER NOT NULL
      );
      CREATE INDEX button_state_expires ON button_state (expires_ms);
    `,
    postgres: `
      CREATE TABLE cooldowns (
        key TEXT PRIMARY KEY,
        until_ms BIGINT NOT NULL
      );
      CREATE INDEX cooldowns_until ON cooldowns (until_ms);
      CREATE TABLE button_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        expires_ms BIGINT NOT NULL
      );
      CREATE INDEX button_state_expires ON button_state (expires_ms);
    `,
  },
  {
    version: 3,
    name: "new-meeting announcements and members' alerts",
    // Meetings seen (and since when), announcement channels and their (server, meeting) claims,
    // alerts and their (alert, meeting) delivery claims. Same types in both dialects: ISO text
    // instants, INTEGER flags and counts, so src/store/rows.ts maps rows of either.
    // The same SQL runs on both dialects.
    sqlite: STEP_3_SQL,
    postgres: STEP_3_SQL,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Tables this program creates; a database holding others at version 0 belongs to someone else. */
export const OUR_TABLES: ReadonlySet<string> = new Set([
  'schema_migrations',
  'subscriptions',
  'picks',
  'posts',
  'cooldowns',
  'button_state',
  'seen_meetings',
  'announce_channels',
  'announcements',
  'alerts',
  'alert_deliveries',
]);

/** The error for a database written by a newer Verbatim. */
export function newerSchemaMessage(where: string, version: number): string {
  return `${where} was written by a newer version of Verbatim (schema ${version}, this one knows ${SCHEMA_VERSION}). Upgrade the bot; the database was left untouched.`;
}
