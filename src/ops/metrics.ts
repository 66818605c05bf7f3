// Prometheus metrics (prom-client), one registry per process: interactions by command and outcome,
// time to the first answer, "nothing found" answers, Discord REST 429s and 5xx, corpus size,
// reloads and store errors. The live corpus and the store bump theirs with the exported functions.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ButtonOutcome, CommandModule } from '../../commands/types.js';
import type { ReplyView } from '../answers/view.js';
import type { Corpus } from '../corpus/types.js';

export interface Metrics {
  registry: Registry;
  /** `kind`: command, button, autocomplete; `outcome`: answered, nothing_found, error. */
  interactions: Counter<'command' | 'kind' | 'outcome'>;
  /** Seconds from the interaction's arrival to its first callback (reply, defer, choices). */
  answerSeconds: Histogram<'kind'>;
  /** Interactions Discord no longer knew when the first answer reached it (10062). */
  expired: Counter;
  restRateLimited: Counter<'scope'>;
  restServerErrors: Counter<'status'>;
  corpusMeetings: Gauge;
  corpusStatements: Gauge;
  corpusSpeakers: Gauge;
  reloads: Counter<'result'>;
  storeErrors: Counter<'operation'>;
  /** HTTP interactions refused for a bad or stale signature. */
  badSignatures: Counter;
}

// Metrics belong to the process Prometheus scrapes, not to a context: the live corpus, the store
// and the entry point all count into this one. Tests pass their own `createMetrics()` instead.
let current: Metrics | null = null;

/** The process's metrics, made on first use. */
export function getMetrics(): Metrics {
  current ??= createMetrics();
  return current;
}

/** A fresh registry (tests); `getMetrics()` keeps one per process. */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    interactions: new Counter({
      name: 'verbatim_interactions_total',
      help: 'Interactions handled, by command, kind (command, button, autocomplete) and outcome (answered, nothing_found, error).',
      labelNames: ['command', 'kind', 'outcome'],
      registers,
    }),
    answerSeconds: new Histogram({
      name: 'verbatim_first_response_seconds',
      help: "Time from an interaction's arrival to its first answer (reply, defer or choices); Discord allows 3 s.",
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5],
      registers,
    }),
    expired: new Counter({
      name: 'verbatim_interactions_expired_total',
      help: 'Interactions whose first answer came too late (Discord said Unknown interaction).',
      registers,
    }),
    restRateLimited: new Counter({
      name: 'verbatim_discord_rest_rate_limited_total',
      help: 'Discord REST 429 answers (rate limits hit), by scope.',
      labelNames: ['scope'],
      registers,
    }),
    restServerErrors: new Counter({
      name: 'verbatim_discord_rest_server_errors_total',
      help: 'Discord REST 5xx answers, by status.',
      labelNames: ['status'],
      registers,
    }),
    corpusMeetings: new Gauge({
      name: 'verbatim_corpus_meetings',
      help: 'Meetings in the loaded corpus.',
      registers,
    }),
    corpusStatements: new Gauge({
      name: 'verbatim_corpus_statements',
      help: 'Statements in the loaded corpus.',
      registers,
    }),
    corpusSpeakers: new Gauge({
      name: 'verbatim_corpus_speakers',
      help: 'Speakers in the loaded corpus.',
      registers,
    }),
    reloads: new Counter({
      name: 'verbatim_corpus_reloads_total',
      help: 'Corpus reloads while running, by result (ok, failed).',
      labelNames: ['result'],
      registers,
    }),
    storeErrors: new Counter({
      name: 'verbatim_store_errors_total',
      help: 'Errors from the database (daily quote, claims, state), by operation.',
      labelNames: ['operation'],
      registers,
    }),
    badSignatures: new Counter({
      name: 'verbatim_interactions_bad_signature_total',
      help: 'HTTP interaction requests refused with 401 (bad, missing or stale signature).',
      registers,
    }),
  };
}

/** Sets the corpus gauges; call after loading and after every reload. */
export function recordCorpus(corpus: Corpus, metrics: Metrics = getMetrics()): void {
  metrics.corpusMeetings.set(corpus.meetings.length);
  metrics.corpusStatements.set(corpus.statements.length);
  metrics.corpusSpeakers.set(corpus.speakers.length);
}

/** For the live corpus: one reload done (its new size) or failed. */
export function recordCorpusReload(
  result: { ok: true; corpus: Corpus } | { ok: false },
  metrics: Metrics = getMetrics(),
): void {
  metrics.reloads.inc({ result: result.ok ? 'ok' : 'failed' });
  if (result.ok) recordCorpus(result.corpus, metrics);
}

/** For the store: one failed operation. */
export function recordStoreError(operation: string, metrics: Metrics = getMetrics()): void {
  metrics.storeErrors.inc({ operation });
}

/** Search commands whose reply without a card means the reports held nothing that answers. */
const SEARCHES = new Set(['ask', 'Find in reports']);

/**
 * The same commands, counted: each run, button press and autocomplete adds to
 * `verbatim_interactions_total` with its outcome. Behaviour is unchanged; an error still reaches
 * the router, which answers the user.
 */
export function instrumentCommands(
  commands: readonly CommandModule[],
  metrics: Metrics = getMetrics(),
): CommandModule[] {
  return commands.map((module) => {
    const command = module.data.name;
    const count = (kind: string, outcome: string): void => {
      metrics.interactions.inc({ command, kind, outcome });
    };
    const wrapped: CommandModule = {
      ...module,
      async run(ctx, input) {
        let view: ReplyView;
        try {
          view = await module.run(ctx, input);
        } catch (err) {
          count('command', 'error');
          throw err;
        }
        count(
          'command',
          SEARCHES.has(command) && isNothingFound(view) ? 'nothing_found' : 'answered',
        );
        return view;
      },
    };
    if (module.autocomplete) {
      const autocomplete = module.autocomplete.bind(module);
      wrapped.autocomplete = (ctx, focused, input) => {
        try {
          const choices = autocomplete(ctx, focused, input);
          count('autocomplete', 'answered');
          return choices;
        } catch (err) {
          count('autocomplete', 'error');
          throw err;
        }
      };
    }
    if (module.button) {
      const button = module.button.bind(module);
      wrapped.button = async (ctx, customId, input): Promise<ButtonOutcome> => {
        try {
          const outcome = await button(ctx, customId, input);
          count('button', 'answered');
          return outcome;
        } catch (err) {
          count('button', 'error');
          throw err;
        }
      };
    }
    return wrapped;
  });
}

function isNothingFound(view: ReplyView): boolean {
  return view.cards.length === 0 && (view.files?.length ?? 0) === 0;
}

/**
 * The store, with every failed call counted in `verbatim_store_errors_total` (thrown or rejected,
 * so it fits a synchronous store and an asynchronous one alike). Errors still reach the caller.
 */
export function countStoreErrors<T extends object>(store: T, metrics: Metrics = getMetrics()): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]): unknown => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (err) {
          recordStoreError(property, metrics);
          throw err;
        }
        if (result instanceof Promise)
          return result.catch((err: unknown) => {
            recordStoreError(property, metrics);
            throw err;
          });
        return result;
      };
    },
  });
}
