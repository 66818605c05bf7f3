// Bench section: one report with N distinct speakers (issue 15: loading was quadratic in N) —
// wall time of loading it in a fresh process, per N and style, against the bar of 10k in 10 s.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateManySpeakers } from './generate-speakers.js';
import { loadInChild } from './load.js';
import type { BenchTable } from './table.js';

const BAR_MS = 10_000;
const BAR_SPEAKERS = 10_000;

export async function benchSpeakers(
  sizes: number[] = [1_000, 2_000, 10_000],
  styles: ('transcript' | 'news')[] = ['transcript', 'news'],
): Promise<BenchTable[]> {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const style of styles) {
    for (const n of sizes) {
      const dir = await mkdtemp(join(tmpdir(), 'verbatim-speakers-'));
      try {
        const { text } = generateManySpeakers({ speakers: n, style });
        await writeFile(join(dir, `2026-03-03-assembly-${style}.txt`), text);
        const res = loadInChild(dir);
        if (typeof res === 'string') {
          notes.push(`${style}, ${n} speakers: the load process failed (${res})`);
          continue;
        }
        rows.push([
          style,
          n,
          (Buffer.byteLength(text) / 1024 / 1024).toFixed(1),
          res.statements,
          res.speakers,
          Number((res.ms / 1000).toFixed(2)),
          Number((res.cpuMs / 1000).toFixed(2)),
          Number(((res.ms / n) * 1000).toFixed(0)),
          Math.round(res.peakMb),
        ]);
        if (n === BAR_SPEAKERS)
          notes.push(
            `${style}, ${n.toLocaleString('en')} distinct speakers in one file: load ${(res.ms / 1000).toFixed(2)} s (bar ≤ ${BAR_MS / 1000} s: ${res.ms <= BAR_MS ? 'met' : 'MISSED'}).`,
          );
        if (res.unattributed > 0)
          notes.push(`${style}, ${n} speakers: ${res.unattributed} statements without a speaker.`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
  notes.push(
    'µs/speaker = load time / N: flat as N grows when speaker resolution is near-linear. Found speakers < N where invented names are near spellings of each other with the same first name (the corpus merge joins those, as it would "Aliev" and "Aliyev").',
  );
  return [
    {
      title: 'Many distinct speakers (one generated report, loadCorpus in a fresh process)',
      columns: [
        'style',
        'N speakers',
        'MB',
        'statements',
        'speakers found',
        'load s',
        'cpu s',
        'µs/speaker',
        'peak MB',
      ],
      rows,
      notes,
    },
  ];
}
