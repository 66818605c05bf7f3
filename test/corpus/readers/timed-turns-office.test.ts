// Otter-style transcripts saved as Word and PDF: the header of a name and a time survives
// extraction (in PDF it is joined to the turn's first line), so turns keep speakers and times.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import { makeDocx, makePdf } from '../extract/make-files.js';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-timed-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TURNS: [string, string, string][] = [
  ['Ines Ferro', '0:04', 'Evening, everyone. The park office confirmed the date.'],
  ['Kwame Osei', '0:41', 'Midnight is tight. The lantern walk runs past eleven.'],
  ['Ines Ferro', '1:02', 'Then we start the walk at nine.'],
  ['Kwame Osei', '1:30', 'Agreed.'],
];
const EXPECTED = [
  '00:00:04 Ines Ferro: Evening, everyone. The park office confirmed the date.',
  '00:00:41 Kwame Osei: Midnight is tight. The lantern walk runs past eleven.',
  '00:01:02 Ines Ferro: Then we start the walk at nine.',
  '00:01:30 Kwame Osei: Agreed.',
];

async function readAlone(name: string, bytes: Buffer): Promise<string[]> {
  const sub = join(dir, name.replace('.', '-'));
  mkdirSync(sub, { mode: 0o755 });
  writeFileSync(join(sub, name), bytes);
  const c = await loadCorpus(sub);
  expect(c.warnings).toEqual([]);
  return c.statements.map((s) => `${s.time ?? '-'} ${s.speaker ?? '-'}: ${s.text}`);
}

describe('an Otter-style transcript as Word and as PDF', () => {
  it('reads each turn of the Word file with its speaker and time', async () => {
    const paragraphs = [
      'Lantern festival call',
      ...TURNS.flatMap(([n, t, s]) => [`${n}  ${t}`, s]),
    ];
    expect(await readAlone('lanterns.docx', await makeDocx(paragraphs))).toEqual(EXPECTED);
  });

  it('reads the PDF, where the header is joined to the first line of the turn', async () => {
    const pdf = await makePdf({ pages: [TURNS.map(([n, t, s]) => [`${n} ${t}`, s])] });
    expect(await readAlone('lanterns.pdf', pdf)).toEqual(EXPECTED);
  });
});
