// The fake Discord itself: the real discord.js client logs in, answers, and is refused like Discord would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import type { Interaction } from 'discord.js';
import { FAKE_IDS, startFakeDiscord, visibleText } from './fake-discord.js';
import type { FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let client: Client;

async function startClient(onInteraction: (i: Interaction) => Promise<void>): Promise<void> {
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl, retries: 1 },
  });
  client.on(Events.InteractionCreate, (i) => void onInteraction(i).catch(() => undefined));
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
}

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await client?.destroy();
  await fake.close();
});

describe('fake Discord', () => {
  it('lets the real client log in with the Guilds intent and see the guild and channel', async () => {
    await startClient(async () => undefined);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(client.guilds.cache.get(FAKE_IDS.guild)?.name).toBe('Test Server');
    expect(client.channels.cache.get(FAKE_IDS.channel)).toBeTruthy();
  });

  it('carries a command to the client and its reply back', async () => {
    await startClient(async (i) => {
      if (i.isChatInputCommand())
        await i.reply({
          content: `echo ${i.options.getString('text')}`,
          flags: MessageFlags.Ephemeral,
        });
    });
    const reply = await fake.sendCommand('echo', { text: 'hello' }).reply();
    expect(reply.content).toBe('echo hello');
    expect(reply.flags & 64).toBe(64);
  });

  it('deletes a reply (DELETE …/messages/@original) and a follow-up, and 404s a second delete', async () => {
    const codes: unknown[] = [];
    await startClient(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.deleteReply();
      const note = await i.followUp({ content: 'private note', flags: MessageFlags.Ephemeral });
      await i.deleteReply(note.id);
      for (const target of ['@original', note.id])
        await i.deleteReply(target).catch((err: { code?: unknown }) => codes.push(err.code));
      await i.followUp({ content: 'done', flags: MessageFlags.Ephemeral });
    });
    const interaction = fake.sendCommand('echo', { text: 'x' });
    const done = await interaction.followUp(2);
    expect(done.content).toBe('done');
    expect(interaction.original()?.deleted).toBe(true);
    expect((await interaction.followUp(1)).deleted).toBe(true);
    expect(codes).toEqual([10008, 10008]);
    const deletes = fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.status);
    expect(deletes).toEqual([204, 204, 404, 404]);
  });

  it('refuses content over 2,000 characters with 50035, as Discord does', async () => {
    let error: unknown = null;
    await startClient(async (i) => {
      if (i.isRepliable())
        await i.reply({ content: 'x'.repeat(2001) }).catch((e: unknown) => (error = e));
    });
    fake.sendCommand('long');
    await fake.waitFor(() => error !== null, 'the error');
    expect(String(error)).toContain('Invalid Form Body');
    expect(fake.rejections).toHaveLength(1);
  });

  it('refuses a reply after the interaction deadline with Unknown interaction', async () => {
    const fast = await startFakeDiscord({ interactionDeadlineMs: 50 });
    const errors: string[] = [];
    client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fast.apiUrl, retries: 0 },
    });
    client.on(Events.InteractionCreate, (i) => {
      if (!i.isChatInputCommand()) return;
      void (async () => {
        await new Promise((r) => setTimeout(r, 120));
        await i.reply('late').catch((e: unknown) => errors.push(String(e)));
      })();
    });
    await client.login(fast.token);
    await fast
      .sendCommand('slow')
      .reply()
      .catch(() => undefined);
    await fast.waitFor(() => errors.length > 0, 'the late error');
    expect(errors[0]).toContain('Unknown interaction');
    await fast.close();
  });

  it('retries after a 429 with retry_after, through discord.js', async () => {
    await startClient(async (i) => {
      if (i.isRepliable()) await i.reply('after the wait');
    });
    fake.failNext({ path: /callback$/, status: 429, retryAfter: 0.05 });
    const reply = await fake.sendCommand('x').reply();
    expect(reply.content).toBe('after the wait');
    expect(fake.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([
      429, 204,
    ]);
  });

  it('holds events while the gateway is down and delivers them after the client resumes', async () => {
    await startClient(async (i) => {
      if (i.isRepliable()) await i.reply('still here');
    });
    fake.dropGateway();
    const reply = await fake.sendCommand('x').reply(8000);
    expect(reply.content).toBe('still here');
    expect(fake.readyCount).toBe(2);
  });

  it('validates command registration like Discord', async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const good = new SlashCommandBuilder().setName('ask').setDescription('Ask').toJSON();
    await rest.put(Routes.applicationGuildCommands(FAKE_IDS.application, FAKE_IDS.guild), {
      body: [good],
    });
    expect(fake.commands.get(FAKE_IDS.guild)?.map((c) => c.name)).toEqual(['ask']);
    const bad = { ...good, name: 'Ask Me', description: 'd'.repeat(101) };
    await expect(
      rest.put(Routes.applicationCommands(FAKE_IDS.application), { body: [bad] }),
    ).rejects.toThrow(/Invalid Form Body/);
    await expect(
      new REST({ api: fake.apiUrl }).setToken('wrong.to.ken').get(Routes.gatewayBot()),
    ).rejects.toThrow(/Unauthorized/);
  });

  it('renders the visible text of a message', async () => {
    await startClient(async (i) => {
      if (i.isRepliable())
        await i.reply({
          embeds: [{ title: 'T', description: 'D', fields: [{ name: 'N', value: 'V' }] }],
        });
    });
    expect(visibleText(await fake.sendCommand('x').reply())).toBe('T\nD\nN\nV');
  });

  it('opens one DM channel per user, delivers to it, and refuses closed DMs with 403 code 50007', async () => {
    await startClient(async () => undefined);
    const open = await client.users.createDM('400000000000000077');
    await open.send('first');
    await open.send('second');
    expect(fake.directMessages('400000000000000077').map((m) => m.content)).toEqual([
      'first',
      'second',
    ]);
    // Discord answers the same channel for the same user.
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const body = { recipient_id: '400000000000000077' };
    const [a, b] = (await Promise.all([
      rest.post(Routes.userChannels(), { body }),
      rest.post(Routes.userChannels(), { body }),
    ])) as { id: string }[];
    expect(a?.id).toBe(open.id);
    expect(b?.id).toBe(open.id);
    fake.closedDms.add('400000000000000078');
    const closed = await client.users.createDM('400000000000000078');
    await expect(closed.send('hello')).rejects.toMatchObject({ status: 403, code: 50007 });
    expect(fake.directMessages('400000000000000078')).toEqual([]);
  });
});

describe('fake Discord over HTTP (interactions endpoint)', () => {
  it('signs what it delivers, takes the callback from the body, and refuses what Discord would', async () => {
    const { createServer } = await import('node:http');
    const { verify } = await import('node:crypto');
    const seen: { valid: boolean; type: number }[] = [];
    let answer: (type: number) => { status: number; type: string; body: string } = () => ({
      status: 200,
      type: 'application/json',
      body: JSON.stringify({ type: 4, data: { content: 'hello' } }),
    });
    const endpoint = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const message = Buffer.concat([
          Buffer.from(String(req.headers['x-signature-timestamp'])),
          body,
        ]);
        const signature = Buffer.from(String(req.headers['x-signature-ed25519']), 'hex');
        const parsed = JSON.parse(body.toString()) as { type: number };
        seen.push({
          valid: verify(null, message, fake.signingKeys.publicKey, signature),
          type: parsed.type,
        });
        const reply = answer(parsed.type);
        res.writeHead(reply.status, { 'content-type': reply.type });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const port = (endpoint.address() as { port: number }).port;
    fake.deliverOverHttp(`http://127.0.0.1:${port}/interactions`);
    try {
      const ok = fake.sendCommand('ask', { question: 'x' });
      expect((await ok.reply()).content).toBe('hello');
      expect(seen).toEqual([{ valid: true, type: 2 }]);
      expect(fake.rejections).toEqual([]);

      // A 202 without a callback over REST leaves the user with "interaction failed".
      answer = () => ({ status: 202, type: 'text/plain', body: '' });
      const silent = fake.sendCommand('ask', { question: 'x' });
      await fake.waitFor(() => silent.delivered, 'the delivery');
      expect(silent.expired).toBe(true);
      expect(fake.rejections).toHaveLength(1);

      // A callback that breaks Discord's rules is refused like one sent over REST.
      answer = () => ({
        status: 200,
        type: 'application/json',
        body: JSON.stringify({ type: 4, data: { content: 'x'.repeat(2001) } }),
      });
      const long = fake.sendCommand('ask', { question: 'x' });
      await fake.waitFor(() => long.delivered, 'the delivery');
      expect(long.callbacks).toEqual([]);
      expect(fake.rejections[1]?.status).toBe(400);
    } finally {
      endpoint.closeAllConnections();
      await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    }
  });
});
