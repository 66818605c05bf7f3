// Gateway mode with HEALTH_PORT: the same /healthz, /readyz and /metrics beside the gateway bot.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/bench/replicas.js';
import { startFakeDiscord, visibleText } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';

const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-gateway-health-'));
let fake: FakeDiscord | null = null;
let pid: number | undefined;

afterAll(async () => {
  if (pid) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('HEALTH_PORT in gateway mode', () => {
  it('serves health, readiness and metrics that count the answers, and the web view on the same port', async () => {
    fake = await startFakeDiscord();
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_DIR: 'test/fixtures/http',
        DATA_DIR: dataDir,
        HEALTH_PORT: String(port),
        // The web view on the same port joins the one HTTP server.
        WEB_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    pid = child.pid;
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await fake.waitForReady(1, 30_000);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, corpus: true, store: true, stopping: false });

    const reply = await fake.sendCommand('ask', { question: 'who paid for the new lens' }).reply();
    expect(visibleText(reply)).toContain('Ticket sales from the summer tours');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(
      'verbatim_interactions_total{command="ask",kind="command",outcome="answered"} 1',
    );
    expect(metrics).toContain('verbatim_first_response_seconds_count{kind="command"} 1');
    expect(metrics).toContain('verbatim_corpus_meetings 2');
    expect(metrics).toMatch(/^process_cpu_user_seconds_total /m);
    // The web view answers on that same port, beside health and metrics.
    const page = await fetch(`${base}/m/2024-03-11-lighthouse-trust.txt`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ticket sales from the summer tours');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
