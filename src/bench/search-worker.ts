// One search engine measured alone in its own process (so peak memory is its own): loads the
// generated corpus, builds the engine, runs the questions, prints one JSON line.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { loadCorpus } from '../corpus/load.js';
import type { Corpus, Statement } from '../corpus/types.js';
import { askQuestion, buildIndex } from '../search/engine.js';
import { miniSearchBaseline } from './minisearch-baseline.js';
import type { BenchQuestion } from './questions.js';
import { peakRssMb } from './table.js';

export interface WorkerResult {
  engine: string;
  statements: number;
  buildMs: number;
  /** User CPU time of the build (main thread and GC helpers). */
  buildCpuMs: number;
  latencies: number[];
  /** User CPU time per question: what the work costs when the CPUs are shared. */
  cpu: number[];
  hits: number;
  measured: number;
  questions: number;
  baseMb: number;
  peakMb: number;
  coldMs: number;
  /** Set when the time budget stopped the run early. */
  cut: boolean;
}

type Searcher = (q: string) => Statement[];

function buildOurs(corpus: Corpus): Searcher {
  const index = buildIndex(corpus);
  return (q) => askQuestion(index, q, { limit: 10 }).results.map((r) => r.statement);
}

function buildMiniSearch(corpus: Corpus): Searcher {
  return miniSearchBaseline(corpus, 10);
}

function buildFuse(corpus: Corpus): Searcher {
  const fuse = new Fuse(corpus.statements, {
    keys: ['text'],
    ignoreLocation: true,
    threshold: 0.4,
  });
  return (q) => fuse.search(q, { limit: 10 }).map((r) => r.item);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string' },
      dir: { type: 'string' },
      questions: { type: 'string' },
      budget: { type: 'string', default: '0' },
    },
  });
  const engine = values.engine ?? 'ours';
  const corpus = await loadCorpus(values.dir ?? '.');
  const questions = JSON.parse(readFileSync(values.questions ?? '', 'utf8')) as BenchQuestion[];
  global.gc?.();
  const baseMb = peakRssMb();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const search =
    engine === 'minisearch'
      ? buildMiniSearch(corpus)
      : engine === 'fuse'
        ? buildFuse(corpus)
        : buildOurs(corpus);
  const buildMs = performance.now() - t0;
  const buildCpuMs = process.cpuUsage(c0).user / 1000;
  const budget = Number(values.budget) || 0;
  const started = performance.now();
  const latencies: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  let cut = false;
  // A few untimed questions first (not for fuse.js, whose every question takes seconds): lazy
  // loading (WordNet files, JIT warm-up) is a one-off, reported as the cold first question.
  let coldMs = 0;
  if (engine !== 'fuse') {
    questions.slice(0, 3).forEach((q, i) => {
      const t = performance.now();
      search(q.q);
      if (i === 0) coldMs = performance.now() - t;
    });
  }
  for (const q of questions) {
    if (budget > 0 && performance.now() - started > budget) {
      cut = true;
      break;
    }
    const c = process.cpuUsage();
    const t = performance.now();
    const found = search(q.q);
    latencies.push(performance.now() - t);
    cpu.push(process.cpuUsage(c).user / 1000);
    if (found.some((s) => s.id === q.answer || s.text === q.text)) hits++;
  }
  const result: WorkerResult = {
    engine,
    statements: corpus.statements.length,
    buildMs,
    buildCpuMs,
    latencies,
    cpu,
    hits,
    measured: latencies.length,
    questions: questions.length,
    baseMb,
    peakMb: peakRssMb(),
    coldMs,
    cut,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`search-worker: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
