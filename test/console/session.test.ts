// The console session: Discord-like option syntax, buttons by number or label, help, bad input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ApplicationCommandType, ContextMenuCommandBuilder, SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../../commands/types.js';
import { createConsoleSession, parseArguments } from '../../src/console/session.js';
import { runConsole } from '../../src/console/run.js';
import { renderText } from '../../src/console/render-text.js';
import { makeTestContext } from '../support/app-context.js';

const ask: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask the reports')
    .addStringOption((o) => o.setName('question').setDescription('q').setRequired(true))
    .addStringOption((o) => o.setName('speaker').setDescription('s').setAutocomplete(true))
    .addBooleanOption((o) => o.setName('hide').setDescription('h')),
  async run(_ctx, input) {
    return {
      ephemeral: input.options.hide === true,
      content: `question=${String(input.options.question)} speaker=${String(input.options.speaker ?? '-')}`,
      cards: [
        {
          title: 'Answer',
          url: null,
          description: 'A quote',
          fields: [
            { name: 'Mayor Elena Varga', value: '“We will fix the bridge.”\n¶2 of council.txt' },
          ],
          footer: 'Showing 1 of 2',
        },
      ],
      buttons: [{ id: 'ask:more:k', label: 'More', style: 'primary' }],
    };
  },
  autocomplete: (_ctx, focused) =>
    [{ name: 'Mayor Elena Varga', value: 'Elena Varga' }].filter((c) =>
      c.value.toLowerCase().startsWith(focused.value.toLowerCase()),
    ),
  async button() {
    return {
      mode: 'update',
      view: { ephemeral: false, content: 'page two', cards: [], buttons: [] },
    };
  },
};

const daily: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('daily')
    .setDescription('Daily quote')
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('set')
        .addIntegerOption((o) => o.setName('hour').setDescription('h').setRequired(true)),
    )
    .addSubcommand((s) => s.setName('off').setDescription('off')),
  async run(_ctx, input) {
    return {
      ephemeral: true,
      content: `${input.subcommand} ${JSON.stringify(input.options)}`,
      cards: [],
      buttons: [],
    };
  },
};

const find: CommandModule = {
  data: new ContextMenuCommandBuilder()
    .setName('Find in reports')
    .setType(ApplicationCommandType.Message),
  async run(_ctx, input) {
    return { ephemeral: true, content: `target=${input.target?.content}`, cards: [], buttons: [] };
  },
};

const commands = [ask, daily, find];

describe('console session', () => {
  const session = () => createConsoleSession(makeTestContext(), commands);

  it('treats plain text as /ask and renders the reply as text', async () => {
    const { text } = await session().handleLine('what did the mayor say about the bridge');
    expect(text).toContain('question=what did the mayor say about the bridge speaker=-');
    expect(text).toContain('== Answer ==');
    expect(text).toContain('* Mayor Elena Varga\n  “We will fix the bridge.”\n  ¶2 of council.txt');
    expect(text).toContain('[1] More');
  });

  it('reads options the way Discord shows them, quoted or not', async () => {
    const { text } = await session().handleLine(
      '/ask speaker:"Elena Varga" hide:true bridge repairs',
    );
    expect(text).toContain('(only you would see this reply)');
    expect(text).toContain('question=bridge repairs speaker=Elena Varga');
  });

  it('presses a button by number or by label', async () => {
    const s = session();
    await s.handleLine('/ask bridge');
    expect((await s.handleLine('1')).text).toBe('page two');
    await s.handleLine('/ask bridge');
    expect((await s.handleLine('more')).text).toBe('page two');
  });

  it('handles subcommands and typed options, and explains bad values', async () => {
    const s = session();
    expect((await s.handleLine('/daily set hour:9')).text).toContain('set {"hour":9}');
    expect((await s.handleLine('/daily set hour:nine')).text).toBe(
      'hour must be a whole number (got "nine").',
    );
    expect((await s.handleLine('/daily')).text).toContain('Usage: /daily set hour:<hour>');
  });

  it('runs the message command on the text given', async () => {
    expect((await session().handleLine('/find-in-reports "the bridge is fixed"')).text).toContain(
      'target="the bridge is fixed"',
    );
  });

  it('says what to do with an unknown command, and lists commands on /help', async () => {
    const s = session();
    expect((await s.handleLine('/nope')).text).toBe(
      'There is no /nope command. Type /help to see the commands.',
    );
    const help = (await s.handleLine('/help')).text;
    expect(help).toContain('/ask question:<question> [speaker:…] [hide:…]');
    expect(help).toContain('/find-in-reports <message text>');
  });

  it('completes command names and autocompleted values', async () => {
    const s = session();
    expect(await s.complete('/as')).toEqual(['/ask']);
    expect(await s.complete('/ask speaker:ele')).toEqual(['/ask speaker:"Elena Varga"']);
  });

  it('never throws on odd input', async () => {
    for (const line of [
      '',
      '   ',
      '/',
      '::',
      '/ask :',
      '/ask hide:maybe x',
      '"unterminated',
      '/daily set hour:',
    ]) {
      await expect(session().handleLine(line)).resolves.toBeDefined();
    }
  });
});

describe('parseArguments', () => {
  it('requires the required options', () => {
    expect(parseArguments(ask.data.toJSON() as never, 'hide:true')).toBe(
      'Usage: /ask question:<question> [speaker:…] [hide:…]',
    );
  });

  it('reads an unquoted question up to the next option, as Discord’s option box does', () => {
    const json = ask.data.toJSON() as never;
    expect(parseArguments(json, 'question:what did aliyev say about railways')).toEqual({
      subcommand: null,
      options: { question: 'what did aliyev say about railways' },
    });
    expect(
      parseArguments(json, 'question:what was said on tolls speaker:aliyev hide:true'),
    ).toEqual({
      subcommand: null,
      options: { question: 'what was said on tolls', speaker: 'aliyev', hide: true },
    });
    expect(parseArguments(json, 'speaker:aliyev question:"tolls: who pays?"')).toEqual({
      subcommand: null,
      options: { question: 'tolls: who pays?', speaker: 'aliyev' },
    });
  });
});

describe('runConsole with piped input', () => {
  it('answers every line in order, echoing each question, and ends with 0', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c) => (out += String(c)));
    input.end('first question\n\n/ask second question\n1\n');
    const code = await runConsole(makeTestContext(), commands, {
      input,
      output,
      interactive: false,
    });
    expect(code).toBe(0);
    expect(out.indexOf('> first question')).toBeLessThan(out.indexOf('question=first question'));
    expect(out.indexOf('question=first question')).toBeLessThan(
      out.indexOf('question=second question'),
    );
    expect(out).toContain('page two');
    expect(out).not.toContain('Verbatim console');
  });
});

describe('runConsole on a terminal', () => {
  it('keeps the history between sessions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-console-'));
    const historyFile = join(dir, 'console-history');
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      output.resume();
      const done = runConsole(makeTestContext(), commands, {
        input,
        output,
        interactive: true,
        historyFile,
      });
      input.write('/ask first\r');
      input.write('/ask second\r');
      input.end('/quit\r');
      expect(await done).toBe(0);
      expect(readFileSync(historyFile, 'utf8').split('\n').slice(0, 2)).toEqual([
        '/quit',
        '/ask second',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('renderText', () => {
  it('shows content, cards and buttons in order', () => {
    expect(
      renderText({
        ephemeral: false,
        content: 'Hi',
        cards: [],
        buttons: [{ id: 'a:b:c', label: 'More', style: 'primary' }],
      }),
    ).toBe('Hi\n\n[1] More');
  });
});
