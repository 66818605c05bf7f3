// A snapshot of the search index's postings in DATA_DIR, so a restart with unchanged records
// skips the index build. It is keyed by a hash of everything the postings are built from: the
// corpus itself (meetings, statements, speakers) and the code and packages that build them. It
// is never trusted: a different key, a checksum that does not match, or arrays that do not hold
// together mean the index is built from the records again (and the snapshot rewritten).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../corpus/types.js';
import type { Postings } from '../search/build-index.js';
import { runAtOnce, runInSlices } from '../slices.js';
import type { Slices } from '../slices.js';

/** Bump when the snapshot's layout changes. */
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_FILE = 'index-snapshot.bin';
const MAGIC = 'verbatim-index-snapshot';

type ArrayName =
  | 'textDf'
  | 'df'
  | 'postStart'
  | 'postDoc'
  | 'postImpact'
  | 'postInText'
  | 'deletions'
  | 'docMeeting'
  | 'docSpeaker'
  | 'docTimed'
  | 'docAsks'
  | 'surfaceTerms'
  | 'sortedOrder';

const ARRAY_TYPES = {
  textDf: Int32Array,
  df: Int32Array,
  postStart: Int32Array,
  postDoc: Int32Array,
  postImpact: Float32Array,
  postInText: Uint8Array,
  deletions: Float64Array,
  docMeeting: Int32Array,
  docSpeaker: Int32Array,
  docTimed: Uint8Array,
  docAsks: Uint8Array,
  surfaceTerms: Int32Array,
  sortedOrder: Int32Array,
} as const;

interface Header {
  magic: string;
  version: number;
  key: string;
  /** sha256 of the body. */
  checksum: string;
  /** Byte offset (in the body) and element count of each array; the strings are JSON at `strings`. */
  arrays: Record<ArrayName, [number, number]>;
  strings: [number, number];
}

interface Strings {
  stems: string[];
  surfaceList: string[];
  meetingKeys: [number, number[]][];
  docCount: number;
}

let codeHash: string | null = null;

/**
 * A hash of the code the postings come from: the search and corpus sources next to this file
 * (.ts when run from source, .js when built) and the stemmer's version.
 */
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (/\.(ts|js|mjs|json)$/.test(name)) {
        h.update(`${path}\u0000`);
        try {
          h.update(readFileSync(path));
        } catch {
          walk(path);
        }
      } else if (!name.includes('.')) walk(path);
    }
  };
  walk(join(src, 'search'));
  walk(join(src, 'corpus'));
  try {
    const require = createRequire(import.meta.url);
    const pkg = require('wink-porter2-stemmer/package.json') as { version?: string };
    h.update(`stemmer ${pkg.version ?? '?'}`);
  } catch {
    h.update('stemmer ?');
  }
  codeHash = h.digest('base64url');
  return codeHash;
}

/**
 * The snapshot key of a corpus: every field the index reads, and the code that reads them. A
 * statement's text is its meeting's text between its offsets and its id its meeting's id and
 * place (the corpus model's invariants, made by the fingerprinted code), so those stand for them.
 */
export function snapshotKey(corpus: Corpus): string {
  return runAtOnce(snapshotKeySlices(corpus));
}

function* snapshotKeySlices(corpus: Corpus): Slices<string> {
  const h = createHash('sha256');
  h.update(`${SNAPSHOT_VERSION}\u0000${codeFingerprint()}\u0000`);
  h.update(JSON.stringify(corpus.speakers.map((s) => [s.name, s.aliases, s.role, !!s.generic])));
  let k = 0;
  let inOrder = true;
  for (const [mi, m] of corpus.meetings.entries()) {
    if (mi % 64 === 63) yield;
    h.update(JSON.stringify([m.id, m.file, m.title, m.date, m.speakers, m.present]));
    let line = '';
    for (const st of m.statements) {
      if (corpus.statements[k++] !== st || st.meetingId !== m.id) inOrder = false;
      // \u0001 ends a field, \u0002 marks a null; neither is in the texts the index reads.
      line += `${st.speaker ?? '\u0002'}\u0001${st.kind}\u0001${st.context ?? '\u0002'}\u0001${st.paragraph}\u0001${st.start}\u0001${st.end}\u0001${st.text.length}\u0001${st.time ?? '\u0002'}\u0001${st.spoken ?? '\u0002'}\u0001${st.parts ? st.parts.map((p) => `${p.start}-${p.end}`).join(',') : '\u0002'}\u0001`;
    }
    h.update(line);
    h.update('\u0003');
    h.update(m.text);
    h.update('\u0003');
  }
  if (!inOrder || k !== corpus.statements.length)
    h.update(JSON.stringify(corpus.statements.map((st) => [st.id, st.meetingId])));
  return h.digest('base64url');
}

/** Writes the postings of `corpus` (a temporary file renamed over the old one). */
export function saveIndexSnapshot(dir: string, corpus: Corpus, postings: Postings): void {
  const parts = runAtOnce(snapshotParts(corpus, postings));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SNAPSHOT_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat(parts));
  renameSync(tmp, file);
}

/**
 * `saveIndexSnapshot` a slice of about `sliceMs` at a time (hashing is the work), the file written
 * asynchronously: the event loop is never held for long. The same file.
 */
export async function saveIndexSnapshotInSlices(
  dir: string,
  corpus: Corpus,
  postings: Postings,
  sliceMs: number,
): Promise<void> {
  const parts = await runInSlices(snapshotParts(corpus, postings), sliceMs);
  await mkdir(dir, { recursive: true });
  const file = join(dir, SNAPSHOT_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, parts);
  await rename(tmp, file);
}

/** The snapshot file's bytes, in parts: the header line, then the arrays and strings. */
function* snapshotParts(corpus: Corpus, postings: Postings): Slices<Buffer[]> {
  const key = yield* snapshotKeySlices(corpus);
  const surfaceTerms = Int32Array.from(postings.surfaceList, (s) => postings.surfaces.get(s) ?? -1);
  const position = new Map(postings.surfaceList.map((s, i) => [s, i]));
  const sortedOrder = Int32Array.from(postings.sortedSurfaces, (s) => position.get(s) ?? -1);
  const arrays: Record<ArrayName, ArrayBufferView & { length: number }> = {
    textDf: postings.textDf,
    df: postings.df,
    postStart: postings.postStart,
    postDoc: postings.postDoc,
    postImpact: postings.postImpact,
    postInText: postings.postInText,
    deletions: postings.deletions,
    docMeeting: postings.docMeeting,
    docSpeaker: postings.docSpeaker,
    docTimed: postings.docTimed,
    docAsks: postings.docAsks,
    surfaceTerms,
    sortedOrder,
  };
  const strings: Strings = {
    stems: postings.stems,
    surfaceList: postings.surfaceList,
    meetingKeys: [...postings.meetingKeys],
    docCount: postings.docCount,
  };
  const parts: Buffer[] = [];
  let offset = 0;
  const layout = {} as Record<ArrayName, [number, number]>;
  for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
    const a = arrays[name];
    layout[name] = [offset, a.length];
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(bytes);
    offset += bytes.length;
    const pad = (8 - (offset % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
    offset += pad;
  }
  yield;
  const json = Buffer.from(JSON.stringify(strings));
  parts.push(json);
  yield;
  // The checksum of the body (the parts one after the other), a megabyte at a time.
  const sum = createHash('sha256');
  for (const part of parts)
    for (let at = 0; at < part.length; at += 1 << 20) {
      sum.update(part.subarray(at, at + (1 << 20)));
      yield;
    }
  const header: Header = {
    magic: MAGIC,
    version: SNAPSHOT_VERSION,
    key,
    checksum: sum.digest('base64url'),
    arrays: layout,
    strings: [offset, json.length],
  };
  let head = Buffer.from(JSON.stringify(header) + '\n');
  const pad = (8 - (head.length % 8)) % 8;
  head = Buffer.concat([
    head.subarray(0, head.length - 1),
    Buffer.alloc(pad, 0x20),
    Buffer.from('\n'),
  ]);
  return [head, ...parts];
}

export type SnapshotResult =
  | { postings: Postings; reason?: undefined }
  | { postings: null; reason: 'missing' | 'stale' | 'corrupt' };

/** The postings of `corpus` from the snapshot in `dir`, or why there are none. */
export function loadIndexSnapshot(dir: string, corpus: Corpus): SnapshotResult {
  let raw: Buffer;
  try {
    raw = readFileSync(join(dir, SNAPSHOT_FILE));
  } catch {
    return { postings: null, reason: 'missing' };
  }
  let header: Header;
  const nl = raw.indexOf(0x0a);
  try {
    if (nl < 0 || nl > 1 << 20) throw new Error('no header');
    header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as Header;
    if (header.magic !== MAGIC) throw new Error('not a snapshot');
  } catch {
    return { postings: null, reason: 'corrupt' };
  }
  if (header.version !== SNAPSHOT_VERSION || header.key !== snapshotKey(corpus))
    return { postings: null, reason: 'stale' };
  try {
    const bodyStart = nl + 1;
    const body = raw.subarray(bodyStart);
    if (createHash('sha256').update(body).digest('base64url') !== header.checksum)
      throw new Error('checksum');
    const arrays = {} as { [K in ArrayName]: InstanceType<(typeof ARRAY_TYPES)[K]> };
    for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
      const Type = ARRAY_TYPES[name];
      const [off, len] = header.arrays[name];
      const bytes = len * Type.BYTES_PER_ELEMENT;
      if (!Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0)
        throw new Error('layout');
      if (off + bytes > body.length) throw new Error('layout');
      // Copied out: a typed array needs its own aligned buffer.
      const copy = new Uint8Array(bytes);
      copy.set(body.subarray(off, off + bytes));
      (arrays as Record<string, unknown>)[name] = new Type(copy.buffer);
    }
    const [so, sl] = header.strings;
    const strings = JSON.parse(body.subarray(so, so + sl).toString('utf8')) as Strings;
    const postings = restore(corpus, arrays, strings);
    if (!postings) throw new Error('inconsistent');
    return { postings };
  } catch {
    return { postings: null, reason: 'corrupt' };
  }
}

const K_IDF = (docCount: number, d: number) => Math.log(1 + (docCount - d + 0.5) / (d + 0.5));

/** Rebuilds the derived structures and checks that every array fits the corpus; null if not. */
function restore(
  corpus: Corpus,
  a: { [K in ArrayName]: InstanceType<(typeof ARRAY_TYPES)[K]> },
  s: Strings,
): Postings | null {
  const n = corpus.statements.length;
  const isStrings = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!isStrings(s.stems) || !isStrings(s.surfaceList) || !Array.isArray(s.meetingKeys))
    return null;
  const { docCount } = s;
  const termCount = s.stems.length;
  if (!Number.isInteger(docCount) || docCount < n) return null;
  if (a.df.length !== termCount || a.textDf.length !== termCount) return null;
  if (a.postStart.length !== termCount + 1 || a.postStart[0] !== 0) return null;
  const postings = a.postDoc.length;
  if (a.postImpact.length !== postings || a.postInText.length !== postings) return null;
  if (a.postStart[termCount] !== postings) return null;
  for (let t = 0; t < termCount; t++) {
    const from = a.postStart[t] as number;
    const to = a.postStart[t + 1] as number;
    if (to < from || to - from !== a.df[t]) return null;
    let last = -1;
    for (let p = from; p < to; p++) {
      const doc = a.postDoc[p] as number;
      if (doc <= last || doc >= docCount) return null;
      last = doc;
    }
  }
  for (let p = 0; p < postings; p++) if (!Number.isFinite(a.postImpact[p])) return null;
  for (const name of ['docMeeting', 'docSpeaker', 'docTimed', 'docAsks'] as const)
    if (a[name].length !== docCount) return null;
  const meetings = corpus.meetings.length;
  const speakers = corpus.speakers.length;
  for (let d = 0; d < docCount; d++) {
    const m = a.docMeeting[d] as number;
    const sp = a.docSpeaker[d] as number;
    if (m < 0 || m >= meetings || sp < -2 || sp >= speakers) return null;
  }
  const terms = new Map<string, number>();
  s.stems.forEach((stem, i) => terms.set(stem, i));
  if (terms.size !== termCount) return null;
  if (a.surfaceTerms.length !== s.surfaceList.length) return null;
  const surfaces = new Map<string, number>();
  for (let i = 0; i < s.surfaceList.length; i++) {
    const id = a.surfaceTerms[i] as number;
    if (id < 0 || id >= termCount) return null;
    surfaces.set(s.surfaceList[i] as string, id);
  }
  if (surfaces.size !== s.surfaceList.length) return null;
  if (a.sortedOrder.length !== s.surfaceList.length) return null;
  const sortedSurfaces: string[] = [];
  for (const i of a.sortedOrder) {
    const w = s.surfaceList[i];
    if (w === undefined) return null;
    const prev = sortedSurfaces[sortedSurfaces.length - 1];
    if (prev !== undefined && !(prev < w)) return null;
    sortedSurfaces.push(w);
  }
  const meetingKeys = new Map<number, number[]>();
  for (const entry of s.meetingKeys) {
    if (!Array.isArray(entry)) return null;
    const [t, list] = entry;
    if (!Number.isInteger(t) || t < 0 || t >= termCount || !Array.isArray(list)) return null;
    if (!list.every((m) => Number.isInteger(m) && m >= 0 && m < meetings)) return null;
    meetingKeys.set(t, list);
  }
  // Derived exactly as the build derives them.
  const idf = new Float32Array(termCount);
  const weight = new Float32Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const d = a.df[t] as number;
    const td = a.textDf[t] as number;
    if (d < 0 || td < 0 || td > d) return null;
    idf[t] = K_IDF(docCount, d);
    weight[t] = K_IDF(n, td);
  }
  const display = new Array<string>(termCount).fill('');
  for (const [surface, id] of surfaces) {
    const cur = display[id] ?? '';
    if (!cur || surface.length < cur.length) display[id] = surface;
  }
  let maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  if (!Number.isFinite(maxIdf)) maxIdf = 1;
  return {
    terms,
    stems: s.stems,
    idf,
    weight,
    textDf: a.textDf,
    maxIdf,
    postStart: a.postStart,
    postDoc: a.postDoc,
    postImpact: a.postImpact,
    postInText: a.postInText,
    surfaces,
    sortedSurfaces,
    deletions: a.deletions,
    surfaceList: s.surfaceList,
    docCount,
    docMeeting: a.docMeeting,
    docSpeaker: a.docSpeaker,
    docTimed: a.docTimed,
    docAsks: a.docAsks,
    meetingKeys,
    display,
    df: a.df,
  };
}

/**
 * The snapshot of one DATA_DIR: looked up once at startup, and the index last built remembered
 * to be written at a quiet moment (with the parse cache).
 */
export class IndexSnapshots {
  private pending: { corpus: Corpus; postings: Postings } | null = null;

  constructor(
    private readonly dir: string | null,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** The postings of this corpus from the snapshot, or null (then build, and `remember`). */
  load(corpus: Corpus): Postings | null {
    if (!this.dir) return null;
    const got = loadIndexSnapshot(this.dir, corpus);
    if (got.reason === 'corrupt')
      this.warn(`the index snapshot in ${this.dir} is damaged; the index is built again`);
    return got.postings;
  }

  /** The index just built, to be written by the next `save`. */
  remember(corpus: Corpus, postings: Postings): void {
    if (this.dir) this.pending = { corpus, postings };
  }

  /** `save`, a slice of about `sliceMs` at a time and written asynchronously (the live corpus's). */
  async saveInSlices(sliceMs: number): Promise<void> {
    const pending = this.pending;
    if (!this.dir || !pending) return;
    this.pending = null;
    try {
      await saveIndexSnapshotInSlices(this.dir, pending.corpus, pending.postings, sliceMs);
    } catch (err) {
      this.cannotWrite(err);
    }
  }

  save(): void {
    const pending = this.pending;
    if (!this.dir || !pending) return;
    this.pending = null;
    try {
      saveIndexSnapshot(this.dir, pending.corpus, pending.postings);
    } catch (err) {
      this.cannotWrite(err);
    }
  }

  private cannotWrite(err: unknown): void {
    this.warn(
      `could not write the index snapshot in ${this.dir} (${err instanceof Error ? err.message : String(err)}); the next start builds the index again`,
    );
  }
}
