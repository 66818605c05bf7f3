// The parse cache in DATA_DIR: a restart with unchanged records reads them from the cache; a
// changed record, another parser version, a damaged file or a forged entry is never trusted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsk } from '../../commands/ask.js';
import { CorpusLoader } from '../../src/live/loader.js';
import { CACHE_FILE, PARSER_VERSION } from '../../src/live/parse-cache.js';
import { buildIndex } from '../../src/search/engine.js';
import { makeTestContext } from '../support/app-context.js';
import { report } from './support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const RECORDS: Record<string, [string, string][]> = {
  'harbour.txt': [['ELENA VARGA', 'The lighthouse repairs will start in the spring.']],
  'quay.txt': [['TOM OKAFOR', 'We asked for new mooring buoys at the north quay.']],
  'ferry.txt': [['ELENA VARGA', 'The winter ferry timetable keeps the early crossing.']],
};

function makeFolders(): { dir: string; dataDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-cache-data-'));
  dirs.push(dir, dataDir);
  for (const [name, turns] of Object.entries(RECORDS))
    writeFileSync(join(dir, name), report(name.replace('.txt', ' meeting'), turns));
  return { dir, dataDir };
}

/** A restart: a fresh loader on the same folders; what it read, and what /ask answers. */
async function start(dir: string, dataDir: string, question: string) {
  const ctx = makeTestContext({ config: { corpusDir: dir, dataDir } });
  const loader = new CorpusLoader({ dir, cacheDir: dataDir, log: ctx.log });
  const loaded = await loader.load();
  loader.saveCache();
  ctx.corpus = loaded.corpus;
  ctx.index = buildIndex(loaded.corpus);
  const view = await runAsk(ctx, {
    subcommand: null,
    options: { question },
    caller: { userId: 'u', guildId: null, channelId: null, canManageGuild: false },
  });
  return { loaded, answer: JSON.stringify(view), warnings: ctx.logLines().map((l) => l.msg) };
}

describe('the parse cache', () => {
  it('answers a restart with unchanged records from the cache, the same as a parse', async () => {
    const { dir, dataDir } = makeFolders();
    const cold = await start(dir, dataDir, 'mooring buoys');
    expect([cold.loaded.read, cold.loaded.cached]).toEqual([3, 0]);
    const warm = await start(dir, dataDir, 'mooring buoys');
    expect([warm.loaded.read, warm.loaded.cached]).toEqual([3, 3]);
    expect(warm.answer).toContain('We asked for new mooring buoys at the north quay.');
    expect(warm.loaded.corpus).toEqual(cold.loaded.corpus);
  });

  it('parses a record again when its content changed', async () => {
    const { dir, dataDir } = makeFolders();
    await start(dir, dataDir, 'buoys');
    writeFileSync(
      join(dir, 'quay.txt'),
      report('quay meeting', [
        ['TOM OKAFOR', 'The quay needs a second crane for the timber boats.'],
      ]),
    );
    const next = await start(dir, dataDir, 'second crane');
    expect([next.loaded.read, next.loaded.cached]).toEqual([3, 2]);
    expect(next.answer).toContain('The quay needs a second crane for the timber boats.');
    expect(next.answer).not.toContain('mooring buoys');
  });

  it('ignores a cache written by another parser version', async () => {
    const { dir, dataDir } = makeFolders();
    await start(dir, dataDir, 'buoys');
    const file = join(dataDir, CACHE_FILE);
    const body = JSON.parse(readFileSync(file, 'utf8')) as { version: number };
    body.version = PARSER_VERSION + 1;
    writeFileSync(file, JSON.stringify(body));
    const next = await start(dir, dataDir, 'mooring buoys');
    expect(next.loaded.cached).toBe(0);
    expect(next.answer).toContain('mooring buoys');
    // Rewritten for this version: the next start uses it again.
    expect((JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version).toBe(
      PARSER_VERSION,
    );
    expect((await start(dir, dataDir, 'buoys')).loaded.cached).toBe(3);
  });

  it('rebuilds a damaged cache file', async () => {
    const { dir, dataDir } = makeFolders();
    await start(dir, dataDir, 'buoys');
    const file = join(dataDir, CACHE_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    const next = await start(dir, dataDir, 'mooring buoys');
    expect(next.loaded.cached).toBe(0);
    expect(next.answer).toContain('mooring buoys');
    expect(next.warnings.some((m) => /parse cache .* is damaged/.test(String(m)))).toBe(true);
    expect((await start(dir, dataDir, 'buoys')).loaded.cached).toBe(3);
  });

  it('drops an entry whose statements do not match the record’s text', async () => {
    const { dir, dataDir } = makeFolders();
    await start(dir, dataDir, 'buoys');
    const file = join(dataDir, CACHE_FILE);
    const raw = readFileSync(file, 'utf8');
    const forged = raw.replace(
      'We asked for new mooring buoys at the north quay.',
      'We asked for new mooring buoys at the south quay.',
    );
    expect(forged).not.toBe(raw);
    writeFileSync(file, forged);
    const next = await start(dir, dataDir, 'mooring buoys');
    expect([next.loaded.read, next.loaded.cached]).toEqual([3, 2]);
    expect(next.answer).toContain('north quay');
    expect(next.answer).not.toContain('south quay');
  });
});
