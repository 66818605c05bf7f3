import { describe, expect, it } from 'vitest';
import { classifyPostError, sendWithRetry } from '../../src/daily/poster.js';
import type { ChannelPoster } from '../../src/daily/poster.js';
import { textReply } from '../../src/answers/view.js';

/** Shaped like discord.js's DiscordAPIError / HTTPError / RateLimitError. */
function apiError(status: number, code: number | null, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), {
    name: 'DiscordAPIError[' + code + ']',
    status,
    code,
    rawError: { code, message: 'x', ...extra },
  });
}

describe('classifyPostError', () => {
  it('tells the three permanent Discord failures apart', () => {
    expect(classifyPostError(apiError(404, 10003)).kind).toBe('channel-gone');
    expect(classifyPostError(apiError(403, 50001)).kind).toBe('no-access');
    expect(classifyPostError(apiError(403, 50013)).kind).toBe('missing-permission');
    expect(classifyPostError(apiError(403, 50013)).message).toMatch(
      /Send Messages and Embed Links/,
    );
  });
  it('treats rate limits, server errors and network trouble as transient', () => {
    const limited = classifyPostError(apiError(429, 0, { retry_after: 2.5 }));
    expect(limited).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2500 });
    expect(
      classifyPostError(
        Object.assign(new Error('Service Unavailable'), { name: 'HTTPError', status: 503 }),
      ).kind,
    ).toBe('server-error');
    expect(
      classifyPostError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind,
    ).toBe('network');
    expect(
      classifyPostError(
        Object.assign(new Error('limited'), { name: 'RateLimitError', retryAfter: 1200 }),
      ),
    ).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1200 });
  });
  it('never throws on odd values', () => {
    for (const odd of [null, undefined, 42, 'text', {}, { status: 'x' }])
      expect(classifyPostError(odd).kind).toBe('rejected');
  });
});

describe('sendWithRetry', () => {
  it('gives up at once on a permanent failure', async () => {
    let calls = 0;
    const poster: ChannelPoster = {
      send: async () => {
        calls++;
        throw apiError(403, 50001);
      },
    };
    const result = await sendWithRetry(poster, 'c', textReply('x'), { sleep: async () => {} });
    expect(result).toMatchObject({ ok: false, attempts: 1, failure: { kind: 'no-access' } });
    expect(calls).toBe(1);
  });
  it('backs off exponentially up to the cap, then reports the failure', async () => {
    const waits: number[] = [];
    const poster: ChannelPoster = {
      send: async () => {
        throw apiError(500, null);
      },
    };
    const result = await sendWithRetry(poster, 'c', textReply('x'), {
      sleep: async (ms) => {
        waits.push(ms);
      },
      attempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 5000,
    });
    expect(waits).toEqual([1000, 2000, 4000, 5000]);
    expect(result).toMatchObject({
      ok: false,
      attempts: 5,
      failure: { kind: 'server-error', status: 500 },
    });
  });
});
