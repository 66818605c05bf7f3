// `npm run deploy`: registers the commands with Discord (one server when DISCORD_GUILD_ID is set,
// else globally) and prints what it registered. The bot never registers at startup.
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import {
  ApplicationIntegrationType,
  DiscordAPIError,
  InteractionContextType,
  REST,
  Routes,
} from 'discord.js';
import type { RESTOptions } from 'discord.js';
import type { CommandModule } from '../../commands/types.js';
import { ConfigError, findMissingSettings, parseConfig } from '../config.js';
import type { Config } from '../config.js';

interface RegisteredCommand {
  name: string;
  type?: number;
  description?: string;
}

/** Registers `commands`; returns the lines to print. Throws with an owner-readable message. */
export async function deployCommands(
  config: Config,
  commands: readonly CommandModule[],
  rest: Partial<RESTOptions> = {},
): Promise<string[]> {
  const missing = findMissingSettings(
    config,
    ['discordToken', 'discordClientId'],
    'npm run deploy',
  );
  if (missing.length > 0 || !config.discordToken || !config.discordClientId)
    throw new ConfigError(missing);
  const client = new REST({
    ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}),
    ...rest,
  }).setToken(config.discordToken);
  const body = commands.map((c) => withInstallContexts(c.data.toJSON()));
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
    : Routes.applicationCommands(config.discordClientId);
  let registered: RegisteredCommand[];
  try {
    registered = (await client.put(route, { body })) as RegisteredCommand[];
  } catch (err) {
    throw new Error(explainDeployFailure(err, config), { cause: err });
  }
  const where = config.discordGuildId
    ? `in server ${config.discordGuildId} (available right away)`
    : 'globally (new commands can take up to an hour to show up everywhere)';
  return [
    `Registered ${registered.length} command${registered.length === 1 ? '' : 's'} ${where}:`,
    ...registered.map((c) => `  ${describeCommand(c)}`),
  ];
}

/**
 * Every command can be used where the app is installed to a server and where a member installed
 * it to their own account, in servers, in the bot's DMs and in other private channels — except the
 * commands that set up the server (/daily, /announce: `setContexts(Guild)` alone), which are only
 * offered in servers that installed the app.
 */
export const INSTALL = {
  integration_types: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
} as const;

const SERVER_ONLY = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} as const;

function withInstallContexts(json: unknown): unknown {
  const own = json as Record<string, unknown> & { contexts?: unknown };
  const serverOnly =
    Array.isArray(own.contexts) &&
    own.contexts.length === 1 &&
    own.contexts[0] === InteractionContextType.Guild;
  return { ...own, ...(serverOnly ? SERVER_ONLY : INSTALL) };
}

function describeCommand(c: RegisteredCommand): string {
  if (c.type === 3) return `${c.name} (message menu: right-click a message → Apps)`;
  if (c.type === 2) return `${c.name} (user menu)`;
  return `/${c.name} — ${c.description ?? ''}`;
}

function explainDeployFailure(err: unknown, config: Config): string {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) {
      return 'Discord refused the bot token (401). Reset it in the Developer Portal (your app → Bot → Reset Token) and update DISCORD_TOKEN.';
    }
    if (err.code === 50001 || err.status === 403) {
      return config.discordGuildId
        ? `Discord says the bot has no access to server ${config.discordGuildId}. Invite it there first (npm run invite), or check DISCORD_GUILD_ID and DISCORD_CLIENT_ID.`
        : 'Discord refused the registration: DISCORD_CLIENT_ID must be the ID of the application the token belongs to.';
    }
    if (err.code === 50035) {
      return `Discord rejected a command definition (this is a bug in the bot, please report it): ${err.message}`;
    }
    return `Discord refused the registration (${err.status} ${err.code}): ${err.message}`;
  }
  const text = err instanceof Error ? err.message : String(err);
  return `Could not reach Discord${config.discordApiUrl ? ` at ${config.discordApiUrl}` : ''}: ${text}`;
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  try {
    const { commands } = await import('../../commands/index.js');
    const lines = await deployCommands(parseConfig(process.env), commands);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
