// The shape of a command file: a Discord definition plus platform-neutral handlers, so the
// Discord router and the local console run the very same code and render the same ReplyView.
import type { AppContext } from '../src/context.js';
import type { ReplyView } from '../src/answers/view.js';

/** What a button answers when the result behind it is gone (a restart, or an old message). */
export const EXPIRED_TEXT = 'This result has expired — ask again.';

export interface Caller {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  /** Has Manage Server in this guild (always false in DMs). */
  canManageGuild: boolean;
  /**
   * False when the app is used in this server only through a member's own install (user
   * install): the bot has not joined the server and cannot post in it. Absent otherwise.
   */
  appInGuild?: boolean;
  /** The console: commands that set something up (/announce, /alert) show what would be sent and save nothing. */
  preview?: boolean;
}

export type OptionValue = string | number | boolean;

export interface CommandInput {
  /** For commands with subcommands (`/daily set`), the subcommand's name; else null. */
  subcommand: string | null;
  /** Option values by name (channel options carry the channel id). */
  options: Record<string, OptionValue>;
  caller: Caller;
  /** The server's language (Discord's guild locale, else the user's), e.g. "fr"; charts use it. */
  locale?: string;
  /** Message context-menu commands: the message acted on. */
  target?: { id: string; content: string };
}

export interface Choice {
  name: string;
  value: string;
}

/** What a button press produces: edit the message it sits on, answer privately, or post publicly. */
export interface ButtonOutcome {
  mode: 'update' | 'reply' | 'channel';
  view: ReplyView;
}

export interface CommandModule {
  /** A discord.js SlashCommandBuilder or ContextMenuCommandBuilder. */
  data: { name: string; toJSON(): unknown };
  /** The work may take more than a moment: the router defers before running. */
  defer?: boolean;
  /** Each member waits ASK_COOLDOWN_SECONDS between two runs (shared by every such command). */
  cooldown?: boolean;
  run(ctx: AppContext, input: CommandInput): Promise<ReplyView>;
  /**
   * Autocomplete: at most 25 choices, answered from memory, or from the store (a Promise, e.g.
   * /alert remove's own alerts) within Discord's 3 seconds.
   */
  autocomplete?(
    ctx: AppContext,
    focused: { name: string; value: string },
    input: CommandInput,
  ): Choice[] | Promise<Choice[]>;
  /** Buttons whose custom_id starts with `${data.name}:`. */
  button?(ctx: AppContext, customId: string, input: CommandInput): Promise<ButtonOutcome>;
}
