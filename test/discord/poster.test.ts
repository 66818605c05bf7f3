// The discord.js ChannelPoster the daily scheduler uses, against the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPostError } from '../../src/daily/poster.js';
import { createClient } from '../../src/discord/client.js';
import { createChannelPoster } from '../../src/discord/poster.js';
import { parseConfig } from '../../src/config.js';
import { FAKE_IDS, startFakeDiscord } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';
import type { Client } from 'discord.js';

let fake: FakeDiscord;
let client: Client;
const view = { ephemeral: false, content: 'Quote of the day @everyone', cards: [], buttons: [] };

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = createClient(
    { ...parseConfig({}), discordApiUrl: fake.apiUrl },
    { retries: 1, timeout: 3000 },
  );
  await client.login(fake.token);
});

afterAll(async () => {
  await client.destroy();
  await fake.close();
});

describe('createChannelPoster', () => {
  it('posts the view to the channel without allowing mentions', async () => {
    await createChannelPoster(client).send(FAKE_IDS.channel, view);
    const [posted] = fake.channelMessages(FAKE_IDS.channel);
    expect(posted?.content).toBe('Quote of the day @everyone');
    expect(posted?.allowed_mentions).toEqual({ parse: [] });
  });

  it("passes Discord's refusals to the scheduler in a form it classifies", async () => {
    const poster = createChannelPoster(client);
    fake.failNext({ method: 'POST', path: /messages$/, status: 403, code: 50013 });
    const forbidden = await poster.send(FAKE_IDS.channel, view).catch((e: unknown) => e);
    expect(classifyPostError(forbidden).kind).toBe('missing-permission');
    const gone = await poster.send('300000000000000999', view).catch((e: unknown) => e);
    expect(classifyPostError(gone).kind).toBe('channel-gone');
  });
});
