// Interaction dispatch: commands, context menus, autocomplete and buttons go to the command
// modules; deferral, cooldown, expired buttons and errors are handled here, once.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  ApplicationIntegrationType,
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  Interaction,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import { EXPIRED_TEXT } from '../../commands/types.js';
import type { CommandInput, CommandModule, OptionValue } from '../../commands/types.js';
import type { AppContext } from '../context.js';
import { textReply } from '../answers/view.js';
import type { ReplyView } from '../answers/view.js';
import { createCooldowns } from '../store/cooldowns.js';
import { postToChannel } from './channel.js';
import { clampChoices, renderMessage, renderReply } from './render.js';
import { keepBuiltStats, takeSnapshot } from '../live/snapshot.js';

export interface RouterOptions {
  ctx: AppContext;
  commands: readonly CommandModule[];
  /**
   * A deferrable command gets this long to answer directly before the router defers (Discord
   * allows 3 s). Answering directly lets a "nothing found" reply stay private.
   */
  deferAfterMs?: number;
}

export interface Router {
  handle(interaction: Interaction): Promise<void>;
  /** Resolves once every interaction being handled has been answered. */
  drain(): Promise<void>;
}

type Commandish = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

export function createRouter(options: RouterOptions): Router {
  const { ctx } = options;
  const byName = new Map(options.commands.map((c) => [c.data.name, c]));
  const deferAfterMs = options.deferAfterMs ?? 1500;
  // Shared by every replica through the store (one member, one cooldown, whichever replica answers).
  const cooldowns = createCooldowns(ctx);
  const lastDurationMs = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();

  async function dispatch(interaction: Interaction): Promise<void> {
    // The corpus as it is now: an answer in flight finishes on it even if the corpus is swapped.
    const snapshot = takeSnapshot(ctx);
    try {
      if (interaction.isAutocomplete()) return await answerAutocomplete(snapshot, interaction);
      if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand())
        return await runCommand(snapshot, interaction);
      if (interaction.isButton()) return await pressButton(snapshot, interaction);
    } finally {
      keepBuiltStats(ctx, snapshot);
    }
  }

  async function answerAutocomplete(
    ctx: AppContext,
    interaction: AutocompleteInteraction,
  ): Promise<void> {
    const command = byName.get(interaction.commandName);
    let choices: { name: string; value: string }[] = [];
    try {
      const focused = interaction.options.getFocused(true);
      choices =
        (await command?.autocomplete?.(
          ctx,
          { name: focused.name, value: String(focused.value) },
          readInput(interaction),
        )) ?? [];
    } catch (err) {
      ctx.log.error(
        { err, interactionId: interaction.id, command: interaction.commandName },
        'autocomplete failed',
      );
    }
    await interaction.respond(clampChoices(choices));
  }

  async function runCommand(ctx: AppContext, interaction: Commandish): Promise<void> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply(
        renderReply(
          textReply(
            'This command is not available any more. The bot’s owner may need to run `npm run deploy`.',
          ),
        ),
      );
      return;
    }
    const input = readInput(interaction);
    if (command.cooldown) {
      const wait = await cooldowns.take(input.caller.userId, ctx.config.askCooldownSeconds);
      if (wait > 0) {
        await interaction.reply(
          renderReply(
            textReply(
              `You can ask again in ${wait} second${wait === 1 ? '' : 's'}. Meanwhile, the buttons on your last answer still work.`,
            ),
          ),
        );
        return;
      }
    }
    if (!command.defer) return sendView(interaction, await command.run(ctx, input));
    // A misquote check on someone's message answers privately; so does an /ask with hide.
    const hidden = input.options.hide === true || interaction.isMessageContextMenuCommand();
    const name = command.data.name;
    // Work that blocks the event loop cannot be raced with a timer; a command that was slow
    // last time is deferred before it runs.
    const deferFirst = (lastDurationMs.get(name) ?? 0) > deferAfterMs / 2;
    if (deferFirst) await interaction.deferReply(hidden ? { flags: MessageFlags.Ephemeral } : {});
    const started = performance.now();
    const work = command.run(ctx, input);
    void work.then(
      () => lastDurationMs.set(name, performance.now() - started),
      () => undefined,
    );
    if (!deferFirst) {
      const early = await settleWithin(work, deferAfterMs);
      if (early) return sendView(interaction, await work);
      await interaction.deferReply(hidden ? { flags: MessageFlags.Ephemeral } : {});
    }
    const view = await work;
    if (view.ephemeral && !hidden) {
      // A public "thinking…" cannot turn private: replace it with a private follow-up.
      await interaction.deleteReply();
      await interaction.followUp(renderReply(view));
      return;
    }
    await interaction.editReply(renderMessage(view));
  }

  async function pressButton(ctx: AppContext, interaction: ButtonInteraction): Promise<void> {
    const [name] = interaction.customId.split(':');
    const command = name ? byName.get(name) : undefined;
    if (!command?.button) {
      await interaction.reply(renderReply(textReply(EXPIRED_TEXT)));
      return;
    }
    const work = command.button(ctx, interaction.customId, readInput(interaction));
    const early = await settleWithin(work, deferAfterMs);
    // A slow button acknowledges without touching the message; the outcome then edits or follows up.
    const deferredUpdate = !early;
    if (deferredUpdate) await interaction.deferUpdate();
    const outcome = await work;
    if (outcome.mode === 'update') {
      if (deferredUpdate) await interaction.editReply(renderMessage(outcome.view));
      else await interaction.update(renderMessage(outcome.view));
      return;
    }
    if (outcome.mode === 'reply') {
      if (deferredUpdate) await interaction.followUp(renderReply(outcome.view));
      else await interaction.reply(renderReply(outcome.view));
      return;
    }
    // 'channel': post publicly, then tell the presser privately how it went.
    if (!deferredUpdate) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const channelId = interaction.channelId;
    const result = channelId
      ? await postToChannel(interaction.client, channelId, outcome.view)
      : ({
          ok: false,
          reason: 'not-text',
          message: 'There is no channel to post in here.',
        } as const);
    if (!result.ok) {
      ctx.log.warn(
        { interactionId: interaction.id, channelId, reason: result.reason },
        'could not post to the channel',
      );
    }
    const note = textReply(result.ok ? 'Posted to the channel.' : result.message);
    if (deferredUpdate) await interaction.followUp(renderReply(note));
    else await interaction.editReply(renderMessage(note));
  }

  async function sendView(interaction: Commandish, view: ReplyView): Promise<void> {
    await interaction.reply(renderReply(view));
  }

  async function failSafely(interaction: Interaction, err: unknown): Promise<void> {
    const base = {
      interactionId: interaction.id,
      userId: interaction.user.id,
      guildId: interaction.guildId,
    };
    if (err instanceof DiscordAPIError && err.code === 10062) {
      ctx.log.warn({ ...base, err }, 'the interaction expired before the answer arrived');
      return;
    }
    const reference = randomBytes(4).toString('hex').slice(0, 6).toUpperCase();
    ctx.log.error({ ...base, err, reference, what: describe(interaction) }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const view = textReply(
      `Something went wrong on my side, sorry. Please try again; if it keeps happening, give the bot’s owner this reference: ${reference}.`,
    );
    try {
      if (interaction.isButton() && (interaction.deferred || interaction.replied)) {
        await interaction.followUp(renderReply(view));
      } else if (interaction.deferred && !interaction.replied) {
        // Replace the "thinking…" placeholder rather than leave it spinning.
        await interaction.editReply(renderMessage(view));
      } else if (interaction.replied) {
        await interaction.followUp(renderReply(view));
      } else {
        await interaction.reply(renderReply(view));
      }
    } catch (replyErr) {
      ctx.log.warn(
        { ...base, err: replyErr, reference },
        'could not tell the user about the failure',
      );
    }
  }

  return {
    async handle(interaction: Interaction): Promise<void> {
      const task = dispatch(interaction).catch((err: unknown) => failSafely(interaction, err));
      inFlight.add(task);
      try {
        await task;
      } finally {
        inFlight.delete(task);
      }
    },
    async drain(): Promise<void> {
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** True when the work settled (either way) within `ms`; the caller still awaits it for the value. */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = work.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function readInput(
  interaction: Commandish | AutocompleteInteraction | ButtonInteraction,
): CommandInput {
  const options: Record<string, OptionValue> = {};
  let subcommand: string | null = null;
  const collect = (list: readonly CommandInteractionOption[]): void => {
    for (const option of list) {
      if (option.options) {
        subcommand = option.name;
        collect(option.options);
      } else if (option.value !== undefined && option.value !== null) {
        options[option.name] = option.value;
      }
    }
  };
  if (!interaction.isButton()) collect(interaction.options.data);
  const input: CommandInput = {
    subcommand,
    options,
    caller: {
      userId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      canManageGuild:
        interaction.inGuild() &&
        (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
    },
  };
  const locale = interaction.guildLocale ?? interaction.locale;
  if (locale) input.locale = locale;
  const owners = interaction.authorizingIntegrationOwners;
  if (
    interaction.inGuild() &&
    owners[ApplicationIntegrationType.GuildInstall] === undefined &&
    owners[ApplicationIntegrationType.UserInstall] !== undefined
  )
    input.caller.appInGuild = false;
  if (interaction.isMessageContextMenuCommand()) {
    input.target = { id: interaction.targetMessage.id, content: interaction.targetMessage.content };
  }
  return input;
}

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete())
    return `command ${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}
