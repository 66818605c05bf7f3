// Finding the words within an edit distance of 1 or 2 of a word ("Aliev" ~ "Aliyev") among
// thousands, without comparing every pair: a deletion index (two words within distance d share a
// form reached by deleting at most d letters from each), each candidate then checked exactly.
import { editDistance } from './text.js';

/** Up to how many letters a word is indexed with deleted: the most any lookup may ask for. */
const MAX_DISTANCE = 2;

export class NearSpellings {
  /** Each form (a word with up to MAX_DISTANCE letters deleted) → the indexed words giving it. */
  private readonly forms = new Map<string, string[]>();
  private readonly words = new Set<string>();

  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    for (const form of deletions(word, MAX_DISTANCE)) {
      const list = this.forms.get(form);
      if (list) list.push(word);
      else this.forms.set(form, [word]);
    }
  }

  /** The indexed words within `distance` (at most 2) of `word`, itself included when indexed. */
  within(word: string, distance: number): string[] {
    const d = Math.min(distance, MAX_DISTANCE);
    const out: string[] = [];
    const seen = new Set<string>();
    for (const form of deletions(word, d)) {
      for (const w of this.forms.get(form) ?? []) {
        if (seen.has(w)) continue;
        seen.add(w);
        if (editDistance(w, word, d) <= d) out.push(w);
      }
    }
    return out;
  }
}

/** The word and every form of it with 1 to `max` letters (UTF-16 units) deleted, each once. */
export function deletions(word: string, max: number): Set<string> {
  const out = new Set<string>([word]);
  let level = [word];
  for (let n = 0; n < max; n++) {
    const next: string[] = [];
    for (const w of level) {
      for (let i = 0; i < w.length; i++) {
        const form = w.slice(0, i) + w.slice(i + 1);
        if (out.has(form)) continue;
        out.add(form);
        next.push(form);
      }
    }
    level = next;
  }
  return out;
}
