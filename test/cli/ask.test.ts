import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CORPUS = 'test/fixtures/ask';

/** Runs the real CLI entry point, as the scorers do. */
async function cli(args: string[], input?: string): Promise<string> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    maxBuffer: 8 << 20,
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return (await child).stdout;
}

describe('cli ask', () => {
  it('answers one JSON line per --stdin line, in order, with the contract fields', async () => {
    const out = await cli(
      ['ask', '--stdin', '--corpus', CORPUS, '--json'],
      'okafor footbridge\nwhat did whitfield say about trade\nputin olympics\n\n?!\n',
    );
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual([
      'okafor footbridge',
      'what did whitfield say about trade',
      'putin olympics',
      '',
      '?!',
    ]);
    const first = lines[0].results[0];
    expect(first).toMatchObject({
      speaker: 'Tom Okafor',
      kind: 'turn',
      text: 'Our harbour ward has waited ten years for a footbridge over the river.',
      context: null,
      meeting: { date: '2023-04-12' },
      source: { file: `${CORPUS}/2023-04-12-millbrook-budget.txt`, paragraph: 4 },
    });
    expect(typeof first.score).toBe('number');
    expect(lines[0].speakers).toEqual(['Tom Okafor']);
    expect(lines[1].results[0].context).toBe('Opening the talks, President Whitfield said,');
    // Nothing answers, and the reports know no Putin: empty results, the typed outcome, its
    // words, and suggestions that exist in the reports.
    expect(lines[2].results).toEqual([]);
    expect(lines[2].outcome).toMatchObject({ kind: 'unknown-speaker', names: ['Putin'] });
    expect(lines[2].notice).toMatch(/no statements by Putin/);
    expect(lines[2].suggestions).toContain('Tom Okafor');
    for (const l of lines.slice(3)) {
      expect(l.results).toEqual([]);
      expect(l.notice).toMatch(/type a question/);
    }
  });

  it('prints readable text with the quote and its citation', async () => {
    const text = await cli(['ask', 'did osei mention the floods', '--corpus', CORPUS]);
    expect(text).toContain(
      '1. Amara Osei (quote) — Talks between Norland and Valdoria, 2024-06-03',
    );
    expect(text).toContain('“Valdoria will never forget the help Norland gave after the floods.”');
    expect(text).toContain('paragraph 5');
  });

  it('rejects bad options with a usage message', async () => {
    await expect(cli(['ask', 'x', '--corpus', CORPUS, '--limit', 'lots'])).rejects.toMatchObject({
      code: 2,
    });
  });
});
