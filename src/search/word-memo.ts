// The index words of each text, remembered from one index build to the next: a rebuild after a
// new record re-reads only the new texts (tokenising is most of a build). Words are kept as ids
// into the memo's own dictionary, which never renumbers, so the build maps them to its term ids
// in exactly the order a fresh tokenisation would: the index comes out the same either way.
import { isBackchannel, plainText } from '../corpus/text.js';
import { indexWords } from './index-data.js';

/** A statement that says nothing indexable (a greeting, "yeah", "+1"): no postings at all. */
export const BACKCHANNEL: null = null;

/**
 * A text's words as a bag: each word once, in the order of its first use, with how often it is
 * used, and the number of words in all (what BM25 adds up, in the order it would meet them).
 */
export interface Bag {
  ids: Int32Array;
  counts: Int32Array;
  length: number;
}

export class WordMemo {
  private readonly dict = new Map<string, number>();
  private readonly words: string[] = [];
  private cur = new Map<string, Int32Array>();
  private prev = new Map<string, Int32Array>();
  private curBag = new Map<string, Bag>();
  private prevBag = new Map<string, Bag>();
  private curSaid = new Map<string, Bag | null>();
  private prevSaid = new Map<string, Bag | null>();
  /** Where a word is in the bag being made (-1: not in it). */
  private slot = new Int32Array(1024).fill(-1);

  /**
   * @param keep remember each text's words for the next build (the live corpus); false for a
   * one-off index, which then holds no more memory while it builds than a plain tokeniser.
   */
  constructor(private readonly keep = true) {}

  /** Starts a build: what this build does not ask for is forgotten at the next one. */
  begin(): void {
    this.prev = this.cur;
    this.cur = new Map();
    this.prevBag = this.curBag;
    this.curBag = new Map();
    this.prevSaid = this.curSaid;
    this.curSaid = new Map();
  }

  /** The surface word of a memo id. */
  word(id: number): string {
    return this.words[id] ?? '';
  }

  get size(): number {
    return this.words.length;
  }

  /** `indexWords(text)`, as memo ids. */
  ids(text: string): Int32Array {
    let ids = this.cur.get(text);
    if (ids) return ids;
    ids = this.prev.get(text) ?? this.tokenize(text);
    if (this.keep) this.cur.set(text, ids);
    return ids;
  }

  /** `indexWords(text)` as a bag. */
  bag(text: string): Bag {
    let bag = this.curBag.get(text);
    if (bag) return bag;
    bag = this.prevBag.get(text) ?? this.toBag(this.tokenize(text));
    if (this.keep) this.curBag.set(text, bag);
    return bag;
  }

  /** The words a statement says (`spoken`: its spoken text) as a bag, or BACKCHANNEL. */
  said(spoken: string): Bag | null {
    let bag = this.curSaid.get(spoken);
    if (bag !== undefined) return bag;
    bag = this.prevSaid.get(spoken);
    if (bag === undefined) {
      // Words glued to a terminal escape ("\u001b[31mferry") are still words.
      const plain = plainText(spoken);
      bag = isBackchannel(plain) ? BACKCHANNEL : this.toBag(this.tokenize(plain));
    }
    if (this.keep) this.curSaid.set(spoken, bag);
    return bag;
  }

  private toBag(seq: Int32Array): Bag {
    if (this.slot.length < this.words.length) {
      const grown = new Int32Array(Math.max(this.slot.length * 2, this.words.length)).fill(-1);
      grown.set(this.slot);
      this.slot = grown;
    }
    const ids: number[] = [];
    const counts: number[] = [];
    for (const w of seq) {
      const at = this.slot[w] as number;
      if (at >= 0) counts[at] = (counts[at] ?? 0) + 1;
      else {
        this.slot[w] = ids.length;
        ids.push(w);
        counts.push(1);
      }
    }
    for (const w of ids) this.slot[w] = -1;
    return { ids: Int32Array.from(ids), counts: Int32Array.from(counts), length: seq.length };
  }

  private tokenize(text: string): Int32Array {
    const ws = indexWords(text);
    const out = new Int32Array(ws.length);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as string;
      let id = this.dict.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.dict.set(w, id);
        this.words.push(w);
      }
      out[i] = id;
    }
    return out;
  }
}
