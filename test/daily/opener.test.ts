// A daily-quote database locked at startup: /daily status says it is waiting, the bot keeps
// trying with backoff, and /daily comes back by itself once the lock is released.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyCommand } from '../../commands/daily.js';
import type { CommandInput } from '../../commands/types.js';
import { openStoreWhenReady } from '../../src/daily/opener.js';
import type { StoreOpener } from '../../src/daily/opener.js';
import { DATABASE_FILE, openSqliteStore, openSqliteStoreNow } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { makeTestContext } from '../support/app-context.js';
import { makeTempDir } from './helpers.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

const status: CommandInput = {
  subcommand: 'status',
  options: {},
  caller: { userId: 'u1', guildId: '111111111111111111', channelId: 'c1', canManageGuild: true },
};

function lockedDatabase(): { dir: string; release: () => void } {
  const dir = makeTempDir();
  void openSqliteStoreNow(dir).close();
  const other = new Database(path.join(dir, DATABASE_FILE));
  other.exec('BEGIN EXCLUSIVE');
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    other.exec('ROLLBACK');
    other.close();
  };
  cleanup.push(release);
  return { dir, release };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('openStoreWhenReady', () => {
  it('waits out a locked database, says so in /daily status, and recovers by itself', async () => {
    const { dir, release } = lockedDatabase();
    const ctx = makeTestContext();
    const delays: number[] = [];
    let opener: StoreOpener | null = null;
    opener = openStoreWhenReady({
      open: () => openSqliteStore(dir, { openBusyTimeoutMs: 20 }),
      onOpen: (store: Store) => {
        ctx.store = store;
        cleanup.push(() => store.close());
      },
      log: ctx.log,
      now: ctx.now,
      timers: {
        setTimeout: (fn, ms) => {
          delays.push(ms);
          return setTimeout(fn, 20);
        },
        clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
      },
    });
    cleanup.push(() => opener?.stop());
    ctx.storeWaiting = opener.waiting;
    await opener.firstAttempt;

    expect(ctx.store).toBeNull();
    expect(opener.waiting()?.reason).toBe('the database is locked by another program');
    const waitingReply = await dailyCommand.run(ctx, status);
    expect(waitingReply.content).toMatch(
      /^The daily quote is waiting for its database: the database is locked by another program\. The bot tries again by itself \(next try in about 5 s, 1 try so far\)/,
    );

    await until(() => delays.length >= 3, 2000);
    expect(ctx.store).toBeNull();
    expect(delays.slice(0, 3)).toEqual([5000, 10000, 20000]);
    // One error line for the problem, however many tries it takes.
    const errors = ctx.logLines().filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(/trying again by itself/);

    release();
    await until(() => ctx.store !== null, 2000);
    expect(opener.waiting()).toBeNull();
    const openReply = await dailyCommand.run(ctx, status);
    expect(openReply.content).toBe(
      'No daily quote is set up here. Use /daily set to choose a channel and a time.',
    );
    expect(
      ctx.logLines().some((l) => l.msg === 'daily-quote database opened; /daily is back'),
    ).toBe(true);
  }, 10_000);

  it('opens at once when nothing is in the way, and stops trying when stopped', async () => {
    const dir = makeTempDir();
    const ctx = makeTestContext();
    const opened: Store[] = [];
    const opener = openStoreWhenReady({
      open: () => openSqliteStore(dir),
      onOpen: (store) => opened.push(store),
      log: ctx.log,
      now: ctx.now,
    });
    await opener.firstAttempt;
    expect(opened).toHaveLength(1);
    expect(opener.waiting()).toBeNull();
    await opened[0]?.close();

    const { dir: lockedDir } = lockedDatabase();
    const scheduled: unknown[] = [];
    const cleared: unknown[] = [];
    const stopped = openStoreWhenReady({
      open: () => openSqliteStore(lockedDir, { openBusyTimeoutMs: 10 }),
      onOpen: () => expect.unreachable(),
      log: ctx.log,
      now: ctx.now,
      timers: {
        setTimeout: () => scheduled.push('retry') && 'handle',
        clearTimeout: (h) => cleared.push(h),
      },
    });
    await stopped.firstAttempt;
    expect(scheduled).toEqual(['retry']);
    stopped.stop();
    expect(cleared).toEqual(['handle']);
    expect(stopped.waiting()).toBeNull();
  });
});
