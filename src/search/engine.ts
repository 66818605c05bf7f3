// The answering engine: an inverted index over statements (BM25F over statement text, its
// context and the meeting title) and a question reader that turns speakers, dates and topic words
// into filters, boosts and tolerant content matches.
import Fuse from 'fuse.js';
import stem from 'wink-porter2-stemmer';
import type { Corpus, Meeting, Speaker, Statement } from '../corpus/types.js';
import { loadEnglishCounts, type EnglishCounts } from './english.js';
import { openWordNet, type Lexicon } from './lexicon.js';
import { findMeetings, findSpeaker, identifyingWords, roleWords, sameRoleWord } from './lookup.js';
import {
  HONORIFICS,
  editDistance,
  expandAbbreviations,
  tokenize,
  tokenizeRaw,
  typoBudget,
  type RawToken,
} from './normalize.js';
import { QUESTION_WORDS, SPEECH_VERBS, STOPWORDS } from './stopwords.js';

export interface AskOptions {
  /** Only statements by this speaker (any name, alias or role the corpus knows). */
  speaker?: string;
  /** Only statements from meetings matching this (title, date, participant, file). */
  meeting?: string;
  /** Only meetings on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Only meetings on or before this date (YYYY-MM-DD). */
  to?: string;
  /** How many results (default 3, at most 10). */
  limit?: number;
  /** How many of the best results to skip (for "More"). */
  offset?: number;
}

export interface AskResult {
  statement: Statement;
  meeting: Meeting;
  score: number;
}

export interface AskAnswer {
  question: string;
  results: AskResult[];
  /** How many results exist before limit/offset. */
  total: number;
  /** Canonical names of the known speakers the question (or the speaker option) names. */
  speakers: string[];
  /** Names the question attributes words to that no report knows ("macron"). */
  unknownSpeakers: string[];
  /** When nothing answers: speakers and topics that the reports do have. */
  suggestions: string[];
  notice: string | null;
  error: string | null;
}

export const MAX_QUESTION_LENGTH = 300;
export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;

// BM25 parameters and field weights (BM25F: context and title words count as fractional tf).
const K1 = 1.2;
const B = 0.75;
const CONTEXT_WEIGHT = 0.5;
const TITLE_WEIGHT = 0.3;
// How much a paraphrase counts compared with the word itself.
const FUZZY_FACTOR = 0.8;
const AFFIX_FACTOR = 0.7;
const SYNONYM_FACTOR = 0.75;
const SYNONYM_AFFIX_FACTOR = 0.55;
const HYPERNYM_FACTOR = 0.5;
const PARTIAL_PHRASE_FACTOR = 0.3;
// Paraphrases tried per word, most faithful first.
const MAX_EXPANSIONS = 16;
// Share of the question's topic (weighted by rarity) a statement must match to count as an answer;
// stricter for statements by someone other than the speaker asked about.
const MIN_COVERAGE = 0.4;
const MIN_COVERAGE_ASKED_SPEAKER = 0.3;
const MIN_COVERAGE_OTHER_SPEAKER = 0.75;
// Statements from the meeting that best matches the whole question rank a little higher.
const MEETING_BOOST = 0.3;
// Words in a question short enough that a leading unknown word stands in a speaker's place.
const SHORT_QUERY = 4;
// A suggested topic is said at least this many times more often than in everyday English.
const DISTINCTIVE_RATIO = 3;
// Statements from a meeting the question names ("… with azerbaijan") rank higher; a word names
// meetings when at most this share of them have it in their title or participants' roles.
const MENTION_BOOST = 1;
const MENTION_SHARE = 0.34;
/** docSpeaker of a narration paragraph: indexed for meeting evidence, never an answer. */
const NARRATION = -2;

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
  /** Identifying name word → speakers. */
  nameTokens: Map<string, number[]>;
  nameFuse: Fuse<string>;
  /** Per speaker: role phrases as word lists (role, and aliases that hold more than a name). */
  roles: string[][][];
  /** Every word of every role phrase, and the same by 4-letter prefix (demonym matching). */
  roleVocab: Set<string>;
  rolePrefixes: Map<string, string[]>;
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
    meetingBest: Float32Array;
  };
}

export interface SearchIndex {
  readonly corpus: Corpus;
  readonly data: IndexData;
}

/** Stems, cached (a bounded cache: questions bring an open-ended stream of words). */
function makeStemmer(limit = Infinity): (w: string) => string {
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

function indexWords(text: string): string[] {
  return tokenize(expandAbbreviations(text)).filter((w) => !STOPWORDS.has(w));
}

/** The report text outside statements, as paragraphs: headings, narration, lead-ins. */
function narrationParagraphs(meeting: Meeting): string[] {
  const spans = [...meeting.statements].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let last = 0;
  for (const st of spans) {
    if (st.start > last) parts.push(meeting.text.slice(last, st.start));
    last = Math.max(last, st.end);
  }
  parts.push(meeting.text.slice(last));
  return parts.flatMap((p) => p.split(/\n\s*\n/)).filter((p) => p.trim().length > 0);
}

/** Builds the index once; everything a question needs is precomputed here except WordNet. */
export function buildIndex(corpus: Corpus): SearchIndex {
  const stemOf = makeStemmer();
  const terms = new Map<string, number>();
  const stems: string[] = [];
  const surfaces = new Map<string, number>();
  const termId = (surface: string): number => {
    const known = surfaces.get(surface);
    if (known !== undefined) return known;
    const s = stemOf(surface);
    let id = terms.get(s);
    if (id === undefined) {
      id = stems.length;
      terms.set(s, id);
      stems.push(s);
    }
    surfaces.set(surface, id);
    return id;
  };

  const meetingIndex = new Map<string, number>();
  corpus.meetings.forEach((m, i) => meetingIndex.set(m.id, i));
  const speakerIndex = new Map<string, number>();
  corpus.speakers.forEach((s, i) => speakerIndex.set(s.name, i));

  const titleTerms = corpus.meetings.map((m) => indexWords(m.title ?? '').map(termId));
  // A speaker's role is the label in front of their words ("President of Russia Vladimir Putin:").
  const roleTerms = corpus.speakers.map((sp) => indexWords(sp.role ?? '').map(termId));
  const n = corpus.statements.length;
  // Words that name a meeting: its title and its participants' roles ("President of Azerbaijan").
  const meetingKeys = new Map<number, number[]>();
  // Only capitalised words: names of places and people, not a topic in a title ("on rail links").
  const capitalised = (text: string) =>
    tokenizeRaw(text)
      .filter((t) => /^\p{Lu}/u.test(t.raw))
      .map((t) => t.word);
  corpus.meetings.forEach((m, mi) => {
    const words = new Set(capitalised(m.title ?? ''));
    for (const name of [...m.speakers, ...m.present]) {
      const role = corpus.speakers[speakerIndex.get(name) ?? -1]?.role ?? '';
      for (const w of capitalised(role)) words.add(w);
    }
    for (const w of words) {
      if (STOPWORDS.has(w) || HONORIFICS.has(w) || QUESTION_WORDS.has(w) || w.length < 3) continue;
      const id = termId(w);
      const list = meetingKeys.get(id) ?? [];
      if (list[list.length - 1] !== mi) list.push(mi);
      meetingKeys.set(id, list);
    }
  });
  // Narration paragraphs are indexed too, as documents that are never answers: they tell which
  // report a question is about ("arrived in Russia"), for the meeting-level evidence.
  const narration: { meeting: number; words: string[] }[] = [];
  corpus.meetings.forEach((m, mi) => {
    for (const p of narrationParagraphs(m)) {
      const words = indexWords(p);
      if (words.length >= 3) narration.push({ meeting: mi, words });
    }
  });
  const docCount = n + narration.length;
  const docMeeting = new Int32Array(docCount);
  const docSpeaker = new Int32Array(docCount);
  const docLen = new Float32Array(docCount);
  // (doc, term, tf) triples in fixed-size typed chunks (no doubling copies at scale), grouped by
  // term afterwards with a counting sort.
  const CHUNK = 1 << 20;
  const chunks: { doc: Int32Array; term: Int32Array; tf: Float32Array }[] = [];
  let cDoc = new Int32Array(0);
  let cTerm = new Int32Array(0);
  let cTf = new Float32Array(0);
  let pos = CHUNK;
  let count = 0;

  // Dense per-document tf accumulator (grown as the vocabulary grows) plus the ids touched.
  let dense = new Float32Array(4096);
  const ids: number[] = [];
  const bump = (id: number, f: number) => {
    if (id >= dense.length) {
      const grown = new Float32Array(Math.max(dense.length * 2, id + 1));
      grown.set(dense);
      dense = grown;
    }
    if (dense[id] === 0) ids.push(id);
    dense[id] = (dense[id] ?? 0) + f;
  };
  const flush = (doc: number) => {
    for (const id of ids) {
      if (pos === CHUNK) {
        cDoc = new Int32Array(CHUNK);
        cTerm = new Int32Array(CHUNK);
        cTf = new Float32Array(CHUNK);
        chunks.push({ doc: cDoc, term: cTerm, tf: cTf });
        pos = 0;
      }
      cDoc[pos] = doc;
      cTerm[pos] = id;
      cTf[pos] = dense[id] ?? 0;
      pos++;
      count++;
      dense[id] = 0;
    }
    ids.length = 0;
  };
  /** Visits the triples in the order they were added. */
  const eachTriple = (fn: (doc: number, term: number, tf: number) => void) => {
    chunks.forEach((c, k) => {
      const len = k === chunks.length - 1 ? pos : CHUNK;
      for (let j = 0; j < len; j++) fn(c.doc[j] ?? 0, c.term[j] ?? 0, c.tf[j] ?? 0);
    });
  };
  let totalLen = 0;
  // How many statements say a word themselves (titles and roles repeat on every statement, so
  // they would make "president" look common): the measure of how much a question word weighs.
  let textDf = new Int32Array(4096);
  let lastDoc = new Int32Array(4096).fill(-1);
  const countText = (id: number, doc: number) => {
    if (id >= textDf.length) {
      const size = Math.max(textDf.length * 2, id + 1);
      const grownDf = new Int32Array(size);
      grownDf.set(textDf);
      textDf = grownDf;
      const grownLast = new Int32Array(size).fill(-1);
      grownLast.set(lastDoc);
      lastDoc = grownLast;
    }
    if (lastDoc[id] !== doc) {
      lastDoc[id] = doc;
      textDf[id] = (textDf[id] ?? 0) + 1;
    }
  };
  for (let doc = 0; doc < n; doc++) {
    const st = corpus.statements[doc] as Statement;
    const mi = meetingIndex.get(st.meetingId) ?? 0;
    docMeeting[doc] = mi;
    docSpeaker[doc] = st.speaker !== null ? (speakerIndex.get(st.speaker) ?? -1) : -1;
    const words = indexWords(st.text);
    for (const w of words) {
      const id = termId(w);
      bump(id, 1);
      countText(id, doc);
    }
    const ctx = st.context ? indexWords(st.context) : [];
    for (const w of ctx) bump(termId(w), CONTEXT_WEIGHT);
    for (const id of titleTerms[mi] ?? []) bump(id, TITLE_WEIGHT);
    for (const id of roleTerms[docSpeaker[doc] ?? -1] ?? []) bump(id, TITLE_WEIGHT);
    const len = words.length + CONTEXT_WEIGHT * ctx.length;
    docLen[doc] = len;
    totalLen += len;
    flush(doc);
  }
  narration.forEach((p, k) => {
    const doc = n + k;
    docMeeting[doc] = p.meeting;
    docSpeaker[doc] = NARRATION;
    for (const w of p.words) bump(termId(w), 1);
    docLen[doc] = p.words.length;
    flush(doc);
  });

  const termCount = stems.length;
  const df = new Int32Array(termCount);
  eachTriple((_doc, term) => {
    df[term]! += 1;
  });
  const postStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postStart[t + 1] = (postStart[t] ?? 0) + (df[t] ?? 0);
  const fill = postStart.slice(0, termCount);
  const postDoc = new Int32Array(count);
  const postImpact = new Float32Array(count);
  const idf = new Float32Array(termCount);
  const weight = new Float32Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const d = df[t] ?? 0;
    idf[t] = Math.log(1 + (docCount - d + 0.5) / (d + 0.5));
    const td = textDf[t] ?? 0;
    weight[t] = Math.log(1 + (n - td + 0.5) / (td + 0.5));
  }
  const avgLen = n > 0 ? totalLen / n || 1 : 1;
  // Triples are in document order, so every posting list comes out sorted by document.
  eachTriple((doc, t, f) => {
    const at = fill[t]!++;
    postDoc[at] = doc;
    const norm = K1 * (1 - B + (B * (docLen[doc] ?? 0)) / avgLen);
    postImpact[at] = ((idf[t] ?? 0) * (f * (K1 + 1))) / (f + norm);
  });

  // Display forms: the shortest surface word seen for each stem.
  const display = new Array<string>(termCount).fill('');
  for (const [surface, id] of surfaces) {
    const cur = display[id] ?? '';
    if (!cur || surface.length < cur.length) display[id] = surface;
  }

  const surfaceList = [...surfaces.keys()];
  const sortedSurfaces = [...surfaceList].sort();
  const deletions = buildDeletionTable(surfaceList);

  const { nameTokens, roles } = buildSpeakerKeys(corpus.speakers);
  const statementCounts = new Int32Array(corpus.speakers.length);
  for (let doc = 0; doc < n; doc++) {
    const sp = docSpeaker[doc] ?? -1;
    if (sp >= 0) statementCounts[sp] = (statementCounts[sp] ?? 0) + 1;
  }
  const roleVocab = new Set(roles.flat(2));
  const rolePrefixes = new Map<string, string[]>();
  for (const w of roleVocab) {
    if (w.length < 4) continue;
    const list = rolePrefixes.get(w.slice(0, 4)) ?? [];
    list.push(w);
    rolePrefixes.set(w.slice(0, 4), list);
  }
  const nameFuse = new Fuse([...nameTokens.keys()], {
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });

  let maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  if (!Number.isFinite(maxIdf)) maxIdf = 1;

  const index: SearchIndex = {
    corpus,
    data: {
      terms,
      stems,
      idf,
      weight,
      textDf: textDf.slice(0, termCount),
      maxIdf,
      postStart,
      postDoc,
      postImpact,
      surfaces,
      sortedSurfaces,
      deletions,
      surfaceList,
      docCount,
      docMeeting,
      docSpeaker,
      speakerIndex,
      nameTokens,
      nameFuse,
      roles,
      roleVocab,
      rolePrefixes,
      statementCounts,
      meetingKeys,
      display,
      df,
      lexicon: openWordNet(),
      english: loadEnglishCounts(),
      stemOf: makeStemmer(50_000),
      scratch: {
        cur: new Float32Array(docCount),
        stamp: new Int32Array(docCount).fill(-1),
        total: new Float32Array(docCount),
        cover: new Float32Array(docCount),
        factor: new Float32Array(docCount),
        seen: new Uint8Array(docCount),
        meetingBest: new Float32Array(corpus.meetings.length),
      },
      globalTopics: [],
    },
  };
  index.data.globalTopics = topTopics(index, null, 10);
  return index;
}

function buildSpeakerKeys(speakers: Speaker[]): {
  nameTokens: Map<string, number[]>;
  roles: string[][][];
} {
  const nameTokens = new Map<string, number[]>();
  const roles: string[][][] = [];
  speakers.forEach((s, i) => {
    for (const w of identifyingWords(s)) {
      const list = nameTokens.get(w) ?? [];
      list.push(i);
      nameTokens.set(w, list);
    }
    const phrases: string[][] = [];
    for (const r of [s.role ?? '', ...s.aliases]) {
      const rw = roleWords(r);
      if (rw.some((w) => HONORIFICS.has(w))) phrases.push(rw);
    }
    roles.push(phrases);
  });
  return { nameTokens, roles };
}

/** A thing the question asks about, with the index terms that can stand for it. */
interface Concept {
  label: string;
  /** Rarity of the concept: how much of the question it is. */
  weight: number;
  expansions: { terms: number[]; factor: number; partial: boolean }[];
  /** Meetings the word names (title, participants' roles): there it needs no match in the text. */
  meetings?: Set<number>;
}

interface Reading {
  speakers: Set<number>;
  unknownSpeakers: string[];
  /** Meetings the question names by a title word or a participant's country or office: the share
   * of the naming words that name each. */
  meetings: Map<number, number>;
  /** A leading word that may be a person the reports do not know ("putin olympics"). */
  headName: string | null;
  years: Set<string>;
  concepts: Concept[];
}

/** Normalises a question; returns the text to search and a notice, or an error. */
function cleanQuestion(question: string): {
  text: string;
  notice: string | null;
  error: string | null;
} {
  const raw = typeof question === 'string' ? question : '';
  let text = raw.replace(/\p{Cc}/gu, ' ').trim();
  let notice: string | null = null;
  if (text.length > MAX_QUESTION_LENGTH) {
    const cut = text.slice(0, MAX_QUESTION_LENGTH);
    const space = cut.lastIndexOf(' ');
    text = space > MAX_QUESTION_LENGTH * 0.6 ? cut.slice(0, space) : cut;
    notice = `Your question was longer than ${MAX_QUESTION_LENGTH} characters; only the first ${text.length} were used.`;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return {
      text,
      notice,
      error:
        'Please type a question with some words in it, for example "what was said about trade?".',
    };
  }
  return { text, notice, error: null };
}

const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** Reads who, when and what a question is about. */
function readQuestion(index: SearchIndex, text: string, stemOf: (w: string) => string): Reading {
  const d = index.data;
  const tokens: RawToken[] = tokenizeRaw(expandAbbreviations(text));
  // "the us" typed in lower case is the country.
  tokens.forEach((t, i) => {
    if (t.word === 'us' && tokens[i - 1]?.word === 'the') t.word = 'usa';
  });
  const used = new Array<boolean>(tokens.length).fill(false);
  const speakers = new Set<number>();

  // 1. Names and aliases, exactly.
  tokens.forEach((t, i) => {
    const list = d.nameTokens.get(t.word);
    if (!list) return;
    // A name that is also a common word ("may", "bell") counts only with support: capitalised
    // mid-question, or next to an honorific or another word of the same name.
    if (STOPWORDS.has(t.word) || QUESTION_WORDS.has(t.word) || d.surfaces.has(t.word)) {
      const neighbours = [tokens[i - 1]?.word, tokens[i + 1]?.word];
      const before = tokens[i - 1]?.word ?? '';
      const supported =
        neighbours.some(
          (w) =>
            w !== undefined &&
            (HONORIFICS.has(w) || (d.nameTokens.get(w) ?? []).some((s) => list.includes(s))),
        ) ||
        (i > 0 && /^\p{Lu}/u.test(t.raw) && t.raw !== t.raw.toUpperCase()) ||
        // After a word the reports never use: a first name ("theresa may").
        (before.length >= 3 &&
          /^\p{L}+$/u.test(before) &&
          !d.surfaces.has(before) &&
          !STOPWORDS.has(before));
      if (!supported && STOPWORDS.has(t.word)) return;
      if (!supported && !isNameHeavy(d, t.word)) return;
    }
    // Several people share the word: keep those another typed word also names.
    let chosen = list;
    if (list.length > 1) {
      const narrowed = list.filter((s) =>
        tokens.some((o, j) => j !== i && (d.nameTokens.get(o.word) ?? []).includes(s)),
      );
      if (narrowed.length > 0) chosen = narrowed;
    }
    for (const s of chosen) speakers.add(s);
    used[i] = true;
    // Honorifics right before a name belong to it ("President Putin"), and so does a first name
    // the reports never use ("donald trump").
    let j = i - 1;
    const prev = tokens[j]?.word ?? '';
    if (
      prev.length >= 3 &&
      /^\p{L}+$/u.test(prev) &&
      !d.surfaces.has(prev) &&
      !STOPWORDS.has(prev) &&
      !QUESTION_WORDS.has(prev)
    ) {
      used[j] = true;
      j--;
    }
    for (; j >= 0 && HONORIFICS.has(tokens[j]?.word ?? ''); j--) used[j] = true;
  });

  // 2. Roles ("the leader", "sri lankan president", "iraqi pm").
  findRoleMentions(d, tokens, used, speakers);

  // 3. Names with a typo: fuse.js over the identifying name words.
  tokens.forEach((t, i) => {
    if (used[i] || t.word.length < 4 || STOPWORDS.has(t.word) || QUESTION_WORDS.has(t.word)) return;
    if (d.surfaces.has(t.word) || !/^\p{L}+$/u.test(t.word)) return;
    const hit = d.nameFuse.search(t.word.replace(/[|'=!^$"]/g, ''), { limit: 3 })[0];
    if (!hit || (hit.score ?? 1) > 0.4) return;
    // Two typos only in a long word of about the name's length ("barosso"), not "putting"/"putin".
    const budget = t.word.length >= 6 && Math.abs(t.word.length - hit.item.length) <= 1 ? 2 : 1;
    if (editDistance(t.word, hit.item, budget) > budget) return;
    for (const s of d.nameTokens.get(hit.item) ?? []) speakers.add(s);
    used[i] = true;
  });

  // 4. Names nobody in the reports has, in a speaker's place ("what did macron say").
  const unknownSpeakers = findUnknownSpeakers(d, tokens, used);

  // 5. Years ("in 2017") that some meeting has become a filter.
  const years = new Set<string>();
  const meetingYears = new Set(
    index.corpus.meetings.map((m) => m.date?.slice(0, 4)).filter(Boolean),
  );
  tokens.forEach((t, i) => {
    if (!used[i] && /^(19|20)\d\d$/.test(t.word) && meetingYears.has(t.word)) {
      years.add(t.word);
      used[i] = true;
      // "in March 2017", "march 5 2017": the month and day belong to the date.
      for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
        const w = tokens[j]?.word ?? '';
        if (MONTH_WORDS.has(w) || /^\d{1,2}(st|nd|rd|th)?$/.test(w)) used[j] = true;
        else break;
      }
    }
  });

  // 6. Topic words: the rest, minus function words and question phrasing.
  const content: { word: string; pos: number }[] = [];
  tokens.forEach((t, i) => {
    if (
      used[i] ||
      STOPWORDS.has(t.word) ||
      QUESTION_WORDS.has(t.word) ||
      HONORIFICS_ONLY.has(t.word)
    )
      return;
    content.push({ word: t.word, pos: i });
  });
  const concepts = buildConcepts(d, content, stemOf);
  const headName =
    speakers.size === 0 && unknownSpeakers.length === 0 ? findHeadName(d, tokens, used) : null;
  return {
    speakers,
    unknownSpeakers,
    meetings: findMentionedMeetings(index, content, concepts, stemOf),
    headName,
    years,
    concepts,
  };
}

const MONTH_WORDS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Honorific words that mean nothing alone in a question ("mr", "sir"); office words stay topics. */
const HONORIFICS_ONLY = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'dame',
  'hon',
  'excellency',
]);

/** A name word that is also an ordinary word counts when it is mostly used as a name. */
function isNameHeavy(d: IndexData, word: string): boolean {
  const id = d.surfaces.get(word);
  if (id === undefined) return true;
  // Rarely said inside statements (it is in narration, lead-ins, titles: "Vladimir Putin
  // received…"), or said by nobody as an ordinary word: then it is the name.
  const said = d.textDf[id] ?? 0;
  const n = d.docSpeaker.length;
  return (
    said <= Math.max(2, n / 1000) ||
    said * 2 < (d.df[id] ?? 0) ||
    d.lexicon?.related(word).length === 0
  );
}

/** Is the typed word (or its demonym stem) a word of some speaker's role? A few set lookups. */
function isRoleWord(d: IndexData, w: string): boolean {
  if (w === 'pm') return d.roleVocab.has('prime');
  if (d.roleVocab.has(w)) return true;
  for (let cut = 1; cut <= 3 && w.length - cut >= 4; cut++) {
    if (d.roleVocab.has(w.slice(0, -cut))) return true;
  }
  return w.length >= 4 && (d.rolePrefixes.get(w.slice(0, 4)) ?? []).some((r) => sameRoleWord(w, r));
}

function findRoleMentions(
  d: IndexData,
  tokens: RawToken[],
  used: boolean[],
  speakers: Set<number>,
) {
  const matchesRoleWord = (typed: string, role: string[]) =>
    typed === 'pm' ? role.includes('prime') : role.some((r) => sameRoleWord(typed, r));
  let i = 0;
  while (i < tokens.length) {
    // A run of words that are each in some role phrase, with glue allowed inside.
    let j = i;
    const run: number[] = [];
    while (j < tokens.length) {
      const w = tokens[j]?.word ?? '';
      if (used[j]) break;
      if ((w === 'of' || w === 'the' || w === 's') && run.length > 0) {
        j++;
        continue;
      }
      if (!isRoleWord(d, w)) break;
      run.push(j);
      j++;
    }
    if (run.length === 0) {
      i++;
      continue;
    }
    const words = run.map((k) => tokens[k]?.word ?? '');
    if (words.some((w) => HONORIFICS.has(w))) {
      let best = 0;
      let who: number[] = [];
      d.roles.forEach((phrases, s) => {
        for (const p of phrases) {
          const hits = words.filter((w) => matchesRoleWord(w, p)).length;
          // Every typed word must fit the phrase: "iranian president" is not "president of russia".
          if (hits !== words.length) continue;
          if (hits > best) {
            best = hits;
            who = [s];
          } else if (hits === best && !who.includes(s)) who.push(s);
        }
      });
      if (who.length === 1 && who[0] !== undefined) {
        speakers.add(who[0]);
        for (const k of run) used[k] = true;
      }
    }
    i = Math.max(j, i + 1);
  }
}

function findUnknownSpeakers(d: IndexData, tokens: RawToken[], used: boolean[]): string[] {
  const out: string[] = [];
  // A plural the dictionary knows ("officials", "europeans") is a group, not a person's name.
  const isGroup = (w: string) =>
    w.endsWith('s') && (d.lexicon?.related(w.slice(0, -1)).length ?? 0) > 0;
  const isCandidate = (k: number) => {
    const t = tokens[k];
    return (
      t !== undefined &&
      !isGroup(t.word) &&
      !used[k] &&
      /^\p{L}{3,}$/u.test(t.word) &&
      !STOPWORDS.has(t.word) &&
      !QUESTION_WORDS.has(t.word) &&
      !HONORIFICS.has(t.word) &&
      !d.surfaces.has(t.word)
    );
  };
  const report = (from: number, to: number) => {
    const name = titleCase(
      tokens
        .slice(from, to)
        .map((t) => t.raw)
        .join(' '),
    );
    if (!out.includes(name)) out.push(name);
    for (let k = from; k < to; k++) used[k] = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]?.word ?? '';
    // "did/does/has/what did X (Y) say|mention|…", "X said …"
    if (['did', 'does', 'do', 'has', 'have', 'had', 'would', 'will', 'can', 'could'].includes(w)) {
      let j = i + 1;
      while (j < tokens.length && HONORIFICS.has(tokens[j]?.word ?? '')) j++;
      const start = j;
      while (j < tokens.length && j - start < 3 && isCandidate(j)) j++;
      if (j > start && SPEECH_VERBS.has(tokens[j]?.word ?? '')) report(start, j);
    }
    // "according to X"
    if (w === 'according' && tokens[i + 1]?.word === 'to') {
      let j = i + 2;
      while (j < tokens.length && HONORIFICS.has(tokens[j]?.word ?? '')) j++;
      const start = j;
      while (j < tokens.length && j - start < 3 && isCandidate(j)) j++;
      if (j > start) report(start, j);
    }
  }
  // "X said", "X's view on", "X on Y" at the start: a leading unknown name.
  let j = 0;
  while (j < tokens.length && HONORIFICS.has(tokens[j]?.word ?? '')) j++;
  const start = j;
  while (j < tokens.length && j - start < 3 && isCandidate(j)) j++;
  const next = tokens[j]?.word ?? '';
  if (j > start && (SPEECH_VERBS.has(next) || next === 'on' || next === 'about')) report(start, j);
  return out;
}

/**
 * Meetings a topic word names ("trade with azerbaijan"): only a word that picks out a few meetings
 * counts, so a word in every title ("meeting", "talks") names none.
 */
function findMentionedMeetings(
  index: SearchIndex,
  content: { word: string }[],
  concepts: Concept[],
  stemOf: (w: string) => string,
): Map<number, number> {
  const d = index.data;
  const total = index.corpus.meetings.length;
  const named: number[][] = [];
  for (const { word } of content) {
    const id = termOf(d, word, stemOf);
    const list = id === undefined ? undefined : d.meetingKeys.get(id);
    if (!list || list.length >= total || list.length > Math.max(1, total * MENTION_SHARE)) continue;
    // A name, not an ordinary word that is also in a name ("port", "united"): WordNet knows it
    // as a noun only, or not at all.
    const u = d.lexicon?.usage(word);
    if (u && (u.verb > 0 || u.adj > 0 || u.adv > 0)) continue;
    named.push(list);
    const concept = concepts.find((c) => c.label === stemOf(word));
    // Only beside other topic words: alone, the word is the topic itself.
    if (concept && concepts.length > 1) concept.meetings = new Set(list);
  }
  const out = new Map<number, number>();
  for (const list of named)
    for (const mi of list) out.set(mi, (out.get(mi) ?? 0) + 1 / named.length);
  return out;
}

/**
 * In a short query whose other words are topics ("putin olympics"), a first word that is neither
 * in the reports (nor a typo of one of their words) nor ordinary English is most likely a person.
 */
function findHeadName(d: IndexData, tokens: RawToken[], used: boolean[]): string | null {
  let i = 0;
  while (i < tokens.length && HONORIFICS.has(tokens[i]?.word ?? '')) i++;
  const t = tokens[i];
  const rest = tokens
    .slice(i + 1)
    .filter((o) => !STOPWORDS.has(o.word) && !QUESTION_WORDS.has(o.word));
  if (!t || used[i] || tokens.length > SHORT_QUERY || rest.length === 0) return null;
  const w = t.word;
  if (!/^\p{L}{3,}$/u.test(w) || STOPWORDS.has(w) || QUESTION_WORDS.has(w)) return null;
  if (d.surfaces.has(w) || d.english.counts.has(w) || typoTerms(d, w).length > 0) return null;
  // WordNet knows some people ("Putin") as a noun of a sense or two; any other use is a word.
  const u = d.lexicon?.usage(w);
  if (u && (u.verb > 0 || u.adj > 0 || u.adv > 0 || u.noun > 2)) return null;
  return titleCase(t.raw);
}

/** Topic words → concepts with their tolerant expansions (typo, affix, WordNet). */
function buildConcepts(
  d: IndexData,
  content: { word: string; pos: number }[],
  stemOf: (w: string) => string,
): Concept[] {
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  let k = 0;
  while (k < content.length) {
    const a = content[k];
    const b = content[k + 1];
    if (!a) break;
    // Two adjacent words that WordNet knows as one thing ("climate change", "world cup").
    if (b && b.pos === a.pos + 1 && d.lexicon?.isLemma([a.word, b.word])) {
      const concept = phraseConcept(d, [a.word, b.word], stemOf);
      if (!seen.has(concept.label)) {
        seen.add(concept.label);
        concepts.push(concept);
      }
      k += 2;
      continue;
    }
    const concept = wordConcept(d, a.word, stemOf);
    if (!seen.has(concept.label)) {
      seen.add(concept.label);
      concepts.push(concept);
    }
    k++;
  }
  return concepts;
}

function termOf(d: IndexData, word: string, stemOf: (w: string) => string): number | undefined {
  return d.surfaces.get(word) ?? d.terms.get(stemOf(word));
}

/** Index words that are the word plus or minus a short ending ("iran" ~ "iranian", "zion" ~ "zionist"). */
function affixTerms(d: IndexData, word: string): number[] {
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return [];
  const out = new Set<number>();
  // Longer words starting with it: binary search the sorted surfaces.
  let lo = 0;
  let hi = d.sortedSurfaces.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((d.sortedSurfaces[mid] ?? '') < word) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < d.sortedSurfaces.length; i++) {
    const s = d.sortedSurfaces[i] ?? '';
    if (!s.startsWith(word)) break;
    if (s.length - word.length <= 3 && s !== word) {
      const id = d.surfaces.get(s);
      if (id !== undefined) out.add(id);
    }
  }
  // Shorter words it starts with.
  for (let cut = 1; cut <= 3 && word.length - cut >= 4; cut++) {
    const id = d.surfaces.get(word.slice(0, -cut));
    if (id !== undefined) out.add(id);
  }
  return [...out];
}

/** FNV-1a hash of a word with the character at `skip` left out (-1: none), without slicing. */
function hashWithout(w: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    if (i === skip) continue;
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SURFACE_BITS = 2 ** 21;

/**
 * Sorted `hash * 2^21 + surface index` entries for every word and each of its one-character
 * deletions: a typo lookup is a few binary searches, verified by edit distance.
 */
function buildDeletionTable(surfaceList: string[]): Float64Array {
  let size = 0;
  for (const w of surfaceList) if (w.length >= 4) size += w.length + 1;
  const table = new Float64Array(size);
  let k = 0;
  surfaceList.forEach((w, idx) => {
    if (w.length < 4 || idx >= SURFACE_BITS) return;
    table[k++] = hashWithout(w, -1) * SURFACE_BITS + idx;
    for (let i = 0; i < w.length; i++) table[k++] = hashWithout(w, i) * SURFACE_BITS + idx;
  });
  return table.subarray(0, k).sort();
}

/** Surface indexes whose deletion neighbourhood holds this hash. */
function deletionHits(table: Float64Array, hash: number, out: Set<number>): void {
  const lo0 = hash * SURFACE_BITS;
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table[mid] ?? 0) < lo0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < table.length; i++) {
    const v = table[i] ?? 0;
    if (v >= lo0 + SURFACE_BITS) break;
    out.add(v - lo0);
  }
}

/** Index words one or two typos away (symmetric deletion, verified by edit distance). */
function typoTerms(d: IndexData, word: string): number[] {
  const budget = typoBudget(word.length);
  if (budget === 0 || !/^[a-z]+$/.test(word)) return [];
  const keys = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
  if (budget >= 2) {
    for (const k of [...keys]) {
      for (let i = 0; i < k.length; i++) keys.add(k.slice(0, i) + k.slice(i + 1));
    }
  }
  const candidates = new Set<number>();
  for (const key of keys) deletionHits(d.deletions, hashWithout(key, -1), candidates);
  const found = new Map<number, number>();
  for (const idx of candidates) {
    const surface = d.surfaceList[idx] ?? '';
    const dist = editDistance(word, surface, budget);
    if (dist > budget) continue;
    const id = d.surfaces.get(surface);
    if (id !== undefined && (found.get(id) ?? 99) > dist) found.set(id, dist);
  }
  if (found.size === 0) return [];
  const best = Math.min(...found.values());
  return [...found.entries()].filter(([, dist]) => dist === best).map(([id]) => id);
}

function wordConcept(d: IndexData, word: string, stemOf: (w: string) => string): Concept {
  const expansions: Concept['expansions'] = [];
  const own = termOf(d, word, stemOf);
  const keys = new Set<string>();
  const n = d.docCount;
  const commonDf = Math.max(50, n / 50);
  const add = (terms: number[], factor: number, partial = false) => {
    const key = terms.join(' ');
    if (terms.length === 0 || keys.has(key)) return;
    // A paraphrase that is itself a common word ("break" for "crack") finds noise, slowly.
    if (factor < FUZZY_FACTOR && terms.length === 1 && (d.df[terms[0] ?? 0] ?? 0) > commonDf)
      return;
    keys.add(key);
    expansions.push({ terms, factor, partial });
  };
  if (own !== undefined) add([own], 1);
  else for (const t of typoTerms(d, word)) add([t], FUZZY_FACTOR);
  // A common word matches plenty as it is; its paraphrases would only add noise (and time).
  if (own !== undefined && (d.df[own] ?? 0) > commonDf) {
    return { label: stemOf(word), weight: d.weight[own] ?? d.maxIdf, expansions };
  }
  for (const t of affixTerms(d, word)) if (t !== own) add([t], AFFIX_FACTOR);
  for (const rel of d.lexicon?.related(word) ?? []) {
    const factor = rel.relation === 'synonym' ? SYNONYM_FACTOR : HYPERNYM_FACTOR;
    const ids = rel.words.map((w) => termOf(d, w, stemOf));
    if (ids.every((x) => x !== undefined)) add(ids as number[], factor);
    // A synonym the reports lack may still be there with an ending ("zion" ~ "zionist").
    if (
      rel.relation === 'synonym' &&
      rel.words.length === 1 &&
      rel.words[0] &&
      ids[0] === undefined
    ) {
      for (const t of affixTerms(d, rel.words[0])) add([t], SYNONYM_AFFIX_FACTOR);
    }
  }
  return {
    label: stemOf(word),
    weight: own !== undefined ? (d.weight[own] ?? d.maxIdf) : d.maxIdf,
    expansions: expansions.slice(0, MAX_EXPANSIONS),
  };
}

function phraseConcept(d: IndexData, words: string[], stemOf: (w: string) => string): Concept {
  const expansions: Concept['expansions'] = [];
  const ids = words.map((w) => termOf(d, w, stemOf));
  if (ids.every((x) => x !== undefined))
    expansions.push({ terms: ids as number[], factor: 1, partial: false });
  for (const id of ids)
    if (id !== undefined)
      expansions.push({ terms: [id], factor: PARTIAL_PHRASE_FACTOR, partial: true });
  for (const rel of d.lexicon?.related(words.join('_')) ?? []) {
    const rids = rel.words.map((w) => termOf(d, w, stemOf));
    if (rids.every((x) => x !== undefined)) {
      expansions.push({
        terms: rids as number[],
        factor: rel.relation === 'synonym' ? SYNONYM_FACTOR : HYPERNYM_FACTOR,
        partial: false,
      });
    }
  }
  const weight = Math.max(
    ...ids.map((id) => (id !== undefined ? (d.weight[id] ?? d.maxIdf) : d.maxIdf)),
  );
  return { label: words.map(stemOf).join(' '), weight, expansions };
}

function emptyAnswer(question: string): AskAnswer {
  return {
    question,
    results: [],
    total: 0,
    speakers: [],
    unknownSpeakers: [],
    suggestions: [],
    notice: null,
    error: null,
  };
}

/** Answers a question: the statements that answer it, best first, or an honest nothing. */
export function askQuestion(
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): AskAnswer {
  const answer = emptyAnswer(typeof question === 'string' ? question : '');
  const cleaned = cleanQuestion(answer.question);
  const notices: string[] = cleaned.notice ? [cleaned.notice] : [];
  const finish = () => {
    answer.notice = notices.length > 0 ? notices.join(' ') : null;
    return answer;
  };
  if (cleaned.error) {
    answer.error = cleaned.error;
    return finish();
  }
  const d = index.data;
  const corpus = index.corpus;
  const stemOf = d.stemOf;
  const limit = Math.min(
    MAX_LIMIT,
    Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT),
  );
  const offset = Math.max(0, Math.floor(options.offset ?? 0) || 0);

  const reading = readQuestion(index, cleaned.text, stemOf);
  answer.unknownSpeakers = reading.unknownSpeakers;

  // Filters from the options.
  let onlySpeakers: Set<number> | null = null;
  if (options.speaker && options.speaker.trim()) {
    const found = findSpeaker(corpus, options.speaker);
    if (!found.speaker) {
      const names = found.candidates.map((s) => s.name);
      answer.unknownSpeakers.push(options.speaker.trim().slice(0, 100));
      notices.push(
        names.length > 0
          ? `No speaker "${options.speaker.trim().slice(0, 100)}" is clear in the reports; did you mean ${names.slice(0, 3).join(', ')}?`
          : `No speaker "${options.speaker.trim().slice(0, 100)}" appears in the reports.`,
      );
      answer.suggestions = names.length > 0 ? names : topSpeakers(index, 5);
      return finish();
    }
    onlySpeakers = new Set([d.speakerIndex.get(found.speaker.name) ?? -1]);
    reading.speakers.add(d.speakerIndex.get(found.speaker.name) ?? -1);
  }
  let onlyMeetings: Set<number> | null = null;
  if (options.meeting && options.meeting.trim()) {
    const found = findMeetings(corpus, options.meeting);
    if (found.length === 0) {
      notices.push(`No meeting matches "${options.meeting.trim().slice(0, 100)}".`);
      answer.suggestions = corpus.meetings.slice(0, 5).map((m) => m.title ?? m.file);
      return finish();
    }
    const ids = new Set(found.map((m) => m.id));
    onlyMeetings = new Set();
    corpus.meetings.forEach((m, i) => ids.has(m.id) && onlyMeetings?.add(i));
  }
  const from = options.from?.trim() || null;
  const to = options.to?.trim() || null;
  const meetingAllowed = corpus.meetings.map((m, i) => {
    if (onlyMeetings && !onlyMeetings.has(i)) return false;
    if ((from || to || reading.years.size > 0) && !m.date) return false;
    if (from && (m.date ?? '') < from) return false;
    if (to && (m.date ?? '') > to) return false;
    if (reading.years.size > 0 && !reading.years.has((m.date ?? '').slice(0, 4))) return false;
    return true;
  });

  answer.speakers = [...reading.speakers]
    .map((s) => corpus.speakers[s]?.name)
    .filter((x): x is string => typeof x === 'string');

  // Everyone asked about is known but silent in the reports (present, never quoted): say so.
  const silent = [...reading.speakers].filter((s) => (d.statementCounts[s] ?? 0) === 0);
  if (reading.speakers.size > 0 && silent.length === reading.speakers.size && !onlySpeakers) {
    const names = silent.map((s) => corpus.speakers[s]?.name ?? '').filter(Boolean);
    notices.push(`The reports mention ${names.join(' and ')} but quote no statements by them.`);
    answer.suggestions = topSpeakers(index, 5);
    return finish();
  }

  if (answer.unknownSpeakers.length > 0 && reading.speakers.size === 0) {
    notices.push(`The reports have no statements by ${answer.unknownSpeakers.join(' or ')}.`);
    answer.suggestions = [...topSpeakers(index, 5), ...topTopics(index, null, 5)];
    return finish();
  }

  // Statements the filters allow; null when there is no filter (the common, fast case).
  let mask: Uint8Array | null = null;
  if (onlySpeakers || meetingAllowed.some((ok) => !ok)) {
    mask = new Uint8Array(d.docCount);
    for (let doc = 0; doc < mask.length; doc++) {
      const ok =
        meetingAllowed[d.docMeeting[doc] ?? 0] === true &&
        (!onlySpeakers || onlySpeakers.has(d.docSpeaker[doc] ?? -1));
      mask[doc] = ok ? 1 : 0;
    }
  }

  if (reading.concepts.length === 0) {
    if (reading.speakers.size === 0) {
      notices.push(
        'Add a topic to your question, for example a word the speakers might have used.',
      );
      answer.suggestions = [...topSpeakers(index, 5), ...topTopics(index, null, 5)];
      return finish();
    }
    // Only a speaker: everything they said, in report order.
    const docs: number[] = [];
    for (let doc = 0; doc < corpus.statements.length; doc++) {
      if ((!mask || mask[doc] === 1) && reading.speakers.has(d.docSpeaker[doc] ?? -1))
        docs.push(doc);
    }
    if (docs.length > 0)
      notices.push('No topic in the question: showing what the speaker said, in report order.');
    return finish2(
      index,
      answer,
      {
        total: docs.length,
        top: docs.slice(0, offset + limit).map((doc) => ({ doc, score: 0, asked: true })),
      },
      limit,
      offset,
      finish,
      notices,
    );
  }

  const scored = scoreStatements(index, reading, mask, offset + limit);
  // Only an empty answer names the unknown person: the word may still be a topic the reports lack.
  if (scored.total === 0 && reading.headName) {
    answer.unknownSpeakers.push(reading.headName);
    notices.push(`The reports have no statements by ${reading.headName}.`);
  }
  return finish2(index, answer, scored, limit, offset, finish, notices);
}

function finish2(
  index: SearchIndex,
  answer: AskAnswer,
  scored: { total: number; top: Ranked[] },
  limit: number,
  offset: number,
  finish: () => AskAnswer,
  notices: string[],
): AskAnswer {
  const corpus = index.corpus;
  answer.total = scored.total;
  answer.results = scored.top.slice(offset, offset + limit).flatMap(({ doc, score }) => {
    const statement = corpus.statements[doc];
    const meeting = statement ? corpus.meetings[index.data.docMeeting[doc] ?? 0] : undefined;
    return statement && meeting
      ? [{ statement, meeting, score: Math.round(score * 1000) / 1000 }]
      : [];
  });
  if (scored.total === 0) {
    notices.push('Nothing in the reports answers that.');
    const who = answer.speakers
      .map((name) => index.data.speakerIndex.get(name))
      .filter((x): x is number => x !== undefined);
    // Topics the speaker asked about did talk about (else the reports' main topics), and who speaks.
    const topics = who.length > 0 ? topTopics(index, new Set(who), 8) : [];
    answer.suggestions = [
      ...new Set([
        ...topics,
        ...(topics.length < 3 ? topTopics(index, null, 8 - topics.length) : []),
        ...(who.length > 0 ? [] : topSpeakers(index, 5)),
      ]),
    ];
  }
  return finish();
}

interface Ranked {
  doc: number;
  score: number;
  asked: boolean;
}

/** Orders results: the speaker asked about first; then by score; then report order. */
function compareRanked(a: Ranked, b: Ranked): number {
  return Number(b.asked) - Number(a.asked) || b.score - a.score || a.doc - b.doc;
}

/** The best `k` of a list, ordered (a bounded insertion keeps long result lists cheap). */
function topK(list: Ranked[], k: number): Ranked[] {
  if (list.length <= k * 4 || k > 500) return [...list].sort(compareRanked).slice(0, k);
  const best: Ranked[] = [];
  for (const r of list) {
    if (best.length === k && compareRanked(r, best[k - 1] as Ranked) >= 0) continue;
    let i = best.length === k ? k - 1 : best.length;
    if (best.length === k) best.pop();
    while (i > 0 && compareRanked(r, best[i - 1] as Ranked) < 0) i--;
    best.splice(i, 0, r);
  }
  return best;
}

/** First index in postings [lo, hi) whose doc is >= doc (postings are in doc order). */
function seek(postDoc: Int32Array, lo: number, hi: number, doc: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((postDoc[mid] ?? 0) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function scoreStatements(
  index: SearchIndex,
  reading: Reading,
  mask: Uint8Array | null,
  want: number,
): { total: number; top: Ranked[] } {
  const d = index.data;
  const n = index.corpus.statements.length;
  const { cur, stamp, total, cover, factor, seen, meetingBest } = d.scratch;
  const touched: number[] = [];
  const totalWeight = reading.concepts.reduce((a, c) => a + c.weight, 0) || 1;
  const meetingScore = new Float32Array(index.corpus.meetings.length);
  // Rare concepts first: long posting lists of common words then only probe statements already found.
  // Words naming a meeting come last and only add to statements the other words found.
  const concepts = [...reading.concepts].sort(
    (a, b) => Number(!!a.meetings) - Number(!!b.meetings) || b.weight - a.weight,
  );
  const common = Math.max(5000, n / 10);
  // A paraphrase with a long list only adds to what the question's own words found.
  const paraphraseCommon = Math.max(1000, n / 100);
  let remaining = totalWeight;

  concepts.forEach((concept, ci) => {
    // A statement first found now can reach at most the weight of this and later concepts: when
    // that is below the coverage every answer needs, only statements already found can gain.
    const canCreate =
      remaining / totalWeight + 1e-6 >= Math.min(MIN_COVERAGE, MIN_COVERAGE_ASKED_SPEAKER);
    remaining -= concept.weight;
    const conceptTouched: number[] = [];
    const hit = (doc: number, v: number, full: boolean, f: number) => {
      if (stamp[doc] !== ci) {
        stamp[doc] = ci;
        cur[doc] = v;
        factor[doc] = full ? f : 0;
        conceptTouched.push(doc);
        return;
      }
      if (v > (cur[doc] ?? 0)) cur[doc] = v;
      // Best factor of a full match: a hypernym covers half a word, a partial phrase nothing.
      if (full && f > (factor[doc] ?? 0)) factor[doc] = f;
    };
    for (const exp of concept.expansions) {
      const lists = exp.terms.map((t) => [d.postStart[t] ?? 0, d.postStart[t + 1] ?? 0] as const);
      lists.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
      const [shortest, ...others] = lists;
      if (!shortest) continue;
      const size = shortest[1] - shortest[0];
      // Long lists (common words, broad hypernyms) only add to statements already found when
      // rarer words found some: the cost of a question then follows its rarest words.
      const found = touched.length + conceptTouched.length;
      // Only add to statements already found: when no new one could pass, or when a long list
      // (a common word, a broad hypernym) meets a question whose rarer words found some.
      const onlyFound =
        !canCreate ||
        concept.meetings !== undefined ||
        (size > common &&
          found > 0 &&
          found * 8 < size &&
          (touched.length > 0 || exp.factor < 1)) ||
        (exp.factor < 1 && size > paraphraseCommon && found > 0);
      // Seek each found statement in the list when that is cheaper than walking the list.
      const probe = onlyFound && found * Math.log2(size + 2) < size;
      const scoreAt = (doc: number, p: number): number => {
        let v = d.postImpact[p] ?? 0;
        for (const [lo, hi] of others) {
          const q = seek(d.postDoc, lo, hi, doc);
          if (q >= hi || d.postDoc[q] !== doc) return -1;
          v += d.postImpact[q] ?? 0;
        }
        return (v / exp.terms.length) * exp.factor;
      };
      if (probe) {
        for (const doc of touched.length > 0
          ? [...touched, ...conceptTouched]
          : [...conceptTouched]) {
          const p = seek(d.postDoc, shortest[0], shortest[1], doc);
          if (p >= shortest[1] || d.postDoc[p] !== doc) continue;
          const v = scoreAt(doc, p);
          if (v >= 0) hit(doc, v, !exp.partial, exp.factor);
        }
      } else {
        for (let p = shortest[0]; p < shortest[1]; p++) {
          const doc = d.postDoc[p] ?? 0;
          if (mask && mask[doc] === 0) continue;
          if (onlyFound && seen[doc] !== 1 && stamp[doc] !== ci) continue;
          const v = scoreAt(doc, p);
          if (v >= 0) hit(doc, v, !exp.partial, exp.factor);
        }
      }
    }
    // In a meeting the word names, a statement the other words found covers it without saying it.
    if (concept.meetings) {
      for (const doc of touched) {
        if (concept.meetings.has(d.docMeeting[doc] ?? -1)) hit(doc, 0, true, 1);
      }
    }
    // Meeting-level evidence: the best passage (statement or narration) of each report.
    const touchedMeetings: number[] = [];
    for (const doc of conceptTouched) {
      const mi = d.docMeeting[doc] ?? 0;
      const v = cur[doc] ?? 0;
      if (meetingBest[mi] === 0) touchedMeetings.push(mi);
      if (v > (meetingBest[mi] ?? 0)) meetingBest[mi] = v;
    }
    for (const mi of touchedMeetings) {
      meetingScore[mi] = (meetingScore[mi] ?? 0) + (meetingBest[mi] ?? 0);
      meetingBest[mi] = 0;
    }
    for (const doc of conceptTouched) {
      if (seen[doc] !== 1) {
        seen[doc] = 1;
        touched.push(doc);
        total[doc] = 0;
        cover[doc] = 0;
      }
      total[doc] = (total[doc] ?? 0) + (cur[doc] ?? 0);
      cover[doc] = (cover[doc] ?? 0) + concept.weight * (factor[doc] ?? 0);
    }
  });

  let maxMeeting = 0;
  for (const v of meetingScore) if (v > maxMeeting) maxMeeting = v;
  const out: Ranked[] = [];
  for (const doc of touched) {
    stamp[doc] = -1;
    seen[doc] = 0;
    if (d.docSpeaker[doc] === NARRATION) continue;
    const asked = reading.speakers.has(d.docSpeaker[doc] ?? -1);
    const coverage = (cover[doc] ?? 0) / totalWeight;
    // The speaker asked about is itself evidence; anyone else must match the topic well.
    const needed =
      reading.speakers.size === 0
        ? MIN_COVERAGE
        : asked
          ? MIN_COVERAGE_ASKED_SPEAKER
          : MIN_COVERAGE_OTHER_SPEAKER;
    if (coverage + 1e-6 < needed) continue;
    const m = maxMeeting > 0 ? (meetingScore[d.docMeeting[doc] ?? 0] ?? 0) / maxMeeting : 0;
    // Coordination: a statement that answers more of the question beats one that repeats a part.
    const coord = 0.5 + 0.5 * Math.min(1, coverage);
    const named = 1 + MENTION_BOOST * (reading.meetings.get(d.docMeeting[doc] ?? -1) ?? 0);
    out.push({
      doc,
      score: (total[doc] ?? 0) * coord * (1 + MEETING_BOOST * m) * named,
      asked,
    });
  }
  return { total: out.length, top: topK(out, want) };
}

/** The most quoted speakers' names. */
function topSpeakers(index: SearchIndex, max: number): string[] {
  return [...index.data.statementCounts.entries()]
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, max)
    .map(([s]) => index.corpus.speakers[s]?.name ?? '')
    .filter(Boolean);
}

/**
 * Topics worth suggesting: the words the reports (or these speakers) say much more often than
 * their reference (everyday English for the reports; the whole corpus for speakers), kept when
 * WordNet mostly knows them as nouns ("cooperation", not "important" or "taken").
 */
function topTopics(index: SearchIndex, speakers: Set<number> | null, max: number): string[] {
  const d = index.data;
  if (!speakers && d.globalTopics.length >= max) return d.globalTopics.slice(0, max);
  const n = index.corpus.statements.length;
  const usable = (t: number) => {
    const word = d.display[t] ?? '';
    return (
      word.length >= 4 &&
      /^\p{L}+$/u.test(word) &&
      !STOPWORDS.has(word) &&
      !QUESTION_WORDS.has(word) &&
      !SPEECH_VERBS.has(word) &&
      !HONORIFICS.has(word) &&
      !d.nameTokens.has(word) &&
      ((d.textDf[t] ?? 0) <= n / 3 || n <= 10)
    );
  };
  // Log-likelihood-style weight: count × log(observed rate / expected rate).
  const score = new Map<number, number>();
  let words = 0;
  for (let doc = 0; doc < Math.min(n, 2000); doc++)
    words += indexWords(index.corpus.statements[doc]?.text ?? '').length;
  const perStatement = Math.max(1, words / Math.max(1, Math.min(n, 2000)));
  const eng = d.english;
  /** How many times more often statements say the word than everyday English would. */
  const overEnglish = (t: number, rate: number) =>
    rate / ((((eng.counts.get(d.display[t] ?? '') ?? 0) + 1) / eng.total) * perStatement);
  if (!speakers) {
    for (let t = 0; t < d.stems.length; t++) {
      const td = d.textDf[t] ?? 0;
      if (td < (n > 50 ? 2 : 1) || !usable(t)) continue;
      const ratio = overEnglish(t, td / n);
      if (ratio >= DISTINCTIVE_RATIO) score.set(t, td * Math.log(ratio));
    }
  } else {
    // What these speakers said (a sample of their statements is enough for a suggestion).
    const stemOf = makeStemmer();
    let sampled = 0;
    const counts = new Map<number, number>();
    for (let doc = 0; doc < n && sampled < 500; doc++) {
      if (!speakers.has(d.docSpeaker[doc] ?? -1)) continue;
      sampled++;
      for (const w of new Set(indexWords(index.corpus.statements[doc]?.text ?? ''))) {
        const t = d.terms.get(stemOf(w));
        if (t !== undefined && usable(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    for (const [t, c] of counts) {
      const ratio = c / sampled / (((d.textDf[t] ?? 0) + 1) / (n + 1));
      const english = overEnglish(t, c / sampled);
      if (english >= DISTINCTIVE_RATIO) score.set(t, c * (Math.log(1 + ratio) + Math.log(english)));
    }
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const out: string[] = [];
  for (const [t] of ranked.slice(0, max * 25)) {
    const word = d.display[t] ?? '';
    if (looksLikeNoun(d, word)) out.push(word);
    if (out.length >= max) break;
  }
  return out;
}

/** A word WordNet uses mostly as a noun (unknown words pass: names of places, products). */
function looksLikeNoun(d: IndexData, word: string): boolean {
  if (!d.lexicon) return true;
  const u = d.lexicon.usage(word);
  const other = Math.max(u.verb, u.adj, u.adv);
  return u.noun > 0 ? u.noun >= other : other === 0;
}
