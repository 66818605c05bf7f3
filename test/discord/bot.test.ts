// The real bot (real commands, the shipped seed report) through discord.js against the fake Discord.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildIndex } from '../../src/search/engine.js';
import type { SearchIndex } from '../../src/search/engine.js';
import { startBot } from '../../src/discord/client.js';
import type { RunningBot } from '../../src/discord/client.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import {
  FAKE_IDS,
  PERMISSIONS,
  buttonId,
  buttonLabels,
  startFakeDiscord,
  visibleText,
} from '../support/fake-discord.js';
import type { FakeDiscord, FakeMessage } from '../support/fake-discord.js';
import { makeTestContext } from '../support/app-context.js';
import type { TestContext } from '../support/app-context.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

const QUESTION = 'what did khamenei say about trade with azerbaijan';
/** Citations name the file relative to the corpus folder, never the path it was loaded by. */
const SEED_FILE = '2017-03-05-meeting-with-azerbaijan-president-ilham-aliyev.txt';

let seedIndex: SearchIndex;
let fake: FakeDiscord;
let bot: RunningBot | null = null;
let ctx: TestContext;

beforeAll(async () => {
  seedIndex = buildIndex(await loadCorpus('seeds'));
});

async function start(index: SearchIndex = seedIndex): Promise<void> {
  fake = await startFakeDiscord();
  ctx = makeTestContext({
    index,
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl },
  });
  bot = await startBot({ ctx, commands, rest: { retries: 2, timeout: 3000 } });
}

afterEach(async () => {
  await bot?.stop(200);
  bot = null;
  await fake?.close();
});

/** Every message the bot sent kept every rule and pinged nobody. */
function expectCleanTraffic(): void {
  expect(fake.rejections).toEqual([]);
  for (const body of fake.sentBodies()) expect(body.allowed_mentions).toEqual({ parse: [] });
}

describe('the bot on the seed report', () => {
  it('quotes Khamenei on trade with Azerbaijan, with speaker and citation', async () => {
    await start();
    const reply = await fake.sendCommand('ask', { question: QUESTION }).reply();
    const embed = reply.embeds[0] as { title: string; fields: { name: string; value: string }[] };
    const top = embed.fields[0];
    expect(top?.name).toBe(
      'Ali Khamenei — Meeting with Azerbaijan President Ilham Aliyev, 5 March 2017',
    );
    expect(top?.value).toMatch(
      /^“The level of economic cooperation is very low in view of the two countries’ capacities/,
    );
    expect(top?.value).toContain(`¶3 of ${SEED_FILE}`);
    expect(visibleText(reply)).toContain(
      'Ayatollah Seyyed Ali Khamenei has met with visiting President',
    );
    expect(reply.flags & 64).toBe(0);
    expectCleanTraffic();
  });

  it('autocompletes speakers and meetings from memory', async () => {
    await start();
    const speakers = await fake
      .sendAutocomplete('ask', { question: 'x', speaker: 'khame' }, 'speaker')
      .autocompleteChoices();
    expect(speakers[0]?.value).toBe('Ali Khamenei');
    const meetings = await fake
      .sendAutocomplete('ask', { question: 'x', meeting: 'azerb' }, 'meeting')
      .autocompleteChoices();
    expect(meetings[0]?.name).toBe('2017-03-05 — Meeting with Azerbaijan President Ilham Aliyev');
    const who = await fake
      .sendAutocomplete('who', { speaker: 'aliy' }, 'speaker')
      .autocompleteChoices();
    expect(who[0]?.value).toBe('Ilham Aliyev');
    expectCleanTraffic();
  });

  it('pages with More, shows Context, and posts a hidden answer to the channel', async () => {
    await start();
    const hidden = await fake.sendCommand('ask', { question: 'azerbaijan', hide: true }).reply();
    expect(hidden.flags & 64).toBe(64);
    expect(buttonLabels(hidden)).toEqual(['More', 'Context', 'Post to channel']);
    const firstTop = (hidden.embeds[0] as { fields: { value: string }[] }).fields[0]?.value;

    const page2 = await fake.clickButton(hidden, buttonId(hidden, 'More')).reply();
    expect(page2.id).toBe(hidden.id);
    expect((page2.embeds[0] as { footer: { text: string } }).footer.text).toMatch(/^Statements 4–/);

    const context = await fake.clickButton(page2, buttonId(page2, 'Context')).reply();
    expect(context.flags & 64).toBe(64);
    expect(visibleText(context)).toContain('▶ ');

    const note = await fake.clickButton(page2, buttonId(page2, 'Post to channel')).reply();
    expect(note.content).toBe('Posted to the channel.');
    const [posted] = fake.channelMessages(FAKE_IDS.channel);
    expect(posted?.content).toBe(`Shared by <@${FAKE_IDS.user}>`);
    expect(visibleText(posted as FakeMessage)).not.toContain(firstTop ?? '∅');
    expect(buttonLabels(posted as FakeMessage)).not.toContain('Post to channel');
    expectCleanTraffic();
  });

  it('answers an honest, private "nothing" with suggestions', async () => {
    await start();
    const reply = await fake
      .sendCommand('ask', { question: 'what did they say about penguins in antarctica' })
      .reply();
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/^Nothing in the reports answers/);
    expectCleanTraffic();
  });

  it('checks a message with "Find in reports"', async () => {
    await start();
    const verbatim = await fake
      .sendMessageCommand('Find in reports', {
        content: 'Khamenei: "the level of economic cooperation is very low"',
      })
      .reply();
    expect((verbatim.embeds[0] as { title: string }).title).toBe('Said verbatim');
    const wrong = await fake
      .sendMessageCommand('Find in reports', {
        content: 'Aliyev said "The level of economic cooperation is very low"',
      })
      .reply();
    expect(visibleText(wrong)).toContain(
      'The reports give these words to **Ali Khamenei**, not to Ilham Aliyev.',
    );
    const absent = await fake
      .sendMessageCommand('Find in reports', {
        content: 'Khamenei said "we should build a bridge to the moon together"',
      })
      .reply();
    expect((absent.embeds[0] as { title: string }).title).toBe('Not in the reports');
    expectCleanTraffic();
  });

  it('answers /who and /meeting', async () => {
    await start();
    const who = await fake.sendCommand('who', { speaker: 'khamenei' }).reply();
    expect(visibleText(who)).toContain('Ali Khamenei');
    const meeting = await fake.sendCommand('meeting', { meeting: '2017-03-05' }).reply();
    expect(visibleText(meeting)).toContain('Meeting with Azerbaijan President Ilham Aliyev');
    expectCleanTraffic();
  });

  it('answers in a DM', async () => {
    await start();
    const reply = await fake.sendCommand('ask', { question: QUESTION }, { dm: true }).reply();
    expect(visibleText(reply)).toContain('The level of economic cooperation is very low');
    expectCleanTraffic();
  });

  it('tells the user when Discord refuses a post for missing permissions (403 50013), and logs it', async () => {
    await start();
    const hidden = await fake.sendCommand('ask', { question: QUESTION, hide: true }).reply();
    fake.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      code: 50013,
    });
    const note = await fake.clickButton(hidden, buttonId(hidden, 'Post to channel')).reply();
    expect(note.content).toContain('I am not allowed to post in that channel');
    expect(ctx.logLines().find((l) => l.reason === 'missing-permissions')).toBeDefined();
  });

  it('survives 429, 500 and a dropped gateway connection on the way to an answer', async () => {
    await start();
    fake.failNext({ path: /callback$/, status: 429, retryAfter: 0.05 });
    fake.failNext({ path: /callback$/, status: 500 });
    const first = await fake.sendCommand('ask', { question: QUESTION }).reply();
    expect(visibleText(first)).toContain('The level of economic cooperation is very low');
    fake.dropGateway();
    const second = await fake.sendCommand('ask', { question: QUESTION }).reply(8000);
    expect(visibleText(second)).toContain('The level of economic cooperation is very low');
    expect(fake.readyCount).toBe(2);
  });
});

describe('the daily quote through Discord', () => {
  it('shows /quote with a working Context button, and lets only a server manager set /daily', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-bot-'));
    const store = await openSqliteStore(dir);
    try {
      fake = await startFakeDiscord();
      ctx = makeTestContext({
        index: seedIndex,
        config: { discordToken: fake.token, discordApiUrl: fake.apiUrl },
      });
      ctx.store = store;
      bot = await startBot({ ctx, commands, rest: { retries: 2, timeout: 3000 } });
      const quote = await fake.sendCommand('quote').reply();
      expect(visibleText(quote)).toContain(`¶3 of ${SEED_FILE}`);
      expect(visibleText(quote)).not.toContain('seeds/');
      const context = await fake.clickButton(quote, buttonId(quote, 'Context')).reply();
      expect(context.flags & 64).toBe(64);

      const set = [
        {
          name: 'set',
          type: 1,
          options: [
            { name: 'channel', type: 7, value: FAKE_IDS.channel },
            { name: 'time', type: 3, value: '09:00' },
            { name: 'timezone', type: 3, value: 'UTC' },
          ],
        },
      ];
      const refused = await fake.sendCommand('daily', set).reply();
      expect(refused.content).toContain('Manage Server');
      const accepted = await fake
        .sendCommand('daily', set, {
          memberPermissions: PERMISSIONS.manageGuild | PERMISSIONS.viewChannel,
        })
        .reply();
      expect(visibleText(accepted)).not.toContain('Manage Server permission');
      expect(await store.getSubscription(FAKE_IDS.guild)).toMatchObject({
        channelId: FAKE_IDS.channel,
      });
      const status = await fake
        .sendCommand('daily', [{ name: 'status', type: 1, options: [] }], {
          memberPermissions: PERMISSIONS.manageGuild,
        })
        .reply();
      expect(visibleText(status)).toContain('09:00');
      expectCleanTraffic();
    } finally {
      await bot?.stop(200);
      bot = null;
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('limits under load', () => {
  let big: SearchIndex;
  beforeAll(() => {
    const long = Array.from({ length: 1100 }, (_, i) => `harbour${i % 7 === 0 ? ',' : ''}`)
      .join(' ')
      .slice(0, 6000);
    const statements = Array.from({ length: 100 }, (_, i) => ({
      speaker: i % 2 === 0 ? 'Elena Varga' : 'Tom Okafor',
      text:
        i === 0
          ? `The harbour ${long}`
          : `The harbour plan number ${i} needs money, and @everyone should see the harbour <@&123> budget.`,
      context: 'Mayor Varga said,',
    }));
    const corpus: Corpus = makeCorpus(
      [
        { name: 'Elena Varga', aliases: ['Varga'], role: 'Mayor of Millbrook' },
        { name: 'Tom Okafor', aliases: ['Okafor'], role: 'Councillor' },
      ],
      [
        {
          file: `${'very-long-file-name-'.repeat(10)}.txt`,
          title: `Harbour ${'hearing '.repeat(60)}`,
          date: '2024-01-01',
          statements,
        },
      ],
    );
    big = buildIndex(corpus);
  });

  it('keeps 100 matches and a 6,000-character statement within every Discord limit', async () => {
    await start(big);
    const answer = await fake.sendCommand('ask', { question: 'harbour' }).reply();
    const footer = (answer.embeds[0] as { footer: { text: string } }).footer.text;
    expect(footer).toMatch(/of 100 /);
    let page = answer;
    for (let i = 0; i < 3; i++) page = await fake.clickButton(page, buttonId(page, 'More')).reply();
    await fake.clickButton(page, buttonId(page, 'Context')).reply();
    const long = 'harbour '.repeat(740);
    await fake.sendMessageCommand('Find in reports', { content: long }).reply();
    // The 6,000-character statement was shown, cut at a word boundary ("…" where it goes on).
    const values = fake
      .sentBodies()
      .flatMap((b) =>
        ((b.embeds as { fields?: { value: string }[] }[] | undefined) ?? []).flatMap(
          (e) => e.fields ?? [],
        ),
      );
    expect(
      values.some((f) => /^“The harbour harbour, harbour .*harbour,? ?…”\n¶/s.test(f.value)),
    ).toBe(true);
    const autocomplete = await fake
      .sendAutocomplete('ask', { question: 'x', meeting: 'harbour' }, 'meeting')
      .autocompleteChoices();
    expect(autocomplete.every((c) => c.name.length <= 100 && String(c.value).length <= 100)).toBe(
      true,
    );
    expectCleanTraffic();
  });
});

describe('npm run deploy', () => {
  let deployFake: FakeDiscord;
  beforeAll(async () => {
    deployFake = await startFakeDiscord();
  });
  afterAll(async () => {
    await deployFake.close();
  });

  it('registers every command with valid JSON, in the guild when DISCORD_GUILD_ID is set', async () => {
    const config = makeTestContext({
      config: {
        discordToken: deployFake.token,
        discordClientId: FAKE_IDS.application,
        discordGuildId: FAKE_IDS.guild,
        discordApiUrl: deployFake.apiUrl,
      },
    }).config;
    const lines = await deployCommands(config, commands);
    expect(lines[0]).toBe(
      `Registered ${commands.length} commands in server ${FAKE_IDS.guild} (available right away):`,
    );
    expect(lines).toContain('  Find in reports (message menu: right-click a message → Apps)');
    expect(deployFake.commands.get(FAKE_IDS.guild)?.map((c) => c.name)).toEqual(
      commands.map((c) => c.data.name),
    );
    expect(deployFake.rejections).toEqual([]);
  });

  it('registers globally without a guild, and explains a refused token', async () => {
    const base = {
      discordToken: deployFake.token,
      discordClientId: FAKE_IDS.application,
      discordApiUrl: deployFake.apiUrl,
    };
    const lines = await deployCommands(makeTestContext({ config: base }).config, commands);
    expect(lines[0]).toMatch(/globally/);
    expect(deployFake.commands.get('global')).toHaveLength(commands.length);
    const wrong = makeTestContext({ config: { ...base, discordToken: 'MTAw.wrong.token' } }).config;
    await expect(deployCommands(wrong, commands)).rejects.toThrow(
      /Discord refused the bot token \(401\)/,
    );
  });
});
