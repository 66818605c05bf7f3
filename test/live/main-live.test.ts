// `npm start` in console mode on a folder that changes while it runs: a record added after
// startup is answered without a restart, and the next start takes unchanged records from the
// parse cache in DATA_DIR.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { report, waitFor } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-main-live-'));
const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-main-live-data-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const LIGHTHOUSE = 'The lighthouse repairs will start in the spring, once the scaffolding arrives.';
const BUOYS = 'We asked for new mooring buoys at the north quay before the regatta.';

function startConsole(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CORPUS_DIR: dir,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += String(c)));
  child.stderr.on('data', (c) => (err += String(c)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

describe('npm start with a live corpus folder', () => {
  it('answers a record added while the console runs, and restarts from the parse cache', async () => {
    writeFileSync(join(dir, 'harbour.txt'), report('Harbour Board', [['ELENA VARGA', LIGHTHOUSE]]));
    const run = startConsole();
    try {
      run.child.stdin.write('lighthouse repairs\n');
      await waitFor(() => run.out().includes(LIGHTHOUSE), 60_000, 'the first answer');

      writeFileSync(join(dir, 'quay.txt'), report('Quay Committee', [['TOM OKAFOR', BUOYS]]));
      await waitFor(
        async () => {
          run.child.stdin.write('mooring buoys\n');
          await new Promise((r) => setTimeout(r, 300));
          return run.out().includes(BUOYS);
        },
        30_000,
        'the new record to be answered',
      );
      expect(run.err()).toMatch(/"msg":"reports reloaded"/);
    } finally {
      run.child.stdin.end();
    }
    expect(await run.exited).toBe(0);

    const again = startConsole();
    again.child.stdin.end('mooring buoys\n');
    expect(await again.exited).toBe(0);
    expect(again.out()).toContain(BUOYS);
    const loaded = again
      .err()
      .split('\n')
      .filter((l) => l.includes('reports loaded and indexed'))
      .map((l) => JSON.parse(l) as { readFiles: number; fromCache: number });
    expect(loaded).toEqual([expect.objectContaining({ readFiles: 2, fromCache: 2 })]);
  });

  it('reads the folder once with CORPUS_WATCH=false', async () => {
    const run = startConsole({ CORPUS_WATCH: 'false' });
    try {
      run.child.stdin.write('lighthouse repairs\n');
      await waitFor(() => run.out().includes(LIGHTHOUSE), 60_000, 'the first answer');
      writeFileSync(
        join(dir, 'ferry.txt'),
        report('Ferry', [['TOM OKAFOR', 'The winter ferry timetable keeps the early crossing.']]),
      );
      // Long enough for a watcher to have picked it up (debounce and settle are under a second).
      await new Promise((r) => setTimeout(r, 2500));
      run.child.stdin.write('winter ferry timetable\n');
    } finally {
      run.child.stdin.end();
    }
    expect(await run.exited).toBe(0);
    expect(run.out()).not.toContain('The winter ferry timetable keeps the early crossing.');
  });
});
