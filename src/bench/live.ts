// Bench section for the live corpus at 5,000 generated reports: startup cold (every record
// parsed) and from the parse cache, each in a fresh process, and the time from a new record on
// disk to the first /ask answer that quotes it, with the watcher's production settings, and how
// questions asked meanwhile fare: the rebuild in slices (as the bot runs it) against in one go.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReports } from './generate.js';
import type { LiveChildResult } from './live-child.js';
import type { BenchTable } from './table.js';

const REPORTS = 5_000;
const READY_BAR_MS = 1500;
const NEW_FILE_BAR_MS = 2000;
/** A question asked during a rebuild waits at most this long for its turn. */
const WAIT_BAR_MS = 100;

export async function benchLive(): Promise<BenchTable[]> {
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-live-bench-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'verbatim-live-bench-data-'));
  try {
    for (const r of generateReports({ reports: REPORTS, seed: 1 }))
      await writeFile(join(dir, r.name), r.text);
    const cold = runChild(dir, dataDir);
    const cached = runChild(dir, dataDir);
    const live = runChild(dir, dataDir, '--new-file');
    // Again with a question every 50 ms meanwhile: the rebuild in slices (as the bot runs it),
    // and each build in one go (how every rebuild ran before slicing).
    const sliced = runChild(dir, dataDir, '--new-file', '--questions');
    const oneGo = runChild(dir, dataDir, '--new-file', '--questions', '--slice-ms=0');
    const s = (ms: number) => Number((ms / 1000).toFixed(2));
    const row = (name: string, r: LiveChildResult) => [
      name,
      r.read,
      r.cached,
      s(r.readyMs),
      s(r.readyCpuMs),
      s(r.loadMs),
      s(r.indexMs),
      s(r.firstAskMs),
      s(r.statsMs),
      r.readyMs <= READY_BAR_MS ? 'yes' : 'NO',
    ];
    const notes = [
      `Ready = corpus read and built, index built, first question answered (what the bot needs before its first answer). Profile statistics for /who and /meeting are built just after, off the path of the first answer.`,
      `New record on disk → first /ask answer quoting it: ${s(live.newFileMs ?? 0)} s (goal ≤ ${NEW_FILE_BAR_MS / 1000} s: ${(live.newFileMs ?? Infinity) <= NEW_FILE_BAR_MS ? 'met' : 'MISSED'}); of which the rebuild (rescan, read, corpus, index, swap) took ${s(live.rebuildMs ?? 0)} s, the rest is the debounce (0.2 s) and the settle check (a file modified in the last 0.5 s is read once two looks 0.15 s apart find its size and time unchanged). The record is written once the watcher is ready and the start-up preparation for quick rebuilds is done (it ran ${s(live.prepareMs ?? 0)} s more after the watcher was ready; a record arriving before that is read with a full index build).`,
      `Load = scan, read and hash every file, parse it or take it from the cache, build the corpus. Worker thread: handing a built corpus back to the main thread (a structured clone) took ${s(cached.cloneMs)} s against ${s(cached.loadMs)} s to read it from the cache and build it here${cached.cloneMs > cached.loadMs ? ', so the rebuild stays on the main thread' : ''}.`,
      `Cached start vs cold: ${(cold.readyMs / cached.readyMs).toFixed(1)}× faster. Load average at the end: ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} CPUs (other programs share them: times are wall clock).`,
    ];
    const ms = (v: number | undefined) => Math.round(v ?? NaN);
    const during = (name: string, r: LiveChildResult) => [
      name,
      s(r.newFileMs ?? NaN),
      s(r.rebuildMs ?? NaN),
      s(r.windowMs ?? NaN),
      r.asked ?? 0,
      ms(r.maxWaitMs),
      ms(r.maxAskMs),
      ms(r.maxStallMs),
      (r.maxWaitMs ?? Infinity) <= WAIT_BAR_MS ? 'yes' : 'NO',
    ];
    return [
      {
        title: `Live corpus: startup cold vs from the parse cache, ${REPORTS.toLocaleString('en')} generated reports (fresh process each)`,
        columns: [
          'startup',
          'files read',
          'from cache',
          'ready s',
          'ready cpu s',
          'load s',
          'index s',
          'first ask s',
          'profile stats s',
          `ready ≤ ${READY_BAR_MS / 1000} s`,
        ],
        rows: [row('cold (no cache)', cold), row('cached (unchanged records)', cached)],
        notes,
      },
      {
        title: `Live corpus: questions during a rebuild after a new record, ${REPORTS.toLocaleString('en')} generated reports (a question every 50 ms from the write until the new profile statistics are built)`,
        columns: [
          'rebuild',
          'new record → answer s',
          'rebuild s',
          'window s',
          'questions',
          'longest wait ms',
          'slowest question ms',
          'longest stall ms',
          `wait ≤ ${WAIT_BAR_MS} ms`,
        ],
        rows: [
          during(`in slices of ${sliced.sliceMs ?? '?'} ms (now)`, sliced),
          during('in one go (before)', oneGo),
        ],
        notes: [
          `Wait = from when a question is due until it starts being answered (what the rebuild holds it up by); slowest question = wait + its own answer; stall = the longest a 5 ms timer was held by anything but those questions. The window runs from the write to the profile statistics for /who and /meeting of the new corpus (built 2 s after the swap). In slices, the rebuild (rescan, corpus, index) and then the statistics and the cache save let the event loop through every ${sliced.sliceMs ?? '?'} ms: the rebuild takes longer in wall time (the questions answered meanwhile share the CPU; without them, the new record → answer line above), answers meanwhile come from the old corpus. Times are wall clock on a shared machine: a stall also counts the time the OS gave the CPU to other programs.`,
        ],
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}

function runChild(dir: string, dataDir: string, ...flags: string[]): LiveChildResult {
  const child = fileURLToPath(new URL('./live-child.ts', import.meta.url));
  const out = spawnSync(process.execPath, ['--import', 'tsx', child, dir, dataDir, ...flags], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as LiveChildResult;
  } catch {
    throw new Error((out.stderr || 'no output').trim().split('\n').slice(-3).join(' '));
  }
}
