// Two bot processes share one database and wake at the same moment: each server gets one post.
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { SHARED_STORES, startRaceWorker } from '../support/race.js';
import type { RaceWorker } from '../support/race.js';

function startWorker(where: string, owner: string): RaceWorker<string[]> {
  return startRaceWorker<string[]>('test/daily/support/race-worker.ts', where, owner);
}

describe.each(SHARED_STORES)('claim-before-post across processes, $name', (place) => {
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
