import { afterEach, describe, expect, it } from 'vitest';
import { dailyCommand } from '../../commands/daily.js';
import { quoteCommand } from '../../commands/quote.js';
import type { CommandInput } from '../../commands/types.js';
import type { AppContext } from '../../src/context.js';
import { makeTestContext } from '../support/app-context.js';
import { openSqliteStoreNow } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { BOUNDS, buildTestCorpus, makeTempDir, quotedText } from './helpers.js';

const corpus = buildTestCorpus(
  [
    {
      file: '2019-04-02-harbour.txt',
      title: 'Harbour committee',
      date: '2019-04-02',
      source: 'https://example.org/harbour',
      statements: [
        {
          speaker: 'Mayor Elena Varga',
          text: 'The harbour wall will be rebuilt in stone, and the fishermen will be paid for the lost season.',
        },
        {
          speaker: 'Councillor Tom Okafor',
          text: 'Nobody on this council voted to sell the ferry, and nobody will while I sit here.',
        },
        {
          speaker: 'Mayor Elena Varga',
          text: 'We will open the market hall on Sundays from the first of May for every trader in the city.',
        },
      ],
    },
  ],
  { 'Mayor Elena Varga': 'Mayor of Port Varn' },
);

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function makeContext(iso: string): AppContext & { store: Store; clock: { t: Date } } {
  const store = openSqliteStoreNow(makeTempDir());
  stores.push(store);
  const clock = { t: new Date(iso) };
  const base = makeTestContext({
    corpus,
    config: { quoteMinChars: BOUNDS.minChars, quoteMaxChars: BOUNDS.maxChars },
    now: () => clock.t,
  });
  return { ...base, store, clock };
}

function input(
  options: CommandInput['options'],
  extra: Partial<CommandInput> & { manage?: boolean; guildId?: string | null } = {},
): CommandInput {
  return {
    subcommand: extra.subcommand ?? null,
    options,
    caller: {
      userId: 'u1',
      guildId: extra.guildId === undefined ? 'guild-1' : extra.guildId,
      channelId: 'chan-0',
      canManageGuild: extra.manage ?? true,
    },
  };
}

describe('/quote', () => {
  it('gives everyone in a server the same quote all day, and the preview agrees', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    const first = await quoteCommand.run(ctx, input({}));
    ctx.clock.t = new Date('2027-04-02T21:00:00Z');
    const later = await quoteCommand.run(ctx, {
      ...input({}),
      caller: { userId: 'u2', guildId: 'guild-1', channelId: 'c9', canManageGuild: false },
    });
    expect(quotedText(later)).toBe(quotedText(first));
    const preview = await dailyCommand.run(ctx, input({}, { subcommand: 'preview' }));
    expect(quotedText(preview)).toBe(quotedText(first));
    expect(preview.ephemeral).toBe(true);
    expect(first.ephemeral).toBe(false);
  });

  it('shows speaker, role, meeting, date, citation and source link, with a Context button', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    const view = await quoteCommand.run(ctx, input({ speaker: 'varga' }));
    const card = view.cards[0];
    const vargaTexts = corpus.statements
      .filter((s) => s.speaker === 'Mayor Elena Varga')
      .map((s) => s.text);
    expect(vargaTexts).toContain(quotedText(view));
    expect(card?.description).toContain('— **Mayor Elena Varga**, Mayor of Port Varn');
    expect(card?.fields).toEqual([
      { name: 'Meeting', value: 'Harbour committee (2 April 2019)', inline: false },
      {
        name: 'Source',
        value: expect.stringMatching(
          /^¶\d of 2019-04-02-harbour\.txt · \[source\]\(https:\/\/example\.org\/harbour\)$/,
        ),
        inline: false,
      },
    ]);
    expect(card?.url).toBe('https://example.org/harbour');
    const button = view.buttons[0];
    expect(button?.label).toBe('Context');
    expect(button?.id.length).toBeLessThanOrEqual(100);

    const outcome = await quoteCommand.button?.(ctx, button?.id ?? '', input({}));
    expect(outcome?.mode).toBe('reply');
    expect(outcome?.view.ephemeral).toBe(true);
    // The context is the report itself, with the quote in bold inside its paragraph.
    expect(outcome?.view.cards[0]?.description).toContain(`**${quotedText(view)}**`);
    expect(outcome?.view.cards[0]?.description).toContain('Mayor Elena Varga said, “');
  });

  it('prefers "on this day" (2 April) and says so', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    const view = await quoteCommand.run(ctx, input({}));
    expect(view.cards[0]?.title).toBe('Quote of the day · on this day in 2019');
  });

  it('explains an unknown speaker instead of quoting someone else', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    const view = await quoteCommand.run(ctx, input({ speaker: 'Napoleon' }));
    expect(view.ephemeral).toBe(true);
    expect(view.content).toMatch(/No speaker named “Napoleon”/);
    expect(view.cards).toEqual([]);
  });

  it('random gives a quote within the length bounds, by the asked speaker', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    for (let i = 0; i < 10; i++) {
      const view = await quoteCommand.run(ctx, input({ random: true, speaker: 'Tom Okafor' }));
      expect(view.cards[0]?.description).toContain('— **Councillor Tom Okafor**');
      expect(view.cards[0]?.title).toBe('A random quote');
    }
  });

  it('works in DMs', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    const view = await quoteCommand.run(ctx, input({}, { guildId: null }));
    expect(quotedText(view)).not.toBe('');
  });

  it('autocompletes speakers who have something to quote', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    expect(
      await quoteCommand.autocomplete?.(ctx, { name: 'speaker', value: 'ok' }, input({})),
    ).toEqual([{ name: 'Councillor Tom Okafor', value: 'Councillor Tom Okafor' }]);
    expect(
      (await quoteCommand.autocomplete?.(ctx, { name: 'speaker', value: '' }, input({})))?.length,
    ).toBe(2);
  });

  it('has a valid definition: a public command usable in DMs', () => {
    const json = quoteCommand.data.toJSON() as {
      name: string;
      options: { name: string; autocomplete?: boolean }[];
    };
    expect(json.name).toBe('quote');
    expect(json.options.map((o) => o.name)).toEqual(['speaker', 'random']);
    expect(json.options[0]?.autocomplete).toBe(true);
  });
});

describe('/daily', () => {
  it('is for Manage Server, in servers only, by default and when run', async () => {
    const json = dailyCommand.data.toJSON() as {
      default_member_permissions: string;
      contexts: number[];
      options: { name: string }[];
    };
    expect(json.default_member_permissions).toBe('32'); // ManageGuild
    expect(json.contexts).toEqual([0]); // Guild
    expect(json.options.map((o) => o.name)).toEqual(['set', 'off', 'status', 'preview']);

    const ctx = makeContext('2027-04-02T08:00:00Z');
    const member = await dailyCommand.run(
      ctx,
      input(
        { channel: '123', time: '09:00', timezone: 'UTC' },
        { subcommand: 'set', manage: false },
      ),
    );
    expect(member.content).toMatch(/Manage Server/);
    expect(await ctx.store.getSubscription('guild-1')).toBeNull();
    const dm = await dailyCommand.run(ctx, input({}, { subcommand: 'status', guildId: null }));
    expect(dm.content).toMatch(/in a server/);
  });

  it('set validates time and zone, and reports every problem at once', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    const bad = await dailyCommand.run(
      ctx,
      input({ channel: '123', time: '25:61', timezone: 'Mars/Olympus' }, { subcommand: 'set' }),
    );
    expect(bad.ephemeral).toBe(true);
    expect(bad.content).toMatch(/“25:61” is not a time of day/);
    expect(bad.content).toMatch(/“Mars\/Olympus” is not a time zone/);
    expect(await ctx.store.getSubscription('guild-1')).toBeNull();
  });

  it('set, status, off: next post in the server zone, last post and last error', async () => {
    const ctx = makeContext('2027-03-13T15:00:00Z'); // 11:00 in New York, Saturday
    const set = await dailyCommand.run(
      ctx,
      input({ channel: '555', time: '9:30', timezone: 'america/new_york' }, { subcommand: 'set' }),
    );
    expect(set.content).toContain('<#555> every day at 09:30 (America/New_York)');
    // 09:30 has passed today; tomorrow is the spring change, and 09:30 is then EDT.
    expect(set.content).toContain('Next post: Sun 14 Mar 2027, 09:30 EDT');

    await ctx.store.claimPost({
      guildId: 'guild-1',
      localDate: '2027-03-14',
      channelId: '555',
      statementId: corpus.statements[1]?.id ?? '',
      owner: 't',
      now: new Date('2027-03-14T13:30:00Z'),
    });
    await ctx.store.failPost(
      'guild-1',
      '2027-03-14',
      {
        status: 403,
        code: 50013,
        message:
          'I lack a permission in the channel (Discord 403, code 50013 Missing Permissions).',
      },
      { now: new Date('2027-03-14T13:30:01Z'), counts: true, pauseAfter: 3 },
    );
    ctx.clock.t = new Date('2027-03-14T14:00:00Z');
    const status = await dailyCommand.run(ctx, input({}, { subcommand: 'status' }));
    const fields = Object.fromEntries(status.cards[0]?.fields.map((f) => [f.name, f.value]) ?? []);
    expect(fields['State']).toBe('On');
    expect(fields['Next post']).toBe('Mon 15 Mar 2027, 09:30 EDT');
    expect(fields['Last post']).toMatch(/^2027-03-14 in <#555>, failed/);
    expect(fields['Last post']).toContain('— Councillor Tom Okafor');
    expect(fields['Last error']).toMatch(/code 50013 Missing Permissions/);
    expect(fields['Last error']).toMatch(/Failed posts in a row: 1/);

    const off = await dailyCommand.run(ctx, input({}, { subcommand: 'off' }));
    expect(off.content).toMatch(/Daily quote off/);
    const after = await dailyCommand.run(ctx, input({}, { subcommand: 'status' }));
    expect(after.cards[0]?.fields.find((f) => f.name === 'State')?.value).toMatch(/^Off/);
  });

  it('autocompletes IANA time zones', async () => {
    const ctx = makeContext('2027-04-02T08:00:00Z');
    const choices =
      (await dailyCommand.autocomplete?.(ctx, { name: 'timezone', value: 'new y' }, input({}))) ??
      [];
    expect(choices[0]).toEqual({ name: 'America/New_York', value: 'America/New_York' });
    const all =
      (await dailyCommand.autocomplete?.(ctx, { name: 'timezone', value: 'a' }, input({}))) ?? [];
    expect(all.length).toBe(25);
  });
});
