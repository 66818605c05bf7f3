// Titles and dates from a file's name, for records that state none: readable, never a path.
import { describe, expect, it } from 'vitest';
import { dateFromFileName, titleFromFileName } from '../../src/corpus/file-name.js';

describe('titleFromFileName', () => {
  it('reads a dated name as words and a date', () => {
    expect(titleFromFileName('/srv/bot/corpus/2026-05-02-harbour.txt')).toBe('Harbour, 2 May 2026');
    expect(titleFromFileName('2026-05-02_ferry_board.vtt')).toBe('Ferry board, 2 May 2026');
  });

  it('keeps an undated name as words, without the folder or extension', () => {
    expect(titleFromFileName('calls/dev-sync-week-12.srt')).toBe('Dev sync week 12');
  });

  it('is the date alone when the name holds nothing else, and null when it holds no words', () => {
    expect(titleFromFileName('2026-05-02.md')).toBe('2 May 2026');
    expect(titleFromFileName('0042.txt')).toBe(null);
  });

  it('takes only a real date from the name', () => {
    expect(dateFromFileName('2026-02-30-x.txt')).toBe(null);
    expect(dateFromFileName('dir/2026-02-03-x.txt')).toBe('2026-02-03');
  });
});

describe('a date at the end of the name (as Word users name files)', () => {
  it('reads "Harbour Board 2026-05-02.docx" as the board and the date', () => {
    expect(dateFromFileName('minutes/Harbour Board 2026-05-02.docx')).toBe('2026-05-02');
    expect(titleFromFileName('minutes/Harbour Board 2026-05-02.docx')).toBe(
      'Harbour Board, 2 May 2026',
    );
    expect(titleFromFileName('ferry_board_2026-05-02.pdf')).toBe('Ferry board, 2 May 2026');
  });

  it('takes no date glued to other digits or that is not real', () => {
    expect(dateFromFileName('build12026-05-02.txt')).toBe(null);
    expect(dateFromFileName('Harbour 2026-02-30.docx')).toBe(null);
  });
});
