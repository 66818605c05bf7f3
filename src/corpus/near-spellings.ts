// Finding the words within an edit distance of 1 or 2 of a word ("Aliev" ~ "Aliyev") among
// thousands, without comparing every pair: a deletion index (two words within distance d share a
// form reached by deleting at most d letters from each), each candidate then checked exactly.

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
        if (editDistance(w, word) <= d) out.push(w);
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

/** Levenshtein distance, or 3 as soon as the lengths differ by more than 2. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(
        (prev[j] as number) + 1,
        (prev[j - 1] as number) + 1,
        diag + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}
