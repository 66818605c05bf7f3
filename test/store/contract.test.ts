// One contract, two stores: every case runs against SQLite (a temporary DATA_DIR) and against a
// real PostgreSQL server (a fresh database on the server test/support/postgres-setup.ts starts).
// "Two instances" are two opened stores on the same data: two processes, or two replicas.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { DATABASE_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { StoreError } from '../../src/store/types.js';
import type { Store } from '../../src/store/types.js';
import { makeTempDir } from '../daily/helpers.js';
import { createTestDatabase, postgresServerUrl, queryDatabase } from '../support/postgres.js';

/** One place to keep data, opened as often as a case needs. */
interface Place {
  open(): Promise<Store>;
  /** Schema versions recorded in schema_migrations, in order. */
  versions(): Promise<number[]>;
  /** Runs SQL behind the store's back. */
  exec(sql: string): Promise<void>;
}

interface Target {
  name: string;
  makePlace(): Promise<Place>;
  /** Opening something that is not usable fails with this message. */
  openBroken(): Promise<Store>;
  broken: RegExp;
}

const timings: string[] = [];

const targets: Target[] = [
  {
    name: 'SQLite',
    async makePlace() {
      const dir = makeTempDir();
      const raw = <T>(work: (db: Database.Database) => T): T => {
        const db = new Database(path.join(dir, DATABASE_FILE));
        try {
          return work(db);
        } finally {
          db.close();
        }
      };
      return {
        open: () => openSqliteStore(dir, { busyTimeoutMs: 5000 }),
        versions: async () =>
          raw(
            (db) =>
              db
                .prepare('SELECT version FROM schema_migrations ORDER BY version')
                .pluck()
                .all() as number[],
          ),
        exec: async (sql) => raw((db) => void db.exec(sql)),
      };
    },
    openBroken() {
      const file = path.join(makeTempDir(), 'a-file');
      fs.writeFileSync(file, 'not a folder');
      return openSqliteStore(file);
    },
    broken: /is a file, not a folder/,
  },
  {
    name: 'PostgreSQL',
    async makePlace() {
      const url = await createTestDatabase();
      return {
        open: () => openPostgresStore(url, { poolSize: 4 }),
        versions: async () =>
          (
            await queryDatabase<{ version: number }>(
              url,
              'SELECT version FROM schema_migrations ORDER BY version',
            )
          ).map((r) => r.version),
        exec: async (sql) => void (await queryDatabase(url, sql)),
      };
    },
    openBroken() {
      const url = new URL(postgresServerUrl());
      url.pathname = '/no_such_database';
      return openPostgresStore(url.toString());
    },
    broken: /database "no_such_database" does not exist.*Create the database/,
  },
];

const NOW = new Date('2027-03-10T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

afterAll(() => {
  for (const line of timings) console.log(line);
});

describe.each(targets)('$name store', (target) => {
  const opened: Store[] = [];
  let started = 0;
  afterEach(async (context) => {
    for (const store of opened.splice(0)) await store.close();
    timings.push(
      `store contract: ${target.name}: ${context.task.name}: ${Math.round(performance.now() - started)} ms`,
    );
  });
  async function place(): Promise<Place & { store(): Promise<Store> }> {
    started = performance.now();
    const p = await target.makePlace();
    return {
      ...p,
      async store() {
        const s = await p.open();
        opened.push(s);
        return s;
      },
    };
  }
  const sub = (guildId: string, extra: Partial<Parameters<Store['setSubscription']>[0]> = {}) => ({
    guildId,
    channelId: `chan-${guildId}`,
    time: '09:00',
    timezone: 'Europe/Paris',
    now: NOW,
    ...extra,
  });
  const claim = (guildId: string, owner: string, now = NOW) => ({
    guildId,
    localDate: '2027-03-10',
    channelId: `chan-${guildId}`,
    statementId: 'council.txt#3',
    owner,
    now,
  });

  it('keeps subscriptions: set, replace, turn off, and lists the active ones by server id', async () => {
    const p = await place();
    const store = await p.store();
    expect(await store.getSubscription('g')).toBeNull();
    const first = await store.setSubscription(sub('g'));
    expect(first).toMatchObject({
      guildId: 'g',
      channelId: 'chan-g',
      time: '09:00',
      timezone: 'Europe/Paris',
      enabled: true,
      activeFrom: NOW.toISOString(),
      failuresInRow: 0,
      pausedAt: null,
      lastError: null,
    });
    // Ids sort as text, byte by byte, in both dialects ('10' before '9', capitals first).
    for (const id of ['b', '9', 'B', '10', 'a']) await store.setSubscription(sub(id));
    expect(await store.disableSubscription('a', NOW)).toBe(true);
    expect(await store.disableSubscription('a', NOW)).toBe(false);
    expect(await store.disableSubscription('nobody', NOW)).toBe(false);
    expect((await store.listActiveSubscriptions()).map((s) => s.guildId)).toEqual([
      '10',
      '9',
      'B',
      'b',
      'g',
    ]);
    const moved = await store.setSubscription(
      sub('a', { channelId: 'c2', time: '18:30', timezone: 'UTC', now: at(60_000) }),
    );
    expect(moved).toMatchObject({ channelId: 'c2', time: '18:30', enabled: true });
    expect(moved.activeFrom).toBe(at(60_000).toISOString());
  });

  it('keeps the pick of the day: the first one saved wins, replacing is explicit, history in order', async () => {
    const p = await place();
    const store = await p.store();
    expect(await store.getPick('g', '2027-03-10')).toBeNull();
    expect(await store.savePick('g', '2027-03-10', 'a.txt#1', NOW)).toBe('a.txt#1');
    expect(await store.savePick('g', '2027-03-10', 'b.txt#2', NOW)).toBe('a.txt#1');
    await store.savePick('g', '2027-03-09', 'c.txt#3', NOW);
    await store.savePick('other', '2027-03-10', 'd.txt#4', NOW);
    await store.replacePick('g', '2027-03-10', 'e.txt#5', NOW);
    expect(await store.getPick('g', '2027-03-10')).toBe('e.txt#5');
    expect(await store.listPicks('g')).toEqual([
      { localDate: '2027-03-09', statementId: 'c.txt#3' },
      { localDate: '2027-03-10', statementId: 'e.txt#5' },
    ]);
    // Two instances saving the same day at once agree on one pick.
    const other = await p.store();
    const both = await Promise.all([
      store.savePick('g', '2027-03-11', 'x.txt#1', NOW),
      other.savePick('g', '2027-03-11', 'y.txt#2', NOW),
    ]);
    expect(new Set(both).size).toBe(1);
  });

  it('lets exactly one of two instances claim each post, when they race for 40 servers at once', async () => {
    const p = await place();
    const [a, b] = [await p.store(), await p.store()];
    const guilds = Array.from({ length: 40 }, (_, i) => `guild-${i}`);
    const results = await Promise.all(
      guilds.flatMap((g) => [a.claimPost(claim(g, 'a')), b.claimPost(claim(g, 'b'))]),
    );
    for (let i = 0; i < guilds.length; i++) {
      expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    }
    const winners = new Set(
      await Promise.all(guilds.map(async (g) => (await a.getPost(g, '2027-03-10'))?.status)),
    );
    expect(winners).toEqual(new Set(['claimed']));
    expect(await a.claimPost(claim('guild-0', 'a'))).toBe(false);
  });

  it('hands a deferred post to one instance once its retry time has come, and records the outcome', async () => {
    const p = await place();
    const [a, b] = [await p.store(), await p.store()];
    await a.setSubscription(sub('g'));
    expect(await a.claimPost(claim('g', 'a'))).toBe(true);
    await a.deferPost('g', '2027-03-10', 'HTTP 503', at(600_000), NOW);
    expect(await b.claimPost(claim('g', 'b', at(300_000)))).toBe(false);
    const race = await Promise.all([
      a.claimPost(claim('g', 'a', at(600_000))),
      b.claimPost(claim('g', 'b', at(600_000))),
    ]);
    expect(race.filter(Boolean)).toHaveLength(1);
    expect(await b.getPost('g', '2027-03-10')).toMatchObject({
      status: 'claimed',
      attempts: 2,
      retryAt: at(600_000).toISOString(),
    });
    await b.completePost('g', '2027-03-10', at(601_000));
    expect(await a.lastPost('g')).toMatchObject({
      localDate: '2027-03-10',
      status: 'posted',
      finishedAt: at(601_000).toISOString(),
      retryAt: null,
      errorMessage: null,
    });
  });

  it('pauses after three counted failures, keeps the error, and forgets only failed posts', async () => {
    const p = await place();
    const store = await p.store();
    await store.setSubscription(sub('g'));
    const failure = { status: 403, code: 50013, message: 'Missing Permissions' };
    const outcomes = [];
    for (const day of ['2027-03-10', '2027-03-11', '2027-03-12']) {
      await store.claimPost({ ...claim('g', 'x'), localDate: day });
      outcomes.push(
        await store.failPost('g', day, failure, { now: NOW, counts: true, pauseAfter: 3 }),
      );
    }
    expect(outcomes).toEqual([
      { failuresInRow: 1, paused: false },
      { failuresInRow: 2, paused: false },
      { failuresInRow: 3, paused: true },
    ]);
    expect(await store.listActiveSubscriptions()).toEqual([]);
    expect(await store.getSubscription('g')).toMatchObject({
      pausedReason: '3 failed posts in a row',
      lastError: { status: 403, code: 50013, message: 'Missing Permissions' },
    });
    expect((await store.lastPost('g'))?.localDate).toBe('2027-03-12');
    await store.forgetFailedPost('g', '2027-03-12');
    expect(await store.getPost('g', '2027-03-12')).toBeNull();
    await store.claimPost({ ...claim('g', 'x'), localDate: '2027-03-13' });
    await store.completePost('g', '2027-03-13', NOW);
    await store.forgetFailedPost('g', '2027-03-13');
    expect((await store.getPost('g', '2027-03-13'))?.status).toBe('posted');
    // Setting it again resumes it, with a clean count.
    await store.setSubscription(sub('g'));
    expect(await store.getSubscription('g')).toMatchObject({ pausedAt: null, failuresInRow: 0 });
  });

  it('migrates once: reopening (also two at once) changes nothing and keeps the data', async () => {
    const p = await place();
    const first = await p.store();
    await first.setSubscription(sub('g'));
    await first.close();
    await Promise.all([p.store(), p.store()]);
    const again = await p.store();
    expect((await again.getSubscription('g'))?.channelId).toBe('chan-g');
    expect(await p.versions()).toEqual(MIGRATIONS.map((m) => m.version));
    await p.exec(
      `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2099-01-01')`,
    );
    await expect(p.open()).rejects.toThrow(/newer version of Verbatim \(schema 999/);
  });

  it('shares cooldowns between instances: one start, then the time left, then free again', async () => {
    const p = await place();
    const [a, b] = [await p.store(), await p.store()];
    expect(await a.takeCooldown('member-1', 5, NOW)).toBe(0);
    expect(await b.takeCooldown('member-1', 5, at(2000))).toBe(3000);
    expect(await b.takeCooldown('member-2', 5, at(2000))).toBe(0);
    expect(await a.takeCooldown('member-1', 5, at(5000))).toBe(0);
    expect(await a.takeCooldown('member-1', 0, at(5001))).toBe(0);
    // Two replicas asking at the same instant: one goes, the other waits.
    const race = await Promise.all([
      a.takeCooldown('member-3', 5, NOW),
      b.takeCooldown('member-3', 5, NOW),
    ]);
    expect(race.sort((x, y) => x - y)).toEqual([0, 5000]);
  });

  it('keeps button state for any instance until it expires, then purges it', async () => {
    const p = await place();
    const [a, b] = [await p.store(), await p.store()];
    const value = {
      kind: 'ask',
      question: 'what did the mayor say about the tram line — “ünïcode” too?',
      options: { speaker: 'Mayor Elena Varga', from: '2019-01-01' },
      hidden: true,
      limit: 4,
    };
    expect(await a.saveButtonState('k1', value, at(60_000), NOW)).toBe(true);
    expect(await b.saveButtonState('k1', { other: true }, at(60_000), NOW)).toBe(false);
    expect(await b.loadButtonState('k1', at(59_999))).toEqual(value);
    expect(await b.loadButtonState('k1', at(60_000))).toBeNull();
    expect(await b.loadButtonState('unknown', NOW)).toBeNull();

    await a.saveButtonState('k2', 'later', at(600_000), NOW);
    await a.takeCooldown('member', 5, NOW);
    expect(await b.purgeExpired(at(120_000))).toBe(2); // k1 and the cooldown
    expect(await b.purgeExpired(at(120_000))).toBe(0);
    expect(await a.loadButtonState('k2', at(120_000))).toBe('later');
    // A save purges what expired meanwhile (at most once a minute).
    await a.saveButtonState('k3', 3, at(2_000_000), at(700_000));
    expect(await a.purgeExpired(at(700_000))).toBe(0);
  });

  // New-meeting announcements and members' alerts (store.alerts).
  const alert = (userId: string, words: string, now = NOW) => ({
    userId,
    guildId: null,
    words,
    speaker: null,
    now,
    max: 25,
  });

  it('counts a meeting as new only when first seen after announcements were set', async () => {
    const p = await place();
    const [a, b] = [await p.store(), await p.store()];
    expect(await a.alerts.markMeetingsSeen(['old-1.txt', 'old-2.txt'], NOW)).toBe(2);
    const set = await a.alerts.setAnnounceChannel({ guildId: 'g', channelId: 'c1', now: NOW });
    // Another instance sees the same corpus plus one new record a minute later.
    expect(await b.alerts.markMeetingsSeen(['old-1.txt', 'old-2.txt', 'new.txt'], at(60_000))).toBe(
      1,
    );
    expect(await b.alerts.markMeetingsSeen([], at(60_000))).toBe(0);
    expect(await a.alerts.listUnannouncedMeetings('g', set.activeFrom)).toEqual(['new.txt']);
    const announce = { guildId: 'g', meetingId: 'new.txt', channelId: 'c1', now: at(60_000) };
    const race = await Promise.all([
      a.alerts.claimAnnouncement({ ...announce, owner: 'a' }),
      b.alerts.claimAnnouncement({ ...announce, owner: 'b' }),
    ]);
    expect(race.filter(Boolean)).toHaveLength(1);
    expect(await b.alerts.listUnannouncedMeetings('g', set.activeFrom)).toEqual([]);
    await b.alerts.finishAnnouncement('g', 'new.txt', { posted: false, error: 'HTTP 403' }, NOW);
    expect(await a.alerts.lastAnnouncement('g')).toMatchObject({
      meetingId: 'new.txt',
      channelId: 'c1',
      status: 'failed',
      errorMessage: 'HTTP 403',
    });
    // A new channel while on keeps the start; off and on again starts afresh.
    expect(
      (await b.alerts.setAnnounceChannel({ guildId: 'g', channelId: 'c2', now: at(1000) }))
        .activeFrom,
    ).toBe(NOW.toISOString());
    expect(await a.alerts.disableAnnounce('g', at(2000))).toBe(true);
    expect(await a.alerts.disableAnnounce('g', at(2000))).toBe(false);
    expect(await b.alerts.listEnabledAnnounceChannels()).toEqual([]);
    expect(
      await a.alerts.setAnnounceChannel({ guildId: 'g', channelId: 'c2', now: at(3000) }),
    ).toMatchObject({ channelId: 'c2', enabled: true, activeFrom: at(3000).toISOString() });
    expect((await b.alerts.getAnnounceChannel('g'))?.channelId).toBe('c2');
  });

  it('lets exactly one of two instances claim each announcement and each alert message', async () => {
    const p = await place();
    const [a, b] = [await p.store(), await p.store()];
    const guilds = Array.from({ length: 30 }, (_, i) => `guild-${i}`);
    const claims = await Promise.all(
      guilds.flatMap((guildId) =>
        [a, b].map((s, i) =>
          s.alerts.claimAnnouncement({
            guildId,
            meetingId: 'new.txt',
            channelId: `chan-${guildId}`,
            owner: `owner-${i}`,
            now: NOW,
          }),
        ),
      ),
    );
    for (let i = 0; i < guilds.length; i++)
      expect([claims[2 * i], claims[2 * i + 1]].filter(Boolean)).toHaveLength(1);

    const alerts = [];
    for (let i = 0; i < 30; i++) {
      const added = await a.alerts.addAlert(alert(`user-${i}`, 'ferry timetable'));
      if (added.kind === 'added') alerts.push(added.alert);
    }
    expect(alerts).toHaveLength(30);
    const deliveries = await Promise.all(
      alerts.flatMap((x) =>
        [a, b].map((s, i) =>
          s.alerts.claimAlertDelivery({
            alertId: x.id,
            meetingId: 'new.txt',
            // One instance found the words, the other did not: still one claim.
            statementId: i === 0 ? 'new.txt#2' : null,
            owner: `owner-${i}`,
            now: NOW,
          }),
        ),
      ),
    );
    for (let i = 0; i < alerts.length; i++)
      expect([deliveries[2 * i], deliveries[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    const statuses = new Set(
      await Promise.all(
        alerts.map(async (x) => (await b.alerts.getAlertDelivery(x.id, 'new.txt'))?.status),
      ),
    );
    expect([...statuses].every((st) => st === 'claimed' || st === 'none')).toBe(true);
  });

  it('keeps at most 25 alerts a member, also when two instances add at once', async () => {
    const p = await place();
    const [a, b] = [await p.store(), await p.store()];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? a : b).alerts.addAlert(alert('u1', `words ${i}`, at(i))),
      ),
    );
    expect(results.filter((r) => r.kind === 'added')).toHaveLength(25);
    expect(results.filter((r) => r.kind === 'full')).toEqual(
      Array.from({ length: 15 }, () => ({ kind: 'full', count: 25 })),
    );
    const own = await b.alerts.listAlerts('u1');
    expect(own).toHaveLength(25);
    expect(own.map((x) => x.createdAt)).toEqual([...own.map((x) => x.createdAt)].sort());
    const first = own[0];
    if (!first) throw new Error('no alert');
    // The same words (case and spacing aside) are the same alert; another member has room.
    expect(
      await a.alerts.addAlert(alert('u1', `  ${first.words.toUpperCase().replace(' ', '   ')} `)),
    ).toMatchObject({ kind: 'exists', resumed: false, alert: { id: first.id } });
    expect((await a.alerts.addAlert(alert('u2', first.words))).kind).toBe('added');
    // Removing: only one's own, and it takes its deliveries along.
    await a.alerts.markMeetingsSeen(['new.txt'], at(60_000));
    expect(await a.alerts.listUncheckedMeetings(first.id, first.activeFrom)).toEqual(['new.txt']);
    await a.alerts.claimAlertDelivery({
      alertId: first.id,
      meetingId: 'new.txt',
      statementId: null,
      owner: 'a',
      now: at(60_000),
    });
    expect(await a.alerts.listUncheckedMeetings(first.id, first.activeFrom)).toEqual([]);
    expect(await b.alerts.removeAlert('u2', first.id)).toBeNull();
    expect((await b.alerts.removeAlert('u1', first.id))?.words).toBe(first.words);
    expect(await a.alerts.getAlertDelivery(first.id, 'new.txt')).toBeNull();
    expect((await a.alerts.addAlert(alert('u1', 'one more'))).kind).toBe('added');
  });

  it('pauses an alert after three counted failed messages, and adding it again resumes it', async () => {
    const p = await place();
    const store = await p.store();
    const added = await store.alerts.addAlert(alert('u1', 'lighthouse'));
    if (added.kind !== 'added') throw new Error(`not added: ${added.kind}`);
    const id = added.alert.id;
    await store.alerts.markMeetingsSeen(['m1.txt', 'm2.txt', 'm3.txt', 'm4.txt'], at(1000));
    const fail = (counts: boolean) => ({
      sent: false as const,
      code: 50007,
      error: 'direct messages are closed',
      counts,
      pauseAfter: 3,
    });
    const outcomes = [];
    for (const [meetingId, counts] of [
      ['m1.txt', true],
      ['m2.txt', false], // a Discord outage is not the member's doing
      ['m3.txt', true],
      ['m4.txt', true],
    ] as const) {
      await store.alerts.claimAlertDelivery({
        alertId: id,
        meetingId,
        statementId: `${meetingId}#0`,
        owner: 'x',
        now: at(2000),
      });
      outcomes.push(await store.alerts.finishAlertDelivery(id, meetingId, fail(counts), at(2000)));
    }
    expect(outcomes).toEqual([
      { failuresInRow: 1, paused: false },
      { failuresInRow: 1, paused: false },
      { failuresInRow: 2, paused: false },
      { failuresInRow: 3, paused: true },
    ]);
    expect(await store.alerts.listActiveAlerts()).toEqual([]);
    const [paused] = await store.alerts.listAlerts('u1');
    expect(paused).toMatchObject({
      pausedAt: at(2000).toISOString(),
      failuresInRow: 3,
      lastError: { at: at(2000).toISOString(), code: 50007, message: 'direct messages are closed' },
    });
    expect(await store.alerts.getAlertDelivery(id, 'm4.txt')).toEqual({
      alertId: id,
      meetingId: 'm4.txt',
      statementId: 'm4.txt#0',
      status: 'failed',
      errorCode: 50007,
      errorMessage: 'direct messages are closed',
    });
    const again = await store.alerts.addAlert(alert('u1', 'Lighthouse', at(5000)));
    expect(again).toMatchObject({
      kind: 'exists',
      resumed: true,
      alert: { id, pausedAt: null, failuresInRow: 0, activeFrom: at(5000).toISOString() },
    });
    expect((await store.alerts.listActiveAlerts()).map((x) => x.id)).toEqual([id]);
    // A message that goes out resets the count.
    await store.alerts.markMeetingsSeen(['m5.txt'], at(6000));
    await store.alerts.claimAlertDelivery({
      alertId: id,
      meetingId: 'm5.txt',
      statementId: 'm5.txt#0',
      owner: 'x',
      now: at(6000),
    });
    await store.alerts.finishAlertDelivery(id, 'm5.txt', fail(true), at(6000));
    await store.alerts.markMeetingsSeen(['m6.txt'], at(7000));
    await store.alerts.claimAlertDelivery({
      alertId: id,
      meetingId: 'm6.txt',
      statementId: 'm6.txt#0',
      owner: 'x',
      now: at(7000),
    });
    expect(await store.alerts.finishAlertDelivery(id, 'm6.txt', { sent: true }, at(7000))).toEqual({
      failuresInRow: 0,
      paused: false,
    });
    expect((await store.alerts.getAlertDelivery(id, 'm6.txt'))?.status).toBe('sent');
  });

  it('fails with a StoreError: a target it cannot use, and any call once closed', async () => {
    started = performance.now();
    await expect(target.openBroken()).rejects.toThrow(StoreError);
    await expect(target.openBroken()).rejects.toThrow(target.broken);
    const p = await place();
    const store = await p.open();
    await store.close();
    await store.close();
    await expect(store.getSubscription('g')).rejects.toThrow(StoreError);
    await expect(store.takeCooldown('m', 5, NOW)).rejects.toThrow(/is closed/);
    await expect(store.alerts.listActiveAlerts()).rejects.toThrow(/is closed/);
  });
});

describe('PostgreSQL store, server trouble', () => {
  it('says it cannot reach a server that is not there, as a StoreError', async () => {
    const url = new URL(postgresServerUrl());
    url.port = '1'; // nothing listens on port 1
    const error = await openPostgresStore(url.toString(), { connectTimeoutMs: 2000 }).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(
      /^Cannot reach PostgreSQL at postgres:\/\/verbatim@127\.0\.0\.1:1\/postgres .*Check DATABASE_URL/,
    );
    expect((error as StoreError).code).toBe('ECONNREFUSED');
  });

  it('reconnects after the server dropped its connections, reporting the drop as a StoreError', async () => {
    const url = await createTestDatabase();
    const dropped: StoreError[] = [];
    const store = await openPostgresStore(url, { onError: (err) => dropped.push(err) });
    try {
      await store.setSubscription({
        guildId: 'g',
        channelId: 'c',
        time: '09:00',
        timezone: 'UTC',
        now: NOW,
      });
      const killed = await queryDatabase<{ ok: boolean }>(
        url,
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      expect(killed.length).toBeGreaterThan(0);
      for (let i = 0; i < 50 && dropped.length === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(dropped[0]).toBeInstanceOf(StoreError);
      expect(dropped[0]?.message).toMatch(/shutting down or starting up|terminat/i);
      expect((await store.getSubscription('g'))?.channelId).toBe('c');
    } finally {
      await store.close();
    }
  });

  it('never shows the password of DATABASE_URL in its messages', async () => {
    const url = new URL(postgresServerUrl());
    url.password = 'hunter2';
    url.pathname = '/missing_db';
    const error = await openPostgresStore(url.toString()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).not.toContain('hunter2');
    expect((error as StoreError).message).toContain('verbatim:***@');
  });
});
