// The views' own Markdown escaping (src/answers/format.ts, outside src/discord) against
// discord.js: it escapes at least everything discord.js escapes, and Discord shows the text back
// exactly as written.
import { escapeMarkdown as discordEscape } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  formatCitation,
  formatMeetingLabel,
  meetingTitle,
  plainText,
  shown,
  unescapeMarkdown,
} from '../../src/answers/format.js';
import { truncateText } from '../../src/discord/render.js';

/** The positions of `original` that `escaped` puts a backslash before. */
function escapedPositions(original: string, escaped: string): Set<number> {
  const at = new Set<number>();
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    if (escaped[j] === '\\' && original[i] !== '\\' && escaped[j + 1] === original[i]) {
      at.add(i);
      j++;
    }
    j++;
  }
  return at;
}

const MARKDOWN = fc.string({
  unit: fc.constantFrom(...'*_~|`[]()<>#-+.1 \nab:/@'.split('')),
  maxLength: 60,
});

describe('escapeMarkdown', () => {
  it('escapes everything discord.js escapes', () => {
    fc.assert(
      fc.property(MARKDOWN, (text) => {
        const ours = escapedPositions(text, escapeMarkdown(text));
        for (const i of escapedPositions(text, discordEscape(text))) {
          expect(ours.has(i), `position ${i} of ${JSON.stringify(text)}`).toBe(true);
        }
      }),
    );
  });

  it('shows back exactly the text it was given, backslashes included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
      }),
    );
    expect(escapeMarkdown('C:\\*not bold*')).toBe('C:\\\\\\*not bold\\*');
  });

  it('escapes the formatting a record or a question can carry', () => {
    expect(escapeMarkdown('The *harbour* fee stays, the ~~old~~ ferry goes')).toBe(
      'The \\*harbour\\* fee stays, the \\~\\~old\\~\\~ ferry goes',
    );
    expect(escapeMarkdown('**bold** ||spoiler|| [link](https://x.example) <@123>')).toBe(
      '\\*\\*bold\\*\\* \\|\\|spoiler\\|\\| \\[link\\]\\(https://x.example\\) \\<@123\\>',
    );
    expect(escapeMarkdown('# Heading\n- item\n1. first\n> quote')).toBe(
      '\\# Heading\n\\- item\n1\\. first\n\\> quote',
    );
    // Hyphens and full stops inside a sentence are not Markdown.
    expect(escapeMarkdown('a well-known fact. 1. no')).toBe('a well-known fact. 1. no');
  });
});

describe('plainText', () => {
  it('drops bidi overrides, control characters and terminal escapes, keeping the words', () => {
    expect(plainText('evil\u202eoh\u202c \u2066x\u2069')).toBe('eviloh x');
    expect(plainText('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(plainText('\u001b[31mred\u001b[0m \u001b]0;title\u0007done \u009b2Jx')).toBe(
      'red done x',
    );
  });

  it('shown clips before escaping, so no escape is cut in half and the escaped text fits', () => {
    expect(shown('one *two* three four five six', 20)).toBe('one \\*two\\* three…');
    expect(shown('one *two* three four five six', 16)).toBe('one \\*two\\*…');
  });
});

describe('citations and meeting labels', () => {
  it('name the file inside the corpus folder and link an http(s) source only', () => {
    const meeting = {
      id: 'harbour/2026-05-02_board.txt',
      source: 'https://example.org/a (b)',
    };
    expect(formatCitation({ paragraph: 2, time: '00:12:31' }, meeting)).toBe(
      '¶2 of harbour/2026-05-02\\_board.txt, at 00:12:31 · [source](https://example.org/a%20%28b%29)',
    );
    expect(formatCitation({ paragraph: 2 }, { id: 'a.txt', source: 'javascript:alert(1)' })).toBe(
      '¶2 of a.txt',
    );
  });

  it('title a meeting without a title by its file name, never by a path', () => {
    expect(meetingTitle({ title: null, id: 'harbour/2026-05-02-harbour.txt' })).toBe(
      'Harbour, 2 May 2026',
    );
    expect(
      formatMeetingLabel({ title: '**Board** ||x||', date: '2026-05-02', id: 'board.txt' }),
    ).toBe('2026-05-02 — \\*\\*Board\\*\\* \\|\\|x\\|\\|');
  });
});

describe('the renderer cutting escaped text', () => {
  it('never leaves a lone escaping backslash before its "…"', () => {
    fc.assert(
      fc.property(MARKDOWN, fc.integer({ min: 2, max: 60 }), (text, max) => {
        const out = truncateText(escapeMarkdown(text), max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (out.endsWith('…')) expect(/(?:^|[^\\])(?:\\\\)*\\…$/u.test(out)).toBe(false);
      }),
    );
  });
});
