// A small AppContext for tests: empty corpus unless given, default settings, a log that is kept.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AppContext } from '../../src/context.js';
import type { Corpus } from '../../src/corpus/types.js';
import type { SearchIndex } from '../../src/search/engine.js';
import { buildLookup } from '../../src/search/lookup.js';
import { parseConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

export interface TestContext extends AppContext {
  /** Every log line written so far, parsed. */
  logLines(): Record<string, unknown>[];
}

export function emptyCorpus(): Corpus {
  return { meetings: [], speakers: [], statements: [], warnings: [] };
}

// What a test context writes (charts the console saves, …) goes to a temporary folder, never to
// the checkout's data/ (a test gives its own `dataDir` when it reads what was written).
let testDataDir: string | null = null;
function defaultDataDir(): string {
  testDataDir ??= mkdtempSync(join(tmpdir(), 'verbatim-test-data-'));
  return testDataDir;
}

export function makeTestContext(
  options: {
    corpus?: Corpus;
    index?: SearchIndex;
    config?: Partial<Config>;
    now?: () => Date;
  } = {},
): TestContext {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const config = {
    ...parseConfig({}),
    askCooldownSeconds: 0,
    dataDir: defaultDataDir(),
    ...options.config,
  };
  const corpus = options.corpus ?? options.index?.corpus ?? emptyCorpus();
  return {
    corpus,
    // Without a real index, only the lookups (built once with the index) are there to use.
    index: options.index ?? ({ corpus, data: { lookup: buildLookup(corpus) } } as SearchIndex),
    config,
    log: createLogger({ level: 'debug', secrets: [config.discordToken], destination: sink }),
    store: null,
    now: options.now ?? (() => new Date()),
    sessions: new Map(),
    logLines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
