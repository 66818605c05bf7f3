// Meeting summaries of caption files are made of what was said, never of cue labels or timings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build.js';
import { parseReport } from '../../src/corpus/parse.js';
import { listCandidateSentences } from '../../src/answers/summarize.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'readers', 'harbour-call.vtt');

describe('summary sentences of a caption file', () => {
  it("start at the spoken words of each cue, not at the cue's speaker label", () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const meeting = buildCorpus([parseReport(text, 'harbour-call.vtt')]).meetings[0];
    if (!meeting) throw new Error('the fixture gave no meeting');
    const sentences = listCandidateSentences(meeting).map((s) => s.text);
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) {
      expect(s).not.toMatch(/^(Ana Ruiz \(Acme\)|Tullio \| Erigon|kofi\.b):/);
      expect(s).not.toContain('-->');
    }
  });

  it('leave out the handle that opens each cue of a turn running over several cues', () => {
    const text = [
      'WEBVTT',
      '',
      '1',
      '00:01:00.000 --> 00:01:04.000',
      'pier.ops: The crane is back in service since Monday morning.',
      '',
      '2',
      '00:01:04.000 --> 00:01:09.000',
      'pier.ops: the night shift reported no faults on the winch.',
      '',
    ].join('\n');
    const meeting = buildCorpus([parseReport(text, 'pier-ops.vtt')]).meetings[0];
    if (!meeting) throw new Error('no meeting');
    const sentences = listCandidateSentences(meeting).map((s) => s.text);
    expect(sentences).toContain('the night shift reported no faults on the winch.');
    for (const s of sentences) expect(s).not.toMatch(/^pier\.ops:/);
  });
});
