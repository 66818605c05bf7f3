// Placeholder until the daily-quote issue lands the SQLite store.
export interface DailyStore {
  close(): void;
}
