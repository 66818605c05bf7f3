import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.js';
import {
  evaluate,
  formatOffTopic,
  formatReport,
  isHeldOut,
  isOffTopic,
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
    expect(text).toMatch(/^off-topic extras \(ours\): \d+ of \d+ shown non-first results/m);
    expect(text).toMatch(/^off-topic extras \(minisearch\): \d+ of \d+ shown non-first results/m);
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

describe('off-topic extras', () => {
  it('counts shown results after the first that share no content concept with the question', async () => {
    const corpus = await loadCorpus(dir);
    const byText = (start: string) => {
      const s = corpus.statements.find((x) => x.text.startsWith(start));
      if (!s) throw new Error(`no statement ${start}`);
      return s;
    };
    const roof = byText('The railway station needs a new roof');
    const taxes = byText('We will not raise property taxes');
    const bridge = byText('Our harbour ward has waited');
    // A page that fills up: the first answers, the second (taxes) shares no word with the
    // question, the third (the footbridge) shares "river" with the second question only.
    const filler = () => [roof, taxes, bridge];
    const report = evaluate(corpus, questions.slice(0, 2), { filler }, covers);
    // Question 1 (railway roof): taxes and footbridge are both off-topic → 2 of 2.
    // Question 2 (footbridge over the river): taxes and the footbridge itself → taxes only, 1 of 2.
    expect(report.groups.get('all')?.get('filler')).toMatchObject({ later: 4, laterUnrelated: 3 });
    expect(formatOffTopic(report)).toEqual([
      'off-topic extras (filler): 3 of 4 shown non-first results (75.0%)',
    ]);
    // The first result is never counted: it is the answer, right or wrong.
    expect(isOffTopic('footbridge over the river', bridge)).toBe(false);
    expect(isOffTopic('footbridge over the river', taxes)).toBe(true);
  });
});
