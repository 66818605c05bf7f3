// A PostgreSQL server that is not up yet when the bot starts: /daily says it is waiting, the
// opener keeps trying with backoff, and the store opens by itself once the server answers.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyCommand } from '../../commands/daily.js';
import { openStoreWhenReady } from '../../src/daily/opener.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { makeTestContext } from '../support/app-context.js';
import { createTestDatabase } from '../support/postgres.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A port where nothing listens yet; `open()` then forwards it to the real server. */
async function laterProxy(target: URL): Promise<{ port: number; open(): Promise<void> }> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return {
    port,
    async open() {
      const proxy = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
      cleanup.push(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    },
  };
}

describe('opening PostgreSQL when the server comes up late', () => {
  it('waits, says so in /daily status, and opens by itself', async () => {
    const real = new URL(await createTestDatabase());
    const proxy = await laterProxy(real);
    const url = new URL(real);
    url.port = String(proxy.port);
    const ctx = makeTestContext();
    const delays: number[] = [];
    const opener = openStoreWhenReady({
      open: () => openPostgresStore(url.toString(), { connectTimeoutMs: 1000 }),
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
    cleanup.push(() => opener.stop());
    ctx.storeWaiting = opener.waiting;
    await opener.firstAttempt;

    expect(ctx.store).toBeNull();
    const status = await dailyCommand.run(ctx, {
      subcommand: 'status',
      options: {},
      caller: { userId: 'u', guildId: '111111111111111111', channelId: 'c', canManageGuild: true },
    });
    expect(status.content).toMatch(
      /^The daily quote is waiting for its database: the database server cannot be reached\./,
    );
    const errors = ctx.logLines().filter((l) => l.level === 50);
    expect(JSON.stringify(errors[0])).toMatch(/Cannot reach PostgreSQL at postgres:\/\/verbatim@/);

    await proxy.open();
    const deadline = Date.now() + 10_000;
    while (ctx.store === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(ctx.store).not.toBeNull();
    expect(delays[0]).toBe(5000);
    expect(opener.waiting()).toBeNull();
    await expect(ctx.store!.ping()).resolves.toBeUndefined();
  }, 20_000);
});
