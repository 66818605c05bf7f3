// The new-meetings trigger as the live corpus uses it: a listener called after each swap, passes
// one after another, many new records at once, and trouble that never reaches the watcher.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNewMeetingsListener,
  MAX_CARDS_PER_PASS,
  startNewMeetingsWatch,
} from '../../src/alerts/notify.js';
import type { DirectMessenger } from '../../src/alerts/notify.js';
import { buildAlertMessage } from '../../src/alerts/views.js';
import { statementUrl } from '../../src/web/paths.js';
import { diffCorpora } from '../../src/corpus/change.js';
import type { CorpusChange } from '../../src/corpus/change.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { buildIndex } from '../../src/search/engine.js';
import { makeTestContext } from '../support/app-context.js';
import { FakePoster, makeTempDir } from '../daily/helpers.js';
import { FERRY_NEWS, LIGHTHOUSE_NEWS, OLD_MEETINGS, corpusOf, newMeeting } from './helpers.js';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setUp() {
  const clock = { t: new Date('2031-05-10T08:00:00Z') };
  const before = corpusOf(OLD_MEETINGS);
  const ctx = makeTestContext({ corpus: before, index: buildIndex(before), now: () => clock.t });
  const store = await openSqliteStore(makeTempDir());
  stores.push(store);
  ctx.store = store;
  await store.alerts.markMeetingsSeen(
    OLD_MEETINGS.map((m) => m.file),
    clock.t,
  );
  await store.alerts.setAnnounceChannel({ guildId: 'g1', channelId: 'c1', now: clock.t });
  const poster = new FakePoster(() => clock.t);
  const dms: string[] = [];
  const messenger: DirectMessenger = { send: async (userId) => void dms.push(userId) };
  const listener = createNewMeetingsListener({ ctx, poster, messenger, sleep: async () => {} });
  /** What the live corpus does: swap the context, then call the listener (without waiting). */
  const swap = (specs: ReturnType<typeof newMeeting>[]): void => {
    const after = corpusOf([...OLD_MEETINGS, ...specs]);
    const change = diffCorpora(ctx.corpus, after);
    ctx.corpus = after;
    ctx.index = buildIndex(after);
    listener(change);
  };
  return { clock, ctx, store, poster, dms, listener, swap };
}

describe('createNewMeetingsListener', () => {
  it('collapses quick swaps into one pass over the latest corpus, each card once', async () => {
    const { clock, ctx, poster, listener, swap } = await setUp();
    clock.t = new Date('2031-06-10T18:00:00Z');
    const ferry = newMeeting(10, FERRY_NEWS);
    const lighthouse = newMeeting(17, LIGHTHOUSE_NEWS);
    swap([ferry]);
    swap([ferry, lighthouse]);
    swap([ferry, lighthouse]);
    await listener.idle();
    expect(poster.sent.map((p) => p.view.cards[0]?.title)).toEqual([
      'New meeting: Harbour board, June 10',
      'New meeting: Harbour board, June 17',
    ]);
    expect(ctx.logLines().filter((l) => l.msg === 'new meetings handled')).toHaveLength(1);
    // A swap after the pass gets a pass of its own.
    swap([ferry, lighthouse, newMeeting(24, 'The slipway reopens for small boats in July.')]);
    await listener.idle();
    expect(poster.sent).toHaveLength(3);
  });

  it('many records at once: cards for the latest few, the others listed in one message', async () => {
    const { clock, poster, listener, swap } = await setUp();
    clock.t = new Date('2031-06-30T18:00:00Z');
    const days = [1, 2, 3, 4, 5, 6, 7, 8];
    swap(days.map((n) => newMeeting(n, `Item ${n} on the agenda was the slipway.`)));
    await listener.idle();
    const listed = days.length - MAX_CARDS_PER_PASS;
    expect(poster.sent).toHaveLength(MAX_CARDS_PER_PASS + 1);
    const [list, ...cards] = poster.sent;
    expect(list?.view.content).toBe(
      [
        `${listed} more new meetings (use /meeting to see one):`,
        '• 2031-06-01 — Harbour board, June 1',
        '• 2031-06-02 — Harbour board, June 2',
        '• 2031-06-03 — Harbour board, June 3',
      ].join('\n'),
    );
    expect(cards.map((c) => c.view.cards[0]?.title)).toEqual(
      [4, 5, 6, 7, 8].map((n) => `New meeting: Harbour board, June ${n}`),
    );
    swap(days.map((n) => newMeeting(n, `Item ${n} on the agenda was the slipway.`)));
    await listener.idle();
    expect(poster.sent).toHaveLength(MAX_CARDS_PER_PASS + 1);
  });

  it('a pass that fails is logged, and the next one still runs', async () => {
    const { clock, ctx, store, poster, listener, swap } = await setUp();
    clock.t = new Date('2031-06-10T18:00:00Z');
    const realMark = store.alerts.markMeetingsSeen;
    store.alerts.markMeetingsSeen = () => Promise.reject(new Error('database is locked'));
    expect(() => swap([newMeeting(10, FERRY_NEWS)])).not.toThrow();
    await listener.idle();
    expect(ctx.logLines().some((l) => l.msg === 'new meetings: pass failed')).toBe(true);
    store.alerts.markMeetingsSeen = realMark;
    listener.catchUp();
    await listener.idle();
    expect(poster.sent.map((p) => p.view.cards[0]?.title)).toEqual([
      'New meeting: Harbour board, June 10',
    ]);
  });
});

describe('startNewMeetingsWatch (what main runs in both bot modes)', () => {
  it('catches up once the store opens, follows the live corpus, and stops following on stop', async () => {
    const clock = { t: new Date('2031-05-10T08:00:00Z') };
    const before = corpusOf(OLD_MEETINGS);
    const ctx = makeTestContext({ corpus: before, index: buildIndex(before), now: () => clock.t });
    // A live corpus as AppContext exposes it: listeners called after each swap.
    const listeners = new Set<(change: CorpusChange) => void>();
    ctx.onCorpusChange = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const swap = (specs: ReturnType<typeof newMeeting>[]): void => {
      const after = corpusOf([...OLD_MEETINGS, ...specs]);
      const change = diffCorpora(ctx.corpus, after);
      ctx.corpus = after;
      ctx.index = buildIndex(after);
      for (const listener of listeners) listener(change);
    };
    // The database opens only later (it was locked at startup).
    const store = await openSqliteStore(makeTempDir());
    stores.push(store);
    await store.alerts.markMeetingsSeen(
      OLD_MEETINGS.map((m) => m.file),
      clock.t,
    );
    await store.alerts.setAnnounceChannel({ guildId: 'g1', channelId: 'c1', now: clock.t });
    const poster = new FakePoster(() => clock.t);
    const opened: (() => void)[] = [];
    const watch = startNewMeetingsWatch(
      { ctx, poster, messenger: { send: async () => {} }, sleep: async () => {} },
      (callback) => opened.push(callback),
    );
    expect(listeners.size).toBe(1);
    // Added while the bot was down: announced by the catch-up, once the store is open.
    clock.t = new Date('2031-06-10T18:00:00Z');
    ctx.corpus = corpusOf([...OLD_MEETINGS, newMeeting(10, FERRY_NEWS)]);
    ctx.index = buildIndex(ctx.corpus);
    await watch.listener.idle();
    expect(poster.sent).toEqual([]);
    ctx.store = store;
    for (const callback of opened) callback();
    await watch.listener.idle();
    expect(poster.sent.map((p) => p.view.cards[0]?.title)).toEqual([
      'New meeting: Harbour board, June 10',
    ]);
    // Then each swap of the live corpus.
    clock.t = new Date('2031-06-17T18:00:00Z');
    swap([newMeeting(10, FERRY_NEWS), newMeeting(17, LIGHTHOUSE_NEWS)]);
    await watch.listener.idle();
    expect(poster.sent).toHaveLength(2);
    await watch.stop();
    expect(listeners.size).toBe(0);
  });
});

describe('links to the web view', () => {
  it('with PUBLIC_URL, a new-meeting card links each key quote to its place in the report', async () => {
    const { clock, ctx, poster, listener, swap } = await setUp();
    ctx.config = { ...ctx.config, publicUrl: 'https://reports.example.org' };
    clock.t = new Date('2031-06-10T18:00:00Z');
    swap([newMeeting(10, FERRY_NEWS)]);
    await listener.idle();
    const links = (poster.sent[0]?.view.buttons ?? []).filter((b) => b.url);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.label).toMatch(/^Open in report/);
      expect(link.url).toMatch(/^https:\/\/reports\.example\.org\/m\/.+#s-\d+$/);
    }
  });

  it('without PUBLIC_URL, the card has no links', async () => {
    const { clock, poster, listener, swap } = await setUp();
    clock.t = new Date('2031-06-10T18:00:00Z');
    swap([newMeeting(10, FERRY_NEWS)]);
    await listener.idle();
    expect(poster.sent[0]?.view.buttons.filter((b) => b.url)).toEqual([]);
  });

  it('an alert’s direct message links the statement it quotes', () => {
    const corpus = corpusOf(OLD_MEETINGS);
    const meeting = corpus.meetings[1];
    const statement = meeting?.statements[0];
    if (!meeting || !statement) throw new Error('fixture');
    const view = buildAlertMessage(
      { words: 'mooring fees', speaker: null },
      statement,
      meeting,
      0,
      'https://reports.example.org',
    );
    expect(view.buttons).toEqual([
      {
        id: 'open:0',
        label: 'Open in report',
        style: 'secondary',
        url: statementUrl('https://reports.example.org', statement.id, meeting.id),
      },
    ]);
  });
});
