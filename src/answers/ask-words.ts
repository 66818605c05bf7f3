// The words for an answer's outcome (why there are these results, or none): the engine returns
// typed outcomes, and the Discord view, the console and the CLI all say them the same way here.
import type { AskAnswer } from '../search/engine.js';
import { MAX_QUESTION_LENGTH } from '../search/engine.js';

export const EMPTY_QUESTION_TEXT =
  'Please type a question with some words in it, for example "what was said about trade?".';

/** The sentence for an unusable question, or null when the question could be searched. */
export function describeError(answer: AskAnswer): string | null {
  return answer.outcome.kind === 'empty-question' ? EMPTY_QUESTION_TEXT : null;
}

/**
 * What the reader should know besides the results: the question was cut, why nothing answers,
 * or how the results were chosen. Null when there is nothing to say. `sayNothing: false` leaves
 * out the plain "nothing answers" for a view that already says it in its own words.
 */
export function describeOutcome(
  answer: AskAnswer,
  { sayNothing = true }: { sayNothing?: boolean } = {},
): string | null {
  const lines: string[] = [];
  if (answer.truncatedTo !== null)
    lines.push(
      `Your question was longer than ${MAX_QUESTION_LENGTH} characters; only the first ${answer.truncatedTo} were used.`,
    );
  if (answer.cutShort)
    lines.push(
      'This question took too long to search in full; these are the best answers found in time.',
    );
  const o = answer.outcome;
  switch (o.kind) {
    case 'found':
      if (o.topicless)
        lines.push('No topic in the question: showing what the speaker said, in report order.');
      break;
    case 'empty-question':
      lines.push(EMPTY_QUESTION_TEXT);
      break;
    case 'unknown-speaker': {
      const typed = o.names.join(' or ');
      if (o.from === 'question') lines.push(`The reports have no statements by ${typed}.`);
      else if (o.candidates.length > 0)
        lines.push(
          `No speaker "${typed}" is clear in the reports; did you mean ${o.candidates.join(', ')}?`,
        );
      else lines.push(`No speaker "${typed}" appears in the reports.`);
      break;
    }
    case 'silent-speaker':
      lines.push(`The reports mention ${o.names.join(' and ')} but quote no statements by them.`);
      break;
    case 'unknown-meeting':
      lines.push(`No meeting matches "${o.query}".`);
      break;
    case 'no-topic':
      lines.push('Add a topic to your question, for example a word the speakers might have used.');
      break;
    case 'nothing':
      if (sayNothing) lines.push('Nothing in the reports answers that.');
      break;
  }
  return lines.length > 0 ? lines.join(' ') : null;
}
