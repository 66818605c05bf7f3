// parseConfig: defaults, every problem reported at once, and .env.example kept in step.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  SETTINGS,
  findFolderProblems,
  findMissingSettings,
  findUnknownSettings,
  parseConfig,
} from '../../src/config.js';
import { projectModule, runUnprivileged, runsAsRoot } from '../support/as-nobody.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment (console mode)', () => {
    const config = parseConfig({});
    expect(config).toEqual({
      discordToken: null,
      discordClientId: null,
      discordGuildId: null,
      discordApiUrl: null,
      corpusDir: 'seeds',
      followOutsideLinks: false,
      dataDir: 'data',
      databaseUrl: null,
      corpusWatch: true,
      logLevel: 'info',
      askCooldownSeconds: 5,
      quoteMinChars: 60,
      quoteMaxChars: 400,
      webPort: null,
      publicUrl: null,
      interactionsPort: null,
      discordPublicKey: null,
      healthPort: null,
    });
  });

  it('reads the web view settings and says what is wrong with them', () => {
    const config = parseConfig({ WEB_PORT: '8080', PUBLIC_URL: 'https://reports.example.org/' });
    expect(config.webPort).toBe(8080);
    expect(config.publicUrl).toBe('https://reports.example.org');
    let problems: string[] = [];
    try {
      parseConfig({ WEB_PORT: '99999', PUBLIC_URL: 'javascript:alert(1)' });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems.join('\n')).toContain('WEB_PORT is "99999"');
    expect(problems.join('\n')).toContain('PUBLIC_URL is "javascript:alert(1)"');
  });

  it('reads every setting, trimming blanks and a trailing slash on the API URL', () => {
    const config = parseConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      CORPUS_DIR: 'reports',
      DATA_DIR: '/var/lib/verbatim',
      LOG_LEVEL: 'DEBUG',
      ASK_COOLDOWN_SECONDS: '0',
      QUOTE_MIN_CHARS: '20',
      QUOTE_MAX_CHARS: '300',
    });
    expect(config.discordToken).toBe(TOKEN);
    expect(config.discordApiUrl).toBe('http://127.0.0.1:4000/api');
    expect(config.logLevel).toBe('debug');
    expect(config.askCooldownSeconds).toBe(0);
    expect([config.quoteMinChars, config.quoteMaxChars]).toEqual([20, 300]);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ' }).discordToken).toBeNull();
  });

  it('reports every problem at once, each naming its setting', () => {
    const problems = problemsOf({
      DISCORD_TOKEN: 'Bot ' + TOKEN,
      DISCORD_CLIENT_ID: 'my-bot',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'discord.example',
      LOG_LEVEL: 'loud',
      ASK_COOLDOWN_SECONDS: '-3',
      QUOTE_MIN_CHARS: '500',
      QUOTE_MAX_CHARS: '100',
    });
    const keys = [
      'DISCORD_TOKEN',
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'LOG_LEVEL',
      'ASK_COOLDOWN_SECONDS',
      'QUOTE_MIN_CHARS (500) is larger than QUOTE_MAX_CHARS (100)',
    ];
    expect(problems).toHaveLength(keys.length);
    keys.forEach((key, i) => expect(problems[i]).toContain(key));
    expect(problems[0]).toContain('without the "Bot " prefix');
  });

  it('takes a postgres:// DATABASE_URL and refuses anything else without echoing it', () => {
    const url = 'postgres://verbatim:s3cret@db.internal:5432/verbatim';
    expect(parseConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://root:hunter2@db/verbatim' })).toThrow(
      /DATABASE_URL must be a PostgreSQL address/,
    );
    expect(() => parseConfig({ DATABASE_URL: 'mysql://root:hunter2@db/verbatim' })).not.toThrow(
      /hunter2/,
    );
  });

  it('tells an owner who pasted the client secret that it is not the bot token', () => {
    const [problem] = problemsOf({ DISCORD_TOKEN: 'aBcDeFgHiJkLmNoPqRsTuVwXyZ012345' });
    expect(problem).toMatch(/does not look like a bot token.*client secret/);
  });

  it('never puts the token itself into a problem message', () => {
    const secret = 'abc def.ghi.jkl';
    const err = (() => {
      try {
        parseConfig({ DISCORD_TOKEN: secret });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(err?.message).toContain('DISCORD_TOKEN');
    expect(err?.message).not.toContain(secret);
  });

  it('lists settings an entry point needs but the environment lacks', () => {
    const missing = findMissingSettings(
      parseConfig({}),
      ['discordToken', 'discordClientId'],
      'npm run deploy',
    );
    expect(missing).toHaveLength(2);
    expect(missing[0]).toContain('DISCORD_TOKEN is not set; npm run deploy needs');
  });

  it('reads CORPUS_FOLLOW_OUTSIDE_LINKS as a yes/no setting and names a value that is neither', () => {
    expect(parseConfig({ CORPUS_FOLLOW_OUTSIDE_LINKS: 'true' }).followOutsideLinks).toBe(true);
    expect(parseConfig({ CORPUS_FOLLOW_OUTSIDE_LINKS: ' No ' }).followOutsideLinks).toBe(false);
    expect(problemsOf({ CORPUS_FOLLOW_OUTSIDE_LINKS: 'sometimes' })).toEqual([
      'CORPUS_FOLLOW_OUTSIDE_LINKS is "sometimes"; use true or false (default false).',
    ]);
  });

  it('points at a near-miss key', () => {
    expect(findUnknownSettings({ DISCORD_TOKN: 'x', PATH: '/bin', CORPUS_DIR: 'x' })).toEqual([
      'DISCORD_TOKN is not a setting; did you mean DISCORD_TOKEN?',
    ]);
  });
});

describe('findFolderProblems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-config-'));
  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'not a folder');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts an existing corpus folder, even an empty one, and a DATA_DIR still to be created', () => {
    expect(findFolderProblems({ CORPUS_DIR: dir, DATA_DIR: join(dir, 'data', 'new') })).toEqual([]);
  });

  it('lists a missing CORPUS_DIR, a CORPUS_DIR that is a file and a DATA_DIR that is a file', () => {
    const missing = join(dir, 'no-such-folder');
    expect(findFolderProblems({ CORPUS_DIR: missing, DATA_DIR: file })).toEqual([
      `CORPUS_DIR is "${missing}", but there is no such folder (looked for ${missing}). Create it and put the meeting reports in it, or set CORPUS_DIR to the folder that holds them.`,
      `DATA_DIR is "${file}", which is a file, not a folder. Set DATA_DIR to a folder for the bot's own data (it is created if missing), or move the file away.`,
    ]);
    expect(findFolderProblems({ CORPUS_DIR: file, DATA_DIR: join(file, 'data') })).toEqual([
      `CORPUS_DIR is "${file}", which is a file, not a folder. Set CORPUS_DIR to the folder that holds the meeting reports.`,
      expect.stringMatching(/^DATA_DIR is ".*notes.txt\/data", which is a file/),
    ]);
  });
});

describe('findFolderProblems as an unprivileged user', () => {
  // As root every folder is readable: the check runs as the user `nobody` (see as-nobody.ts).
  it('lists a CORPUS_DIR the bot may not read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'verbatim-config-'));
    chmodSync(root, 0o755);
    const locked = join(root, 'reports');
    mkdirSync(locked, { mode: 0o700 });
    if (!runsAsRoot) chmodSync(locked, 0o000);
    try {
      const problems = await runUnprivileged(`
        import { findFolderProblems } from ${projectModule('src/config.ts')};
        console.log(JSON.stringify(findFolderProblems({ CORPUS_DIR: ${JSON.stringify(locked)}, DATA_DIR: '/tmp' })));
      `);
      expect(problems).toEqual([
        `CORPUS_DIR is "${locked}", but the user the bot runs as may not read that folder. Give it read permission (chmod/chown), or set CORPUS_DIR to a folder it can read.`,
      ]);
    } finally {
      chmodSync(locked, 0o700);
      rmSync(root, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('README', () => {
  const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  it('documents every setting in its settings table', () => {
    const rows = text.split('\n').filter((line) => line.startsWith('| `'));
    for (const { key } of SETTINGS)
      expect(
        rows.some((row) => row.split('|')[1]?.includes(`\`${key}\``)),
        key,
      ).toBe(true);
  });
});

describe('.env.example', () => {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const entries = lines.flatMap((line, i) => {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    return m ? [{ key: m[1] ?? '', value: m[2] ?? '', comment: lines[i - 1] ?? '' }] : [];
  });

  it('documents exactly the settings parseConfig reads, in the same order', () => {
    expect(entries.map((e) => e.key)).toEqual(SETTINGS.map((s) => s.key));
  });

  it('shows each default and puts a comment above each key', () => {
    for (const entry of entries) {
      expect(entry.comment.startsWith('#'), `${entry.key} has no comment`).toBe(true);
      expect(entry.value).toBe(SETTINGS.find((s) => s.key === entry.key)?.example);
    }
  });

  it('parses as a valid configuration as it stands', () => {
    const env = Object.fromEntries(entries.map((e) => [e.key, e.value]));
    expect(() => parseConfig(env)).not.toThrow();
    expect(parseConfig(env)).toEqual(parseConfig({}));
  });
});
