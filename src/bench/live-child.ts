// Child process for the live-corpus bench: one startup (cold or from the parse cache) measured in
// a fresh process, then, with `--new-file`, the time from a new record on disk to its first answer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { buildProfileStats } from '../answers/profiles.js';
import { CorpusLoader } from '../live/loader.js';
import { buildCorpusState, startLiveCorpus } from '../live/live-corpus.js';
import { createLogger } from '../log.js';
import { askQuestion } from '../search/engine.js';
import { SLICE_MS } from '../slices.js';

/** What this child prints, one JSON line. */
export interface LiveChildResult {
  readyMs: number;
  /** CPU time of the startup (honest when other programs share the machine). */
  readyCpuMs: number;
  /** Phases: scan + read + hash + cache or parse + corpus build; index build; first question. */
  loadMs: number;
  indexMs: number;
  firstAskMs: number;
  /** What handing the built corpus from a worker thread back would cost (a structured clone). */
  cloneMs: number;
  read: number;
  cached: number;
  statsMs: number;
  /** With --new-file: write → first /ask answer that quotes it, and the rebuild's own time. */
  newFileMs?: number;
  rebuildMs?: number;
  /** With --new-file: how long the start-up preparation for quick rebuilds still ran after ready. */
  prepareMs?: number;
  /** With --new-file: the rebuild's slices (0: each build in one go, as before slicing). */
  sliceMs?: number;
  /**
   * With --new-file, from the write until the profile statistics of the new corpus are built,
   * with a question asked every 50 ms: the longest the event loop was held by anything but those
   * questions (a 5 ms timer's lateness), the longest a question waited for its turn, the slowest
   * question (wait + answer), and how many were asked.
   */
  maxStallMs?: number;
  maxWaitMs?: number;
  maxAskMs?: number;
  asked?: number;
  /** The same window: write → profile statistics built. */
  windowMs?: number;
}

const [dir, dataDir, flag, ...options] = process.argv.slice(2);
if (!dir || !dataDir) {
  process.stderr.write(
    'usage: live-child <corpus dir> <data dir> [--new-file [--slice-ms=N] [--questions]]\n',
  );
  process.exit(2);
}
/** --slice-ms=N: the live corpus's slices (0: in one go); --questions: ask every 50 ms meanwhile. */
const sliceArg = options.find((o) => o.startsWith('--slice-ms='))?.slice('--slice-ms='.length);
const withQuestions = options.includes('--questions');
const t0 = performance.now();
const c0 = process.cpuUsage();
const loader = new CorpusLoader({ dir, cacheDir: dataDir });
// As main.ts starts: the corpus, then the index (from the snapshot in DATA_DIR when it holds).
const loaded = await buildCorpusState(loader);
const index = loaded.index;
// Load counts from the start: the loader reads the parse cache when it is made.
const t1 = performance.now() - loaded.indexMs;
const t2 = t1 + loaded.indexMs;
// Ready: the first question is answered (it also opens the paraphrase lexicon, as main.ts does).
askQuestion(index, 'what was said about cooperation');
const readyMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const state = { corpus: loaded.corpus, index, read: loaded.read, cached: loaded.cached };
loader.saveCache();
const k0 = performance.now();
structuredClone(loaded.corpus);
const cloneMs = performance.now() - k0;
const s0 = performance.now();
const stats = buildProfileStats(state.corpus);
const statsMs = performance.now() - s0;
const result: LiveChildResult = {
  readyMs,
  readyCpuMs: (cpu.user + cpu.system) / 1000,
  loadMs: t1 - t0,
  indexMs: t2 - t1,
  firstAskMs: readyMs - (t2 - t0),
  cloneMs,
  read: state.read,
  cached: state.cached,
  statsMs,
};

if (flag === '--new-file') {
  const log = createLogger({ level: 'silent', secrets: [] });
  const ctx: AppContext = {
    corpus: state.corpus,
    index: state.index,
    profileStats: stats,
    config: { ...parseConfig({}), corpusDir: dir, dataDir },
    log,
    store: null,
    now: () => new Date(),
    sessions: new Map(),
  };
  let rebuildMs = 0;
  const sliceMs = sliceArg === undefined ? undefined : Number(sliceArg);
  const live = startLiveCorpus({
    ctx,
    loader,
    sliceMs,
    log: {
      info: (obj: unknown) => {
        const ms = (obj as { ms?: number }).ms;
        if (typeof ms === 'number') rebuildMs = ms;
      },
      warn: () => undefined,
      error: () => undefined,
    } as unknown as Parameters<typeof startLiveCorpus>[0]['log'],
  });
  await live.ready();
  // A new record comes while the bot runs, not in its first second: once the start-up
  // preparation (reading the texts an index from the snapshot has not read) is done.
  const p0 = performance.now();
  await live.prepared();
  result.prepareMs = performance.now() - p0;
  // A record of its own in each run (the bench runs this child more than once on one folder).
  const name = `zz-new-record-${process.pid}.txt`;
  const text = `Harbour Board, 1 May 2031 (${process.pid})\n\nELENA QUILLBY: The zeppelin hangar at Marrowfield will reopen for the autumn lantern fair.\n`;
  // Meanwhile, as users asking during the rebuild: a question every 50 ms (how long it waits for
  // its turn: what the rebuild holds it up by; and its whole time, answer included), and a 5 ms
  // timer (how long the event loop is held by anything but those questions' own answering).
  let maxStall = 0;
  let asking = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    if (!withQuestions) return;
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last - asking - 5);
    asking = 0;
    last = now;
  }, 5);
  let maxWait = 0;
  let maxAsk = 0;
  let asked = 0;
  const askNext = (due: number): NodeJS.Timeout =>
    setTimeout(() => {
      const start = performance.now();
      askQuestion(ctx.index, 'what was said about cooperation at the harbour');
      asked++;
      const now = performance.now();
      asking += now - start;
      maxWait = Math.max(maxWait, start - due);
      maxAsk = Math.max(maxAsk, now - due);
      asker = askNext(now + 50);
    }, 50);
  let asker = withQuestions ? askNext(performance.now() + 50) : undefined;
  let swappedAt = 0;
  live.subscribe(() => (swappedAt = performance.now()));
  const w0 = performance.now();
  last = w0;
  writeFileSync(join(dir, name), text);
  // The first answer quoting it: asked as soon as the swap is made.
  for (;;) {
    if (swappedAt > 0) {
      const answer = askQuestion(ctx.index, 'zeppelin hangar lantern fair');
      if (answer.results.some((r) => r.meeting.id === name)) break;
      swappedAt = 0;
    }
    if (performance.now() - w0 > 60_000) throw new Error('the new record was never answered');
    await new Promise((r) => setTimeout(r, 2));
  }
  result.newFileMs = performance.now() - w0;
  result.rebuildMs = rebuildMs;
  // The profile statistics of the new corpus follow the swap (2 s later, then built).
  while (ctx.profileStats?.corpus !== ctx.corpus) {
    if (performance.now() - w0 > 120_000) throw new Error('the statistics were never built');
    await new Promise((r) => setTimeout(r, 10));
  }
  result.windowMs = performance.now() - w0;
  clearInterval(ticker);
  clearTimeout(asker);
  result.sliceMs = sliceMs ?? SLICE_MS;
  if (withQuestions) {
    result.maxStallMs = maxStall;
    result.maxWaitMs = maxWait;
    result.maxAskMs = maxAsk;
    result.asked = asked;
  }
  await live.close();
}
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
