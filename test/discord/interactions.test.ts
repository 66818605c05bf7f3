// HTTP interactions mode in one process: the fake Discord POSTs signed interactions to the real
// endpoint on the shared HTTP server; answers come back in the response body or over REST.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildIndex } from '../../src/search/engine.js';
import type { SearchIndex } from '../../src/search/engine.js';
import { openSqliteStoreNow } from '../../src/store/sqlite.js';
import { startHttpServer } from '../../src/http/server.js';
import type { HttpServer } from '../../src/http/server.js';
import { createInteractionsEndpoint } from '../../src/discord/interactions.js';
import type { InteractionsEndpoint } from '../../src/discord/interactions.js';
import { healthHandlers } from '../../src/ops/health.js';
import { createMetrics, instrumentCommands } from '../../src/ops/metrics.js';
import type { Metrics } from '../../src/ops/metrics.js';
import { INSTALL, deployCommands } from '../../src/discord/deploy.js';
import {
  FAKE_IDS,
  PERMISSIONS,
  buttonId,
  buttonLabels,
  startFakeDiscord,
  visibleText,
} from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';
import { makeTempDir } from '../daily/helpers.js';
import { makeTestContext } from '../support/app-context.js';
import type { TestContext } from '../support/app-context.js';

const CORPUS = 'test/fixtures/http';

let index: SearchIndex;
let fake: FakeDiscord;
let server: HttpServer;
let endpoint: InteractionsEndpoint;
let ctx: TestContext;
let metrics: Metrics;
let url: string;

beforeAll(async () => {
  index = buildIndex(await loadCorpus(CORPUS));
});

async function start(options: { deferAfterMs?: number } = {}): Promise<void> {
  fake = await startFakeDiscord();
  ctx = makeTestContext({
    index,
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl },
  });
  ctx.store = openSqliteStoreNow(makeTempDir());
  metrics = createMetrics({ processMetrics: false });
  endpoint = createInteractionsEndpoint({
    ctx,
    commands: instrumentCommands(commands, metrics),
    publicKey: fake.publicKeyHex,
    rest: { retries: 1, timeout: 3000 },
    metrics,
    ...options,
  });
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    handlers: [
      endpoint.handler,
      healthHandlers(
        {
          corpusLoaded: () => true,
          storeReachable: () => ctx.store !== null,
          stopping: () => false,
        },
        metrics,
      ),
    ],
    log: ctx.log,
  });
  url = `http://127.0.0.1:${server.port}/interactions`;
  fake.deliverOverHttp(url);
}

afterEach(async () => {
  await endpoint?.stop(200);
  await server?.close(200);
  ctx?.store?.close();
  await fake?.close();
});

afterAll(() => undefined);

function expectCleanTraffic(): void {
  expect(fake.rejections).toEqual([]);
  for (const body of fake.sentBodies()) expect(body.allowed_mentions).toEqual({ parse: [] });
}

describe('the interactions endpoint', () => {
  it('answers a signed PING, and refuses a bad, missing or stale signature with 401', async () => {
    await start();
    const ping = await fake.postToEndpoint('{"type":1}');
    expect(ping).toEqual({ status: 200, body: '{"type":1}', contentType: 'application/json' });

    const wrongKey = fake.signBody('1', 'something else').replace(/^../, '00');
    expect((await fake.postToEndpoint('{"type":1}', { signature: wrongKey })).status).toBe(401);
    expect((await fake.postToEndpoint('{"type":1}', { signature: null })).status).toBe(401);
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    expect((await fake.postToEndpoint('{"type":1}', { timestamp: stale })).status).toBe(401);
    // A body changed after signing (the signature was made for another body).
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = fake.signBody(timestamp, '{"type":1}');
    expect((await fake.postToEndpoint('{"type": 1}', { signature, timestamp })).status).toBe(401);
    expect((await fetch(url)).status).toBe(405);

    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toContain('verbatim_interactions_bad_signature_total 4');
  });

  it('answers /ask in the response body, with the same quotes and buttons as over the gateway', async () => {
    await start();
    const interaction = fake.sendCommand('ask', { question: 'who paid for the new lens' });
    const reply = await interaction.reply();
    expect(interaction.httpStatus).toBe(200);
    expect(interaction.callbacks.map((c) => c.type)).toEqual([4]);
    expect(visibleText(reply)).toContain(
      '“Ticket sales from the summer tours paid for the new lens and for the paint on the tower.”',
    );
    expect(visibleText(reply)).toContain('Owen Tallis');
    expect(buttonLabels(reply)).toContain('Context');

    const context = fake.clickButton(reply, buttonId(reply, 'Context'));
    expect(visibleText(await context.reply())).toContain('▶ ');
    expect(context.httpStatus).toBe(200);
    expectCleanTraffic();
  });

  it('autocompletes, checks a message with "Find in reports", and quotes with /quote', async () => {
    await start();
    const choices = await fake
      .sendAutocomplete('ask', { question: 'x', speaker: 'isol' }, 'speaker')
      .autocompleteChoices();
    expect(choices[0]?.value).toBe('Isolde Brannigan');

    const check = await fake
      .sendMessageCommand('Find in reports', {
        content:
          'Tallis said "the gift shop sold four hundred postcards of the lighthouse at sunset"',
      })
      .reply();
    expect(check.flags & 64).toBe(64);
    expect((check.embeds[0] as { title: string }).title).toBe('Said verbatim');

    const quote = await fake.sendCommand('quote', { speaker: 'Margit Oyelaran' }).reply();
    expect(visibleText(quote)).toContain('Margit Oyelaran');
    expectCleanTraffic();
  });

  it('defers in the body when the work is slow, then edits the reply over REST', async () => {
    await start({ deferAfterMs: 0 });
    const interaction = fake.sendCommand('ask', { question: 'when does the new ramp arrive' });
    const reply = await interaction.reply();
    expect(interaction.callbacks.map((c) => c.type)).toEqual([5]);
    expect(visibleText(reply)).toContain('A new hydraulic ramp arrives in October');
    const edit = fake.requests.find(
      (r) => r.method === 'PATCH' && r.path.includes(interaction.token),
    );
    expect(edit?.status).toBe(200);
    expectCleanTraffic();
  });

  it('posts a hidden answer to the channel with the bot token, with no gateway', async () => {
    await start();
    const hidden = await fake
      .sendCommand('ask', { question: 'sea wall repair', hide: true })
      .reply();
    const note = await fake.clickButton(hidden, buttonId(hidden, 'Post to channel')).reply();
    expect(note.content).toBe('Posted to the channel.');
    const [posted] = fake.channelMessages(FAKE_IDS.channel);
    expect(visibleText(posted!)).toContain('sea wall');
    expect(
      fake.requests.find((r) => r.path === `/channels/${FAKE_IDS.channel}`)?.authorization,
    ).toBe(`Bot ${fake.token}`);
    expectCleanTraffic();
  });

  it('counts Discord REST 429s and 5xx, and still posts after them', async () => {
    await start();
    const hidden = await fake
      .sendCommand('ask', { question: 'sea wall repair', hide: true })
      .reply();
    fake.failNext({ method: 'GET', path: /^\/channels\/\d+$/, status: 429, retryAfter: 0.05 });
    fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 503 });
    const note = await fake.clickButton(hidden, buttonId(hidden, 'Post to channel')).reply();
    expect(note.content).toBe('Posted to the channel.');
    expect(fake.channelMessages(FAKE_IDS.channel)).toHaveLength(1);
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toContain('verbatim_discord_rest_rate_limited_total{scope="user"} 1');
    expect(text).toContain('verbatim_discord_rest_server_errors_total{status="503"} 1');
  });

  it('serves DMs and private channels, and /daily says clearly where it works', async () => {
    await start();
    const dm = await fake.sendCommand('ask', { question: 'night tours' }, { dm: true }).reply();
    expect(visibleText(dm)).toContain('night tours');
    expect(buttonLabels(dm)).not.toContain('Post to channel');

    const group = await fake
      .sendCommand('ask', { question: 'night tours', hide: true }, { privateChannel: true })
      .reply();
    expect(visibleText(group)).toContain('night tours');

    const daily = [{ name: 'status', type: 1, options: [] }];
    const inDm = await fake.sendCommand('daily', daily, { dm: true }).reply();
    expect(inDm.content).toBe('The daily quote is set per server: use /daily in a server.');
    const userInstall = await fake
      .sendCommand('daily', daily, {
        installedBy: 'user',
        memberPermissions: PERMISSIONS.manageGuild,
      })
      .reply();
    expect(userInstall.content).toMatch(/only installed on your account/);
    expect(userInstall.flags & 64).toBe(64);
    // The bot is not in that server, so a hidden answer offers no "Post to channel".
    const mine = await fake
      .sendCommand('ask', { question: 'night tours', hide: true }, { installedBy: 'user' })
      .reply();
    expect(buttonLabels(mine)).toContain('Context');
    expect(buttonLabels(mine)).not.toContain('Post to channel');
    expectCleanTraffic();
  });

  it('registers every command for server and user installs, in servers, DMs and private channels, but the server set-up ones', async () => {
    fake = await startFakeDiscord();
    await deployCommands(
      {
        ...makeTestContext().config,
        discordToken: fake.token,
        discordApiUrl: fake.apiUrl,
        discordClientId: fake.applicationId,
      },
      commands,
      { retries: 0 },
    );
    const registered = fake.commands.get('global') ?? [];
    expect(registered.map((c) => c.name)).toEqual(commands.map((c) => c.data.name));
    // Setting up a server (/daily, /announce) is offered only in servers that installed the app.
    const serverOnly = new Set(['daily', 'announce']);
    for (const command of registered) {
      expect(command.integration_types).toEqual(
        serverOnly.has(String(command.name)) ? [0] : [0, 1],
      );
      expect(command.contexts).toEqual(serverOnly.has(String(command.name)) ? [0] : [0, 1, 2]);
    }
    expect(INSTALL.contexts).toHaveLength(3);
    // afterEach closes what start() opened; here only the fake.
    endpoint = undefined as unknown as InteractionsEndpoint;
    server = undefined as unknown as HttpServer;
    ctx = undefined as unknown as TestContext;
  });

  it('counts interactions by command and outcome, and times the first answer', async () => {
    await start();
    await fake.sendCommand('ask', { question: 'who paid for the new lens' }).reply();
    await fake.sendCommand('ask', { question: 'penguins on the glacier' }).reply();
    await fake
      .sendAutocomplete('ask', { question: 'x', speaker: 'ow' }, 'speaker')
      .autocompleteChoices();
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, corpus: true, store: true, stopping: false });
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toContain(
      'verbatim_interactions_total{command="ask",kind="command",outcome="answered"} 1',
    );
    expect(text).toContain(
      'verbatim_interactions_total{command="ask",kind="command",outcome="nothing_found"} 1',
    );
    expect(text).toContain(
      'verbatim_interactions_total{command="ask",kind="autocomplete",outcome="answered"} 1',
    );
    expect(text).toContain('verbatim_first_response_seconds_count{kind="command"} 2');
    expect(text).toContain('verbatim_first_response_seconds_count{kind="autocomplete"} 1');
  });

  it('refuses new interactions with 503 once stopping, after finishing those in flight', async () => {
    await start({ deferAfterMs: 0 });
    const inFlight = fake.sendCommand('ask', { question: 'the ferry and the bus' });
    await inFlight.acknowledged();
    await endpoint.stop(2000);
    expect(visibleText(await inFlight.reply())).toContain('bus');
    const late = fake.sendCommand('ask', { question: 'the ferry and the bus' });
    await fake.waitFor(() => late.delivered, 'the late delivery');
    expect(late.httpStatus).toBe(503);
    expect(late.callbacks).toEqual([]);
  });
});
