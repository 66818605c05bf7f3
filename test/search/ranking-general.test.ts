// Ranking rules that hold on any record of a kind (fictional fixtures; each test says why).
import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/corpus/types.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

const speakers: Speaker[] = [
  { name: 'Ida Pell', aliases: ['Pell'], role: 'Mayor of Orrin' },
  { name: 'A spokesperson', aliases: [], role: 'Spokesperson' },
  { name: 'Wayne Angell', aliases: ['Angell'], role: null },
  { name: 'Greenfield', aliases: [], role: 'Chairman' },
];

const corpus = makeCorpus(speakers, [
  {
    file: 'pell-visit.txt',
    title: 'Pell visits the quarry',
    date: '2020-03-02',
    statements: [
      {
        speaker: 'Ida Pell',
        context: 'Pell said',
        text: 'The new bridges over the quarry road will open in June.',
      },
    ],
  },
  {
    file: 'readout.txt',
    title: 'Readout of the regional talks',
    date: '2020-04-09',
    statements: [
      {
        speaker: 'A spokesperson',
        context: 'A spokesperson said:',
        text: 'The governors met in Tarn to prepare the regional summit.',
      },
      {
        speaker: null,
        kind: 'paraphrase',
        text: 'They discussed the harbour levy and agreed to review it in autumn.',
      },
    ],
  },
  {
    file: 'board-call.txt',
    title: 'Board conference call',
    date: '1994-02-01',
    statements: [
      {
        speaker: 'Greenfield',
        text: 'Raw transcripts are hearsay: nobody can tell whether they are accurate.',
      },
      {
        speaker: 'Wayne Angell',
        text: 'Whereas minutes that were voted on carry the consent of every member.',
      },
      { speaker: 'Greenfield', text: 'Exactly, and edited transcripts are signed off too.' },
    ],
  },
  {
    file: 'harbour-board.txt',
    title: 'Minutes of the Harbour Board',
    date: '1994-03-01',
    statements: [
      {
        speaker: null,
        kind: 'paraphrase',
        text: 'The board approved the dredging contract for the east basin.',
      },
    ],
  },
]);
const index = buildIndex(corpus);

describe('a question about a person', () => {
  it('is not answered by a record that person is no part of', () => {
    // "pell harbour levy" asks about Pell; the readout's "They discussed the harbour levy" is
    // from talks Pell neither attends nor is named in, so it says nothing about her.
    expect(askQuestion(index, 'pell harbour levy').results).toEqual([]);
    // Her own meeting still answers a question about her.
    const own = askQuestion(index, 'pell quarry bridges');
    expect(own.results[0]?.statement.speaker).toBe('Ida Pell');
  });
});

describe('a misspelt name where a speaker goes', () => {
  it('reads "angel" in "what did angel say" as Angell, not as an unknown person', () => {
    // "angel" is an English word, so elsewhere it would be a topic; between "did" and "say" it
    // is who is asked about, and the reports have an Angell one letter away.
    const r = askQuestion(index, 'what did angel say about the minutes vs transcripts');
    expect(r.outcome.kind).toBe('found');
    expect(r.speakers).toEqual(['Wayne Angell']);
    // "vs" is phrasing, and "minutes" is everyday English even though a meeting's title has
    // it: it is a topic Angell speaks to, not a pointer to the Harbour Board's minutes.
    expect(r.results[0]?.statement.text).toMatch(/^Whereas minutes that were voted on/);
  });

  it('keeps an everyday word a topic outside a speaker’s place', () => {
    // No "did … say" around it: "angel" is a word to look for, and no statement has it.
    const r = askQuestion(index, 'angel transcripts');
    expect(r.speakers).toEqual([]);
  });
});

describe('hearings and committees: questions and replies', () => {
  const hearing = buildIndex(
    makeCorpus(
      [
        { name: 'Rhee', aliases: [], role: 'Counsel' },
        { name: 'Tobin', aliases: [], role: null },
        { name: 'Ward', aliases: [], role: null },
        { name: 'Kaye', aliases: [], role: null },
      ],
      [
        {
          file: 'hearing.txt',
          title: 'Hearing, third day',
          date: '1988-05-02',
          statements: [
            {
              speaker: 'Rhee',
              text: 'You sent letters to the minister, did you not, asking him to approve the canal loan?',
            },
            { speaker: 'Tobin', text: 'I did.' },
            { speaker: 'Rhee', text: 'And more than one letter?' },
            { speaker: 'Tobin', text: 'Yes.' },
            { speaker: 'Rhee', text: 'How many did you send?' },
            {
              speaker: 'Tobin',
              text: 'I believe there were four, perhaps five of them, all written in the spring.',
            },
          ],
        },
        {
          file: 'committee.txt',
          title: 'Select committee evidence',
          date: '2007-04-18',
          statements: [
            {
              speaker: 'Ward',
              text: 'Should we strengthen the role of the ushers in the chamber?',
            },
            {
              speaker: 'Kaye',
              text: 'I think the ushers already have plenty to do, and their role works as it is.',
            },
          ],
        },
      ],
    ),
  );

  it('a short follow-up question keeps to the matter: its reply answers', () => {
    // Only the first question has the question's words; "How many did you send?" leans on it
    // (and has "send"), so the reply with the number answers it, ahead of the bare "I did.".
    const r = askQuestion(
      hearing,
      'how many letters asking to approve the canal loan did tobin send',
    );
    expect(r.results[0]?.statement.text).toMatch(/^I believe there were four/);
  });

  it('"who asked about …" finds the question turn, not the reply', () => {
    // Elsewhere the reply to a matching question ranks first; asked who asked, the asker's turn
    // is the answer.
    const r = askQuestion(hearing, 'who asked about strengthening the role of the ushers');
    expect(r.results[0]?.statement.speaker).toBe('Ward');
    const other = askQuestion(hearing, 'strengthening the role of the ushers');
    expect(other.results[0]?.statement.speaker).toBe('Kaye');
  });
});

describe('offices in a question', () => {
  const offices = buildIndex(
    makeCorpus(
      [
        { name: 'Omar Hadi', aliases: ['Hadi'], role: 'Supreme Leader of Velan' },
        { name: 'Tariq Selm', aliases: ['Selm'], role: 'Prime Minister of Norvia' },
        { name: 'Ruth Ebb', aliases: ['Ebb'], role: 'President of Castor' },
        { name: 'Vera Lusk', aliases: ['Lusk'], role: 'General Counsel' },
        { name: 'Ned Orr', aliases: ['Orr'], role: 'Chairman' },
      ],
      [
        {
          file: 'hadi-selm.txt',
          title: 'Leader receives a guest',
          date: '2017-10-26',
          present: ['Tariq Selm'],
          statements: [
            {
              speaker: 'Omar Hadi',
              context: 'Hadi told his guest',
              text: 'Be careful about the mischief of the foreign traders, and never trust them.',
            },
          ],
        },
        {
          file: 'hadi-ebb.txt',
          title: 'Leader meets a president',
          date: '2016-01-10',
          present: ['Ruth Ebb'],
          statements: [
            {
              speaker: 'Omar Hadi',
              context: 'Hadi said',
              text: 'Our countries gain nothing from trusting the foreign traders and their banks, never.',
            },
          ],
        },
        {
          file: 'board.txt',
          title: 'Board call',
          date: '1993-10-05',
          statements: [
            {
              speaker: 'Ned Orr',
              text: 'The archive question is how we handle a request to release every tape.',
            },
            {
              speaker: 'Vera Lusk',
              text: 'The justice ministry changed its position last week on releasing tapes.',
            },
          ],
        },
      ],
    ),
  );

  it('an office after "tell" is the one spoken to: it names the meeting, not a speaker', () => {
    // Both of Hadi's quotes are about not trusting foreign traders; "tell the norvian pm" points
    // at the meeting with Selm, who says nothing there and is no speaker asked about.
    const r = askQuestion(offices, 'did hadi tell the norvian pm not to trust foreign traders');
    expect(r.speakers).toEqual(['Omar Hadi']);
    expect(r.results[0]?.meeting.file).toBe('hadi-selm.txt');
  });

  it('a word the dictionary puts above a title finds that office’s holder', () => {
    // A general counsel is a lawyer (WordNet: counsel → lawyer): "the board's lawyer" is Lusk,
    // whose words answer although the chairman's share more of the question.
    const r = askQuestion(offices, "what did the board's lawyer say about releasing the tapes");
    expect(r.speakers).toEqual(['Vera Lusk']);
    expect(r.results[0]?.statement.speaker).toBe('Vera Lusk');
  });
});

describe('replies after the best', () => {
  it('a bare reply is not shown as an extra just because its question matched', () => {
    // Two exchanges match the question; the best is the reply with the number. The bare "I did."
    // replies take their questions' match but say nothing themselves: they are not shown after it.
    const c = buildIndex(
      makeCorpus(
        [
          { name: 'Rhee', aliases: [], role: 'Counsel' },
          { name: 'Tobin', aliases: [], role: null },
        ],
        [
          {
            file: 'hearing.txt',
            title: 'Hearing, fourth day',
            date: '1988-05-03',
            statements: [
              {
                speaker: 'Rhee',
                text: 'Did you write memos about the canal loan to the minister?',
              },
              { speaker: 'Tobin', text: 'I did.' },
              { speaker: 'Rhee', text: 'How many canal loan memos did you write?' },
              {
                speaker: 'Tobin',
                text: 'Six memos on the canal loan, as I recall, perhaps seven.',
              },
            ],
          },
        ],
      ),
    );
    const r = askQuestion(c, 'how many memos about the canal loan did tobin write');
    expect(r.results.map((x) => x.statement.text)).toEqual([
      'Six memos on the canal loan, as I recall, perhaps seven.',
    ]);
  });
});

describe('questions that ask how often or how many', () => {
  const corpus = makeCorpus(
    [
      { name: 'Ada Ames', aliases: ['Ames'], role: 'Harbour warden' },
      { name: 'Cy Bell', aliases: ['Bell'], role: null },
    ],
    [
      {
        file: 'harbour-committee.md',
        title: 'Harbour committee',
        date: '2024-05-14',
        statements: [
          { speaker: 'Ada Ames', text: 'The warden reports should go to the owners.' },
          {
            speaker: 'Cy Bell',
            text: 'We could print and post the warden reports every two weeks.',
          },
          { speaker: 'Ada Ames', text: 'New members joined the rowing club this spring.' },
          { speaker: 'Cy Bell', text: 'In the end some forty new members joined the rowing club.' },
        ],
      },
    ],
  );
  const index = buildIndex(corpus);

  it('"how often" puts the statement that says how often first', () => {
    // Both statements are about the warden reports and the shorter would rank first; only Bell's
    // says how often ("every two weeks"). "Often" is what the answer gives, not a topic word the
    // answer must repeat.
    const r = askQuestion(index, 'how often should we have the warden reports');
    expect(r.results[0]?.statement.text).toBe(
      'We could print and post the warden reports every two weeks.',
    );
  });

  it('"how many" puts the statement with the number first', () => {
    // The two statements match the same words; the shorter one would rank first, but only the
    // longer one says how many joined.
    const r = askQuestion(index, 'how many members joined the rowing club');
    expect(r.results[0]?.statement.text).toBe(
      'In the end some forty new members joined the rowing club.',
    );
  });
});

describe('a "how often" question answered by a statement that gives no frequency', () => {
  it('still shows what the speaker said on the topic (the kind of answer only adds)', () => {
    // Ames never says how often; her one statement on the topic words it as "exchanges" (a
    // broader word for trade). Asking how often must not hide it.
    const index = buildIndex(
      makeCorpus(
        [{ name: 'Ada Ames', aliases: ['Ames'], role: 'Harbour warden' }],
        [
          {
            file: 'island-talks.md',
            title: 'Island talks',
            date: '2024-06-04',
            statements: [
              { speaker: 'Ada Ames', text: 'The exchanges with the island must increase.' },
              { speaker: 'Ada Ames', text: 'The pier lights were repaired in May.' },
            ],
          },
        ],
      ),
    );
    const r = askQuestion(index, 'how often did ames talk about trade');
    expect(r.results[0]?.statement.text).toBe('The exchanges with the island must increase.');
  });
});

describe('a statement leans on what its speaker said just before', () => {
  const corpus = makeCorpus(
    [
      { name: 'Forester Ames', aliases: ['Ames'], role: 'City forester' },
      { name: 'Mayor Dunn', aliases: ['Dunn'], role: 'Mayor' },
      { name: 'Tove Lind', aliases: ['Lind'], role: null },
      { name: 'Ned Park', aliases: ['Park'], role: null },
    ],
    [
      {
        file: 'council-minutes.txt',
        title: 'City council minutes',
        date: '2003-06-10',
        statements: [
          {
            speaker: 'Mayor Dunn',
            kind: 'paraphrase',
            text: 'Mayor Dunn thanked the volunteers who planted oaks along the river path.',
          },
          {
            speaker: 'Forester Ames',
            kind: 'paraphrase',
            text: 'Forester Ames introduced Scout Pack 12 of the north ward.',
          },
          {
            speaker: 'Forester Ames',
            kind: 'paraphrase',
            text: 'He explained that the pack recently won a certificate for clearing ivy from the river path.',
          },
        ],
      },
      {
        file: 'sports-minutes.txt',
        title: 'Sports board minutes',
        date: '2003-07-01',
        statements: [
          {
            speaker: 'Mayor Dunn',
            kind: 'paraphrase',
            text: 'The mayor said the under-twelves won the county cup and hope to win it again.',
          },
          {
            speaker: 'Mayor Dunn',
            kind: 'paraphrase',
            text: 'She handed each member a pack of fixtures, a pack of tickets and a win-bonus form.',
          },
        ],
      },
      {
        file: 'levy-call.vtt',
        title: 'Harbour working call',
        date: '2026-02-03',
        statements: [
          { speaker: 'Tove Lind', text: 'I can say something about the mooring levy draft.' },
          { speaker: 'Ned Park', text: 'Yes.' },
          {
            speaker: 'Tove Lind',
            text: 'I would keep it optional for small boats, at least for the first season.',
          },
        ],
      },
    ],
  );
  const index = buildIndex(corpus);

  it('minutes: "He explained the pack won …" answers a question about the pack named before', () => {
    // The paragraph that says what the pack won does not say "scout"; the forester's paragraph
    // just before does. It answers; the introduction alone does not say what was won.
    const r = askQuestion(index, 'what did the scout pack win');
    expect(r.results.map((x) => x.statement.text)).toContain(
      'He explained that the pack recently won a certificate for clearing ivy from the river path.',
    );
  });

  it('another speaker’s statement before it lends nothing', () => {
    // The mayor's thanks precede the forester's paragraphs but are another speaker's: the
    // introduction does not take "volunteers" from them.
    const r = askQuestion(index, 'which scout volunteers planted oaks');
    expect(r.results.map((x) => x.statement.speaker)).not.toContain('Forester Ames');
  });

  it('a caption turn after someone’s "Yes." still leans on its speaker’s turn before', () => {
    // Lind's opinion ("keep it optional for small boats") does not repeat "mooring levy draft";
    // her turn before, past Park's "Yes.", names it.
    const r = askQuestion(index, 'what was said about the mooring levy draft for small boats');
    expect(r.results.map((x) => x.statement.text)).toContain(
      'I would keep it optional for small boats, at least for the first season.',
    );
  });
});

describe('a very long turn', () => {
  // A 600-word opening monologue that names the ferry and the tolls in passing, far apart.
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `Item ${i + 1} of the welcome covers the agenda order.`)
      .join(' ')
      .split(' ');
  const words = filler(70);
  words.splice(40, 0, 'ferry');
  words.splice(500, 0, 'tolls');
  const monologue = words.join(' ');
  const index = buildIndex(
    makeCorpus(
      [
        { name: 'Ola Brant', aliases: ['Brant'], role: 'Chair' },
        { name: 'Sam Ives', aliases: ['Ives'], role: null },
      ],
      [
        {
          file: 'weekly-call.vtt',
          title: 'Weekly call',
          date: '2025-09-02',
          statements: [
            { speaker: 'Ola Brant', text: monologue },
            { speaker: 'Sam Ives', text: 'The ferry tolls were raised by the county.' },
            { speaker: 'Sam Ives', text: 'Our pier is closed for the winter season.' },
            { speaker: 'Ola Brant', text: 'Let us move on to the next item of the agenda.' },
          ],
        },
      ],
    ),
  );

  it('meets a question’s words in passing: it is not shown beside a statement about them', () => {
    // Both statements have "ferry" and "tolls" and neither has "winter", but the 600-word turn
    // only mentions them in passing, 450 words apart: the short statement answers, it does not.
    expect(monologue.split(' ').length).toBeGreaterThan(550);
    const r = askQuestion(index, 'ferry tolls in winter', { limit: 10 });
    expect(r.results[0]?.statement.text).toBe('The ferry tolls were raised by the county.');
    expect(r.results.map((x) => x.statement.speaker)).not.toContain('Ola Brant');
  });
});
