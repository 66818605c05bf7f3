// Two bot processes share one database and see the same new meetings at the same instant: each
// server gets each card once, and each member each alert message once.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDailyStore } from '../../src/daily/store.js';
import { makeTempDir } from '../daily/helpers.js';
import { OLD_MEETINGS } from './helpers.js';

interface Result {
  sent: string[];
  announced: string[];
  alerted: string[];
}

function startWorker(dataDir: string, owner: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/alerts/support/race-worker.ts', dataDir, owner],
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
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      if (code !== 0) reject(new Error(`worker ${owner} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.slice('ready\n'.length)) as Result);
    });
  });
  return { ready, go: () => child.stdin.write('go\n'), done };
}

describe('claim-before-send across processes', () => {
  it('announces each new meeting once per server and sends each alert once, with two processes racing', async () => {
    const dir = makeTempDir();
    const setup = openDailyStore(dir);
    const setAt = new Date('2031-06-01T08:00:00Z');
    // The reports both processes had before: seen, so never new.
    setup.alerts.markMeetingsSeen(
      OLD_MEETINGS.map((m) => m.file),
      setAt,
    );
    const guilds = Array.from(
      { length: 12 },
      (_, i) => `2000000000000000${String(i).padStart(2, '0')}`,
    );
    for (const guildId of guilds)
      setup.alerts.setAnnounceChannel({ guildId, channelId: `3${guildId.slice(1)}`, now: setAt });
    const users = Array.from(
      { length: 12 },
      (_, i) => `4000000000000000${String(i).padStart(2, '0')}`,
    );
    for (const userId of users)
      setup.alerts.addAlert({
        userId,
        guildId: null,
        words: 'ferry timetable',
        speaker: null,
        now: setAt,
        max: 25,
      });
    setup.close();

    const workers = [startWorker(dir, 'process-a'), startWorker(dir, 'process-b')];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [a, b] = (await Promise.all(workers.map((w) => w.done))) as [Result, Result];

    // Both processes sent something (the race was real), and nothing was sent twice.
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    const cards = [...a.announced, ...b.announced].sort();
    expect(cards).toEqual(
      guilds
        .flatMap((g) => [`${g}:2031-06-10-harbour-board.txt`, `${g}:2031-06-17-harbour-board.txt`])
        .sort(),
    );
    // The ferry is in the June 10 meeting only.
    const dms = [...a.alerted, ...b.alerted].sort();
    expect(dms).toEqual(users.map((u) => `${u}:2031-06-10-harbour-board.txt`).sort());
    const sent = [...a.sent, ...b.sent];
    expect(sent.filter((s) => s.startsWith('channel:'))).toHaveLength(guilds.length * 2);
    expect(sent.filter((s) => s.startsWith('dm:')).sort()).toEqual(
      users.map((u) => `dm:${u}`).sort(),
    );

    const check = openDailyStore(dir);
    for (const g of guilds)
      expect(check.alerts.getAnnouncement(g, '2031-06-17-harbour-board.txt')?.status).toBe(
        'posted',
      );
    check.close();
  });
});
