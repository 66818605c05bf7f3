// What the parser reads in small fictional reports: who says what, in which form, and where.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/corpus/parse.js';
import type { ParsedReport } from '../../src/corpus/parse.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'corpus');
// Kept apart from the corpus fixtures, whose counts the corpus check test asserts.
const ROLE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'roles');

function parseFixture(name: string, dir = FIXTURES): ParsedReport {
  return parseReport(readFileSync(join(dir, name), 'utf8'), name);
}

function summary(r: ParsedReport): string[] {
  return r.statements.map(
    (s) => `${s.kind} ${s.speaker ?? '-'}: ${s.text.split(' ').slice(0, 4).join(' ')}`,
  );
}

describe('news-style reports', () => {
  const r = parseFixture('2021-03-03-harbour-board.txt');

  it('reads the headline and the date in the lead', () => {
    expect(r.title).toBe('Mayor Varga: the harbour must stay public');
    expect(r.date).toBe('2021-03-03');
  });

  it('attributes quotes and reported speech to the person speaking, never to the one addressed', () => {
    expect(summary(r)).toEqual([
      'paraphrase Elena Varga: Meeting the board members,',
      'quote Elena Varga: The harbour belongs to',
      'paraphrase Elena Varga: She went on to',
      'quote Elena Varga: We will not cut',
      'quote Elena Varga: Every pier will be',
      'paraphrase Tom Okafor: Councillor Okafor, for his',
      'quote Tom Okafor: We have to find',
    ]);
  });

  it('keeps the sentence that introduces a quote as its context', () => {
    const q = r.statements.find((s) => s.text.startsWith('The harbour belongs'));
    expect(q?.context).toBe(
      'Addressing Councillor Tom Okafor, who chairs the finance committee, Ms. Varga noted,',
    );
    expect(r.statements.find((s) => s.text.startsWith('We have to find'))?.context).toBe(
      'Okafor said.',
    );
  });

  it('gives a quote that runs over two paragraphs one statement per paragraph, same speaker and context', () => {
    const [a, b] = r.statements
      .filter((s) => s.kind === 'quote' && s.speaker === 'Elena Varga')
      .slice(1);
    expect(a?.paragraph).toBe(7);
    expect(b?.paragraph).toBe(8);
    expect(b?.context).toBe(a?.context);
  });

  it('records people present who say nothing, with their role', () => {
    expect(r.present.map((p) => [p.name, p.role])).toEqual([['Ruth Amsel', 'Deputy Mayor']]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Elena Varga', 'Tom Okafor']);
  });

  it('collects the aliases and the fullest role the report gives', () => {
    const varga = r.speakers.find((s) => s.name === 'Elena Varga');
    expect(varga?.role).toBe('Mayor of Port Alder');
    expect(varga?.aliases).toEqual(expect.arrayContaining(['Varga', 'Ms. Varga', 'the Mayor']));
  });

  it('keeps offsets and paragraph numbers that point at the exact text', () => {
    const text = readFileSync(join(FIXTURES, '2021-03-03-harbour-board.txt'), 'utf8');
    const paras = text.split('\n').filter((l) => l.trim() !== '');
    for (const s of r.statements) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(paras[s.paragraph - 1]).toContain(s.text);
    }
  });
});

describe('transcripts', () => {
  const r = parseFixture('budget-remarks.txt');

  it('makes one turn per paragraph after a speaker label, without stage notes or time stamps', () => {
    expect(summary(r)).toEqual([
      'turn Varga: Good morning, everyone.',
      'turn Varga: Thank you for coming.',
      'turn Lindqvist: Thank you, Elena. It',
      'turn Lindqvist: We have a lot',
      'turn Varga: We will.',
      'turn Q: Premier, will the province',
      'turn Lindqvist: We will pay our',
      'turn Aide: Thank you, press.',
    ]);
  });

  it('reads "MAYOR VARGA" as the person Varga with the role Mayor', () => {
    expect(r.speakers[0]).toEqual({ name: 'Varga', aliases: ['MAYOR VARGA'], role: 'Mayor' });
  });

  it('takes the title and date from the header, not the place lines', () => {
    expect(r.title).toBe('Remarks by Mayor Varga and Premier Lindqvist Before the Budget Meeting');
    expect(r.date).toBe('2022-10-04');
  });
});

describe('mixed reports with page noise', () => {
  const r = parseFixture('chancellor-visit.txt');

  it('skips site menus, reads narration as no statement, then the turns', () => {
    expect(r.title).toBe('Meeting with Chancellor of Brightwater Mira Holt');
    expect(r.date).toBe('2023-06-13');
    expect(summary(r)).toEqual([
      'turn Elena Varga: Madam Chancellor, welcome to',
      'turn Elena Varga: I hope your stay',
      'turn Mira Holt: Thank you, Madam Mayor.',
      'turn Mira Holt: Our cities have worked',
      'turn Elena Varga: I fully agree.',
    ]);
  });

  it('warns when the report is cut off mid-sentence and keeps only whole sentences', () => {
    expect(r.warnings).toEqual([
      {
        line: 24,
        message: 'the report seems cut off mid-sentence; the unfinished sentence is left out',
      },
    ]);
  });

  it('reads a label with a translation note as the person', () => {
    expect(r.speakers.find((s) => s.name === 'Mira Holt')?.role).toBe('Chancellor of Brightwater');
  });
});

describe('Markdown with front matter', () => {
  const r = parseFixture('works-committee.md');

  it('lets the front matter win for title, date, source, names and roles', () => {
    expect(r.title).toBe('Works Committee, February session');
    expect(r.date).toBe('2023-02-01');
    expect(r.source).toBe('https://example.org/works/2023-02');
    expect(summary(r)).toEqual([
      'quote Viktor Hale: The bridge will reopen',
      'paraphrase Ines Moreau: Senator Moreau asked whether',
      'paraphrase Viktor Hale: Hale replied that they',
    ]);
    expect(r.speakers.find((s) => s.name === 'Viktor Hale')?.role).toBe(
      'Commissioner of Public Works',
    );
  });

  it('numbers paragraphs from the top of the file, front matter included', () => {
    const text = readFileSync(join(FIXTURES, 'works-committee.md'), 'utf8');
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(r.statements.map((s) => s.paragraph)).toEqual([15, 16, 16]);
    for (const s of r.statements) expect(lines[s.paragraph - 1]).toContain(s.text);
  });

  it('lists participants who say nothing as present', () => {
    expect(r.present.map((p) => p.name)).toEqual(['Sam Ortiz']);
  });
});

describe('smaller rules', () => {
  it('does not attribute to someone merely mentioned in the sentence', () => {
    const r = parseReport(
      'During the talks, which were also attended by Premier Anika Lindqvist, Mayor Elena Varga said, “The river is our road.”\n',
      'x.txt',
    );
    expect(r.statements.map((s) => s.speaker)).toEqual(['Elena Varga']);
    expect(r.present.map((p) => p.name)).toEqual(['Anika Lindqvist']);
  });

  it('resolves a pronoun to the person the report is talking about', () => {
    const r = parseReport(
      'Councillor Tom Okafor met the press.\n\nHe stressed that the vote would be held in June.\n',
      'x.txt',
    );
    expect(r.statements.map((s) => [s.kind, s.speaker])).toEqual([['paraphrase', 'Tom Okafor']]);
  });

  it('treats narration as no statement', () => {
    const r = parseReport(
      'Mayor Elena Varga received Councillor Tom Okafor at City Hall on Monday.\n',
      'x.txt',
    );
    expect(r.statements).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'no statements found (no quotations, reported speech or transcript turns)',
    ]);
  });

  it('reads "X said:" followed by a quoted paragraph as that person\'s quote', () => {
    const r = parseReport('Mayor Elena Varga said:\n\n“The harbour stays public.”\n', 'x.txt');
    expect(r.statements.map((s) => [s.kind, s.speaker, s.text, s.context])).toEqual([
      ['quote', 'Elena Varga', 'The harbour stays public.', 'Mayor Elena Varga said:'],
    ]);
  });

  it('warns about a quotation that is never closed and about a report cut off mid-quote', () => {
    const unbalanced = parseReport(
      'Mayor Elena Varga said, “We will build it.\n\nThe council adjourned at noon.\n',
      'x.txt',
    );
    expect(unbalanced.warnings).toContainEqual({
      line: 1,
      message: 'unbalanced quotation marks: a quotation opened here is never closed',
    });
    const cut = parseReport('Mayor Elena Varga said, “We will build it and we will', 'x.txt');
    expect(cut.warnings.map((w) => w.message)).toContain(
      'the report seems cut off mid-quote: a quotation is never closed',
    );
  });

  it('takes the date from a YYYY-MM-DD file name when the text has none', () => {
    expect(parseReport('MAYOR VARGA: Welcome.\n', 'reports/2020-02-29-session.txt').date).toBe(
      '2020-02-29',
    );
    expect(parseReport('MAYOR VARGA: Welcome.\n', 'session.txt').date).toBeNull();
  });

  it('warns about empty and binary files instead of failing', () => {
    expect(parseReport('  \n\n', 'empty.txt').warnings).toEqual([
      { line: 0, message: 'empty file: nothing to read' },
    ]);
    const bin = parseReport('\u0000\u0001\u0002PNG\u0000\u0000', 'image.txt');
    expect(bin.statements).toEqual([]);
    expect(bin.warnings[0]?.message).toMatch(/binary/);
  });

  it('reads "THE PRESIDENT" as the president the report names without a qualifier', () => {
    const r = parseReport(
      'Remarks by President Lena Novak and President Jonas Berg of Westholm\n\nTHE PRESIDENT: Please sit down.\n\nPRESIDENT BERG: Thank you, Madam President.\n',
      'x.txt',
    );
    expect(r.statements.map((s) => s.speaker)).toEqual(['Lena Novak', 'Jonas Berg']);
  });

  it('reads "According to …" and "His Excellency said …" as reported speech', () => {
    const r = parseReport(
      'Mayor Elena Varga met the board on Friday. According to the Mayor, the harbour will stay public.\n\nReferring to the storms, Her Excellency said the piers held.\n',
      'x.txt',
    );
    expect(
      r.statements.map((s) => [s.kind, s.speaker, s.text.split(' ').slice(0, 3).join(' ')]),
    ).toEqual([
      ['paraphrase', 'Elena Varga', 'According to the'],
      ['paraphrase', 'Elena Varga', 'Referring to the'],
    ]);
  });

  it('goes back to reading news when a news paragraph follows a transcript', () => {
    const r = parseReport(
      'MAYOR VARGA: We start with the budget.\n\nCouncillor Tom Okafor later told reporters, “The budget is fine.”\n\nHe added that the vote would be in June.\n',
      'x.txt',
    );
    expect(r.statements.map((s) => [s.kind, s.speaker])).toEqual([
      ['turn', 'Varga'],
      ['quote', 'Tom Okafor'],
      ['paraphrase', 'Tom Okafor'],
    ]);
  });

  it('takes the words between two quotations as their context', () => {
    const r = parseReport(
      'Mayor Elena Varga opened the session.\n\n“We will,” she added, “and soon.”\n',
      'x.txt',
    );
    expect(r.statements.map((s) => [s.speaker, s.text, s.context])).toEqual([
      ['Elena Varga', 'We will', 'she added'],
      ['Elena Varga', 'and soon.', 'she added'],
    ]);
  });

  it('records the person a "Meeting with …" title names as present when they say nothing', () => {
    const r = parseReport(
      'Meeting with Governor of the Southern Reach Samuel Adeyemi\n\nJune 1, 2020\n\nPresident of Calderra Lena Novak: Welcome.\n',
      'x.txt',
    );
    expect(r.present.map((p) => [p.name, p.role])).toEqual([
      ['Samuel Adeyemi', 'Governor of the Southern Reach'],
    ]);
    expect(r.date).toBe('2020-06-01');
  });
});

describe('roles named by country or by an introductory phrase', () => {
  it('reads "In this meeting, the Chancellor … described …" as that person\'s reported speech', () => {
    const r = parseFixture('2022-09-14-river-accord.txt', ROLE_FIXTURES);
    expect(summary(r).slice(0, 3)).toEqual([
      'paraphrase Greta Lindqvist: In this meeting, the',
      'quote Greta Lindqvist: The river has never',
      'paraphrase Greta Lindqvist: She added that the',
    ]);
  });

  it('gives "the Norwegian Prime Minister" to the Prime Minister of Norway, not to a guest named just before', () => {
    const r = parseFixture('2022-09-14-river-accord.txt', ROLE_FIXTURES);
    expect(summary(r).slice(3)).toEqual([
      'quote Einar Halvorsen: Norway regards Valdoria as',
      'paraphrase Einar Halvorsen: The Norwegian premier also',
    ]);
    expect(r.present.map((p) => p.name)).toEqual(['Osei']);
    expect(r.present[0]?.aliases).not.toContain('the Norwegian Prime Minister');
  });

  it('matches demonyms, possessive country names and "premier" to the roles the report gave', () => {
    const r = parseFixture('2023-02-08-coastal-summit.txt', ROLE_FIXTURES);
    expect(summary(r)).toEqual([
      'paraphrase Kemal Aydin: The Turkish President said',
      "paraphrase Nimal Perera: Sri Lanka's president stressed",
      'paraphrase Samir Haddad: The Iraqi premier called',
      'paraphrase Nimal Perera: The Sri Lankan President',
    ]);
  });
});

describe('reporting verbs after a short aside', () => {
  it('reads "X in this meeting described", "X for his part hailed" and "the Kenyan leader described"', () => {
    const r = parseFixture('2019-05-02-kenya-visit.txt', ROLE_FIXTURES);
    expect(summary(r)).toEqual([
      'paraphrase Hadi Sarvestani: The Head of the',
      'paraphrase Daniel Mwangi: The Kenyan president on',
      'paraphrase Daniel Mwangi: President Mwangi for his',
      'paraphrase Hadi Sarvestani: Sheikh Sarvestani in turn',
      'paraphrase Daniel Mwangi: The Kenyan leader described',
    ]);
  });
});

describe('clean aliases', () => {
  it('keeps a role glued before an honorific out of the aliases, and keeps the role', () => {
    const r = parseReport(
      'Talks on the canal\n\nMarch 2, 2021\n\nSpeaker of the Northern Assembly Dame Mira Holt received Mayor Tom Okafor on Tuesday.\n\nDame Mira Holt said, "The canal will be dredged this year."\n\nThe Speaker of the Northern Assembly added that the locks would follow.\n',
      'x.txt',
    );
    const holt = r.speakers.find((s) => s.name === 'Mira Holt');
    expect(holt?.role).toBe('Speaker of the Northern Assembly');
    expect(holt?.aliases).toContain('Dame Mira Holt');
    expect(holt?.aliases).not.toContain('Speaker of the Northern Assembly Dame Mira Holt');
    expect(summary(r)).toEqual([
      'quote Mira Holt: The canal will be',
      'paraphrase Mira Holt: The Speaker of the',
    ]);
  });

  it('merges a title plus surname label with the full name the report gives', () => {
    const r = parseReport(
      'Harbour meeting\n\nMay 14, 2024\n\nMayor Elena Varga met Harbourmaster Piet Janssen at the pier.\n\nHARBOURMASTER JANSSEN: The night ferry stays.\n\nMAYOR VARGA: Good.\n',
      'x.txt',
    );
    expect(r.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Piet Janssen', 'Harbourmaster'],
      ['Elena Varga', 'Mayor'],
    ]);
  });
});

describe('transcript labels', () => {
  it('reads "Q" without a colon, followed by the question, as a turn', () => {
    const r = parseReport(
      'Press availability\n\nApril 24, 2014\n\nPRESIDENT VARGA: Thank you all.\n\nQ Madam President, a question on the ferry. Will fares rise?\n\nPRESIDENT VARGA: Not this year.\n',
      'x.txt',
    );
    expect(summary(r)).toEqual([
      'turn Varga: Thank you all.',
      'turn Q: Madam President, a question',
      'turn Varga: Not this year.',
    ]);
  });

  it('names every questioner label "Q", a generic speaker, and leaves "A" turns unnamed', () => {
    const r = parseReport(
      [
        'Press conference on the ferry',
        'May 2, 2026',
        'MAYOR VARGA: The ferry runs again from Monday.',
        'Q: Madam Mayor, what will a ticket cost?',
        'MAYOR VARGA: Two crowns, as before.',
        'QUESTION: And on Sundays?',
        'COUNCILLOR OKAFOR: Sundays stay free for children.',
        'Questioner: Is the pier safe?',
        'A: The inspectors said so last week.',
        'MAYOR VARGA: It is.',
      ].join('\n\n') + '\n',
      'ferry.txt',
    );
    expect(summary(r)).toEqual([
      'turn Varga: The ferry runs again',
      'turn Q: Madam Mayor, what will',
      'turn Varga: Two crowns, as before.',
      'turn Q: And on Sundays?',
      'turn Okafor: Sundays stay free for',
      'turn Q: Is the pier safe?',
      'turn -: The inspectors said so',
      'turn Varga: It is.',
    ]);
    const q = r.speakers.find((s) => s.name === 'Q');
    expect(q?.generic).toBe(true);
    expect(r.speakers.filter((s) => s.generic).map((s) => s.name)).toEqual(['Q']);
    expect(r.present).toEqual([]);
  });

  it('gives a "Q" label whose only text is a stage note no statement at all', () => {
    const r = parseReport(
      'Press availability\n\nApril 24, 2014\n\nPRESIDENT VARGA: Thank you all.\n\nQ (Cross-talk.)\n\nPRESIDENT VARGA: One at a time, please.\n',
      'x.txt',
    );
    expect(summary(r)).toEqual(['turn Varga: Thank you all.', 'turn Varga: One at a time,']);
    expect(r.speakers.map((s) => s.name)).toEqual(['Varga']);
    expect(r.present).toEqual([]);
  });
});
