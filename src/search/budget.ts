// A time budget for one question: the loops that grow with a question (its concepts'
// expansions, candidate scoring) check it and stop with the best answer found so far, so no
// single question holds the event loop for long. Questions run synchronously, one at a time,
// so the current deadline is module state set by `askQuestion` around each question.
//
// The budget counts the process's CPU time, not the clock: on a busy machine (other processes on
// the same cores) a question is not cut short because it waited for a core, so the same question
// gets the same answer whatever else runs. A clock limit of WALL_FACTOR times the budget still
// bounds how long one question can keep the bot from answering others.

/** How long one question may take by default (ms of CPU time). */
export const QUESTION_BUDGET_MS = 100;
/** Clock time a question may take, as a multiple of its CPU budget. */
const WALL_FACTOR = 3;

let cpuLimitUs = Infinity;
let cpuStart: NodeJS.CpuUsage | null = null;
let wallDeadline = Infinity;
let ran = false;

/** Starts the budget of one question. */
export function startBudget(ms: number = QUESTION_BUDGET_MS): void {
  const budget = Math.max(0, ms);
  cpuLimitUs = budget * 1000;
  cpuStart = process.cpuUsage();
  wallDeadline = performance.now() + budget * WALL_FACTOR;
  ran = false;
}

/** The question has used its time: the caller stops growing its work. */
export function overBudget(): boolean {
  if (ran) return true;
  if (cpuStart === null) return false;
  const used = process.cpuUsage(cpuStart);
  if (used.user + used.system <= cpuLimitUs && performance.now() <= wallDeadline) return false;
  ran = true;
  return true;
}

/** Ends a question's budget; true when it ran out (the answer is the best found in time). */
export function endBudget(): boolean {
  const out = ran;
  cpuStart = null;
  cpuLimitUs = Infinity;
  wallDeadline = Infinity;
  ran = false;
  return out;
}
