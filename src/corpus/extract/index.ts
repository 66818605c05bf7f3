// Word and PDF records as text, so the readers see them like any other record: the loader sends
// `.docx` and `.pdf` files here. Bounded on a hostile file: its size on disk, what its zip
// unpacks to, its page count and the time it takes; every failure is a warning, never a throw.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseReport } from '../parse.js';
import type { ParsedReport } from '../parse.js';
import type { Warning } from '../types.js';
import { extractDocx } from './docx.js';
import { extractPdf, PdfTimeout } from './pdf.js';

/**
 * Changes whenever the same Word or PDF bytes would give other text (layout or furniture rules):
 * a cache of parsed records keyed by content must include it.
 */
export const EXTRACT_VERSION = 1;

/** Extensions whose text has to be extracted before a reader can read it. */
export const EXTRACTED_EXT = /\.(docx|pdf)$/i;

export interface ExtractLimits {
  /** Largest file read from disk. */
  maxFileBytes: number;
  /** Most bytes a Word file's XML may unpack to (a zip bomb is refused before it unpacks). */
  maxUnzippedBytes: number;
  /** Most parts a Word file's zip may hold. */
  maxZipEntries: number;
  /** Most pages a PDF may have. */
  maxPages: number;
  /** Longest one file may take to extract. */
  timeoutMs: number;
}

export const EXTRACT_LIMITS: ExtractLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 40 * 1024 * 1024,
  maxZipEntries: 5000,
  maxPages: 2000,
  timeoutMs: 30_000,
};

export interface ExtractedText {
  /** The record's text, or null when there is nothing to read (the warnings say why). */
  text: string | null;
  warnings: Warning[];
}

export function isExtractedFile(path: string): boolean {
  return EXTRACTED_EXT.test(path);
}

/**
 * The text of a `.docx` or `.pdf` file (a path, or its bytes with `file` naming it in warnings).
 * Never throws.
 */
export async function extractText(
  input: string | Uint8Array,
  ext: string,
  options: { file?: string; limits?: Partial<ExtractLimits> } = {},
): Promise<ExtractedText> {
  const limits = { ...EXTRACT_LIMITS, ...options.limits };
  const file = options.file ?? (typeof input === 'string' ? input : `(a ${ext} file)`);
  const warn = (message: string): ExtractedText => ({
    text: null,
    warnings: [{ file, line: 0, message }],
  });
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const read = await readBytes(input, limits.maxFileBytes);
    if (typeof read === 'string') return warn(read);
    bytes = read;
  } else if (input.byteLength > limits.maxFileBytes) return warn(tooBig(input.byteLength, limits));
  else bytes = input;

  const kind = ext.replace(/^\./, '').toLowerCase();
  let timer: NodeJS.Timeout | undefined;
  const abort = new AbortController();
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve('timeout');
    }, limits.timeoutMs);
  });
  const slow = `took longer than ${limits.timeoutMs / 1000} s to read; skipped (a damaged or hostile file, or one far larger than a meeting record)`;
  try {
    if (kind === 'docx') {
      const res = await Promise.race([extractDocx(bytes, limitsOfZip(limits)), timeout]);
      if (res === 'timeout') return warn(slow);
      return res.text === null ? warn(res.problem ?? 'has no text; skipped') : emptyCheck(res.text);
    }
    if (kind === 'pdf') {
      const work = extractPdf(bytes, { maxPages: limits.maxPages, signal: abort.signal });
      const res = await Promise.race([work, timeout]);
      if (res === 'timeout') {
        work.catch(() => {}); // aborted: pdf.js has let go of the file; how it ends is of no interest
        return warn(slow);
      }
      if (res.text === null) return warn(res.problem ?? 'has no text; skipped');
      return {
        text: res.text,
        warnings: res.notes.map((message) => ({ file, line: 0, message })),
      };
    }
    return warn(`is a .${kind} file, which Verbatim does not read; skipped`);
  } catch (err) {
    if (err instanceof PdfTimeout) return warn(slow);
    return warn(`could not be read (${err instanceof Error ? err.message : String(err)}); skipped`);
  } finally {
    clearTimeout(timer);
  }

  function emptyCheck(text: string): ExtractedText {
    if (text.trim() === '')
      return warn('holds no text (an empty document, or only pictures); skipped');
    return { text, warnings: [] };
  }
}

/**
 * Reads and parses a `.docx` or `.pdf` record, as `readReport` in `load.ts` does a text one:
 * statements' offsets and paragraphs point into the extracted text.
 */
export async function readExtractedReport(
  path: string,
  limits?: Partial<ExtractLimits>,
): Promise<{ report: ParsedReport | null; warnings: Warning[] }> {
  // "~$Minutes.docx" is the lock file Word keeps beside a document while it is open.
  if (basename(path).startsWith('~$')) return { report: null, warnings: [] };
  const { text, warnings } = await extractText(path, extname(path), { limits });
  if (text === null) return { report: null, warnings };
  try {
    return { report: parseReport(text, path), warnings };
  } catch (err) {
    const message = `could not be read as a report (${err instanceof Error ? err.message : String(err)}); skipped`;
    return { report: null, warnings: [...warnings, { file: path, line: 0, message }] };
  }
}

function limitsOfZip(limits: ExtractLimits) {
  return { maxUnzippedBytes: limits.maxUnzippedBytes, maxEntries: limits.maxZipEntries };
}

/** The file's bytes, or why it was not read. Never reads past the limit. */
async function readBytes(path: string, max: number): Promise<Uint8Array | string> {
  let fh;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer.
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await fh.stat();
    if (!st.isFile()) return 'is not a regular file (a device, a pipe or a socket); skipped';
    if (st.size > max) return tooBig(st.size, { maxFileBytes: max });
    const buf = Buffer.allocUnsafe(Math.min(st.size, max) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > max) return tooBig(null, { maxFileBytes: max });
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'ENOENT'
          ? 'no such file'
          : (e.message ?? String(err));
    return `could not be read: ${why}`;
  } finally {
    await fh?.close();
  }
}

function tooBig(bytes: number | null, limits: Pick<ExtractLimits, 'maxFileBytes'>): string {
  const mb = Math.round(limits.maxFileBytes / 1024 / 1024);
  const limit = `${mb} MB (${limits.maxFileBytes.toLocaleString('en')} bytes)`;
  const size = bytes === null ? 'is larger than' : `is ${bytes.toLocaleString('en')} bytes, over`;
  return `${size} the ${limit} limit for a report; skipped. Split it into smaller files, or move it out of the corpus folder`;
}
