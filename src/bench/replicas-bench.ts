// `npm run bench -- replicas`: interactions per second and time to the first answer for one and
// for two replica processes in HTTP interactions mode, behind the round-robin proxy, fed signed
// interactions by the fake Discord (which also takes the callbacks and follow-ups).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord } from '../../test/support/fake-discord.js';
import type { FakeDiscord, FakeInteraction } from '../../test/support/fake-discord.js';
import { loadCorpus } from '../corpus/load.js';
import { generateReports } from './generate.js';
import { generateQuestions } from './questions.js';
import { startReplica } from './replicas.js';
import type { Replica } from './replicas.js';
import { startRoundRobinProxy } from './round-robin.js';
import type { BenchTable } from './table.js';

export interface ReplicaBenchOptions {
  /** Interactions measured per run (after a warm-up). */
  count?: number;
  /** Interactions in flight at once. */
  concurrency?: number;
  /** Generated reports the replicas load (24 statements each). */
  reports?: number;
}

/** What the interactions ask: questions with a known answer, and speakers, from the corpus. */
interface Workload {
  questions: string[];
  speakers: string[];
}

interface Run {
  replicas: number;
  seconds: number;
  latencies: number[];
  /** Interactions that got no answer at all. */
  unanswered: number;
  /** Interactions answered more than once (each must be answered exactly once). */
  answeredTwice: number;
}

function send(fake: FakeDiscord, work: Workload, n: number): FakeInteraction {
  const question = work.questions[n % work.questions.length] ?? 'budget';
  const speaker = work.speakers[n % work.speakers.length] ?? '';
  switch (n % 5) {
    case 0:
    case 1:
      return fake.sendCommand('ask', { question });
    case 2:
      return fake.sendAutocomplete('ask', { question, speaker: speaker.slice(0, 3) }, 'speaker');
    case 3:
      return fake.sendCommand('who', { speaker });
    default:
      return fake.sendCommand('quote', { random: true });
  }
}

async function drive(
  fake: FakeDiscord,
  work: Workload,
  count: number,
  concurrency: number,
  offset: number,
): Promise<FakeInteraction[]> {
  const done: FakeInteraction[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const interaction = send(fake, work, offset + next++);
      await interaction.delivery;
      done.push(interaction);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return done;
}

async function measure(
  replicaCount: number,
  options: Required<ReplicaBenchOptions>,
  corpusDir: string,
  work: Workload,
): Promise<Run> {
  const fake = await startFakeDiscord();
  const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-bench-replicas-'));
  const replicas: Replica[] = [];
  try {
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: fake.publicKeyHex,
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      ASK_COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < replicaCount; i++) replicas.push(await startReplica(env));
    await Promise.all(replicas.map((r) => r.ready(60_000)));
    const proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
    fake.deliverOverHttp(`${proxy.url}/interactions`);
    await drive(fake, work, 40, options.concurrency, 0);
    const started = performance.now();
    const done = await drive(fake, work, options.count, options.concurrency, 40);
    const seconds = (performance.now() - started) / 1000;
    await proxy.close();
    return {
      replicas: replicaCount,
      seconds,
      latencies: done
        .filter((i) => i.answeredAt !== null)
        .map((i) => (i.answeredAt ?? 0) - i.sentAt)
        .sort((a, b) => a - b),
      unanswered: done.filter((i) => i.callbacks.length === 0).length,
      answeredTwice: done.filter((i) => i.callbacks.length > 1).length,
    };
  } finally {
    for (const replica of replicas) replica.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r.exited));
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export async function benchReplicas(options: ReplicaBenchOptions = {}): Promise<BenchTable[]> {
  const settings: Required<ReplicaBenchOptions> = {
    count: options.count ?? 600,
    concurrency: options.concurrency ?? 24,
    reports: options.reports ?? 500,
  };
  const corpusDir = mkdtempSync(join(tmpdir(), 'verbatim-bench-replicas-corpus-'));
  const runs: Run[] = [];
  const size = { statements: 0 };
  try {
    for (const report of generateReports({ reports: settings.reports, seed: 3 }))
      writeFileSync(join(corpusDir, report.name), report.text);
    const corpus = await loadCorpus(corpusDir);
    size.statements = corpus.statements.length;
    const work: Workload = {
      questions: generateQuestions(corpus, 60).map((q) => q.q),
      speakers: corpus.speakers.slice(0, 40).map((s) => s.name),
    };
    for (const n of [1, 2]) runs.push(await measure(n, settings, corpusDir, work));
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }
  const one = runs[0];
  const two = runs[1];
  const notes = [
    `${settings.count} signed interactions per run after 40 to warm up (2/5 /ask, 1/5 autocomplete, 1/5 /who, 1/5 /quote), ${settings.concurrency} in flight, on ${settings.reports} generated reports (${size.statements} statements).`,
    'First answer: from the POST leaving the fake Discord to the callback reaching it (in the response body), through the proxy. Discord allows 3 s.',
  ];
  if (one && two)
    notes.push(
      `Two replicas: ${(one.seconds / two.seconds).toFixed(2)}× the throughput of one. The fake Discord, the proxy and the load share the same ${availableParallelism()} cores as the replicas, so this understates what separate machines give.`,
    );
  const worst = Math.max(...runs.map((r) => quantile(r.latencies, 0.95)));
  notes.push(
    worst < 3000
      ? `p95 first answer ${Math.round(worst)} ms: within Discord's 3 s.`
      : `p95 first answer ${Math.round(worst)} ms: OVER Discord's 3 s.`,
  );
  return [
    {
      title: 'HTTP interactions: one replica vs two behind a round-robin proxy',
      columns: [
        'replicas',
        'interactions/s',
        'p50 first answer ms',
        'p95 first answer ms',
        'max ms',
        'unanswered',
        'answered twice',
      ],
      rows: runs.map((r) => [
        r.replicas,
        Math.round((settings.count / r.seconds) * 10) / 10,
        Math.round(quantile(r.latencies, 0.5)),
        Math.round(quantile(r.latencies, 0.95)),
        Math.round(r.latencies[r.latencies.length - 1] ?? NaN),
        r.unanswered,
        r.answeredTwice,
      ]),
      notes,
    },
  ];
}
