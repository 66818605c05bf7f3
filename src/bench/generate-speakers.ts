// Deterministic generator of one fictional report with many distinct speakers, for the
// "many speakers" bench and its test: N invented "Firstname Lastname" people, each speaking a few
// times, as a labelled transcript ("Name: text") or as news ("Name said that …").
import { makeRandom } from './generate.js';

export interface ManySpeakersOptions {
  /** Distinct speakers in the file. */
  speakers: number;
  style: 'transcript' | 'news';
  /** Turns (or sentences) per speaker (default 4: about 1 KB of text per speaker). */
  turnsEach?: number;
  seed?: number;
}

export interface ManySpeakersReport {
  text: string;
  /** The full names used, in order of first appearance. */
  names: string[];
}

const FIRST = [
  'Adela', 'Bruno', 'Cora', 'Dario', 'Edith', 'Felix', 'Greta', 'Hugo', 'Ilse', 'Jonas',
  'Kira', 'Lars', 'Mara', 'Nils', 'Olga', 'Pavel', 'Rosa', 'Stefan', 'Tilda', 'Ugo',
  'Vera', 'Walter', 'Xenia', 'Yusuf', 'Zora', 'Anton', 'Bettina', 'Cyril', 'Dora', 'Emil',
  'Frida', 'Gustav', 'Hanna', 'Ivo', 'Jana', 'Karl', 'Lena', 'Milo', 'Nora', 'Otto',
]; // prettier-ignore

/** Syllables for invented surnames: three of them give 13,824 names, none an English word. */
const SYLLABLES = [
  'ka', 'lo', 'ven', 'dri', 'mor', 'tas', 'bel', 'ru', 'zan', 'qui', 'hol', 'pet',
  'sor', 'gra', 'nim', 'fe', 'dul', 'wik', 'jor', 'bax', 'tem', 'cro', 'yl', 'vos',
]; // prettier-ignore

const WORDS =
  'the harbour budget ferry council road school water plan rail fund report board levy district market bridge housing transport pier season grant survey tender clinic library park budget vote motion committee tenders repair contract'.split(
    ' ',
  );

/** The `count` distinct full names, shuffled by the seed. */
export function inventNames(count: number, seed = 1): string[] {
  const rnd = makeRandom(seed);
  const k = SYLLABLES.length;
  if (count > k * k * k) throw new Error(`at most ${k * k * k} distinct names`);
  // A seeded permutation of the surname space, so neighbours are not near-spellings.
  const order = Array.from({ length: k * k * k }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = order[i] as number;
    const sur =
      (SYLLABLES[n % k] as string) +
      (SYLLABLES[Math.floor(n / k) % k] as string) +
      (SYLLABLES[Math.floor(n / (k * k))] as string);
    const first = FIRST[Math.floor(rnd() * FIRST.length)] as string;
    names.push(`${first} ${sur.charAt(0).toUpperCase()}${sur.slice(1)}`);
  }
  return names;
}

/** One report in which `speakers` distinct people speak, each `turnsEach` times. */
export function generateManySpeakers(opts: ManySpeakersOptions): ManySpeakersReport {
  const rnd = makeRandom((opts.seed ?? 7) + 1);
  const names = inventNames(opts.speakers, opts.seed ?? 7);
  const turnsEach = Math.max(1, Math.floor(opts.turnsEach ?? 4));
  const sentence = (n: number): string => {
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(WORDS[Math.floor(rnd() * WORDS.length)] as string);
    return ws.join(' ');
  };
  const lines = [
    opts.style === 'news'
      ? 'Harbour Assembly Hears Residents'
      : 'Harbour Assembly, Verbatim Record',
    '',
    'March 3, 2026',
    '',
  ];
  // Everyone speaks once in order of first appearance, then again in shuffled rounds.
  for (let round = 0; round < turnsEach; round++) {
    const order = names.map((_, i) => i);
    if (round > 0)
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
    for (const i of order) {
      const name = names[i] as string;
      const body = `${sentence(14 + Math.floor(rnd() * 10))}, and ${sentence(12 + Math.floor(rnd() * 10))}.`;
      if (opts.style === 'transcript')
        lines.push(`${name}: ${body.charAt(0).toUpperCase()}${body.slice(1)}`);
      else lines.push(`${name} said that ${body}`);
      lines.push('');
    }
  }
  return { text: lines.join('\n'), names };
}
