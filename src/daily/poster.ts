// Posting a reply to a channel, behind an interface the Discord layer implements, and what a
// failed post means: gone, forbidden, or worth retrying with backoff.
import type { ReplyView } from '../answers/view.js';

/** Sends a reply to a channel; rejects with the platform's error (status/code fields) on failure. */
export interface ChannelPoster {
  send(channelId: string, view: ReplyView): Promise<void>;
}

export type PostFailureKind =
  | 'channel-gone'
  | 'no-access'
  | 'missing-permission'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'rejected';

export interface PostFailure {
  kind: PostFailureKind;
  /** HTTP status, when there was a response. */
  status: number | null;
  /** Discord's JSON error code (10003, 50001, 50013, …), when given. */
  code: number | null;
  /** How long the platform asked us to wait, for rate limits. */
  retryAfterMs: number | null;
  /** What a server owner should read in /daily status. */
  message: string;
}

/** An error a ChannelPoster may throw; any error with `status`/`code` fields is understood too. */
export class PostError extends Error {
  override readonly name = 'PostError';
  readonly status: number | null;
  readonly code: number | null;
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
    fields: { status?: number | null; code?: number | null; retryAfterMs?: number | null },
  ) {
    super(message);
    this.status = fields.status ?? null;
    this.code = fields.code ?? null;
    this.retryAfterMs = fields.retryAfterMs ?? null;
  }
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

function readNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

/** Reads discord.js errors (DiscordAPIError, HTTPError, RateLimitError) and PostError alike. */
export function classifyPostError(err: unknown): PostFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const raw = (typeof e.rawError === 'object' && e.rawError !== null ? e.rawError : {}) as Record<
    string,
    unknown
  >;
  const detail = err instanceof Error ? err.message : String(err);
  const name = typeof e.name === 'string' ? e.name : '';
  const status = readNumber(e.status);
  const code = readNumber(e.code) ?? readNumber(raw.code);
  const retryAfterSeconds = readNumber(raw.retry_after);
  const retryAfterMs =
    readNumber(e.retryAfterMs) ??
    readNumber(e.retryAfter) ??
    (retryAfterSeconds === null ? null : retryAfterSeconds * 1000);
  const failure = (kind: PostFailureKind, message: string): PostFailure => ({
    kind,
    status,
    code,
    retryAfterMs,
    message,
  });

  if (status === 404 && (code === 10003 || code === null)) {
    return failure(
      'channel-gone',
      'The channel no longer exists (Discord 404, code 10003 Unknown Channel). Choose another with /daily set.',
    );
  }
  if (status === 403 && code === 50001) {
    return failure(
      'no-access',
      'I cannot see the channel (Discord 403, code 50001 Missing Access). Give me View Channel there, or choose another with /daily set.',
    );
  }
  if (status === 403) {
    return failure(
      'missing-permission',
      `I lack a permission in the channel (Discord 403${code === null ? '' : `, code ${code}`} Missing Permissions). I need View Channel, Send Messages and Embed Links.`,
    );
  }
  if (status === 429 || name === 'RateLimitError') {
    return failure('rate-limited', `Discord rate limit (429): ${detail}`);
  }
  if (status !== null && status >= 500) {
    return failure('server-error', `Discord server error (HTTP ${status}).`);
  }
  if (
    (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) ||
    name === 'AbortError' ||
    name === 'TimeoutError'
  ) {
    return failure('network', `Could not reach Discord (${detail}).`);
  }
  if (status !== null) {
    return failure(
      'rejected',
      `Discord rejected the post (HTTP ${status}${code === null ? '' : `, code ${code}`}): ${detail}`,
    );
  }
  return failure('rejected', `Posting failed: ${detail}`);
}

/** Worth trying again: the platform was busy or briefly unreachable. */
export function isTransientFailure(failure: PostFailure): boolean {
  return (
    failure.kind === 'rate-limited' || failure.kind === 'server-error' || failure.kind === 'network'
  );
}

export interface RetryOptions {
  /** Waits; tests pass one that moves a fake clock. */
  sleep: (ms: number) => Promise<void>;
  /** Tries in all (default 4). */
  attempts?: number;
  /** First backoff delay, doubled on each retry (default 2 s), capped at `maxDelayMs` (60 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  onRetry?: (failure: PostFailure, delayMs: number, attempt: number) => void;
}

export type SendResult =
  { ok: true; attempts: number } | { ok: false; attempts: number; failure: PostFailure };

/** Sends, retrying rate limits and server/network errors with exponential backoff. Never throws. */
export async function sendWithRetry(
  poster: ChannelPoster,
  channelId: string,
  view: ReplyView,
  options: RetryOptions,
): Promise<SendResult> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const base = options.baseDelayMs ?? 2000;
  const cap = options.maxDelayMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await poster.send(channelId, view);
      return { ok: true, attempts: attempt };
    } catch (err) {
      const failure = classifyPostError(err);
      if (!isTransientFailure(failure) || attempt >= attempts) {
        return { ok: false, attempts: attempt, failure };
      }
      const backoff = Math.min(cap, base * 2 ** (attempt - 1));
      const delay = Math.min(cap, Math.max(backoff, failure.retryAfterMs ?? 0));
      options.onRetry?.(failure, delay, attempt);
      await options.sleep(delay);
    }
  }
}
