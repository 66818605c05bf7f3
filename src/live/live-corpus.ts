// The live corpus: watches CORPUS_DIR, rebuilds the corpus and its index in the background after
// a short debounce, and swaps them into the context at once; listeners hear each swap as a
// CorpusChange (new, changed and removed meetings).
//
// The watcher is chokidar, not fs.watch: on Linux, Node 20's recursive fs.watch drops or
// misreports renames and editors' atomic saves (write a temporary file, rename it over the
// report) and does not follow new subfolders reliably; chokidar does, and reports a rename as
// unlink + add. Every event only triggers a debounced rescan (one stat per file): the loader
// reads files that are new or changed, and holds back a file modified less than `settleMs` ago
// (half-written: still growing) until two looks at its size and modification time, `stableMs`
// apart, agree (after the debounce, that is at least debounce + stableMs of quiet); temporary
// names (.swp, ~, .tmp, .part, .crdownload, dotfiles) are never read.
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { AppContext } from '../context.js';
import { diffCorpora } from '../corpus/change.js';
import type { CorpusChange, CorpusListener } from '../corpus/change.js';
import type { Corpus } from '../corpus/types.js';
import { buildProfileStats, profileStatsInSlices } from '../answers/profiles.js';
import { buildIndex } from '../search/engine.js';
import { buildIndexSlices, rememberWords } from '../search/build-index.js';
import type { SearchIndex } from '../search/engine.js';
import { SLICE_MS, runAtOnce, runInSlices } from '../slices.js';
import type { Slices } from '../slices.js';
import type { CorpusLoader } from './loader.js';

/** The parse cache is written this long after the last rebuild (and at close). */
const SAVE_DELAY_MS = 5000;

/** The part of the context a swap replaces, all three together. */
export type CorpusState = Pick<AppContext, 'corpus' | 'index' | 'profileStats'>;

export interface LiveCorpusOptions {
  ctx: AppContext;
  loader: CorpusLoader;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Watch the folder (CORPUS_WATCH); false: only `refresh()` rebuilds. */
  watch?: boolean;
  /** Quiet time after the last change before a rebuild. */
  debounceMs?: number;
  /**
   * A file modified less than this long ago is read only once two looks at its size and
   * modification time, `stableMs` apart, agree (half-written files wait).
   */
  settleMs?: number;
  stableMs?: number;
  /** Build the profile statistics for /who and /meeting this long after a swap (0: at once). */
  statsDelayMs?: number;
  /**
   * A rebuild (corpus, index, statistics) runs in slices of about this long with the event loop
   * let through between them, so questions meanwhile are answered at once on the old corpus;
   * 0: each build in one go, blocking (as before; the bench compares the two).
   */
  sliceMs?: number;
}

export interface LiveCorpus {
  /** Called after every swap with what changed; returns a function that unsubscribes. */
  subscribe(listener: CorpusListener): () => void;
  /** Rescans the folder now and swaps if anything changed; resolves after the swap. */
  refresh(paths?: Iterable<string>): Promise<CorpusChange | null>;
  /** Resolves once the watcher is listening (immediately without a watcher). */
  ready(): Promise<void>;
  /** Resolves when no change is waiting and no rebuild is running. */
  idle(): Promise<void>;
  /**
   * Resolves once the start-up preparation for quick rebuilds is done (an index from the
   * snapshot has read no text yet; until then a rebuild reads every text).
   */
  prepared(): Promise<void>;
  /** How many swaps so far. */
  readonly swaps: number;
  close(): Promise<void>;
}

/** Names that are never reports, or not yet: editors' and downloaders' temporary files. */
export function isTemporaryName(path: string): boolean {
  const name = basename(path);
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    /\.(swp|swx|swo|tmp|temp|part|crdownload|download|partial|bak)$/i.test(name) ||
    /^#.*#$/.test(name)
  );
}

/** Loads the folder, builds the index and (unless deferred) the profile statistics. */
export async function buildCorpusState(
  loader: CorpusLoader,
  options: { profileStats?: boolean; previous?: SearchIndex } = {},
): Promise<
  CorpusState & {
    read: number;
    cached: number;
    unsettled: string[];
    loadMs: number;
    indexMs: number;
  }
> {
  const t0 = performance.now();
  const loaded = await loader.load();
  const t1 = performance.now();
  // A restart with the same records takes the index's postings from the snapshot in DATA_DIR.
  const postings = options.previous ? null : loader.snapshots.load(loaded.corpus);
  const index = postings
    ? buildIndex(loaded.corpus, { postings })
    : indexFor(loaded.corpus, options.previous, loader);
  const indexMs = performance.now() - t1;
  return {
    corpus: loaded.corpus,
    index,
    profileStats: options.profileStats ? buildProfileStats(loaded.corpus) : undefined,
    read: loaded.read,
    cached: loaded.cached,
    unsettled: loaded.unsettled,
    loadMs: t1 - t0,
    indexMs,
  };
}

/** A build of profile statistics that is waiting to start. */
export interface StatsBuild {
  /** Stops it before it starts (a newer corpus came; once started, a swap stops it). */
  cancel(): void;
}

/**
 * Builds the profile statistics behind /who and /meeting for the context's corpus after `delayMs`
 * (unless a /who got there first), so they are not on the way to the first answer; a slice of
 * about `sliceMs` at a time (0: in one go), so questions are answered meanwhile. It stops when the
 * context's corpus changes.
 */
export function scheduleProfileStats(
  ctx: Pick<AppContext, 'corpus' | 'index' | 'profileStats'>,
  delayMs: number,
  sliceMs = SLICE_MS,
): StatsBuild {
  const corpus = ctx.corpus;
  const timer = setTimeout(() => {
    if (ctx.corpus !== corpus || ctx.profileStats?.corpus === corpus) return;
    // The index built for this corpus has the same name and meeting lookups: not built twice.
    // The build stops by itself when the corpus changes (another swap).
    void profileStatsInSlices(ctx, ctx.index.data.lookup, sliceMs);
  }, delayMs);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

/**
 * A new index, with the paraphrase lexicon of the previous one (it does not depend on the corpus)
 * and the words of the texts it already read; remembered for the next snapshot.
 */
function indexFor(
  corpus: Corpus,
  previous: SearchIndex | undefined,
  loader: CorpusLoader,
): SearchIndex {
  return runAtOnce(indexSlices(corpus, previous, loader));
}

function* indexSlices(
  corpus: Corpus,
  previous: SearchIndex | undefined,
  loader: CorpusLoader,
): Slices<SearchIndex> {
  const index = yield* buildIndexSlices(corpus, { previous, remember: true });
  if (previous?.data.lexicon && index.data.lexicon) index.data.lexicon = previous.data.lexicon;
  loader.snapshots.remember(corpus, index.data);
  return index;
}

export function startLiveCorpus(options: LiveCorpusOptions): LiveCorpus {
  const { ctx, loader, log } = options;
  const debounceMs = options.debounceMs ?? 200;
  const settleMs = options.settleMs ?? 500;
  const stableMs = Math.min(options.stableMs ?? 150, settleMs);
  const statsDelayMs = options.statsDelayMs ?? 2000;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const listeners = new Set<CorpusListener>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<CorpusChange | null> | null = null;
  let stats: StatsBuild | null = null;
  let saveTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let swaps = 0;
  let idleWaiters: (() => void)[] = [];

  const isIdle = () => !timer && !running && pending.size === 0;
  const wakeIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  function schedule(path: string | null, delay = debounceMs): void {
    if (closed) return;
    if (path) pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void rebuild();
    }, delay);
  }

  async function rebuild(): Promise<CorpusChange | null> {
    // One rebuild at a time; changes that arrive meanwhile make the next one.
    if (running) {
      await running.catch(() => null);
      return rebuild();
    }
    const force = pending;
    pending = new Set();
    const work = (async () => {
      const started = performance.now();
      // Every step lets questions through (`sliceMs`): they are answered on the old corpus.
      const loaded = await loader.load(force, settleMs, stableMs, sliceMs);
      // Files that may still be being written: look again in a moment.
      for (const path of loaded.unsettled) schedule(path, stableMs);
      // Nothing changed (also when a file was read again with the same text, as a watcher's
      // second event for one write makes): no index build, no swap.
      if (
        !loaded.speakersChanged &&
        sameFiles(ctx.corpus, loaded.corpus) &&
        (loaded.read === 0 || sameWarnings(ctx.corpus, loaded.corpus))
      )
        return null;
      const index = await runInSlices(indexSlices(loaded.corpus, ctx.index, loader), sliceMs);
      if (closed) return null;
      const change = swap({ corpus: loaded.corpus, index, profileStats: undefined });
      log.info(
        {
          read: loaded.read,
          cached: loaded.cached,
          added: change.added.length,
          changed: change.changed.length,
          removed: change.removed.length,
          meetings: loaded.corpus.meetings.length,
          ms: Math.round(performance.now() - started),
        },
        'reports reloaded',
      );
      // Writing the cache (megabytes at thousands of records) waits for a quiet moment.
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        saveTimer = null;
        void loader.saveCacheInSlices(sliceMs);
      }, SAVE_DELAY_MS);
      saveTimer.unref();
      return change;
    })();
    running = work;
    try {
      return await work;
    } catch (err) {
      log.error({ err }, 'could not reload the reports; the previous ones stay');
      return null;
    } finally {
      running = null;
      wakeIdle();
    }
  }

  /** Replaces corpus, index and statistics in one synchronous step, then tells the listeners. */
  function swap(next: CorpusState): CorpusChange {
    const before = ctx.corpus;
    ctx.corpus = next.corpus;
    ctx.index = next.index;
    ctx.profileStats = next.profileStats;
    swaps++;
    const change = diffCorpora(before, next.corpus);
    // /who and /meeting need statistics; build them soon, off the path of the next answer.
    stats?.cancel();
    stats = scheduleProfileStats(ctx, statsDelayMs, sliceMs);
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (err) {
        log.error({ err }, 'a corpus-change listener failed');
      }
    }
    return change;
  }

  let watcher: FSWatcher | null = null;
  let readyPromise: Promise<void> = Promise.resolve();
  let preparing: Promise<void> = Promise.resolve();
  if (options.watch !== false) {
    // An index from the snapshot has read no text: read them now, a slice at a time, so the
    // first rebuild re-reads only what is new.
    preparing = rememberWords(ctx.index).catch((err: unknown) =>
      log.warn({ err }, 'could not prepare the index for quick rebuilds'),
    );
    const dir = ctx.config.corpusDir;
    watcher = watch(dir, {
      ignoreInitial: true,
      // Temporary names never become reports by themselves; their rename to a real name does.
      ignored: (path) =>
        path !== dir && (isTemporaryName(path) || basename(path) === 'node_modules'),
      followSymlinks: ctx.config.followOutsideLinks,
    });
    // Every event leads to a rescan of the folder (a stat per file: cheap), so an event chokidar
    // folds away (a rename right after a write, seen in tests) still reaches the corpus; the
    // paths it names are read again even if their size and time look unchanged.
    watcher.on('all', (_event, path) => schedule(path));
    watcher.on('raw', () => schedule(null));
    watcher.on('error', (err) => log.warn({ err }, 'the corpus folder watcher reported an error'));
    const w = watcher;
    readyPromise = new Promise((resolve) =>
      w.once('ready', () => {
        // A file added between the first load and the watcher's own first scan raised no event.
        schedule(null);
        resolve();
      }),
    );
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh(paths = []) {
      for (const p of paths) pending.add(p);
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      return rebuild();
    },
    ready: () => readyPromise,
    prepared: () => preparing,
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get swaps() {
      return swaps;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      stats?.cancel();
      await watcher?.close();
      await running?.catch(() => null);
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = null;
        await loader.saveCacheInSlices(0);
      }
      await loader.savesDone();
      wakeIdle();
    },
  };
}

/** The same meetings with the same texts (a rescan that found nothing new). */
function sameFiles(a: Corpus, b: Corpus): boolean {
  if (a.meetings.length !== b.meetings.length) return false;
  return a.meetings.every((m, i) => {
    const o = b.meetings[i];
    return o !== undefined && o.id === m.id && o.text === m.text && o.title === m.title;
  });
}

/** The same warnings, in the same order. */
function sameWarnings(a: Corpus, b: Corpus): boolean {
  return (
    a.warnings.length === b.warnings.length &&
    JSON.stringify(a.warnings) === JSON.stringify(b.warnings)
  );
}
