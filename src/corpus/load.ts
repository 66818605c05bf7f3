// Reading a corpus folder (or a list of files) from disk: the only corpus code that touches the
// filesystem. Unreadable, binary, oversized or mis-encoded files become warnings, never crashes.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { Corpus, Warning } from './types.js';
import { parseReport } from './parse.js';
import type { ParsedReport } from './parse.js';
import { buildCorpus } from './build.js';
import type { IdentifiedReport } from './build.js';
import { parseSpeakersFile } from './speakers-file.js';
import { isExtractedFile, readExtractedReport } from './extract/index.js';
import type { SpeakersFileData } from './speakers-file.js';

/** Files larger than this are skipped with a warning (a report is a few KB; this is a mistake). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Read buffer reused across files; a larger file is measured and read whole. */
const SMALL_FILE = 256 * 1024;

/** Warning messages for files that could not be read at all start with this. */
export const UNREADABLE = 'could not be read';

const REPORT_EXT = /\.(txt|md|markdown|text|vtt|srt|html?|log|docx|pdf)$/i;
const SPEAKERS_FILES = ['speakers.yml', 'speakers.yaml'];

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  /** Read links that lead outside the corpus folder (CORPUS_FOLLOW_OUTSIDE_LINKS); default no. */
  followOutsideLinks?: boolean;
}

export interface LoadEntry {
  path: string;
  id: string;
}

/** Every report file under `dir` (recursively), sorted, with ids relative to `dir`. */
export async function listReportFiles(
  dir: string,
  options: Pick<LoadOptions, 'followOutsideLinks'> = {},
): Promise<LoadEntry[]> {
  return (await scanReportFolder(dir, options)).entries;
}

/**
 * The report files under `dir`, and a warning for each subfolder or file that is skipped (an
 * unreadable folder, a link that leads outside `dir` or to a device or pipe). Throws only when
 * `dir` itself cannot be read.
 */
export async function scanReportFolder(
  dir: string,
  options: Pick<LoadOptions, 'followOutsideLinks'> = {},
): Promise<{ entries: LoadEntry[]; warnings: Warning[] }> {
  const out: LoadEntry[] = [];
  const warnings: Warning[] = [];
  const root = await realpath(dir);
  const skip = (file: string, message: string) => warnings.push({ file, line: 0, message });
  const walk = async (d: string) => {
    let items;
    try {
      items = await readdir(d, { withFileTypes: true });
    } catch (err) {
      if (d === dir) throw err;
      skip(d, `${UNREADABLE}: ${errorText(err)} (a folder: the reports in it are skipped)`);
      return;
    }
    for (const it of items) {
      if (it.name.startsWith('.') || it.name === 'node_modules') continue;
      const full = join(d, it.name);
      if (it.isDirectory()) {
        await walk(full);
        continue;
      }
      if (!REPORT_EXT.test(it.name) || /^readme\./i.test(it.name)) continue;
      if (it.isSymbolicLink()) {
        const problem = await checkLink(full, root, options.followOutsideLinks === true);
        if (problem) {
          skip(full, problem);
          continue;
        }
      } else if (!it.isFile()) {
        skip(full, `${NOT_REGULAR}; skipped`);
        continue;
      }
      out.push({ path: full, id: relative(dir, full).split(sep).join('/') });
    }
  };
  await walk(dir);
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries: out, warnings };
}

/** Why a link in the corpus folder is not read, or null when it leads to a report inside it. */
async function checkLink(
  link: string,
  root: string,
  followOutside: boolean,
): Promise<string | null> {
  let target: string;
  try {
    target = await realpath(link);
  } catch (err) {
    return `${UNREADABLE}: ${errorText(err)} (a link that leads nowhere)`;
  }
  try {
    if (!(await stat(target)).isFile()) return `leads to ${target}, which ${NOT_REGULAR}; skipped`;
  } catch (err) {
    return `${UNREADABLE}: ${errorText(err)} (a link that leads nowhere)`;
  }
  const rel = relative(root, target);
  if (!followOutside && (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))) {
    return `is a link to ${target}, outside the corpus folder; skipped. Copy the report into the folder, or set CORPUS_FOLLOW_OUTSIDE_LINKS=true to read such links`;
  }
  return null;
}

/** Loads every report in a folder, plus its `speakers.yml` if present. */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  let scan: { entries: LoadEntry[]; warnings: Warning[] };
  try {
    scan = await scanReportFolder(dir, options);
  } catch (err) {
    return buildCorpus([], {
      warnings: [{ file: dir, line: 0, message: `${UNREADABLE}: ${errorText(err)}` }],
    });
  }
  const { data, warnings } = await readSpeakersFile(dir);
  return loadEntries(scan.entries, {
    ...options,
    speakersFile: data,
    warnings: [...scan.warnings, ...warnings],
  });
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
    // Word and PDF files are extracted to text first (asynchronously, bounded in time and size).
    const res = isExtractedFile(e.path)
      ? await readExtractedReport(e.path)
      : readReport(e.path, scratch);
    if (res.report) reports.push({ ...res.report, id: e.id });
    for (const w of res.warnings) warnings.push(w);
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
  const skipped = (message: string) => ({
    report: null,
    warnings: [{ file: path, line: 0, message }],
  });
  let buf: Buffer;
  let fd = -1;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer. Only regular files are read.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return skipped(`${NOT_REGULAR}; skipped`);
    if (st.size > MAX_FILE_BYTES) return skipped(tooBig(st.size));
    // Reports are small: one read into a reused buffer usually gets the whole file. The size
    // stat reports is only a hint: never read more than the limit, whatever the file turns into.
    const first = readSync(fd, scratch, 0, scratch.length, 0);
    if (first < scratch.length) buf = scratch.subarray(0, first);
    else {
      buf = Buffer.allocUnsafe(Math.min(Math.max(st.size, first) + 1, MAX_FILE_BYTES + 1));
      scratch.copy(buf, 0, 0, first);
      let got = first;
      for (;;) {
        if (got === buf.length) {
          if (got > MAX_FILE_BYTES) return skipped(tooBig(null));
          const grown = Buffer.allocUnsafe(Math.min(got * 2, MAX_FILE_BYTES + 1));
          buf.copy(grown, 0, 0, got);
          buf = grown;
        }
        const n = readSync(fd, buf, got, buf.length - got, got);
        if (n === 0) break;
        got += n;
      }
      buf = buf.subarray(0, got);
    }
  } catch (err) {
    return skipped(`${UNREADABLE}: ${errorText(err)}`);
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
  try {
    return { report: parseReport(text, path), warnings };
  } catch (err) {
    // A bug must cost one file, not the whole corpus: name it so it can be reported.
    const message = `could not be read as a report (${err instanceof Error ? err.message : String(err)}); skipped`;
    return { report: null, warnings: [...warnings, { file: path, line: 0, message }] };
  }
}

const NOT_REGULAR = 'is not a regular file (a device, a pipe or a socket)';

/** Says how big a file is against the limit (exact bytes: "50 MB, over 50 MB" helps no one). */
function tooBig(bytes: number | null): string {
  const limit = `${MAX_FILE_BYTES / 1024 / 1024} MB (${MAX_FILE_BYTES.toLocaleString('en')} bytes)`;
  const size = bytes === null ? 'is larger than' : `is ${bytes.toLocaleString('en')} bytes, over`;
  return `${size} the ${limit} limit for a report; skipped. Split it into smaller files, or move it out of the corpus folder`;
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
