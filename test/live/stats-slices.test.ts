// /who and /meeting right after the reports changed: their statistics are not built yet, and are
// built a slice at a time, so questions asked meanwhile are answered at once; /who still answers
// with the profile (the router shows "thinking…" while it waits).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { generateReports } from '../../src/bench/generate.js';
import { createConsoleSession } from '../../src/console/session.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildIndex } from '../../src/search/engine.js';
import { makeTestContext } from '../support/app-context.js';
import { report } from './support.js';

/** Enough generated (fictional) records that their statistics take a while to build. */
const RECORDS = 2000;
const MAX_STALL_MS = 250;

const dir = mkdtempSync(join(tmpdir(), 'verbatim-stats-slices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('/who and /meeting before the statistics of new reports are built', () => {
  it('build them a slice at a time: questions meanwhile are answered, and /who answers', async () => {
    for (const r of generateReports({ reports: RECORDS, seed: 4 }))
      writeFileSync(join(dir, r.name), r.text);
    writeFileSync(
      join(dir, 'guild-hall.txt'),
      report('Guild Hall, 2 February 2031', [
        ['OSWIN TARRANT', 'The ropewalk at Marrowfield will be restored before winter.'],
      ]),
    );
    const corpus = await loadCorpus(dir);
    const ctx = makeTestContext({ corpus, index: buildIndex(corpus) });
    expect(ctx.profileStats).toBeUndefined();
    const session = createConsoleSession(ctx, commands);

    let maxStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxStall = Math.max(maxStall, now - last - 5);
      last = now;
    }, 5);
    const answers: string[] = [];
    let asking = true;
    const asker = (async () => {
      while (asking) {
        await new Promise((r) => setTimeout(r, 20));
        answers.push((await session.handleLine('/ask question:"ropewalk marrowfield"')).text);
      }
    })();
    const started = performance.now();
    last = started;
    const who = await session.handleLine('/who speaker:"Oswin Tarrant"');
    const whoMs = performance.now() - started;
    asking = false;
    await asker;
    clearInterval(ticker);

    expect(who.text).toContain('Oswin Tarrant');
    expect(who.text).toContain('ropewalk');
    // The build took a while, and questions were answered during it.
    expect(whoMs).toBeGreaterThan(100);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    for (const a of answers) expect(a).toContain('ropewalk');
    expect(maxStall, `the event loop was held for ${Math.round(maxStall)} ms`).toBeLessThan(
      MAX_STALL_MS,
    );
    expect(ctx.profileStats?.corpus).toBe(ctx.corpus);
  }, 60_000);
});
