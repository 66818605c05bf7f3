// Caption files (.vtt, .srt): cues with timings; a speaker's consecutive cues are one turn.
import type { Block, ReadResult, Reader } from './types.js';
import { labelParts, looksLikeName } from './label-parts.js';
import { splitLines, toClock, trimmed } from './lines.js';
import type { Line } from './lines.js';

const TIMING =
  /^\s*((?:\d{1,2}:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->\s*((?:\d{1,2}:)?\d{1,2}:\d{1,2}[.,]\d{1,3})/;
/** Timing lines anywhere in the head of a file: a caption file without its header. */
const TIMING_LINES = /^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{1,2}[.,]\d{1,3}[ \t]*-->/gm;
const VOICE = /^<v(?:\.[\w.-]+)?\s+([^>]{1,80})>/;
/** "Name: text" inside a cue: a label of a few words, ending in a colon and a space. */
const COLON_LABEL = /^([^:<>]{1,60}?):\s/;

interface Cue {
  time: string | null;
  lines: Line[];
}

export const captionReader: Reader = {
  name: 'captions',
  accepts(text, file) {
    if (/\.(vtt|srt)$/i.test(file)) return true;
    const head = text.slice(0, 2000);
    return (
      /^\uFEFF?WEBVTT/.test(head) ||
      /^\uFEFF?\s*1\s*\r?\n\s*\d{1,2}:\d{2}:\d{2},\d{3}\s*-->/.test(head) ||
      // Teams' Word transcript ("0:0:0.0 --> 0:0:3.950", the name, the words) saved as text.
      (head.match(TIMING_LINES)?.length ?? 0) >= 3
    );
  },
  read(text) {
    const out: ReadResult = { reader: 'captions', blocks: [], warnings: [] };
    const cues = readCues(text, out);
    const labels = learnLabels(cues);
    const nameLines = learnNameLines(cues);
    let cur = null as Block | null;
    for (const cue of cues) {
      const first = cue.lines[0];
      const last = cue.lines[cue.lines.length - 1];
      if (!first || !last) continue;
      let from = first.start;
      let label: string | null | undefined;
      let role: string | undefined;
      let alias: string | undefined;
      const v = VOICE.exec(first.text);
      const c = v ? null : COLON_LABEL.exec(first.text);
      const named = !v && !c && cue.lines.length > 1 && nameLines.has(first.text.trim());
      if (v) from = first.start + v[0].length;
      else if (c && labels.has((c[1] ?? '').trim())) from = first.start + c[0].length;
      else if (named) from = (cue.lines[1] as Line).start;
      if (from > first.start) {
        const parts = labelParts(named ? first.text : ((v ?? c)?.[1] ?? ''));
        label = parts.label;
        role = parts.role;
        alias = parts.alias;
      }
      let to = last.end;
      // Voice tags close with </v>: keep them out of the spoken words. (Looked for only at the
      // end: searching back from there crosses the whole file when a cue has no closing tag.)
      const closeAt = to - 4;
      if (closeAt >= from && text.startsWith('</v>', closeAt) && !text.startsWith('</v>', to))
        to = closeAt;
      const span = trimmed(text, from, to);
      if (span.end <= span.start) continue;
      // A cue without a label goes on with whoever spoke last.
      const speaker: string | null = label === undefined ? (cur?.label ?? null) : label;
      if (cur && cur.label === speaker && (label === undefined || label === cur.label)) {
        cur.end = span.end;
        (cur.parts ??= []).push(span);
        continue;
      }
      cur = {
        start: span.start,
        end: span.end,
        line: lineOf(cue, span.start),
        label: speaker,
        parts: [span],
      };
      if (role && label !== undefined) cur.role = role;
      if (alias && label !== undefined) cur.alias = alias;
      if (cue.time) cur.time = cue.time;
      out.blocks.push(cur);
    }
    return out;
  },
};

function lineOf(cue: Cue, offset: number): number {
  let n = cue.lines[0]?.n ?? 1;
  for (const l of cue.lines) if (l.start <= offset) n = l.n;
  return n;
}

/**
 * Cues: a timing line, then text lines up to a blank line (up to the next timing in a file that
 * puts a blank line after every line). Cue numbers and NOTE blocks are dropped.
 */
function readCues(text: string, out: ReadResult): Cue[] {
  const lines = splitLines(text);
  const spaced = paragraphSpaced(lines);
  const cues: Cue[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as Line;
    const m = TIMING.exec(l.text);
    if (!m) {
      i++;
      continue;
    }
    // Teams writes "0:0:3.950": seconds and minutes without their leading zero.
    const cue: Cue = {
      time: toClock((m[1] ?? '').replace(/(^|:)(\d)(?=[:.,])/g, '$10$2')),
      lines: [],
    };
    if (!cue.time) out.warnings.push({ line: l.n, message: `unreadable cue time "${m[1]}"` });
    i++;
    while (i < lines.length) {
      const t = lines[i] as Line;
      if (t.text.trim() === '') {
        if (!spaced) break;
        i++;
        continue;
      }
      // A timing line with no blank line before it starts the next cue.
      if (TIMING.test(t.text)) break;
      cue.lines.push(t);
      i++;
    }
    // An SRT cue number just before the next timing belongs to that cue, not to this text.
    const tail = cue.lines[cue.lines.length - 1];
    if (
      tail &&
      /^\d+$/.test(tail.text.trim()) &&
      i < lines.length &&
      TIMING.test((lines[i] as Line).text)
    )
      cue.lines.pop();
    if (cue.lines.length) cues.push(...splitVoices(cue));
  }
  return cues;
}

/**
 * Whether the file puts a blank line after every line, timings included (a Word transcript saved
 * as text): then a cue runs to the next timing, not to the next blank line.
 */
function paragraphSpaced(lines: Line[]): boolean {
  let timings = 0;
  let spaced = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!TIMING.test((lines[i] as Line).text)) continue;
    timings++;
    if (i + 1 < lines.length && (lines[i + 1] as Line).text.trim() === '') spaced++;
  }
  return timings > 0 && spaced >= timings * 0.6;
}

/** A cue that gives lines to several voices ("<v Ana>Hi</v>" then "<v Bo>Hello</v>") is one cue per voice. */
function splitVoices(cue: Cue): Cue[] {
  const out: Cue[] = [];
  for (const l of cue.lines) {
    const cur = out[out.length - 1];
    if (cur && !VOICE.test(l.text)) cur.lines.push(l);
    else out.push({ time: cue.time, lines: [l] });
  }
  return out;
}

/**
 * The file's own label style: a "Name:" prefix is a label when prefixes are how this file marks
 * speakers (most cues have one) or the same prefix recurs; "Note: …" once in a long file is not.
 */
function learnLabels(cues: Cue[]): Set<string> {
  const counts = new Map<string, number>();
  let withPrefix = 0;
  for (const cue of cues) {
    const first = cue.lines[0];
    if (!first) continue;
    const c = COLON_LABEL.exec(first.text);
    if (!c) continue;
    const label = (c[1] ?? '').trim();
    if (!plausibleLabel(label)) continue;
    withPrefix++;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const styled = cues.length > 0 && withPrefix >= cues.length * 0.3;
  const out = new Set<string>();
  for (const [label, n] of counts) if (n >= 2 || styled) out.add(label);
  return out;
}

/**
 * Names alone on a cue's first line, above its words (Teams' Word transcripts): taken when most
 * cues of two lines or more open with a name that comes back, so a sentence broken over two
 * lines ("We should move the harbour / vote to next week.") is never a speaker.
 */
function learnNameLines(cues: Cue[]): Set<string> {
  const counts = new Map<string, number>();
  let multi = 0;
  for (const cue of cues) {
    if (cue.lines.length < 2) continue;
    multi++;
    const first = (cue.lines[0] as Line).text.trim();
    if (looksLikeName(first)) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  let named = 0;
  for (const n of counts.values()) if (n >= 2) named += n;
  const out = new Set<string>();
  if (multi < 3 || named < multi * 0.6) return out;
  for (const [name, n] of counts) if (n >= 2) out.add(name);
  return out;
}

function plausibleLabel(label: string): boolean {
  if (!label || /[?!"“”]/.test(label)) return false;
  if (/^(https?|ftp|mailto)$/i.test(label)) return false;
  const words = label.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 7;
}
