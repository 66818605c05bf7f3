// A report the parser chokes on (a bug) costs that one file, named in a warning; the rest loads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type * as Parse from '../../src/corpus/parse.js';

vi.mock('../../src/corpus/parse.js', async (original) => {
  const real = await original<typeof Parse>();
  return {
    ...real,
    parseReport: (text: string, file: string) => {
      if (file.endsWith('cursed.txt')) throw new RangeError('Maximum call stack size exceeded');
      return real.parseReport(text, file);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'verbatim-parse-failure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a report the parser fails on', () => {
  it('is skipped with its name and the error, and the other reports load', async () => {
    writeFileSync(join(dir, 'cursed.txt'), 'MAYOR VARGA: This one breaks the parser.\n');
    writeFileSync(join(dir, 'fine.txt'), 'MAYOR VARGA: The ferry timetable stays as it is.\n');
    const c = await loadCorpus(dir);
    expect(c.meetings.map((m) => m.id)).toEqual(['fine.txt']);
    expect(c.warnings).toEqual([
      {
        file: join(dir, 'cursed.txt'),
        line: 0,
        message: 'could not be read as a report (Maximum call stack size exceeded); skipped',
      },
    ]);
  });
});
