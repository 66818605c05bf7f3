// The router through the real discord.js client: defer, cooldown, errors, expired buttons, posting.
import { afterEach, describe, expect, it } from 'vitest';
import { ContextMenuCommandBuilder, ApplicationCommandType, SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../../commands/types.js';
import { textReply } from '../../src/answers/view.js';
import type { ReplyView } from '../../src/answers/view.js';
import { startBot } from '../../src/discord/client.js';
import type { RunningBot } from '../../src/discord/client.js';
import { EXPIRED_TEXT } from '../../commands/types.js';
import { FAKE_IDS, buttonId, startFakeDiscord } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';
import { makeTestContext } from '../support/app-context.js';
import type { TestContext } from '../support/app-context.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function view(content: string, extra: Partial<ReplyView> = {}): ReplyView {
  return { ephemeral: false, content, cards: [], buttons: [], ...extra };
}

const echo: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Echo')
    .addStringOption((o) => o.setName('question').setDescription('q').setRequired(true))
    .addStringOption((o) => o.setName('speaker').setDescription('s').setAutocomplete(true))
    .addBooleanOption((o) => o.setName('hide').setDescription('h')),
  defer: true,
  cooldown: true,
  async run(_ctx, input) {
    const q = String(input.options.question);
    if (q === 'slow') await sleep(150);
    if (q === 'slow-nothing') {
      await sleep(150);
      return textReply('Nothing in the reports says that.');
    }
    if (q === 'boom') throw new Error('kaboom');
    if (q === 'block') {
      const until = Date.now() + 60;
      while (Date.now() < until) {
        // Busy: a synchronous search on a big corpus blocks the event loop like this.
      }
    }
    return view(`you asked: ${q} @everyone`, {
      ephemeral: input.options.hide === true,
      buttons: [
        { id: 'ask:more:k1', label: 'More', style: 'primary' },
        { id: 'ask:context:k1', label: 'Context', style: 'secondary' },
        { id: 'ask:post:k1', label: 'Post to channel', style: 'success' },
      ],
    });
  },
  autocomplete(_ctx, focused) {
    return Array.from({ length: 40 }, (_, i) => ({
      name: `${focused.value} ${i} ${'x'.repeat(120)}`,
      value: `v${i}`,
    }));
  },
  async button(_ctx, customId) {
    const [, action] = customId.split(':');
    if (action === 'more') return { mode: 'update', view: view('page 2') };
    if (action === 'context') return { mode: 'reply', view: textReply('the context') };
    if (action === 'post') return { mode: 'channel', view: view('posted answer') };
    return { mode: 'reply', view: textReply(EXPIRED_TEXT) };
  },
};

const find: CommandModule = {
  data: new ContextMenuCommandBuilder()
    .setName('Find in reports')
    .setType(ApplicationCommandType.Message),
  async run(_ctx, input) {
    return textReply(`checking: ${input.target?.content ?? ''}`);
  },
};

/** Another command that asks for the cooldown: the flag on the module decides, not the name. */
const digest: CommandModule = {
  data: new SlashCommandBuilder().setName('digest').setDescription('Digest'),
  cooldown: true,
  async run() {
    return textReply('a digest');
  },
};

let fake: FakeDiscord;
let bot: RunningBot | null = null;
let ctx: TestContext;

async function start(
  config: Partial<TestContext['config']> = {},
  deferAfterMs = 1000,
): Promise<void> {
  fake = await startFakeDiscord();
  ctx = makeTestContext({
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl, ...config },
  });
  bot = await startBot({
    ctx,
    commands: [echo, find, digest],
    rest: { retries: 2, timeout: 2000 },
    deferAfterMs,
  });
}

afterEach(async () => {
  await bot?.stop(100);
  bot = null;
  await fake.close();
});

describe('router', () => {
  it('answers a quick command directly, never allowing mentions', async () => {
    await start();
    const reply = await fake.sendCommand('ask', { question: 'hi' }).reply();
    expect(reply.content).toBe('you asked: hi @everyone');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(fake.rejections).toEqual([]);
  });

  it('defers a slow command and edits the answer in', async () => {
    await start({}, 20);
    const interaction = fake.sendCommand('ask', { question: 'slow' });
    const reply = await interaction.reply();
    expect(interaction.callbacks.map((c) => c.type)).toEqual([5]);
    expect(reply.content).toBe('you asked: slow @everyone');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps a slow "nothing found" private after a public defer', async () => {
    await start({}, 20);
    const interaction = fake.sendCommand('ask', { question: 'slow-nothing' });
    const followUp = await interaction.followUp();
    expect(followUp.flags & 64).toBe(64);
    expect(followUp.content).toContain('Nothing in the reports');
    expect(interaction.original()?.deleted).toBe(true);
  });

  it('defers before running a command that blocked the event loop last time', async () => {
    await start({}, 40);
    const first = fake.sendCommand('ask', { question: 'block' });
    await first.reply();
    expect(first.callbacks.map((c) => c.type)).toEqual([4]);
    const second = fake.sendCommand('ask', { question: 'block' });
    const reply = await second.reply();
    expect(second.callbacks.map((c) => c.type)).toEqual([5]);
    expect(reply.content).toContain('block');
  });

  it('defers privately when hide is set', async () => {
    await start({}, 20);
    const interaction = fake.sendCommand('ask', { question: 'slow', hide: true });
    const reply = await interaction.reply();
    expect(reply.flags & 64).toBe(64);
  });

  it('reports a failure with a reference, logs it with the interaction id, and keeps running', async () => {
    await start();
    const interaction = fake.sendCommand('ask', { question: 'boom' });
    const reply = await interaction.reply();
    expect(reply.flags & 64).toBe(64);
    const reference = /reference: ([0-9A-F]{6})/.exec(reply.content)?.[1];
    expect(reference).toBeDefined();
    const logged = ctx.logLines().find((l) => l.reference === reference);
    expect(logged).toMatchObject({ interactionId: interaction.id, msg: 'interaction failed' });
    expect((await fake.sendCommand('ask', { question: 'again' }).reply()).content).toContain(
      'again',
    );
  });

  it('applies the per-user cooldown, privately, and not to other users', async () => {
    await start({ askCooldownSeconds: 30 });
    await fake.sendCommand('ask', { question: 'one' }).reply();
    const second = await fake.sendCommand('ask', { question: 'two' }).reply();
    expect(second.flags & 64).toBe(64);
    expect(second.content).toMatch(/You can ask again in (29|30) seconds/);
    const other = await fake
      .sendCommand(
        'ask',
        { question: 'three' },
        { user: { id: '400000000000000005', username: 'other' } },
      )
      .reply();
    expect(other.content).toContain('three');
  });

  it('applies the cooldown to the commands that ask for it, shared, and to no other', async () => {
    await start({ askCooldownSeconds: 30 });
    expect((await fake.sendCommand('digest', {}).reply()).content).toBe('a digest');
    for (let i = 0; i < 2; i++) {
      const checked = fake.sendMessageCommand('Find in reports', { content: 'a claim' });
      expect((await checked.reply()).content).toBe('checking: a claim');
    }
    const asked = await fake.sendCommand('ask', { question: 'one' }).reply();
    expect(asked.content).toMatch(/You can ask again in (29|30) seconds/);
    const again = await fake.sendCommand('digest', {}).reply();
    expect(again.content).toMatch(/You can ask again in (29|30) seconds/);
  });

  it('clamps autocomplete to 25 choices of at most 100 characters', async () => {
    await start();
    const choices = await fake
      .sendAutocomplete('ask', { question: 'x', speaker: 'kha' }, 'speaker')
      .autocompleteChoices();
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100 && c.name.startsWith('kha'))).toBe(true);
    expect(fake.rejections).toEqual([]);
  });

  it('updates the message for "More", replies privately for "Context"', async () => {
    await start();
    const answer = await fake.sendCommand('ask', { question: 'hi' }).reply();
    const more = await fake.clickButton(answer, buttonId(answer, 'More')).reply();
    expect(more.id).toBe(answer.id);
    expect(more.content).toBe('page 2');
    const answer2 = await fake.sendCommand('ask', { question: 'hi' }).reply();
    const context = await fake.clickButton(answer2, buttonId(answer2, 'Context')).reply();
    expect(context.id).not.toBe(answer2.id);
    expect(context.flags & 64).toBe(64);
    expect(context.content).toBe('the context');
  });

  it('posts to the channel and tells the presser', async () => {
    await start();
    const answer = await fake.sendCommand('ask', { question: 'hi', hide: true }).reply();
    const note = await fake.clickButton(answer, buttonId(answer, 'Post to channel')).reply();
    expect(note.content).toBe('Posted to the channel.');
    expect(note.flags & 64).toBe(64);
    const posted = fake.channelMessages(FAKE_IDS.channel);
    expect(posted.map((m) => m.content)).toEqual(['posted answer']);
    expect(posted[0]?.allowed_mentions).toEqual({ parse: [] });
  });

  it('tells the presser when Discord refuses the post (403 Missing Permissions) and logs it', async () => {
    await start();
    const answer = await fake.sendCommand('ask', { question: 'hi', hide: true }).reply();
    fake.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      code: 50013,
    });
    const note = await fake.clickButton(answer, buttonId(answer, 'Post to channel')).reply();
    expect(note.content).toContain('not allowed to post in that channel');
    expect(note.content).toContain('Send Messages');
    expect(ctx.logLines().some((l) => l.reason === 'missing-permissions')).toBe(true);
  });

  it('answers a button it does not know (from before a restart) with "expired"', async () => {
    await start();
    const reply = await fake.clickStaleButton('gone:more:abc').reply();
    expect(reply.content).toBe(EXPIRED_TEXT);
    expect(reply.flags & 64).toBe(64);
  });

  it('passes the target message to a message context-menu command', async () => {
    await start();
    const reply = await fake.sendMessageCommand('Find in reports', { content: 'a claim' }).reply();
    expect(reply.content).toBe('checking: a claim');
  });

  it('retries a 500 and a 429 from Discord and still answers', async () => {
    await start();
    fake.failNext({ path: /callback$/, status: 500 });
    fake.failNext({ path: /callback$/, status: 429, retryAfter: 0.02 });
    const reply = await fake.sendCommand('ask', { question: 'hi' }).reply();
    expect(reply.content).toContain('hi');
    expect(fake.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([
      500, 429, 204,
    ]);
  });

  it('logs a reply Discord keeps failing (500) and answers the next one', async () => {
    await start();
    fake.failNext({ path: /callback$/, status: 500, times: 3 });
    fake.sendCommand('ask', { question: 'first' });
    await fake.waitFor(
      () => ctx.logLines().some((l) => l.msg === 'interaction failed'),
      'the failure log',
    );
    const reply = await fake.sendCommand('ask', { question: 'second' }).reply();
    expect(reply.content).toContain('second');
  });

  it('reconnects after a dropped gateway connection and still answers', async () => {
    await start();
    fake.dropGateway();
    const reply = await fake.sendCommand('ask', { question: 'after the drop' }).reply(8000);
    expect(reply.content).toContain('after the drop');
    expect(fake.readyCount).toBe(2);
  });

  it('finishes a reply in flight when stopped', async () => {
    await start({}, 20);
    const interaction = fake.sendCommand('ask', { question: 'slow' });
    await interaction.acknowledged();
    await bot?.stop(2000);
    bot = null;
    expect(interaction.original()?.content).toContain('slow');
  });
});
