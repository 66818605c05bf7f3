// `npm test` runs everything under test/; the global setup starts the real PostgreSQL server
// the store tests run against (Debian's binaries: see test/support/postgres-server.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/postgres-setup.ts'],
  },
});
