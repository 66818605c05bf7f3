// `npm run invite`: the link that adds the bot to a server, with only the permissions it needs.
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';
import { ConfigError, findMissingSettings, parseConfig } from '../config.js';

/** View Channel + Send Messages + Embed Links: enough to answer and to post the daily quote. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks;

export function buildInviteUrl(clientId: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

export function runInvite(
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): number {
  try {
    const config = parseConfig(env);
    const missing = findMissingSettings(config, ['discordClientId'], 'npm run invite');
    if (missing.length > 0 || config.discordClientId === null) {
      err.write(`${missing.join('\n')}\n`);
      return 1;
    }
    out.write(
      `Open this link to add the bot to a server you manage:\n\n  ${buildInviteUrl(config.discordClientId)}\n\n`,
    );
    out.write('It asks for: View Channels, Send Messages, Embed Links (and the slash commands).\n');
    return 0;
  } catch (e) {
    err.write(`${e instanceof ConfigError ? e.message : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  dotenv.config({ quiet: true });
  process.exitCode = runInvite(process.env, process.stdout, process.stderr);
}
