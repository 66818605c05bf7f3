// The search bench: our engine against plain fuse.js and MiniSearch (stopwords + stemmer) on
// generated corpora of 1k, 10k and 100k statements, and on a conversational corpus (caption files
// of short turns) of 10k and 100k; each engine measured in its own process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadCorpus } from '../corpus/load.js';
import { generateReports } from './generate.js';
import { generateQuestions } from './questions.js';
import type { WorkerResult } from './search-worker.js';
import type { BenchTable } from './table.js';

const run = promisify(execFile);

/**
 * The worker compiled to plain JavaScript (esbuild, packages left external) and run by plain
 * node, so no TypeScript loader sits in the memory being measured; tsx when esbuild is missing.
 */
async function prepareWorker(): Promise<{ args: string[] }> {
  const source = fileURLToPath(new URL('./search-worker.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const outfile = join(root, 'node_modules', '.cache', 'verbatim-bench', 'search-worker.mjs');
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    return { args: ['--expose-gc', outfile] };
  } catch {
    return { args: ['--expose-gc', '--import', 'tsx', source] };
  }
}

export interface SearchBenchOptions {
  sizes?: number[];
  /** Sizes of the conversational corpus (many short turns); [] for none. */
  conversationalSizes?: number[];
  questions?: number;
  /** Query time budget for fuse.js per corpus size, in ms. */
  fuseBudgetMs?: number;
  /** Query time budget for MiniSearch per corpus size, in ms. */
  miniSearchBudgetMs?: number;
  statementsPerReport?: number;
  log?: (line: string) => void;
}

const ENGINES = ['ours', 'minisearch', 'fuse'] as const;
const LABEL: Record<string, string> = {
  ours: 'verbatim engine',
  minisearch: 'MiniSearch (stopwords+stemmer)',
  fuse: 'fuse.js (plain)',
};

// The bars issue 3 sets for our engine at 100k statements.
const BARS = { p50: 5, p95: 20, buildMs: 3000, peakMb: 300, hit10: 0.95 };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function runWorker(
  worker: { args: string[] },
  engine: string,
  dir: string,
  questions: string,
  budgetMs: number,
) {
  const { stdout } = await run(
    process.execPath,
    [
      ...worker.args,
      '--engine',
      engine,
      '--dir',
      dir,
      '--questions',
      questions,
      '--budget',
      String(budgetMs),
    ],
    { maxBuffer: 64 << 20, timeout: 15 * 60_000 },
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as WorkerResult;
}

interface Row {
  /** Which generated corpus: the mixed kinds of report, or conversation (short turns). */
  corpus: string;
  engine: string;
  statements: number;
  buildMs: number;
  p50: number;
  p95: number;
  p99: number;
  peakMb: number;
  baseMb: number;
  hit10: number;
  measured: number;
  coldMs: number;
  cut: boolean;
  buildCpuMs: number;
  cpuP50: number;
  cpuP95: number;
}

function toRow(r: WorkerResult, corpus: string): Row {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    corpus,
    engine: r.engine,
    statements: r.statements,
    buildMs: r.buildMs,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    peakMb: r.peakMb,
    baseMb: r.baseMb,
    hit10: r.measured > 0 ? r.hits / r.measured : NaN,
    measured: r.measured,
    coldMs: r.coldMs,
    cut: r.cut,
    buildCpuMs: r.buildCpuMs,
    cpuP50: percentile(
      [...r.cpu].sort((a, b) => a - b),
      50,
    ),
    cpuP95: percentile(
      [...r.cpu].sort((a, b) => a - b),
      95,
    ),
  };
}

export async function benchSearch(options: SearchBenchOptions = {}): Promise<BenchTable[]> {
  const sizes = options.sizes ?? [1_000, 10_000, 100_000];
  const perReport = options.statementsPerReport ?? 25;
  const count = options.questions ?? 500;
  const fuseBudget = options.fuseBudgetMs ?? 15_000;
  // MiniSearch takes about a quarter of a second per question at 100k: cap its run as well.
  const miniBudget = options.miniSearchBudgetMs ?? 60_000;
  const log = options.log ?? (() => {});
  const rows: Row[] = [];
  const notes: string[] = [];
  const worker = await prepareWorker();
  const runs = [
    ...sizes.map((size) => ({ size, corpus: 'reports' })),
    ...(options.conversationalSizes ?? [10_000, 100_000]).map((size) => ({
      size,
      corpus: 'conversation',
    })),
  ];
  for (const { size, corpus: corpusName } of runs) {
    const dir = mkdtempSync(join(tmpdir(), `verbatim-bench-${size}-`));
    try {
      const reports = generateReports({
        reports: Math.ceil(size / perReport),
        statementsPerReport: perReport,
        seed: 7,
        conversational: corpusName === 'conversation',
      });
      for (const r of reports) writeFileSync(join(dir, r.name), r.text);
      const corpus = await loadCorpus(dir);
      const questions = generateQuestions(corpus, count, 11);
      const qfile = join(dir, 'questions.json.bench');
      writeFileSync(qfile, JSON.stringify(questions));
      const typos = questions.filter((q) => q.typo).length;
      log(
        `${corpusName} corpus ${corpus.statements.length} statements in ${reports.length} reports; ${questions.length} questions (${typos} with a typo)`,
      );
      for (const engine of ENGINES) {
        log(`  ${engine}…`);
        const budget = engine === 'fuse' ? fuseBudget : engine === 'minisearch' ? miniBudget : 0;
        const result = await runWorker(worker, engine, dir, qfile, budget);
        rows.push(toRow(result, corpusName));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const table: BenchTable = {
    title: 'Search: /ask engines on generated corpora',
    columns: [
      'engine',
      'corpus',
      'statements',
      'build ms',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'peak RSS MB',
      'corpus-only MB',
      'hit@10',
      'questions run',
    ],
    rows: rows.map((r) => [
      LABEL[r.engine] ?? r.engine,
      r.corpus,
      r.statements,
      Math.round(r.buildMs),
      r.p50,
      r.p95,
      r.p99,
      Math.round(r.peakMb),
      Math.round(r.baseMb),
      Number.isNaN(r.hit10) ? 'n/a' : Number(r.hit10.toFixed(3)),
      r.cut
        ? `${r.measured} (time budget ${Math.round((r.engine === 'fuse' ? fuseBudget : miniBudget) / 1000)} s)`
        : r.measured,
    ]),
    notes,
  };

  notes.push(
    `Each engine runs alone in a fresh node process (${worker.args.includes('tsx') ? 'under tsx' : 'compiled by esbuild, no TypeScript loader'}); peak RSS is that whole process (Node + loaded corpus + engine + queries); "corpus-only" is its peak before the engine was built.`,
    'Latencies are wall-clock per question after 3 untimed warm-up questions (fuse.js: none).',
    `Machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (1/5/15 min) at the end of the run; other processes share the CPUs.`,
  );
  for (const { size, corpus: name } of runs) {
    const of = (engine: string) =>
      rows.find(
        (r) =>
          r.engine === engine &&
          r.corpus === name &&
          r.statements >= size * 0.9 &&
          r.statements <= size * 1.1,
      );
    const ours = of('ours');
    const mini = of('minisearch');
    const fuse = of('fuse');
    if (!ours || !mini) continue;
    const x = (a: number, b: number) => (a > 0 ? `${(b / a).toFixed(1)}x` : 'n/a');
    notes.push(
      `${name}, ${ours.statements} statements — MiniSearch/ours: build ${x(ours.buildMs, mini.buildMs)}, p50 ${x(ours.p50, mini.p50)}, p95 ${x(ours.p95, mini.p95)}, p99 ${x(ours.p99, mini.p99)}, peak memory ${x(ours.peakMb, mini.peakMb)}; hit@10 ${ours.hit10.toFixed(3)} vs ${mini.hit10.toFixed(3)}` +
        (fuse
          ? `; fuse.js/ours p50 ${x(ours.p50, fuse.p50)}, hit@10 ${Number.isNaN(fuse.hit10) ? 'n/a' : fuse.hit10.toFixed(3)} on ${fuse.measured} questions`
          : '') +
        `; our first (cold) question ${Math.round(ours.coldMs)} ms.`,
    );
  }
  const reportRows = rows.filter((r) => r.corpus === 'reports');
  const big = Math.max(...reportRows.map((r) => r.statements));
  const ours = reportRows.find((r) => r.engine === 'ours' && r.statements === big);
  const mini = reportRows.find((r) => r.engine === 'minisearch' && r.statements === big);
  const talk = rows.filter((r) => r.corpus === 'conversation' && r.engine === 'ours');
  const bigTalk = talk.sort((a, b) => b.statements - a.statements)[0];
  if (bigTalk) {
    notes.push(
      `Conversation corpus, ${bigTalk.statements} short turns: our p50 ${bigTalk.p50.toFixed(2)} ms, p95 ${bigTalk.p95.toFixed(2)} ms, build ${Math.round(bigTalk.buildMs)} ms, peak ${Math.round(bigTalk.peakMb)} MB, hit@10 ${bigTalk.hit10.toFixed(3)} (the same bars as below: ${
        bigTalk.p50 <= BARS.p50 &&
        bigTalk.p95 <= BARS.p95 &&
        bigTalk.buildMs <= BARS.buildMs &&
        bigTalk.peakMb <= BARS.peakMb
          ? 'met'
          : 'MISSED'
      }).`,
    );
  }
  if (ours) {
    const bar = (ok: boolean, text: string) => `${ok ? 'MET   ' : 'MISSED'} ${text}`;
    notes.push(
      `Bars at ${big} statements:`,
      bar(ours.p50 <= BARS.p50, `p50 ${ours.p50.toFixed(2)} ms <= ${BARS.p50} ms`),
      bar(ours.p95 <= BARS.p95, `p95 ${ours.p95.toFixed(2)} ms <= ${BARS.p95} ms`),
      bar(
        ours.buildMs <= BARS.buildMs,
        `build ${Math.round(ours.buildMs)} ms <= ${BARS.buildMs} ms`,
      ),
      bar(
        ours.peakMb <= BARS.peakMb,
        `peak memory ${Math.round(ours.peakMb)} MB <= ${BARS.peakMb} MB`,
      ),
      bar(ours.hit10 >= BARS.hit10, `hit@10 ${ours.hit10.toFixed(3)} >= ${BARS.hit10}`),
    );
    if (mini) {
      const ahead =
        ours.buildMs < mini.buildMs &&
        ours.p50 < mini.p50 &&
        ours.p95 < mini.p95 &&
        ours.p99 < mini.p99 &&
        ours.peakMb < mini.peakMb &&
        ours.hit10 >= mini.hit10;
      notes.push(
        bar(
          ahead,
          'ahead of MiniSearch on every column (build, p50, p95, p99, peak memory, hit@10)',
        ),
      );
    }
  }
  const cpuTable: BenchTable = {
    title: 'Search: CPU time of the same runs (less sensitive to other processes on the machine)',
    columns: ['engine', 'corpus', 'statements', 'build CPU ms', 'p50 CPU ms', 'p95 CPU ms'],
    rows: rows.map((r) => [
      LABEL[r.engine] ?? r.engine,
      r.corpus,
      r.statements,
      Math.round(r.buildCpuMs),
      r.cpuP50,
      r.cpuP95,
    ]),
    notes: ours
      ? [
          `Our engine at ${big} statements on CPU time: build ${Math.round(ours.buildCpuMs)} ms (bar ${BARS.buildMs}), p50 ${ours.cpuP50.toFixed(2)} ms (bar ${BARS.p50}), p95 ${ours.cpuP95.toFixed(2)} ms (bar ${BARS.p95}).`,
          'User CPU time of the process: it includes garbage-collector helper threads, so it can exceed wall time on an idle machine.',
        ]
      : [],
  };
  return [table, cpuTable];
}
