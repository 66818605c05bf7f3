// `npm run deploy` and `npm run invite` as a server owner runs them.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, buildInviteUrl } from '../../src/discord/invite.js';
import { commands } from '../../commands/index.js';
import { FAKE_IDS, startFakeDiscord } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';

/** `npm run <script>`, or (direct) the script's file as one node process, which starts faster. */
function run(
  script: string,
  env: Record<string, string>,
  direct = false,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const [command, args] = direct
      ? [process.execPath, ['--import', 'tsx', `src/discord/${script}.ts`]]
      : ['npm', ['run', '--silent', script]];
    const child = spawn(command as string, args as string[], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        npm_config_update_notifier: 'false',
        ...env,
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (err += String(c)));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

describe('npm run deploy', () => {
  it('registers every command in the guild and prints what it registered', async () => {
    const { code, out } = await run('deploy', {
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: FAKE_IDS.application,
      DISCORD_GUILD_ID: FAKE_IDS.guild,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(0);
    expect(out).toContain(`Registered ${commands.length} commands in server ${FAKE_IDS.guild}`);
    expect(out).toContain('/ask — ');
    const sent = fake.requests.find(
      (r) => r.method === 'PUT' && r.path.endsWith(`/guilds/${FAKE_IDS.guild}/commands`),
    );
    expect(sent?.status).toBe(200);
    const names = (sent?.body as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(commands.map((c) => c.data.name));
  }, 60_000);

  it('says what is missing instead of calling Discord', async () => {
    const { code, err } = await run('deploy', {}, true);
    expect(code).toBe(1);
    expect(err).toContain('DISCORD_TOKEN is not set; npm run deploy needs the bot token');
    expect(err).toContain('DISCORD_CLIENT_ID is not set');
  }, 60_000);
});

describe('invite link', () => {
  it('asks for the bot and commands scopes and only view, send and embed permissions', () => {
    const url = new URL(buildInviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe(String(1024 + 2048 + 16384));
    expect(BOT_PERMISSIONS).toBe(19456n);
  });
});
