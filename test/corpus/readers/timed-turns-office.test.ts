// Otter-style and Teams transcripts saved as Word and PDF: the header of a name and a time survives
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
  // What a user is shown: the spoken words, without cue timings between joined cues.
  return c.statements.map((s) => `${s.time ?? '-'} ${s.speaker ?? '-'}: ${s.spoken ?? s.text}`);
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

describe("Teams' Word transcript (a timing, the name, the words: each its own paragraph)", () => {
  it("reads each cue as a turn of the named speaker, timed, with a speaker's cues joined", async () => {
    const cue = (timing: string, name: string, said: string) => [timing, name, said];
    const docx = await makeDocx([
      ...cue('0:0:0.0 --> 0:0:3.950', 'Ines Ferro', 'Good evening, everyone.'),
      ...cue('0:0:4.700 --> 0:0:7.10', 'Kwame Osei', 'Evening. Shall we start?'),
      ...cue('0:0:8.0 --> 0:0:9.500', 'Kwame Osei', 'There are twelve stalls.'),
      ...cue('0:1:10.0 --> 0:1:12.0', 'Ines Ferro', 'Good.'),
    ]);
    const said = await readAlone('teams-transcript.docx', docx);
    expect(said).toEqual([
      '00:00:00 Ines Ferro: Good evening, everyone.',
      '00:00:04 Kwame Osei: Evening. Shall we start? There are twelve stalls.',
      '00:01:10 Ines Ferro: Good.',
    ]);
  });
});
