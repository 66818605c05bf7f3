// Loading folders from disk: bad files become warnings with file and line; everything else loads.
import {
  chmodSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  mkdirSync,
  openSync,
  closeSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, loadFiles, MAX_FILE_BYTES } from '../../src/corpus/load.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'corpus');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-load-test-'));
  copyFileSync(join(FIXTURES, 'budget-remarks.txt'), join(dir, 'budget-remarks.txt'));
  mkdirSync(join(dir, '2023'));
  copyFileSync(join(FIXTURES, 'works-committee.md'), join(dir, '2023', 'works-committee.md'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(
    join(dir, 'image.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
  );
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.concat([
      Buffer.from('MAYOR VARGA: Welcome.\n\nCOUNCILLOR OKAFOR: Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait.\n'),
    ]),
  );
  writeFileSync(join(dir, 'notes.txt'), 'Agenda for Monday\n\nItem one: budget\n');
  writeFileSync(
    join(dir, 'speakers.yml'),
    'speakers:\n  - name: Elena Varga\n    aliases: [Varga, MAYOR VARGA]\n    role: Mayor of Port Alder\n',
  );
  writeFileSync(join(dir, 'README.md'), '# About this folder\n');
  const big = openSync(join(dir, 'huge.txt'), 'w');
  ftruncateSync(big, MAX_FILE_BYTES + 1);
  closeSync(big);
  writeFileSync(join(dir, 'locked.txt'), 'MAYOR VARGA: Secret.\n');
  chmodSync(join(dir, 'locked.txt'), 0o000);
});

afterAll(() => {
  chmodSync(join(dir, 'locked.txt'), 0o644);
  rmSync(dir, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('loads the good reports with ids relative to the folder, and applies speakers.yml', async () => {
    const c = await loadCorpus(dir);
    const ids = c.meetings.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'budget-remarks.txt',
        '2023/works-committee.md',
        'latin1.txt',
        'notes.txt',
      ]),
    );
    expect(ids).not.toContain('README.md');
    const varga = c.speakers.find((s) => s.name === 'Elena Varga');
    expect(varga?.role).toBe('Mayor of Port Alder');
    expect(c.meetings.find((m) => m.id === 'budget-remarks.txt')?.speakers[0]).toBe('Elena Varga');
  });

  it('warns, naming file and line, about every bad file', async () => {
    const c = await loadCorpus(dir);
    const byFile = (name: string) =>
      c.warnings.filter((w) => w.file === join(dir, name)).map((w) => `${w.line}: ${w.message}`);
    expect(byFile('empty.txt')).toEqual(['0: empty file: nothing to read']);
    expect(byFile('image.txt').join('\n')).toMatch(/binary/);
    expect(byFile('latin1.txt')).toEqual([
      '3: invalid UTF-8: undecodable bytes are shown as “\ufffd” (save the file as UTF-8)',
    ]);
    expect(byFile('notes.txt')).toEqual([
      '1: no statements found (no quotations, reported speech or transcript turns)',
    ]);
    expect(byFile('huge.txt')).toEqual([
      '0: is 52,428,801 bytes, over the 50 MB (52,428,800 bytes) limit for a report; skipped. Split it into smaller files, or move it out of the corpus folder',
    ]);
    if (process.getuid?.() !== 0)
      expect(byFile('locked.txt')).toEqual(['0: could not be read: permission denied']);
  });

  it('reports progress for every file', async () => {
    const seen: number[] = [];
    await loadCorpus(dir, { onProgress: (done, total) => seen.push(total - done) });
    expect(seen[seen.length - 1]).toBe(0);
  });

  it('turns a missing folder into a warning, not a crash', async () => {
    const c = await loadCorpus(join(dir, 'nope'));
    expect(c.meetings).toEqual([]);
    expect(c.warnings[0]?.message).toMatch(/^could not be read/);
  });
});

describe('loadFiles', () => {
  it('loads listed files with their base names as ids', async () => {
    const c = await loadFiles([
      join(FIXTURES, 'chancellor-visit.txt'),
      join(FIXTURES, 'works-committee.md'),
    ]);
    expect(c.meetings.map((m) => m.id)).toEqual(['chancellor-visit.txt', 'works-committee.md']);
    expect(c.meetings[0]?.file).toBe(join(FIXTURES, 'chancellor-visit.txt'));
  });
});
