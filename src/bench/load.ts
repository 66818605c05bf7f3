// Bench section: loading a generated corpus (5,000 reports of ~3 KB) from disk — wall time and
// peak memory of a fresh process, against the bars of issue 2 (under 5 s, under 400 MB).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReports } from './generate.js';
import type { BenchTable } from './table.js';

/** What `load-child.ts` prints: one corpus load measured in a fresh process. */
export interface LoadChildResult {
  ms: number;
  cpuMs: number;
  peakMb: number;
  heapMb: number;
  meetings: number;
  speakers: number;
  statements: number;
  unattributed: number;
  warnings: number;
  kinds: { quote: number; paraphrase: number; turn: number };
}

const BAR_MS = 5000;
const BAR_MB = 400;
/**
 * Fresh processes that load the 5,000 reports: the machine is shared, so one load can take a
 * third longer than the next; the bar is judged on the median, and the range is printed.
 */
const RUNS_AT_BAR = 3;

export async function benchLoad(sizes: number[] = [500, 5000]): Promise<BenchTable[]> {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const n of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-load-'));
    try {
      const reports = generateReports({ reports: n, seed: 1 });
      let bytes = 0;
      for (const r of reports) {
        bytes += Buffer.byteLength(r.text);
        await writeFile(join(dir, r.name), r.text);
      }
      const runs: LoadChildResult[] = [];
      let failed: string | null = null;
      for (let k = 0; k < (n === 5000 ? RUNS_AT_BAR : 1) && failed === null; k++) {
        const one = loadInChild(dir);
        if (typeof one === 'string') failed = one;
        else runs.push(one);
      }
      if (failed !== null) {
        notes.push(`${n} reports: the load process failed (${failed})`);
        continue;
      }
      // The median run by wall time (the only one for a single run).
      const byTime = [...runs].sort((a, b) => a.ms - b.ms);
      const res = byTime[Math.floor(byTime.length / 2)] as LoadChildResult;
      rows.push([
        n,
        Number((bytes / n / 1024).toFixed(1)),
        res.statements,
        `${res.kinds.quote}/${res.kinds.paraphrase}/${res.kinds.turn}`,
        res.speakers,
        Number((res.ms / 1000).toFixed(2)),
        Number((res.cpuMs / 1000).toFixed(2)),
        Math.round(res.peakMb),
      ]);
      if (n === 5000) {
        const seconds = (ms: number) => (ms / 1000).toFixed(2);
        const range =
          runs.length > 1
            ? ` (median of ${runs.length} fresh processes: ${runs.map((r) => seconds(r.ms)).join(', ')} s; cpu ${runs.map((r) => seconds(r.cpuMs)).join(', ')} s)`
            : '';
        const peak = Math.max(...runs.map((r) => r.peakMb));
        notes.push(
          `5,000 reports: load ${seconds(res.ms)} s${range} (bar < ${BAR_MS / 1000} s: ${res.ms < BAR_MS ? 'met' : 'MISSED'}), peak ${Math.round(peak)} MB (bar < ${BAR_MB} MB: ${peak < BAR_MB ? 'met' : 'MISSED'}).`,
        );
      }
      if (res.unattributed > 0)
        notes.push(
          `${n} reports: ${res.unattributed} statements without a speaker (the generator names every speaker).`,
        );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  notes.push(
    'cpu s = processor time of the loading process (all threads): above load s when GC runs in parallel, below it when other programs share the machine.',
  );
  notes.push(
    'Peak = max resident memory of a fresh Node process that only loads the folder (includes Node and tsx).',
    `Machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (1/5/15 min) at the end of the section; other processes share the CPUs.`,
  );
  return [
    {
      title: 'Corpus load (generated reports on disk, loadCorpus in a fresh process)',
      columns: [
        'reports',
        'KB/report',
        'statements',
        'quote/para/turn',
        'speakers',
        'load s',
        'cpu s',
        'peak MB',
      ],
      rows,
      notes,
    },
  ];
}

/** Loads `dir` with `loadCorpus` in a fresh process (its own peak memory); a string when it failed. */
export function loadInChild(dir: string): LoadChildResult | string {
  const child = fileURLToPath(new URL('./load-child.ts', import.meta.url));
  const out = spawnSync(process.execPath, ['--import', 'tsx', child, dir], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as LoadChildResult;
  } catch {
    return (out.stderr || 'no output').trim().split('\n').slice(-1)[0] ?? 'no output';
  }
}
