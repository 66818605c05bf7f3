import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.js';
import {
  evaluate,
  formatReport,
  isHeldOut,
  miniSearchAnswerer,
  ourAnswerer,
  type EvalQuestion,
} from '../../src/bench/eval-ask.js';

const dir = fileURLToPath(new URL('../fixtures/ask/', import.meta.url));
// A stand-in for the eval folder's scoring rule: the shown text holds the gold start.
const covers = (text: string, start: string) => text.toLowerCase().includes(start.toLowerCase());

const questions: EvalQuestion[] = [
  {
    q: 'what did the mayor say about the railway station roof',
    file: '2023-04-12-millbrook-budget.txt',
    speaker: 'Elena Varga',
    start: 'The railway station needs a new roof',
  },
  {
    q: 'footbridge over the river',
    file: '2023-04-12-millbrook-budget.txt',
    speaker: 'Tom Okafor',
    start: 'Our harbour ward has waited ten years',
  },
  { q: 'what did osei say about volcanoes on mars', file: null, speaker: null, start: null },
  { q: 'submarine cables under the glacier', file: null, speaker: null, start: null },
];

describe('eval-ask (smoke)', () => {
  it('scores both engines on every group and prints them side by side', async () => {
    const corpus = await loadCorpus(dir);
    const report = evaluate(
      corpus,
      questions,
      { ours: ourAnswerer(corpus), minisearch: miniSearchAnswerer(corpus) },
      covers,
    );
    const all = report.groups.get('all');
    expect(all?.get('ours')?.answerable).toBe(2);
    // Both questions name their topic in the statement's own words: our engine finds them first.
    expect(all?.get('ours')?.hit1).toBe(2);
    // The second no-answer question (odd index) is held out; no file here is held out.
    expect(report.groups.get('held-out')?.get('ours')?.questions).toBe(1);
    expect(report.groups.get('tuning')?.get('minisearch')?.questions).toBe(3);
    const text = formatReport(report);
    expect(text).toMatch(/^all .*\n {2}ours .*hit@1 100\.0%/m);
    expect(text).toContain('kind: transcript (prose)');
    expect(text).toMatch(/sharing no content concept .*ours \d+\/\d+.*minisearch \d+\/\d+/);
  });

  it('holds out the four held-out files and the odd no-answer questions', () => {
    expect(
      isHeldOut({ q: '', file: 'kremlin-barroso-2005.txt', speaker: null, start: 'x' }, 2),
    ).toBe(true);
    expect(isHeldOut({ q: '', file: 'other.txt', speaker: null, start: 'x' }, 3)).toBe(false);
    expect(isHeldOut({ q: '', file: null, speaker: null, start: null }, 3)).toBe(true);
    expect(isHeldOut({ q: '', file: null, speaker: null, start: null }, 4)).toBe(false);
  });
});
