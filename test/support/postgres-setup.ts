// vitest globalSetup: one real PostgreSQL server for the whole run (see postgres-server.ts);
// tests read its URL with `inject('postgresUrl')` and make a database of their own from it.
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgresServer();
  project.provide('postgresUrl', server.url);
  console.log(`PostgreSQL for the tests on ${server.url}, started in ${server.startMs} ms`);
  return () => server.stop();
}
