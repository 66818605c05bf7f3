// Questions asked while the live corpus rebuilds a corpus of a few thousand records (the real
// watcher on a temporary folder) are answered at once on the old corpus: the rebuild runs in
// slices and never holds the event loop for long; the swap comes at once, and the next question
// sees the new record.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { generateReports } from '../../src/bench/generate.js';
import { createConsoleSession } from '../../src/console/session.js';
import { CorpusLoader } from '../../src/live/loader.js';
import { buildCorpusState, startLiveCorpus } from '../../src/live/live-corpus.js';
import { makeTestContext } from '../support/app-context.js';
import { report, waitFor } from './support.js';

/** Enough generated (fictional) records that building their corpus and index takes a while. */
const RECORDS = 2000;
const OLD = 'The ropewalk at Marrowfield will be restored by the guild of netmakers before winter.';
const NEW = 'Ms Quillby said the zeppelin hangar will reopen for the lantern fair in Brackenmoor.';
/** The longest the event loop may be held while the rebuild runs (in one go it is far longer). */
const MAX_STALL_MS = 250;
/** The longest a question asked meanwhile may take, from asking to its answer. */
const MAX_ANSWER_MS = 500;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('questions during a rebuild of the live corpus', () => {
  it('are answered at once on the old corpus; the next one after the swap sees the new record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-live-rebuild-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-live-rebuild-data-'));
    cleanups.push(() => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    });
    for (const r of generateReports({ reports: RECORDS, seed: 3 }))
      writeFileSync(join(dir, r.name), r.text);
    writeFileSync(
      join(dir, 'guild-hall.txt'),
      report('Guild Hall, 2 February 2031', [['OSWIN TARRANT', OLD]]),
    );
    const ctx = makeTestContext({ config: { corpusDir: dir, dataDir } });
    const loader = new CorpusLoader({ dir, cacheDir: dataDir, log: ctx.log });
    const state = await buildCorpusState(loader);
    ctx.corpus = state.corpus;
    ctx.index = state.index;
    const live = startLiveCorpus({ ctx, loader, log: ctx.log, debounceMs: 50, statsDelayMs: 0 });
    cleanups.push(() => live.close());
    await live.ready();
    await live.prepared();
    const session = createConsoleSession(ctx, commands);
    const ask = async (q: string) => (await session.handleLine(`/ask question:"${q}"`)).text;
    expect(await ask('ropewalk netmakers guild')).toContain(OLD);

    // A 5 ms timer: how long the event loop is held, from the write until the statistics for
    // /who and /meeting of the new corpus are built too.
    let maxStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxStall = Math.max(maxStall, now - last - 5);
      last = now;
    }, 5);
    cleanups.push(() => clearInterval(ticker));
    // A question every 30 ms meanwhile, as people keep asking: how long from when it is asked
    // (its timer is due) until it is answered, waiting for its turn included.
    const asked: { at: number; ms: number; text: string }[] = [];
    let asking = true;
    const asker = (async () => {
      while (asking) {
        const at = performance.now() + 30;
        await new Promise((r) => setTimeout(r, 30));
        const text = await ask('ropewalk netmakers guild');
        asked.push({ at, ms: performance.now() - at, text });
      }
    })();
    let swappedAt = 0;
    live.subscribe(() => (swappedAt ||= performance.now()));

    const written = performance.now();
    last = written;
    writeFileSync(
      join(dir, 'zz-hangar.txt'),
      report('Brackenmoor Fair Committee, 4 May 2031', [['MARGIT QUILLBY', NEW]]),
    );
    await waitFor(() => swappedAt > 0, 60_000, 'the swap');
    // The next question sees the new record.
    expect(await ask('zeppelin hangar lantern fair')).toContain(NEW);
    await waitFor(() => ctx.profileStats?.corpus === ctx.corpus, 60_000, 'the statistics');
    clearInterval(ticker);
    asking = false;
    await asker;

    // The rebuild (from its start to the swap) took a while: that is what questions had to wait
    // for when it ran in one go.
    const reloaded = ctx.logLines().find((l) => l.msg === 'reports reloaded');
    const rebuildMs = Number(reloaded?.ms);
    expect(rebuildMs, 'the rebuild took long enough to matter').toBeGreaterThan(200);
    const rebuildStart = swappedAt - rebuildMs;
    expect(rebuildStart).toBeGreaterThan(written);
    // Questions asked and answered while it ran: on the old corpus, promptly.
    const during = asked.filter((a) => a.at >= rebuildStart && a.at + a.ms <= swappedAt);
    expect(
      during.length,
      `${during.length} questions answered during the rebuild`,
    ).toBeGreaterThanOrEqual(3);
    for (const a of during) {
      expect(a.text).toContain(OLD);
      expect(a.text).not.toContain(NEW);
    }
    const slowest = Math.max(...asked.map((a) => a.ms));
    expect(slowest, `the slowest question took ${Math.round(slowest)} ms`).toBeLessThan(
      MAX_ANSWER_MS,
    );
    expect(maxStall, `the event loop was held for ${Math.round(maxStall)} ms`).toBeLessThan(
      MAX_STALL_MS,
    );
  }, 60_000);
});
