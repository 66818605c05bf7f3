// The honesty gate: how much of a question a statement must cover to count as an answer.

// Share of the question's topic (weighted by rarity) a statement must match to count as an answer;
// stricter for statements by someone other than the speaker asked about. Half: of a question
// about two things, a statement on the commoner one alone (Brexit, in a question about a person
// the records never quote on it) answers less than half of it.
export const MIN_COVERAGE = 0.5;
export const MIN_COVERAGE_ASKED_SPEAKER = 0.3;
export const MIN_COVERAGE_OTHER_SPEAKER = 0.75;

/** Who said a statement, as the gate sees it. */
export type Voice =
  /** The question names nobody. */
  | 'anyone'
  /** A speaker the question names. */
  | 'asked'
  /** Nobody named: a group statement ("The leaders agreed …") in a meeting of a speaker asked about. */
  | 'group'
  /** Someone else. */
  | 'other';

/** The share of the question's topic weight a statement must cover to be shown at all. */
export function coverageNeeded(voice: Voice): number {
  // The speaker asked about is itself evidence; a group statement of their meeting speaks for
  // them as much as for anyone; anyone else must match the topic well.
  if (voice === 'anyone' || voice === 'group') return MIN_COVERAGE;
  return voice === 'asked' ? MIN_COVERAGE_ASKED_SPEAKER : MIN_COVERAGE_OTHER_SPEAKER;
}

/** The least coverage any statement could be shown with (for pruning while scoring). */
export const LEAST_COVERAGE = Math.min(MIN_COVERAGE, MIN_COVERAGE_ASKED_SPEAKER);

/** What the gate weighs of a statement that passed `coverageNeeded`. */
export interface GateCandidate {
  /** Ranking score (BM25F with the boosts). */
  score: number;
  /** Share of the question's topic weight it covers (0..1). */
  coverage: number;
  /** By a speaker the question names ("what did X say"); absent when it names nobody. */
  asked?: boolean;
  /**
   * False when the statement's match is only lent by the question turn it replies to ("I did."
   * after "You wrote the memos?"): it answers beside its question, not on a page of its own.
   */
  ownWords?: boolean;
}

// After the best answer, another is shown only when it covers nearly as much of the question
// (its main concepts, not one common word of it) and scores within reach of the best.
export const FOLLOW_COVERAGE = 0.8;
export const FOLLOW_SCORE = 0.3;

/**
 * Does `other` answer the question about as well as `best`? A statement that shares only a common
 * word (or the speaker's name) with the question, or is by someone other than the speaker asked
 * about when that speaker's own words answer, is not shown just to fill the page.
 */
export function answersAsWell(best: GateCandidate, other: GateCandidate): boolean {
  // "What did X say": once X's own words answer, someone else's do not answer as well.
  if (best.asked === true && other.asked === false) return false;
  // A reply whose words share nothing with the question is shown only as the best answer.
  if (other.ownWords === false) return false;
  return (
    other.coverage + 1e-6 >= Math.min(1, best.coverage) * FOLLOW_COVERAGE &&
    other.score + 1e-9 >= best.score * FOLLOW_SCORE
  );
}
