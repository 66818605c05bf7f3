// The corpus data model: what every other layer reads. Parsing produces it; nothing mutates it.

export type StatementKind = 'quote' | 'paraphrase' | 'turn';

/** A statement as the parser finds it in one file (speaker names are as that file gives them). */
export interface Statement {
  /** Unique across the corpus: `${meetingId}#${index}` (index is 0-based, in file order). */
  id: string;
  meetingId: string;
  /** Canonical speaker name (after corpus-wide merging), or null when nobody can be named. */
  speaker: string | null;
  kind: StatementKind;
  /** Exact text: `fileText.slice(start, end) === text`. */
  text: string;
  /** The sentence that introduces a quote ("…, Ayatollah Khamenei noted,"), else null. */
  context: string | null;
  /** 1-based paragraph number in the file (paragraphs are separated by blank lines or line breaks). */
  paragraph: number;
  /** Character (UTF-16 code unit) offsets into the file text. */
  start: number;
  end: number;
  /** Where the source gives one (caption cue, chat line): the time it was said, "HH:MM:SS". */
  time?: string;
  /**
   * When a turn joins several caption cues or log lines: the spoken pieces (offsets into the
   * file, each inside start–end). The furniture between them is in `text` but in no piece, so
   * views show `spokenText(statement)` and search indexes it.
   */
  parts?: { start: number; end: number }[];
  /** The pieces' words joined by a space (each piece verbatim); absent when `text` is all speech. */
  spoken?: string;
}

export interface Speaker {
  /** Canonical name, unique in the corpus ("Ali Khamenei"). */
  name: string;
  /** Every other form the reports use ("Khamenei", "the Leader", "Ayatollah Khamenei"). */
  aliases: string[];
  /** The role the reports give ("Leader of the Islamic Revolution"), or null. */
  role: string | null;
  /**
   * True for a generic label speaker ("Q" for reporters' questions, "Aide", "Moderator"): real
   * transcript turns, but not a named person's words. Absent for people.
   */
  generic?: boolean;
}

export interface Meeting {
  /** Unique id: the file path relative to the corpus folder ("2017-03-05-meeting.txt"). */
  id: string;
  /** The file path as loaded (what citations show). */
  file: string;
  title: string | null;
  /** YYYY-MM-DD or null. */
  date: string | null;
  /** Source URL (front matter), or null. */
  source: string | null;
  /** Canonical names of those who have statements in this meeting, in order of first statement. */
  speakers: string[];
  /** Canonical names of those present who say nothing here. */
  present: string[];
  statements: Statement[];
  /** The whole file text (statement offsets point into it). */
  text: string;
}

export interface Warning {
  file: string;
  /** 1-based line number (0 when it concerns the whole file). */
  line: number;
  message: string;
}

export interface Corpus {
  meetings: Meeting[];
  /** Every speaker (and silent participant) once, by canonical name. */
  speakers: Speaker[];
  /** All statements, meetings in load order, statements in file order. */
  statements: Statement[];
  warnings: Warning[];
}
