// Reading the corpus folder again and again: every file's last good parse is kept, so a rescan
// reads only files that are new or changed (by size and modification time, or named by the
// watcher), consults the parse cache by content hash, and builds the corpus from what it keeps.
// A file that turns bad keeps its last good version; nothing here ever empties the corpus.
import { closeSync, fstatSync, openSync, readSync, statSync, constants } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { buildCorpusSlices } from '../corpus/build.js';
import type { IdentifiedReport, SpeakersFileData } from '../corpus/build.js';
import {
  MAX_FILE_BYTES,
  UNREADABLE,
  decodeUtf8,
  readReport,
  readSpeakersFile,
  scanReportFolder,
} from '../corpus/load.js';
import type { LoadEntry } from '../corpus/load.js';
import type { Corpus, Warning } from '../corpus/types.js';
import { SLICE_MS, runInSlices } from '../slices.js';
import type { Slices } from '../slices.js';
import { IndexSnapshots } from './index-snapshot.js';
import { ParseCache, parseKey } from './parse-cache.js';
import type { CachedParse } from './parse-cache.js';

/** At most this many just-written files are waited for within one load (more: a later rescan). */
const MAX_WAITED = 50;

export interface CorpusLoaderOptions {
  dir: string;
  /** Where the parse cache lives (DATA_DIR); null: no cache. */
  cacheDir: string | null;
  followOutsideLinks?: boolean;
  log?: Pick<Logger, 'warn' | 'info'>;
}

interface FileState {
  id: string;
  key: string;
  size: number;
  mtimeMs: number;
  parse: CachedParse;
  /** Set when the file turned bad and `parse` is its last good version. */
  kept?: Warning;
}

export interface LoadResult {
  corpus: Corpus;
  /** Files read again (new, changed or named). */
  read: number;
  /** Of those, answered by the parse cache. */
  cached: number;
  /** Files that changed while being read: read them again once they settle. */
  unsettled: string[];
  /** The speakers file says something else than at the last load. */
  speakersChanged: boolean;
}

export class CorpusLoader {
  private files = new Map<string, FileState>();
  private lastSpeakers: string | null = null;
  /** Files held back as maybe half-written: their size and time when first seen so, and when. */
  private held = new Map<string, { size: number; mtimeMs: number; at: number }>();
  /** The corpus built last and what it was built from (folder entries, warnings, speakers). */
  private lastBuild: { inputs: string; files: number; corpus: Corpus } | null = null;
  readonly cache: ParseCache;
  /** The search index's snapshot in the same folder as the parse cache. */
  readonly snapshots: IndexSnapshots;
  private readonly log: Pick<Logger, 'warn' | 'info'> | undefined;
  /** The last save started by `saveCacheInSlices` (saves never overlap). */
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: CorpusLoaderOptions) {
    this.log = options.log;
    this.cache = new ParseCache(options.cacheDir, (message) => this.log?.warn(message));
    this.cache.load();
    this.snapshots = new IndexSnapshots(options.cacheDir, (message) => this.log?.warn(message));
  }

  /**
   * Scans the folder and builds the corpus. Files whose size and modification time are as last
   * read are reused as they are; `force` names files to read again whatever their stat says.
   * With `settleMs`, a file modified less than that long ago is not read yet (it may still be
   * being written): it keeps its previous version, and is listed in `unsettled` — unless an
   * earlier look saw it with the same size and modification time at least `stableMs` ago (two
   * looks agree: nothing is writing it). A few such files are looked at again within the load,
   * after `stableMs`, instead of in a later rescan of the whole folder.
   *
   * With `sliceMs`, the work (looking at every file, reading, building the corpus) pauses every
   * `sliceMs` or so to let the event loop through (the live corpus's rebuilds); 0: the corpus is
   * built in one go (startup).
   */
  async load(
    force: ReadonlySet<string> = new Set(),
    settleMs = 0,
    stableMs = settleMs,
    sliceMs = 0,
  ): Promise<LoadResult> {
    const { dir } = this.options;
    let entries: LoadEntry[];
    const warnings: Warning[] = [];
    try {
      const scan = await scanReportFolder(dir, {
        followOutsideLinks: this.options.followOutsideLinks === true,
      });
      entries = scan.entries;
      warnings.push(...scan.warnings);
    } catch (err) {
      const message = `${UNREADABLE}: ${err instanceof Error ? err.message : String(err)}`;
      // The folder itself is gone or unreadable for a moment: keep every record as it was.
      this.log?.warn(
        { file: dir, line: 0 },
        `${dir}:0 ${message}; keeping the records already read`,
      );
      entries = [...this.files].map(([path, f]) => ({ path, id: f.id }));
      warnings.push({ file: dir, line: 0, message });
      entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.lastBuild = null;
      return {
        corpus: await runInSlices(this.buildSlices(entries, warnings, undefined), sliceMs),
        read: 0,
        cached: 0,
        unsettled: [],
        speakersChanged: false,
      };
    }
    const speakers = await readSpeakersFile(dir);
    warnings.push(...speakers.warnings);
    const speakersKey = JSON.stringify(speakers.data ?? null);
    const speakersChanged = this.lastSpeakers !== null && this.lastSpeakers !== speakersKey;
    this.lastSpeakers = speakersKey;

    let read = 0;
    let cached = 0;
    const unsettled: string[] = [];
    const present = new Set<string>();
    const young: { entry: LoadEntry; before: FileState | undefined }[] = [];
    const readEntry = (entry: LoadEntry, before: FileState | undefined) => {
      this.held.delete(entry.path);
      read++;
      const got = this.readOne(entry.path);
      if (got.fromCache) cached++;
      if (got.unsettled) unsettled.push(entry.path);
      this.accept(entry, got.parse, got.key, got.size, got.mtimeMs, before);
    };
    let sliceStart = performance.now();
    for (const [i, entry] of entries.entries()) {
      // Let questions through while the folder is looked at (a stat per file) and read.
      if (sliceMs > 0 && performance.now() - sliceStart >= sliceMs) {
        await new Promise((r) => setImmediate(r));
        sliceStart = performance.now();
      }
      present.add(entry.path);
      const before = this.files.get(entry.path);
      let st: { size: number; mtimeMs: number };
      try {
        st = statSync(entry.path);
      } catch {
        st = { size: -1, mtimeMs: -1 };
      }
      if (
        before &&
        before.id === entry.id &&
        !force.has(entry.path) &&
        before.size === st.size &&
        before.mtimeMs === st.mtimeMs
      )
        continue;
      const age = Date.now() - st.mtimeMs;
      // A modification time far in the future (a skewed clock) must not hold a file back forever.
      if (settleMs > 0 && age < settleMs && age > -settleMs) {
        const now = Date.now();
        const seen = this.held.get(entry.path);
        const same = seen && seen.size === st.size && seen.mtimeMs === st.mtimeMs;
        if (!same) this.held.set(entry.path, { size: st.size, mtimeMs: st.mtimeMs, at: now });
        if (!same || now - seen.at < stableMs) {
          young.push({ entry, before });
          continue;
        }
      }
      readEntry(entry, before);
      // Let questions through while many files are read (a first load, a folder copied in).
      if (sliceMs <= 0 && i % 200 === 199) await new Promise((r) => setImmediate(r));
    }
    // A few files just written: look at them again once `stableMs` has passed (the wait lets
    // questions through), rather than in another rescan of the whole folder.
    if (young.length > 0 && young.length <= MAX_WAITED && stableMs > 0) {
      const firstSeen = Math.max(...young.map((y) => this.held.get(y.entry.path)?.at ?? 0));
      await new Promise((r) => setTimeout(r, Math.max(0, firstSeen + stableMs - Date.now())));
      for (const y of young) {
        const seen = this.held.get(y.entry.path);
        let st: { size: number; mtimeMs: number } | null;
        try {
          st = statSync(y.entry.path);
        } catch {
          st = null;
        }
        if (seen && st && seen.size === st.size && seen.mtimeMs === st.mtimeMs)
          readEntry(y.entry, y.before);
        else unsettled.push(y.entry.path);
      }
    } else for (const y of young) unsettled.push(y.entry.path);
    for (const path of [...this.files.keys()]) if (!present.has(path)) this.files.delete(path);
    for (const path of [...this.held.keys()]) if (!present.has(path)) this.held.delete(path);
    this.cache.retain(new Set([...this.files.values()].map((f) => f.key)));
    // Nothing read, nothing gone, the same names and warnings: the corpus is the one built last
    // time (a rescan after a watcher event that changed nothing costs no corpus build).
    const inputs = `${speakersKey}\u0000${JSON.stringify(warnings)}\u0000${entries.map((e) => `${e.path}\u0001${e.id}`).join('\u0000')}`;
    const last = this.lastBuild;
    const corpus =
      read === 0 && last && last.inputs === inputs && last.files === this.files.size
        ? last.corpus
        : await runInSlices(this.buildSlices(entries, warnings, speakers.data), sliceMs);
    this.lastBuild = { inputs, files: this.files.size, corpus };
    return { corpus, read, cached, unsettled, speakersChanged };
  }

  /**
   * Writes the parse cache if it changed and the last index built (after a build; not on the way
   * to an answer).
   */
  saveCache(): void {
    this.cache.save();
    this.snapshots.save();
  }

  /**
   * `saveCache` a slice of about `sliceMs` at a time, the files written asynchronously (megabytes
   * at thousands of records: a live bot keeps answering meanwhile), after any save under way.
   */
  saveCacheInSlices(sliceMs = SLICE_MS): Promise<void> {
    this.saving = this.saving.then(async () => {
      await this.cache.saveInSlices(sliceMs);
      await this.snapshots.saveInSlices(sliceMs);
    });
    return this.saving;
  }

  /** Resolves when the saves under way are written. */
  savesDone(): Promise<void> {
    return this.saving;
  }

  private *buildSlices(
    entries: LoadEntry[],
    warnings: Warning[],
    speakersFile: SpeakersFileData | undefined,
  ): Slices<Corpus> {
    const reports: IdentifiedReport[] = [];
    const all = [...warnings];
    for (const e of entries) {
      const f = this.files.get(e.path);
      if (!f) continue;
      if (f.parse.report) reports.push({ ...f.parse.report, id: e.id });
      for (const w of f.parse.warnings) all.push(w);
      if (f.kept) all.push(f.kept);
    }
    yield;
    return yield* buildCorpusSlices(reports, { speakersFile, warnings: all });
  }

  /** Keeps the new parse, or the last good one when the file turned bad. */
  private accept(
    entry: LoadEntry,
    parse: CachedParse,
    key: string,
    size: number,
    mtimeMs: number,
    before: FileState | undefined,
  ): void {
    const bad = badReason(parse);
    if (bad && before && !badReason(before.parse)) {
      const kept: Warning = {
        file: entry.path,
        line: bad.line,
        message: `${bad.message} — the last good version of this record is kept until the file reads again`,
      };
      this.log?.warn(
        { file: kept.file, line: kept.line },
        `${kept.file}:${kept.line} ${kept.message}`,
      );
      // Keep the stat of the bad version: the same bad file is not read again until it changes.
      this.files.set(entry.path, { ...before, id: entry.id, size, mtimeMs, kept });
      return;
    }
    for (const w of parse.warnings)
      this.log?.warn({ file: w.file, line: w.line }, `${w.file}:${w.line} ${w.message}`);
    this.files.set(entry.path, { id: entry.id, key, size, mtimeMs, parse });
  }

  /** Reads one file through the cache; `unsettled` when it changed while being read. */
  private readOne(path: string): {
    parse: CachedParse;
    key: string;
    size: number;
    mtimeMs: number;
    fromCache: boolean;
    unsettled: boolean;
  } {
    const bytes = readBytes(path);
    if (!bytes.ok) {
      const parse = readReport(path);
      return {
        parse,
        key: '',
        size: bytes.size,
        mtimeMs: bytes.mtimeMs,
        fromCache: false,
        unsettled: false,
      };
    }
    const key = parseKey(path, bytes.data);
    let decoded: string | null = null;
    const decode = (): string => (decoded ??= decodeUtf8(bytes.data).text);
    const hit = this.cache.get(key, path, decode);
    if (hit)
      return {
        parse: hit,
        key,
        size: bytes.size,
        mtimeMs: bytes.mtimeMs,
        fromCache: true,
        unsettled: false,
      };
    const parse = readReport(path);
    let after: { size: number; mtimeMs: number } | null;
    try {
      after = statSync(path);
    } catch {
      after = null;
    }
    const unsettled = !after || after.size !== bytes.size || after.mtimeMs !== bytes.mtimeMs;
    // Only a parse of exactly the hashed bytes may be cached under their hash.
    if (!unsettled && !badReason(parse)) this.cache.set(key, parse, decode());
    return { parse, key, size: bytes.size, mtimeMs: bytes.mtimeMs, fromCache: false, unsettled };
  }
}

/** Why a read is no good (unreadable, binary, empty, a parser failure), or null. */
function badReason(parse: CachedParse): { line: number; message: string } | null {
  if (!parse.report) {
    const w = parse.warnings[0];
    return { line: w?.line ?? 0, message: w?.message ?? UNREADABLE };
  }
  if (parse.report.statements.length > 0) return null;
  const w = parse.report.warnings.find((x) =>
    /empty file|binary|could not be (parsed|read)/.test(x.message),
  );
  return w ? { line: w.line, message: w.message } : null;
}

/** A regular file's bytes and stat; not ok when it cannot be read or is too big (readReport says why). */
function readBytes(
  path: string,
):
  | { ok: true; data: Buffer; size: number; mtimeMs: number }
  | { ok: false; size: number; mtimeMs: number } {
  let fd = -1;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_FILE_BYTES)
      return { ok: false, size: st.size, mtimeMs: st.mtimeMs };
    const data = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < data.length) {
      const n = readSync(fd, data, got, data.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { ok: true, data: data.subarray(0, got), size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return { ok: false, size: -1, mtimeMs: -1 };
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
