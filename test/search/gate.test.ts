import { describe, expect, it } from 'vitest';
import { coverageNeeded, LEAST_COVERAGE } from '../../src/search/gate.js';

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
