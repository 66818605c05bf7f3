// A corpus folder with Word and PDF records among text ones: the good ones load, each bad one is
// a warning naming it, and nothing stops the rest.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import { makeDocx, makePdf, makeTextlessPdf } from './make-files.js';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-office-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading a folder with Word and PDF records', () => {
  it('loads the good ones and names each file it could not read', async () => {
    writeFileSync(
      join(dir, '2026-05-01-pier.txt'),
      'Pier Trust\n\nMAYOR VARGA: The pier reopens in June.\n',
    );
    writeFileSync(
      join(dir, 'Harbour Board 2026-05-02.docx'),
      await makeDocx(['Harbour Board', 'CHAIR: The dredging budget is spent.']),
    );
    writeFileSync(
      join(dir, 'ferry.pdf'),
      await makePdf({
        pages: [[['MS OKAFOR: The early crossing should stay.']], [['CHAIR: Agreed by all.']]],
        foot: (n, t) => `Page ${n} of ${t}`,
      }),
    );
    writeFileSync(join(dir, 'scanned.pdf'), await makeTextlessPdf());
    writeFileSync(join(dir, 'broken.docx'), Buffer.from('PK\u0003\u0004 not much of a zip'));
    writeFileSync(join(dir, 'broken.pdf'), Buffer.from('%PDF-1.4\n1 0 obj <<'));
    // Sparse: 60 MB on paper, nothing on disk; refused from its size before any byte is read.
    writeFileSync(join(dir, 'huge.pdf'), '');
    execFileSync('truncate', ['-s', String(60 * 1024 * 1024), join(dir, 'huge.pdf')]);

    const c = await loadCorpus(dir);
    expect(c.meetings.map((m) => m.id)).toEqual([
      '2026-05-01-pier.txt',
      'Harbour Board 2026-05-02.docx',
      'ferry.pdf',
    ]);
    expect(c.statements.map((s) => `${s.speaker}: ${s.text} (¶${s.paragraph})`)).toEqual([
      'Varga: The pier reopens in June. (¶2)',
      'Chair: The dredging budget is spent. (¶2)',
      'Okafor: The early crossing should stay. (¶1)',
      'Chair: Agreed by all. (¶2)',
    ]);
    const warned = (name: string) =>
      c.warnings.filter((w) => w.file === join(dir, name)).map((w) => w.message);
    expect(warned('scanned.pdf')).toEqual([expect.stringMatching(/needs OCR/)]);
    expect(warned('broken.docx')).toEqual([expect.stringMatching(/not a Word document/)]);
    expect(warned('broken.pdf')).toEqual([expect.stringMatching(/not a readable PDF/)]);
    expect(warned('huge.pdf')).toEqual([
      expect.stringMatching(/is 62,914,560 bytes, over the 50 MB .* limit/),
    ]);
    expect(c.warnings).toHaveLength(4);
  });
});
