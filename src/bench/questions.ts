// Generated bench questions with a known answer: each is made from one statement's rarest words,
// phrased as people type (some with the speaker's surname, some with a typo).
import type { Corpus } from '../corpus/types.js';
import { tokenize } from '../search/normalize.js';
import { STOPWORDS, QUESTION_WORDS } from '../search/stopwords.js';

export interface BenchQuestion {
  q: string;
  /** Id of the statement that answers it. */
  answer: string;
  /** The answering statement's text: another statement with the same text is as good. */
  text: string;
  typo: boolean;
}

/** A small deterministic PRNG (mulberry32). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One typo: two neighbouring letters swapped, a letter dropped, or a letter doubled. */
function addTypo(word: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

const TEMPLATES: ((words: string, who: string | null) => string)[] = [
  (w, who) => (who ? `what did ${who} say about ${w}` : `what was said about ${w}`),
  (w) => w,
  (w, who) => (who ? `${who} ${w}` : `${w}?`),
  (w, who) => (who ? `did ${who} mention ${w}?` : `did anyone talk about ${w}`),
];

export function generateQuestions(corpus: Corpus, count: number, seed = 11): BenchQuestion[] {
  const rnd = makeRandom(seed);
  const df = new Map<string, number>();
  for (const st of corpus.statements) {
    for (const w of new Set(tokenize(st.text))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const out: BenchQuestion[] = [];
  const used = new Set<number>();
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const i = Math.floor(rnd() * corpus.statements.length);
    const st = corpus.statements[i];
    if (!st || used.has(i)) continue;
    const words = [...new Set(tokenize(st.text))].filter(
      (w) => w.length >= 4 && /^[a-z]+$/.test(w) && !STOPWORDS.has(w) && !QUESTION_WORDS.has(w),
    );
    if (words.length < 4) continue;
    used.add(i);
    // The rarer words of the statement, as a person recalling it would pick them.
    words.sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
    const k = 2 + Math.floor(rnd() * 3);
    const pool = words.slice(0, Math.min(words.length, k + 2));
    const chosen: string[] = [];
    while (chosen.length < k && pool.length > 0) {
      chosen.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0] as string);
    }
    const typo = rnd() < 0.25;
    if (typo) {
      const j = chosen.findIndex((w) => w.length >= 6);
      if (j >= 0) chosen[j] = addTypo(chosen[j] as string, rnd);
    }
    const surname = st.speaker && rnd() < 0.5 ? (st.speaker.split(' ').pop() ?? null) : null;
    const template = TEMPLATES[Math.floor(rnd() * TEMPLATES.length)] ?? TEMPLATES[0];
    const q = template
      ? template(chosen.join(' '), surname?.toLowerCase() ?? null)
      : chosen.join(' ');
    out.push({ q, answer: st.id, text: st.text, typo });
  }
  return out;
}
