// Runs a short script as the unprivileged user `nobody`: as root, permissions are never denied,
// so a test of an unreadable folder or a read-only DATA_DIR runs its code in such a child.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const NOBODY = 65534;
const ROOT = resolve(import.meta.dirname, '..', '..');

/** True when this process may switch user (it runs as root); otherwise it IS unprivileged. */
export const runsAsRoot = process.getuid?.() === 0;

/** A path to a module of the project, for `import` in a script run by runAsNobody. */
export function projectModule(relativePath: string): string {
  return JSON.stringify(join(ROOT, relativePath));
}

/**
 * Runs `source` (a TypeScript module) as `nobody` when this process is root, else as the
 * current user, and returns what it printed. The script must print one JSON line.
 */
export async function runUnprivileged(source: string): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-nobody-'));
  chmodSync(dir, 0o755);
  const file = join(dir, 'script.mts');
  writeFileSync(file, source, { mode: 0o644 });
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runsAsRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (err += String(c)));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    if (code !== 0) throw new Error(`the unprivileged script failed (${code}): ${err}`);
    return JSON.parse(out.trim().split('\n').pop() ?? 'null');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
