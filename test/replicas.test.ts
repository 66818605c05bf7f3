// Two replica processes in HTTP interactions mode behind a round-robin proxy, one PostgreSQL:
// every interaction answered exactly once, buttons pressed on the other replica, a replica killed
// mid-run, the daily post made once, a new meeting announced and alerted once, and a forged
// request refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { createTestDatabase } from './support/postgres.js';
import { startReplica } from '../src/bench/replicas.js';
import type { Replica } from '../src/bench/replicas.js';
import { startRoundRobinProxy } from '../src/bench/round-robin.js';
import type { RoundRobinProxy } from '../src/bench/round-robin.js';
import { FAKE_IDS, buttonId, startFakeDiscord, visibleText } from './support/fake-discord.js';
import type { FakeDiscord, FakeInteraction, FakeMessage } from './support/fake-discord.js';

const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-replicas-'));
/** Where new meetings are announced (the daily quote goes to FAKE_IDS.channel). */
const MEETINGS_CHANNEL = '300000000000000002';
const MEMBER = '400000000000000042';
let fake: FakeDiscord;
let proxy: RoundRobinProxy;
const replicas: Replica[] = [];
/** A /quote reply whose Context button the mixed runs press. */
let quoted: FakeMessage;

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [
      {
        id: FAKE_IDS.guild,
        name: 'Test Server',
        channels: [
          { id: FAKE_IDS.channel, name: 'general' },
          { id: MEETINGS_CHANNEL, name: 'meetings' },
        ],
      },
    ],
  });
  // A daily quote due since midnight (set the day before): both replicas' schedulers find it
  // due at startup.
  const today = new Date();
  const databaseUrl = await createTestDatabase();
  const store = await openStore({ dataDir, databaseUrl });
  await store.setSubscription({
    guildId: FAKE_IDS.guild,
    channelId: FAKE_IDS.channel,
    time: '00:00',
    timezone: 'UTC',
    now: new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - 60_000,
    ),
  });
  // The lighthouse meeting was in the reports when announcements and an alert were set; the
  // ferry forum is first seen when the replicas start, so both find it new at once.
  const setAt = new Date(Date.now() - 60_000);
  await store.alerts.markMeetingsSeen(['2024-03-11-lighthouse-trust.txt'], setAt);
  await store.alerts.setAnnounceChannel({
    guildId: FAKE_IDS.guild,
    channelId: MEETINGS_CHANNEL,
    now: setAt,
  });
  await store.alerts.addAlert({
    userId: MEMBER,
    guildId: FAKE_IDS.guild,
    words: 'hydraulic ramp',
    speaker: null,
    now: setAt,
    max: 25,
  });
  await store.close();
  const env = {
    DATABASE_URL: databaseUrl,
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_PUBLIC_KEY: fake.publicKeyHex,
    CORPUS_DIR: 'test/fixtures/http',
    DATA_DIR: dataDir,
    ASK_COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'warn',
  };
  replicas.push(await startReplica(env), await startReplica(env));
  await Promise.all(replicas.map((r) => r.ready(40_000)));
  proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
  fake.deliverOverHttp(`${proxy.url}/interactions`);
  quoted = await fake.sendCommand('quote', { speaker: 'Owen Tallis' }).reply();
}, 60_000);

afterAll(async () => {
  for (const replica of replicas) replica.kill('SIGKILL');
  await Promise.all(replicas.map((r) => r.exited));
  await proxy?.close();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const QUESTIONS = [
  'who paid for the new lens',
  'when does the new ramp arrive',
  'sea wall repair',
  'night tours',
  'postcards of the lighthouse',
  'the ferry and the bus',
];

/** One interaction of each kind, by number: commands, autocomplete, context menu, button. */
function sendOne(n: number): { kind: string; interaction: FakeInteraction } {
  const question = QUESTIONS[n % QUESTIONS.length] ?? 'lighthouse';
  switch (n % 7) {
    case 0:
      return { kind: 'ask', interaction: fake.sendCommand('ask', { question }) };
    case 1:
      return {
        kind: 'autocomplete',
        interaction: fake.sendAutocomplete('ask', { question, speaker: 'tal' }, 'speaker'),
      };
    case 2:
      return { kind: 'quote', interaction: fake.sendCommand('quote', { random: true }) };
    case 3:
      return {
        kind: 'find',
        interaction: fake.sendMessageCommand('Find in reports', {
          content: 'Oyelaran: "a new hydraulic ramp arrives in October"',
        }),
      };
    case 4:
      return { kind: 'who', interaction: fake.sendCommand('who', { speaker: 'Owen Tallis' }) };
    case 5:
      return {
        kind: 'button',
        interaction: fake.clickButton(quoted, buttonId(quoted, 'Context')),
      };
    default:
      return {
        kind: 'meeting',
        interaction: fake.sendCommand('meeting', { meeting: 'Kestrel Bay Ferry Users Forum' }),
      };
  }
}

async function settle(interaction: FakeInteraction): Promise<void> {
  await fake.waitFor(() => interaction.delivered, `delivery of ${interaction.id}`, 10_000);
}

describe('two replicas behind a round-robin proxy', () => {
  it('answers 200 interactions of every kind exactly once, spread over both replicas', async () => {
    const sent: { kind: string; interaction: FakeInteraction }[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const wave = Array.from({ length: 20 }, (_, i) => sendOne(batch * 20 + i));
      sent.push(...wave);
      await Promise.all(wave.map((w) => settle(w.interaction)));
    }
    for (const { kind, interaction } of sent) {
      // 200: answered in the response body; 202: a first answer with a file (the /who timeline)
      // goes over REST. Either way, exactly one answer.
      expect([200, 202], kind).toContain(interaction.httpStatus);
      expect(interaction.callbacks, kind).toHaveLength(1);
      expect(interaction.expired, kind).toBe(false);
    }
    // What a user sees: quotes and choices, not errors.
    const texts = await Promise.all(
      sent
        .filter((s) => s.kind !== 'autocomplete')
        .map(async (s) => visibleText(await s.interaction.reply())),
    );
    for (const text of texts) expect(text).not.toMatch(/Something went wrong|expired/);
    const presses = sent.filter((s) => s.kind === 'button');
    expect(new Set(presses.map((p) => proxy.servedBy.get(p.interaction.id))).size).toBe(2);
    for (const press of presses)
      expect(visibleText(await press.interaction.reply())).toMatch(/^TREASURER OWEN TALLIS: \*\*/m);
    const choices = sent.filter((s) => s.kind === 'autocomplete').map((s) => s.interaction.choices);
    for (const list of choices) expect(list?.[0]?.value).toBe('Owen Tallis');
    expect(proxy.served[0]).toBeGreaterThanOrEqual(90);
    expect(proxy.served[1]).toBeGreaterThanOrEqual(90);
    expect(fake.rejections).toEqual([]);
  }, 60_000);

  it('posts the daily quote once although both replicas run the scheduler', async () => {
    await fake.waitFor(() => fake.channelMessages().length >= 1, 'the daily quote', 15_000);
    // Both replicas have long had their startup pass; a second post would be here by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const posts = fake.channelMessages();
    expect(posts).toHaveLength(1);
    expect(visibleText(posts[0]!)).toMatch(/Tallis|Brannigan|Oyelaran|Dunmore/);
  });

  it('announces the new meeting once and sends the alert once although both replicas catch up', async () => {
    await fake.waitFor(
      () =>
        fake.channelMessages(MEETINGS_CHANNEL).length >= 1 &&
        fake.directMessages(MEMBER).length >= 1,
      'the new-meeting card and the alert',
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const cards = fake.channelMessages(MEETINGS_CHANNEL);
    expect(cards).toHaveLength(1);
    expect(visibleText(cards[0]!)).toMatch(/^New meeting: Ferry users forum, 2 September 2024/);
    expect(visibleText(cards[0]!)).toMatch(/the ramp at Kestrel Bay jammed/);
    const dms = fake.directMessages(MEMBER);
    expect(dms).toHaveLength(1);
    expect(visibleText(dms[0]!)).toMatch(/A new hydraulic ramp arrives in October/);
  });

  it('serves a /quote Context button on the replica that did not make the reply', async () => {
    const command = fake.sendCommand('quote', { speaker: 'Isolde Brannigan' });
    const reply = await command.reply();
    const press = fake.clickButton(reply, buttonId(reply, 'Context'));
    const context = await press.reply();
    expect(proxy.servedBy.get(press.id)).not.toBe(proxy.servedBy.get(command.id));
    expect(visibleText(context)).toMatch(/^CHAIR ISOLDE BRANNIGAN: \*\*/m);
    expect(visibleText(context)).not.toMatch(/expired/);
    expect(press.callbacks).toHaveLength(1);
  });

  // /ask keeps what its buttons need (question, filters, page) in the shared store, so a press
  // that lands on the other replica finds it.
  it('serves an /ask More button on the replica that did not make the reply', async () => {
    const command = fake.sendCommand('ask', { question: 'lighthouse', limit: 2 });
    const reply = await command.reply();
    const press = fake.clickButton(reply, buttonId(reply, 'More'));
    const page = await press.reply();
    expect(proxy.servedBy.get(press.id)).not.toBe(proxy.servedBy.get(command.id));
    expect(visibleText(page)).toMatch(/Statements 3–/);
  });

  it('refuses a request with a bad signature through the proxy', async () => {
    const body = JSON.stringify({ type: 2, id: '1', token: 'x', data: { name: 'ask' } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = fake.signBody(timestamp, body.replace('ask', 'who'));
    expect((await fake.postToEndpoint(body, { signature: forged, timestamp })).status).toBe(401);
  });

  it('keeps serving on one replica after the other is killed with SIGKILL mid-run', async () => {
    const before = Array.from({ length: 20 }, (_, i) => sendOne(i));
    // Killed while those are in flight: some may be lost with it, none may be answered twice.
    await new Promise((resolve) => setTimeout(resolve, 30));
    replicas[1]?.kill('SIGKILL');
    await replicas[1]?.exited;
    const after = Array.from({ length: 40 }, (_, i) => sendOne(i + 3));
    await Promise.all([...before, ...after].map((s) => settle(s.interaction)));
    for (const { interaction } of before)
      expect(interaction.callbacks.length).toBeLessThanOrEqual(1);
    for (const { kind, interaction } of after) {
      // 200: answered in the response body; 202: a first answer with a file (the /who timeline)
      // goes over REST. Either way, exactly one answer.
      expect([200, 202], kind).toContain(interaction.httpStatus);
      expect(interaction.callbacks, kind).toHaveLength(1);
    }
    const survivor = await fetch(`${replicas[0]?.url}/readyz`);
    expect(survivor.status).toBe(200);
    expect(fake.rejections).toEqual([]);
  }, 30_000);

  it('stops gracefully on SIGTERM: what it took is answered in full, then it exits 0 within 5 s', async () => {
    const last = replicas[0]!;
    const wave = Array.from({ length: 10 }, (_, i) => sendOne(i));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopAt = Date.now();
    last.kill('SIGTERM');
    const { code } = await last.exited;
    expect(Date.now() - stopAt).toBeLessThan(5000);
    expect(code).toBe(0);
    expect(last.output()).not.toMatch(/shutdown took too long/);
    await Promise.all(wave.map((w) => settle(w.interaction)));
    for (const { interaction } of wave) {
      // Taken before the stop: answered once and completely; else refused, never half-answered.
      if (interaction.callbacks.length > 0) {
        expect(interaction.callbacks).toHaveLength(1);
        if (interaction.type !== 4) expect((await interaction.reply()).loading).toBe(false);
      } else expect([502, 503]).toContain(interaction.httpStatus);
    }
    expect(fake.rejections).toEqual([]);
  }, 30_000);
});
