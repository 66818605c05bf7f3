// The reader stage's contract: a reader turns one file of its family into blocks of speech with
// exact offsets into the original text; attribution (shared by all readers) names the speakers.

/** One span of speech in the file: a turn, a paragraph of a turn, or a chat message. */
export interface Block {
  /** Offsets into the original file text: the statement's text is `file.slice(start, end)`. */
  start: number;
  end: number;
  /** 1-based line of `start` in the file. */
  line: number;
  /**
   * The speaker label as the file writes it, cleaned of markup ("Kimberly_Wilson_Linson" →
   * "Kimberly Wilson Linson", "<v Anna Ray>" → "Anna Ray"), or null for a group or unnamed voice.
   */
  label: string | null;
  /** The role a label carries beside the name ("Jack Tanner (CTO)" → "CTO"), if any. */
  role?: string;
  /**
   * The label as written when it holds more than the name ("Tullio | Erigon" for "Tullio"):
   * kept as the person's alias, so asking for "the Erigon guy" still finds him.
   */
  alias?: string;
  /** "HH:MM:SS" when the source times this block (caption cue, chat line). */
  time?: string;
  /**
   * The spoken pieces, in order, when the block joins several cues or log lines: the furniture
   * between them (cue timings, log prefixes) is inside `start`–`end` but in no piece.
   */
  parts?: { start: number; end: number }[];
  /** A report of what the person said ("Rod reiterated his comments …"); a turn when absent. */
  kind?: 'paraphrase';
  /** The topic the block falls under, where the file gives one (a notes heading): search context. */
  context?: string;
}

/** A problem a reader met: it is reported as `file:line` and the rest of the file is still read. */
export interface ReaderWarning {
  line: number;
  message: string;
}

export interface ReadResult {
  /** Which reader read the file ("vtt", "zoom-chat", …): shown by `corpus check`, kept in tests. */
  reader: string;
  blocks: Block[];
  /** Title and date where the file itself states them; attribution falls back to the file name. */
  title?: string | null;
  date?: string | null;
  /** Labels of people the file lists as present ("present+", an attendance list). */
  present?: string[];
  /** The role the file gives a listed person ("Mr. Kohn, Secretary"), by their `present` label. */
  presentRoles?: Map<string, string>;
  warnings: ReaderWarning[];
}

export interface Reader {
  name: string;
  /**
   * Whether this reader takes the file: by extension and by sniffing the first few kilobytes.
   * Cheap: it runs for every file.
   */
  accepts(text: string, file: string): boolean;
  /** Reads the file. Never throws on any input; returns no blocks when it finds no speech. */
  read(text: string, file: string): ReadResult;
}
