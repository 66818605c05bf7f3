import { describe, expect, it } from 'vitest';
import { coverageNeeded, LEAST_COVERAGE } from '../../src/search/gate.js';

describe('coverageNeeded (the honesty gate for one statement)', () => {
  it('asks more of a statement by someone other than the speaker asked about', () => {
    // "what did X say about Y": X's own words need less of Y than a bystander's do.
    expect(coverageNeeded(true, false)).toBeGreaterThan(coverageNeeded(true, true));
    expect(coverageNeeded(true, false)).toBeGreaterThan(coverageNeeded(false, false));
  });

  it('never asks less than the pruning bound used while scoring', () => {
    for (const a of [true, false])
      for (const b of [true, false])
        expect(coverageNeeded(a, b)).toBeGreaterThanOrEqual(LEAST_COVERAGE);
  });
});
