// The readers, in the order they are tried: the first that accepts a file reads it. Files no
// structured reader takes are prose (news reports, minutes, labelled transcripts in paragraphs)
// and go to the paragraph parser. Narrow sniffs first: a court transcript (numbered lines) before
// a committee transcript (period labels), which only takes files whose turns are period labels.
import type { ReadResult, Reader } from './types.js';
import { captionReader } from './captions.js';
import { ircReader } from './irc.js';
import { zoomChatReader } from './zoom-chat.js';
import { courtTranscriptReader } from './court-transcript.js';
import { committeeTranscriptReader } from './committee-transcript.js';
import { htmlReader } from './html.js';
import { markdownNotesReader } from './markdown-notes.js';
import { timedTurnsReader } from './timed-turns.js';

export const READERS: readonly Reader[] = [
  captionReader,
  zoomChatReader,
  ircReader,
  courtTranscriptReader,
  committeeTranscriptReader,
  htmlReader,
  markdownNotesReader,
  timedTurnsReader,
];

/** The structured reader's result for this file, or null when the file is prose. */
export function readStructured(text: string, file: string): ReadResult | null {
  for (const reader of READERS) {
    if (!reader.accepts(text, file)) continue;
    const res = reader.read(text, file);
    if (res.blocks.length > 0) return res;
  }
  return null;
}
