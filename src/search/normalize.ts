// Text normalisation and tokenisation shared by the lookup helpers and the search engine.

/** Lower-case, strip accents, unify quotes: what every comparison of names and words uses. */
export function foldText(text: string): string {
  // Plain ASCII needs no Unicode decomposition (most report text): the fast path.
  if (/^[\p{ASCII}]*$/u.test(text)) return text.toLowerCase().replace(/`/g, "'");
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

/** Abbreviations whose letters would otherwise fold into other words ("US" is not "us"). */
export function expandAbbreviations(text: string): string {
  return text.replace(/\bU\.\s?S\.(?:\s?A\.)?|\bU\.\s?K\.|\bUS\b/g, (m) =>
    m.includes('K') ? 'UK' : 'USA',
  );
}

export interface RawToken {
  /** Folded word. */
  word: string;
  /** The word as typed (for capitalisation). */
  raw: string;
}

/** Like `tokenize`, keeping each word as typed. */
export function tokenizeRaw(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['\u2019\u02bc][\p{L}]+)?/gu)) {
    const raw = m[0].replace(/['\u2019\u02bc].*$/, '');
    const tail = m[0].slice(raw.length + 1).toLowerCase();
    const word = foldText(raw);
    if (tail === 't' && word.endsWith('n')) {
      out.push({ word: word.slice(0, -1), raw: raw.slice(0, -1) }, { word: 'not', raw: 'not' });
    } else if (word) out.push({ word, raw });
  }
  return out.filter((t) => /^[\p{L}\p{N}]+$/u.test(t.word));
}

/**
 * Words of a text, folded: letters and digits only; a possessive or contraction tail
 * ("iraq's", "it's", "americans'") is dropped so "iraq's" matches "iraq".
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  // Plain ASCII (most report text): a split is several times faster than a Unicode regex.
  const ascii = /^[\p{ASCII}]*$/u.test(text);
  const parts = ascii
    ? text.toLowerCase().split(/[^a-z0-9']+/)
    : Array.from(foldText(text).matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu), (m) => m[0]);
  for (let w of parts) {
    if (!w) continue;
    let apos = w.indexOf("'");
    if (apos >= 0) {
      w = w.replace(/^'+|'+$/g, '');
      apos = w.indexOf("'");
    }
    if (apos >= 0) {
      const tail = w.slice(apos + 1);
      const head = w.slice(0, apos);
      // "n't" keeps the negation visible as "not"; other tails ('s, 're, 'll, 've, 'd) go.
      if (tail === 't' && head.endsWith('n')) {
        if (head.length > 1) out.push(head.slice(0, -1));
        out.push('not');
        continue;
      }
      w = head;
    }
    if (w) out.push(w);
  }
  return out;
}

/** A folded phrase: tokens joined by one space ("Ayatollah  Khamenei!" → "ayatollah khamenei"). */
export function foldPhrase(text: string): string {
  return tokenize(text).join(' ');
}

/**
 * Honorifics and office words that people put before a name; stripped when comparing a mention
 * with a name ("President Putin" → "putin"). Role matching keeps them.
 */
export const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'the',
  'president',
  'prime',
  'minister',
  'pm',
  'ayatollah',
  'seyyed',
  'sayyid',
  'sheikh',
  'king',
  'queen',
  'prince',
  'princess',
  'chancellor',
  'premier',
  'secretary',
  'general',
  'senator',
  'governor',
  'mayor',
  'councillor',
  'councilor',
  'chairman',
  'chair',
  'speaker',
  'deputy',
  'vice',
  'foreign',
  'supreme',
  'leader',
  'his',
  'her',
  'excellency',
  'majesty',
  'highness',
  'hon',
  'honourable',
  'honorable',
  'professor',
  'prof',
  'judge',
  'justice',
  'ambassador',
  'commissioner',
  'emir',
  'crown',
]);

export { editDistance } from '../corpus/text.js';

/** How many typos a word of this length may carry and still be recognised. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}
