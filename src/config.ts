// Settings from the environment: one pure parseConfig(env) that reports every problem at once,
// and findFolderProblems(env), which looks at the folders the settings name.
import { editDistance } from './corpus/text.js';
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Config {
  discordToken: string | null;
  discordClientId: string | null;
  discordGuildId: string | null;
  /** REST base URL, e.g. http://127.0.0.1:3000/api (default Discord's own). */
  discordApiUrl: string | null;
  corpusDir: string;
  /** Read links in the corpus folder that lead outside it (CORPUS_FOLLOW_OUTSIDE_LINKS). */
  followOutsideLinks: boolean;
  dataDir: string;
  /** PostgreSQL shared by every replica (postgres://…); null: SQLite in DATA_DIR. */
  databaseUrl: string | null;
  /** Watch CORPUS_DIR and pick up added, changed and removed reports while running. */
  corpusWatch: boolean;
  logLevel: string;
  askCooldownSeconds: number;
  /** Bounds on the length of a daily quote, in characters. */
  quoteMinChars: number;
  quoteMaxChars: number;
  /** Port of the read-only web view (WEB_PORT); null: no web view. */
  webPort: number | null;
  /** The address people reach the web view at, no trailing slash (PUBLIC_URL); null: no links. */
  publicUrl: string | null;
  /** HTTP interactions mode: the port Discord's interaction webhooks arrive on (null: gateway). */
  interactionsPort: number | null;
  /** The application's Ed25519 public key (64 hex digits) that signs interaction webhooks. */
  discordPublicKey: string | null;
  /** Gateway mode: the port of /healthz, /readyz and /metrics (null: none). */
  healthPort: number | null;
}

export type Env = Record<string, string | undefined>;

/** One documented setting; `.env.example` lists exactly these (a test keeps them in step). */
export interface SettingDoc {
  key: string;
  /** Shown in `.env.example` and the README; empty when the setting has no default. */
  example: string;
  description: string;
}

export const SETTINGS: readonly SettingDoc[] = [
  {
    key: 'DISCORD_TOKEN',
    example: '',
    description:
      'Bot token (Developer Portal → your app → Bot → Reset Token). Leave empty to run the local console instead of the bot.',
  },
  {
    key: 'DISCORD_CLIENT_ID',
    example: '',
    description:
      'Application ID (Developer Portal → General Information). Needed by `npm run deploy` and `npm run invite`.',
  },
  {
    key: 'DISCORD_GUILD_ID',
    example: '',
    description:
      'Optional server ID: `npm run deploy` registers the commands in this server only (instant, for development). Empty: globally.',
  },
  {
    key: 'DISCORD_API_URL',
    example: '',
    description:
      "Optional REST base URL (a REST proxy, or a fake Discord in tests). Empty: Discord's own.",
  },
  {
    key: 'CORPUS_DIR',
    example: 'seeds',
    description:
      'Folder of meeting records (.txt, .md, .vtt, .srt, .html, .log, Word .docx, PDF) loaded at startup.',
  },
  {
    key: 'CORPUS_FOLLOW_OUTSIDE_LINKS',
    example: 'false',
    description:
      'true: read links in CORPUS_DIR that lead outside it. false: skip them with a warning.',
  },
  {
    key: 'CORPUS_WATCH',
    example: 'true',
    description:
      'true: watch CORPUS_DIR and pick up added, changed, renamed and removed reports while the bot runs (no restart). false: read the folder once at startup.',
  },
  {
    key: 'DATA_DIR',
    example: 'data',
    description: 'Folder for the bot’s own data (the daily-quote database).',
  },
  {
    key: 'DATABASE_URL',
    example: '',
    description:
      'Optional PostgreSQL (postgres://user:password@host:5432/verbatim) shared by every replica: subscriptions, claims, cooldowns, button state. Empty: SQLite in DATA_DIR.',
  },
  {
    key: 'LOG_LEVEL',
    example: 'info',
    description: 'One of fatal, error, warn, info, debug, trace, silent.',
  },
  {
    key: 'ASK_COOLDOWN_SECONDS',
    example: '5',
    description:
      'How long each member waits between two /ask questions (0 turns the cooldown off).',
  },
  {
    key: 'QUOTE_MIN_CHARS',
    example: '60',
    description: 'Shortest statement the daily quote may pick, in characters.',
  },
  {
    key: 'QUOTE_MAX_CHARS',
    example: '400',
    description: 'Longest statement the daily quote may pick, in characters.',
  },
  {
    key: 'WEB_PORT',
    example: '',
    description:
      'Port of the read-only web view of the reports (a page per meeting, speaker and search). Empty: no web view.',
  },
  {
    key: 'PUBLIC_URL',
    example: '',
    description:
      'The address people reach the web view at (e.g. https://verbatim.example.org). Set: every cited statement gets an "Open in report" link.',
  },
  {
    key: 'INTERACTIONS_PORT',
    example: '',
    description:
      "HTTP interactions mode: serve Discord's interaction webhooks (and /healthz, /readyz, /metrics) on this port instead of connecting to the gateway. Needs DISCORD_PUBLIC_KEY.",
  },
  {
    key: 'DISCORD_PUBLIC_KEY',
    example: '',
    description:
      'Public Key (Developer Portal → General Information): checks the signature of every interaction in HTTP interactions mode.',
  },
  {
    key: 'HEALTH_PORT',
    example: '',
    description:
      'Gateway mode: serve /healthz, /readyz and /metrics on this port. Empty: no HTTP server.',
  },
];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Thrown by parseConfig; `problems` holds one plain sentence per problem. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The settings have ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const SNOWFLAKE = /^\d{17,20}$/;
const DEFAULT_CORPUS_DIR = 'seeds';
const DEFAULT_DATA_DIR = 'data';

/** Reads the settings; throws a ConfigError listing every problem when any setting is unusable. */
export function parseConfig(env: Env): Config {
  const problems: string[] = [];
  const read = (key: string): string | null => {
    const raw = env[key];
    if (raw === undefined) return null;
    const value = raw.trim();
    return value === '' ? null : value;
  };

  const discordToken = read('DISCORD_TOKEN');
  if (discordToken !== null) problems.push(...checkToken(discordToken));

  const discordClientId = read('DISCORD_CLIENT_ID');
  if (discordClientId !== null && !SNOWFLAKE.test(discordClientId)) {
    problems.push(
      `DISCORD_CLIENT_ID is "${discordClientId}", but an application ID is a number of 17 to 20 digits (Developer Portal → General Information → Application ID).`,
    );
  }
  const discordGuildId = read('DISCORD_GUILD_ID');
  if (discordGuildId !== null && !SNOWFLAKE.test(discordGuildId)) {
    problems.push(
      `DISCORD_GUILD_ID is "${discordGuildId}", but a server ID is a number of 17 to 20 digits (in Discord: turn on Developer Mode, right-click the server → Copy Server ID). Leave it empty to register the commands globally.`,
    );
  }

  let discordApiUrl = read('DISCORD_API_URL');
  if (discordApiUrl !== null) {
    if (!isHttpUrl(discordApiUrl)) {
      problems.push(
        `DISCORD_API_URL is "${discordApiUrl}", which is not an http(s) address. Leave it empty to use Discord's own.`,
      );
    } else {
      discordApiUrl = discordApiUrl.replace(/\/+$/, '');
    }
  }

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be a PostgreSQL address like postgres://user:password@host:5432/verbatim. Leave it empty to keep the data in SQLite in DATA_DIR.',
    );
  }

  const logLevel = (read('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL is "${logLevel}"; use one of ${LOG_LEVELS.join(', ')}.`);
  }

  const followOutsideLinks = readBoolean(read, 'CORPUS_FOLLOW_OUTSIDE_LINKS', false, problems);
  const corpusWatch = readBoolean(read, 'CORPUS_WATCH', true, problems);
  const askCooldownSeconds = readInteger(read, 'ASK_COOLDOWN_SECONDS', 5, 0, 3600, problems);
  const quoteMinChars = readInteger(read, 'QUOTE_MIN_CHARS', 60, 1, 4000, problems);
  const quoteMaxChars = readInteger(read, 'QUOTE_MAX_CHARS', 400, 1, 4000, problems);
  if (quoteMinChars > quoteMaxChars) {
    problems.push(
      `QUOTE_MIN_CHARS (${quoteMinChars}) is larger than QUOTE_MAX_CHARS (${quoteMaxChars}); no statement could ever be picked.`,
    );
  }

  const webPortText = read('WEB_PORT');
  const webPort =
    webPortText === null ? null : readInteger(read, 'WEB_PORT', 0, 1, 65535, problems);
  let publicUrl = read('PUBLIC_URL');
  if (publicUrl !== null) {
    if (!isHttpUrl(publicUrl) || /[?#]/u.test(publicUrl)) {
      problems.push(
        `PUBLIC_URL is "${publicUrl}", which is not an http(s) address without ? or #, like https://verbatim.example.org. Leave it empty for no report links.`,
      );
      publicUrl = null;
    } else {
      publicUrl = publicUrl.replace(/\/+$/, '');
    }
  }
  const interactionsPort = readPort(read, 'INTERACTIONS_PORT', problems);
  const healthPort = readPort(read, 'HEALTH_PORT', problems);
  const discordPublicKey = read('DISCORD_PUBLIC_KEY')?.toLowerCase() ?? null;
  if (discordPublicKey !== null && !/^[0-9a-f]{64}$/.test(discordPublicKey)) {
    problems.push(
      'DISCORD_PUBLIC_KEY must be the 64 hexadecimal digits shown as Public Key in Developer Portal → General Information.',
    );
  }
  if (interactionsPort !== null) {
    if (discordPublicKey === null)
      problems.push(
        'INTERACTIONS_PORT is set but DISCORD_PUBLIC_KEY is not; HTTP interactions mode needs the Public Key (Developer Portal → General Information) to check that requests come from Discord.',
      );
    if (discordToken === null)
      problems.push(
        'INTERACTIONS_PORT is set but DISCORD_TOKEN is not; HTTP interactions mode still needs the bot token to post the daily quote and "Post to channel".',
      );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    discordToken,
    discordClientId,
    discordGuildId,
    discordApiUrl,
    corpusDir: read('CORPUS_DIR') ?? DEFAULT_CORPUS_DIR,
    followOutsideLinks,
    dataDir: read('DATA_DIR') ?? DEFAULT_DATA_DIR,
    databaseUrl,
    corpusWatch,
    logLevel,
    askCooldownSeconds,
    quoteMinChars,
    quoteMaxChars,
    webPort,
    publicUrl,
    interactionsPort,
    discordPublicKey,
    healthPort,
  };
}

function readPort(
  read: (key: string) => string | null,
  key: string,
  problems: string[],
): number | null {
  const raw = read(key);
  if (raw === null) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    problems.push(`${key} is "${raw}"; it must be a port number from 1 to 65535, or empty.`);
    return null;
  }
  return Number(raw);
}

/**
 * Problems with the folders the settings name, one sentence each: CORPUS_DIR must be an existing
 * folder (a bot with no folder has nothing to say), DATA_DIR a folder or a path it can create.
 */
export function findFolderProblems(env: Env): string[] {
  const problems: string[] = [];
  const setting = (key: string, fallback: string) => env[key]?.trim() || fallback;
  const corpusDir = setting('CORPUS_DIR', DEFAULT_CORPUS_DIR);
  const corpus = statPath(corpusDir);
  if (corpus === 'missing') {
    problems.push(
      `CORPUS_DIR is "${corpusDir}", but there is no such folder (looked for ${resolve(corpusDir)}). Create it and put the meeting reports in it, or set CORPUS_DIR to the folder that holds them.`,
    );
  } else if (corpus === 'file') {
    problems.push(
      `CORPUS_DIR is "${corpusDir}", which is a file, not a folder. Set CORPUS_DIR to the folder that holds the meeting reports.`,
    );
  } else if (corpus === 'folder' && !canRead(corpusDir)) {
    problems.push(
      `CORPUS_DIR is "${corpusDir}", but the user the bot runs as may not read that folder. Give it read permission (chmod/chown), or set CORPUS_DIR to a folder it can read.`,
    );
  }
  const dataDir = setting('DATA_DIR', DEFAULT_DATA_DIR);
  if (statPath(dataDir) === 'file') {
    problems.push(
      `DATA_DIR is "${dataDir}", which is a file, not a folder. Set DATA_DIR to a folder for the bot's own data (it is created if missing), or move the file away.`,
    );
  }
  return problems;
}

function canRead(folder: string): boolean {
  try {
    accessSync(folder, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function statPath(path: string): 'folder' | 'file' | 'missing' | 'unknown' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    // A path through a file ("notes.txt/reports") cannot be a folder either.
    if (code === 'ENOTDIR') return 'file';
    return 'unknown';
  }
}

/**
 * Settings an entry point needs but parseConfig cannot demand (the console needs no token).
 * Returns one sentence per missing setting, saying what it is for.
 */
export function findMissingSettings(
  config: Config,
  needed: ('discordToken' | 'discordClientId')[],
  purpose: string,
): string[] {
  const missing: string[] = [];
  if (needed.includes('discordToken') && config.discordToken === null) {
    missing.push(
      `DISCORD_TOKEN is not set; ${purpose} needs the bot token (Developer Portal → your app → Bot → Reset Token).`,
    );
  }
  if (needed.includes('discordClientId') && config.discordClientId === null) {
    missing.push(
      `DISCORD_CLIENT_ID is not set; ${purpose} needs the application ID (Developer Portal → General Information → Application ID).`,
    );
  }
  return missing;
}

/** Keys that look like ours but are not (a typo silently falls back to a default otherwise). */
export function findUnknownSettings(env: Env): string[] {
  const known = new Set(SETTINGS.map((s) => s.key));
  return Object.keys(env)
    .filter(
      (key) =>
        /^(DISCORD|CORPUS|DATA|ASK|QUOTE|WEB|INTERACTIONS|HEALTH)_/.test(key) && !known.has(key),
    )
    .map((key) => {
      const close = SETTINGS.find((s) => editDistance(s.key, key, 2) <= 2);
      return close
        ? `${key} is not a setting; did you mean ${close.key}?`
        : `${key} is not a setting and is ignored.`;
    });
}

function checkToken(token: string): string[] {
  if (/^bot\s/i.test(token)) {
    return ['DISCORD_TOKEN starts with "Bot "; paste the token alone, without the "Bot " prefix.'];
  }
  if (/^["'].*["']$/.test(token)) {
    return ['DISCORD_TOKEN is wrapped in quotes inside the value; remove the quotes.'];
  }
  if (/\s/.test(token) || token.split('.').length !== 3) {
    return [
      'DISCORD_TOKEN does not look like a bot token (three parts separated by dots). Copy it from Developer Portal → your app → Bot → Reset Token; the OAuth2 client secret will not work.',
    ];
  }
  return [];
}

function readInteger(
  read: (key: string) => string | null,
  key: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = read(key);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(
      `${key} is "${raw}"; it must be a whole number from ${min} to ${max} (default ${fallback}).`,
    );
    return fallback;
  }
  return Number(raw);
}

function readBoolean(
  read: (key: string) => string | null,
  key: string,
  fallback: boolean,
  problems: string[],
): boolean {
  const raw = read(key);
  if (raw === null) return fallback;
  const value = raw.toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  problems.push(`${key} is "${raw}"; use true or false (default ${fallback}).`);
  return fallback;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
