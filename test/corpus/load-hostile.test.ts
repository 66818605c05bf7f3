// Loading a corpus folder a careless or hostile owner filled: a huge report, links to devices and
// pipes, links out of the folder, an unreadable subfolder. Each costs at most its own file.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus, loadFiles } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { projectModule, runUnprivileged } from '../support/as-nobody.js';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-hostile-'));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const SMALL = 'Harbour Board, 2 May 2026\n\nMAYOR VARGA: The ferry timetable stays as it is.\n';

function warningsOf(c: Corpus, file: string): string[] {
  return c.warnings.filter((w) => w.file === file).map((w) => w.message);
}

describe('a very large report', () => {
  it('loads 150,000 statements from one file without overflowing the stack', async () => {
    const dir = tempDir();
    const parts = ['Harbour Board, marathon session\n\n'];
    for (let i = 0; i < 150_000; i++)
      parts.push(`${i % 2 ? 'MAYOR VARGA' : 'COUNCILLOR OKAFOR'}: Item ${i} is agreed.\n\n`);
    writeFileSync(join(dir, 'marathon.txt'), parts.join(''));
    writeFileSync(join(dir, 'small.txt'), SMALL);
    const c = await loadCorpus(dir);
    const marathon = c.meetings.find((m) => m.id === 'marathon.txt');
    expect(marathon?.statements.length).toBe(150_000);
    expect(c.statements.length).toBe(150_001);
    expect(marathon?.statements[149_999]?.text).toBe('Item 149999 is agreed.');
  }, 60_000);

  it('says the exact size of a file over the limit and what to do', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge.txt');
    writeFileSync(file, '');
    execFileSync('truncate', ['-s', String(50 * 1024 * 1024 + 1), file]);
    const c = await loadFiles([file]);
    const [message] = warningsOf(c, file);
    expect(message).toContain('52,428,801 bytes');
    expect(message).toMatch(/over the 50 MB \(52,428,800 bytes\) limit/);
    expect(message).toMatch(/Split it into smaller files/);
  });
});

describe('devices, pipes and links', () => {
  it('skips links to /dev/zero and /dev/urandom and named pipes, naming each, and loads the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), SMALL);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync('/dev/urandom', join(dir, 'random.md'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    execFileSync('mkfifo', [join(dir, 'elsewhere.fifo')]);
    symlinkSync(join(dir, 'elsewhere.fifo'), join(dir, 'pipe-link.txt'));
    const started = Date.now();
    const c = await loadCorpus(dir);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(c.meetings.map((m) => m.id)).toEqual(['good.txt']);
    for (const name of ['zero.txt', 'random.md', 'pipe.txt', 'pipe-link.txt'])
      expect(warningsOf(c, join(dir, name)).join('\n')).toMatch(/not a regular file/);
  }, 10_000);

  it('refuses a device or a pipe named directly as a file', async () => {
    const dir = tempDir();
    const pipe = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    const c = await loadFiles(['/dev/zero', pipe]);
    expect(c.meetings).toEqual([]);
    expect(warningsOf(c, '/dev/zero')).toEqual([expect.stringMatching(/not a regular file/)]);
    expect(warningsOf(c, pipe)).toEqual([expect.stringMatching(/not a regular file/)]);
  }, 10_000);

  it('skips a link leading out of the folder unless the owner allows it', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), SMALL);
    const dir = tempDir();
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', 'kept.txt'), SMALL.replace('stays', 'changes'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'borrowed.txt'));
    symlinkSync(join(dir, 'archive', 'kept.txt'), join(dir, 'alias.txt'));

    const strict = await loadCorpus(dir);
    expect(strict.meetings.map((m) => m.id)).toEqual(['alias.txt', 'archive/kept.txt']);
    expect(warningsOf(strict, join(dir, 'borrowed.txt'))).toEqual([
      expect.stringMatching(/outside the corpus folder.*CORPUS_FOLLOW_OUTSIDE_LINKS=true/),
    ]);

    const allowed = await loadCorpus(dir, { followOutsideLinks: true });
    expect(allowed.meetings.map((m) => m.id)).toEqual([
      'alias.txt',
      'archive/kept.txt',
      'borrowed.txt',
    ]);
    expect(warningsOf(allowed, join(dir, 'borrowed.txt'))).toEqual([]);
  });

  it('names a link that leads nowhere', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), SMALL);
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    const c = await loadCorpus(dir);
    expect(c.meetings.map((m) => m.id)).toEqual(['good.txt']);
    expect(warningsOf(c, join(dir, 'dangling.txt'))).toEqual([
      'could not be read: no such file (a link that leads nowhere)',
    ]);
  });
});

describe('an unreadable subfolder', () => {
  // As root every folder is readable: the loading runs as the user `nobody` (see as-nobody.ts).
  it('is reported by name while the rest of the corpus loads', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'open.txt'), SMALL, { mode: 0o644 });
    mkdirSync(join(dir, 'public'), { mode: 0o755 });
    writeFileSync(
      join(dir, 'public', 'also-open.txt'),
      SMALL.replace('stays as it is', 'moves to summer hours'),
      {
        mode: 0o644,
      },
    );
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'hidden.txt'), SMALL);
    chmodSync(join(dir, 'private'), 0o700);
    const result = (await runUnprivileged(`
      import { loadCorpus } from ${projectModule('src/corpus/load.ts')};
      const c = await loadCorpus(${JSON.stringify(dir)});
      console.log(JSON.stringify({ ids: c.meetings.map((m) => m.id), warnings: c.warnings }));
    `)) as { ids: string[]; warnings: { file: string; message: string }[] };
    chmodSync(join(dir, 'private'), 0o755);
    expect(result.ids).toEqual(['open.txt', 'public/also-open.txt']);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        file: join(dir, 'private'),
        message: 'could not be read: permission denied (a folder: the reports in it are skipped)',
      }),
    ]);
  }, 30_000);
});
