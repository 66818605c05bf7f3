// `npm start` with WEB_PORT and PUBLIC_URL: the bot and the web view in one process; a cited
// statement's "Open in report" button opens a page the process serves; SIGTERM stops both.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findComponents, startFakeDiscord } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';

const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-main-web-'));
let child: ChildProcess | null = null;
let fake: FakeDiscord | null = null;

afterAll(async () => {
  if (child?.exitCode === null && child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('npm start with the web view', () => {
  it('says so and exits 1 when WEB_PORT is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATA_DIR: dataDir,
          CORPUS_DIR: 'test/fixtures/web',
          WEB_PORT: String(port),
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let err = '';
      run.stderr.on('data', (c) => (err += String(c)));
      run.stdin.end('');
      const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
      expect(code).toBe(1);
      expect(err).toContain(`Could not serve the web view on WEB_PORT=${port}`);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('serves the page each Open in report button points to, and stops on SIGTERM', async () => {
    fake = await startFakeDiscord();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: dataDir,
        CORPUS_DIR: 'test/fixtures/web',
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        WEB_PORT: String(port),
        PUBLIC_URL: `${publicUrl}/`,
        LOG_LEVEL: 'info',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let logs = '';
    child.stdout?.on('data', (c) => (logs += String(c)));
    const exited = new Promise<number | null>((resolve) =>
      child?.on('exit', (code) => resolve(code)),
    );
    await fake.waitForReady(1, 20_000);
    expect(logs).toContain('web view listening');

    const reply = await fake.sendCommand('ask', { question: 'concrete blocks' }).reply(10_000);
    expect(fake.rejections).toEqual([]);
    const links = findComponents(reply.components).filter((b) => b.style === 5);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const url = new URL(String(link.url));
      expect(url.origin).toBe(publicUrl);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`id="${url.hash.slice(1)}"`);
    }

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${publicUrl}/`)).rejects.toThrow();
  }, 60_000);
});
