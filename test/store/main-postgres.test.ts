// `npm start` with DATABASE_URL: the process keeps its data in PostgreSQL, not in DATA_DIR.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { DATABASE_FILE } from '../../src/store/sqlite.js';
import { createTestDatabase, queryDatabase } from '../support/postgres.js';

function runConsole(env: Record<string, string>, stdin: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CORPUS_DIR: 'seeds',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += String(c)));
  child.stderr.on('data', (c) => (err += String(c)));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, err })),
  );
}

describe('npm start with DATABASE_URL', () => {
  it('migrates PostgreSQL, keeps the buttons of an answer there, and writes no SQLite file', async () => {
    const url = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-pg-main-'));
    const run = await runConsole(
      { DATABASE_URL: url, DATA_DIR: dataDir },
      'what did khamenei say about trade with azerbaijan\n',
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('“The level of economic cooperation is very low');
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
    const versions = await queryDatabase<{ version: number }>(
      url,
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const states = await queryDatabase<{ value: string }>(url, 'SELECT value FROM button_state');
    expect(states.map((s) => JSON.parse(s.value) as { question: string })).toEqual([
      expect.objectContaining({
        kind: 'ask',
        question: 'what did khamenei say about trade with azerbaijan',
      }),
    ]);
  }, 60_000);
});
