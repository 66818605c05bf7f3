// Quotes and echoes show verbatim in Discord: Markdown in a record or a question is escaped, bidi
// overrides are gone, and citations name the file inside the corpus folder, never a machine path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildIndex } from '../../src/search/engine.js';
import type { SearchIndex } from '../../src/search/engine.js';
import { startBot } from '../../src/discord/client.js';
import type { RunningBot } from '../../src/discord/client.js';
import { buttonId, startFakeDiscord, visibleText } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';
import { makeTestContext } from '../support/app-context.js';

const RLO = '\u202e';
const RECORD = [
  'HARBOUR BOARD',
  '',
  'MAYOR LINDQVIST: The *harbour* fee stays, the ~~old~~ ferry goes, and the ||night|| boats keep their [berths](https://evil.example) at the quay.',
  '',
  `CLERK OSTBERG: The ferry timetable changes in June, ${RLO}and the quay stays open.`,
  '',
  'MAYOR LINDQVIST: The harbour fee pays for the dredging of the quay.',
  '',
].join('\n');

let dir: string;
let index: SearchIndex;
let fake: FakeDiscord;
let bot: RunningBot | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-views-'));
  mkdirSync(join(dir, 'harbour'));
  writeFileSync(join(dir, 'harbour', '2026-05-02-harbour-board.txt'), RECORD);
  // Loaded by its absolute path, as a deployed bot does (CORPUS_DIR=/srv/…).
  index = buildIndex(await loadCorpus(dir));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(async () => {
  await bot?.stop(200);
  bot = null;
  await fake?.close();
});

async function start(): Promise<void> {
  fake = await startFakeDiscord();
  const ctx = makeTestContext({
    index,
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl },
  });
  bot = await startBot({ ctx, commands, rest: { retries: 2, timeout: 3000 } });
}

type Embed = {
  title?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
};

describe('verbatim on screen', () => {
  it('escapes Markdown in a quote, so the words show as the record has them', async () => {
    await start();
    const reply = await fake.sendCommand('ask', { question: 'harbour fee ferry' }).reply();
    const embed = reply.embeds[0] as Embed;
    const values = (embed.fields ?? []).map((f) => f.value).join('\n');
    expect(values).toContain(
      'The \\*harbour\\* fee stays, the \\~\\~old\\~\\~ ferry goes, and the \\|\\|night\\|\\| boats keep their \\[berths\\]\\(https://evil.example\\) at the quay.',
    );
    expect(fake.rejections).toEqual([]);
  });

  it('drops bidi overrides from a quote', async () => {
    await start();
    const reply = await fake.sendCommand('ask', { question: 'ferry timetable June' }).reply();
    const text = visibleText(reply);
    expect(text).toContain('The ferry timetable changes in June, and the quay stays open.');
    expect(text).not.toContain(RLO);
  });

  it('escapes Markdown and drops bidi overrides in an echoed question', async () => {
    await start();
    const question = `harbour fee **now** ||really|| [see](https://x.example) ${RLO}evil`;
    const reply = await fake.sendCommand('ask', { question }).reply();
    const body = JSON.stringify(fake.sentBodies());
    expect(body).not.toContain(RLO);
    expect(body).not.toContain('**now**');
    const text = visibleText(reply);
    expect(text).toContain(
      '\\*\\*now\\*\\* \\|\\|really\\|\\| \\[see\\]\\(https://x.example\\) evil',
    );
  });

  it('cites the file inside the corpus folder, never the path it was loaded by', async () => {
    await start();
    const reply = await fake.sendCommand('ask', { question: 'dredging of the quay' }).reply();
    const embed = reply.embeds[0] as Embed;
    expect(embed.fields?.[0]?.value).toMatch(/¶\d+ of harbour\/2026-05-02-harbour-board\.txt$/);
    const context = await fake.clickButton(reply, buttonId(reply, 'Context')).reply();
    const all = JSON.stringify(fake.sentBodies());
    expect(all).not.toContain(dir);
    expect((context.embeds[0] as Embed).footer?.text).toContain(
      'harbour/2026-05-02-harbour-board.txt',
    );
  });
});
