// Word (.docx) files as text: mammoth's raw text, one paragraph of the document per paragraph of
// the text, after the zip has been checked for bombs.
import { checkZip } from './zip-guard.js';
import type { ZipLimits } from './zip-guard.js';

export interface DocxText {
  /** Null when the file could not be read; `problem` says why. */
  text: string | null;
  problem?: string;
}

export async function extractDocx(buf: Uint8Array, limits: ZipLimits): Promise<DocxText> {
  const problem = checkZip(buf, limits);
  if (problem) return { text: null, problem };
  // Loaded on first use: a corpus of text files never pays for the Word reader.
  const mammoth = (await import('mammoth')).default;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(buf) })).value;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { text: null, problem: `could not be read as a Word document (${why}); skipped` };
  }
  return { text: tidyParagraphs(raw) };
}

/**
 * One paragraph per line with a blank line between (so `¶N` counts the document's paragraphs),
 * trailing spaces and empty paragraphs dropped. (Mammoth's raw text drops a line break inside a
 * paragraph: turns typed with Shift+Enter between them run together.)
 */
export function tidyParagraphs(raw: string): string {
  const paragraphs = raw
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/[ \t\u00a0]+$/, ''))
        .filter((l) => l.trim() !== '')
        .join('\n'),
    )
    .filter((p) => p !== '');
  return paragraphs.length ? paragraphs.join('\n\n') + '\n' : '';
}
