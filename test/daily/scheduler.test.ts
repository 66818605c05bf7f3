import { afterEach, describe, expect, it } from 'vitest';
import { PostError } from '../../src/daily/poster.js';
import { startDailyScheduler } from '../../src/daily/scheduler.js';
import type { DailySchedulerOptions, StopDailyScheduler } from '../../src/daily/scheduler.js';
import { openSqliteStoreNow } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { addDays } from '../../src/daily/time.js';
import {
  BOUNDS,
  FakeClock,
  FakePoster,
  generateCouncilCorpus,
  makeTempDir,
  quotedText,
  silentLog,
} from './helpers.js';

const corpus = generateCouncilCorpus(80, 5);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function openStore(dir: string): Store {
  const store = openSqliteStoreNow(dir);
  cleanups.push(() => store.close());
  return store;
}

interface Bot {
  store: Store;
  poster: FakePoster;
  stop: StopDailyScheduler;
}

/** One bot process: its own database connection, poster and scheduler, on a shared fake clock. */
function startBot(dir: string, clock: FakeClock, extra: Partial<DailySchedulerOptions> = {}): Bot {
  const store = openStore(dir);
  const poster = new FakePoster(clock.now);
  const stop = startDailyScheduler({
    store,
    corpus,
    poster,
    now: clock.now,
    log: silentLog,
    bounds: BOUNDS,
    timers: clock.timers,
    sleep: clock.sleep,
    pollMs: 6 * 3600_000,
    ...extra,
  });
  cleanups.push(() => stop());
  return { store, poster, stop };
}

async function subscribe(
  store: Store,
  guildId: string,
  time: string,
  timezone: string,
  at: string,
): Promise<void> {
  await store.setSubscription({
    guildId,
    channelId: `chan-${guildId}`,
    time,
    timezone,
    now: new Date(at),
  });
}

describe('daily scheduler, daylight-saving time', () => {
  it('posts at 09:00 New York time on each side of the spring change (2027-03-14)', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-03-11T12:00:00Z');
    const setup = openStore(dir);
    await subscribe(setup, 'g', '09:00', 'America/New_York', '2027-03-11T12:00:00Z');
    const bot = startBot(dir, clock);
    await clock.advanceTo('2027-03-16T23:00:00Z', bot.stop.idle);
    expect(bot.poster.sent.map((p) => p.at)).toEqual([
      '2027-03-11T14:00:00.000Z', // EST, UTC-5
      '2027-03-12T14:00:00.000Z',
      '2027-03-13T14:00:00.000Z',
      '2027-03-14T13:00:00.000Z', // EDT, UTC-4
      '2027-03-15T13:00:00.000Z',
      '2027-03-16T13:00:00.000Z',
    ]);
  });

  it('posts once at 03:00 when 02:30 does not exist, and once when 01:30 happens twice', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-03-12T12:00:00Z');
    const setup = openStore(dir);
    await subscribe(setup, 'spring', '02:30', 'America/New_York', '2027-03-12T12:00:00Z');
    await subscribe(setup, 'fall', '01:30', 'America/New_York', '2027-03-12T12:00:00Z');
    const bot = startBot(dir, clock);
    await clock.advanceTo('2027-03-15T12:00:00Z', bot.stop.idle);
    const spring = bot.poster.sent.filter((p) => p.channelId === 'chan-spring').map((p) => p.at);
    expect(spring).toEqual([
      '2027-03-13T07:30:00.000Z',
      '2027-03-14T07:00:00.000Z', // 02:30 is skipped by the clocks: 03:00 EDT, the same local day
      '2027-03-15T06:30:00.000Z',
    ]);

    // Skip the summer: the bot is restarted in November (catching up 5 November once).
    await bot.stop();
    clock.jumpTo('2027-11-05T12:00:00Z');
    const autumn = startBot(dir, clock);
    await autumn.stop.idle();
    autumn.poster.sent.length = 0;
    await clock.advanceTo('2027-11-08T12:00:00Z', autumn.stop.idle);
    const fall = autumn.poster.sent.filter((p) => p.channelId === 'chan-fall').map((p) => p.at);
    expect(fall).toEqual([
      '2027-11-06T05:30:00.000Z', // EDT
      '2027-11-07T05:30:00.000Z', // the first 01:30 (EDT); the second (EST, 06:30Z) posts nothing
      '2027-11-08T06:30:00.000Z', // EST
    ]);
  });

  it('keeps 09:00 across the autumn change (2027-11-07)', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-11-05T12:00:00Z');
    await subscribe(openStore(dir), 'g', '09:00', 'America/New_York', '2027-11-05T12:00:00Z');
    const bot = startBot(dir, clock);
    await clock.advanceTo('2027-11-08T23:00:00Z', bot.stop.idle);
    expect(bot.poster.sent.map((p) => p.at)).toEqual([
      '2027-11-05T13:00:00.000Z',
      '2027-11-06T13:00:00.000Z',
      '2027-11-07T14:00:00.000Z',
      '2027-11-08T14:00:00.000Z',
    ]);
  });
});

describe('daily scheduler, restarts and catch-up', () => {
  it('posts once on coming back later the same day, never twice, and not for days gone', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    await subscribe(openStore(dir), 'g', '09:00', 'Europe/Berlin', '2027-06-01T06:00:00Z');

    // Day 1: runs normally (09:00 CEST = 07:00Z).
    const first = startBot(dir, clock);
    await clock.advanceTo('2027-06-01T12:00:00Z', first.stop.idle);
    expect(first.poster.sent.map((p) => p.at)).toEqual(['2027-06-01T07:00:00.000Z']);

    // Restart in the middle of day 1: nothing more to post.
    await first.stop();
    const second = startBot(dir, clock);
    await clock.advanceTo('2027-06-01T20:00:00Z', second.stop.idle);
    expect(second.poster.sent).toEqual([]);

    // Down from before 09:00 on day 2 until 13:00: one post on return, at 13:00.
    await second.stop();
    clock.jumpTo('2027-06-02T11:00:00Z');
    const third = startBot(dir, clock);
    await third.stop.idle();
    expect(third.poster.sent.map((p) => p.at)).toEqual(['2027-06-02T11:00:00.000Z']);
    // And a restart after that catch-up does not post again.
    await third.stop();
    const fourth = startBot(dir, clock);
    await clock.advanceTo('2027-06-02T21:00:00Z', fourth.stop.idle);
    expect(fourth.poster.sent).toEqual([]);

    // Down for all of day 3, back on day 4 before 09:00: no post for day 3, one for day 4.
    await fourth.stop();
    clock.jumpTo('2027-06-04T05:00:00Z');
    const fifth = startBot(dir, clock);
    await clock.advanceTo('2027-06-04T20:00:00Z', fifth.stop.idle);
    expect(fifth.poster.sent.map((p) => p.at)).toEqual(['2027-06-04T07:00:00.000Z']);
    expect(await fifth.store.getPost('g', '2027-06-03')).toBeNull();
  });

  it('does not post at once for a time already gone when the subscription is set', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T10:00:00Z');
    const bot = startBot(dir, clock);
    await subscribe(bot.store, 'g', '09:00', 'UTC', '2027-06-01T10:00:00Z');
    await clock.advanceTo('2027-06-02T08:59:00Z', bot.stop.idle);
    expect(bot.poster.sent).toEqual([]);
    await clock.advanceTo('2027-06-02T09:00:00Z', bot.stop.idle);
    expect(bot.poster.sent.map((p) => p.at)).toEqual(['2027-06-02T09:00:00.000Z']);
  });

  it('posts once when two processes with their own connections claim the same day', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    await subscribe(openStore(dir), 'g', '09:00', 'UTC', '2027-06-01T06:00:00Z');
    const a = startBot(dir, clock, { owner: 'shard-a' });
    const b = startBot(dir, clock, { owner: 'shard-b' });
    const settle = async () => {
      await a.stop.idle();
      await b.stop.idle();
    };
    await clock.advanceTo('2027-06-05T20:00:00Z', settle);
    const all = [...a.poster.sent, ...b.poster.sent].map((p) => p.at).sort();
    expect(all).toEqual([
      '2027-06-01T09:00:00.000Z',
      '2027-06-02T09:00:00.000Z',
      '2027-06-03T09:00:00.000Z',
      '2027-06-04T09:00:00.000Z',
      '2027-06-05T09:00:00.000Z',
    ]);
  });

  it('never repeats a quote over 365 simulated days, per server, in different zones', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-01-01T00:00:00Z');
    const setup = openStore(dir);
    await subscribe(setup, 'tokyo', '08:00', 'Asia/Tokyo', '2026-12-31T00:00:00Z');
    await subscribe(setup, 'lima', '18:30', 'America/Lima', '2026-12-31T00:00:00Z');
    const bot = startBot(dir, clock, { pollMs: 24 * 3600_000 });
    await clock.advanceTo('2028-01-01T00:00:00Z', bot.stop.idle);
    for (const guild of ['tokyo', 'lima']) {
      const texts = bot.poster.sent
        .filter((p) => p.channelId === `chan-${guild}`)
        .map((p) => quotedText(p.view));
      expect(texts.length).toBeGreaterThanOrEqual(365);
      expect(new Set(texts).size).toBe(texts.length);
    }
    // What was posted is what /quote shows that day.
    const lastTokyo = await bot.store.lastPost('tokyo');
    expect(lastTokyo?.localDate).toBe('2028-01-01');
    expect(await bot.store.getPick('tokyo', '2028-01-01')).toBe(lastTokyo?.statementId);
  });
});

describe('daily scheduler, failures', () => {
  it('records a missing permission, shows it, and pauses after 3 failed days in a row', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    const bot = startBot(dir, clock);
    await subscribe(bot.store, 'g', '09:00', 'UTC', '2027-06-01T06:00:00Z');
    bot.poster.failures = [
      new PostError('Missing Permissions', { status: 403, code: 50013 }),
      new PostError('Missing Access', { status: 403, code: 50001 }),
      new PostError('Unknown Channel', { status: 404, code: 10003 }),
    ];
    await clock.advanceTo('2027-06-02T12:00:00Z', bot.stop.idle);
    expect(await bot.store.getSubscription('g')).toMatchObject({
      failuresInRow: 2,
      pausedAt: null,
      lastError: { status: 403, code: 50001 },
    });
    expect((await bot.store.getSubscription('g'))?.lastError?.message).toMatch(
      /cannot see the channel/,
    );
    await clock.advanceTo('2027-06-06T12:00:00Z', bot.stop.idle);
    const sub = await bot.store.getSubscription('g');
    expect(sub?.pausedAt).toBe('2027-06-03T09:00:00.000Z');
    expect(sub?.lastError).toMatchObject({ status: 404, code: 10003 });
    expect(bot.poster.attempts).toHaveLength(3); // one try a day; none after the pause
    expect(bot.poster.sent).toEqual([]);
  });

  it('a success in between resets the count', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    const bot = startBot(dir, clock);
    await subscribe(bot.store, 'g', '09:00', 'UTC', '2027-06-01T06:00:00Z');
    const denied = () => new PostError('Missing Permissions', { status: 403, code: 50013 });
    bot.poster.failures = [denied(), denied()];
    await clock.advanceTo('2027-06-03T12:00:00Z', bot.stop.idle);
    expect((await bot.store.getSubscription('g'))?.failuresInRow).toBe(0);
    bot.poster.failures = [denied(), denied()];
    await clock.advanceTo('2027-06-05T12:00:00Z', bot.stop.idle);
    expect(await bot.store.getSubscription('g')).toMatchObject({
      failuresInRow: 2,
      pausedAt: null,
    });
  });

  it('retries 429 and 5xx with growing waits, and posts', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    const bot = startBot(dir, clock, { retryBaseMs: 1000 });
    await subscribe(bot.store, 'g', '09:00', 'UTC', '2027-06-01T06:00:00Z');
    bot.poster.failures = [
      new PostError('rate limited', { status: 429, retryAfterMs: 5000 }),
      new PostError('Internal Server Error', { status: 500 }),
      new PostError('Service Unavailable', { status: 503 }),
    ];
    await clock.advanceTo('2027-06-01T10:00:00Z', bot.stop.idle);
    expect(bot.poster.attempts).toEqual([
      '2027-06-01T09:00:00.000Z',
      '2027-06-01T09:00:05.000Z', // waited what Discord asked (5 s, more than the 1 s backoff)
      '2027-06-01T09:00:07.000Z', // then 2 s
      '2027-06-01T09:00:11.000Z', // then 4 s
    ]);
    expect(bot.poster.sent).toHaveLength(1);
    expect(await bot.store.getSubscription('g')).toMatchObject({
      failuresInRow: 0,
      lastError: null,
    });
  });

  it('tries again later the same day when Discord stays down, and never pauses for it', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    const bot = startBot(dir, clock, { retryBaseMs: 1000, pollMs: 60_000 });
    await subscribe(bot.store, 'g', '09:00', 'UTC', '2027-06-01T06:00:00Z');
    bot.poster.failures = Array.from(
      { length: 4 + 4 },
      () => new PostError('Bad Gateway', { status: 502 }),
    );
    await clock.advanceTo('2027-06-01T09:30:00Z', bot.stop.idle);
    expect((await bot.store.getPost('g', '2027-06-01'))?.status).toBe('retry');
    await clock.advanceTo('2027-06-01T10:00:00Z', bot.stop.idle);
    expect(bot.poster.sent).toHaveLength(1);
    expect(bot.poster.sent[0]?.at.slice(0, 13)).toBe('2027-06-01T09'); // the second round, ~10 min later
    expect((await bot.store.getSubscription('g'))?.failuresInRow).toBe(0);
  });

  it('keeps running when the poster throws something odd', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    const bot = startBot(dir, clock);
    await subscribe(bot.store, 'g', '09:00', 'UTC', '2027-06-01T06:00:00Z');
    bot.poster.failures = ['a string, not an Error'];
    await clock.advanceTo('2027-06-02T12:00:00Z', bot.stop.idle);
    expect((await bot.store.getPost('g', '2027-06-01'))?.status).toBe('failed');
    expect(bot.poster.sent.map((p) => p.at)).toEqual(['2027-06-02T09:00:00.000Z']);
  });
});

describe('daily scheduler, the quote it posts', () => {
  it('is the quote of that day, with speaker, meeting, citation and a Context button', async () => {
    const dir = makeTempDir();
    const clock = new FakeClock('2027-06-01T06:00:00Z');
    const bot = startBot(dir, clock);
    await subscribe(bot.store, 'g', '09:00', 'UTC', '2027-06-01T06:00:00Z');
    await clock.advanceTo(addDays('2027-06-01', 0) + 'T10:00:00Z', bot.stop.idle);
    const post = bot.poster.sent[0];
    const pickId = await bot.store.getPick('g', '2027-06-01');
    const statement = corpus.statements.find((s) => s.id === pickId);
    expect(
      quotedText(post?.view ?? { ephemeral: false, content: null, cards: [], buttons: [] }),
    ).toBe(statement?.text);
    const card = post?.view.cards[0];
    expect(card?.description).toContain(`— **${statement?.speaker}**`);
    expect(card?.fields.map((f) => f.name)).toEqual(['Meeting', 'Source']);
    expect(card?.fields[1]?.value).toBe(`¶${statement?.paragraph} of ${statement?.meetingId}`);
    expect(post?.view.ephemeral).toBe(false);
    expect(post?.view.buttons.map((b) => b.label)).toEqual(['Context']);
  });
});
