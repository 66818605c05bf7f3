// PDF records: laid out as paragraphs, turns attributed and cited by paragraph, running heads and
// page numbers never speech; a scan without text asks for OCR; a broken or huge PDF costs itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/corpus/load.js';
import { extractText, readExtractedReport } from '../../../src/corpus/extract/index.js';
import { makePdf, makeTextlessPdf } from './make-files.js';
import type { PdfSpec } from './make-files.js';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = 'Ferry Committee — Minutes of 10 June 2026';
const FERRY: PdfSpec['pages'] = [
  [
    ['Ferry Committee'],
    [
      'CHAIR: Welcome. We start with the timetable for the winter season,',
      'which the operator sent last week.',
    ],
    ['MS OKAFOR: The early crossing should stay. Commuters rely on it every', 'single morning.'],
    ['MR VANCE: The crew costs for the early crossing doubled this year and'],
  ],
  [
    ['the operator wants a subsidy before it runs the boat in January.'],
    ['CHAIR: We will ask the council for the subsidy.'],
  ],
  [
    ['MS OKAFOR: I second that, and I ask that the minutes record the vote.'],
    ['CHAIR: So recorded. The meeting is closed.'],
  ],
];

describe('a PDF record', () => {
  it('gives each turn its speaker and paragraph; heads and page numbers are not speech', async () => {
    const file = join(dir, 'Ferry Committee 2026-06-10.pdf');
    writeFileSync(
      file,
      await makePdf({ pages: FERRY, head: HEAD, foot: (n, t) => `Page ${n} of ${t}` }),
    );
    const c = await loadFiles([file]);
    expect(c.statements.map((s) => `¶${s.paragraph} ${s.speaker}: ${s.text}`)).toEqual([
      '¶2 Chair: Welcome. We start with the timetable for the winter season, which the operator sent last week.',
      '¶3 Okafor: The early crossing should stay. Commuters rely on it every single morning.',
      // A sentence the page break cut in two is one paragraph again.
      '¶4 Vance: The crew costs for the early crossing doubled this year and the operator wants a subsidy before it runs the boat in January.',
      '¶5 Chair: We will ask the council for the subsidy.',
      '¶6 Okafor: I second that, and I ask that the minutes record the vote.',
      '¶7 Chair: So recorded. The meeting is closed.',
    ]);
    const [m] = c.meetings;
    expect(m?.text).not.toMatch(/Page \d of 3|Minutes of 10 June/);
    expect(m?.date).toBe('2026-06-10');
    for (const s of c.statements) expect(m?.text.slice(s.start, s.end)).toBe(s.text);
    expect(c.warnings).toEqual([]);
  });

  it('drops "- 2 -" page numbers and a head that carries the page number', async () => {
    const res = await extractText(
      await makePdf({
        pages: FERRY,
        head: 'Ferry Committee minutes, draft',
        foot: (n) => `- ${n} -`,
      }),
      'pdf',
      { file: 'ferry.pdf' },
    );
    expect(res.text).not.toMatch(/draft|- \d -/);
    expect(res.text?.split('\n\n')[0]).toBe('Ferry Committee');
    const numbered = await extractText(
      await makePdf({ pages: FERRY, head: (n) => `Ferry Committee — page ${n}`, foot: () => '' }),
      'pdf',
    );
    // "page 1", "page 2", "page 3" at the same place on every page: one running head.
    expect(numbered.text).not.toMatch(/— page/);
  });
});

describe('a PDF that cannot be read', () => {
  it('without a text layer asks for OCR instead of making an empty meeting', async () => {
    const file = join(dir, 'scanned.pdf');
    writeFileSync(file, await makeTextlessPdf());
    const c = await loadFiles([file]);
    expect(c.meetings).toEqual([]);
    expect(c.warnings).toEqual([
      { file, line: 0, message: expect.stringMatching(/no text layer.*needs OCR/) },
    ]);
  });

  it('damaged, cut off or not a PDF: a warning naming the file, and the rest still loads', async () => {
    const junk = join(dir, 'junk.pdf');
    writeFileSync(junk, '%PDF-1.7\nthis is not really a PDF at all\n%%EOF\n');
    const cut = join(dir, 'cut.pdf');
    const whole = await makePdf({ pages: FERRY });
    writeFileSync(cut, whole.subarray(0, 400));
    const good = join(dir, 'good.pdf');
    writeFileSync(good, whole);
    const c = await loadFiles([junk, cut, good]);
    expect(c.meetings.map((m) => m.id)).toEqual(['good.pdf']);
    expect(c.warnings.map((w) => w.file).sort()).toEqual([cut, junk].sort());
    for (const w of c.warnings) expect(w.message).toMatch(/PDF/);
  });

  it('over the page limit or the time limit is refused with a warning', async () => {
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await makePdf({ pages: FERRY }));
    const long = await readExtractedReport(file, { maxPages: 2 });
    expect(long.report).toBe(null);
    expect(long.warnings[0]?.message).toMatch(/has 3 pages, over the 2-page limit/);
    const slow = await readExtractedReport(file, { timeoutMs: 1 });
    expect(slow.report).toBe(null);
    expect(slow.warnings[0]?.message).toMatch(/took longer than 0.001 s/);
  });
});
