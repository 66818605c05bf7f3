// Which store a process uses: PostgreSQL when DATABASE_URL is set (replicas share it), else
// SQLite in DATA_DIR (one process, nothing to run beside it).
import { openPostgresStore } from './postgres.js';
import type { PostgresStoreOptions } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { SqliteStoreOptions } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreSettings {
  dataDir: string;
  databaseUrl: string | null;
}

export function openStore(
  settings: StoreSettings,
  options: { sqlite?: SqliteStoreOptions; postgres?: PostgresStoreOptions } = {},
): Promise<Store> {
  return settings.databaseUrl
    ? openPostgresStore(settings.databaseUrl, options.postgres)
    : openSqliteStore(settings.dataDir, options.sqlite);
}
