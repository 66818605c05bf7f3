// The daily quote through the real discord.js client against the fake Discord: /daily set and
// /quote as interactions, the scheduled post as a channel message, and each way a post fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyCommand } from '../../commands/daily.js';
import { quoteCommand } from '../../commands/quote.js';
import { startBot } from '../../src/discord/client.js';
import type { RunningBot } from '../../src/discord/client.js';
import { createChannelPoster } from '../../src/discord/poster.js';
import { runDuePosts } from '../../src/daily/scheduler.js';
import type { DailySchedulerOptions } from '../../src/daily/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import {
  FAKE_IDS,
  PERMISSIONS,
  buttonId,
  startFakeDiscord,
  visibleText,
} from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';
import { makeTestContext } from '../support/app-context.js';
import { BOUNDS, generateCouncilCorpus, makeTempDir } from './helpers.js';

const corpus = generateCouncilCorpus(20, 4);
const MANAGER = PERMISSIONS.manageGuild | PERMISSIONS.viewChannel | PERMISSIONS.sendMessages;

let fake: FakeDiscord;
let bot: RunningBot;
let store: Store;
let clock: { t: Date };

beforeEach(async () => {
  fake = await startFakeDiscord();
  store = await openSqliteStore(makeTempDir());
  clock = { t: new Date('2027-06-01T06:00:00Z') }; // 08:00 in Paris
  const ctx = makeTestContext({
    corpus,
    config: {
      discordToken: fake.token,
      discordApiUrl: fake.apiUrl,
      quoteMinChars: BOUNDS.minChars,
      quoteMaxChars: BOUNDS.maxChars,
    },
    now: () => clock.t,
  });
  bot = await startBot({
    ctx: { ...ctx, store },
    commands: [quoteCommand, dailyCommand],
    rest: { retries: 1, timeout: 2000 },
  });
  await fake.waitForReady();
});

afterEach(async () => {
  await bot.stop(100);
  await fake.close();
  await store.close();
});

async function subscribe(channelId: string = FAKE_IDS.channel): Promise<void> {
  await store.setSubscription({
    guildId: FAKE_IDS.guild,
    channelId,
    time: '09:00',
    timezone: 'UTC',
    now: new Date('2027-05-31T00:00:00Z'),
  });
}

function runAt(iso: string, extra: Partial<DailySchedulerOptions> = {}) {
  clock.t = new Date(iso);
  return runDuePosts({
    store,
    corpus,
    poster: createChannelPoster(bot.client), // what main.ts wires
    now: () => clock.t,
    log: makeTestContext().log,
    bounds: BOUNDS,
    owner: 'test',
    sleep: async () => {},
    ...extra,
  });
}

describe('the daily quote in Discord', () => {
  it('/daily set through Discord, then the post: the quote of the day, no pings, a working Context button', async () => {
    const set = await fake
      .sendCommand(
        'daily',
        [
          {
            type: 1,
            name: 'set',
            options: [
              { type: 7, name: 'channel', value: FAKE_IDS.channel },
              { type: 3, name: 'time', value: '09:00' },
              { type: 3, name: 'timezone', value: 'Europe/Paris' },
            ],
          },
        ],
        { memberPermissions: MANAGER },
      )
      .reply();
    expect(set.flags & 64).toBe(64);
    expect(visibleText(set)).toContain(`<#${FAKE_IDS.channel}> every day at 09:00 (Europe/Paris)`);

    const quote = await fake.sendCommand('quote', {}).reply();
    expect(await runAt('2027-06-01T07:00:00Z')).toMatchObject([{ result: 'posted' }]);
    const [posted] = fake.channelMessages(FAKE_IDS.channel);
    expect(posted).toBeDefined();
    if (!posted) return;
    expect(posted.allowed_mentions).toEqual({ parse: [] });
    // /quote earlier in the day showed the very quote that was posted.
    const text = String(posted.embeds[0]?.description ?? '');
    expect(text).toBe(String(quote.embeds[0]?.description ?? ''));
    const statement = corpus.statements.find((s) => text.includes(s.text));
    expect(statement).toBeDefined();
    expect(visibleText(posted)).toContain(`¶${statement?.paragraph} of ${statement?.meetingId}`);

    const context = await fake.clickButton(posted, buttonId(posted, 'Context')).reply();
    expect(context.flags & 64).toBe(64);
    expect(visibleText(context)).toContain(`**${statement?.text}**`);

    // A second pass the same day posts nothing more.
    expect(await runAt('2027-06-01T07:30:00Z')).toEqual([]);
    expect(fake.channelMessages(FAKE_IDS.channel)).toHaveLength(1);
    expect(fake.rejections).toEqual([]);
  });

  it('a member without Manage Server is refused even if Discord shows them the command', async () => {
    const reply = await fake
      .sendCommand('daily', [{ type: 1, name: 'status', options: [] }], {
        memberPermissions: PERMISSIONS.viewChannel | PERMISSIONS.sendMessages,
      })
      .reply();
    expect(visibleText(reply)).toMatch(/Manage Server/);
  });

  it.each([
    { code: 50013, status: 403, kind: 'missing-permission', shown: /Missing Permissions/ },
    { code: 50001, status: 403, kind: 'no-access', shown: /Missing Access/ },
  ])(
    'records 403 $code, shows it in /daily status, pauses after 3 days',
    async ({ code, status, kind, shown }) => {
      await subscribe();
      for (const [i, day] of ['2027-06-01', '2027-06-02', '2027-06-03'].entries()) {
        fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status, code });
        const [outcome] = await runAt(`${day}T09:00:00Z`);
        expect(outcome).toMatchObject({
          result: 'failed',
          failure: { kind, code },
          paused: i === 2,
        });
      }
      expect(await runAt('2027-06-04T09:00:00Z')).toEqual([]);
      const reply = await fake
        .sendCommand('daily', [{ type: 1, name: 'status', options: [] }], {
          memberPermissions: MANAGER,
        })
        .reply();
      const shownText = visibleText(reply);
      expect(shownText).toMatch(
        /Paused since Thu 3 Jun 2027, 09:00 UTC after 3 failed posts in a row/,
      );
      expect(shownText).toMatch(shown);
      expect(fake.channelMessages(FAKE_IDS.channel)).toEqual([]);
    },
  );

  it('records 404 10003 when the channel was deleted', async () => {
    await subscribe('399999999999999999');
    const [outcome] = await runAt('2027-06-01T09:00:00Z');
    expect(outcome).toMatchObject({
      result: 'failed',
      failure: { kind: 'channel-gone', status: 404, code: 10003 },
    });
    expect((await store.getSubscription(FAKE_IDS.guild))?.lastError?.message).toMatch(
      /no longer exists/,
    );
  });

  it('waits out a 429 and posts once', async () => {
    await subscribe();
    fake.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 429,
      retryAfter: 0.05,
    });
    expect(await runAt('2027-06-01T09:00:00Z')).toMatchObject([{ result: 'posted' }]);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(fake.channelMessages(FAKE_IDS.channel)).toHaveLength(1);
  });

  it('retries 500/503 with backoff and posts once', async () => {
    await subscribe();
    const waits: number[] = [];
    fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500, times: 2 });
    fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 503, times: 1 });
    const outcomes = await runAt('2027-06-01T09:00:00Z', {
      sleep: async (ms) => void waits.push(ms),
      retryBaseMs: 1000,
    });
    expect(outcomes).toMatchObject([{ result: 'posted' }]);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posts.map((r) => r.status)).toEqual([500, 500, 503, 200]);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(fake.channelMessages(FAKE_IDS.channel)).toHaveLength(1);
    expect((await store.getSubscription(FAKE_IDS.guild))?.failuresInRow).toBe(0);
  });
});
