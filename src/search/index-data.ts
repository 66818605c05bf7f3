// The index's data structures (read-only after the build) and the word pipeline that the build
// and the question reader share: tokenise, drop stopwords, stem.
import type Fuse from 'fuse.js';
import stem from 'wink-porter2-stemmer';
import type { Corpus } from '../corpus/types.js';
import type { EnglishCounts } from './english.js';
import type { Lexicon } from './lexicon.js';
import type { LookupIndex } from './lookup.js';
import { expandAbbreviations, tokenize } from './normalize.js';
import { STOPWORDS } from './stopwords.js';

/** docSpeaker of a narration paragraph: indexed for meeting evidence, never an answer. */
export const NARRATION = -2;

/** Internal structures of the index; read-only after `buildIndex`. */
export interface IndexData {
  terms: Map<string, number>;
  stems: string[];
  idf: Float32Array;
  /** How much a question word weighs: its rarity in what was said (statement text only). */
  weight: Float32Array;
  /** How many statements say the word in their own text. */
  textDf: Int32Array;
  maxIdf: number;
  postStart: Int32Array;
  postDoc: Int32Array;
  postImpact: Float32Array;
  /** 1 when the posting's statement says the word in its own text (not only context or title). */
  postInText: Uint8Array;
  /** Surface word → term id (the stem it indexes under); for typos and affixes. */
  surfaces: Map<string, number>;
  /** Surface words sorted, for prefix search. */
  sortedSurfaces: string[];
  /** Hashes of each surface word's one-deletion neighbourhood (symmetric-delete typo lookup). */
  deletions: Float64Array;
  surfaceList: string[];
  /** Statements first (0..n-1, same order as corpus.statements), then narration paragraphs. */
  docCount: number;
  docMeeting: Int32Array;
  /** Speaker index of a statement; -1 when nobody is named; NARRATION for narration. */
  docSpeaker: Int32Array;
  speakerIndex: Map<string, number>;
  /** 1 when the statement is a transcript turn that ends with a question mark. */
  docAsks: Uint8Array;
  /** 1 when the statement has the time it was said (caption cue, chat line). */
  docTimed: Uint8Array;
  /** 1 for a generic label speaker ("Q", "Aide", "Moderator"): real turns, no named person's words. */
  genericSpeaker: Uint8Array;
  /** Generic speakers who stand for the press ("Q", "Question", "Reporter"). */
  pressSpeakers: number[];
  /** Identifying name word → speakers. */
  nameTokens: Map<string, number[]>;
  nameFuse: Fuse<string>;
  /** Per speaker: role phrases as word lists (role, and aliases that hold more than a name). */
  roles: string[][][];
  /** Every word of every role phrase, and the same by 4-letter prefix (demonym matching). */
  roleVocab: Set<string>;
  rolePrefixes: Map<string, string[]>;
  /** Per speaker: the meetings they speak in or attend, in corpus order. */
  speakerMeetings: number[][];
  /** How many statements each speaker has. */
  statementCounts: Int32Array;
  /** Term → meetings whose title or participants' roles have it. */
  meetingKeys: Map<number, number[]>;
  /** The reports' main topic words (for suggestions), computed once at build. */
  globalTopics: string[];
  /** Most frequent surface form of each term, for suggestions. */
  display: string[];
  df: Int32Array;
  lexicon: Lexicon | null;
  /** Speaker and meeting lookups (the ask options, autocomplete), built once with the index. */
  lookup: LookupIndex;
  /** General-English word counts: distinctiveness of topics, and which typed words are English. */
  english: EnglishCounts;
  /** The stemmer questions use, its cache kept with the index. */
  stemOf: (w: string) => string;
  /** Per-statement work arrays reused by every question (questions run one at a time). */
  scratch: {
    cur: Float32Array;
    stamp: Int32Array;
    total: Float32Array;
    cover: Float32Array;
    factor: Float32Array;
    seen: Uint8Array;
    /** Which of a question's concepts (bit i: the i-th scored) a statement matched. */
    bits: Uint32Array;
    /** What each statement answers besides topics (search/answer-type.ts), read when first found. */
    answerTypes: Uint8Array;
    /** Words of each long statement (1: not long, 0: not read yet), read when first found. */
    turnLength: Uint32Array;
    meetingBest: Float32Array;
  };
}

export interface SearchIndex {
  readonly corpus: Corpus;
  readonly data: IndexData;
}

/** Stems, cached (a bounded cache: questions bring an open-ended stream of words). */
export function makeStemmer(limit = Infinity): (w: string) => string {
  const cache = new Map<string, string>();
  return (w: string) => {
    let s = cache.get(w);
    if (s === undefined) {
      s = /^[a-z]+$/.test(w) && w.length > 2 ? stem(w) : w;
      if (cache.size >= limit) cache.clear();
      cache.set(w, s);
    }
    return s;
  };
}

export function indexWords(text: string): string[] {
  return tokenize(expandAbbreviations(text)).filter((w) => !STOPWORDS.has(w));
}
