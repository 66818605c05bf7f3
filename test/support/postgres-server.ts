// A real, throwaway PostgreSQL for the tests: Debian's server binaries (initdb + postgres) on a
// temporary folder and a free port of 127.0.0.1, fsync off. PostgreSQL refuses to run as root,
// so as root the server runs as the `postgres` user (else `nobody`) through setpriv. Missing
// binaries are an error that says how to install them, never a silent skip.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** The superuser's URL (database `postgres`); tests make their own databases from it. */
  url: string;
  /** How long initdb and the start took, in ms. */
  startMs: number;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'The store tests need a real PostgreSQL server: its binaries (initdb, postgres) were not found in /usr/lib/postgresql/*/bin or on PATH. Install them with `apt-get update && apt-get install -y postgresql` (`.ci/run` does this when initdb is missing), or set POSTGRES_BIN to the folder that holds them.';

/** The folder holding initdb and postgres: POSTGRES_BIN when set, else Debian's newest, else PATH. */
export function findPostgresBin(
  env: NodeJS.ProcessEnv = process.env,
  debianRoot = '/usr/lib/postgresql',
): string {
  const hasServer = (dir: string) =>
    fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'));
  if (env.POSTGRES_BIN) {
    if (hasServer(env.POSTGRES_BIN)) return env.POSTGRES_BIN;
    throw new Error(`POSTGRES_BIN is "${env.POSTGRES_BIN}", which holds no initdb and postgres.`);
  }
  const candidates: string[] = [];
  if (fs.existsSync(debianRoot)) {
    const versions = fs
      .readdirSync(debianRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, 'bin')));
  }
  candidates.push(...(env.PATH ?? '').split(path.delimiter).filter(Boolean));
  const found = candidates.find(hasServer);
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** As root: the user the server runs as (uid, gid); else null (run as ourselves). */
function findServerUser(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      if (Number.isInteger(uid) && uid > 0) return { uid, gid, name };
    } catch {
      // No such user: try the next one.
    }
  }
  throw new Error(
    'Running as root, and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as (it refuses to run as root).',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A command as the server user: through setpriv when we are root. */
function asServerUser(
  user: { uid: number; gid: number } | null,
  command: string,
  args: string[],
): [string, string[]] {
  if (!user) return [command, args];
  return [
    'setpriv',
    [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', command, ...args],
  ];
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(args.at(-1) ?? file)} failed (${code}): ${output}`)),
    );
  });
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) {
      throw new Error(
        `PostgreSQL exited (${exited}) while starting:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`,
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new Error(
          `PostgreSQL did not accept connections within 30 s (${(err as Error).message}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`,
          { cause: err },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts a fresh server; `stop()` shuts it down and deletes its files. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const started = performance.now();
  const bin = findPostgresBin();
  const user = findServerUser();
  // /tmp is reachable by every user; a private TMPDIR (0700) would not be for `postgres`.
  const base = user ? '/tmp' : (process.env.TMPDIR ?? '/tmp');
  const dir = fs.mkdtempSync(path.join(base, 'verbatim-pg-'));
  fs.chmodSync(dir, 0o700);
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, 'data');
  const env = { PATH: process.env.PATH ?? '', LC_ALL: 'C', LANG: 'C', TZ: 'UTC' };
  const [initFile, initArgs] = asServerUser(user, path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'verbatim',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
    '--no-instructions',
  ]);
  await run(initFile, initArgs, env);

  const port = await freePort();
  const logFile = path.join(dir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  // prettier-ignore
  const settings = [
    '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    '-c', 'max_connections=300', '-c', 'shared_buffers=32MB',
  ];
  const [serverFile, serverArgs] = asServerUser(user, path.join(bin, 'postgres'), [
    '-D',
    dataDir,
    ...settings,
  ]);
  const child = spawn(serverFile, serverArgs, { env, cwd: dir, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const killNow = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killNow);
  const url = `postgres://verbatim@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(url, child, logFile);
  } catch (err) {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    startMs: Math.round(performance.now() - started),
    async stop() {
      process.off('exit', killNow);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown: ends sessions, no checkpoint wait with fsync off
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
