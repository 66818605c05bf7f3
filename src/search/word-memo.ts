// The index words of each text, remembered from one index build to the next: a rebuild after a
// new record re-reads only the new texts (tokenising is most of a build). Words are kept as ids
// into the memo's own dictionary, which never renumbers, so the build maps them to its term ids
// in exactly the order a fresh tokenisation would: the index comes out the same either way.
import { isBackchannel, plainText } from '../corpus/text.js';
import { indexWords } from './index-data.js';

/** A statement that says nothing indexable (a greeting, "yeah", "+1"): no postings at all. */
export const BACKCHANNEL: null = null;

export class WordMemo {
  private readonly dict = new Map<string, number>();
  private readonly words: string[] = [];
  private cur = new Map<string, Int32Array>();
  private prev = new Map<string, Int32Array>();
  private curSaid = new Map<string, Int32Array | null>();
  private prevSaid = new Map<string, Int32Array | null>();

  /** Starts a build: what this build does not ask for is forgotten at the next one. */
  begin(): void {
    this.prev = this.cur;
    this.cur = new Map();
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
    this.cur.set(text, ids);
    return ids;
  }

  /** The words a statement says (`spoken`: its spoken text), or BACKCHANNEL. */
  said(spoken: string): Int32Array | null {
    let ids = this.curSaid.get(spoken);
    if (ids !== undefined) return ids;
    ids = this.prevSaid.get(spoken);
    if (ids === undefined) {
      // Words glued to a terminal escape ("\u001b[31mferry") are still words.
      const plain = plainText(spoken);
      ids = isBackchannel(plain) ? BACKCHANNEL : this.tokenize(plain);
    }
    this.curSaid.set(spoken, ids);
    return ids;
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
