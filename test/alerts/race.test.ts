// Two bot processes share one database and see the same new meetings at the same instant: each
// server gets each card once, and each member each alert message once.
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { SHARED_STORES, startRaceWorker } from '../support/race.js';
import type { RaceWorker } from '../support/race.js';
import { OLD_MEETINGS } from './helpers.js';

interface Result {
  sent: string[];
  announced: string[];
  alerted: string[];
}

function startWorker(where: string, owner: string): RaceWorker<Result> {
  return startRaceWorker<Result>('test/alerts/support/race-worker.ts', where, owner);
}

describe.each(SHARED_STORES)('claim-before-send across processes, $name', (place) => {
  it('announces each new meeting once per server and sends each alert once, with two processes racing', async () => {
    const { where, settings } = await place.make();
    const setup = await openStore(settings);
    const setAt = new Date('2031-06-01T08:00:00Z');
    // The reports both processes had before: seen, so never new.
    await setup.alerts.markMeetingsSeen(
      OLD_MEETINGS.map((m) => m.file),
      setAt,
    );
    const guilds = Array.from(
      { length: 12 },
      (_, i) => `2000000000000000${String(i).padStart(2, '0')}`,
    );
    for (const guildId of guilds)
      await setup.alerts.setAnnounceChannel({
        guildId,
        channelId: `3${guildId.slice(1)}`,
        now: setAt,
      });
    const users = Array.from(
      { length: 12 },
      (_, i) => `4000000000000000${String(i).padStart(2, '0')}`,
    );
    for (const userId of users)
      await setup.alerts.addAlert({
        userId,
        guildId: null,
        words: 'ferry timetable',
        speaker: null,
        now: setAt,
        max: 25,
      });
    await setup.close();

    const workers = [startWorker(where, 'process-a'), startWorker(where, 'process-b')];
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

    const check = await openStore(settings);
    for (const g of guilds)
      expect((await check.alerts.getAnnouncement(g, '2031-06-17-harbour-board.txt'))?.status).toBe(
        'posted',
      );
    await check.close();
  });
});
