// `cli parse --json`: the exact one-object-per-line contract the scorers read.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runParse } from '../../src/cli/parse.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'corpus');

async function capture(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await runParse(args);
  return { code, out };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cli parse --json', () => {
  it('names the questioner "Q" and keeps speakers to exactly name, aliases and role', async () => {
    const { code, out } = await capture([join(FIXTURES, 'budget-remarks.txt'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out.trim());
    for (const s of report.speakers) expect(Object.keys(s)).toEqual(['name', 'aliases', 'role']);
    expect(report.speakers.find((s: { name: string }) => s.name === 'Q')).toEqual({
      name: 'Q',
      aliases: [],
      role: null,
    });
    expect(
      report.statements
        .filter((s: { speaker: string }) => s.speaker === 'Q')
        .map((s: { text: string }) => s.text),
    ).toEqual(['Premier, will the province pay for the new pier?']);
  });

  it('prints one JSON object per file with exactly the contract fields', async () => {
    const file = join(FIXTURES, 'chancellor-visit.txt');
    const { code, out } = await capture([file, join(FIXTURES, 'works-committee.md'), '--json']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] as string);
    expect(Object.keys(first)).toEqual([
      'file',
      'meeting',
      'speakers',
      'present',
      'statements',
      'warnings',
    ]);
    expect(first.file).toBe(file);
    expect(first.meeting).toEqual({
      title: 'Meeting with Chancellor of Brightwater Mira Holt',
      date: '2023-06-13',
      source: null,
    });
    expect(first.speakers[1]).toEqual({
      name: 'Mira Holt',
      aliases: ['Chancellor of Brightwater Mira Holt', 'the Chancellor'],
      role: 'Chancellor of Brightwater',
    });
    expect(first.statements[0]).toEqual({
      speaker: 'Elena Varga',
      kind: 'turn',
      text: 'Madam Chancellor, welcome to Port Alder.',
      context: null,
      paragraph: 9,
      start: expect.any(Number),
      end: expect.any(Number),
    });
    expect(first.warnings).toEqual([
      {
        line: 24,
        message: 'the report seems cut off mid-sentence; the unfinished sentence is left out',
      },
    ]);
    expect(JSON.parse(lines[1] as string).present).toEqual(['Sam Ortiz']);
  });

  it('expands a folder and prints a readable listing without --json', async () => {
    const { code, out } = await capture([FIXTURES]);
    expect(code).toBe(0);
    expect(out).toContain('== ' + join(FIXTURES, 'budget-remarks.txt'));
    expect(out).toContain('¶6 [turn] Elena Varga: Good morning, everyone.');
  });

  it('prints an output line even for a file that cannot be read', async () => {
    const { out } = await capture([join(FIXTURES, 'missing.txt'), '--json']);
    const o = JSON.parse(out.trim());
    expect(o.statements).toEqual([]);
    expect(o.warnings).toEqual([{ line: 0, message: 'could not be read: no such file' }]);
  });
});
