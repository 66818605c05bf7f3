// Bench section: loading a generated corpus (5,000 reports of ~3 KB) from disk — wall time and
// peak memory of a fresh process, against the bars of issue 2 (under 5 s, under 400 MB).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
      const res = loadInChild(dir);
      if (typeof res === 'string') {
        notes.push(`${n} reports: the load process failed (${res})`);
        continue;
      }
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
        notes.push(
          `5,000 reports: load ${(res.ms / 1000).toFixed(2)} s (bar < ${BAR_MS / 1000} s: ${res.ms < BAR_MS ? 'met' : 'MISSED'}), peak ${Math.round(res.peakMb)} MB (bar < ${BAR_MB} MB: ${res.peakMb < BAR_MB ? 'met' : 'MISSED'}).`,
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
