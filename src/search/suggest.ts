// Suggestions for an empty answer: the most quoted speakers and the reports' distinctive topics.
import { spokenText } from '../corpus/text.js';
import { indexWords, makeStemmer, type IndexData, type SearchIndex } from './index-data.js';
import { HONORIFICS } from './normalize.js';
import { QUESTION_WORDS, SPEECH_VERBS, STOPWORDS } from './stopwords.js';

// A suggested topic is said at least this many times more often than in everyday English.
const DISTINCTIVE_RATIO = 3;

/** The most quoted speakers' names. */
export function topSpeakers(index: SearchIndex, max: number): string[] {
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
export function topTopics(index: SearchIndex, speakers: Set<number> | null, max: number): string[] {
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
    words += indexWords(spokenText(index.corpus.statements[doc] ?? { text: '' })).length;
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
      for (const w of new Set(
        indexWords(spokenText(index.corpus.statements[doc] ?? { text: '' })),
      )) {
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
