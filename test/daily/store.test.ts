import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { StoreError } from '../../src/store/types.js';
import type { Store } from '../../src/store/types.js';
import { makeTempDir } from './helpers.js';
import { projectModule, runUnprivileged, runsAsRoot } from '../support/as-nobody.js';

const NOW = new Date('2027-03-10T12:00:00Z');
const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
async function open(dir: string): Promise<Store> {
  const store = await openSqliteStore(dir, { busyTimeoutMs: 50 });
  opened.push(store);
  return store;
}

describe('openSqliteStore', () => {
  it('creates the database in DATA_DIR, in WAL mode, and keeps subscriptions across restarts', async () => {
    const dir = path.join(makeTempDir(), 'nested', 'data');
    const first = await open(dir);
    await first.setSubscription({
      guildId: 'g1',
      channelId: 'c1',
      time: '09:00',
      timezone: 'Europe/Paris',
      now: NOW,
    });
    await first.savePick('g1', '2027-03-10', 'a.txt#1', NOW);
    await first.close();

    const raw = new Database(path.join(dir, DATABASE_FILE));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual(MIGRATIONS.map((m) => m.version));
    raw.close();

    const again = await open(dir);
    expect(await again.getSubscription('g1')).toMatchObject({
      channelId: 'c1',
      time: '09:00',
      timezone: 'Europe/Paris',
      enabled: true,
    });
    expect(await again.listPicks('g1')).toEqual([
      { localDate: '2027-03-10', statementId: 'a.txt#1' },
    ]);
  });

  it('refuses a file that is not a database, and leaves it as it was', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'this is a shopping list, not a database\n'.repeat(200));
    const before = fs.readFileSync(file);
    await expect(open(dir)).rejects.toThrow(StoreError);
    await expect(open(dir)).rejects.toThrow(/not a readable SQLite database.*left untouched/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says the file is locked when another program holds the write lock, and changes nothing', async () => {
    const dir = makeTempDir();
    await (await open(dir)).close();
    const other = new Database(path.join(dir, DATABASE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expect(open(dir)).rejects.toThrow(/is locked by another program/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await expect(open(dir)).resolves.toBeTruthy();
  });

  it('refuses a database written by a newer version', async () => {
    const dir = makeTempDir();
    await (await open(dir)).close();
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    await expect(open(dir)).rejects.toThrow(/newer version of Verbatim/);
  });

  it("refuses another program's SQLite database instead of adding tables to it", async () => {
    const dir = makeTempDir();
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec('CREATE TABLE recipes (name TEXT)');
    raw.close();
    await expect(open(dir)).rejects.toThrow(/another program \(tables: recipes\)/);
  });

  it('explains a DATA_DIR that is a file, or lies inside one, and what to do', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    for (const dataDir of [file, path.join(file, 'data')]) {
      await expect(open(dataDir)).rejects.toThrow(
        `DATA_DIR "${dataDir}" is a file, not a folder (or lies inside a file). Set DATA_DIR to a folder for the bot's own data; it is created if missing.`,
      );
    }
  });

  // As root nothing is read-only: the opening runs as the user \`nobody\` (see as-nobody.ts).
  it('says a read-only DATA_DIR is read-only, with or without a database in it, and what to do', async () => {
    const root = makeTempDir();
    fs.chmodSync(root, 0o755);
    const empty = path.join(root, 'empty');
    const withDb = path.join(root, 'with-db');
    fs.mkdirSync(empty, { mode: 0o755 });
    fs.mkdirSync(withDb, { mode: 0o755 });
    await (await open(withDb)).close();
    const locked = path.join(root, 'locked');
    fs.mkdirSync(locked, { mode: 0o755 });
    if (!runsAsRoot) for (const d of [empty, withDb, locked]) fs.chmodSync(d, 0o555);
    const messages = (await runUnprivileged(`
      import { openSqliteStore } from ${projectModule('src/store/sqlite.ts')};
      const out = [];
      for (const dir of ${JSON.stringify([empty, withDb, path.join(locked, 'new')])}) {
        try { await (await openSqliteStore(dir)).close(); out.push('opened'); } catch (err) { out.push(err.message); }
      }
      console.log(JSON.stringify(out));
    `)) as string[];
    if (!runsAsRoot) for (const d of [empty, withDb, locked]) fs.chmodSync(d, 0o755);
    const advice =
      'Give that user write permission on the folder and its verbatim.sqlite* files, or set DATA_DIR to a folder it can write.';
    expect(messages).toEqual([
      `The bot may not write in DATA_DIR "${empty}": the folder is read-only for the user it runs as. ${advice}`,
      `The bot may not write in DATA_DIR "${withDb}": the folder is read-only for the user it runs as. ${advice}`,
      `DATA_DIR "${path.join(locked, 'new')}" does not exist and the bot may not create it (permission denied). Create the folder and let the user the bot runs as write in it, or set DATA_DIR to a folder it can write.`,
    ]);
    for (const m of messages) expect(m).not.toMatch(/readonly database|EACCES|EEXIST/);
  }, 30_000);

  it('upgrades a database of the first version (user_version only) in place, keeping its data', async () => {
    const dir = makeTempDir();
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec(MIGRATIONS[0]?.sqlite ?? '');
    raw.pragma('user_version = 1');
    raw
      .prepare(
        `INSERT INTO subscriptions (guild_id, channel_id, time, timezone, active_from, created_at, updated_at)
         VALUES ('g1', 'c1', '07:15', 'Asia/Tokyo', ?, ?, ?)`,
      )
      .run(NOW.toISOString(), NOW.toISOString(), NOW.toISOString());
    raw.close();

    const store = await open(dir);
    expect(await store.getSubscription('g1')).toMatchObject({ time: '07:15', enabled: true });
    expect(await store.takeCooldown('member', 5, NOW)).toBe(0);
    const check = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(
      check.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual(MIGRATIONS.map((m) => m.version));
    check.close();
  });

  it('migrates once when two processes open a fresh file at the same time', async () => {
    const dir = makeTempDir();
    const a = await open(dir);
    const b = await open(dir);
    await a.setSubscription({
      guildId: 'g',
      channelId: 'c',
      time: '08:00',
      timezone: 'UTC',
      now: NOW,
    });
    expect((await b.getSubscription('g'))?.channelId).toBe('c');
  });
});

describe('claimPost', () => {
  it('lets exactly one of two connections claim a (server, local date)', async () => {
    const dir = makeTempDir();
    const a = await open(dir);
    const b = await open(dir);
    const claim = {
      guildId: 'g',
      localDate: '2027-03-10',
      channelId: 'c',
      statementId: 's',
      now: NOW,
    };
    expect(await a.claimPost({ ...claim, owner: 'a' })).toBe(true);
    expect(await b.claimPost({ ...claim, owner: 'b' })).toBe(false);
    expect(await a.claimPost({ ...claim, owner: 'a' })).toBe(false);
    // Another day is another claim.
    expect(await b.claimPost({ ...claim, localDate: '2027-03-11', owner: 'b' })).toBe(true);
  });

  it('lets a deferred claim be taken again only once its retry time has come', async () => {
    const dir = makeTempDir();
    const a = await open(dir);
    const claim = {
      guildId: 'g',
      localDate: '2027-03-10',
      channelId: 'c',
      statementId: 's',
      owner: 'a',
      now: NOW,
    };
    expect(await a.claimPost(claim)).toBe(true);
    await a.deferPost('g', '2027-03-10', 'HTTP 503', new Date('2027-03-10T12:10:00Z'), NOW);
    expect(await a.claimPost({ ...claim, now: new Date('2027-03-10T12:05:00Z') })).toBe(false);
    expect(await a.claimPost({ ...claim, now: new Date('2027-03-10T12:10:00Z') })).toBe(true);
    expect(await a.getPost('g', '2027-03-10')).toMatchObject({ status: 'claimed', attempts: 2 });
  });

  it('pauses a subscription after three counted failures in a row, and /daily set resumes it', async () => {
    const dir = makeTempDir();
    const s = await open(dir);
    await s.setSubscription({
      guildId: 'g',
      channelId: 'c',
      time: '09:00',
      timezone: 'UTC',
      now: NOW,
    });
    const failure = { status: 403, code: 50013, message: 'Missing Permissions' };
    const results = [];
    for (const d of ['2027-03-10', '2027-03-11', '2027-03-12']) {
      await s.claimPost({
        guildId: 'g',
        localDate: d,
        channelId: 'c',
        statementId: 's',
        owner: 'x',
        now: NOW,
      });
      results.push(await s.failPost('g', d, failure, { now: NOW, counts: true, pauseAfter: 3 }));
    }
    expect(results.map((r) => r.paused)).toEqual([false, false, true]);
    expect(await s.listActiveSubscriptions()).toEqual([]);
    expect(await s.getSubscription('g')).toMatchObject({
      failuresInRow: 3,
      lastError: { code: 50013, status: 403 },
    });
    await s.setSubscription({
      guildId: 'g',
      channelId: 'c2',
      time: '09:00',
      timezone: 'UTC',
      now: NOW,
    });
    expect((await s.listActiveSubscriptions()).map((x) => x.channelId)).toEqual(['c2']);
  });
});
