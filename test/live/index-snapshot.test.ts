// The index snapshot in DATA_DIR: a restart with unchanged records takes the index from it and
// answers as a fresh build does; a changed record makes it stale, a damaged or forged snapshot
// is never trusted (the index is built again); a rebuild reusing remembered words is exact.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsk } from '../../commands/ask.js';
import { buildCorpusState } from '../../src/live/live-corpus.js';
import { CorpusLoader } from '../../src/live/loader.js';
import { SNAPSHOT_FILE, loadIndexSnapshot } from '../../src/live/index-snapshot.js';
import { buildIndex } from '../../src/search/engine.js';
import type { SearchIndex } from '../../src/search/engine.js';
import { makeTestContext } from '../support/app-context.js';
import { report } from './support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const RECORDS: Record<string, [string, string][]> = {
  'harbour.txt': [
    ['ELENA VARGA', 'The lighthouse repairs will start in the spring.'],
    ['TOM OKAFOR', 'Will the scaffolding block the slipway?'],
    ['ELENA VARGA', 'Only for a week, and the lifeboat keeps its berth.'],
  ],
  'quay.txt': [['TOM OKAFOR', 'We asked for new mooring buoys at the north quay.']],
  'ferry.txt': [['ELENA VARGA', 'The winter ferry timetable keeps the early crossing.']],
};

function makeFolders(): { dir: string; dataDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-snap-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-snap-data-'));
  dirs.push(dir, dataDir);
  for (const [name, turns] of Object.entries(RECORDS))
    writeFileSync(join(dir, name), report(name.replace('.txt', ' meeting'), turns));
  return { dir, dataDir };
}

const QUESTIONS = ['mooring buoys', 'what did elena varga say about the lighthouse', 'ferry'];

/** A start as main.ts makes it: what the snapshot said, the answers, and the warnings. */
async function start(dir: string, dataDir: string) {
  const ctx = makeTestContext({ config: { corpusDir: dir, dataDir } });
  const loader = new CorpusLoader({ dir, cacheDir: dataDir, log: ctx.log });
  const before = snapshotState(dataDir, await new CorpusLoader({ dir, cacheDir: null }).load());
  const state = await buildCorpusState(loader);
  loader.saveCache();
  ctx.corpus = state.corpus;
  ctx.index = state.index;
  const answers: string[] = [];
  for (const question of QUESTIONS) {
    const view = await runAsk(ctx, {
      subcommand: null,
      options: { question },
      caller: { userId: 'u', guildId: null, channelId: null, canManageGuild: false },
    });
    answers.push(JSON.stringify(view.cards ?? view.content));
  }
  return { snapshot: before, index: state.index, answers, logs: ctx.logLines().map((l) => l.msg) };
}

function snapshotState(dataDir: string, loaded: { corpus: SearchIndex['corpus'] }) {
  return loadIndexSnapshot(dataDir, loaded.corpus).reason ?? 'hit';
}

/** The index's data without the parts that are objects built per index (fuse, lexicon). */
function comparable(index: SearchIndex): string {
  const d = index.data as unknown as Record<string, unknown>;
  const keep = Object.keys(d).filter(
    (k) => !['nameFuse', 'lexicon', 'lookup', 'english', 'stemOf', 'scratch'].includes(k),
  );
  return JSON.stringify(
    keep.map((k) => [k, d[k]]),
    (_k, v: unknown) =>
      v instanceof Map || v instanceof Set
        ? [...(v as Map<unknown, unknown>)]
        : ArrayBuffer.isView(v)
          ? Array.from(v as Float32Array)
          : v,
  );
}

/** Rewrites the snapshot's body with `edit` and a checksum that matches it (a forged file). */
function forge(dataDir: string, edit: (body: Buffer, header: Record<string, unknown>) => void) {
  const file = join(dataDir, SNAPSHOT_FILE);
  const raw = readFileSync(file);
  const nl = raw.indexOf(0x0a);
  const header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
  const body = Buffer.from(raw.subarray(nl + 1));
  edit(body, header);
  header.checksum = createHash('sha256').update(body).digest('base64url');
  let head = JSON.stringify(header);
  head += ' '.repeat((8 - ((head.length + 1) % 8)) % 8);
  writeFileSync(file, Buffer.concat([Buffer.from(head + '\n'), body]));
}

describe('the index snapshot', () => {
  it('answers a restart with unchanged records from the snapshot, the same as a build', async () => {
    const { dir, dataDir } = makeFolders();
    const cold = await start(dir, dataDir);
    expect(cold.snapshot).toBe('missing');
    const warm = await start(dir, dataDir);
    expect(warm.snapshot).toBe('hit');
    expect(warm.answers).toEqual(cold.answers);
    expect(warm.answers[0]).toContain('We asked for new mooring buoys at the north quay.');
    expect(comparable(warm.index)).toBe(comparable(buildIndex(warm.index.corpus)));
  });

  it('is stale once a record changes, and the new words are answered', async () => {
    const { dir, dataDir } = makeFolders();
    await start(dir, dataDir);
    writeFileSync(
      join(dir, 'quay.txt'),
      report('quay meeting', [['TOM OKAFOR', 'The harbour crane needs a new winch cable.']]),
    );
    const after = await start(dir, dataDir);
    expect(after.snapshot).toBe('stale');
    expect(after.answers[0]).not.toContain('mooring buoys');
    expect(comparable(after.index)).toBe(comparable(buildIndex(after.index.corpus)));
    expect((await start(dir, dataDir)).snapshot).toBe('hit');
  });

  it('rebuilds from the records when the snapshot is damaged or forged, never trusting it', async () => {
    const { dir, dataDir } = makeFolders();
    const cold = await start(dir, dataDir);
    const file = join(dataDir, SNAPSHOT_FILE);
    const damages: [string, () => void][] = [
      [
        'a flipped byte',
        () => {
          const raw = readFileSync(file);
          raw[raw.length - 40] = (raw[raw.length - 40] ?? 0) ^ 0xff;
          writeFileSync(file, raw);
        },
      ],
      ['a cut-off file', () => writeFileSync(file, readFileSync(file).subarray(0, 300))],
      ['no header', () => writeFileSync(file, 'not a snapshot at all')],
      [
        'a posting past the last statement, checksum made to match',
        () =>
          forge(dataDir, (body, header) => {
            const [off] = (header.arrays as Record<string, [number, number]>).postDoc ?? [0];
            body.writeInt32LE(1_000_000, off);
          }),
      ],
      [
        'a term list out of order, checksum made to match',
        () =>
          forge(dataDir, (body, header) => {
            const [off, len] = (header.arrays as Record<string, [number, number]>).postStart ?? [
              0, 0,
            ];
            body.writeInt32LE(len * 9, off + 4);
          }),
      ],
    ];
    for (const [what, damage] of damages) {
      damage();
      const again = await start(dir, dataDir);
      expect(again.snapshot, what).toBe('corrupt');
      expect(again.answers, what).toEqual(cold.answers);
      expect(again.logs.join('\n'), what).toMatch(/index snapshot .* damaged/);
      // The start wrote a good snapshot again.
      expect((await start(dir, dataDir)).snapshot, what).toBe('hit');
    }
  });

  it('indexes exactly as a fresh build when a rebuild reuses the words it remembered', async () => {
    const { dir } = makeFolders();
    const loader = new CorpusLoader({ dir, cacheDir: null });
    const first = buildIndex((await loader.load()).corpus, { remember: true });
    writeFileSync(
      join(dir, 'anchor.txt'),
      report('anchor meeting', [['NORA LINDQVIST', 'Ay, the anchor chain was replaced in May.']]),
    );
    const corpus = (await loader.load()).corpus;
    const reused = buildIndex(corpus, { previous: first, remember: true });
    expect(comparable(reused)).toBe(comparable(buildIndex(corpus)));
  });
});
