// The discord.js DirectMessenger that alerts send through: opens (or reuses) the DM channel, then
// posts. Discord's refusals (403 code 50007: the member's direct messages are closed) reach the
// caller unchanged, with their status and code.
import { Routes } from 'discord.js';
import type { Client } from 'discord.js';
import type { ReplyView } from '../answers/view.js';
import type { DirectMessenger } from '../alerts/notify.js';
import { PostError } from '../daily/poster.js';
import { renderMessage } from './render.js';

export function createDirectMessenger(client: Client): DirectMessenger {
  return {
    async send(userId: string, view: ReplyView): Promise<void> {
      await (await openDm(client, userId)).send(renderMessage(view));
    },
  };
}

async function openDm(client: Client, userId: string) {
  // Logged in over the gateway: discord.js keeps each user's DM channel.
  if (client.user) return client.users.createDM(userId);
  // HTTP interactions mode: the client never logs in (no `client.user`, which createDM needs),
  // so open the DM channel over REST and fetch it (cached after the first time).
  const opened = (await client.rest.post(Routes.userChannels(), {
    body: { recipient_id: userId },
  })) as { id: string };
  const channel = await client.channels.fetch(opened.id);
  if (!channel?.isSendable())
    throw new PostError('Discord did not open a direct message channel.', { status: 400 });
  return channel;
}
