import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import type { CommandInput } from '../../commands/types.js';
import { who } from '../../commands/who.js';
import { meeting } from '../../commands/meeting.js';
import { buildLindenfeldCorpus } from '../answers/fixture-corpus.js';
import { makeTestContext } from '../support/app-context.js';

function makeContext(): AppContext {
  return makeTestContext({ corpus: buildLindenfeldCorpus() });
}

function input(options: Record<string, string>): CommandInput {
  return {
    subcommand: null,
    options,
    caller: { userId: '1', guildId: '2', channelId: '3', canManageGuild: false },
  };
}

describe('/who and /meeting commands', () => {
  it('define valid chat-input commands with an autocompleted required option', () => {
    for (const [cmd, option] of [
      [who, 'speaker'],
      [meeting, 'meeting'],
    ] as const) {
      const json = cmd.data.toJSON() as {
        name: string;
        description: string;
        options: { name: string; autocomplete: boolean; required: boolean }[];
      };
      expect(json.name).toMatch(/^[-_a-z0-9]{1,32}$/u);
      expect(json.description.length).toBeLessThanOrEqual(100);
      expect(json.options).toEqual([
        expect.objectContaining({ name: option, autocomplete: true, required: true }),
      ]);
    }
  });

  it('/who answers with the profile and keeps the statistics on the context', async () => {
    const ctx = makeContext();
    const view = await who.run(ctx, input({ speaker: 'okafor' }));
    expect(view.cards[0]?.title).toBe('Tom Okafor');
    const stats = ctx.profileStats;
    expect(stats).toBeDefined();
    await who.run(ctx, input({ speaker: 'varga' }));
    expect(ctx.profileStats).toBe(stats);
  });

  it('/meeting answers with the digest of the chosen meeting', async () => {
    const view = await meeting.run(
      makeContext(),
      input({ meeting: '2024-05-14-harbour-board.txt' }),
    );
    expect(view.cards[0]?.title).toBe('Meeting of the Harbour Board on ferry fares');
  });

  it('autocomplete offers at most 25 choices within Discord’s 100 characters, values that resolve exactly', async () => {
    const ctx = makeContext();
    const speakers =
      (await who.autocomplete?.(
        ctx,
        { name: 'speaker', value: 'var' },
        input({ speaker: 'var' }),
      )) ?? [];
    expect(speakers[0]).toEqual({
      name: 'Elena Varga — Mayor of Lindenfeld',
      value: 'Elena Varga',
    });
    const meetings =
      (await meeting.autocomplete?.(
        ctx,
        { name: 'meeting', value: 'ferry' },
        input({ meeting: 'ferry' }),
      )) ?? [];
    expect(meetings[0]).toEqual({
      name: '2024-05-14 — Meeting of the Harbour Board on ferry fares',
      value: '2024-05-14-harbour-board.txt',
    });
    for (const value of ['', 'a', '2024', 'zz']) {
      for (const list of [
        (await who.autocomplete?.(ctx, { name: 'speaker', value }, input({}))) ?? [],
        (await meeting.autocomplete?.(ctx, { name: 'meeting', value }, input({}))) ?? [],
      ]) {
        expect(list.length).toBeLessThanOrEqual(25);
        for (const c of list) {
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }
    }
    const chosen = meetings[0]?.value ?? '';
    expect((await meeting.run(ctx, input({ meeting: chosen }))).cards[0]?.title).toBe(
      'Meeting of the Harbour Board on ferry fares',
    );
  });

  it('never throws on odd input', async () => {
    const ctx = makeContext();
    for (const q of ['', ' ', '\u0000', '*'.repeat(5000), '(((', '👀']) {
      await expect(who.run(ctx, input({ speaker: q }))).resolves.toBeDefined();
      await expect(meeting.run(ctx, input({ meeting: q }))).resolves.toBeDefined();
    }
    await expect(who.run(ctx, input({}))).resolves.toMatchObject({ ephemeral: true });
  });
});
