// Schema step 3 (announcements and alerts) on a database an older Verbatim left at step 2: the
// upgrade keeps the daily quote settings, and the read-only CLI still opens the older file. The
// store methods themselves are in the contract suite (test/store/contract.test.ts).
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { makeTempDir } from '../daily/helpers.js';
import { createTestDatabase, queryDatabase } from '../support/postgres.js';

const T0 = new Date('2031-06-01T08:00:00Z');
const ALERT_TABLES = ['alert_deliveries', 'alerts', 'announcements', 'announce_channels'];
const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
async function track(store: Promise<Store>): Promise<Store> {
  const s = await store;
  opened.push(s);
  return s;
}

const subscription = {
  guildId: 'g1',
  channelId: 'c1',
  time: '09:00',
  timezone: 'UTC',
  now: T0,
};

describe('schema step 3 on an older database', () => {
  it('SQLite: adds the alert tables to a step-2 file and keeps the daily quote settings', async () => {
    const dir = makeTempDir();
    const first = await openSqliteStore(dir);
    await first.setSubscription(subscription);
    await first.close();
    // As the previous version left it: steps 1 and 2 only.
    const raw = new Database(path.join(dir, DATABASE_FILE));
    for (const table of [...ALERT_TABLES, 'seen_meetings']) raw.exec(`DROP TABLE ${table}`);
    raw.exec('DELETE FROM schema_migrations WHERE version = 3');
    raw.pragma('user_version = 2');
    raw.close();

    // The CLI opens an older database read-only: it works and never touches the new tables.
    const cli = await track(openSqliteStore(dir, { readonly: true }));
    expect(await cli.getSubscription('g1')).toMatchObject({ channelId: 'c1' });
    await cli.close();

    const store = await track(openSqliteStore(dir));
    expect(await store.getSubscription('g1')).toMatchObject({ channelId: 'c1', time: '09:00' });
    expect(await store.alerts.markMeetingsSeen(['a.txt'], T0)).toBe(1);
    const check = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      check.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual(MIGRATIONS.map((m) => m.version));
    check.close();
  });

  it('PostgreSQL: adds the alert tables to a step-2 database and keeps the daily quote settings', async () => {
    const url = await createTestDatabase();
    const first = await openPostgresStore(url, { poolSize: 2 });
    await first.setSubscription(subscription);
    await first.close();
    await queryDatabase(url, `DROP TABLE ${[...ALERT_TABLES, 'seen_meetings'].join(', ')}`);
    await queryDatabase(url, 'DELETE FROM schema_migrations WHERE version = 3');

    const store = await track(openPostgresStore(url, { poolSize: 2 }));
    expect(await store.getSubscription('g1')).toMatchObject({ channelId: 'c1', time: '09:00' });
    expect(await store.alerts.markMeetingsSeen(['a.txt', 'a.txt', 'b.txt'], T0)).toBe(2);
    const versions = await queryDatabase<{ version: number }>(
      url,
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
