// What changed between two loaded corpora: the live corpus reports it after each swap, and the
// announcements and alerts act on the meetings that are new.
import type { Corpus, Meeting } from './types.js';

export interface CorpusChange {
  before: Corpus;
  after: Corpus;
  /** Meetings whose id was not in `before`. */
  added: Meeting[];
  /** Meetings in both whose text changed. */
  changed: Meeting[];
  /** Meetings of `before` that are gone. */
  removed: Meeting[];
}

export type CorpusListener = (change: CorpusChange) => void;

export function diffCorpora(before: Corpus, after: Corpus): CorpusChange {
  const old = new Map(before.meetings.map((m) => [m.id, m]));
  const now = new Set(after.meetings.map((m) => m.id));
  const added: Meeting[] = [];
  const changed: Meeting[] = [];
  for (const meeting of after.meetings) {
    const previous = old.get(meeting.id);
    if (!previous) added.push(meeting);
    else if (previous.text !== meeting.text) changed.push(meeting);
  }
  const removed = before.meetings.filter((m) => !now.has(m.id));
  return { before, after, added, changed, removed };
}
