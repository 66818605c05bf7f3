// Corpus-wide speakers: one person per canonical name across reports, and the owner's speakers file.
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build.js';
import { parseReport } from '../../src/corpus/parse.js';
import { parseSpeakersFile } from '../../src/corpus/speakers-file.js';

const newer = parseReport(
  'Premier Anika Lindqvist met Mayor Elena Varga.\n\nPremier Anika Lindqvist said, “The rail link comes first.”\n\nLindqvist noted that the budget was tight.\n',
  '2022-05-01-rail.txt',
);
const older = parseReport(
  'Premier Anika Lindquist visited Port Alder.\n\nLindquist said, “We will be back.”\n',
  '2019-01-01-visit.txt',
);
const transcript = parseReport(
  'PREMIER LINDQVIST: Good evening.\n\nMAYOR VARGA: Welcome back.\n',
  '2023-01-01-dinner.txt',
);

describe('buildCorpus', () => {
  it('merges a misspelt surname and a bare surname into the one canonical speaker', () => {
    const c = buildCorpus([newer, older, transcript]);
    const lind = c.speakers.filter((s) => /Lindq/.test(s.name));
    expect(lind.map((s) => s.name)).toEqual(['Anika Lindqvist']);
    expect(lind[0]?.aliases).toEqual(
      expect.arrayContaining(['Anika Lindquist', 'Lindqvist', 'PREMIER LINDQVIST']),
    );
    expect(c.statements.map((s) => s.speaker)).toEqual([
      'Anika Lindqvist',
      'Anika Lindqvist',
      'Anika Lindqvist',
      'Anika Lindqvist',
      'Elena Varga',
    ]);
  });

  it('makes the questioners of every report one generic speaker "Q", apart from any person', () => {
    const a = parseReport(
      'MAYOR VARGA: The ferry runs again.\n\nQ Will fares rise?\n\nMAYOR VARGA: No.\n',
      'a.txt',
    );
    const b = parseReport(
      'JUDGE QUINN: Court is open.\n\nQUESTION: Is the hearing public?\n\nAIDE: It is.\n',
      'b.txt',
    );
    const c = buildCorpus([a, b]);
    expect(c.speakers.filter((s) => s.generic).map((s) => s.name)).toEqual(['Q', 'Aide']);
    expect(c.speakers.find((s) => s.name === 'Quinn')?.generic).toBeUndefined();
    expect(c.speakers.find((s) => s.name === 'Varga')?.generic).toBeUndefined();
    expect(c.statements.filter((s) => s.speaker === 'Q').map((s) => s.text)).toEqual([
      'Will fares rise?',
      'Is the hearing public?',
    ]);
  });

  it('keeps different people with the same surname apart', () => {
    const a = parseReport('Mayor Elena Varga said, “Yes.”\n', 'a.txt');
    const b = parseReport('Judge Marta Varga said, “No.”\n', 'b.txt');
    const c = buildCorpus([a, b]);
    expect(c.speakers.map((s) => s.name).sort()).toEqual(['Elena Varga', 'Marta Varga']);
  });

  it('gives meetings and statements stable ids and canonical speakers', () => {
    const c = buildCorpus([newer, older]);
    expect(c.meetings.map((m) => m.id)).toEqual(['2022-05-01-rail.txt', '2019-01-01-visit.txt']);
    expect(c.statements[0]?.id).toBe('2022-05-01-rail.txt#0');
    expect(c.meetings[1]?.speakers).toEqual(['Anika Lindqvist']);
    expect(c.meetings[0]?.present).toEqual(['Elena Varga']);
  });

  it('lets speakers.yml rename, merge and give roles', () => {
    const { data, problems } = parseSpeakersFile(
      'speakers:\n  - name: Anika Lindqvist-Berg\n    aliases: [Anika Lindqvist, Anika Lindquist]\n    role: Premier of Northvale\nrename:\n  Varga: Elena Varga\n',
    );
    expect(problems).toEqual([]);
    const c = buildCorpus([newer, older, transcript], { speakersFile: data });
    const lind = c.speakers.find((s) => s.name === 'Anika Lindqvist-Berg');
    expect(lind?.role).toBe('Premier of Northvale');
    expect(c.statements.filter((s) => s.speaker === 'Anika Lindqvist-Berg')).toHaveLength(4);
    expect(c.meetings[2]?.speakers).toEqual(['Anika Lindqvist-Berg', 'Elena Varga']);
  });

  it('warns about two files that describe the same meeting, and keeps both', () => {
    const copy = parseReport(newer.text, 'copy-of-rail.txt');
    const c = buildCorpus([newer, copy]);
    expect(c.meetings).toHaveLength(2);
    expect(c.warnings).toEqual([
      {
        file: 'copy-of-rail.txt',
        line: 1,
        message:
          'seems to describe the same meeting as 2022-05-01-rail.txt (same text); both are kept',
      },
    ]);
  });

  it('reports a broken speakers file instead of failing', () => {
    const { data, problems } = parseSpeakersFile('speakers: [unclosed\n');
    expect(data.speakers).toEqual([]);
    expect(problems[0]?.message).toMatch(/not valid YAML/);
  });
});
