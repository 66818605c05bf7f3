// Runs a short script as the unprivileged user `nobody`: as root, permissions are never denied,
// so a test of an unreadable folder or a read-only DATA_DIR runs its code in such a child.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const NOBODY = 65534;
const ROOT = resolve(import.meta.dirname, '..', '..');

/** True when this process may switch user (it runs as root); otherwise it IS unprivileged. */
export const runsAsRoot = process.getuid?.() === 0;

let reachableRoot: string | null = null;

/**
 * The project as `nobody` can read it. A clone inside a private folder (`mktemp -d` makes 0700
 * folders) is out of `nobody`'s reach: then the code and its packages are mirrored once into a
 * readable temporary folder (hard links where the file system allows, else copies).
 */
function projectRoot(): string {
  if (reachableRoot) return reachableRoot;
  if (!runsAsRoot || othersCanReach(ROOT)) return (reachableRoot = ROOT);
  const mirror = mkdtempSync(join(tmpdir(), 'verbatim-mirror-'));
  chmodSync(mirror, 0o755);
  const parts = ['package.json', 'tsconfig.json', 'src', 'commands', 'seeds', 'node_modules'];
  for (const flags of ['-al', '-a']) {
    const cp = spawnSync('cp', [flags, ...parts.map((x) => join(ROOT, x)), mirror]);
    if (cp.status === 0) break;
  }
  process.on('exit', () => rmSync(mirror, { recursive: true, force: true }));
  return (reachableRoot = mirror);
}

/** Whether every folder above `dir`, and `dir` itself, lets other users pass through. */
function othersCanReach(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/** A path to a module of the project, for `import` in a script run by runAsNobody. */
export function projectModule(relativePath: string): string {
  return JSON.stringify(join(projectRoot(), relativePath));
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
      cwd: projectRoot(),
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
