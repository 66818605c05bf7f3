// The console's command line: `/ask …` (or plain text), option syntax like Discord's
// (`speaker:khamenei`), and buttons pressed by number or label. Same commands, same replies.
import { EXPIRED_TEXT } from '../../commands/types.js';
import type { Caller, CommandInput, CommandModule, OptionValue } from '../../commands/types.js';
import type { ButtonView, ReplyView } from '../answers/view.js';
import type { AppContext } from '../context.js';
import { renderText } from './render-text.js';
import { saveReplyFiles } from './files.js';
import { plainText } from '../answers/format.js';
import { keepBuiltStats, takeSnapshot } from '../live/snapshot.js';

interface OptionJson {
  name: string;
  type: number;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: OptionJson[];
}

interface CommandJson {
  name: string;
  type?: number;
  description?: string;
  options?: OptionJson[];
}

export interface ConsoleSession {
  /** Answers one line; `quit` is true when the user asked to leave. */
  handleLine(line: string): Promise<{ text: string; quit: boolean }>;
  /** Completions for a partial line (command names, autocompleted option values). */
  complete(line: string): Promise<string[]>;
}

const OPTION_TYPES = {
  subcommand: 1,
  group: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  number: 10,
} as const;

export function createConsoleSession(
  ctx: AppContext,
  commands: readonly CommandModule[],
): ConsoleSession {
  const entries = commands.map((module) => {
    const json = module.data.toJSON() as CommandJson;
    // A context-menu command ("Find in reports") is typed as /find-in-reports <text>.
    const typed = (json.type ?? 1) === 1 ? json.name : slugify(json.name);
    return { module, json, typed };
  });
  // The console is like a direct message with the bot: no server, so server settings (/daily)
  // are never written from here into the database the real bot posts from.
  const caller: Caller = {
    userId: 'console',
    guildId: null,
    channelId: null,
    canManageGuild: false,
    preview: true,
  };
  let lastButtons: ButtonView[] = [];

  function find(name: string) {
    const wanted = name.toLowerCase();
    return (
      entries.find((e) => e.typed === wanted) ??
      entries.find((e) => e.typed.startsWith(wanted) && wanted.length >= 3)
    );
  }

  function show(view: ReplyView, note?: string): string {
    // Link buttons are printed addresses, not numbered choices (as render-text shows them).
    lastButtons = view.buttons.filter((b) => b.url === undefined);
    const saved = saveReplyFiles(ctx.config.dataDir, view.files ?? [], ctx.now());
    const text = [renderText(view), ...saved.map(plainText)].join('\n');
    return note ? `${note}\n${text}` : text;
  }

  async function press(ctx: AppContext, button: ButtonView): Promise<string> {
    const [name] = button.id.split(':');
    const entry = entries.find((e) => e.json.name === name);
    if (!entry?.module.button) return EXPIRED_TEXT;
    const outcome = await entry.module.button(ctx, button.id, {
      subcommand: null,
      options: {},
      caller,
    });
    if (outcome.mode === 'channel') return show(outcome.view, '(posted to the channel:)');
    return show(outcome.view);
  }

  async function run(
    ctx: AppContext,
    entry: (typeof entries)[number],
    rest: string,
  ): Promise<string> {
    if ((entry.json.type ?? 1) === 3) {
      if (rest.trim() === '') return `Usage: /${entry.typed} <the message text to check>`;
      const target = { id: 'console-message', content: rest.trim() };
      return show(await entry.module.run(ctx, { subcommand: null, options: {}, caller, target }));
    }
    const parsed = parseArguments(entry.json, rest);
    if (typeof parsed === 'string') return parsed;
    const input: CommandInput = { ...parsed, caller };
    return show(await entry.module.run(ctx, input));
  }

  async function handle(ctx: AppContext, line: string): Promise<{ text: string; quit: boolean }> {
    const trimmed = line.trim();
    if (trimmed === '') return { text: '', quit: false };
    if (/^\/?(quit|exit)$/i.test(trimmed)) return { text: '', quit: true };
    if (/^\/?help$/i.test(trimmed))
      return {
        text: describeCommands(entries.map((e) => ({ typed: e.typed, json: e.json }))),
        quit: false,
      };
    const byNumber = /^\d+$/.test(trimmed) ? lastButtons[Number(trimmed) - 1] : undefined;
    const byLabel = lastButtons.find(
      (b) => b.label.toLowerCase() === trimmed.toLowerCase().replace(/^\//, ''),
    );
    if (byNumber ?? byLabel)
      return { text: await press(ctx, (byNumber ?? byLabel) as ButtonView), quit: false };
    if (trimmed.startsWith('/')) {
      const [, name = '', rest = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed) ?? [];
      const entry = find(name);
      if (!entry)
        return {
          text: `There is no /${name} command. Type /help to see the commands.`,
          quit: false,
        };
      return { text: await run(ctx, entry, rest), quit: false };
    }
    const ask = find('ask');
    if (!ask) return { text: 'Type /help to see the commands.', quit: false };
    return { text: await run(ctx, ask, trimmed), quit: false };
  }

  return {
    async handleLine(line: string) {
      // The corpus as it is now: an answer in flight finishes on it even if the corpus is swapped.
      const snapshot = takeSnapshot(ctx);
      try {
        return await handle(snapshot, line);
      } catch (err) {
        ctx.log.error({ err, line }, 'console command failed');
        return {
          text: `Something went wrong: ${err instanceof Error ? err.message : String(err)}`,
          quit: false,
        };
      } finally {
        keepBuiltStats(ctx, snapshot);
      }
    },
    async complete(line: string): Promise<string[]> {
      const commandMatch = /^\/(\S*)$/.exec(line);
      if (commandMatch) return entries.map((e) => `/${e.typed}`).filter((c) => c.startsWith(line));
      const optionMatch = /^\/(\S+)\s.*?(\w+):(\S*)$/.exec(line);
      if (!optionMatch) return [];
      const [, name = '', option = '', partial = ''] = optionMatch;
      const entry = find(name);
      if (!entry?.module.autocomplete) return [];
      const prefix = line.slice(0, line.length - partial.length);
      try {
        const choices = await entry.module.autocomplete(
          takeSnapshot(ctx),
          { name: option, value: partial },
          { subcommand: null, options: {}, caller },
        );
        return choices.map((c) => `${prefix}${c.value.includes(' ') ? `"${c.value}"` : c.value}`);
      } catch {
        return [];
      }
    },
  };
}

/** `speaker:khamenei hide:true what did he say` → options; free words fill the main text option. */
export function parseArguments(
  command: CommandJson,
  text: string,
): { subcommand: string | null; options: Record<string, OptionValue> } | string {
  let optionsJson = command.options ?? [];
  let subcommand: string | null = null;
  let rest = text.trim();
  const subcommands = optionsJson.filter((o) => o.type === OPTION_TYPES.subcommand);
  if (subcommands.length > 0) {
    const [first = '', ...others] = rest.split(/\s+/);
    const chosen = subcommands.find((s) => s.name === first.toLowerCase());
    if (!chosen)
      return `Usage: ${subcommands.map((s) => usage(`${command.name} ${s.name}`, s.options ?? [])).join('\n       ')}`;
    subcommand = chosen.name;
    optionsJson = chosen.options ?? [];
    rest = others.join(' ');
  }
  const options: Record<string, OptionValue> = {};
  const free: string[] = [];
  const known = new Map(optionsJson.map((o) => [o.name, o]));
  // The main text option (the one free words fill, e.g. /ask's question) takes everything up to
  // the next option when its value is not quoted, as Discord's own option box does:
  // `/ask question:what did aliyev say speaker:aliyev`.
  const main = optionsJson.find((o) => o.type === OPTION_TYPES.string);
  if (main) {
    const at = new RegExp(String.raw`(^|\s)${main.name}:(?!["“])`, 'i').exec(rest);
    if (at) {
      const start = at.index + at[0].length;
      const next = /\s(\w[\w-]*):/g;
      next.lastIndex = start;
      let end = rest.length;
      for (let m = next.exec(rest); m; m = next.exec(rest)) {
        if (known.has((m[1] ?? '').toLowerCase())) {
          end = m.index;
          break;
        }
      }
      const value = rest.slice(start, end).trim();
      if (value) options[main.name] = value;
      rest = `${rest.slice(0, at.index)} ${rest.slice(end)}`.trim();
    }
  }
  const token = /(\w[\w-]*):(?:"([^"]*)"|“([^”]*)”|(\S*))|(\S+)/g;
  for (const m of rest.matchAll(token)) {
    const option = m[1] ? known.get(m[1].toLowerCase()) : undefined;
    if (!option) {
      free.push(m[0]);
      continue;
    }
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    const value = convert(option, raw);
    if (value === null)
      return `${option.name} must be ${describeType(option.type)} (got "${raw}").`;
    options[option.name] = value;
  }
  if (free.length > 0) {
    const target = optionsJson.find((o) => o.type === OPTION_TYPES.string && !(o.name in options));
    if (!target)
      return `I did not understand "${free.join(' ')}". ${usage(command.name, optionsJson)}`;
    options[target.name] = free.join(' ').replace(/^["“](.*)["”]$/, '$1');
  }
  const missing = optionsJson.filter((o) => o.required && !(o.name in options));
  if (missing.length > 0)
    return `Usage: ${usage(subcommand ? `${command.name} ${subcommand}` : command.name, optionsJson)}`;
  return { subcommand, options };
}

function convert(option: OptionJson, raw: string): OptionValue | null {
  switch (option.type) {
    case OPTION_TYPES.boolean:
      if (/^(true|yes|on|1)$/i.test(raw)) return true;
      if (/^(false|no|off|0)$/i.test(raw)) return false;
      return null;
    case OPTION_TYPES.integer:
      return /^-?\d+$/.test(raw) ? Number(raw) : null;
    case OPTION_TYPES.number:
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null;
    default:
      return raw.length > 0 ? raw : null;
  }
}

function describeType(type: number): string {
  if (type === OPTION_TYPES.boolean) return 'true or false';
  if (type === OPTION_TYPES.integer) return 'a whole number';
  if (type === OPTION_TYPES.number) return 'a number';
  return 'some text';
}

function usage(name: string, options: OptionJson[]): string {
  const parts = options.map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:…]`));
  return `/${name} ${parts.join(' ')}`.trim();
}

function describeCommands(entries: { typed: string; json: CommandJson }[]): string {
  const lines = ['Commands (type them as in Discord; plain text asks a question):', ''];
  for (const { typed, json } of entries) {
    const options = json.options ?? [];
    const subs = options.filter((o) => o.type === OPTION_TYPES.subcommand);
    if ((json.type ?? 1) === 3)
      lines.push(
        `  /${typed} <message text>   (in Discord: right-click a message → Apps → ${json.name})`,
      );
    else if (subs.length > 0)
      for (const s of subs)
        lines.push(`  ${usage(`${typed} ${s.name}`, s.options ?? [])}   ${s.description ?? ''}`);
    else lines.push(`  ${usage(typed, options)}   ${json.description ?? ''}`);
  }
  lines.push('', 'Press a button by typing its number or label. /quit leaves.');
  return lines.join('\n');
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
