// Reading a corpus folder (or a list of files) from disk: the only corpus code that touches the
// filesystem. Unreadable, binary, oversized or mis-encoded files become warnings, never crashes.
import { readdir, readFile, stat } from 'node:fs/promises';
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

/** Warning messages for files that could not be read at all start with this. */
export const UNREADABLE = 'could not be read';

const REPORT_EXT = /\.(txt|md|markdown|text)$/i;
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
      else if (it.isFile() && REPORT_EXT.test(it.name) && !/^readme\./i.test(it.name))
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
  const reports: (IdentifiedReport | null)[] = new Array(entries.length).fill(null);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const i = next++;
      const e = entries[i] as LoadEntry;
      const res = await readReport(e.path);
      if (res.report) reports[i] = { ...res.report, id: e.id };
      warnings.push(...res.warnings);
      done++;
      options.onProgress?.(done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, entries.length) }, worker));
  return buildCorpus(
    reports.filter((r): r is IdentifiedReport => r !== null),
    { speakersFile: options.speakersFile, warnings },
  );
}

/** Reads and parses one file; problems reading it become warnings. */
export async function readReport(
  path: string,
): Promise<{ report: ParsedReport | null; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  try {
    const st = await stat(path);
    if (!st.isFile())
      return {
        report: null,
        warnings: [{ file: path, line: 0, message: `${UNREADABLE}: not a regular file` }],
      };
    if (st.size > MAX_FILE_BYTES) {
      return {
        report: null,
        warnings: [
          {
            file: path,
            line: 0,
            message: `is ${(st.size / 1024 / 1024).toFixed(0)} MB, over the 50 MB limit for a report; skipped`,
          },
        ],
      };
    }
    const buf = await readFile(path);
    const { text, badLine } = decodeUtf8(buf);
    if (badLine > 0)
      warnings.push({
        file: path,
        line: badLine,
        message:
          'invalid UTF-8: undecodable bytes are shown as \u201c\ufffd\u201d (save the file as UTF-8)',
      });
    return { report: parseReport(text, path), warnings };
  } catch (err) {
    return {
      report: null,
      warnings: [{ file: path, line: 0, message: `${UNREADABLE}: ${errorText(err)}` }],
    };
  }
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
