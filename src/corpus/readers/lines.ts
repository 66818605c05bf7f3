// Line-level helpers the readers share: lines with offsets, paragraph numbers, time stamps.

export interface Line {
  /** 1-based line number. */
  n: number;
  /** Offsets of the line's content in the file, without the line break (a trailing \r is kept out). */
  start: number;
  end: number;
  text: string;
}

/** Every line of the text with its offsets (\n, \r\n and lone \r all end a line). */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  let n = 1;
  const len = text.length;
  while (pos <= len) {
    let e = pos;
    while (e < len && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
    out.push({ n, start: pos, end: e, text: text.slice(pos, e) });
    if (e >= len) break;
    pos = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
    n++;
  }
  return out;
}

/** The span of `text` between `a` and `b` without leading and trailing white space. */
export function trimmed(text: string, a: number, b: number): { start: number; end: number } {
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  return { start: a, end: b };
}

/** "00:12:31.500", "0:12:31,5", "12:31" → "00:12:31" (null when it is no time). */
export function toClock(s: string): string | null {
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,]\d+)?$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1] ?? 0);
  const mi = Number(m[2]);
  const se = Number(m[3]);
  if (mi > 59 || se > 59) return null;
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(h)}:${p(mi)}:${p(se)}`;
}

/** Maps offsets to the file's paragraph numbers (non-empty lines counted from the top). */
export function paragraphCounter(text: string): (offset: number) => number {
  const starts: number[] = [];
  for (const l of splitLines(text)) if (l.text.trim() !== '') starts.push(l.start);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= offset) {
        ans = mid + 1;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return Math.max(1, ans);
  };
}

/**
 * A header's time: a media offset as `toClock` reads it ("0:15" → "00:00:15"), or a time of day
 * on a 12-hour clock ("9:02 AM" → "09:02:00", "12:05 a.m." → "00:05:00"); null when it is none.
 */
export function clockOf(s: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s?([AaPp])\.?[Mm]\.?$/.exec(s.trim());
  if (!m) return toClock(s);
  const h = Number(m[1]);
  if (h < 1 || h > 12) return null;
  const h24 = (h % 12) + (/[Pp]/.test(m[4] ?? '') ? 12 : 0);
  return toClock(`${h24}:${m[2]}:${m[3] ?? '00'}`);
}
