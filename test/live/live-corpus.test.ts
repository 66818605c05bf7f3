// The live corpus with the real watcher on a temporary folder: records added, changed, renamed
// and removed show in /ask; half-written and temporary files wait; a file that turns bad keeps its
// last good version; an answer in flight finishes on the corpus it started with; old buttons on
// removed statements expire.
import {
  appendFileSync,
  mkdtempSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { commands } from '../../commands/index.js';
import { runAsk } from '../../commands/ask.js';
import { EXPIRED_TEXT } from '../../commands/types.js';
import type { CommandModule } from '../../commands/types.js';
import type { CorpusChange } from '../../src/corpus/change.js';
import { createConsoleSession } from '../../src/console/session.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { CorpusLoader } from '../../src/live/loader.js';
import { buildCorpusState, startLiveCorpus } from '../../src/live/live-corpus.js';
import type { LiveCorpus } from '../../src/live/live-corpus.js';
import { makeTestContext } from '../support/app-context.js';
import type { TestContext } from '../support/app-context.js';
import { report, waitFor } from './support.js';

const LIGHTHOUSE = 'The lighthouse repairs will start in the spring, once the scaffolding arrives.';
const BUOYS = 'We asked for new mooring buoys at the north quay before the regatta.';
const FERRY = 'The winter ferry timetable keeps the early crossing to the island school.';

interface Setup {
  dir: string;
  ctx: TestContext;
  live: LiveCorpus;
  session: ConsoleSession;
  changes: CorpusChange[];
  ask(question: string): Promise<string>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(
  files: Record<string, string>,
  extra: CommandModule[] = [],
  settleMs = 300,
): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-live-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-live-data-'));
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const ctx = makeTestContext({ config: { corpusDir: dir, dataDir } });
  const loader = new CorpusLoader({ dir, cacheDir: dataDir, log: ctx.log });
  const state = await buildCorpusState(loader);
  ctx.corpus = state.corpus;
  ctx.index = state.index;
  const live = startLiveCorpus({ ctx, loader, log: ctx.log, debounceMs: 50, settleMs });
  cleanups.push(() => live.close());
  ctx.onCorpusChange = live.subscribe;
  const changes: CorpusChange[] = [];
  ctx.onCorpusChange((c) => changes.push(c));
  await live.ready();
  const session = createConsoleSession(ctx, [...commands, ...extra]);
  return {
    dir,
    ctx,
    live,
    session,
    changes,
    ask: async (q) => (await session.handleLine(`/ask question:"${q}"`)).text,
  };
}

describe('the live corpus', () => {
  it('answers from a record added, changed, renamed and removed while running', async () => {
    const s = await setup({
      'harbour.txt': report('Harbour Board, 3 March 2026', [['ELENA VARGA', LIGHTHOUSE]]),
    });
    expect(await s.ask('mooring buoys')).not.toContain(BUOYS);

    // Added.
    writeFileSync(
      join(s.dir, 'quay.txt'),
      report('Quay Committee, 9 March 2026', [['TOM OKAFOR', BUOYS]]),
    );
    await waitFor(async () => (await s.ask('mooring buoys')).includes(BUOYS));
    expect(await s.ask('mooring buoys')).toContain('of quay.txt');
    // Profiles, meeting digests and autocomplete follow the swap.
    expect((await s.session.handleLine('/who Tom Okafor')).text).toContain(BUOYS);
    expect((await s.session.handleLine('/meeting quay.txt')).text).toContain('Tom Okafor');
    expect(await s.session.complete('/ask mooring speaker:tom')).toEqual([
      '/ask mooring speaker:"Tom Okafor"',
    ]);
    expect(s.changes.at(-1)?.added.map((m) => m.id)).toEqual(['quay.txt']);

    // Changed: the new words answer, the old ones no longer do.
    writeFileSync(
      join(s.dir, 'quay.txt'),
      report('Quay Committee, 9 March 2026', [['TOM OKAFOR', FERRY]]),
    );
    await waitFor(async () => (await s.ask('ferry timetable')).includes(FERRY));
    expect(await s.ask('mooring buoys')).not.toContain(BUOYS);
    expect(s.changes.at(-1)?.changed.map((m) => m.id)).toEqual(['quay.txt']);

    // Renamed: cited by its new name.
    renameSync(join(s.dir, 'quay.txt'), join(s.dir, 'quay-committee.txt'));
    await waitFor(async () => (await s.ask('ferry timetable')).includes('of quay-committee.txt'));
    expect(await s.ask('ferry timetable')).not.toContain('of quay.txt');

    // Removed.
    unlinkSync(join(s.dir, 'quay-committee.txt'));
    await waitFor(async () => !(await s.ask('ferry timetable')).includes(FERRY));
    expect(s.changes.at(-1)?.removed.map((m) => m.id)).toEqual(['quay-committee.txt']);
    expect(await s.ask('lighthouse repairs')).toContain(LIGHTHOUSE);
  });

  it('follows a change to the speakers file', async () => {
    const s = await setup({
      'harbour.txt': report('Harbour Board', [['ELENA VARGA', LIGHTHOUSE]]),
    });
    expect((await s.session.handleLine('/who Elena Varga')).text).not.toContain('Harbourmaster');
    writeFileSync(
      join(s.dir, 'speakers.yml'),
      'speakers:\n  - name: Elena Varga\n    aliases: [Varga]\n    role: Harbourmaster of Port Alder\n',
    );
    await waitFor(async () =>
      (await s.session.handleLine('/who Elena Varga')).text.includes('Harbourmaster of Port Alder'),
    );
  });

  it('does not read a file while it is still being written, nor temporary names', async () => {
    const s = await setup(
      { 'harbour.txt': report('Harbour Board', [['ELENA VARGA', LIGHTHOUSE]]) },
      [],
      800,
    );
    // Editors' and browsers' temporary files are never records.
    writeFileSync(join(s.dir, '.quay.txt.swp'), report('Swap', [['TOM OKAFOR', BUOYS]]));
    writeFileSync(join(s.dir, 'quay.txt.part'), report('Part', [['TOM OKAFOR', BUOYS]]));
    writeFileSync(join(s.dir, 'quay.txt~'), report('Backup', [['TOM OKAFOR', BUOYS]]));

    // A record written in pieces: every version the corpus ever holds is the whole file.
    const path = join(s.dir, 'long.txt');
    const full = report('Long Meeting, 4 April 2026', [
      ['TOM OKAFOR', BUOYS],
      ['ELENA VARGA', FERRY],
    ]);
    const pieces = full.match(/[\s\S]{1,12}/g) ?? [];
    writeFileSync(path, '');
    for (const piece of pieces) {
      appendFileSync(path, piece);
      await new Promise((r) => setTimeout(r, 15));
    }
    await waitFor(async () => (await s.ask('ferry timetable')).includes(FERRY));
    const seen = s.changes
      .flatMap((c) => [...c.added, ...c.changed])
      .filter((m) => m.id === 'long.txt');
    expect(seen.length).toBeGreaterThan(0);
    for (const m of seen) expect(m.text).toBe(full);
    expect(s.ctx.corpus.meetings.map((m) => m.id).sort()).toEqual(['harbour.txt', 'long.txt']);

    // The downloaded file renamed to its real name is read.
    renameSync(join(s.dir, 'quay.txt.part'), join(s.dir, 'quay.txt'));
    await waitFor(() => s.ctx.corpus.meetings.some((m) => m.id === 'quay.txt'));
  });

  it('keeps the last good version of a file that turns bad, with a warning naming it', async () => {
    const s = await setup({
      'harbour.txt': report('Harbour Board', [['ELENA VARGA', LIGHTHOUSE]]),
    });
    const swaps = s.live.swaps;
    writeFileSync(
      join(s.dir, 'harbour.txt'),
      Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0]),
    );
    await waitFor(() => s.live.swaps > swaps);
    expect(await s.ask('lighthouse repairs')).toContain(LIGHTHOUSE);
    const path = join(s.dir, 'harbour.txt');
    const warning = s.ctx.corpus.warnings.find(
      (w) => w.file === path && /last good version/.test(w.message),
    );
    expect(warning?.message).toMatch(/binary/);
    expect(
      s.ctx
        .logLines()
        .some(
          (l) => String(l.msg).startsWith(`${path}:0 `) && /last good version/.test(String(l.msg)),
        ),
    ).toBe(true);

    // Fixed again: the new text is read.
    writeFileSync(path, report('Harbour Board', [['ELENA VARGA', FERRY]]));
    await waitFor(async () => (await s.ask('ferry timetable')).includes(FERRY));
    expect(s.ctx.corpus.warnings.some((w) => /last good version/.test(w.message))).toBe(false);
  });

  it('finishes a question in flight on the old corpus and answers the next one from the new', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => (started = r));
    // /slowask: an /ask that waits before searching, as a long answer would.
    const slow: CommandModule = {
      data: new SlashCommandBuilder()
        .setName('slowask')
        .setDescription('ask, slowly')
        .addStringOption((o) => o.setName('question').setDescription('q').setRequired(true)),
      async run(ctx, input) {
        started();
        await gate;
        return runAsk(ctx, input);
      },
    };
    const s = await setup(
      { 'harbour.txt': report('Harbour Board', [['ELENA VARGA', LIGHTHOUSE]]) },
      [slow],
    );
    const inFlight = s.session.handleLine('/slowask question:"lighthouse repairs"');
    await running;
    writeFileSync(
      join(s.dir, 'harbour.txt'),
      report('Harbour Board', [['ELENA VARGA', `${LIGHTHOUSE.slice(0, -1)} next week.`]]),
    );
    await waitFor(async () => (await s.ask('lighthouse repairs')).includes('arrives next week.'));
    release();
    const old = (await inFlight).text;
    expect(old).toContain(LIGHTHOUSE);
    expect(old).not.toContain('next week');
  });

  it('answers "expired" for a button whose statement was removed, and keeps working ones', async () => {
    const s = await setup({
      'harbour.txt': report('Harbour Board', [['ELENA VARGA', LIGHTHOUSE]]),
      'quay.txt': report('Quay Committee', [['TOM OKAFOR', BUOYS]]),
    });
    const first = await s.ask('mooring buoys');
    expect(first).toMatch(/\[1\] Context/);
    unlinkSync(join(s.dir, 'quay.txt'));
    await waitFor(() => !s.ctx.corpus.meetings.some((m) => m.id === 'quay.txt'));
    expect((await s.session.handleLine('Context')).text).toContain(EXPIRED_TEXT);

    await s.ask('lighthouse repairs');
    writeFileSync(join(s.dir, 'other.txt'), report('Other', [['TOM OKAFOR', FERRY]]));
    await waitFor(() => s.ctx.corpus.meetings.some((m) => m.id === 'other.txt'));
    expect((await s.session.handleLine('Context')).text).toContain(LIGHTHOUSE);
  });
});
