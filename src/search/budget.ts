// A time budget for one question: the loops that grow with a question (its concepts'
// expansions, candidate scoring) check it and stop with the best answer found so far, so no
// single question holds the event loop for long. Questions run synchronously, one at a time,
// so the current deadline is module state set by `askQuestion` around each question.

/** How long one question may take by default (ms). */
export const QUESTION_BUDGET_MS = 100;

let deadline = Infinity;
let ran = false;

/** Starts the budget of one question. */
export function startBudget(ms: number = QUESTION_BUDGET_MS): void {
  deadline = performance.now() + Math.max(0, ms);
  ran = false;
}

/** The question has used its time: the caller stops growing its work. */
export function overBudget(): boolean {
  if (ran) return true;
  if (performance.now() <= deadline) return false;
  ran = true;
  return true;
}

/** Ends a question's budget; true when it ran out (the answer is the best found in time). */
export function endBudget(): boolean {
  const out = ran;
  deadline = Infinity;
  ran = false;
  return out;
}
