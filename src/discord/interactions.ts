// HTTP interactions mode: Discord POSTs each interaction, signed, to this endpoint instead of
// sending it over the gateway. The payload goes into a discord.js Client that never logs in, so
// the router, the commands and the render code are the very ones the gateway mode runs.
//
// The first callback (reply, defer, update, choices) travels back in the HTTP response body, as
// Discord recommends for webhook interactions: discord.js still "sends" it, but the REST call is
// caught here and written into the pending response, and discord.js gets the 204 Discord would
// have sent. Everything after it (edits of a deferred reply, follow-ups, channel posts) goes over
// REST as in gateway mode. A first callback with files (multipart) or one that asks for the
// created message goes over REST as well, and the HTTP request is then answered 202 with no body.
import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Client, DefaultRestOptions, Events, Options } from 'discord.js';
import type { Interaction, RESTOptions } from 'discord.js';
import type { CommandModule } from '../../commands/types.js';
import type { AppContext } from '../context.js';
import { createRouter } from './router.js';
import type { Router } from './router.js';
import { instrumentClient, kindOf } from './metrics.js';
import { getMetrics } from '../ops/metrics.js';
import type { Metrics } from '../ops/metrics.js';
import type { RouteHandler } from '../http/server.js';
import { sendText } from '../http/server.js';
import { checkSignature, publicKeyFromHex } from '../http/signature.js';

export const INTERACTIONS_PATH = '/interactions';
/** Discord's interaction payloads are small; anything far larger is not from Discord. */
const MAX_BODY_BYTES = 256 * 1024;
/** Discord waits 3 s for the first answer; after this the request is answered with an error. */
const FIRST_ANSWER_LIMIT_MS = 2900;

const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback$/;

export interface InteractionsEndpointOptions {
  ctx: AppContext;
  commands: readonly CommandModule[];
  /** The application's public key, 64 hex digits. */
  publicKey: string;
  /** REST tuning (tests shorten retries and timeouts). */
  rest?: Partial<RESTOptions>;
  deferAfterMs?: number;
  metrics?: Metrics;
  /** The clock signatures are checked against (tests). */
  nowMs?: () => number;
}

export interface InteractionsEndpoint {
  handler: RouteHandler;
  /** The client that never logs in: replies, follow-ups and channel posts go through its REST. */
  client: Client;
  router: Router;
  /** Interactions being handled right now. */
  inFlight(): number;
  /**
   * Refuses new interactions (503), lets those in flight finish (at most `graceMs`), then
   * destroys the client.
   */
  stop(graceMs?: number): Promise<void>;
}

/** One HTTP request waiting for its interaction's first callback. */
class Exchange {
  private done = false;
  readonly settled: Promise<void>;
  private settle!: () => void;

  constructor(readonly res: ServerResponse) {
    this.settled = new Promise((resolve) => (this.settle = resolve));
    res.once('close', () => this.finish());
  }

  /** Still waiting, and the connection is still there to answer on. */
  get open(): boolean {
    return !this.done && !this.res.destroyed && !this.res.writableEnded;
  }

  /** Answers with the callback body; resolves once it has been handed to the network. */
  async answer(status: number, body: string | null): Promise<void> {
    if (!this.open) return;
    this.done = true;
    const flushed = new Promise<void>((resolve) => {
      this.res.once('finish', resolve);
      this.res.once('close', resolve);
    });
    if (body === null) {
      this.res.writeHead(status, { 'cache-control': 'no-store' });
      this.res.end();
    } else {
      this.res.writeHead(status, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      this.res.end(body);
    }
    await flushed;
    this.finish();
  }

  private finish(): void {
    this.done = true;
    this.settle();
  }
}

export function createInteractionsEndpoint(
  options: InteractionsEndpointOptions,
): InteractionsEndpoint {
  const { ctx } = options;
  const metrics = options.metrics ?? getMetrics();
  const key = publicKeyFromHex(options.publicKey);
  const nowMs = options.nowMs ?? Date.now;
  const exchanges = new Map<string, Exchange>();
  const tasks = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const baseRequest = options.rest?.makeRequest ?? DefaultRestOptions.makeRequest;
  const makeRequest: RESTOptions['makeRequest'] = async (url, init) => {
    const id = CALLBACK.exec(new URL(url).pathname)?.[1];
    const exchange = id ? exchanges.get(id) : undefined;
    if (
      exchange?.open &&
      typeof init.body === 'string' &&
      new URL(url).searchParams.get('with_response') !== 'true'
    ) {
      await exchange.answer(200, init.body);
      return new Response(null, { status: 204 });
    }
    const response = await baseRequest(url, init);
    // Files or with_response: the callback went over REST; the webhook request just ends.
    if (exchange?.open && response.status < 300) await exchange.answer(202, null);
    return response;
  };

  const client = new Client({
    intents: [],
    rest: {
      ...(ctx.config.discordApiUrl ? { api: ctx.config.discordApiUrl } : {}),
      ...options.rest,
      makeRequest: makeRequest as RESTOptions['makeRequest'],
    },
    allowedMentions: { parse: [] },
    // Never logged in: REST only. Users and messages of past interactions need no cache.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: 0,
      GuildMemberManager: 0,
      MessageManager: 0,
    }),
  });
  if (ctx.config.discordToken) client.rest.setToken(ctx.config.discordToken);
  const clock = instrumentClient(client, { metrics, markArrivals: false });
  const router = createRouter({
    ctx,
    commands: options.commands,
    deferAfterMs: options.deferAfterMs,
  });
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    tasks.set(interaction.id, router.handle(interaction));
  });
  const actions = (
    client as unknown as { actions: { InteractionCreate: { handle(d: unknown): void } } }
  ).actions;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = performance.now();
    if (stopping) {
      res.setHeader('retry-after', '1');
      sendText(res, 503, 'Shutting down');
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) {
      sendText(res, 413, 'Payload too large');
      return;
    }
    const check = checkSignature(
      key,
      header(req, 'x-signature-ed25519'),
      header(req, 'x-signature-timestamp'),
      body,
      nowMs(),
    );
    if (check !== 'ok') {
      metrics.badSignatures.inc();
      ctx.log.warn({ check, remote: req.socket.remoteAddress }, 'interaction refused: signature');
      sendText(res, 401, 'invalid request signature');
      return;
    }
    let payload: { id?: unknown; type?: unknown };
    try {
      payload = JSON.parse(body.toString('utf8')) as typeof payload;
    } catch {
      sendText(res, 400, 'Bad JSON');
      return;
    }
    if (payload.type === 1) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"type":1}');
      return;
    }
    const id = typeof payload.id === 'string' ? payload.id : null;
    if (!id || typeof payload.type !== 'number') {
      sendText(res, 400, 'Not an interaction');
      return;
    }
    const exchange = new Exchange(res);
    exchanges.set(id, exchange);
    clock.arrived(id, kindOf(payload.type), arrivedAt);
    try {
      actions.InteractionCreate.handle(payload);
      const task = tasks.get(id);
      tasks.delete(id);
      if (!task) {
        // discord.js does not build this kind of interaction (e.g. a modal): nothing answers it.
        ctx.log.warn({ interactionId: id, type: payload.type }, 'interaction type not served');
        await exchange.answer(400, null);
        return;
      }
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), FIRST_ANSWER_LIMIT_MS);
      });
      const first = await Promise.race([
        exchange.settled,
        task.then(() => 'handled' as const),
        limit,
      ]);
      clearTimeout(timer);
      if (exchange.open) {
        ctx.log.warn({ interactionId: id, first }, 'interaction got no first answer');
        await exchange.answer(500, null);
      }
    } finally {
      exchanges.delete(id);
    }
  }

  const handler: RouteHandler = async (req, res, url) => {
    if (url.pathname !== INTERACTIONS_PATH) return false;
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendText(res, 405, 'Discord sends interactions with POST');
      return true;
    }
    await serve(req, res);
    return true;
  };

  return {
    handler,
    client,
    router,
    inFlight: () => inFlight.size,
    async stop(graceMs = 3500): Promise<void> {
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

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body, or null when it is larger than `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
