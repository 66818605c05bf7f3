// /announce set|off|status|preview: a card in a channel when a new meeting appears (Manage Server, servers only).
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandModule } from './types.js';
import {
  answerAnnounceOff,
  answerAnnouncePreview,
  answerAnnounceSet,
  answerAnnounceStatus,
} from '../src/alerts/replies.js';
import { textReply } from '../src/answers/view.js';

export const announceCommand: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('announce')
    .setDescription('Announce each new meeting in a channel')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Post a card in a channel when a new meeting appears')
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Where to post')
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    )
    .addSubcommand((s) => s.setName('off').setDescription('Stop announcing new meetings'))
    .addSubcommand((s) =>
      s.setName('status').setDescription('Channel, and the last announcement with its error'),
    )
    .addSubcommand((s) =>
      s.setName('preview').setDescription('See privately what an announcement looks like'),
    ),
  async run(ctx, input) {
    const channel = input.options.channel;
    switch (input.subcommand) {
      case 'set':
        return answerAnnounceSet(ctx, input.caller, typeof channel === 'string' ? channel : '');
      case 'off':
        return answerAnnounceOff(ctx, input.caller);
      case 'status':
        return answerAnnounceStatus(ctx, input.caller);
      case 'preview':
        return answerAnnouncePreview(ctx);
      default:
        return textReply(
          'Use /announce set, /announce off, /announce status or /announce preview.',
        );
    }
  },
};
