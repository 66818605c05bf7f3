// Builds run a slice at a time (the live corpus's rebuilds) come out exactly as the same builds run
// at once, and let timers run between slices.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildProfileStats, profileStatsSlices } from '../src/answers/profiles.js';
import { generateReports } from '../src/bench/generate.js';
import { buildCorpus, buildCorpusSlices } from '../src/corpus/build.js';
import { parseReport } from '../src/corpus/parse.js';
import { buildIndex, buildIndexSlices } from '../src/search/build-index.js';
import { lookupSlices } from '../src/search/lookup.js';
import { runAtOnce, runInSlices } from '../src/slices.js';
import type { Slices } from '../src/slices.js';

const reports = generateReports({ reports: 60, seed: 5 }).map((r) => ({
  ...parseReport(r.text, r.name),
  id: r.name,
}));

describe('work in slices', () => {
  it('builds the same corpus, index and profile statistics as at once', async () => {
    const corpus = buildCorpus(reports);
    expect(isDeepStrictEqual(await runInSlices(buildCorpusSlices(reports), 1), corpus)).toBe(true);
    const once = buildIndex(corpus).data;
    const sliced = (await runInSlices(buildIndexSlices(corpus), 1)).data;
    for (const key of ['terms', 'surfaces', 'postStart', 'postDoc', 'postImpact', 'idf'] as const)
      expect(isDeepStrictEqual(sliced[key], once[key]), key).toBe(true);
    expect(sliced.globalTopics).toEqual(once.globalTopics);
    // The name and meeting lookups (autocomplete) too: the same keys, meetings and answers.
    expect(sliced.lookup.keys).toEqual(once.lookup.keys);
    expect(sliced.lookup.docs).toEqual(once.lookup.docs);
    expect(sliced.lookup.byCount).toEqual(once.lookup.byCount);
    const title = corpus.meetings[7]?.title ?? '';
    expect(sliced.lookup.meetingFuse.search(title)[0]?.item.meeting.id).toBe(
      once.lookup.meetingFuse.search(title)[0]?.item.meeting.id,
    );
    const stats = buildProfileStats(corpus);
    const slicedStats = await runInSlices(profileStatsSlices(corpus), 1);
    expect(slicedStats.surfaces).toEqual(stats.surfaces);
    expect(slicedStats.speakerTerms).toEqual(stats.speakerTerms);
    expect([...slicedStats.meetingsByPerson]).toEqual([...stats.meetingsByPerson]);
  });

  it('pauses while building the lookups, every few hundred meetings and between fuzzy indexes', () => {
    const corpus = buildCorpus(reports);
    const work = lookupSlices(corpus);
    let pauses = 0;
    for (let step = work.next(); !step.done; step = work.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  it('lets timers run between slices, and none at once', async () => {
    function* work(): Slices<number> {
      const end = Date.now() + 60;
      let pieces = 0;
      while (Date.now() < end) {
        pieces++;
        yield;
      }
      return pieces;
    }
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    try {
      expect(runAtOnce(work())).toBeGreaterThan(0);
      expect(ticks).toBe(0);
      await runInSlices(work(), 5);
      expect(ticks).toBeGreaterThan(2);
    } finally {
      clearInterval(ticker);
    }
  });
});
