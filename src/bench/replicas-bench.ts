// `npm run bench -- replicas`: interactions per second and time to the first answer for one and
// for two replica processes in HTTP interactions mode, behind the round-robin proxy, fed signed
// interactions by the fake Discord (which also takes the callbacks and follow-ups).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord } from '../../test/support/fake-discord.js';
import type { FakeDiscord, FakeInteraction } from '../../test/support/fake-discord.js';
import { startReplica } from './replicas.js';
import type { Replica } from './replicas.js';
import { startRoundRobinProxy } from './round-robin.js';
import type { BenchTable } from './table.js';

const QUESTIONS = [
  'what did khamenei say about trade with azerbaijan',
  'railways',
  'economic cooperation',
  'what did aliyev say about the caspian sea',
  'gas pipelines',
  'the level of trade between the two countries',
];

export interface ReplicaBenchOptions {
  /** Interactions measured per run (after a warm-up). */
  count?: number;
  /** Interactions in flight at once. */
  concurrency?: number;
  corpusDir?: string;
}

interface Run {
  replicas: number;
  seconds: number;
  latencies: number[];
  unanswered: number;
}

function send(fake: FakeDiscord, n: number): FakeInteraction {
  const question = QUESTIONS[n % QUESTIONS.length] ?? 'trade';
  switch (n % 5) {
    case 0:
    case 1:
      return fake.sendCommand('ask', { question });
    case 2:
      return fake.sendAutocomplete('ask', { question, speaker: 'ali' }, 'speaker');
    case 3:
      return fake.sendCommand('who', { speaker: 'Ilham Aliyev' });
    default:
      return fake.sendCommand('quote', { random: true });
  }
}

async function drive(
  fake: FakeDiscord,
  count: number,
  concurrency: number,
  offset: number,
): Promise<FakeInteraction[]> {
  const done: FakeInteraction[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const interaction = send(fake, offset + next++);
      await interaction.delivery;
      done.push(interaction);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return done;
}

async function measure(replicaCount: number, options: Required<ReplicaBenchOptions>): Promise<Run> {
  const fake = await startFakeDiscord();
  const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-bench-replicas-'));
  const replicas: Replica[] = [];
  try {
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: fake.publicKeyHex,
      CORPUS_DIR: options.corpusDir,
      DATA_DIR: dataDir,
      ASK_COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < replicaCount; i++) replicas.push(await startReplica(env));
    await Promise.all(replicas.map((r) => r.ready(60_000)));
    const proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
    fake.deliverOverHttp(`${proxy.url}/interactions`);
    await drive(fake, 40, options.concurrency, 0);
    const started = performance.now();
    const done = await drive(fake, options.count, options.concurrency, 40);
    const seconds = (performance.now() - started) / 1000;
    await proxy.close();
    return {
      replicas: replicaCount,
      seconds,
      latencies: done
        .filter((i) => i.answeredAt !== null)
        .map((i) => (i.answeredAt ?? 0) - i.sentAt)
        .sort((a, b) => a - b),
      unanswered: done.filter((i) => i.callbacks.length !== 1).length,
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
    corpusDir: options.corpusDir ?? 'seeds',
  };
  const runs: Run[] = [];
  for (const n of [1, 2]) runs.push(await measure(n, settings));
  const one = runs[0];
  const two = runs[1];
  const notes = [
    `${settings.count} signed interactions per run after 40 to warm up (2/5 /ask, 1/5 autocomplete, 1/5 /who, 1/5 /quote), ${settings.concurrency} in flight, CORPUS_DIR=${settings.corpusDir}.`,
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
      ],
      rows: runs.map((r) => [
        r.replicas,
        Math.round((settings.count / r.seconds) * 10) / 10,
        Math.round(quantile(r.latencies, 0.5)),
        Math.round(quantile(r.latencies, 0.95)),
        Math.round(r.latencies[r.latencies.length - 1] ?? NaN),
        r.unanswered,
      ]),
      notes,
    },
  ];
}
