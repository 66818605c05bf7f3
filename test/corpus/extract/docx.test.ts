// Word records: read like their text, turns attributed and cited by paragraph, and a hostile or
// broken .docx costs only itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { loadFiles } from '../../../src/corpus/load.js';
import { extractText, readExtractedReport } from '../../../src/corpus/extract/index.js';
import type { Corpus } from '../../../src/corpus/types.js';
import { makeDocx } from './make-files.js';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MINUTES = [
  'Harbour Board — Minutes',
  'CHAIR: Good evening. The dredging contract comes first tonight.',
  'TREASURER: The dredging budget is spent; we need another forty thousand pounds before the autumn tides.',
  'CHAIR: Then we defer the pier lights to the spring.',
];

function turns(c: Corpus): string[] {
  return c.statements.map((s) => `¶${s.paragraph} ${s.speaker}: ${s.text}`);
}

describe('a Word record', () => {
  it('gives each turn its speaker and its paragraph, with the date and title from the file name', async () => {
    const file = join(dir, 'Harbour Board 2026-05-02.docx');
    writeFileSync(file, await makeDocx(MINUTES));
    const c = await loadFiles([file]);
    expect(turns(c)).toEqual([
      '¶2 Chair: Good evening. The dredging contract comes first tonight.',
      '¶3 Treasurer: The dredging budget is spent; we need another forty thousand pounds before the autumn tides.',
      '¶4 Chair: Then we defer the pier lights to the spring.',
    ]);
    const [m] = c.meetings;
    expect(m?.date).toBe('2026-05-02');
    expect(m?.title).toBe('Harbour Board, 2 May 2026');
    // Citations point into the extracted text.
    for (const s of c.statements) expect(m?.text.slice(s.start, s.end)).toBe(s.text);
    expect(c.warnings).toEqual([]);
  });
});

describe('Word page furniture', () => {
  it('leaves the running head and foot (page numbers) out of the text', async () => {
    const res = await extractText(
      await makeDocx(MINUTES, '', {
        header: 'HARBOUR BOARD CONFIDENTIAL: do not circulate.',
        footer: 'Page 1 of 4',
      }),
      'docx',
    );
    expect(res.text?.split('\n\n')).toEqual([...MINUTES.slice(0, -1), `${MINUTES.at(-1)}\n`]);
    expect(res.warnings).toEqual([]);
  });
});

describe('a broken or hostile Word file', () => {
  it('is a warning naming the file when it is not a zip, or a zip without a document', async () => {
    const notZip = join(dir, 'renamed.docx');
    writeFileSync(notZip, 'CHAIR: this was a text file once.\n');
    const noDoc = join(dir, 'empty-zip.docx');
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    writeFileSync(noDoc, await zip.generateAsync({ type: 'nodebuffer' }));
    const cut = join(dir, 'cut-off.docx');
    const whole = await makeDocx(MINUTES);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const good = join(dir, 'good.docx');
    writeFileSync(good, await makeDocx(MINUTES));

    const c = await loadFiles([notZip, noDoc, cut, good]);
    expect(c.meetings.map((m) => m.id)).toEqual(['good.docx']);
    const byFile = (f: string) => c.warnings.filter((w) => w.file === f).map((w) => w.message);
    expect(byFile(notZip)).toEqual([expect.stringMatching(/not a Word document/)]);
    expect(byFile(noDoc)).toEqual([expect.stringMatching(/could not be read as a Word document/)]);
    expect(byFile(cut)).toEqual([expect.stringMatching(/not a Word document|damaged/)]);
  });

  it('refuses a zip bomb before unpacking it', async () => {
    // 3 MB of spaces pack into a few KB; the limit here is 1 MB.
    const bomb = await makeDocx(MINUTES, `<w:p><w:r><w:t>${' '.repeat(3 << 20)}</w:t></w:r></w:p>`);
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const res = await extractText(bomb, '.docx', {
      file: 'bomb.docx',
      limits: { maxUnzippedBytes: 1 << 20 },
    });
    expect(res.text).toBe(null);
    expect(res.warnings).toEqual([
      { file: 'bomb.docx', line: 0, message: expect.stringMatching(/more than 1 MB.*zip bomb/) },
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a zip whose size header lies about what a part unpacks to', async () => {
    const buf = await makeDocx(MINUTES);
    // Find word/document.xml in the central directory and halve its stated size.
    const name = Buffer.from('word/document.xml');
    for (let at = buf.length - 46; at >= 0; at--) {
      if (buf.readUInt32LE(at) !== 0x02014b50) continue;
      const len = buf.readUInt16LE(at + 28);
      if (!buf.subarray(at + 46, at + 46 + len).equals(name)) continue;
      buf.writeUInt32LE(Math.floor(buf.readUInt32LE(at + 24) / 2), at + 24);
    }
    const res = await extractText(buf, 'docx', { file: 'liar.docx' });
    expect(res.text).toBe(null);
    expect(res.warnings[0]?.message).toMatch(/unpacks to a size other than it states/);
  });

  it('ignores the lock file Word keeps beside an open document', async () => {
    const lock = join(dir, '~$rbour Board.docx');
    writeFileSync(lock, Buffer.from([0x05, 0x41, 0x64, 0x61, 0, 0]));
    expect(await readExtractedReport(lock)).toEqual({ report: null, warnings: [] });
  });
});
