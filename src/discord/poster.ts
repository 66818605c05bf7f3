// The discord.js ChannelPoster the daily scheduler posts through.
import type { Client } from 'discord.js';
import type { ReplyView } from '../answers/view.js';
import { PostError } from '../daily/poster.js';
import type { ChannelPoster } from '../daily/poster.js';
import { renderMessage } from './render.js';

/** Sends with the limits enforced; Discord's errors (status, code) reach the scheduler unchanged. */
export function createChannelPoster(client: Client): ChannelPoster {
  return {
    async send(channelId: string, view: ReplyView): Promise<void> {
      const channel = await client.channels.fetch(channelId, {
        // HTTP interactions mode has no gateway, so no server is in the cache.
        allowUnknownGuild: true,
      });
      if (!channel || !channel.isSendable()) {
        throw new PostError(
          'That channel does not take messages (pick a text channel with /daily set).',
          { status: 400 },
        );
      }
      await channel.send(renderMessage(view));
    },
  };
}
