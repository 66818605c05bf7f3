// The console serves /announce and /alert as previews: what a channel or a member would be sent,
// from the loaded reports, with nothing saved in the database the real bot posts from.
import { afterEach, describe, expect, it } from 'vitest';
import { alertCommand } from '../../commands/alert.js';
import { announceCommand } from '../../commands/announce.js';
import { createConsoleSession } from '../../src/console/session.js';
import { openSqliteStoreNow } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { buildIndex } from '../../src/search/engine.js';
import { makeTestContext } from '../support/app-context.js';
import { makeTempDir } from '../daily/helpers.js';
import { FERRY_NEWS, OLD_MEETINGS, corpusOf, newMeeting } from './helpers.js';

const corpus = corpusOf([...OLD_MEETINGS, newMeeting(10, FERRY_NEWS)]);
let store: Store;

afterEach(() => store.close());

function startConsole() {
  store = openSqliteStoreNow(makeTempDir());
  const ctx = makeTestContext({ corpus, index: buildIndex(corpus) });
  ctx.store = store;
  return createConsoleSession(ctx, [announceCommand, alertCommand]);
}

describe('/announce and /alert in the console', () => {
  it('/announce set shows the card a channel would get, for the latest meeting, and saves nothing', async () => {
    const session = startConsole();
    const { text } = await session.handleLine('/announce set channel:300000000000000001');
    expect(text).toMatch(/^\(only you would see this reply\)\nPreview \(nothing is saved here\)/);
    expect(text).toContain('New meeting: Harbour board, June 10');
    expect(text).toContain(
      'Chair Wilma Ostrander, Harbourmaster Ida Sorensen, Engineer Paulo Brandt',
    );
    expect(text).toContain(`“${FERRY_NEWS}”`);
    expect(text).toContain('2031-06-10-harbour-board.txt');
    expect(await store.alerts.getAnnounceChannel('console')).toBeNull();
    expect(await store.alerts.listEnabledAnnounceChannels()).toEqual([]);
    expect((await session.handleLine('/announce preview')).text).toContain(
      'New meeting: Harbour board, June 10',
    );
  });

  it('/alert add shows the direct message the words would bring, from the newest meeting that has them', async () => {
    const session = startConsole();
    const { text } = await session.handleLine('/alert add words:"ferry timetable"');
    expect(text).toMatch(/^\(only you would see this reply\)\nPreview \(nothing is saved here\)/);
    expect(text).toContain('Your alert “ferry timetable”');
    // The newest of the two meetings that speak of the ferry timetable.
    expect(text).toContain(`“${FERRY_NEWS}”`);
    expect(text).toContain('¶2 of 2031-06-10-harbour-board.txt');
    expect(await store.alerts.listAlerts('console')).toEqual([]);

    const bySpeaker = await session.handleLine('/alert add words:"ferry timetable" speaker:Brandt');
    expect(bySpeaker.text).toMatch(
      /no meeting in the reports has “ferry timetable” by Engineer Paulo Brandt yet/,
    );
    const nothing = await session.handleLine('/alert add zeppelin hangar');
    expect(nothing.text).toMatch(/no meeting in the reports has “zeppelin hangar” yet/);
    expect((await session.handleLine('/alert list')).text).toMatch(/The console keeps no alerts/);
  });
});
