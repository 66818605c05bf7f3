// PDF files as text through unpdf (a build of Mozilla's pdf.js that needs no worker or canvas on
// Node): each page's positioned text, laid out as paragraphs by `pdf-layout.ts`.
import { layOutPdf } from './pdf-layout.js';
import type { PdfItem, PdfPage } from './pdf-layout.js';

export interface PdfLimits {
  maxPages: number;
  /** Aborted when the file has taken too long: reading stops and pdf.js lets go of it. */
  signal: AbortSignal;
}

export interface PdfText {
  /** Null when the file gives no text; `problem` says why. */
  text: string | null;
  problem?: string;
  /** Problems that still leave text to read (pages without text). */
  notes: string[];
}

export class PdfTimeout extends Error {}

export async function extractPdf(buf: Uint8Array, limits: PdfLimits): Promise<PdfText> {
  // Loaded on first use: a corpus of text files never pays for pdf.js.
  const { getDocumentProxy } = await import('unpdf');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the bytes over (detaches them): give it a copy. Verbosity 0: no console
    // chatter about damaged cross-reference tables; what matters becomes a warning.
    doc = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0, stopAtErrors: false });
  } catch (err) {
    return { text: null, problem: openProblem(err), notes: [] };
  }
  const stop = () => void doc.destroy();
  limits.signal.addEventListener('abort', stop, { once: true });
  try {
    if (doc.numPages > limits.maxPages)
      return {
        text: null,
        problem: `has ${doc.numPages.toLocaleString('en')} pages, over the ${limits.maxPages.toLocaleString('en')}-page limit for a record; skipped. Split it into smaller files`,
        notes: [],
      };
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (limits.signal.aborted) throw new PdfTimeout();
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = it.transform as number[];
        items.push({
          str: it.str,
          x,
          y,
          width: it.width,
          size: Math.hypot(c, d) || Math.hypot(a, b) || it.height || 10,
          eol: it.hasEOL,
        });
      }
      const [, bottom = 0, , top = 792] = page.view;
      pages.push({ height: top - bottom, items });
      page.cleanup();
    }
    const laid = layOutPdf(pages);
    if (laid.text.trim() === '' || laid.emptyPages.length === pages.length)
      return {
        text: null,
        problem:
          'has no text layer (a scanned document?): it needs OCR (text recognition) before it can be read, for example `ocrmypdf in.pdf out.pdf`; skipped',
        notes: [],
      };
    const notes = laid.emptyPages.length
      ? [
          `${plural(laid.emptyPages.length, 'page')} ${laid.emptyPages.join(', ')} ${laid.emptyPages.length === 1 ? 'has' : 'have'} no text (blank, or scanned: a scanned page needs OCR); the rest is read`,
        ]
      : [];
    return { text: laid.text, notes };
  } finally {
    limits.signal.removeEventListener('abort', stop);
    await doc.destroy();
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function openProblem(err: unknown): string {
  const name = (err as { name?: string }).name;
  if (name === 'PasswordException')
    return 'is password-protected; skipped. Save a copy without a password';
  if (name === 'InvalidPDFException')
    return 'is not a readable PDF (damaged, cut off, or not a PDF at all); skipped';
  return `could not be read as a PDF (${err instanceof Error ? err.message : String(err)}); skipped`;
}
