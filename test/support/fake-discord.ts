// A strict fake Discord (REST + gateway on 127.0.0.1) for driving the real discord.js client in tests.
//
// Usage:
//   const fake = await startFakeDiscord();
//   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
//   await client.login(fake.token);
//   const reply = await fake.sendCommand('ask', { question: 'trade' }).reply();
//   expect(fake.rejections).toEqual([]);   // nothing the bot sent was refused
//   await fake.close();
//
// It refuses what Discord refuses (400 code 50035 with the offending field), enforces the
// 3-second interaction deadline and single acknowledgement, and lets a test make it fail the
// way Discord does (429, 5xx, 403 50013/50001, 404 10003/10062, dropped gateway).
//
// HTTP interactions mode: `fake.deliverOverHttp(url)` makes every send* method POST the
// interaction to the bot's endpoint, signed with the fake's Ed25519 key (`fake.publicKeyHex` is
// the bot's DISCORD_PUBLIC_KEY), and take the callback from the response body (or over REST).
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export const FAKE_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEs.fake-bot-token-for-tests-only';
export const FAKE_IDS = {
  application: '100000000000000001',
  guild: '200000000000000001',
  channel: '300000000000000001',
  user: '400000000000000001',
} as const;

/** Permission bits the fake hands out (Discord's values). */
export const PERMISSIONS = {
  manageGuild: 1n << 5n,
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  useApplicationCommands: 1n << 31n,
} as const;

type Json = Record<string, unknown>;

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 text (default), 2 voice, 4 category, 5 announcement. */
  type?: number;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  botUser?: { id: string; username: string };
  guilds?: FakeGuild[];
  /** HELLO's heartbeat interval; short so tests notice dead connections quickly. */
  heartbeatIntervalMs?: number;
  /** Time allowed for the first answer to an interaction (Discord: 3 s). */
  interactionDeadlineMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The Authorization header as sent (null when absent). */
  authorization: string | null;
  status: number;
  /** The error body the fake answered with, for 4xx/5xx. */
  error: Json | null;
  /** Files uploaded with a multipart/form-data request (`files[n]`), in field order. */
  files: RecordedFile[];
}

/** A file part of a multipart upload: `files[n]` (n is what `attachments[].id` refers to). */
export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** An attachment of a stored message: the uploaded file and its alt text. */
export interface FakeAttachment {
  id: string;
  filename: string;
  /** The alt text (`attachments[].description`), or null when none was sent. */
  description: string | null;
  contentType: string;
  data: Buffer;
}

export interface FailureRule {
  method?: string;
  /** Matched against the decoded path after `/api/v10`. */
  path?: RegExp | string;
  status: number;
  /** Discord's JSON error code (50013 Missing Permissions, 10062 Unknown Interaction, …). */
  code?: number;
  /** For 429: seconds to wait (keep it small in tests). */
  retryAfter?: number;
  global?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
}

/** A message as the fake stores it (Discord's JSON shape). */
export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
  author: Json;
  /** What the sender asked for; the bot should always send `{ parse: [] }`. */
  allowed_mentions: unknown;
  /** Uploaded files (charts), with their alt text. */
  attachments: FakeAttachment[];
  /** True while a deferred reply shows "thinking…". */
  loading: boolean;
  /** Sent as an interaction reply or follow-up (not with POST /channels/{id}/messages). */
  viaInteraction: boolean;
  deleted: boolean;
}

export interface UserOptions {
  user?: { id: string; username: string };
  guildId?: string | null;
  channelId?: string;
  /** Send as a direct message (no guild, a DM channel). */
  dm?: boolean;
  /** A group DM the bot is not part of (interaction context 2, PRIVATE_CHANNEL). */
  privateChannel?: boolean;
  /** Who installed the app here: the server (default) or only this member (user install). */
  installedBy?: 'guild' | 'user';
  /** Member permission bits (default: view + send + use commands). */
  memberPermissions?: bigint;
  /** The bot's permissions in the channel (default: view + send + embed links). */
  appPermissions?: bigint;
  /** The user's Discord language (default en-US). */
  locale?: string;
  /** The server's language (default en-US; none in DMs). */
  guildLocale?: string;
}

const ERROR_MESSAGES: Record<number, string> = {
  10003: 'Unknown Channel',
  10008: 'Unknown Message',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50006: 'Cannot send an empty message',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
  50035: 'Invalid Form Body',
};

const DISCORD_EPOCH = 1420070400000n;

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(options);
  await fake.listen();
  return fake;
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: { id: string; username: string };
  readonly guilds: FakeGuild[];
  /** Every REST request, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Every request the fake refused for breaking Discord's rules (not injected failures). */
  readonly rejections: RecordedRequest[] = [];
  /** IDENTIFY payloads received (token, intents, …). */
  readonly identifies: Json[] = [];
  /** Every stored message by id: interaction replies, follow-ups and channel messages. */
  readonly messages = new Map<string, FakeMessage>();
  /** Registered commands: key `global` or the guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** The application's key pair: interactions delivered over HTTP are signed with it. */
  readonly signingKeys = generateKeyPairSync('ed25519');
  /** Where interactions are POSTed in HTTP interactions mode (null: over the gateway). */
  interactionsUrl: string | null = null;
  /** Direct-message channels the bot opened (`POST /users/@me/channels`): channel id → user id. */
  readonly dmChannels = new Map<string, string>();
  /** Users whose direct messages are closed: a message to them fails with 403, code 50007. */
  readonly closedDms = new Set<string>();

  private readonly heartbeatIntervalMs: number;
  readonly interactionDeadlineMs: number;
  private readonly events = new EventEmitter();
  private readonly failures: (FailureRule & { left: number })[] = [];
  private readonly sockets = new Set<WebSocket>();
  /** Sockets that identified or resumed, with their session. */
  private readonly live = new Map<WebSocket, { sessionId: string }>();
  private readonly sessions = new Map<string, { seq: number }>();
  private readonly pending: { t: string; d: Json }[] = [];
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private snowflakeCounter = 0n;
  private port = 0;
  readyCount = 0;

  constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? FAKE_TOKEN;
    this.applicationId = options.applicationId ?? FAKE_IDS.application;
    this.botUser = options.botUser ?? { id: this.applicationId, username: 'Verbatim' };
    this.guilds = options.guilds ?? [
      {
        id: FAKE_IDS.guild,
        name: 'Test Server',
        channels: [{ id: FAKE_IDS.channel, name: 'general' }],
      },
    ];
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 500;
    this.interactionDeadlineMs = options.interactionDeadlineMs ?? 3000;
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.handleSocket(ws));
  }

  /** REST base for discord.js (`rest: { api }`) and `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Make the next matching request(s) fail the way Discord does. */
  failNext(rule: FailureRule): void {
    this.failures.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Cut every gateway connection without a close frame (a network drop). */
  dropGateway(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** Resolves once `count` READY/RESUMED handshakes have completed in total. */
  async waitForReady(count = 1, timeoutMs = 5000): Promise<void> {
    await this.waitFor(() => this.readyCount >= count, `READY #${count}`, timeoutMs);
  }

  /**
   * Waits until `check` holds, re-checking after every request and gateway event, and every
   * 10 ms (for conditions on the test's own side, like an error the client saw).
   */
  async waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.events.off('change', onChange);
        if (error) reject(error);
        else resolve();
      };
      const onChange = (): void => {
        if (check()) finish();
      };
      const timer = setTimeout(
        () =>
          finish(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      const poll = setInterval(onChange, 10);
      this.events.on('change', onChange);
    });
  }

  /** Messages posted to a channel with `POST /channels/{id}/messages`. */
  channelMessages(channelId: string = FAKE_IDS.channel): FakeMessage[] {
    return [...this.messages.values()].filter(
      (m) =>
        m.channel_id === channelId &&
        m.author.id === this.botUser.id &&
        !m.viaInteraction &&
        !m.deleted,
    );
  }

  /** Direct messages the bot sent to a user (through their DM channel). */
  directMessages(userId: string): FakeMessage[] {
    const channels = new Set(
      [...this.dmChannels].filter(([, user]) => user === userId).map(([channel]) => channel),
    );
    return [...this.messages.values()].filter((m) => channels.has(m.channel_id) && !m.deleted);
  }

  /** Every message body the bot sent (replies, edits, follow-ups, channel posts). */
  sentBodies(): Json[] {
    return this.requests
      .filter((r) => r.status < 300 && isMessageRoute(r.method, r.path))
      .map((r) => {
        const body = r.body as Json;
        return (r.path.endsWith('/callback') ? (body.data as Json | undefined) : body) ?? {};
      })
      .filter((b) => 'content' in b || 'embeds' in b || 'components' in b);
  }

  // ---- interactions ---------------------------------------------------------------------

  /** A slash command; `options` by name (string/number/boolean), or raw option JSON. */
  sendCommand(
    name: string,
    options: Record<string, string | number | boolean> | Json[] = {},
    user: UserOptions = {},
  ): FakeInteraction {
    const list = Array.isArray(options) ? options : toOptionJson(options);
    return this.sendInteraction(
      2,
      { id: this.commandId(name), name, type: 1, options: list },
      user,
    );
  }

  /** Autocomplete: `focused` names the option being typed. */
  sendAutocomplete(
    name: string,
    options: Record<string, string | number | boolean>,
    focused: string,
    user: UserOptions = {},
  ): FakeInteraction {
    const list = toOptionJson(options).map((o) =>
      o.name === focused ? { ...o, focused: true } : o,
    );
    return this.sendInteraction(
      4,
      { id: this.commandId(name), name, type: 1, options: list },
      user,
    );
  }

  /** A message context-menu command on a message (by default one by another user). */
  sendMessageCommand(
    name: string,
    target: { content: string; id?: string; author?: { id: string; username: string } },
    user: UserOptions = {},
  ): FakeInteraction {
    const channelId = user.channelId ?? FAKE_IDS.channel;
    const messageId = target.id ?? this.snowflake();
    const message = {
      ...this.messageShape(
        messageId,
        channelId,
        target.author ?? { id: '400000000000000099', username: 'someone' },
      ),
      content: target.content,
    };
    return this.sendInteraction(
      2,
      {
        id: this.commandId(name),
        name,
        type: 3,
        target_id: messageId,
        resolved: { messages: { [messageId]: message } },
      },
      user,
    );
  }

  /** Press a button on a message the bot sent. */
  clickButton(message: FakeMessage, customId: string, user: UserOptions = {}): FakeInteraction {
    const found = findComponents(message.components).some((c) => c.custom_id === customId);
    if (!found) throw new Error(`fake Discord: the message has no button "${customId}"`);
    const stored = this.wireMessage(message);
    return this.sendInteraction(
      3,
      { custom_id: customId, component_type: 2 },
      { channelId: message.channel_id, ...user },
      stored,
    );
  }

  /** Press a button that no longer exists anywhere (e.g. from before a restart). */
  clickStaleButton(customId: string, user: UserOptions = {}): FakeInteraction {
    const channelId = user.channelId ?? FAKE_IDS.channel;
    const message = {
      ...this.messageShape(this.snowflake(), channelId, {
        id: this.botUser.id,
        username: this.botUser.username,
        bot: true,
      }),
      content: '',
      components: [
        { type: 1, components: [{ type: 2, style: 2, label: 'More', custom_id: customId }] },
      ],
    };
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, user, message);
  }

  /** Dispatch any INTERACTION_CREATE (type 2 command, 3 component, 4 autocomplete). */
  sendInteraction(
    type: number,
    data: Json,
    user: UserOptions = {},
    message?: Json,
  ): FakeInteraction {
    const id = this.snowflake();
    const who = user.user ?? { id: FAKE_IDS.user, username: 'member' };
    const userJson = {
      id: who.id,
      username: who.username,
      global_name: who.username,
      discriminator: '0',
      avatar: null,
    };
    const privateChannel = user.privateChannel === true;
    const dm = user.dm === true || privateChannel;
    const guildId = dm ? null : (user.guildId ?? this.guilds[0]?.id ?? null);
    const channelId = privateChannel
      ? '300000000000000888'
      : dm
        ? '300000000000000777'
        : (user.channelId ?? this.guilds[0]?.channels[0]?.id ?? FAKE_IDS.channel);
    const interaction = new FakeInteraction(
      this,
      id,
      randomBytes(24).toString('base64url'),
      type,
      channelId,
      message ? String(message.id) : null,
    );
    this.interactions.set(id, interaction);
    const memberPermissions =
      user.memberPermissions ??
      PERMISSIONS.viewChannel | PERMISSIONS.sendMessages | PERMISSIONS.useApplicationCommands;
    const payload: Json = {
      id,
      application_id: this.applicationId,
      type,
      token: interaction.token,
      version: 1,
      data,
      locale: user.locale ?? 'en-US',
      app_permissions: String(
        user.appPermissions ??
          PERMISSIONS.viewChannel | PERMISSIONS.sendMessages | PERMISSIONS.embedLinks,
      ),
      entitlements: [],
      authorizing_integration_owners:
        dm || user.installedBy === 'user' ? { 1: who.id } : { 0: guildId },
      context: privateChannel ? 2 : dm ? 1 : 0,
      channel_id: channelId,
      channel: privateChannel
        ? {
            id: channelId,
            type: 3,
            recipients: [userJson, { ...userJson, id: '400000000000000098', username: 'friend' }],
          }
        : dm
          ? { id: channelId, type: 1, recipients: [userJson] }
          : {
              id: channelId,
              type: 0,
              guild_id: guildId,
              name: 'general',
              permission_overwrites: [],
              position: 0,
            },
    };
    if (dm) payload.user = userJson;
    else {
      payload.guild_id = guildId;
      payload.guild_locale = user.guildLocale ?? 'en-US';
      payload.member = {
        user: userJson,
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        permissions: String(memberPermissions),
      };
    }
    if (message) payload.message = message;
    if (this.interactionsUrl) this.deliverSigned(interaction, payload, this.interactionsUrl);
    else
      this.dispatch('INTERACTION_CREATE', payload, () => {
        interaction.sentAt = Date.now();
      });
    return interaction;
  }

  // ---- HTTP interactions ----------------------------------------------------------------

  /** The public key as the Developer Portal shows it (64 hex digits): the bot's DISCORD_PUBLIC_KEY. */
  get publicKeyHex(): string {
    return this.signingKeys.publicKey
      .export({ format: 'der', type: 'spki' })
      .subarray(-32)
      .toString('hex');
  }

  /** From now on, POST interactions to `url` (the bot's Interactions Endpoint URL); null: gateway. */
  deliverOverHttp(url: string | null): void {
    this.interactionsUrl = url;
  }

  /** The X-Signature-Ed25519 header for `timestamp + body`. */
  signBody(timestamp: string, body: string): string {
    return sign(null, Buffer.from(timestamp + body), this.signingKeys.privateKey).toString('hex');
  }

  /**
   * POSTs `body` to the endpoint with the given headers (by default a valid signature made now),
   * as Discord does when the URL is saved in the Developer Portal; for PING and signature tests.
   */
  async postToEndpoint(
    body: string,
    headers: { signature?: string | null; timestamp?: string } = {},
    url: string | null = this.interactionsUrl,
  ): Promise<{ status: number; body: string; contentType: string }> {
    if (!url) throw new Error('fake Discord: no interactions URL (call deliverOverHttp first)');
    const timestamp = headers.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature =
      headers.signature === undefined ? this.signBody(timestamp, body) : headers.signature;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
        'x-signature-timestamp': timestamp,
        ...(signature === null ? {} : { 'x-signature-ed25519': signature }),
      },
      body,
      signal: AbortSignal.timeout(this.interactionDeadlineMs),
    });
    return {
      status: response.status,
      body: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
    };
  }

  /**
   * Delivers like Discord: signed POST, 3 s to answer; a 200 body is the interaction's callback
   * (checked like a REST callback and recorded as one), a 202/204 means it came over REST.
   */
  private deliverSigned(interaction: FakeInteraction, payload: Json, url: string): void {
    interaction.sentAt = Date.now();
    const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
    interaction.delivery = (async () => {
      let status = 0;
      let text = '';
      let contentType = '';
      try {
        const response = await this.postToEndpoint(JSON.stringify(payload), {}, url);
        status = response.status;
        text = response.body;
        contentType = response.contentType;
      } catch (err) {
        interaction.httpError = err instanceof Error ? err.message : String(err);
      }
      interaction.httpStatus = status;
      if (status === 200) {
        const record: RecordedRequest = {
          method: 'POST',
          path,
          query: {},
          body: null,
          authorization: null,
          status: 0,
          error: null,
          files: [],
        };
        let result: { status: number; body?: unknown };
        try {
          if (!contentType.startsWith('application/json')) throw new Error('not JSON');
          record.body = JSON.parse(text);
          result = this.handleCallback(interaction.id, interaction.token, record.body as Json, {});
        } catch {
          result = { status: 400, body: { code: 50109, message: 'The response is not JSON.' } };
        }
        record.status = result.status;
        if (result.status >= 400) {
          record.error = result.body as Json;
          this.rejections.push(record);
        }
        this.requests.push(record);
      } else if (status >= 200 && status < 300 && interaction.callbacks.length === 0) {
        // Answered the webhook without answering the interaction: Discord shows a failure.
        this.rejections.push({
          method: 'POST',
          path,
          query: {},
          body: text,
          authorization: null,
          status,
          error: { code: 0, message: 'Answered the webhook without an interaction response.' },
          files: [],
        });
      }
      // No answer (an error status, a timeout, a refused connection): the user sees a failure.
      if (interaction.callbacks.length === 0) interaction.expired = true;
      interaction.delivered = true;
      this.changed();
    })();
  }

  // ---- gateway --------------------------------------------------------------------------

  private handleSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.live.delete(ws);
      this.changed();
    });
    ws.on('error', () => undefined);
    ws.on('message', (raw) => {
      let packet: Json;
      try {
        packet = JSON.parse(String(raw)) as Json;
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      this.handleGatewayPacket(ws, packet);
    });
    this.sendRaw(ws, {
      op: 10,
      d: { heartbeat_interval: this.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  private handleGatewayPacket(ws: WebSocket, packet: Json): void {
    const d = (packet.d ?? {}) as Json;
    switch (packet.op) {
      case 1:
        this.sendRaw(ws, { op: 11, d: null, s: null, t: null });
        return;
      case 2: {
        this.identifies.push(d);
        if (d.token !== this.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        if (typeof d.intents !== 'number') {
          ws.close(4013, 'Invalid intent(s).');
          return;
        }
        const sessionId = randomBytes(16).toString('hex');
        this.sessions.set(sessionId, { seq: 0 });
        this.live.set(ws, { sessionId });
        this.sendDispatch(ws, 'READY', {
          v: 10,
          user: {
            id: this.botUser.id,
            username: this.botUser.username,
            discriminator: '0',
            avatar: null,
            bot: true,
            global_name: null,
          },
          guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
          application: { id: this.applicationId, flags: 0 },
          session_id: sessionId,
          resume_gateway_url: this.gatewayUrl,
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
          shard: [0, 1],
        });
        for (const guild of this.guilds)
          this.sendDispatch(ws, 'GUILD_CREATE', this.guildShape(guild));
        this.readyCount += 1;
        this.flushPending();
        this.changed();
        return;
      }
      case 6: {
        const sessionId = String(d.session_id ?? '');
        if (d.token !== this.token || !this.sessions.has(sessionId)) {
          this.sendRaw(ws, { op: 9, d: false, s: null, t: null });
          return;
        }
        this.live.set(ws, { sessionId });
        this.sendDispatch(ws, 'RESUMED', {});
        this.readyCount += 1;
        this.flushPending();
        this.changed();
        return;
      }
      default:
        return;
    }
  }

  /** Send a dispatch to the live session, or hold it until one is live (after a drop). */
  private dispatch(t: string, d: Json, onSent?: () => void): void {
    const ws = this.liveSocket();
    if (!ws) {
      this.pending.push({ t, d });
      if (onSent) this.pendingCallbacks.set(d, onSent);
      return;
    }
    onSent?.();
    this.sendDispatch(ws, t, d);
  }

  private readonly pendingCallbacks = new Map<Json, () => void>();

  private flushPending(): void {
    const ws = this.liveSocket();
    if (!ws) return;
    for (const { t, d } of this.pending.splice(0)) {
      this.pendingCallbacks.get(d)?.();
      this.pendingCallbacks.delete(d);
      this.sendDispatch(ws, t, d);
    }
  }

  private liveSocket(): WebSocket | null {
    for (const ws of this.live.keys()) if (ws.readyState === ws.OPEN) return ws;
    return null;
  }

  private sendDispatch(ws: WebSocket, t: string, d: Json): void {
    const session = this.sessions.get(this.live.get(ws)?.sessionId ?? '');
    const s = session ? ++session.seq : null;
    this.sendRaw(ws, { op: 0, t, s, d });
  }

  private sendRaw(ws: WebSocket, packet: Json): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(packet));
  }

  // ---- REST -----------------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: null,
      authorization: (req.headers.authorization as string | undefined) ?? null,
      status: 0,
      error: null,
      files: [],
    };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (status >= 400) record.error = body as Json;
      this.requests.push(record);
      res.writeHead(
        status,
        status === 204 ? headers : { 'content-type': 'application/json', ...headers },
      );
      res.end(status === 204 ? undefined : JSON.stringify(body));
      this.changed();
    };
    const contentType = String(req.headers['content-type'] ?? '');
    if (raw.length > 0 && contentType.startsWith('multipart/form-data')) {
      // A message with files: its JSON in `payload_json`, each file in `files[n]`.
      const parsed = await readMultipart(raw, contentType);
      if (typeof parsed === 'string') {
        send(400, { code: 50035, message: parsed });
        return;
      }
      record.body = parsed.payload;
      record.files = parsed.files;
    } else if (raw.length > 0) {
      if (!contentType.includes('application/json')) {
        send(400, {
          code: 50035,
          message: 'The fake Discord only accepts JSON or multipart/form-data bodies.',
        });
        return;
      }
      try {
        record.body = JSON.parse(raw.toString('utf8'));
      } catch {
        send(400, { code: 50109, message: 'The request body contains invalid JSON.' });
        return;
      }
    }

    const failure = this.failures.find(
      (f) =>
        f.left > 0 &&
        (f.method === undefined || f.method === method) &&
        (f.path === undefined ||
          (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
    );
    if (failure) {
      failure.left -= 1;
      const [status, body, headers] = failureResponse(failure);
      send(status, body, headers);
      return;
    }

    // Over HTTP the first callback arrives in the webhook's response, which the bot has sent
    // before it edits or follows up: the fake reads it before it handles those.
    const webhookToken = /^\/webhooks\/\d+\/([^/]+)/.exec(path)?.[1];
    if (webhookToken) {
      const pending = [...this.interactions.values()].find(
        (i) => i.token === webhookToken && i.delivery && !i.delivered,
      );
      if (pending?.delivery) await pending.delivery;
    }
    const result = this.route(method, path, record);
    if (
      result.status === 400 ||
      result.status === 401 ||
      (result.status === 404 && (result.body as Json).code !== 10062)
    ) {
      this.rejections.push(record);
    }
    send(result.status, result.body ?? null);
  }

  private route(
    method: string,
    path: string,
    record: RecordedRequest,
  ): { status: number; body?: unknown } {
    const body = record.body;
    const interactionRoute = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    const webhookRoute = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path);
    if (!interactionRoute && !webhookRoute && record.authorization !== `Bot ${this.token}`) {
      return { status: 401, body: { code: 0, message: '401: Unauthorized' } };
    }
    if (interactionRoute && method === 'POST') {
      return this.handleCallback(
        interactionRoute[1] ?? '',
        interactionRoute[2] ?? '',
        body as Json,
        record.query,
        record.files,
      );
    }
    if (webhookRoute)
      return this.handleWebhook(
        method,
        webhookRoute[1] ?? '',
        webhookRoute[2] ?? '',
        webhookRoute[3] ?? null,
        body as Json,
        record.files,
      );

    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/users/@me') {
      return {
        status: 200,
        body: { ...this.botUser, discriminator: '0', avatar: null, bot: true, global_name: null },
      };
    }
    if (method === 'GET' && (path === '/applications/@me' || path === '/oauth2/applications/@me')) {
      return {
        status: 200,
        body: {
          id: this.applicationId,
          name: this.botUser.username,
          flags: 0,
          bot_public: true,
          description: '',
        },
      };
    }
    const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commandsRoute) {
      if (commandsRoute[1] !== this.applicationId)
        return { status: 403, body: { code: 50001, message: ERROR_MESSAGES[50001] } };
      const scope = commandsRoute[2] ?? 'global';
      if (commandsRoute[2] && !this.guilds.some((g) => g.id === commandsRoute[2])) {
        return { status: 403, body: { code: 50001, message: ERROR_MESSAGES[50001] } };
      }
      if (method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
      if (method === 'PUT') {
        const errors = validateCommands(body);
        if (errors.length > 0) return invalidForm(errors);
        const stored = (body as Json[]).map((c) => ({
          ...c,
          id: this.snowflake(),
          application_id: this.applicationId,
          type: c.type ?? 1,
          version: this.snowflake(),
          ...(commandsRoute[2] ? { guild_id: commandsRoute[2] } : {}),
        }));
        this.commands.set(scope, stored);
        return { status: 200, body: stored };
      }
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String((body as Json | null)?.recipient_id ?? '');
      if (!/^\d{1,20}$/.test(recipient))
        return invalidForm([
          { path: 'recipient_id', code: 'NUMBER_TYPE_COERCE', message: 'Value is not snowflake.' },
        ]);
      // Discord answers the same DM channel for the same user every time.
      const existing = [...this.dmChannels].find(([, user]) => user === recipient)?.[0];
      const channelId = existing ?? this.snowflake();
      this.dmChannels.set(channelId, recipient);
      return { status: 200, body: this.dmChannelShape(channelId, recipient) };
    }
    const dmRoute = /^\/channels\/(\d+)(\/messages)?$/.exec(path);
    const dmUser = dmRoute ? this.dmChannels.get(dmRoute[1] ?? '') : undefined;
    if (dmRoute && dmUser !== undefined) {
      if (!dmRoute[2] && method === 'GET')
        return { status: 200, body: this.dmChannelShape(dmRoute[1] ?? '', dmUser) };
      if (dmRoute[2] && method === 'POST') {
        if (this.closedDms.has(dmUser))
          return { status: 403, body: { code: 50007, message: ERROR_MESSAGES[50007] } };
        const errors = validateMessage(body, true);
        if (errors.length > 0)
          return errors[0]?.code === 50006 ? emptyMessage() : invalidForm(errors);
        const message = this.storeMessage(dmRoute[1] ?? '', body as Json, {
          id: this.botUser.id,
          username: this.botUser.username,
          bot: true,
        });
        return { status: 200, body: this.wireMessage(message) };
      }
    }
    const channelRoute = /^\/channels\/(\d+)(\/messages)?$/.exec(path);
    if (channelRoute) {
      const found = this.findChannel(channelRoute[1] ?? '');
      if (!found) return { status: 404, body: { code: 10003, message: ERROR_MESSAGES[10003] } };
      if (!channelRoute[2] && method === 'GET')
        return { status: 200, body: this.channelShape(found.channel, found.guild.id) };
      if (channelRoute[2] && method === 'POST') {
        const errors = validateMessage(body, true, record.files);
        if (errors.length > 0)
          return errors[0]?.code === 50006 ? emptyMessage() : invalidForm(errors);
        const message = this.storeMessage(
          found.channel.id,
          body as Json,
          { id: this.botUser.id, username: this.botUser.username, bot: true },
          false,
          record.files,
        );
        return { status: 200, body: this.wireMessage(message) };
      }
    }
    return {
      status: 404,
      body: {
        code: 0,
        message: `404: Not Found (the fake Discord has no route ${method} ${path})`,
      },
    };
  }

  private handleCallback(
    id: string,
    token: string,
    body: Json,
    query: Record<string, string>,
    files: RecordedFile[] = [],
  ): { status: number; body?: unknown } {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token)
      return { status: 404, body: { code: 10062, message: ERROR_MESSAGES[10062] } };
    if (interaction.callbacks.length > 0)
      return { status: 400, body: { code: 40060, message: ERROR_MESSAGES[40060] } };
    if (Date.now() - interaction.sentAt > this.interactionDeadlineMs) {
      interaction.expired = true;
      return { status: 404, body: { code: 10062, message: ERROR_MESSAGES[10062] } };
    }
    const type = Number(body?.type);
    const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8] };
    if (!(allowed[interaction.type] ?? []).includes(type)) {
      return invalidForm([
        {
          path: 'type',
          code: 'INTERACTION_RESPONSE_TYPE_INVALID',
          message: `Callback type ${type} is not valid for interaction type ${interaction.type}`,
        },
      ]);
    }
    const data = (body.data ?? {}) as Json;
    if (type === 8) {
      const errors = validateChoices(data.choices);
      if (errors.length > 0) return invalidForm(errors);
    } else if (type === 4 || type === 7) {
      const errors = validateMessage(data, type === 4, files);
      if (errors.length > 0)
        return errors[0]?.code === 50006 ? emptyMessage() : invalidForm(errors);
    } else if (type === 5) {
      const errors = validateFlags(data.flags);
      if (errors.length > 0) return invalidForm(errors);
    }
    interaction.callbacks.push({ type, data });
    interaction.answeredAt = Date.now();
    const bot = { id: this.botUser.id, username: this.botUser.username, bot: true };
    let message: FakeMessage | null = null;
    if (type === 4 || type === 5) {
      message = this.storeMessage(
        interaction.channelId,
        type === 4 ? data : { content: '', flags: data.flags },
        bot,
        true,
        type === 4 ? files : [],
      );
      message.loading = type === 5;
      interaction.originalId = message.id;
    } else if (type === 7 || type === 6) {
      message = interaction.originalId ? (this.messages.get(interaction.originalId) ?? null) : null;
      if (message && type === 7) this.applyEdit(message, data, files);
    } else if (type === 8) {
      interaction.choices = (data.choices as Json[] | undefined) ?? [];
    }
    if (query.with_response === 'true') {
      return {
        status: 200,
        body: {
          interaction: {
            id,
            type: interaction.type,
            response_message_id: message?.id,
            response_message_loading: type === 5,
            response_message_ephemeral: Boolean((message?.flags ?? 0) & 64),
          },
          resource: message ? { type, message: this.wireMessage(message) } : { type },
        },
      };
    }
    return { status: 204 };
  }

  private handleWebhook(
    method: string,
    appId: string,
    token: string,
    messageId: string | null,
    body: Json,
    files: RecordedFile[] = [],
  ): { status: number; body?: unknown } {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (appId !== this.applicationId || !interaction || interaction.callbacks.length === 0) {
      return { status: 404, body: { code: 10015, message: ERROR_MESSAGES[10015] } };
    }
    if (messageId === null && method === 'POST') {
      const errors = validateMessage(body, true, files);
      if (errors.length > 0)
        return errors[0]?.code === 50006 ? emptyMessage() : invalidForm(errors);
      const message = this.storeMessage(
        interaction.channelId,
        body,
        { id: this.botUser.id, username: this.botUser.username, bot: true },
        true,
        files,
      );
      interaction.followUpIds.push(message.id);
      return { status: 200, body: this.wireMessage(message) };
    }
    const targetId = messageId === '@original' ? interaction.originalId : messageId;
    const message = targetId ? this.messages.get(targetId) : undefined;
    if (!message || message.deleted)
      return { status: 404, body: { code: 10008, message: ERROR_MESSAGES[10008] } };
    if (method === 'GET') return { status: 200, body: this.wireMessage(message) };
    if (method === 'DELETE') {
      message.deleted = true;
      return { status: 204 };
    }
    if (method === 'PATCH') {
      const errors = validateMessage(body, false, files);
      if (errors.length > 0) return invalidForm(errors);
      this.applyEdit(message, body, files);
      return { status: 200, body: this.wireMessage(message) };
    }
    return { status: 405, body: { code: 0, message: '405: Method Not Allowed' } };
  }

  // ---- shapes ---------------------------------------------------------------------------

  private storeMessage(
    channelId: string,
    data: Json,
    author: Json,
    fromInteraction = false,
    files: RecordedFile[] = [],
  ): FakeMessage {
    const message: FakeMessage = {
      id: this.snowflake(),
      channel_id: channelId,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: (data.embeds as Json[] | undefined) ?? [],
      components: (data.components as Json[] | undefined) ?? [],
      flags: Number(data.flags ?? 0),
      author,
      allowed_mentions: data.allowed_mentions,
      attachments: this.resolveAttachments(data, files, []) ?? [],
      loading: false,
      viaInteraction: fromInteraction,
      deleted: false,
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** An edit: what the data names changes; `attachments` (when sent) says which files stay. */
  private applyEdit(message: FakeMessage, data: Json, files: RecordedFile[]): void {
    applyEdit(message, data);
    const attachments = this.resolveAttachments(data, files, message.attachments);
    if (attachments) message.attachments = attachments;
  }

  /**
   * The attachments a message ends up with: as Discord does, `attachments[]` lists the files
   * kept (an existing attachment by its id, a new upload by its `files[n]` index, with its
   * description); uploads it does not list are added too. Null: nothing said, keep them all.
   */
  private resolveAttachments(
    data: Json,
    files: RecordedFile[],
    previous: FakeAttachment[],
  ): FakeAttachment[] | null {
    const listed = Array.isArray(data.attachments) ? (data.attachments as Json[]) : null;
    if (!listed && files.length === 0) return null;
    const upload = (file: RecordedFile, entry?: Json): FakeAttachment => ({
      id: this.snowflake(),
      filename: typeof entry?.filename === 'string' ? entry.filename : file.name,
      description: typeof entry?.description === 'string' ? entry.description : null,
      contentType: file.contentType,
      data: file.data,
    });
    const out: FakeAttachment[] = [];
    const used = new Set<RecordedFile>();
    for (const entry of listed ?? []) {
      const kept = previous.find((a) => a.id === String(entry.id));
      if (kept) {
        out.push(kept);
        continue;
      }
      const file = files.find((f) => f.field === `files[${String(entry.id)}]`);
      if (file && !used.has(file)) {
        used.add(file);
        out.push(upload(file, entry));
      }
    }
    for (const file of files) if (!used.has(file)) out.push(upload(file));
    return listed ? out : [...previous, ...out];
  }

  /** The message as Discord sends it over the wire. */
  wireMessage(message: FakeMessage): Json {
    return {
      ...this.messageShape(message.id, message.channel_id, message.author),
      attachments: message.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        ...(a.description !== null ? { description: a.description } : {}),
        content_type: a.contentType,
        size: a.data.length,
        url: `http://127.0.0.1:${this.port}/attachments/${a.id}/${a.filename}`,
        proxy_url: `http://127.0.0.1:${this.port}/attachments/${a.id}/${a.filename}`,
      })),
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      flags: message.flags | (message.loading ? 128 : 0),
      application_id: this.applicationId,
    };
  }

  private messageShape(id: string, channelId: string, author: Json): Json {
    const guild = this.findChannel(channelId)?.guild;
    return {
      id,
      type: 0,
      channel_id: channelId,
      ...(guild ? { guild_id: guild.id } : {}),
      author: { discriminator: '0', avatar: null, global_name: null, ...author },
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
    };
  }

  private guildShape(guild: FakeGuild): Json {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: '400000000000000002',
      unavailable: false,
      large: false,
      member_count: 2,
      joined_at: new Date().toISOString(),
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          permissions: '2248473465835073',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: guild.channels.map((c) => this.channelShape(c, guild.id)),
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      preferred_locale: 'en-US',
      premium_tier: 0,
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
    };
  }

  private channelShape(channel: FakeChannel, guildId: string): Json {
    return {
      id: channel.id,
      type: channel.type ?? 0,
      name: channel.name,
      guild_id: guildId,
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    };
  }

  private dmChannelShape(channelId: string, userId: string): Json {
    return {
      id: channelId,
      type: 1,
      last_message_id: null,
      flags: 0,
      recipients: [
        {
          id: userId,
          username: `user-${userId.slice(-4)}`,
          discriminator: '0',
          avatar: null,
          global_name: null,
        },
      ],
    };
  }

  private findChannel(id: string): { guild: FakeGuild; channel: FakeChannel } | null {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) return { guild, channel };
    }
    return null;
  }

  private commandId(name: string): string {
    for (const list of this.commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found) return String(found.id);
    }
    return this.snowflake();
  }

  snowflake(): string {
    this.snowflakeCounter += 1n;
    return String(
      ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.snowflakeCounter & 0x3fffffn),
    );
  }

  private changed(): void {
    this.events.emit('change');
  }
}

/** One interaction the fake dispatched, and everything the bot answered to it. */
export class FakeInteraction {
  readonly callbacks: { type: number; data: Json }[] = [];
  readonly followUpIds: string[] = [];
  originalId: string | null;
  choices: Json[] | null = null;
  /** The bot answered after the deadline (Discord said Unknown interaction). */
  expired = false;
  /** HTTP mode: the delivery in progress, and the status the bot's endpoint answered with. */
  delivery: Promise<void> | null = null;
  /** When the first answer (callback) reached the fake. */
  answeredAt: number | null = null;
  delivered = false;
  httpStatus: number | null = null;
  /** HTTP mode: why the POST to the endpoint failed (connection refused, timeout…). */
  httpError: string | null = null;
  /** When the fake dispatched it (it may wait for a live gateway session first). */
  sentAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly fake: FakeDiscord,
    readonly id: string,
    readonly token: string,
    readonly type: number,
    readonly channelId: string,
    messageId: string | null,
  ) {
    this.originalId = messageId;
  }

  /** The message this interaction answered with (or updated), once it is final (not "thinking…"). */
  async reply(timeoutMs = 5000): Promise<FakeMessage> {
    const done = (): boolean => {
      if (this.callbacks.length === 0) return false;
      const last = this.callbacks[this.callbacks.length - 1];
      if (last?.type === 6) return this.original()?.loading === false && this.edited;
      const message = this.original();
      return message !== null && !message.loading;
    };
    await this.fake.waitFor(
      () => done() || this.expired,
      `a reply to interaction ${this.id}`,
      timeoutMs,
    );
    const message = this.original();
    if (!message) throw new Error(`fake Discord: interaction ${this.id} was not answered in time`);
    return message;
  }

  /** Waits for the n-th follow-up (1-based). */
  async followUp(n = 1, timeoutMs = 5000): Promise<FakeMessage> {
    await this.fake.waitFor(
      () => this.followUpIds.length >= n,
      `follow-up #${n} to interaction ${this.id}`,
      timeoutMs,
    );
    const message = this.fake.messages.get(this.followUpIds[n - 1] ?? '');
    if (!message) throw new Error('fake Discord: follow-up vanished');
    return message;
  }

  /** Autocomplete choices the bot responded with. */
  async autocompleteChoices(timeoutMs = 5000): Promise<{ name: string; value: string | number }[]> {
    await this.fake.waitFor(
      () => this.choices !== null,
      `autocomplete choices for ${this.id}`,
      timeoutMs,
    );
    return (this.choices ?? []) as { name: string; value: string | number }[];
  }

  /** Waits until the bot has acknowledged the interaction in any way. */
  async acknowledged(timeoutMs = 5000): Promise<void> {
    await this.fake.waitFor(
      () => this.callbacks.length > 0,
      `an answer to interaction ${this.id}`,
      timeoutMs,
    );
  }

  original(): FakeMessage | null {
    return this.originalId ? (this.fake.messages.get(this.originalId) ?? null) : null;
  }

  private get edited(): boolean {
    return this.fake.requests.some(
      (r) => r.method === 'PATCH' && r.path.includes(this.token) && r.status === 200,
    );
  }
}

// ---- validation (Discord's documented limits) ----------------------------------------------

interface FormError {
  path: string;
  code: string | number;
  message: string;
}

const BUTTON_STYLES = new Set([1, 2, 3, 4, 5]);

export function validateMessage(
  body: unknown,
  creating: boolean,
  files: RecordedFile[] = [],
): FormError[] {
  const errors: FormError[] = [];
  if (typeof body !== 'object' || body === null)
    return [{ path: '', code: 'DICT_TYPE_CONVERT', message: 'Must be an object.' }];
  const m = body as Json;
  if (m.content !== undefined && m.content !== null) {
    if (typeof m.content !== 'string')
      errors.push({ path: 'content', code: 'STRING_TYPE_CONVERT', message: 'Must be a string.' });
    else if (m.content.length > 2000)
      errors.push({
        path: 'content',
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be 2000 or fewer in length (got ${m.content.length}).`,
      });
  }
  const embeds = (m.embeds ?? []) as Json[];
  if (!Array.isArray(embeds))
    errors.push({ path: 'embeds', code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' });
  else {
    if (embeds.length > 10)
      errors.push({
        path: 'embeds',
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 10 or fewer in length.',
      });
    let total = 0;
    embeds.forEach((e, i) => {
      total += validateEmbed(e, `embeds.${i}`, errors);
    });
    if (total > 6000)
      errors.push({
        path: 'embeds',
        code: 'MAX_EMBED_SIZE_EXCEEDED',
        message: `Embed size exceeds maximum size of 6000 (got ${total}).`,
      });
  }
  validateComponents(m.components, errors);
  errors.push(...validateFlags(m.flags));
  validateAllowedMentions(m.allowed_mentions, errors);
  validateAttachments(m.attachments, files, errors);
  if (creating && errors.length === 0) {
    const hasContent = typeof m.content === 'string' && m.content.trim().length > 0;
    const hasEmbeds = Array.isArray(m.embeds) && m.embeds.length > 0;
    const hasComponents = Array.isArray(m.components) && m.components.length > 0;
    if (!hasContent && !hasEmbeds && !hasComponents && files.length === 0)
      return [{ path: '', code: 50006, message: ERROR_MESSAGES[50006] ?? '' }];
  }
  return errors;
}

/** At most 10 files; each `attachments[]` entry has an id and alt text of at most 1,024 characters. */
function validateAttachments(
  attachments: unknown,
  files: RecordedFile[],
  errors: FormError[],
): void {
  if (files.length > 10)
    errors.push({
      path: 'files',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 10 or fewer in length.',
    });
  if (attachments === undefined || attachments === null) return;
  if (!Array.isArray(attachments)) {
    errors.push({ path: 'attachments', code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' });
    return;
  }
  (attachments as Json[]).forEach((a, i) => {
    if (a.id === undefined || a.id === null)
      errors.push({
        path: `attachments.${i}.id`,
        code: 'BASE_TYPE_REQUIRED',
        message: 'This field is required',
      });
    if (typeof a.description === 'string' && a.description.length > 1024)
      errors.push({
        path: `attachments.${i}.description`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be 1024 or fewer in length (got ${a.description.length}).`,
      });
  });
}

function validateEmbed(e: Json, path: string, errors: FormError[]): number {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const limit = (field: string, value: string, max: number): void => {
    if (value.length > max)
      errors.push({
        path: `${path}.${field}`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${max} or fewer in length (got ${value.length}).`,
      });
  };
  const title = text(e.title);
  const description = text(e.description);
  const footer = text((e.footer as Json | undefined)?.text);
  const author = text((e.author as Json | undefined)?.name);
  limit('title', title, 256);
  limit('description', description, 4096);
  limit('footer.text', footer, 2048);
  limit('author.name', author, 256);
  if (e.footer !== undefined && footer.length === 0)
    errors.push({
      path: `${path}.footer.text`,
      code: 'BASE_TYPE_REQUIRED',
      message: 'This field is required',
    });
  for (const key of ['url', 'thumbnail.url', 'image.url'] as const) {
    const value = key === 'url' ? e.url : (e[key.split('.')[0] ?? ''] as Json | undefined)?.url;
    // An image or thumbnail may show one of the message's files: attachment://name.png.
    const attached =
      key !== 'url' && typeof value === 'string' && /^attachment:\/\/[\w.-]+$/u.test(value);
    if (value !== undefined && value !== null && !attached && !isHttpUrl(value)) {
      errors.push({
        path: `${path}.${key}`,
        code: 'URL_TYPE_INVALID_URL',
        message: 'Not a well formed URL.',
      });
    }
  }
  const fields = (e.fields ?? []) as Json[];
  if (fields.length > 25)
    errors.push({
      path: `${path}.fields`,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 25 or fewer in length.',
    });
  let size = title.length + description.length + footer.length + author.length;
  fields.forEach((f, i) => {
    const name = text(f.name);
    const value = text(f.value);
    if (name.trim().length === 0)
      errors.push({
        path: `${path}.fields.${i}.name`,
        code: 'BASE_TYPE_REQUIRED',
        message: 'This field is required',
      });
    if (value.trim().length === 0)
      errors.push({
        path: `${path}.fields.${i}.value`,
        code: 'BASE_TYPE_REQUIRED',
        message: 'This field is required',
      });
    limit(`fields.${i}.name`, name, 256);
    limit(`fields.${i}.value`, value, 1024);
    size += name.length + value.length;
  });
  if (size === 0 && e.image === undefined && e.thumbnail === undefined) {
    errors.push({ path, code: 'EMBED_EMPTY', message: 'Embed is empty.' });
  }
  return size;
}

function validateComponents(components: unknown, errors: FormError[]): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.push({ path: 'components', code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' });
    return;
  }
  if (components.length > 5)
    errors.push({
      path: 'components',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 5 or fewer in length.',
    });
  const ids = new Set<string>();
  (components as Json[]).forEach((row, r) => {
    const children = row.components as Json[] | undefined;
    if (row.type !== 1 || !Array.isArray(children)) {
      errors.push({
        path: `components.${r}`,
        code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        message: 'Top-level components must be action rows.',
      });
      return;
    }
    if (children.length === 0 || children.length > 5) {
      errors.push({
        path: `components.${r}.components`,
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 5 in length.',
      });
    }
    children.forEach((c, i) => {
      const path = `components.${r}.components.${i}`;
      if (c.type !== 2) return;
      const style = Number(c.style);
      if (!BUTTON_STYLES.has(style))
        errors.push({
          path: `${path}.style`,
          code: 'BASE_TYPE_CHOICES',
          message: `Value must be one of ${[...BUTTON_STYLES].join(', ')}.`,
        });
      const label = typeof c.label === 'string' ? c.label : '';
      if (label.length > 80)
        errors.push({
          path: `${path}.label`,
          code: 'BASE_TYPE_MAX_LENGTH',
          message: 'Must be 80 or fewer in length.',
        });
      if (label.length === 0 && c.emoji === undefined)
        errors.push({
          path: `${path}.label`,
          code: 'BUTTON_COMPONENT_INVALID',
          message: 'A button needs a label or an emoji.',
        });
      if (style === 5) {
        if (!isHttpUrl(c.url))
          errors.push({
            path: `${path}.url`,
            code: 'URL_TYPE_INVALID_URL',
            message: 'A link button needs a valid URL.',
          });
        else if (String(c.url).length > 512)
          errors.push({
            path: `${path}.url`,
            code: 'BASE_TYPE_MAX_LENGTH',
            message: 'Must be 512 or fewer in length.',
          });
        if (c.custom_id !== undefined)
          errors.push({
            path: `${path}.custom_id`,
            code: 'BUTTON_COMPONENT_INVALID',
            message: 'A link button cannot have a custom id.',
          });
        return;
      }
      const id = typeof c.custom_id === 'string' ? c.custom_id : '';
      if (id.length === 0 || id.length > 100)
        errors.push({
          path: `${path}.custom_id`,
          code: 'BASE_TYPE_BAD_LENGTH',
          message: 'Must be between 1 and 100 in length.',
        });
      if (ids.has(id))
        errors.push({
          path: `${path}.custom_id`,
          code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
          message: 'Component custom id cannot be duplicated.',
        });
      ids.add(id);
    });
  });
}

function validateFlags(flags: unknown): FormError[] {
  if (flags === undefined || flags === null) return [];
  const allowed = 4 | 64 | 4096;
  if (typeof flags !== 'number' || (flags & ~allowed) !== 0) {
    return [
      {
        path: 'flags',
        code: 'MESSAGE_FLAGS_INVALID',
        message: `Only flags 4, 64 and 4096 may be set (got ${String(flags)}).`,
      },
    ];
  }
  return [];
}

function validateAllowedMentions(value: unknown, errors: FormError[]): void {
  if (value === undefined || value === null) return;
  const am = value as Json;
  const parse = (am.parse ?? []) as unknown[];
  if (
    !Array.isArray(parse) ||
    parse.some((p) => !['users', 'roles', 'everyone'].includes(String(p)))
  ) {
    errors.push({
      path: 'allowed_mentions.parse',
      code: 'BASE_TYPE_CHOICES',
      message: 'Value must be one of users, roles, everyone.',
    });
  }
  if (parse.includes('users') && Array.isArray(am.users) && am.users.length > 0) {
    errors.push({
      path: 'allowed_mentions',
      code: 'ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
      message: 'parse:["users"] and users are mutually exclusive.',
    });
  }
}

export function validateChoices(choices: unknown): FormError[] {
  if (!Array.isArray(choices))
    return [{ path: 'data.choices', code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' }];
  const errors: FormError[] = [];
  if (choices.length > 25)
    errors.push({
      path: 'data.choices',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be 25 or fewer in length (got ${choices.length}).`,
    });
  (choices as Json[]).forEach((c, i) => {
    const name = typeof c.name === 'string' ? c.name : '';
    if (name.length < 1 || name.length > 100)
      errors.push({
        path: `data.choices.${i}.name`,
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    if (typeof c.value === 'string' && (c.value.length < 1 || c.value.length > 100)) {
      errors.push({
        path: `data.choices.${i}.value`,
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
  });
  return errors;
}

const CHAT_INPUT_NAME = /^[-_a-z0-9]{1,32}$/;

export function validateCommands(body: unknown): FormError[] {
  if (!Array.isArray(body))
    return [{ path: '', code: 'LIST_TYPE_CONVERT', message: 'Must be an array of commands.' }];
  const errors: FormError[] = [];
  if (body.length > 100)
    errors.push({
      path: '',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 100 or fewer in length.',
    });
  const seen = new Set<string>();
  (body as Json[]).forEach((c, i) => {
    const type = Number(c.type ?? 1);
    const name = typeof c.name === 'string' ? c.name : '';
    const key = `${type}:${name}`;
    if (seen.has(key))
      errors.push({
        path: `${i}.name`,
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: `Application command names must be unique (${name}).`,
      });
    seen.add(key);
    // Installation types (0 server, 1 user) and contexts (0 server, 1 bot DM, 2 private channel).
    for (const [field, allowed] of [
      ['integration_types', [0, 1]],
      ['contexts', [0, 1, 2]],
    ] as const) {
      const value = c[field];
      if (value === undefined || value === null) continue;
      if (
        !Array.isArray(value) ||
        value.length === 0 ||
        value.some((v) => !(allowed as readonly unknown[]).includes(v))
      )
        errors.push({
          path: `${i}.${field}`,
          code: 'BASE_TYPE_CHOICES',
          message: `${field} must be a non-empty list of ${allowed.join(', ')}.`,
        });
    }
    if (type === 1) {
      if (!CHAT_INPUT_NAME.test(name))
        errors.push({
          path: `${i}.name`,
          code: 'APPLICATION_COMMAND_INVALID_NAME',
          message: `Command name is invalid (${name}).`,
        });
      const description = typeof c.description === 'string' ? c.description : '';
      if (description.length < 1 || description.length > 100)
        errors.push({
          path: `${i}.description`,
          code: 'BASE_TYPE_BAD_LENGTH',
          message: 'Must be between 1 and 100 in length.',
        });
      validateOptions(c.options, `${i}.options`, errors, 0);
    } else if (type === 2 || type === 3) {
      if (name.length < 1 || name.length > 32)
        errors.push({
          path: `${i}.name`,
          code: 'BASE_TYPE_BAD_LENGTH',
          message: 'Must be between 1 and 32 in length.',
        });
      if (c.description !== undefined && c.description !== '')
        errors.push({
          path: `${i}.description`,
          code: 'APPLICATION_COMMAND_DESCRIPTION_NOT_EMPTY',
          message: 'Context-menu commands have no description.',
        });
      if (Array.isArray(c.options) && c.options.length > 0)
        errors.push({
          path: `${i}.options`,
          code: 'APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED',
          message: 'Context-menu commands have no options.',
        });
    } else {
      errors.push({
        path: `${i}.type`,
        code: 'BASE_TYPE_CHOICES',
        message: `Unknown command type ${type}.`,
      });
    }
  });
  return errors;
}

function validateOptions(options: unknown, path: string, errors: FormError[], depth: number): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    errors.push({ path, code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' });
    return;
  }
  if (options.length > 25)
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  let sawOptional = false;
  const names = new Set<string>();
  (options as Json[]).forEach((o, i) => {
    const name = typeof o.name === 'string' ? o.name : '';
    if (!CHAT_INPUT_NAME.test(name))
      errors.push({
        path: `${path}.${i}.name`,
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: `Option name is invalid (${name}).`,
      });
    if (names.has(name))
      errors.push({
        path: `${path}.${i}.name`,
        code: 'APPLICATION_COMMAND_OPTION_NAME_NOT_UNIQUE',
        message: `Option names must be unique (${name}).`,
      });
    names.add(name);
    const description = typeof o.description === 'string' ? o.description : '';
    if (description.length < 1 || description.length > 100)
      errors.push({
        path: `${path}.${i}.description`,
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    const type = Number(o.type);
    if (type < 1 || type > 11)
      errors.push({
        path: `${path}.${i}.type`,
        code: 'BASE_TYPE_CHOICES',
        message: `Unknown option type ${type}.`,
      });
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2))
        errors.push({
          path: `${path}.${i}`,
          code: 'APPLICATION_COMMAND_OPTIONS_NESTED_TOO_DEEP',
          message: 'Subcommands are nested too deep.',
        });
      validateOptions(o.options, `${path}.${i}.options`, errors, depth + 1);
      return;
    }
    if (o.required === true && sawOptional)
      errors.push({
        path: `${path}.${i}.required`,
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options.',
      });
    if (o.required !== true) sawOptional = true;
    if (Array.isArray(o.choices)) {
      if (o.autocomplete === true)
        errors.push({
          path: `${path}.${i}.autocomplete`,
          code: 'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES',
          message: 'Autocomplete and choices are exclusive.',
        });
      errors.push(
        ...validateChoices(o.choices).map((e) => ({
          ...e,
          path: `${path}.${i}.${e.path.replace('data.', '')}`,
        })),
      );
    }
    if (o.autocomplete === true && ![3, 4, 10].includes(type))
      errors.push({
        path: `${path}.${i}.autocomplete`,
        code: 'APPLICATION_COMMAND_AUTOCOMPLETE_TYPE',
        message: 'Only string, integer and number options autocomplete.',
      });
  });
}

// ---- helpers ----------------------------------------------------------------------------------

function invalidForm(errors: FormError[]): { status: number; body: Json } {
  const tree: Json = {};
  for (const e of errors)
    tree[e.path || '_root'] = { _errors: [{ code: e.code, message: e.message }] };
  return { status: 400, body: { code: 50035, message: ERROR_MESSAGES[50035], errors: tree } };
}

function emptyMessage(): { status: number; body: Json } {
  return { status: 400, body: { code: 50006, message: ERROR_MESSAGES[50006] } };
}

function failureResponse(rule: FailureRule): [number, Json, Record<string, string>] {
  if (rule.status === 429) {
    const retryAfter = rule.retryAfter ?? 0.05;
    return [
      429,
      {
        message: 'You are being rate limited.',
        retry_after: retryAfter,
        global: rule.global ?? false,
        code: rule.global ? 0 : undefined,
      },
      {
        // Discord sends whole seconds here; the fake sends the exact value so tests stay fast.
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': rule.global ? 'global' : 'user',
        ...(rule.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    ];
  }
  if (rule.status >= 500)
    return [rule.status, { message: `${rule.status}: Internal Server Error`, code: 0 }, {}];
  const code = rule.code ?? 0;
  return [rule.status, { message: ERROR_MESSAGES[code] ?? `${rule.status} error`, code }, {}];
}

function applyEdit(message: FakeMessage, data: Json): void {
  if (data.content !== undefined)
    message.content = typeof data.content === 'string' ? data.content : '';
  if (data.embeds !== undefined) message.embeds = (data.embeds as Json[] | null) ?? [];
  if (data.components !== undefined) message.components = (data.components as Json[] | null) ?? [];
  if (data.allowed_mentions !== undefined) message.allowed_mentions = data.allowed_mentions;
  message.loading = false;
}

/** Every button/select in a message's action rows. */
export function findComponents(rows: Json[]): Json[] {
  return rows.flatMap((row) => (row.components as Json[] | undefined) ?? []);
}

/** Labels of a message's buttons, in order. */
export function buttonLabels(message: FakeMessage): string[] {
  return findComponents(message.components).map((c) => String(c.label ?? ''));
}

/** The custom_id of the button with this label. */
export function buttonId(message: FakeMessage, label: string): string {
  const found = findComponents(message.components).find((c) => c.label === label);
  if (!found)
    throw new Error(`no button labelled "${label}" (have: ${buttonLabels(message).join(', ')})`);
  return String(found.custom_id);
}

/** All the text a user sees in a message: content, embed titles, descriptions, fields, footers. */
export function visibleText(message: FakeMessage): string {
  const parts = [message.content];
  for (const e of message.embeds) {
    parts.push(String(e.title ?? ''), String(e.description ?? ''));
    for (const f of (e.fields ?? []) as Json[])
      parts.push(String(f.name ?? ''), String(f.value ?? ''));
    parts.push(String((e.footer as Json | undefined)?.text ?? ''));
  }
  return parts.filter(Boolean).join('\n');
}

function isMessageRoute(method: string, path: string): boolean {
  return (
    (method === 'POST' && path.endsWith('/callback')) ||
    (path.startsWith('/webhooks/') && (method === 'POST' || method === 'PATCH')) ||
    (method === 'POST' && /^\/channels\/\d+\/messages$/.test(path))
  );
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 2048;
  } catch {
    return false;
  }
}

function toOptionJson(options: Record<string, string | number | boolean>): Json[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type:
      typeof value === 'boolean'
        ? 5
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 4
            : 10
          : 3,
    value,
  }));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A multipart/form-data message (what discord.js sends with files): the JSON of `payload_json`
 * and the `files[n]` parts; a string says what is wrong. Parsed by undici's FormData reader.
 */
async function readMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ payload: unknown; files: RecordedFile[] } | string> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return 'The multipart/form-data body could not be read.';
  }
  let payload: unknown = {};
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' && typeof value === 'string') {
      try {
        payload = JSON.parse(value);
      } catch {
        return 'payload_json is not valid JSON.';
      }
    } else if (typeof value !== 'string' && /^files\[\d+\]$/u.test(field)) {
      files.push({
        field,
        name: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    } else if (typeof value !== 'string') {
      return `Unexpected file field "${field}" (Discord wants files[n]).`;
    }
  }
  return { payload, files };
}
