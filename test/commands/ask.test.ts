// /ask and "Find in reports" without Discord: answers, buttons, nothing-found, verdicts.
import { describe, expect, it } from 'vitest';
import { ask } from '../../commands/ask.js';
import { findInReportsCommand } from '../../commands/find-in-reports.js';
import type { CommandInput } from '../../commands/types.js';
import { buildIndex } from '../../src/search/engine.js';
import { makeFixtureCorpus } from '../fixtures/search-corpus.js';
import { makeTestContext } from '../support/app-context.js';

const index = buildIndex(makeFixtureCorpus());
const caller = { userId: 'u1', guildId: 'g1', channelId: 'c1', canManageGuild: false };
const input = (options: CommandInput['options']): CommandInput => ({
  subcommand: null,
  options,
  caller,
});
const context = () => makeTestContext({ index });

describe('/ask', () => {
  it('quotes the statement verbatim with speaker, meeting, date and citation', async () => {
    const view = await ask.run(
      context(),
      input({ question: 'what did okafor say about the footbridge' }),
    );
    expect(view.ephemeral).toBe(false);
    const card = view.cards[0];
    const first = card?.fields[0];
    expect(first?.name).toBe('Tom Okafor — Millbrook Council Budget Session, 12 April 2023');
    expect(first?.value).toBe(
      '“Our harbour ward has waited ten years for a footbridge over the river.”\n¶4 of 2023-04-12-millbrook-council-budget.txt',
    );
    expect(card?.footer).toMatch(
      /^Statements 1–\d+ of \d+ · every quote is verbatim from the reports$/,
    );
    expect(view.buttons.map((b) => b.label)).toContain('Context');
    expect(view.buttons.map((b) => b.label)).not.toContain('Post to channel');
  });

  it('marks a paraphrase as reported, not as the speaker’s words', async () => {
    const view = await ask.run(
      context(),
      input({ question: 'children reaching school safely', speaker: 'Tom Okafor' }),
    );
    const field = view.cards[0]?.fields.find((f) => f.value.includes('children'));
    expect(
      field?.value.startsWith(
        'the footbridge would help children reach the school safely *(reported)*',
      ),
    ).toBe(true);
  });

  it('offers "Post to channel" when hidden, and posts the same answer publicly', async () => {
    const ctx = context();
    const view = await ask.run(ctx, input({ question: 'railway station roof', hide: true }));
    expect(view.ephemeral).toBe(true);
    const post = view.buttons.find((b) => b.label === 'Post to channel');
    expect(post).toBeDefined();
    const outcome = await ask.button!(ctx, post!.id, input({}));
    expect(outcome.mode).toBe('channel');
    expect(outcome.view.ephemeral).toBe(false);
    expect(outcome.view.content).toBe('Shared by <@u1>');
    expect(outcome.view.cards[0]?.fields[0]?.value).toContain(
      'The railway station needs a new roof',
    );
    expect(outcome.view.buttons.map((b) => b.label)).not.toContain('Post to channel');
  });

  it('offers no "Post to channel" in a direct message', async () => {
    const dm = { ...caller, guildId: null, channelId: null };
    const view = await ask.run(context(), {
      subcommand: null,
      options: { question: 'railway station roof', hide: true },
      caller: dm,
    });
    expect(view.ephemeral).toBe(true);
    expect(view.buttons.map((b) => b.label)).toEqual(['Context']);
  });

  it('pages with "More" and shows the statements around the top one with "Context"', async () => {
    const ctx = context();
    // Three statements say "harbour" themselves: a page of two leaves one for "More".
    const view = await ask.run(ctx, input({ question: 'harbour', limit: 2 }));
    const total = Number(/of (\d+)/.exec(view.cards[0]?.footer ?? '')?.[1]);
    expect(total).toBeGreaterThan(2);
    const more = view.buttons.find((b) => b.label === 'More');
    const next = await ask.button!(ctx, more!.id, input({}));
    expect(next.mode).toBe('update');
    expect(next.view.cards[0]?.footer).toMatch(/^Statement 3 /);
    const firstPage = view.cards[0]?.fields.map((f) => f.value);
    expect(next.view.cards[0]?.fields.some((f) => firstPage?.includes(f.value))).toBe(false);

    const contextButton = view.buttons.find((b) => b.label === 'Context');
    const around = await ask.button!(ctx, contextButton!.id, input({}));
    expect(around.mode).toBe('reply');
    expect(around.view.ephemeral).toBe(true);
    const marked = around.view.cards[0]?.fields.filter((f) => f.name.startsWith('▶ '));
    expect(marked).toHaveLength(1);
    expect(marked?.[0]?.value).toBe(view.cards[0]?.fields[0]?.value);
  });

  it('answers a button whose answer is gone (restart) with "expired"', async () => {
    const outcome = await ask.button!(context(), 'ask:more:abcdef:3', input({}));
    expect(outcome).toEqual({
      mode: 'reply',
      view: expect.objectContaining({
        ephemeral: true,
        content: 'This result has expired — ask again.',
      }),
    });
  });

  it('says plainly and privately when nothing answers', async () => {
    const view = await ask.run(
      context(),
      input({ question: 'what did the reports say about volcanoes on mars' }),
    );
    expect(view.ephemeral).toBe(true);
    expect(view.content).toMatch(
      /^Nothing in the reports answers “what did the reports say about volcanoes on mars”\./,
    );
    expect(view.buttons).toEqual([]);
  });

  it('keeps to the date range and page size the member chose', async () => {
    // "harbour" is said at the 2022 hearing and in the 2023 budget session: from/to around 2023
    // leave only the budget session; limit:1 shows one statement and "More" for the rest.
    const ranged = await ask.run(
      context(),
      input({ question: 'harbour', from: '2023-01-01', to: '2023-12-31', limit: 10 }),
    );
    const names = (ranged.cards[0]?.fields ?? []).map((f) => f.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/Millbrook Council Budget Session/);
    const everything = await ask.run(context(), input({ question: 'harbour', limit: 10 }));
    expect((everything.cards[0]?.fields ?? []).some((f) => /Harbour Hearing/.test(f.name))).toBe(
      true,
    );
    const one = await ask.run(context(), input({ question: 'harbour', limit: 1 }));
    expect(one.cards[0]?.fields).toHaveLength(1);
    expect(one.buttons.map((b) => b.label)).toContain('More');
  });

  it('explains a malformed or impossible date range privately', async () => {
    const bad = await ask.run(context(), input({ question: 'harbour', from: '2023-02-30' }));
    expect(bad.ephemeral).toBe(true);
    expect(bad.content).toMatch(/`from` must be a date written YYYY-MM-DD/);
    const reversed = await ask.run(
      context(),
      input({ question: 'harbour', from: '2024-01-01', to: '2023-01-01' }),
    );
    expect(reversed.ephemeral).toBe(true);
    expect(reversed.content).toMatch(/is after `to`/);
  });

  it('autocompletes speakers and meetings', async () => {
    const ctx = context();
    expect(
      (await ask.autocomplete!(ctx, { name: 'speaker', value: 'okaf' }, input({})))[0],
    ).toEqual({
      name: 'Tom Okafor — Councillor for Harbour Ward',
      value: 'Tom Okafor',
    });
    expect(
      (await ask.autocomplete!(ctx, { name: 'meeting', value: 'harbour' }, input({})))[0]?.value,
    ).toBe('2022-11-20-millbrook-harbour-hearing.txt');
  });
});

describe('Find in reports', () => {
  const run = (content: string) =>
    findInReportsCommand.run(context(), { ...input({}), target: { id: 'm1', content } });

  it('finds a quote word for word', async () => {
    const view = await run(
      'Okafor said "our harbour ward has waited ten years for a footbridge" lol',
    );
    expect(view.cards[0]?.title).toBe('Said verbatim');
    expect(view.cards[0]?.fields[0]?.name).toContain('Tom Okafor');
  });

  it('recognises close words that are not verbatim', async () => {
    const view = await run('“Trade between our countries grew by twelve percent last year.”');
    expect(view.cards[0]?.title).toBe('Said in close words — not verbatim');
    expect(view.cards[0]?.fields[0]?.value).toContain(
      'Trade between our two countries grew by twelve percent last year.',
    );
  });

  it('says when the words are given to the wrong person', async () => {
    const view = await run(
      'Mayor Varga said “our harbour ward has waited ten years for a footbridge”',
    );
    expect(view.cards[0]?.title).toBe('Said verbatim');
    expect(view.cards[0]?.description).toContain(
      'The reports give these words to **Tom Okafor**, not to Elena Varga.',
    );
  });

  it('says when nothing like it is in the reports', async () => {
    const view = await run('The moon is made of green cheese and always has been');
    expect(view.cards[0]?.title).toBe('Not in the reports');
  });

  it('refuses to judge a few words', async () => {
    expect((await run('harbour ward')).content).toContain('at least 4 words');
  });
});
