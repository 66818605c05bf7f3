// Two bot processes share one database and wake at the same moment: each server gets one post.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { StoreSettings } from '../../src/store/open.js';
import { createTestDatabase } from '../support/postgres.js';
import { makeTempDir } from './helpers.js';

interface Worker {
  ready: Promise<void>;
  go(): void;
  done: Promise<string[]>;
}

function startWorker(where: string, owner: string): Worker {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/daily/support/race-worker.ts', where, owner],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d) => {
    out += String(d);
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (d) => (err += String(d)));
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      if (code !== 0) reject(new Error(`worker ${owner} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.slice('ready\n'.length)) as string[]);
    });
  });
  return { ready, go: () => child.stdin.write('go\n'), done };
}

const places: { name: string; make(): Promise<{ where: string; settings: StoreSettings }> }[] = [
  {
    name: 'SQLite in one DATA_DIR',
    make: async () => {
      const dir = makeTempDir();
      return { where: dir, settings: { dataDir: dir, databaseUrl: null } };
    },
  },
  {
    name: 'one PostgreSQL database',
    make: async () => {
      const url = await createTestDatabase();
      return { where: url, settings: { dataDir: '', databaseUrl: url } };
    },
  },
];

describe.each(places)('claim-before-post across processes, $name', (place) => {
  it('posts once per server when two processes run the same pass at the same instant', async () => {
    const { where, settings } = await place.make();
    const setup = await openStore(settings);
    const guilds = Array.from({ length: 40 }, (_, i) => `guild-${String(i).padStart(2, '0')}`);
    for (const guildId of guilds) {
      await setup.setSubscription({
        guildId,
        channelId: `chan-${guildId}`,
        time: '09:00',
        timezone: 'UTC',
        now: new Date('2027-05-31T00:00:00Z'),
      });
    }
    await setup.close();
    const workers = [startWorker(where, 'process-a'), startWorker(where, 'process-b')];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [a = [], b = []] = await Promise.all(workers.map((w) => w.done));
    // Both processes got to post (the race was real), and no server was posted twice.
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const all = [...a, ...b].sort();
    expect(all).toEqual(guilds.map((g) => `chan-${g}`));
    const check = await openStore(settings);
    const posts = await Promise.all(guilds.map((g) => check.getPost(g, '2027-06-01')));
    expect(posts.every((p) => p?.status === 'posted')).toBe(true);
    await check.close();
  });
});
