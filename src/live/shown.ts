// What an answer showed, kept with its buttons: after the corpus is swapped, a button whose
// statement was removed (or whose words changed) says the result has expired instead of quietly
// showing something else.
import type { Corpus, Meeting, Statement } from '../corpus/types.js';

/** A statement as it was shown: its id and its exact words. */
export interface ShownStatement {
  id: string;
  text: string;
}

export function describeShown(results: readonly { statement: Statement }[]): ShownStatement[] {
  return results.map((r) => ({ id: r.statement.id, text: r.statement.text }));
}

/**
 * The shown statement in this corpus, or null when its record is gone or says something else
 * now. Statement ids are `${meetingId}#${index}`.
 */
export function findShown(
  corpus: Corpus,
  shown: ShownStatement,
): { statement: Statement; meeting: Meeting } | null {
  const hash = shown.id.lastIndexOf('#');
  if (hash < 0) return null;
  const meetingId = shown.id.slice(0, hash);
  const meeting = corpus.meetings.find((m) => m.id === meetingId);
  const statement = meeting?.statements[Number(shown.id.slice(hash + 1))];
  if (!meeting || !statement || statement.id !== shown.id || statement.text !== shown.text)
    return null;
  return { statement, meeting };
}
