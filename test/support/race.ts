// Two processes racing on one store: a worker script started with `<where> <owner>`, which prints
// "ready", waits for "go" on its standard input, does its pass and prints its result as JSON.
import { spawn } from 'node:child_process';
import type { StoreSettings } from '../../src/store/open.js';
import { makeTempDir } from '../daily/helpers.js';
import { createTestDatabase } from './postgres.js';

export interface RaceWorker<R> {
  ready: Promise<void>;
  go(): void;
  done: Promise<R>;
}

export function startRaceWorker<R>(script: string, where: string, owner: string): RaceWorker<R> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, where, owner], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d) => {
    out += String(d);
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (d) => (err += String(d)));
  const done = new Promise<R>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      if (code !== 0) reject(new Error(`worker ${owner} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.slice('ready\n'.length)) as R);
    });
  });
  return { ready, go: () => child.stdin.write('go\n'), done };
}

/** The two places a store can be shared by processes: one SQLite DATA_DIR, one PostgreSQL database. */
export const SHARED_STORES: {
  name: string;
  make(): Promise<{ where: string; settings: StoreSettings }>;
}[] = [
  {
    name: 'SQLite in one DATA_DIR',
    make: async () => {
      const dir = makeTempDir();
      return { where: dir, settings: { dataDir: dir, databaseUrl: null } };
    },
  },
  {
    name: 'one PostgreSQL database',
    make: async () => {
      const url = await createTestDatabase();
      return { where: url, settings: { dataDir: '', databaseUrl: url } };
    },
  },
];
