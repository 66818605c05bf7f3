// /alert add|list|remove: a member's own alerts — a direct message when a new meeting has their words.
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './types.js';
import {
  MAX_ALERT_WORDS,
  answerAlertAdd,
  answerAlertList,
  answerAlertRemove,
  suggestAlertSpeakers,
  suggestOwnAlerts,
} from '../src/alerts/replies.js';
import { textReply } from '../src/answers/view.js';

export const alertCommand: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('alert')
    .setDescription('A direct message when a new meeting has your words')
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Be told when a new meeting has these words')
        .addStringOption((o) =>
          o
            .setName('words')
            .setDescription('What to look for, as you would ask /ask')
            .setRequired(true)
            .setMaxLength(MAX_ALERT_WORDS),
        )
        .addStringOption((o) =>
          o
            .setName('speaker')
            .setDescription('Only when this person says it')
            .setAutocomplete(true)
            .setMaxLength(100),
        ),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Your alerts, and any that are paused'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove one of your alerts')
        .addStringOption((o) =>
          o
            .setName('alert')
            .setDescription('Which alert')
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(MAX_ALERT_WORDS),
        ),
    ),
  async run(ctx, input) {
    const text = (name: string): string => {
      const value = input.options[name];
      return typeof value === 'string' ? value : '';
    };
    switch (input.subcommand) {
      case 'add':
        return answerAlertAdd(ctx, input.caller, {
          words: text('words'),
          speaker: text('speaker') || null,
        });
      case 'list':
        return answerAlertList(ctx, input.caller);
      case 'remove':
        return answerAlertRemove(ctx, input.caller, text('alert'));
      default:
        return textReply('Use /alert add, /alert list or /alert remove.');
    }
  },
  autocomplete(ctx, focused, input) {
    if (focused.name === 'speaker') return suggestAlertSpeakers(ctx, focused.value);
    if (focused.name === 'alert') return suggestOwnAlerts(ctx, input.caller, focused.value);
    return [];
  },
};
