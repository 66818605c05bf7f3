// A fresh PostgreSQL database per test, on the server the global setup started, so tests never
// see each other's rows (and can run in parallel).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The server's superuser URL (database `postgres`). */
export function postgresServerUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('No PostgreSQL server: test/support/postgres-setup.ts did not run.');
  return url;
}

/** Creates an empty database and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const server = postgresServerUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the database at `url` (to look behind a store's back). */
export async function queryDatabase<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
