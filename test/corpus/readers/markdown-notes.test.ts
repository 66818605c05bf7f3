// The Markdown meeting-notes reader: labelled bullets, attendance list, sub-bullets, action items,
// paraphrase bullets, headings as topics, and which .md files it leaves to the prose reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/corpus/parse.js';
import { markdownNotesReader } from '../../../src/corpus/readers/markdown-notes.js';
import { readStructured } from '../../../src/corpus/readers/index.js';

const NOTES = `# Lantern Project Sync 2024-05-02

## Links

* **Recording**: <https://example.org/rec/42>
* **Issue**: <https://example.org/issues/7>

## Attendees

* Ana Lima (@analima) (Chair)
* Ben Okoro (@bokoro)
* Chidi Eze
* Dana Park (Observer)
* Eli Stone

## Agenda

* Release plan [#12](https://example.org/issues/12)
* Docs site

## Standup

* Ana Lima: Tidied the release branch, reviewed two plugins.
* Dana Park: Conference.

## Minutes

### Release plan [#12](https://example.org/issues/12)

* Ana: we should cut the release candidate next week,
  once the plugin tests pass.
  * the last blocker is the Windows build
- @bokoro: I can take the Windows build, it fails on paths only.
* CE: what about the changelog? Nobody has written it.
* Ben reiterated that the paths fix is small.
* Discussed whether to ship the plugins separately.
* Ana to open an issue for the changelog.

### Docs site

* Chidi: the docs site still points at the old domain.
* Rod Hale commented that the redirect needs a month.

## Action items

* Ben: fix the Windows paths before Friday
* Chidi: update the docs domain
`;

describe('markdownNotesReader', () => {
  it('takes notes by their shape, whatever the extension', () => {
    expect(readStructured(NOTES, 'sync.md')?.reader).toBe('markdown-notes');
    expect(readStructured(NOTES, 'sync.txt')?.reader).toBe('markdown-notes');
  });

  it('leaves a briefing in Markdown (front matter and prose) to the prose reader', () => {
    const briefing = `---
title: "Press briefing by the spokesperson"
date: '2023-04-05'
---

MS. LARK:  Good afternoon.  A few notes before questions.

* The minister travels on Monday.
* She meets the port workers on Tuesday.

Q:  Thank you.  On the port strike:  will she meet the union?

MS. LARK:  She will.
`;
    expect(markdownNotesReader.accepts(briefing, 'briefing.md')).toBe(false);
  });

  it('names one person per person: first names, handles and initials resolve to full names', () => {
    const r = parseReport(NOTES, 'sync.md');
    expect(r.speakers.map((s) => s.name)).toEqual([
      'Ana Lima',
      'Dana Park',
      'Ben Okoro',
      'Chidi Eze',
      'Rod Hale',
    ]);
    expect(r.present.map((p) => p.name)).toEqual(['Eli Stone']);
    expect(r.title).toBe('Lantern Project Sync 2024-05-02');
    expect(r.date).toBe('2024-05-02');
  });

  it('reads speech in order, sub-bullets with the speaker above, and no furniture or action items', () => {
    const r = parseReport(NOTES, 'sync.md');
    const said = r.statements
      .filter((s) => s.speaker)
      .map((s) => [s.speaker, s.kind, s.text.split(/\s+/).slice(0, 4).join(' ')]);
    expect(said).toEqual([
      ['Ana Lima', 'turn', 'Tidied the release branch,'],
      ['Dana Park', 'turn', 'Dana Park: Conference.'],
      ['Ana Lima', 'turn', 'we should cut the'],
      ['Ana Lima', 'turn', 'the last blocker is'],
      ['Ben Okoro', 'turn', 'I can take the'],
      ['Chidi Eze', 'turn', 'what about the changelog?'],
      ['Ben Okoro', 'paraphrase', 'Ben reiterated that the'],
      ['Chidi Eze', 'turn', 'the docs site still'],
      ['Rod Hale', 'paraphrase', 'Rod Hale commented that'],
    ]);
    const all = r.statements.map((s) => s.text).join('\n');
    expect(all).not.toMatch(
      /Recording|Ana Lima \(@analima\)|Release plan \[|open an issue|fix the Windows|update the docs/,
    );
  });

  it('keeps a group note as a statement with no speaker, and the heading as its topic', () => {
    const r = parseReport(NOTES, 'sync.md');
    const group = r.statements.find((s) => s.text.startsWith('Discussed whether'));
    expect(group?.speaker).toBeNull();
    const chidi = r.statements.find((s) => s.text.startsWith('the docs site'));
    expect(chidi?.context).toBe('Docs site');
  });

  it('reads "Present:" and "Action items:" lines as headings of the lists below them', () => {
    const notes = `# Infra call 2025-02-11

Present:
* Ana Lima (@ana)
* Ben Okoro (@ben)
* Chidi Eze

Notes:
* Ana: the mirror is down again since Sunday.
* @ben: I restarted it twice, the disk is full.
* CE: we could move it to the new host.

Action items:
* Ben: move the mirror to the new host
* Chidi to write the migration doc
`;
    const r = parseReport(notes, 'infra.md');
    expect(r.statements.map((s) => [s.speaker, s.text])).toEqual([
      ['Ana Lima', 'the mirror is down again since Sunday.'],
      ['Ben Okoro', 'I restarted it twice, the disk is full.'],
      ['Chidi Eze', 'we could move it to the new host.'],
    ]);
    expect(r.present).toEqual([]);
  });

  it('cuts every statement out of the file as written', () => {
    const r = parseReport(NOTES, 'sync.md');
    for (const s of r.statements) expect(NOTES.slice(s.start, s.end)).toBe(s.text);
    const ana = r.statements.find((s) => s.text.startsWith('we should cut'));
    expect(ana?.text).toBe(
      'we should cut the release candidate next week,\n  once the plugin tests pass.',
    );
  });
});

const pieces = fc.constantFrom(
  '# Sync 2024-01-02\n',
  '## Attendees\n',
  '## Action items\n',
  '### Topic\n',
  '* ',
  '- ',
  '  * ',
  '1. ',
  'Ana Lima (@ana)\n',
  'Ana: ',
  '@ana: ',
  'AL: ',
  '**Ana**: ',
  'Ana to open an issue\n',
  'Ben commented that ',
  'we agreed to wait\n',
  '---\n',
  'title: x\n',
  '\n',
  '\r\n',
  ':',
  ' ',
);
const notes = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((xs) => xs.join(''));

describe('markdownNotesReader on arbitrary notes', () => {
  it('never throws and every statement is the file text at its offsets', () => {
    fc.assert(
      fc.property(notes, (text) => {
        const read = markdownNotesReader.read(text, 'x.md');
        for (const b of read.blocks) {
          expect(b.start).toBeLessThan(b.end);
          expect(b.line).toBeGreaterThan(0);
        }
        markdownNotesReader.accepts(text, 'x.md');
        const r = parseReport(text, 'x.md');
        for (const s of r.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });
});
