// The HTML transcript reader: labels in markup and in old print style, entities, <br> paragraphs,
// page furniture, title and date, offsets in the original file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import { htmlReader } from '../../../src/corpus/readers/html.js';
import { readStructured } from '../../../src/corpus/readers/index.js';

const HEARING = `<!DOCTYPE html>
<html>
<head>
<title>Hearing of the Harbour Committee &amp; Witness Testimony</title>
<meta name="date" content="1991-03-14" />
<script>var speaker = "Mr. ROE"; document.write("Mr. ROE: not speech");</script>
<style>strong { color: red; }</style>
</head>
<body>
<div class="main-nav"><ul><li><a href="/">Home</a></li><li>Mr. ROE: Menu entry</li></ul></div>
<h1>Harbour Committee hearing</h1>
<p>Testimony of Ms. Ada Doe before the committee.</p>
<div class="transcript">
<strong>Mr. ROE</strong>: The harbour fees rose twice last year,
and the committee wants to know who approved the rise.
Can you tell us that, Ms. Doe?
<br/><br/><strong>Ms. DOE</strong>: I approved the first rise myself.
The second one came from the board&#8217;s finance group.<br /><br />
That is all I know about it, Mr.&nbsp;Roe.
<br/><br/><strong>Chairman VALE</strong>: Before we go on &amp; on, was that read from notes?
<br/><br/><strong>Ms. DOE</strong>: No, sir.
<br/><br/><strong>Mr. ROE</strong>: You left out the third rise, didn&#8217;t you?
Mr. PIKE. What third rise, counsel?
<br/><br/><strong>Mr. ROE</strong>: The one in March. Ms. DOE. I do not recall it.
</div>
<p>Source: Harbour Committee records, box 12.</p>
<p>&copy; 1991 Harbour Records</p>
<footer>Copyright Harbour Records. Mr. ROE: footer text</footer>
</body>
</html>
`;

describe('htmlReader', () => {
  it('takes a page saved as .txt by its content, and leaves plain text alone', () => {
    expect(readStructured(HEARING, 'hearing.txt')?.reader).toBe('html');
    expect(htmlReader.accepts('MR. ROE: Good morning.\n', 'hearing.txt')).toBe(false);
  });

  it('reads speakers, their turns in order, and a print-style label in mid-paragraph', () => {
    const r = parseReport(HEARING, 'hearing.txt');
    expect(r.statements.map((s) => [s.speaker, s.text.split(/\s+/).slice(0, 4).join(' ')])).toEqual(
      [
        ['Roe', 'The harbour fees rose'],
        ['Doe', 'I approved the first'],
        ['Doe', 'That is all I'],
        ['Vale', 'Before we go on'],
        ['Doe', 'No, sir.'],
        ['Roe', 'You left out the'],
        ['Pike', 'What third rise, counsel?'],
        ['Roe', 'The one in March.'],
        ['Doe', 'I do not recall'],
      ],
    );
    expect(r.speakers.map((s) => s.name)).toEqual(['Roe', 'Doe', 'Vale', 'Pike']);
    expect(r.statements.every((s) => s.kind === 'turn')).toBe(true);
  });

  it('keeps tags and entities inside a statement but never the label, the head or the furniture', () => {
    const r = parseReport(HEARING, 'hearing.txt');
    for (const s of r.statements) {
      expect(HEARING.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).not.toMatch(/^(<|Mr\.|Ms\.|Chairman|:)/);
      expect(s.text).not.toMatch(/footer|Menu entry|document\.write|Testimony of|box 12|1991/);
    }
    const doe = r.statements[1];
    expect(doe?.text).toBe(
      'I approved the first rise myself.\nThe second one came from the board&#8217;s finance group.',
    );
    expect(r.statements[2]?.text).toBe('That is all I know about it, Mr.&nbsp;Roe.');
    // The turn before a mid-paragraph label ends where the label starts.
    expect(r.statements[5]?.text).toBe('You left out the third rise, didn&#8217;t you?');
  });

  it('takes the title and the date from the page', () => {
    const r = parseReport(HEARING, 'hearing.txt');
    expect(r.title).toBe('Hearing of the Harbour Committee & Witness Testimony');
    expect(r.date).toBe('1991-03-14');
  });

  it('does not take a lone capitalised name after a title as a label when the page has no such labels', () => {
    const page = `<!DOCTYPE html><html><body>
<p><b>Anna:</b> We met the harbour master this morning.
Dr. KAY. She said the fees stay as they are.</p>
<p><b>Ben:</b> Good to hear.</p>
</body></html>`;
    const r = parseReport(page, 'notes.html');
    expect(r.speakers.map((s) => s.name)).toEqual(['Anna', 'Ben']);
    expect(r.statements[0]?.text).toMatch(/^We met .*as they are\.$/s);
  });

  it('reads a bold name alone in its paragraph as a label once the name comes back', () => {
    const page = `<!DOCTYPE html><html><body>
<p><b>Opening remarks</b></p>
<p>The talks began at noon.</p>
<p><b>Elena Varga</b></p>
<p>Welcome, colleagues. We start with the fees.</p>
<p>The fees rose twice.</p>
<p><b>Tomas Rinn</b></p>
<p>We object to both rises.</p>
<p><b>Elena Varga</b></p>
<p>Noted.</p>
<p><b>Tomas Rinn</b></p>
<p>Good.</p>
</body></html>`;
    const r = parseReport(page, 'talks.html');
    expect(r.statements.map((s) => [s.speaker, s.text])).toEqual([
      ['Elena Varga', 'Welcome, colleagues. We start with the fees.'],
      ['Elena Varga', 'The fees rose twice.'],
      ['Tomas Rinn', 'We object to both rises.'],
      ['Elena Varga', 'Noted.'],
      ['Tomas Rinn', 'Good.'],
    ]);
  });

  it('does not take bold field names in a news page for speakers', () => {
    const page = `<!DOCTYPE html><html><body>
<p><strong>Update:</strong> The council vote moved to Thursday.</p>
<p>Mayor Ilse Brandt said the delay was "a matter of days".</p>
<p><strong>Correction:</strong> An earlier version misspelled the harbour's name.</p>
</body></html>`;
    expect(htmlReader.read(page, 'news.html').blocks).toEqual([]);
  });

  it('leaves a page without labels to the prose reader', () => {
    const page = '<!DOCTYPE html><html><body><p>The council met on Monday.</p></body></html>';
    expect(htmlReader.read(page, 'x.html').blocks).toEqual([]);
  });
});

const pieces = fc.constantFrom(
  '<!DOCTYPE html>',
  '<html>',
  '<head>',
  '</head>',
  '<title>',
  '</title>',
  '<script>',
  '</script>',
  '<div class="nav">',
  '</div>',
  '<p>',
  '</p>',
  '<strong>',
  '</strong>',
  '<b>',
  '</b>',
  'Mr. DOE',
  'Chairman ROE',
  ': ',
  '. ',
  '? ',
  '&amp;',
  '&#8217;',
  '&nbsp;',
  '&#x1F600;',
  '&bogus;',
  '<br/>',
  '<br/><br/>',
  '<!-- c -->',
  '\n',
  '\r\n',
  ' ',
  'We agreed',
  '<',
  '>',
  '&',
  '\u00ad',
);
const pages = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((xs) => xs.join(''));

describe('htmlReader on arbitrary pages', () => {
  it('never throws and every statement is the file text at its offsets', () => {
    fc.assert(
      fc.property(pages, (page) => {
        const read = htmlReader.read(page, 'x.html');
        for (const b of read.blocks) {
          expect(b.start).toBeLessThan(b.end);
          expect(b.line).toBeGreaterThan(0);
        }
        const r = parseReport(page, 'x.html');
        for (const s of r.statements) expect(page.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });
});
