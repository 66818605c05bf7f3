// Charts through the real discord.js client against the fake Discord: the reply uploads the PNG
// with its alt text, the embed shows it, and dates follow the server's locale.
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { commands } from '../../commands/index.js';
import { buildIndex } from '../../src/search/engine.js';
import { startBot, type RunningBot } from '../../src/discord/client.js';
import { startFakeDiscord, type FakeDiscord, type FakeMessage } from '../support/fake-discord.js';
import { makeTestContext } from '../support/app-context.js';
import { boardCorpus } from './fixture.js';

let fake: FakeDiscord;
let bot: RunningBot | null = null;

async function start(deferAfterMs?: number): Promise<void> {
  fake = await startFakeDiscord();
  const ctx = makeTestContext({
    index: buildIndex(boardCorpus()),
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl },
  });
  bot = await startBot({ ctx, commands, rest: { retries: 2, timeout: 3000 }, deferAfterMs });
}

afterEach(async () => {
  await bot?.stop(200);
  bot = null;
  await fake?.close();
});

/** The one attachment of a reply, decoded, with the embed that shows it. */
function chartOf(reply: FakeMessage, name: string) {
  expect(reply.attachments.map((a) => a.filename)).toEqual([name]);
  const attachment = reply.attachments[0]!;
  const png = PNG.sync.read(attachment.data);
  const shownIn = reply.embeds.filter(
    (e) => (e.image as { url?: string } | undefined)?.url === `attachment://${name}`,
  );
  return { attachment, png, shownIn };
}

describe('charts in Discord replies', () => {
  it('attaches the /who timeline with alt text, dated in the server’s locale', async () => {
    await start();
    const reply = await fake
      .sendCommand('who', { speaker: 'Idris Kamau' }, { guildLocale: 'fr', locale: 'en-US' })
      .reply();
    const { attachment, png, shownIn } = chartOf(reply, 'timeline.png');
    expect([png.width, png.height]).toEqual([800, 400]);
    expect(attachment.contentType).toBe('image/png');
    expect(attachment.description).toContain("Timeline of Idris Kamau's statements: 3 statements");
    expect(attachment.description).toContain('10 janv. 2024');
    expect(shownIn).toHaveLength(1);
    expect(shownIn[0]?.title).toBe('Idris Kamau');
    // What discord.js sent: files[0] in the multipart body, its alt text in attachments[0].
    const sent = fake.requests.find((r) => r.files.length > 0);
    expect(sent?.files.map((f) => f.field)).toEqual(['files[0]']);
    expect(fake.rejections).toEqual([]);
  });

  it('answers /trend with the chart, then the three best matches quoted and cited', async () => {
    await start();
    const reply = await fake.sendCommand('trend', { words: 'dredging' }).reply();
    const { attachment, shownIn } = chartOf(reply, 'trend.png');
    expect(attachment.description).toContain(
      'Trend of statements matching “dredging”: 9 statements',
    );
    expect(shownIn).toHaveLength(1);
    expect(reply.embeds[0]).toBe(shownIn[0]);
    const quotes = reply.embeds[1] as { title: string; fields: { name: string; value: string }[] };
    expect(quotes.title).toBe('Best matches');
    expect(quotes.fields).toHaveLength(3);
    for (const field of quotes.fields) {
      expect(field.value).toMatch(/^“[^”]*[Dd]redging[^”]*”\n¶\d+ of board\/2024-\d\d-\d\d\.txt$/u);
    }
    expect(fake.rejections).toEqual([]);
  });

  it('puts the speakers’ share under the /meeting summary', async () => {
    await start();
    const reply = await fake.sendCommand('meeting', { meeting: 'board/2024-05-02.txt' }).reply();
    const { attachment, shownIn } = chartOf(reply, 'speakers.png');
    expect(attachment.description).toContain(
      'Who spoke how much at Harbour board, May (May 2, 2024): 31 words in 3 turns by 2 speakers.',
    );
    expect(attachment.description).toContain('Lotte Brandt 74% of words (23), 67% of turns (2)');
    expect(shownIn).toHaveLength(1);
    expect(fake.rejections).toEqual([]);
  });

  it('uploads the chart with the edit when the reply was deferred first', async () => {
    await start(0);
    const reply = await fake.sendCommand('trend', { words: 'dredging' }).reply();
    const { attachment, shownIn } = chartOf(reply, 'trend.png');
    expect(attachment.description).toContain('“dredging”');
    expect(shownIn).toHaveLength(1);
    const edit = fake.requests.find((r) => r.method === 'PATCH' && r.files.length > 0);
    expect(edit?.path).toMatch(/\/messages\/@original$/u);
    expect(fake.rejections).toEqual([]);
  });

  it('answers /trend privately, without a chart, when nothing matches', async () => {
    await start();
    const reply = await fake.sendCommand('trend', { words: 'lighthouse' }).reply();
    expect(reply.attachments).toEqual([]);
    expect(reply.flags & 64).toBe(64);
    expect(fake.rejections).toEqual([]);
  });
});
