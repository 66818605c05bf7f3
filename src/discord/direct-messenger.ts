// The discord.js DirectMessenger that alerts send through: opens (or reuses) the DM channel, then
// posts. Discord's refusals (403 code 50007: the member's direct messages are closed) reach the
// caller unchanged, with their status and code.
import type { Client } from 'discord.js';
import type { ReplyView } from '../answers/view.js';
import type { DirectMessenger } from '../alerts/notify.js';
import { renderMessage } from './render.js';

export function createDirectMessenger(client: Client): DirectMessenger {
  return {
    async send(userId: string, view: ReplyView): Promise<void> {
      const channel = await client.users.createDM(userId);
      await channel.send(renderMessage(view));
    },
  };
}
