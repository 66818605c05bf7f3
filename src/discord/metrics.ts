// Metrics seen from the discord.js side, the same in gateway and HTTP mode: time from an
// interaction's arrival to its first callback, late answers, and Discord REST 429s and 5xx.
import { performance } from 'node:perf_hooks';
import { Events, InteractionType } from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import { getMetrics } from '../ops/metrics.js';
import type { Metrics } from '../ops/metrics.js';

const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;
/** Arrivals with no callback after this long are forgotten (never answered, or dropped). */
const FORGET_AFTER_MS = 60_000;

export interface ArrivalClock {
  /** The interaction arrived now (or at `at`, a performance.now() value). */
  arrived(id: string, kind: string, at?: number): void;
}

/**
 * Counts the client's REST answers and times first callbacks. In gateway mode the arrival is the
 * INTERACTION_CREATE event; the HTTP endpoint marks it when the request comes in.
 */
export function instrumentClient(
  client: Client,
  options: { metrics?: Metrics; markArrivals?: boolean } = {},
): ArrivalClock {
  const metrics = options.metrics ?? getMetrics();
  const arrivals = new Map<string, { at: number; kind: string }>();
  const clock: ArrivalClock = {
    arrived(id, kind, at = performance.now()) {
      if (arrivals.size > 1000) {
        const old = performance.now() - FORGET_AFTER_MS;
        for (const [key, value] of arrivals) if (value.at < old) arrivals.delete(key);
      }
      if (!arrivals.has(id)) arrivals.set(id, { at, kind });
    },
  };
  if (options.markArrivals !== false) {
    client.prependListener(Events.InteractionCreate, (interaction: Interaction) =>
      clock.arrived(interaction.id, kindOf(interaction.type)),
    );
  }
  client.rest.on('response', (request, response) => {
    const status = response.status;
    if (status === 429) {
      const scope = response.headers.get('x-ratelimit-scope') ?? 'unknown';
      metrics.restRateLimited.inc({ scope });
    } else if (status >= 500) {
      metrics.restServerErrors.inc({ status: String(status) });
    }
    const callback = CALLBACK.exec(String(request.path));
    const id = callback?.[1];
    if (!id) return;
    const arrival = arrivals.get(id);
    if (!arrival) return;
    arrivals.delete(id);
    if (status === 404) metrics.expired.inc();
    if (status < 300)
      metrics.answerSeconds.observe(
        { kind: arrival.kind },
        (performance.now() - arrival.at) / 1000,
      );
  });
  return clock;
}

export function kindOf(type: number): string {
  if (type === InteractionType.ApplicationCommandAutocomplete) return 'autocomplete';
  if (type === InteractionType.MessageComponent) return 'button';
  return 'command';
}
