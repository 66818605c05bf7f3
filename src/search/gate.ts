// The honesty gate: how much of a question a statement must cover to count as an answer.

// Share of the question's topic (weighted by rarity) a statement must match to count as an answer;
// stricter for statements by someone other than the speaker asked about.
export const MIN_COVERAGE = 0.4;
export const MIN_COVERAGE_ASKED_SPEAKER = 0.3;
export const MIN_COVERAGE_OTHER_SPEAKER = 0.75;

/** The share of the question's topic weight a statement must cover to be shown at all. */
export function coverageNeeded(speakersAsked: boolean, byAskedSpeaker: boolean): number {
  // The speaker asked about is itself evidence; anyone else must match the topic well.
  if (!speakersAsked) return MIN_COVERAGE;
  return byAskedSpeaker ? MIN_COVERAGE_ASKED_SPEAKER : MIN_COVERAGE_OTHER_SPEAKER;
}

/** The least coverage any statement could be shown with (for pruning while scoring). */
export const LEAST_COVERAGE = Math.min(MIN_COVERAGE, MIN_COVERAGE_ASKED_SPEAKER);
