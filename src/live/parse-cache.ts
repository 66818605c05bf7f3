// The parse cache in DATA_DIR: each file's parsed report, keyed by a hash of the parser version,
// the file's path and its bytes, so a restart with unchanged records skips parsing. The file is
// never trusted: a wrong version, a broken file or an entry of the wrong shape is dropped and the
// record is parsed again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedReport } from '../corpus/parse.js';
import type { Warning } from '../corpus/types.js';
import { runInSlices } from '../slices.js';
import type { Slices } from '../slices.js';

/**
 * Bump whenever the same bytes at the same path would parse differently: any change under
 * src/corpus/ that alters what `parseReport` or `readReport` returns (statements, offsets,
 * speakers, titles, dates, warnings), or a change to the shape of `CachedParse`. Every entry of
 * an older version is then ignored and the records are parsed again once.
 */
export const PARSER_VERSION = 2;

export const CACHE_FILE = 'parse-cache.json';

/** What reading one file produced: the report (null when unreadable) and the warnings. */
export interface CachedParse {
  report: ParsedReport | null;
  warnings: Warning[];
}

interface CacheFile {
  version: number;
  entries: Record<string, StoredParse>;
}

/** A stored entry; `text` is omitted when it is the file's bytes decoded as UTF-8. */
interface StoredParse {
  report: (Omit<ParsedReport, 'text'> & { text?: string }) | null;
  warnings: Warning[];
}

/** The cache key of a file's bytes at a path (with the parser version). */
export function parseKey(path: string, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(`${PARSER_VERSION}\u0000${path}\u0000`)
    .update(bytes)
    .digest('base64url');
}

export class ParseCache {
  private entries = new Map<string, StoredParse>();
  private dirty = false;

  constructor(
    private readonly dir: string | null,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** Reads the cache file; anything wrong with it means an empty cache (never an error). */
  load(): void {
    if (!this.dir) return;
    let raw: string;
    try {
      raw = readFileSync(join(this.dir, CACHE_FILE), 'utf8');
    } catch {
      return;
    }
    try {
      const parsed = JSON.parse(raw) as Partial<CacheFile>;
      if (parsed.version !== PARSER_VERSION || !isRecord(parsed.entries)) {
        this.warn(`the parse cache is from another parser version; the records are parsed again`);
        this.dirty = true;
        return;
      }
      for (const [key, value] of Object.entries(parsed.entries)) this.entries.set(key, value);
    } catch {
      this.warn(`the parse cache ${join(this.dir, CACHE_FILE)} is damaged; it is rebuilt`);
      this.dirty = true;
    }
  }

  /**
   * The cached parse for this key, or null. `decoded` is the file's bytes read as UTF-8, the
   * text of entries stored without one. An entry that does not hold together is dropped.
   */
  get(key: string, file: string, decoded: () => string): CachedParse | null {
    const stored = this.entries.get(key);
    if (!stored) return null;
    const value = restore(stored, file, decoded);
    if (!value) {
      this.entries.delete(key);
      this.dirty = true;
    }
    return value;
  }

  set(key: string, value: CachedParse, decoded: string | null): void {
    const report = value.report;
    let stored: StoredParse;
    if (report && decoded !== null && report.text === decoded) {
      const { text: _text, ...rest } = report;
      stored = { report: rest, warnings: value.warnings };
    } else stored = { report, warnings: value.warnings };
    this.entries.set(key, stored);
    this.dirty = true;
  }

  /** Keeps only these keys (the files now in the folder). */
  retain(keys: Set<string>): void {
    for (const key of this.entries.keys())
      if (!keys.has(key)) {
        this.entries.delete(key);
        this.dirty = true;
      }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the cache if it changed (a temporary file renamed over the old one: never half-written). */
  save(): void {
    if (!this.dir || !this.dirty) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = join(this.dir, CACHE_FILE);
      const tmp = `${file}.${process.pid}.tmp`;
      const body: CacheFile = {
        version: PARSER_VERSION,
        entries: Object.fromEntries(this.entries),
      };
      writeFileSync(tmp, JSON.stringify(body));
      renameSync(tmp, file);
      this.dirty = false;
    } catch (err) {
      this.cannotWrite(err);
    }
  }

  /**
   * `save`, with the JSON made an entry at a time, a slice of about `sliceMs` at a time, and the
   * file written asynchronously: the event loop is never held for long (the live corpus's saves).
   * The same file as `save` writes.
   */
  async saveInSlices(sliceMs: number): Promise<void> {
    if (!this.dir || !this.dirty) return;
    // Changes made while this is written mark the cache dirty again, for the next save.
    this.dirty = false;
    const entries = [...this.entries];
    try {
      const pieces = await runInSlices(cacheJson(entries), sliceMs);
      await mkdir(this.dir, { recursive: true });
      const file = join(this.dir, CACHE_FILE);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, pieces);
      await rename(tmp, file);
    } catch (err) {
      this.dirty = true;
      this.cannotWrite(err);
    }
  }

  private cannotWrite(err: unknown): void {
    this.warn(
      `could not write the parse cache in ${this.dir} (${err instanceof Error ? err.message : String(err)}); the next start parses every record again`,
    );
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The cache file's JSON, in pieces (as `JSON.stringify` of the whole writes it), an entry at a time. */
function* cacheJson(entries: [string, StoredParse][]): Slices<string[]> {
  const pieces = [`{"version":${JSON.stringify(PARSER_VERSION)},"entries":{`];
  for (const [i, [key, stored]] of entries.entries()) {
    pieces.push(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(stored)}`);
    if (i % 16 === 15) yield;
  }
  pieces.push('}}');
  return pieces;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isInt = (v: unknown): v is number => Number.isInteger(v);

function validWarnings(v: unknown): v is Warning[] {
  return (
    Array.isArray(v) &&
    v.every((w) => isRecord(w) && isString(w.file) && isInt(w.line) && isString(w.message))
  );
}

function validSpeakers(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every(
      (s) =>
        isRecord(s) &&
        isString(s.name) &&
        Array.isArray(s.aliases) &&
        s.aliases.every(isString) &&
        isStringOrNull(s.role) &&
        (s.generic === undefined || typeof s.generic === 'boolean'),
    )
  );
}

/** Checks an entry against the report's shape and its text (every offset must hold); null if off. */
function restore(stored: unknown, file: string, decoded: () => string): CachedParse | null {
  if (!isRecord(stored) || !validWarnings(stored.warnings)) return null;
  const warnings = stored.warnings.map((w) => ({ ...w, file }));
  if (stored.report === null) return { report: null, warnings };
  const r = stored.report;
  if (!isRecord(r)) return null;
  const text = r.text === undefined ? decoded() : r.text;
  if (!isString(text)) return null;
  if (!isStringOrNull(r.title) || !isStringOrNull(r.date) || !isStringOrNull(r.source)) return null;
  if (!validSpeakers(r.speakers) || !validSpeakers(r.present)) return null;
  if (
    !Array.isArray(r.warnings) ||
    !r.warnings.every((w) => isRecord(w) && isInt(w.line) && isString(w.message))
  )
    return null;
  if (!Array.isArray(r.statements)) return null;
  for (const s of r.statements as unknown[]) {
    if (!isRecord(s)) return null;
    const { start, end } = s;
    if (!isInt(start) || !isInt(end) || start < 0 || end > text.length || start > end) return null;
    if (!isString(s.text) || text.slice(start, end) !== s.text) return null;
    if (!isStringOrNull(s.speaker) || !isStringOrNull(s.context) || !isInt(s.paragraph))
      return null;
    if (s.kind !== 'quote' && s.kind !== 'paraphrase' && s.kind !== 'turn') return null;
    if (s.time !== undefined && !isString(s.time)) return null;
    if (s.parts !== undefined) {
      if (!Array.isArray(s.parts)) return null;
      for (const p of s.parts as unknown[])
        if (
          !isRecord(p) ||
          !isInt(p.start) ||
          !isInt(p.end) ||
          p.start < start ||
          p.end > end ||
          p.start > p.end
        )
          return null;
    }
  }
  const report = { ...(r as unknown as ParsedReport), text, file };
  return { report, warnings };
}
