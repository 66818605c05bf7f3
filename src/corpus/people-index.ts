// Indexes over a report's people, so that resolving a name costs the same with ten thousand
// people as with ten: lists by key kept in registry order, and a set of known names that can be
// read as it stood at an earlier moment (a KnownNames snapshot) without copying it.

/** Lists of items under string keys, each list in the items' `order` (the order a scan saw). */
export class OrderedBuckets<T extends { order: number }> {
  private readonly map = new Map<string, T[]>();

  /** Adds `item` under `key` at its place in order; adding it twice keeps one. */
  add(key: string, item: T): void {
    const list = this.map.get(key);
    if (!list) {
      this.map.set(key, [item]);
      return;
    }
    const at = position(list, item.order);
    if (list[at] === item) return;
    list.splice(at, 0, item);
  }

  remove(key: string, item: T): void {
    const list = this.map.get(key);
    if (!list) return;
    const at = position(list, item.order);
    if (list[at] !== item) return;
    if (list.length === 1) this.map.delete(key);
    else list.splice(at, 1);
  }

  /** The items under `key`, in order (empty when none). Do not modify. */
  get(key: string): readonly T[] {
    return this.map.get(key) ?? EMPTY;
  }
}

const EMPTY: readonly never[] = [];

/** First index in `list` whose order is not below `order` (lists are short: usually one). */
function position(list: { order: number }[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { order: number }).order < order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** When a value was in a set: from its stamp (included) to its end stamp (excluded). */
export interface Span {
  from: number;
  to: number;
}

/**
 * A multiset of strings on a clock: values are added and ended, never forgotten, so `has(key, at)`
 * answers for any earlier moment. A value is in the set while any of its spans is open.
 */
export class TimedSet {
  private readonly spans = new Map<string, Span[]>();

  constructor(private readonly clock: Clock) {}

  add(key: string): Span {
    const span = { from: this.clock.tick(), to: Infinity };
    const list = this.spans.get(key);
    if (list) list.push(span);
    else this.spans.set(key, [span]);
    return span;
  }

  end(span: Span): void {
    this.clock.end(span);
  }

  has(key: string, at: number): boolean {
    const list = this.spans.get(key);
    if (!list) return false;
    for (const s of list) if (s.from <= at && at < s.to) return true;
    return false;
  }
}

/** The moment stamps of one registry: every change gets a later stamp than any reading before it. */
export class Clock {
  private now = 0;

  tick(): number {
    return ++this.now;
  }

  read(): number {
    return this.now;
  }

  /** Ends an open span now: from the next moment on, its value is no longer there. */
  end(span: Span): void {
    if (span.to === Infinity) span.to = this.tick();
  }
}

/** Names on a clock, found by how a text ends: "of Russia Vladimir Putin" ends with a known name. */
export class TimedEndings {
  private readonly map = new Map<string, { name: string; order: number; span: Span }[]>();

  constructor(private readonly clock: Clock) {}

  /** Adds `name`, ranked by `order` among the names a text may end with. */
  add(name: string, order: number): Span {
    const span = { from: this.clock.tick(), to: Infinity };
    const key = lastToken(name);
    const list = this.map.get(key);
    const entry = { name, order, span };
    if (list) list.push(entry);
    else this.map.set(key, [entry]);
    return span;
  }

  end(span: Span): void {
    this.clock.end(span);
  }

  /** The name of lowest order, present at moment `at`, that `text` ends with after a space. */
  endingOf(text: string, at: number): string | undefined {
    const list = this.map.get(lastToken(text));
    if (!list) return undefined;
    let best: { name: string; order: number } | undefined;
    for (const e of list) {
      if (e.span.from > at || at >= e.span.to) continue;
      if (best && e.order >= best.order) continue;
      if (text.endsWith(' ' + e.name)) best = e;
    }
    return best?.name;
  }
}

/** What follows the last space: a text that ends with " " + name ends with the name's last token. */
function lastToken(s: string): string {
  return s.slice(s.lastIndexOf(' ') + 1);
}
