// Posting a ReplyView to a channel, with Discord's refusals turned into reasons a person understands.
import { DiscordAPIError } from 'discord.js';
import type { Client } from 'discord.js';
import type { ReplyView } from '../answers/view.js';
import { renderMessage } from './render.js';

export type PostResult =
  | { ok: true; messageId: string }
  | {
      ok: false;
      reason: 'missing-permissions' | 'missing-access' | 'unknown-channel' | 'not-text';
      message: string;
    };

/** Sends a public message; never throws for a channel the bot cannot use (only for bugs/outages). */
export async function postToChannel(
  client: Client,
  channelId: string,
  view: ReplyView,
): Promise<PostResult> {
  try {
    const channel = await client.channels.fetch(channelId, {
      // HTTP interactions mode has no gateway, so no server is in the cache.
      allowUnknownGuild: true,
    });
    if (!channel || !channel.isSendable()) {
      return { ok: false, reason: 'not-text', message: 'That channel does not take messages.' };
    }
    const sent = await channel.send(renderMessage(view));
    return { ok: true, messageId: sent.id };
  } catch (err) {
    const refusal = describeRefusal(err);
    if (refusal) return { ok: false, ...refusal };
    throw err;
  }
}

/** Discord's channel refusals (missing permission, no access, gone) as reasons; null for anything else. */
export function describeRefusal(
  err: unknown,
): { reason: Exclude<PostResult, { ok: true }>['reason']; message: string } | null {
  if (!(err instanceof DiscordAPIError)) return null;
  switch (err.code) {
    case 50013:
      return {
        reason: 'missing-permissions',
        message:
          'I am not allowed to post in that channel. A server admin can give me View Channel, Send Messages and Embed Links there.',
      };
    case 50001:
      return {
        reason: 'missing-access',
        message:
          'I cannot see that channel. A server admin can give me View Channel there (or pick another channel).',
      };
    case 10003:
      return { reason: 'unknown-channel', message: 'That channel no longer exists.' };
    default:
      return null;
  }
}
