// /daily set|off|status|preview: a server's scheduled quote of the day (Manage Server only, servers only).
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandModule } from './types.js';
import {
  answerDailyOff,
  answerDailyPreview,
  answerDailySet,
  answerDailyStatus,
  suggestTimeZones,
} from '../src/daily/replies.js';
import { textReply } from '../src/answers/view.js';

export const dailyCommand: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('daily')
    .setDescription('A quote of the day from the meeting reports, posted in a channel')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Post a quote every day in a channel, at a time in your time zone')
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Where to post')
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        )
        .addStringOption((o) =>
          o
            .setName('time')
            .setDescription('Time of day, HH:MM (24-hour), e.g. 09:00')
            .setRequired(true)
            .setMaxLength(10),
        )
        .addStringOption((o) =>
          o
            .setName('timezone')
            .setDescription('Your time zone, e.g. Europe/Paris')
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(64),
        ),
    )
    .addSubcommand((s) =>
      s.setName('off').setDescription('Stop the daily quote (its history is kept)'),
    )
    .addSubcommand((s) =>
      s.setName('status').setDescription('Channel, time, next post, last post and last error'),
    )
    .addSubcommand((s) => s.setName('preview').setDescription("See today's quote privately")),
  async run(ctx, input) {
    const caller = input.caller;
    const text = (name: string): string => {
      const value = input.options[name];
      return typeof value === 'string' ? value : '';
    };
    switch (input.subcommand) {
      case 'set':
        return answerDailySet(ctx, caller, {
          channelId: text('channel'),
          time: text('time'),
          timezone: text('timezone'),
        });
      case 'off':
        return answerDailyOff(ctx, caller);
      case 'status':
        return answerDailyStatus(ctx, caller);
      case 'preview':
        return answerDailyPreview(ctx, caller);
      default:
        return textReply('Use /daily set, /daily off, /daily status or /daily preview.');
    }
  },
  autocomplete(_ctx, focused) {
    if (focused.name !== 'timezone') return [];
    return suggestTimeZones(focused.value).map((zone) => ({ name: zone, value: zone }));
  },
};
