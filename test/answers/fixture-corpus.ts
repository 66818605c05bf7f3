// Hand-built corpora for the profile and summary tests: the fictional reports in
// test/fixtures/profiles/ with their statements marked by hand, independent of the parser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus, Meeting, Speaker, Statement, StatementKind } from '../../src/corpus/types.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/profiles/', import.meta.url));

export interface StatementSpec {
  speaker: string | null;
  kind: StatementKind;
  /** A unique substring of the report: the statement's exact text. */
  text: string;
}

export interface MeetingSpec {
  id: string;
  text: string;
  title: string | null;
  date: string | null;
  source?: string | null;
  present?: string[];
  statements: StatementSpec[];
}

function paragraphAt(text: string, offset: number): number {
  // Paragraphs are the non-empty lines, as the corpus type documents.
  const before = text.slice(0, offset).split('\n');
  return before.slice(0, -1).filter((l) => l.trim().length > 0).length + 1;
}

export function buildMeeting(spec: MeetingSpec): Meeting {
  const statements: Statement[] = spec.statements.map((s, i) => {
    const start = spec.text.indexOf(s.text);
    if (start < 0 || spec.text.indexOf(s.text, start + 1) >= 0) {
      throw new Error(
        `fixture ${spec.id}: statement text must occur exactly once: ${s.text.slice(0, 40)}`,
      );
    }
    return {
      id: `${spec.id}#${i}`,
      meetingId: spec.id,
      speaker: s.speaker,
      kind: s.kind,
      text: s.text,
      context: null,
      paragraph: paragraphAt(spec.text, start),
      start,
      end: start + s.text.length,
    };
  });
  const speakers: string[] = [];
  for (const s of statements)
    if (s.speaker && !speakers.includes(s.speaker)) speakers.push(s.speaker);
  return {
    id: spec.id,
    file: spec.id,
    title: spec.title,
    date: spec.date,
    source: spec.source ?? null,
    speakers,
    present: (spec.present ?? []).filter((p) => !speakers.includes(p)),
    statements,
    text: spec.text,
  };
}

export function buildFixtureCorpus(meetings: Meeting[], people: Speaker[]): Corpus {
  return {
    meetings,
    speakers: people,
    statements: meetings.flatMap((m) => m.statements),
    warnings: [],
  };
}

export function readFixture(name: string): string {
  return readFileSync(`${FIXTURE_DIR}${name}`, 'utf8');
}

export const PEOPLE: Speaker[] = [
  {
    name: 'Elena Varga',
    aliases: ['Varga', 'Mayor Varga', 'the Mayor', 'MAYOR VARGA'],
    role: 'Mayor of Lindenfeld',
  },
  { name: 'Tom Okafor', aliases: ['Okafor', 'Councillor Okafor'], role: 'Councillor' },
  { name: 'Nadia Brandt', aliases: ['Brandt'], role: 'City Clerk' },
  { name: 'Piet Janssen', aliases: ['Janssen', 'HARBOURMASTER JANSSEN'], role: 'Harbourmaster' },
  { name: 'Jonas Albrecht', aliases: ['Albrecht', 'Mr. Albrecht'], role: 'Headteacher' },
];

/** The three fictional Lindenfeld reports, statements marked as a careful reader would. */
export function buildLindenfeldCorpus(): Corpus {
  const budget = readFixture('2024-04-02-council-budget.txt');
  const harbour = readFixture('2024-05-14-harbour-board.txt');
  const school = readFixture('2024-06-20-school-visit.txt');
  const meetings = [
    buildMeeting({
      id: '2024-04-02-council-budget.txt',
      text: budget,
      title: 'Council budget session on the river bridge',
      date: '2024-04-02',
      source: 'https://lindenfeld.example/council/2024-04-02',
      present: ['Nadia Brandt'],
      statements: [
        {
          speaker: 'Elena Varga',
          kind: 'paraphrase',
          text: 'The Mayor described the bridge as the most urgent repair the city has faced in a decade.',
        },
        {
          speaker: 'Elena Varga',
          kind: 'quote',
          text: 'The river bridge carries eleven thousand cars a day, and its steel girders are rusting faster than the engineers predicted. We cannot wait for another winter.',
        },
        {
          speaker: 'Tom Okafor',
          kind: 'quote',
          text: 'The bridge repair will take a third of the capital budget, and the library roof, the swimming pool and the bus depot will all have to wait.',
        },
        {
          speaker: 'Elena Varga',
          kind: 'quote',
          text: 'A loan from the regional development bank spreads the cost, and the council keeps its promise to repair the library roof next spring.',
        },
        {
          speaker: 'Tom Okafor',
          kind: 'quote',
          text: 'Residents of the east bank deserve to hear why their bus depot is delayed again.',
        },
        {
          speaker: 'Tom Okafor',
          kind: 'paraphrase',
          text: 'Okafor, however, noted that he would support the bridge repair if the hearing took place before the vote.',
        },
        {
          speaker: 'Elena Varga',
          kind: 'quote',
          text: 'Dr. Ines Moll of the U.S. Geological Survey will present the inspection report to residents at the hearing.',
        },
      ],
    }),
    buildMeeting({
      id: '2024-05-14-harbour-board.txt',
      text: harbour,
      title: 'Meeting of the Harbour Board on ferry fares',
      date: '2024-05-14',
      statements: [
        { speaker: 'Elena Varga', kind: 'turn', text: 'Good afternoon. Thank you for coming.' },
        {
          speaker: 'Elena Varga',
          kind: 'turn',
          text: 'The ferry lost money for the third year in a row, and the board must decide today whether fares rise or the timetable shrinks. I would rather raise fares modestly than cut the night ferry.',
        },
        { speaker: 'Piet Janssen', kind: 'turn', text: 'Thank you, Madam Mayor.' },
        {
          speaker: 'Piet Janssen',
          kind: 'turn',
          text: 'The night ferry carries nurses and bakers to the island. If we cut it, the island hospital loses its night shift. A fare rise of fifty cents covers the deficit within two years.',
        },
        { speaker: 'Elena Varga', kind: 'turn', text: 'Fifty cents it is, then.' },
        {
          speaker: 'Elena Varga',
          kind: 'turn',
          text: 'Our ferry fares have not changed since 2015, and the harbour fund cannot carry the ferry deficit forever.',
        },
        {
          speaker: 'Piet Janssen',
          kind: 'turn',
          text: 'We will publish the new ferry fares at the harbour office and on the island pier next week.',
        },
      ],
    }),
    buildMeeting({
      id: '2024-06-20-school-visit.txt',
      text: school,
      title: 'Mayor Varga visits Lindenfeld North School',
      date: '2024-06-20',
      statements: [
        {
          speaker: 'Jonas Albrecht',
          kind: 'quote',
          text: 'The laboratory was built by the pupils’ parents over three summers. Every pupil now does real experiments, not only reads about them.',
        },
        {
          speaker: 'Elena Varga',
          kind: 'quote',
          text: 'The school shows what a neighbourhood can build when the council gets out of its way.',
        },
        {
          speaker: 'Jonas Albrecht',
          kind: 'quote',
          text: 'The traffic on Mill Street has doubled since the bridge works began.',
        },
      ],
    }),
  ];
  return buildFixtureCorpus(meetings, PEOPLE);
}
