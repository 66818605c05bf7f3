// `cli corpus check`: counts, every warning as file:line: message, exit 1 when a file is unreadable.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCorpusCheck } from '../../src/cli/corpus-check.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'corpus');

async function capture(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await runCorpusCheck(args);
  return { code, out };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cli corpus check', () => {
  it('prints counts by kind and every warning as file:line: message', async () => {
    const { code, out } = await capture([FIXTURES]);
    expect(code).toBe(0);
    expect(out).toContain('meetings: 4\n');
    expect(out).toMatch(/statements: 23 \(quote 5, paraphrase 5, turn 13\)/);
    expect(out).toContain(
      `${join(FIXTURES, 'chancellor-visit.txt')}:24: the report seems cut off mid-sentence; the unfinished sentence is left out`,
    );
  });

  it('exits 1 when a file could not be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-check-'));
    try {
      writeFileSync(join(dir, 'ok.txt'), 'MAYOR VARGA: Welcome.\n');
      mkdirSync(join(dir, 'drafts.txt'));
      const fine = await capture([dir]);
      expect(fine.code).toBe(0);
      expect(fine.out).toContain('meetings: 1\n');
      symlinkSync(join(dir, 'gone.txt'), join(dir, 'broken.txt'));
      const { code, out } = await capture([dir]);
      expect(code).toBe(1);
      expect(out).toContain(
        `${join(dir, 'broken.txt')}:0: could not be read: no such file (a link that leads nowhere)`,
      );
      expect(out).toContain('meetings: 1\n');
      expect((await capture([join(dir, 'nope')])).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
