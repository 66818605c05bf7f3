// The discord.js client: Guilds intent only, wired to the router, with a graceful stop.
import { Client, DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import type { RESTOptions } from 'discord.js';
import type { CommandModule } from '../../commands/types.js';
import type { AppContext } from '../context.js';
import type { Config } from '../config.js';
import { createRouter } from './router.js';
import type { Router } from './router.js';

export interface BotOptions {
  ctx: AppContext;
  commands: readonly CommandModule[];
  /** REST tuning (tests shorten retries and timeouts). */
  rest?: Partial<RESTOptions>;
  deferAfterMs?: number;
}

export interface RunningBot {
  client: Client;
  router: Router;
  /** Lets replies in flight finish (at most `graceMs`), then closes the connection. */
  stop(graceMs?: number): Promise<void>;
}

export function createClient(config: Config, rest: Partial<RESTOptions> = {}): Client {
  return new Client({
    // The bot reads no message content and no member lists: interactions carry what it needs.
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}), ...rest },
    allowedMentions: { parse: [] },
  });
}

/** Logs in and starts answering; rejects with an owner-readable message when Discord refuses. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { ctx } = options;
  const token = ctx.config.discordToken;
  if (!token) throw new Error('DISCORD_TOKEN is not set, so the bot cannot log in.');
  const client = createClient(ctx.config, options.rest);
  const router = createRouter({
    ctx,
    commands: options.commands,
    deferAfterMs: options.deferAfterMs,
  });
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    void router.handle(interaction);
  });
  client.once(Events.ClientReady, (ready) => {
    ctx.log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'logged in to Discord');
  });
  client.on(Events.Error, (err) => ctx.log.error({ err }, 'Discord client error'));
  client.on(Events.Warn, (message) => ctx.log.warn({ message }, 'Discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    ctx.log.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) =>
    ctx.log.info({ shardId }, 'gateway reconnecting'),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    ctx.log.info({ shardId, replayed }, 'gateway resumed'),
  );

  try {
    await client.login(token);
  } catch (err) {
    await client.destroy();
    throw new Error(explainLoginFailure(err), { cause: err });
  }

  return {
    client,
    router,
    async stop(graceMs = 4000): Promise<void> {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([router.drain(), grace]);
      clearTimeout(timer);
      await client.destroy();
    },
  };
}

function explainLoginFailure(err: unknown): string {
  if (err instanceof DiscordAPIError && err.status === 401) {
    return 'Discord refused the bot token (401). Reset it in the Developer Portal (your app → Bot → Reset Token) and update DISCORD_TOKEN.';
  }
  const text = err instanceof Error ? err.message : String(err);
  if (/invalid token/i.test(text) || /authentication failed/i.test(text)) {
    return 'Discord refused the bot token. Reset it in the Developer Portal (your app → Bot → Reset Token) and update DISCORD_TOKEN.';
  }
  if (/disallowed intents/i.test(text)) {
    return 'Discord refused the requested intents. The bot only needs the Guilds intent; check the Developer Portal settings.';
  }
  return `Could not log in to Discord: ${text}`;
}
