// Expansion: the index terms that can stand for a question word — itself, a typo of it, the word
// with another ending, WordNet synonyms and hypernyms — each with how much it counts.
import type { IndexData } from './index-data.js';
import { irregularForms } from './irregular.js';
import { editDistance, typoBudget } from './normalize.js';
import { overBudget } from './budget.js';

/** A thing the question asks about, with the index terms that can stand for it. */
export interface Concept {
  label: string;
  /** Rarity of the concept: how much of the question it is. */
  weight: number;
  expansions: { terms: number[]; factor: number; partial: boolean }[];
  /** Meetings the word names (title, participants' roles): there it needs no match in the text. */
  meetings?: Set<number>;
}

// How much a paraphrase counts compared with the word itself.
const FUZZY_FACTOR = 0.8;
const AFFIX_FACTOR = 0.7;
export const SYNONYM_FACTOR = 0.75;
const SYNONYM_AFFIX_FACTOR = 0.55;
const HYPERNYM_FACTOR = 0.5;
const PARTIAL_PHRASE_FACTOR = 0.3;
// Paraphrases tried per word, most faithful first.
const MAX_EXPANSIONS = 16;
// Share of the question's topic (weighted by rarity) a statement must match to count as an answer;

// A verb naming the kind of statement ("who JOKED about …", "what was DECIDED about …") is searched
// for, but weighs this share of its rarity in the question: the topic is what the statement must
// cover; the records word the act their own way ("agreed", "(Laughter.)") or not at all.
const ACT_WEIGHT = 0.5;
const ACT_STEMS =
  'joke joking decide decid resolve resolv agree disagree promise warn urge insist admit deny denie propose complain praise criticise criticize object reply replie respond recommend suggest argue announce plead stress emphasise emphasize concede acknowledge declare assure confirm thank apologise apologize vow pledge'.split(
    ' ',
  );
const ACT_ENDINGS = ['', 's', 'd', 'ed', 'es', 'ing'];
const ACT_WORDS: ReadonlySet<string> = new Set(
  ACT_STEMS.flatMap((stem) => ACT_ENDINGS.map((e) => stem + e)),
);

/** Is this question word a verb of a speech act or a decision ("joked", "decided", "warned")? */
export function isActWord(word: string): boolean {
  return ACT_WORDS.has(word);
}

/** Topic words → concepts with their tolerant expansions (typo, affix, WordNet). */
export function buildConcepts(
  d: IndexData,
  content: { word: string; pos: number }[],
  stemOf: (w: string) => string,
): Concept[] {
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  let k = 0;
  while (k < content.length) {
    if (concepts.length > 0 && overBudget()) break;
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
    if (isActWord(a.word)) concept.weight *= ACT_WEIGHT;
    if (!seen.has(concept.label)) {
      seen.add(concept.label);
      concepts.push(concept);
    }
    k++;
  }
  return concepts;
}

export function termOf(
  d: IndexData,
  word: string,
  stemOf: (w: string) => string,
): number | undefined {
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
export function buildDeletionTable(surfaceList: string[]): Float64Array {
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

// Two-deletion keys grow with the square of a word's length: longer words get no typo search.
const MAX_TYPO_WORD = 24;

/** Index words one or two typos away (symmetric deletion, verified by edit distance). */
export function typoTerms(d: IndexData, word: string): number[] {
  const budget = typoBudget(word.length);
  if (budget === 0 || word.length > MAX_TYPO_WORD || !/^[a-z]+$/.test(word)) return [];
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
  // A word of everyday English the reports lack ("folks") is that word, not a typo of "fork".
  else if (!isEnglishWord(d, word)) for (const t of typoTerms(d, word)) add([t], FUZZY_FACTOR);
  // A common word matches plenty as it is; its paraphrases would only add noise (and time).
  if (own !== undefined && (d.df[own] ?? 0) > commonDf) {
    return { label: stemOf(word), weight: d.weight[own] ?? d.maxIdf, expansions };
  }
  for (const t of affixTerms(d, word)) if (t !== own) add([t], AFFIX_FACTOR);
  // An irregular verb's other forms are the same word with another ending ("won" for "win").
  for (const form of irregularForms(word)) {
    const t = termOf(d, form, stemOf);
    if (t !== undefined && t !== own) add([t], AFFIX_FACTOR);
  }
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

/** A word WordNet or everyday spoken English knows (so not a misspelling). */
export function isEnglishWord(d: IndexData, word: string): boolean {
  return (
    (d.english.counts.get(word) ?? 0) >= ENGLISH_MIN_COUNT ||
    (d.lexicon?.related(word).length ?? 0) > 0
  );
}

// Seen this often in SUBTLEX (51 million words), a word is English, not a typo.
const ENGLISH_MIN_COUNT = 20;
