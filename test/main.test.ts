// `npm start` as a separate process: the bot against the fake Discord, the console on piped input,
// bad settings, and a clean exit on SIGTERM.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openSqliteStore } from '../src/store/sqlite.js';
import { FAKE_IDS, PERMISSIONS, startFakeDiscord, visibleText } from './support/fake-discord.js';
import type { FakeDiscord } from './support/fake-discord.js';

const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-main-'));
const running: ChildProcess[] = [];

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `npm start`, or what it runs (src/main.ts under tsx) as one node process: faster, and a
 * signal reaches the bot itself rather than npm.
 */
function startProcess(env: Record<string, string>, stdin?: string, direct = false): Run {
  // A clean environment: nothing from the developer's shell or .env decides the outcome.
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    CORPUS_DIR: 'seeds',
  };
  const [command, args] = direct
    ? [process.execPath, ['--import', 'tsx', 'src/main.ts']]
    : ['npm', ['start', '--silent']];
  const child = spawn(command as string, args as string[], {
    env: { ...base, npm_config_update_notifier: 'false', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c) => (out += String(c)));
  child.stderr?.on('data', (c) => (err += String(c)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (stdin !== undefined) child.stdin?.end(stdin);
  return { child, stdout: () => out, stderr: () => err, exited };
}

const fakes: FakeDiscord[] = [];

async function startFake(): Promise<FakeDiscord> {
  const fake = await startFakeDiscord();
  fakes.push(fake);
  return fake;
}

afterAll(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await Promise.all(fakes.map((f) => f.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

// One process at a time: several heavy processes at once starve the other test files.
describe('npm start', () => {
  it('runs the bot against DISCORD_API_URL and answers /ask', async () => {
    const fake = await startFake();
    startProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' });
    await fake.waitForReady(1, 20_000);
    const reply = await fake
      .sendCommand('ask', { question: 'what did khamenei say about trade with azerbaijan' })
      .reply(10_000);
    expect(visibleText(reply)).toContain('The level of economic cooperation is very low');
    expect(fake.rejections).toEqual([]);
  }, 60_000);

  it('logs counts before logging in, keeps the token out of the logs, and exits 0 soon after SIGTERM', async () => {
    const fake = await startFake();
    // A DATA_DIR of its own: the cooldown of the /ask just before is kept in the shared one.
    const ownData = join(dataDir, 'sigterm-data');
    const run = startProcess(
      {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        LOG_LEVEL: 'info',
        DATA_DIR: ownData,
      },
      undefined,
      true,
    );
    await fake.waitForReady(1, 20_000);
    const reply = await fake
      .sendCommand('ask', { question: 'what did khamenei say about trade with azerbaijan' })
      .reply(10_000);
    expect(visibleText(reply)).toContain('The level of economic cooperation is very low');
    expect(fake.identifies[0]?.intents).toBe(1);

    const stopAt = Date.now();
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(Date.now() - stopAt).toBeLessThan(5000);
    expect(code).toBe(0);
    const logs = run.stdout();
    const loaded = logs.split('\n').find((l) => l.includes('reports loaded and indexed'));
    expect(JSON.parse(loaded ?? '{}')).toMatchObject({
      meetings: 1,
      speakers: expect.any(Number),
      statements: expect.any(Number),
      loadMs: expect.any(Number),
    });
    expect(logs.indexOf('reports loaded and indexed')).toBeLessThan(
      logs.indexOf('logged in to Discord'),
    );
    expect(logs).toContain('"msg":"stopped"');
    expect(logs + run.stderr()).not.toContain(fake.token);
  }, 60_000);

  it('without a token, answers piped questions on the console and exits 0', async () => {
    const run = startProcess(
      {},
      'what did khamenei say about trade with azerbaijan\n/who aliyev\n/nonsense\n',
      true,
    );
    const { code } = await run.exited;
    expect(code).toBe(0);
    const out = run.stdout();
    expect(out).toContain('> what did khamenei say about trade with azerbaijan');
    expect(out).toContain('“The level of economic cooperation is very low');
    expect(out).toContain(
      // Cited by the path inside the corpus folder, not the folder itself.
      '¶3 of 2017-03-05-meeting-with-azerbaijan-president-ilham-aliyev.txt',
    );
    expect(out).toContain('== Ilham Aliyev ==');
    expect(out).toContain('There is no /nonsense command.');
    expect(out).not.toContain('"level":');
  }, 60_000);

  it('lists every settings problem at once and exits 1', async () => {
    const run = startProcess(
      { ASK_COOLDOWN_SECONDS: 'soon', LOG_LEVEL: 'loud', DISCORD_CLIENT_ID: 'abc' },
      '',
      true,
    );
    const { code } = await run.exited;
    expect(code).toBe(1);
    const err = run.stderr();
    expect(err).toContain('The settings have 3 problem(s)');
    for (const key of ['ASK_COOLDOWN_SECONDS', 'LOG_LEVEL', 'DISCORD_CLIENT_ID'])
      expect(err).toContain(key);
  }, 60_000);

  it('refuses to start without a corpus folder, listing it with the other problems', async () => {
    const notAFolder = join(dataDir, 'data-is-a-file');
    writeFileSync(notAFolder, 'x');
    const run = startProcess(
      { CORPUS_DIR: join(dataDir, 'no-reports-here'), DATA_DIR: notAFolder, LOG_LEVEL: 'loud' },
      '',
      true,
    );
    const { code } = await run.exited;
    expect(code).toBe(1);
    const err = run.stderr();
    expect(err).toContain('The settings have 3 problem(s)');
    expect(err).toMatch(/CORPUS_DIR is ".*no-reports-here", but there is no such folder/);
    expect(err).toMatch(/DATA_DIR is ".*data-is-a-file", which is a file, not a folder/);
    expect(err).toContain('LOG_LEVEL');
    expect(run.stdout()).toBe('');
  }, 60_000);

  it('runs with a locked daily-quote database, says /daily is waiting, and recovers by itself', async () => {
    const lockedData = join(dataDir, 'locked-data');
    const setup = await openSqliteStore(lockedData);
    // Announcements were set before the seed report was ever seen: it is new for them, and is
    // announced once the database opens.
    await setup.alerts.setAnnounceChannel({
      guildId: FAKE_IDS.guild,
      channelId: FAKE_IDS.channel,
      now: new Date(Date.now() - 60_000),
    });
    await setup.close();
    const other = new Database(join(lockedData, DATABASE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    let locked = true;
    const release = () => {
      if (!locked) return;
      locked = false;
      other.exec('ROLLBACK');
      other.close();
    };
    try {
      const fake = await startFake();
      const run = startProcess(
        { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: lockedData },
        undefined,
        true,
      );
      await fake.waitForReady(1, 30_000);
      const status = () =>
        fake
          .sendCommand('daily', [{ name: 'status', type: 1, options: [] }], {
            memberPermissions: PERMISSIONS.manageGuild,
          })
          .reply(10_000);
      expect(visibleText(await status())).toMatch(
        /^The daily quote is waiting for its database: the database is locked by another program\. The bot tries again by itself/,
      );
      release();
      const deadline = Date.now() + 20_000;
      let text = '';
      while (Date.now() < deadline) {
        text = visibleText(await status());
        if (!text.includes('waiting')) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(text).toBe(
        'No daily quote is set up here. Use /daily set to choose a channel and a time.',
      );
      expect(run.stdout()).toContain('daily-quote database opened; /daily is back');
      await fake.waitFor(
        () => fake.channelMessages().length > 0,
        'the new-meeting card after the database opened',
        15_000,
      );
      expect(fake.channelMessages().map((m) => visibleText(m).split('\n')[0])).toEqual([
        'New meeting: Meeting with Azerbaijan President Ilham Aliyev',
      ]);
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
    } finally {
      release();
    }
  }, 90_000);

  it('starts with an empty corpus folder and says so once', async () => {
    const empty = join(dataDir, 'empty-corpus');
    mkdirSync(empty);
    const run = startProcess({ CORPUS_DIR: empty }, '/who aliyev\n', true);
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.stderr().match(/holds no reports yet/g)).toHaveLength(1);
    expect(run.stderr()).not.toMatch(/could not be read/);
  }, 60_000);
});
