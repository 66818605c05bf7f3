import { describe, expect, it } from 'vitest';
import { answersAsWell, coverageNeeded, LEAST_COVERAGE } from '../../src/search/gate.js';

describe('coverageNeeded (the honesty gate for one statement)', () => {
  it('asks more of a statement by someone other than the speaker asked about', () => {
    // "what did X say about Y": X's own words need less of Y than a bystander's do.
    expect(coverageNeeded('other')).toBeGreaterThan(coverageNeeded('asked'));
    expect(coverageNeeded('other')).toBeGreaterThan(coverageNeeded('anyone'));
    // A group statement of X's meeting ("The leaders agreed …") is an answer like any other.
    expect(coverageNeeded('group')).toBe(coverageNeeded('anyone'));
  });

  it('never asks less than the pruning bound used while scoring', () => {
    for (const v of ['anyone', 'asked', 'group', 'other'] as const)
      expect(coverageNeeded(v)).toBeGreaterThanOrEqual(LEAST_COVERAGE);
  });
});

describe('answersAsWell (after the best)', () => {
  it('does not show a reply whose only match is the question it follows', () => {
    // "I did." after "You wrote the memos?" answers beside its question; as an extra on the page
    // it says nothing about what was asked, however well its question matched.
    const best = { score: 10, coverage: 1 };
    expect(answersAsWell(best, { score: 9, coverage: 1 })).toBe(true);
    expect(answersAsWell(best, { score: 9, coverage: 1, ownWords: false })).toBe(false);
  });
});
