// A fictional committee call in the FOMC style: `CHAIR VARGA.` labels in hard-wrapped text, a
// title block, a PRESENT list and page furniture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import { committeeTranscriptReader } from '../../../src/corpus/readers/committee-transcript.js';

const FILE = 'harbour-rates-call.txt';
const TEXT = readFileSync(
  join(import.meta.dirname, '..', '..', 'fixtures', 'transcripts', FILE),
  'utf8',
);

describe('committee transcripts', () => {
  const r = parseReport(TEXT, FILE);

  it('is read by the committee reader', () => {
    expect(committeeTranscriptReader.accepts(TEXT, FILE)).toBe(true);
    expect(committeeTranscriptReader.read(TEXT, FILE).reader).toBe('committee-transcript');
  });

  it('takes the title and the date from the title block, not from the extraction stamp', () => {
    expect(r.title).toBe('Harbour Rates Committee Conference Call');
    expect(r.date).toBe('2021-03-10');
  });

  it('gives each turn and each paragraph to its speaker, in order', () => {
    expect(
      r.statements.map((s) => `${s.speaker}: ${s.text.split(/\s+/).slice(0, 4).join(' ')}`),
    ).toEqual([
      'Varga: Good morning, everyone. The',
      // the transcriber's unsure label is still a turn
      'Speaker: Yes.',
      'Varga: Thank you. Let me',
      // a new paragraph: the line before it ends a sentence with room left on it
      'Varga: Either way the port',
      'Quill: The minutes of the',
      // cut off without a dash: still a turn, since the file uses this label for turns
      'Varga: Which we have now.',
      'Okafor: I have the figures',
      // the page break splits the paragraph rather than quoting the running head
      'Okafor: still need the reserve.',
      'Varga: So we raise it',
      'Lindqvist: None from me.',
      // several voices at once: a group's turn, no one person's
      'null: Agreed, agreed.',
    ]);
  });

  it('reads capitals after an unfinished line as text, not as a label', () => {
    const varga = r.statements.find((s) => s.text.startsWith('Either way'));
    expect(varga?.text).toMatch(/by the\nPORT AUTHORITY\. After that we only set the rate\.$/);
    expect(r.speakers.map((s) => s.name)).not.toContain('Port Authority');
  });

  it('lists the people present who never speak, once each', () => {
    expect(r.speakers.map((s) => s.name)).toEqual([
      'Varga',
      'Speaker',
      'Quill',
      'Okafor',
      'Lindqvist',
    ]);
    // Brandt's only turn is a note pointing to the appendix: he says nothing in the call itself
    expect(r.present.map((p) => p.name)).toEqual(['Brandt', 'Dube', 'Sato', 'Prell', 'Truman']);
  });

  it('gives a speaker the office the list gives them', () => {
    expect(r.speakers.find((s) => s.name === 'Quill')?.role).toBe('Secretary');
  });

  it('stops at the end of the call: an appendix after it is not a turn', () => {
    expect(r.statements.some((s) => s.text.includes('since 2015'))).toBe(false);
  });

  it('takes a title block in mixed case, the date under it', () => {
    const mixed = TEXT.replace(
      'HARBOUR RATES COMMITTEE CONFERENCE CALL',
      'Meeting of the Harbour Rates Committee',
    );
    expect(parseReport(mixed, FILE).title).toBe('Meeting of the Harbour Rates Committee');
  });

  it('joins a title in capitals set over two lines', () => {
    const split = TEXT.replace(
      'HARBOUR RATES COMMITTEE CONFERENCE CALL',
      'HARBOUR RATES COMMITTEE\nCONFERENCE CALL',
    );
    expect(parseReport(split, FILE).title).toBe('Harbour Rates Committee Conference Call');
  });

  it('never takes page furniture or the front matter for speech', () => {
    for (const s of r.statements) {
      expect(s.text).not.toMatch(
        /Page|March 10|-2-|Extracted|PRESENT|Prefatory|TRANSCRIPT|Secretary's note/,
      );
      expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('leaves colon-labelled transcripts and news reports to other readers', () => {
    const colons = [
      'MS. VARGA: Good morning. We have one item.',
      'MR. OKAFOR: I have the figures. MR. DUBE. He agrees.',
      'MS. VARGA: Then we raise it. MR. SATO. Objects.',
      'MR. OKAFOR: Noted.',
    ].join('\n');
    expect(committeeTranscriptReader.accepts(colons, 'call.txt')).toBe(false);
    const news =
      'PORT ALDER. The harbour board met on Monday.\n\nMayor Varga said the levy would rise.\n';
    expect(committeeTranscriptReader.accepts(news, 'news.txt')).toBe(false);
  });
});
