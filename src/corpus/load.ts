// Reading a corpus folder (or a list of files) from disk: the only corpus code that touches the
// filesystem. Unreadable, binary, oversized or mis-encoded files become warnings, never crashes.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { Corpus, Warning } from './types.js';
import { parseReport } from './parse.js';
import type { ParsedReport } from './parse.js';
import { buildCorpus } from './build.js';
import type { IdentifiedReport } from './build.js';
import { parseSpeakersFile } from './speakers-file.js';
import type { SpeakersFileData } from './speakers-file.js';

/** Files larger than this are skipped with a warning (a report is a few KB; this is a mistake). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Read buffer reused across files; a larger file is measured and read whole. */
const SMALL_FILE = 256 * 1024;

/** Warning messages for files that could not be read at all start with this. */
export const UNREADABLE = 'could not be read';

const REPORT_EXT = /\.(txt|md|markdown|text|vtt|srt|html?|log)$/i;
const SPEAKERS_FILES = ['speakers.yml', 'speakers.yaml'];

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
}

export interface LoadEntry {
  path: string;
  id: string;
}

/** Every report file under `dir` (recursively), sorted, with ids relative to `dir`. */
export async function listReportFiles(dir: string): Promise<LoadEntry[]> {
  const out: LoadEntry[] = [];
  const walk = async (d: string) => {
    const items = await readdir(d, { withFileTypes: true });
    for (const it of items) {
      if (it.name.startsWith('.') || it.name === 'node_modules') continue;
      const full = join(d, it.name);
      if (it.isDirectory()) await walk(full);
      else if (
        (it.isFile() || it.isSymbolicLink()) &&
        REPORT_EXT.test(it.name) &&
        !/^readme\./i.test(it.name)
      )
        out.push({ path: full, id: relative(dir, full).split(sep).join('/') });
    }
  };
  await walk(dir);
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/** Loads every report in a folder, plus its `speakers.yml` if present. */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  let entries: LoadEntry[];
  try {
    entries = await listReportFiles(dir);
  } catch (err) {
    return buildCorpus([], {
      warnings: [{ file: dir, line: 0, message: `${UNREADABLE}: ${errorText(err)}` }],
    });
  }
  const { data, warnings } = await readSpeakersFile(dir);
  return loadEntries(entries, { ...options, speakersFile: data, warnings });
}

/** Loads the given files (ids are their base names). */
export async function loadFiles(paths: string[], options: LoadOptions = {}): Promise<Corpus> {
  return loadEntries(
    paths.map((p) => ({ path: p, id: basename(p) })),
    options,
  );
}

export async function readSpeakersFile(
  dir: string,
): Promise<{ data: SpeakersFileData | undefined; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  for (const name of SPEAKERS_FILES) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      warnings.push({ file, line: 0, message: `${UNREADABLE}: ${errorText(err)}` });
      continue;
    }
    const res = parseSpeakersFile(text);
    for (const p of res.problems) warnings.push({ file, line: p.line, message: p.message });
    return { data: res.data, warnings };
  }
  return { data: undefined, warnings };
}

export async function loadEntries(
  entries: LoadEntry[],
  options: LoadOptions & { speakersFile?: SpeakersFileData; warnings?: Warning[] } = {},
): Promise<Corpus> {
  const warnings: Warning[] = [...(options.warnings ?? [])];
  const reports: IdentifiedReport[] = [];
  const scratch = Buffer.allocUnsafe(SMALL_FILE);
  // Synchronous reads: thousands of small files load several times faster than through the
  // promise API's thread pool. Yield now and then so progress output can render.
  for (const [i, e] of entries.entries()) {
    const res = readReport(e.path, scratch);
    if (res.report) reports.push({ ...res.report, id: e.id });
    warnings.push(...res.warnings);
    options.onProgress?.(i + 1, entries.length);
    if (i % 250 === 249) await new Promise((r) => setImmediate(r));
  }
  return buildCorpus(reports, { speakersFile: options.speakersFile, warnings });
}

/** Reads and parses one file; problems reading it become warnings. */
export function readReport(
  path: string,
  scratch: Buffer = Buffer.allocUnsafe(SMALL_FILE),
): { report: ParsedReport | null; warnings: Warning[] } {
  const warnings: Warning[] = [];
  let buf: Buffer;
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    // Reports are small: one read into a reused buffer usually gets the whole file, and only
    // a file that fills it is measured (loading thousands of files, each syscall counts).
    const first = readSync(fd, scratch, 0, scratch.length, 0);
    if (first < scratch.length) buf = scratch.subarray(0, first);
    else {
      const st = fstatSync(fd);
      if (st.size > MAX_FILE_BYTES) {
        const mb = (st.size / 1024 / 1024).toFixed(0);
        const message = `is ${mb} MB, over the 50 MB limit for a report; skipped`;
        return { report: null, warnings: [{ file: path, line: 0, message }] };
      }
      buf = Buffer.allocUnsafe(Math.max(st.size, first));
      scratch.copy(buf, 0, 0, first);
      let got = first;
      for (;;) {
        if (got === buf.length) buf = Buffer.concat([buf, Buffer.alloc(SMALL_FILE)]);
        const n = readSync(fd, buf, got, buf.length - got, got);
        if (n === 0) break;
        got += n;
      }
      buf = buf.subarray(0, got);
    }
  } catch (err) {
    return {
      report: null,
      warnings: [{ file: path, line: 0, message: `${UNREADABLE}: ${errorText(err)}` }],
    };
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  const { text, badLine } = decodeUtf8(buf);
  if (badLine > 0)
    warnings.push({
      file: path,
      line: badLine,
      message:
        'invalid UTF-8: undecodable bytes are shown as \u201c\ufffd\u201d (save the file as UTF-8)',
    });
  return { report: parseReport(text, path), warnings };
}

/** Decodes UTF-8; on invalid bytes decodes leniently and reports the first bad line. */
export function decodeUtf8(buf: Uint8Array): { text: string; badLine: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), badLine: 0 };
  } catch {
    const text = new TextDecoder('utf-8').decode(buf);
    const i = text.indexOf('\ufffd');
    const badLine = i < 0 ? 1 : text.slice(0, i).split('\n').length;
    return { text, badLine };
  }
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EISDIR') return 'is a folder';
  return e.message ?? String(err);
}
