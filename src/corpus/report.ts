// What parsing one file yields (before corpus-wide merging): the contract between the readers,
// attribution, the parser and the corpus builder.
import type { StatementKind } from './types.js';

export interface ParsedSpeaker {
  name: string;
  aliases: string[];
  role: string | null;
  /** A generic label speaker ("Q", "Aide"): not a named person. Set only when true. */
  generic?: boolean;
}

export interface ParsedStatement {
  /** The speaker's name as this report gives it (before corpus-wide merging), or null. */
  speaker: string | null;
  kind: StatementKind;
  text: string;
  context: string | null;
  paragraph: number;
  start: number;
  end: number;
  /** "HH:MM:SS" where the source gives a time (caption cue, chat line); absent otherwise. */
  time?: string;
  /** The spoken pieces when furniture (cue timings, log prefixes) lies between them. */
  parts?: { start: number; end: number }[];
}

export interface ParseWarning {
  /** 1-based line (0: the whole file). */
  line: number;
  message: string;
}

export interface ParsedReport {
  file: string;
  text: string;
  title: string | null;
  date: string | null;
  source: string | null;
  /** People with statements, in order of first statement. */
  speakers: ParsedSpeaker[];
  /** People present who say nothing. */
  present: ParsedSpeaker[];
  statements: ParsedStatement[];
  warnings: ParseWarning[];
}
