// Laying out a PDF's positioned text: furniture is only what sits at a page's edge (a page
// number, or a line that recurs in the same place on most pages); speech is never dropped.
import { describe, expect, it } from 'vitest';
import { layOutPdf } from '../../../src/corpus/extract/pdf-layout.js';
import type { PdfItem, PdfPage } from '../../../src/corpus/extract/pdf-layout.js';

/** A page of single-spaced lines from the top (y 700) down; `null` leaves a blank line. */
function page(lines: (string | null)[], extra: PdfItem[] = []): PdfPage {
  const items: PdfItem[] = [];
  let y = 700;
  for (const l of lines) {
    if (l !== null) items.push({ str: l, x: 72, y, width: l.length * 5.5, size: 11, eol: true });
    y -= 14;
  }
  return { height: 792, items: [...items, ...extra] };
}

const at = (str: string, y: number): PdfItem => ({ str, x: 290, y, width: 40, size: 9, eol: true });

describe('layOutPdf', () => {
  it('keeps speech that recurs on every page, inside the page or as a turn at its edge', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        `CHAIR: Item ${n} is next.`,
        null,
        'The motion was carried.',
        null,
        `CHAIR: Item ${n} is closed.`,
      ]),
    );
    const text = layOutPdf(pages).text;
    // In the middle of each page: never an edge line.
    expect(text.match(/The motion was carried\./g)).toHaveLength(3);
    // At the top and bottom of each page, in the same place: turns, so still speech.
    expect(text.match(/CHAIR: Item \d is next\./g)).toHaveLength(3);
    expect(text.match(/CHAIR: Item \d is closed\./g)).toHaveLength(3);
  });

  it('keeps the first line of a one-page record, and an edge line that moves from page to page', () => {
    expect(layOutPdf([page(['Harbour Board', null, 'CHAIR: We begin.'])]).text).toBe(
      'Harbour Board\n\nCHAIR: We begin.\n',
    );
    const moving = [
      page(['MS OKAFOR: Agreed.', null, 'CHAIR: Next.']),
      page([null, null, null, 'MS OKAFOR: Agreed.', null, 'CHAIR: Done.']),
    ];
    expect(layOutPdf(moving).text.match(/Agreed/g)).toHaveLength(2);
  });

  it('drops page numbers at the top or the bottom whatever their form, and only there', () => {
    const forms = ['Page 2 of 9', '- 2 -', '2', '2/9', 'p. 2', 'ii'];
    for (const form of forms) {
      const res = layOutPdf([page(['CHAIR: We begin with page 2 of the plan.'], [at(form, 40)])]);
      expect(res.text, form).toBe('CHAIR: We begin with page 2 of the plan.\n');
      expect(res.furniture, form).toBe(1);
    }
  });

  it('joins hard-wrapped lines and ends a paragraph at a gap, an indent or a new label', () => {
    const res = layOutPdf([
      page([
        'CHAIR: The dredging contract is the first item and the',
        'board has the tender before it.',
        'MR VANCE: The cost is well-',
        'known to all of us.',
        null,
        'The clerk read the tender aloud.',
      ]),
    ]);
    expect(res.text.split('\n\n')).toEqual([
      'CHAIR: The dredging contract is the first item and the board has the tender before it.',
      'MR VANCE: The cost is well-known to all of us.',
      'The clerk read the tender aloud.\n',
    ]);
  });

  it('keeps a label in capitals alone on its line apart from the speech under it', () => {
    const res = layOutPdf([
      page([
        'MS OKAFOR',
        'The early crossing should stay. Commuters rely on it every single',
        'morning of the week.',
        'MR VANCE',
        'It costs twice what it did.',
      ]),
    ]);
    expect(res.text.split('\n\n')).toEqual([
      'MS OKAFOR',
      'The early crossing should stay. Commuters rely on it every single morning of the week.',
      'MR VANCE',
      'It costs twice what it did.\n',
    ]);
  });

  it('spaces words drawn as separate pieces, but not the kerned pieces of one word', () => {
    const piece = (str: string, x: number, width: number): PdfItem => ({
      str,
      x,
      y: 700,
      width,
      size: 10,
      eol: false,
    });
    const res = layOutPdf([
      {
        height: 792,
        items: [
          piece('CHAIR:', 72, 30),
          piece('The', 105, 16),
          piece('har', 124, 15),
          piece('bour', 139.4, 20),
          piece(' ', 159.4, 3),
          piece('closes.', 162.4, 30),
        ],
      },
    ]);
    expect(res.text).toBe('CHAIR: The harbour closes.\n');
  });

  it('names the pages that hold no text', () => {
    const res = layOutPdf([page(['CHAIR: We begin the meeting now.']), page([], [at('2', 40)])]);
    expect(res.emptyPages).toEqual([2]);
  });
});
