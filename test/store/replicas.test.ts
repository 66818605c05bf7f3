// Two replicas (two contexts, each with its own connection pool) on one PostgreSQL database: a
// button made by one works on the other until it expires, and a member's cooldown is shared.
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../commands/ask.js';
import { EXPIRED_TEXT } from '../../commands/types.js';
import type { CommandInput } from '../../commands/types.js';
import { buildIndex } from '../../src/search/engine.js';
import { BUTTON_STATE_TTL_MS } from '../../src/store/button-state.js';
import { createCooldowns } from '../../src/store/cooldowns.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { makeFixtureCorpus } from '../fixtures/search-corpus.js';
import { makeTestContext } from '../support/app-context.js';
import type { TestContext } from '../support/app-context.js';
import { createTestDatabase } from '../support/postgres.js';

const index = buildIndex(makeFixtureCorpus());
const input = (options: CommandInput['options'], userId = 'u1'): CommandInput => ({
  subcommand: null,
  options,
  caller: { userId, guildId: 'g1', channelId: 'c1', canManageGuild: false },
});

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function twoReplicas(): Promise<{ a: TestContext; b: TestContext; clock: { t: Date } }> {
  const url = await createTestDatabase();
  const clock = { t: new Date('2027-05-04T10:00:00Z') };
  const replica = async () => {
    const store = await openPostgresStore(url, { poolSize: 2 });
    stores.push(store);
    const ctx = makeTestContext({ index, now: () => clock.t });
    ctx.store = store;
    return ctx;
  };
  return { a: await replica(), b: await replica(), clock };
}

describe('replicas sharing PostgreSQL', () => {
  it('answers on one replica the buttons of a reply the other made, until they expire', async () => {
    const { a, b, clock } = await twoReplicas();
    const view = await ask.run(a, input({ question: 'railway station roof', hide: true }));
    const labels = view.buttons.map((button) => button.label);
    expect(labels).toEqual(expect.arrayContaining(['Context', 'Post to channel']));
    expect(a.sessions.size).toBe(0); // kept in the store, not in replica A's memory

    const context = await ask.button!(
      b,
      view.buttons.find((x) => x.label === 'Context')!.id,
      input({}),
    );
    expect(context.mode).toBe('reply');
    expect(context.view.content).not.toBe(EXPIRED_TEXT);
    const posted = await ask.button!(
      b,
      view.buttons.find((x) => x.label === 'Post to channel')!.id,
      input({}),
    );
    expect(posted.mode).toBe('channel');
    expect(posted.view.cards[0]?.fields[0]?.value).toBe(view.cards[0]?.fields[0]?.value);

    clock.t = new Date(clock.t.getTime() + BUTTON_STATE_TTL_MS);
    for (const button of view.buttons) {
      const late = await ask.button!(b, button.id, input({}));
      expect(late.view.content).toBe(EXPIRED_TEXT);
    }
  });

  it('without a store, a replica knows only its own buttons', async () => {
    const { a, b } = await twoReplicas();
    a.store = null;
    const view = await ask.run(a, input({ question: 'railway station roof' }));
    const context = view.buttons.find((x) => x.label === 'Context')!.id;
    expect((await ask.button!(a, context, input({}))).view.content).not.toBe(EXPIRED_TEXT);
    expect((await ask.button!(b, context, input({}))).view.content).toBe(EXPIRED_TEXT);
  });

  it('makes a member wait on every replica, and keeps working when the store fails', async () => {
    const { a, b, clock } = await twoReplicas();
    const [onA, onB] = [createCooldowns(a), createCooldowns(b)];
    expect(await onA.take('u1', 5)).toBe(0);
    clock.t = new Date(clock.t.getTime() + 1500);
    expect(await onB.take('u1', 5)).toBe(4); // 3.5 s left, said as 4
    expect(await onB.take('u2', 5)).toBe(0);
    clock.t = new Date(clock.t.getTime() + 3500);
    expect(await onB.take('u1', 5)).toBe(0);

    await b.store?.close();
    expect(await onB.take('u3', 5)).toBe(0);
    expect(await onB.take('u3', 5)).toBe(5);
    expect(b.logLines().some((l) => /cooldown store failed/.test(String(l.msg)))).toBe(true);
  });
});
