// `npm start` in gateway mode on a live corpus folder: /announce set and /alert add through the
// fake Discord, then a record dropped into the folder is announced in the channel and sent to the
// member, once, without a restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAKE_IDS, PERMISSIONS, startFakeDiscord, visibleText } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';
import { report, waitFor } from '../live/support.js';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-alerts-live-'));
const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-alerts-live-data-'));
let fake: FakeDiscord | null = null;
afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const MEMBER = { id: '400000000000000042', username: 'rosa' };
const PIERS = 'The north pier gets new timber piles before the winter storms arrive.';
const FERRY = 'The winter ferry timetable adds a second morning crossing to the outer islands.';

describe('npm start with a live corpus: new meetings', () => {
  it('announces a record added while the bot runs and sends the matching alert, once', async () => {
    writeFileSync(join(dir, 'harbour.txt'), report('Harbour Board', [['WILMA OSTRANDER', PIERS]]));
    const discord = await startFakeDiscord();
    fake = discord;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CORPUS_DIR: dir,
        DATA_DIR: dataDir,
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await discord.waitForReady(1, 30_000);
      const set = await discord
        .sendCommand(
          'announce',
          [
            {
              type: 1,
              name: 'set',
              options: [{ type: 7, name: 'channel', value: FAKE_IDS.channel }],
            },
          ],
          { memberPermissions: PERMISSIONS.manageGuild },
        )
        .reply(10_000);
      expect(visibleText(set)).toMatch(/^New meetings will be announced in <#/);
      const added = await discord
        .sendCommand(
          'alert',
          [
            {
              type: 1,
              name: 'add',
              options: [{ type: 3, name: 'words', value: 'ferry timetable' }],
            },
          ],
          { user: MEMBER },
        )
        .reply(10_000);
      expect(visibleText(added)).toMatch(/^Alert on/);

      writeFileSync(join(dir, 'ferry.txt'), report('Ferry Forum', [['KOFI MENSAH', FERRY]]));
      await waitFor(
        () => discord.channelMessages().length > 0 && discord.directMessages(MEMBER.id).length > 0,
        30_000,
        'the card and the alert for the new record',
      );
      // A pass after the next swap (another record) must not send them again.
      writeFileSync(join(dir, 'notes.txt'), report('Quay Notes', [['IDA SORENSEN', PIERS]]));
      await waitFor(() => discord.channelMessages().length > 1, 30_000, 'the second card');
      const cards = discord.channelMessages().map((m) => visibleText(m).split('\n')[0]);
      // Titled after their files (the first line is not taken as a title here).
      expect(cards).toEqual(['New meeting: Ferry', 'New meeting: Notes']);
      const dms = discord.directMessages(MEMBER.id);
      expect(dms).toHaveLength(1);
      expect(visibleText(dms[0]!)).toContain(FERRY);
      expect(discord.rejections).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
  }, 90_000);
});
