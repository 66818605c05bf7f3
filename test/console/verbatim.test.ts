// The console shows a record's words and nothing a terminal would act on: no escape sequences,
// no control characters, no bidi overrides, no Markdown backslashes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildIndex } from '../../src/search/engine.js';
import type { SearchIndex } from '../../src/search/engine.js';
import { runConsole } from '../../src/console/run.js';
import { makeTestContext } from '../support/app-context.js';

const ESC = '\u001b';
const RECORD = [
  'HARBOUR BOARD',
  '',
  `MAYOR LINDQVIST: The *harbour* fee stays, ${ESC}[2J${ESC}]0;pwned\u0007the ${ESC}[31mferry${ESC}[0m goes at the quay.`,
  '',
  'CLERK OSTBERG: The timetable for the quay changes in June.',
  '',
].join('\n');

let dir: string;
let index: SearchIndex;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-console-'));
  writeFileSync(join(dir, '2026-05-02-harbour-board.txt'), RECORD);
  index = buildIndex(await loadCorpus(dir));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ask(line: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c) => (out += String(c)));
  input.end(`${line}\n`);
  await runConsole(makeTestContext({ index }), commands, { input, output, interactive: false });
  return out;
}

describe('the console on a hostile record', () => {
  it('shows the words of a record without its terminal escapes or Markdown escaping', async () => {
    const out = await ask('harbour fee ferry');
    expect(out).toContain('The *harbour* fee stays, the ferry goes at the quay.');
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
    expect(out).toMatch(/¶\d+ of 2026-05-02-harbour-board\.txt/);
    expect(out).not.toContain(dir);
  });

  it('echoes a question without its escapes or bidi overrides', async () => {
    const out = await ask(`harbour ${ESC}[2Jfee \u202eferry`);
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u202e');
    expect(out).toContain('> harbour fee ferry');
  });
});
