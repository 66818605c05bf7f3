// Settings from the environment (placeholder types until the Discord issue lands parseConfig).
export interface Config {
  discordToken: string | null;
  discordClientId: string | null;
  discordGuildId: string | null;
  /** REST base URL, e.g. http://127.0.0.1:3000/api (default Discord's own). */
  discordApiUrl: string | null;
  corpusDir: string;
  dataDir: string;
  logLevel: string;
  askCooldownSeconds: number;
  /** Bounds on the length of a daily quote, in characters. */
  quoteMinChars: number;
  quoteMaxChars: number;
}
