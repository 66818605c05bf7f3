// Builds small fictional Word and PDF files in memory for the extraction tests: a minimal valid
// .docx (three parts, one paragraph per string) with jszip, and a PDF with pdf-lib whose pages
// carry a running head and a page number like a printed record.
import JSZip from 'jszip';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The document.xml of a Word file with these paragraphs (a "\n" in one is a line break). */
export function documentXml(
  paragraphs: readonly string[],
  padding = '',
  sectionProperties = '',
): string {
  const body = paragraphs
    .map((p) => {
      const runs = p
        .split('\n')
        .map((l) => `<w:t xml:space="preserve">${xmlText(l)}</w:t>`)
        .join('<w:br/>');
      return `<w:p><w:r>${runs}</w:r></w:p>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}${padding}${sectionProperties}</w:body></w:document>`;
}

export async function makeDocx(
  paragraphs: readonly string[],
  padding = '',
  options: { header?: string; footer?: string } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  let sect = '';
  if (options.header !== undefined || options.footer !== undefined) {
    // A running head and foot, as Word stores them: parts of their own, referenced by the section.
    const part = (tag: 'hdr' | 'ftr', text: string) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${tag} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>${xmlText(text)}</w:t></w:r></w:p></w:${tag}>`;
    zip.file('word/header1.xml', part('hdr', options.header ?? ''));
    zip.file('word/footer1.xml', part('ftr', options.footer ?? ''));
    zip.file(
      'word/_rels/document.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`,
    );
    sect =
      '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>';
  }
  zip.file('word/document.xml', documentXml(paragraphs, padding, sect));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface PdfSpec {
  /** Each page's paragraphs; each paragraph is its printed lines. */
  pages: string[][][];
  /** A running head printed at the top of every page. */
  head?: string | ((page: number) => string);
  /** The page number line printed at the bottom: "Page 2 of 3", "- 2 -". */
  foot?: (page: number, total: number) => string;
}

/** A PDF whose pages hold the given paragraphs, single-spaced with a blank line between. */
export async function makePdf(spec: PdfSpec): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const total = spec.pages.length;
  spec.pages.forEach((paragraphs, i) => {
    const page = doc.addPage([612, 792]);
    const head = typeof spec.head === 'function' ? spec.head(i + 1) : spec.head;
    if (head) page.drawText(head, { x: 72, y: 750, size: 9, font });
    let y = 700;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 72, y, size: 11, font });
        y -= 14;
      }
      y -= 14;
    }
    if (spec.foot) page.drawText(spec.foot(i + 1, total), { x: 290, y: 40, size: 9, font });
  });
  return Buffer.from(await doc.save());
}

/** A one-page PDF with a red rectangle and no text at all, as a scan without OCR looks. */
export async function makeTextlessPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawRectangle({
    x: 72,
    y: 72,
    width: 400,
    height: 600,
    color: rgb(0.8, 0.1, 0.1),
  });
  return Buffer.from(await doc.save());
}
