// Index build: BM25F impacts over statement text, its context and the meeting title, narration
// paragraphs as meeting evidence, the typo table, and the speaker and meeting keys questions use.
import Fuse from 'fuse.js';
import { spokenText } from '../corpus/text.js';
import type { Corpus, Meeting, Speaker, Statement } from '../corpus/types.js';
import { loadEnglishCounts } from './english.js';
import { buildDeletionTable } from './expand.js';
import { NARRATION, makeStemmer } from './index-data.js';
import type { IndexData, SearchIndex } from './index-data.js';
import { openWordNet } from './lexicon.js';
import { identifyingWords, lookupSlices, roleWords } from './lookup.js';
import { HONORIFICS, tokenize, tokenizeRaw } from './normalize.js';
import { QUESTION_WORDS, STOPWORDS } from './stopwords.js';
import { topTopics } from './suggest.js';
import { BACKCHANNEL, WordMemo } from './word-memo.js';
import type { Bag } from './word-memo.js';
import { SLICE_MS, runAtOnce, runInSlices } from '../slices.js';
import type { Slices } from '../slices.js';

const NO_WORDS: Bag = { ids: new Int32Array(0), counts: new Int32Array(0), length: 0 };

// BM25 parameters and field weights (BM25F: context and title words count as fractional tf).
const K1 = 1.2;
const B = 0.75;
const CONTEXT_WEIGHT = 0.5;
const TITLE_WEIGHT = 0.3;
// Bounds on the length BM25 normalises by, as shares of the average statement length.
const SHORTEST_NORM = 0.3;
const LONGEST_NORM = 4;

/** The text ends with "?", perhaps followed by a closing quote, bracket or space. */
function endsWithQuestionMark(text: string): boolean {
  for (let i = text.length - 1; i >= 0 && i >= text.length - 6; i--) {
    const c = text[i];
    if (c === '?') return true;
    if (c !== '"' && c !== '”' && c !== '’' && c !== ')' && c !== ' ' && c !== '\n' && c !== '\r')
      return false;
  }
  return false;
}

/**
 * The length BM25 normalises by, kept within bounds: a three-word chat line is not a better
 * answer for being short, and a 2,000-word turn that holds the answer is not buried by its length.
 */
function normLength(len: number, avgLen: number): number {
  return Math.min(Math.max(len, avgLen * SHORTEST_NORM), avgLen * LONGEST_NORM);
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

/** What the build derives from every word of the corpus: restorable from a snapshot. */
export type Postings = Pick<
  IndexData,
  | 'terms'
  | 'stems'
  | 'idf'
  | 'weight'
  | 'textDf'
  | 'maxIdf'
  | 'postStart'
  | 'postDoc'
  | 'postImpact'
  | 'postInText'
  | 'surfaces'
  | 'sortedSurfaces'
  | 'deletions'
  | 'surfaceList'
  | 'docCount'
  | 'docMeeting'
  | 'docSpeaker'
  | 'docTimed'
  | 'docAsks'
  | 'meetingKeys'
  | 'display'
  | 'df'
>;

export interface BuildIndexOptions {
  /** The index this one replaces: the words of texts it already read are reused. */
  previous?: SearchIndex;
  /** The postings of this very corpus, restored from a snapshot (`live/index-snapshot.ts`). */
  postings?: Postings;
  /**
   * Keep the words of every text with the index, so the next build (`previous`) re-reads only new
   * texts. For the live corpus, which rebuilds; it costs memory, so one-off indexes do without.
   */
  remember?: boolean;
}

// Each index's remembered words (not part of IndexData: questions never use them).
const memos = new WeakMap<IndexData, WordMemo>();

/** Builds the index once; everything a question needs is precomputed here except WordNet. */
export function buildIndex(corpus: Corpus, options: BuildIndexOptions = {}): SearchIndex {
  return runAtOnce(buildIndexSlices(corpus, options));
}

/**
 * `buildIndex` as work that pauses between pieces (`slices.ts`): the live corpus rebuilds a slice
 * at a time so questions keep being answered on the old index meanwhile.
 */
export function* buildIndexSlices(
  corpus: Corpus,
  options: BuildIndexOptions = {},
): Slices<SearchIndex> {
  const memo =
    (options.previous && memos.get(options.previous.data)) ??
    new WordMemo(options.remember === true);
  const postings = options.postings ?? (yield* postingsSlices(corpus, memo));
  const index = yield* assembleIndex(corpus, postings, options.previous);
  if (options.remember) memos.set(index.data, memo);
  return index;
}

/**
 * Reads the words of every text of the index's corpus into its memo, a slice of about `sliceMs`
 * at a time between other work, so the first rebuild after a start from a snapshot re-reads only
 * new records.
 */
export async function rememberWords(index: SearchIndex, sliceMs = SLICE_MS): Promise<void> {
  let memo = memos.get(index.data);
  if (!memo) {
    memo = new WordMemo();
    memos.set(index.data, memo);
  }
  await runInSlices(readWords(index.corpus, memo), sliceMs);
}

function* readWords(corpus: Corpus, m: WordMemo): Slices<void> {
  for (let i = 0; i < corpus.statements.length; i++) {
    const st = corpus.statements[i] as Statement;
    m.said(spokenText(st));
    if (st.context) m.bag(st.context);
    if (i % 64 === 63) yield;
  }
  for (let i = 0; i < corpus.meetings.length; i++) {
    const meeting = corpus.meetings[i] as Meeting;
    m.ids(meeting.title ?? '');
    for (const p of narrationParagraphs(meeting)) m.bag(p);
    if (i % 16 === 15) yield;
  }
}

/** The postings of a corpus: every word of every statement and narration paragraph. */
export function buildPostings(corpus: Corpus, memo: WordMemo = new WordMemo()): Postings {
  return runAtOnce(postingsSlices(corpus, memo));
}

/**
 * The postings build, paced: the work is in the plain functions of `postingsSteps` (optimised
 * by the engine as usual); this only calls them in order and pauses between them.
 */
function* postingsSlices(corpus: Corpus, memo: WordMemo): Slices<Postings> {
  const steps = postingsSteps(corpus, memo);
  const meetings = corpus.meetings.length;
  const n = corpus.statements.length;
  for (let mi = 0; mi < meetings; mi++) {
    steps.meetingKeys(mi);
    if (mi % 64 === 63) yield;
  }
  for (let doc = 0; doc < n; doc++) {
    steps.statement(doc);
    if (doc % 256 === 255) yield;
  }
  for (let mi = 0; mi < meetings; mi++) {
    steps.narration(mi);
    if (mi % 32 === 31) yield;
  }
  steps.assembleDocs();
  // The (doc, term, tf) triples, a stretch of each chunk at a time.
  const chunks = steps.countTerms();
  for (let k = 0; k < chunks; k++)
    for (let from = 0; from < CHUNK; from += STRETCH) {
      steps.countChunk(k, from, from + STRETCH);
      yield;
    }
  steps.weigh();
  yield;
  for (let k = 0; k < chunks; k++)
    for (let from = 0; from < CHUNK; from += STRETCH) {
      steps.fillChunk(k, from, from + STRETCH);
      yield;
    }
  steps.dropTriples();
  steps.display();
  yield;
  return steps.finish();
}

/** The postings' (doc, term, tf) triples are kept in chunks of this many. */
const CHUNK = 1 << 20;
/** How many triples of a chunk a piece of the build goes through (at most a few ms). */
const STRETCH = 1 << 16;

/** The pieces of a postings build, in the order `postingsSlices` calls them. */
function postingsSteps(corpus: Corpus, memo: WordMemo) {
  memo.begin();
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
  // The memo's word ids → this build's term ids (termId in first-seen order, as without a memo).
  let termOfWord = new Int32Array(Math.max(memo.size, 1024)).fill(-1);
  const termOf = (w: number): number => {
    if (w >= termOfWord.length) {
      const grown = new Int32Array(Math.max(termOfWord.length * 2, w + 1)).fill(-1);
      grown.set(termOfWord);
      termOfWord = grown;
    }
    let id = termOfWord[w] as number;
    if (id < 0) {
      id = termId(memo.word(w));
      termOfWord[w] = id;
    }
    return id;
  };
  const termsOf = (text: string): number[] => Array.from(memo.ids(text), termOf);

  const meetingIndex = new Map<string, number>();
  corpus.meetings.forEach((m, i) => meetingIndex.set(m.id, i));
  const speakerIndex = new Map<string, number>();
  corpus.speakers.forEach((s, i) => speakerIndex.set(s.name, i));

  const titleTerms = corpus.meetings.map((m) => termsOf(m.title ?? ''));
  // A speaker's role is the label in front of their words ("President of Russia Vladimir Putin:").
  const roleTerms = corpus.speakers.map((sp) => termsOf(sp.role ?? ''));
  const n = corpus.statements.length;
  // Words that name a meeting: its title and its participants' roles ("President of Azerbaijan").
  const meetingKeys = new Map<number, number[]>();
  // Only capitalised words: names of places and people, not a topic in a title ("on rail links").
  const capitalised = (text: string) =>
    tokenizeRaw(text)
      .filter((t) => /^\p{Lu}/u.test(t.raw))
      .map((t) => t.word);
  const meetingKeysOf = (mi: number): void => {
    const m = corpus.meetings[mi] as Meeting;
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
  };
  // Per statement (documents 0..n-1). Narration paragraphs follow them (n, n+1, …) and are read
  // after the statements, so no paragraph's words are held while the statements are read (a
  // caption file has a narration paragraph, its cue's number and timing, for nearly every turn).
  // Held words made V8 allocate every statement's throwaway words straight in the old generation
  // too, where they piled up until a full collection: 70 MB more peak memory at 100,000 turns.
  const saidMeeting = new Int32Array(n);
  const saidSpeaker = new Int32Array(n);
  const saidTimed = new Uint8Array(n);
  const saidAsks = new Uint8Array(n);
  const saidLen = new Float32Array(n);
  const narrationMeeting: number[] = [];
  const narrationLen: number[] = [];
  let docCount = 0;
  let docMeeting = new Int32Array(0);
  let docSpeaker = new Int32Array(0);
  let docTimed = new Uint8Array(0);
  let docAsks = new Uint8Array(0);
  let docLen = new Float32Array(0);
  /** Every document's facts, statements then narration paragraphs, once both are read. */
  const assembleDocs = (): void => {
    docCount = n + narrationMeeting.length;
    docMeeting = new Int32Array(docCount);
    docMeeting.set(saidMeeting);
    docMeeting.set(narrationMeeting, n);
    docSpeaker = new Int32Array(docCount).fill(NARRATION);
    docSpeaker.set(saidSpeaker);
    docTimed = new Uint8Array(docCount);
    docTimed.set(saidTimed);
    docAsks = new Uint8Array(docCount);
    docAsks.set(saidAsks);
    docLen = new Float32Array(docCount);
    docLen.set(saidLen);
    docLen.set(narrationLen, n);
  };
  // (doc, term, tf) triples in fixed-size typed chunks (no doubling copies at scale), grouped by
  // term afterwards with a counting sort.
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
      // The sign says whether the statement's own text has the word (not only its context,
      // its meeting's title or its speaker's role): only that covers a question's concept fully.
      cTf[pos] = lastDoc[id] === doc ? (dense[id] ?? 0) : -(dense[id] ?? 0);
      pos++;
      count++;
      dense[id] = 0;
    }
    ids.length = 0;
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
  const statement = (doc: number): void => {
    const st = corpus.statements[doc] as Statement;
    const mi = meetingIndex.get(st.meetingId) ?? 0;
    saidMeeting[doc] = mi;
    saidSpeaker[doc] = st.speaker !== null ? (speakerIndex.get(st.speaker) ?? -1) : -1;
    if (st.time) saidTimed[doc] = 1;
    if (st.kind === 'turn' && endsWithQuestionMark(spokenText(st))) saidAsks[doc] = 1;
    // A greeting or backchannel ("yeah", "+1", "gm") answers nothing: it gets no postings at all.
    // Each word once with its count: the same sums as one at a time (whole and half counts are
    // exact), and the same first-seen order of new words.
    const words = memo.said(spokenText(st));
    if (words === BACKCHANNEL) return;
    for (let k = 0; k < words.ids.length; k++) {
      const id = termOf(words.ids[k] as number);
      bump(id, words.counts[k] as number);
      countText(id, doc);
    }
    const ctx = st.context ? memo.bag(st.context) : NO_WORDS;
    for (let k = 0; k < ctx.ids.length; k++)
      bump(termOf(ctx.ids[k] as number), CONTEXT_WEIGHT * (ctx.counts[k] as number));
    for (const id of titleTerms[mi] ?? []) bump(id, TITLE_WEIGHT);
    for (const id of roleTerms[saidSpeaker[doc] ?? -1] ?? []) bump(id, TITLE_WEIGHT);
    const len = words.length + CONTEXT_WEIGHT * ctx.length;
    saidLen[doc] = len;
    totalLen += len;
    flush(doc);
  };
  // Narration paragraphs are indexed too, as documents that are never answers: they tell which
  // report a question is about ("arrived in Russia"), for the meeting-level evidence.
  const narrationOf = (mi: number): void => {
    for (const p of narrationParagraphs(corpus.meetings[mi] as Meeting)) {
      const words = memo.bag(p);
      if (words.length < 3) continue;
      const doc = n + narrationMeeting.length;
      narrationMeeting.push(mi);
      narrationLen.push(words.length);
      const { ids: pIds, counts: pCounts } = words;
      for (let k = 0; k < pIds.length; k++) bump(termOf(pIds[k] as number), pCounts[k] as number);
      flush(doc);
    }
  };

  let termCount = 0;
  let df = new Int32Array(0);
  const countTerms = (): number => {
    termCount = stems.length;
    df = new Int32Array(termCount);
    return chunks.length;
  };
  const countChunk = (k: number, from: number, to: number): void => {
    const c = chunks[k] as (typeof chunks)[number];
    const len = Math.min(k === chunks.length - 1 ? pos : CHUNK, to);
    const cTerms = c.term;
    for (let j = from; j < len; j++) df[cTerms[j] as number]! += 1;
  };
  let postStart = new Int32Array(0);
  let fill = new Int32Array(0);
  let postDoc = new Int32Array(0);
  let postImpact = new Float32Array(0);
  let postInText = new Uint8Array(0);
  let idf = new Float32Array(0);
  let weight = new Float32Array(0);
  let docNorm = new Float64Array(0);
  const weigh = (): void => {
    postStart = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) postStart[t + 1] = (postStart[t] ?? 0) + (df[t] ?? 0);
    fill = postStart.slice(0, termCount);
    postDoc = new Int32Array(count);
    postImpact = new Float32Array(count);
    postInText = new Uint8Array(count);
    idf = new Float32Array(termCount);
    weight = new Float32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const d = df[t] ?? 0;
      idf[t] = Math.log(1 + (docCount - d + 0.5) / (d + 0.5));
      const td = textDf[t] ?? 0;
      weight[t] = Math.log(1 + (n - td + 0.5) / (td + 0.5));
    }
    const avgLen = n > 0 ? totalLen / n || 1 : 1;
    // The length normalisation of each document (the same arithmetic as per posting).
    docNorm = new Float64Array(docCount);
    for (let doc = 0; doc < docCount; doc++)
      docNorm[doc] = K1 * (1 - B + (B * normLength(docLen[doc] ?? 0, avgLen)) / avgLen);
  };
  // Triples are in document order, so every posting list comes out sorted by document.
  const fillChunk = (k: number, from: number, to: number): void => {
    const c = chunks[k] as (typeof chunks)[number];
    const len = Math.min(k === chunks.length - 1 ? pos : CHUNK, to);
    const { doc: cDocs, term: cTerms, tf: cTfs } = c;
    for (let j = from; j < len; j++) {
      const doc = cDocs[j] as number;
      const t = cTerms[j] as number;
      const signed = cTfs[j] as number;
      const at = fill[t]!++;
      const f = Math.abs(signed);
      postDoc[at] = doc;
      postInText[at] = signed > 0 ? 1 : 0;
      const norm = docNorm[doc] as number;
      postImpact[at] = ((idf[t] ?? 0) * (f * (K1 + 1))) / (f + norm);
    }
  };

  // The triples and work arrays are not needed once the postings are filled: let them go before
  // the rest of the build (the deletion table, the lookups) makes its own.
  const dropTriples = (): void => {
    chunks.length = 0;
    cDoc = new Int32Array(0);
    cTerm = new Int32Array(0);
    cTf = new Float32Array(0);
    fill = new Int32Array(0);
    docNorm = new Float64Array(0);
    dense = new Float32Array(0);
  };

  // Display forms: the shortest surface word seen for each stem.
  let display: string[] = [];
  const displayForms = (): void => {
    display = new Array<string>(termCount).fill('');
    for (const [surface, id] of surfaces) {
      const cur = display[id] ?? '';
      if (!cur || surface.length < cur.length) display[id] = surface;
    }
  };

  const finish = (): Postings => {
    const surfaceList = [...surfaces.keys()];
    const sortedSurfaces = [...surfaceList].sort();
    const deletions = buildDeletionTable(surfaceList);
    let maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    if (!Number.isFinite(maxIdf)) maxIdf = 1;
    return {
      terms,
      stems,
      idf,
      weight,
      textDf: textDf.slice(0, termCount),
      maxIdf,
      postStart,
      postDoc,
      postImpact,
      postInText,
      surfaces,
      sortedSurfaces,
      deletions,
      surfaceList,
      docCount,
      docMeeting,
      docSpeaker,
      docTimed,
      docAsks,
      meetingKeys,
      display,
      df,
    };
  };
  return {
    meetingKeys: meetingKeysOf,
    statement,
    narration: narrationOf,
    assembleDocs,
    countTerms,
    countChunk,
    weigh,
    fillChunk,
    dropTriples,
    display: displayForms,
    finish,
  };
}

/** The index of a corpus from its postings: speaker and meeting keys, lookups, work arrays. */
function* assembleIndex(
  corpus: Corpus,
  postings: Postings,
  previous?: SearchIndex,
): Slices<SearchIndex> {
  const { docCount, docSpeaker } = postings;
  const n = corpus.statements.length;
  const speakerIndex = new Map<string, number>();
  corpus.speakers.forEach((s, i) => speakerIndex.set(s.name, i));
  const { nameTokens, roles } = buildSpeakerKeys(corpus.speakers);
  yield;
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
  yield;
  const lookup = yield* lookupSlices(corpus);
  yield;
  const speakerMeetings = meetingsBySpeaker(corpus, speakerIndex);
  yield;

  const index: SearchIndex = {
    corpus,
    data: {
      ...postings,
      speakerIndex,
      pressSpeakers: findPressSpeakers(corpus.speakers),
      genericSpeaker: Uint8Array.from(corpus.speakers, (s) => (s.generic ? 1 : 0)),
      nameTokens,
      nameFuse,
      roles,
      roleVocab,
      rolePrefixes,
      statementCounts,
      speakerMeetings,
      lexicon: openWordNet(),
      lookup,
      // Everyday English word counts do not depend on the corpus: the previous index's are the same.
      english: previous?.data.english ?? loadEnglishCounts(),
      stemOf: makeStemmer(50_000),
      scratch: {
        cur: new Float32Array(docCount),
        stamp: new Int32Array(docCount).fill(-1),
        total: new Float32Array(docCount),
        cover: new Float32Array(docCount),
        factor: new Float32Array(docCount),
        seen: new Uint8Array(docCount),
        bits: new Uint32Array(docCount),
        answerTypes: new Uint8Array(docCount),
        turnLength: new Uint32Array(docCount),
        meetingBest: new Float32Array(corpus.meetings.length),
      },
      globalTopics: [],
    },
  };
  yield;
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
      // A compound may be typed as one word: "Under-Secretary-General" is also "undersecretary".
      const joined = rw.slice(1).map((w, k) => (rw[k] ?? '') + w);
      if (rw.some((w) => HONORIFICS.has(w))) phrases.push([...rw, ...joined]);
    }
    roles.push(phrases);
  });
  return { nameTokens, roles };
}

/** Generic label speakers that stand for the press or the floor: "Q", "Question", "Reporter". */
function findPressSpeakers(speakers: Speaker[]): number[] {
  const out: number[] = [];
  speakers.forEach((s, i) => {
    if (!s.generic) return;
    const words = tokenize(s.name);
    if (words.some((w) => PRESS_LABELS.has(w))) out.push(i);
  });
  return out;
}

const PRESS_LABELS = new Set([
  'q',
  'question',
  'questions',
  'questioner',
  'reporter',
  'reporters',
  'journalist',
  'press',
  'audience',
]);

/** Per speaker: the meetings they speak in or attend, in corpus order. */
function meetingsBySpeaker(corpus: Corpus, speakerIndex: Map<string, number>): number[][] {
  const out = corpus.speakers.map((): number[] => []);
  corpus.meetings.forEach((m, mi) => {
    for (const name of new Set([...m.speakers, ...m.present])) {
      const s = speakerIndex.get(name);
      if (s !== undefined) out[s]?.push(mi);
    }
  });
  return out;
}
