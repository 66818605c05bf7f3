import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Speaker } from '../../src/corpus/types.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { answersAsWell } from '../../src/search/gate.js';
import { makeCorpus } from '../fixtures/search-corpus.js';

// A fictional world with one record of each kind: a news report, a press briefing with `Q`
// turns, council minutes with group statements, a caption file and a chat export with times.
const speakers: Speaker[] = [
  { name: 'Marta Aliyeva', aliases: ['Aliyeva', 'President Aliyeva'], role: 'President of Ostria' },
  { name: 'Boris Tenn', aliases: ['Tenn'], role: 'Prime Minister of Galdia' },
  { name: 'Lena Sorrel', aliases: ['Sorrel'], role: 'Press Secretary' },
  { name: 'Q', aliases: [], role: null, generic: true },
  { name: 'Nadia Kross', aliases: ['Kross'], role: null },
  { name: 'Felix Brandt', aliases: ['Brandt'], role: null },
  { name: 'Oskar Lind', aliases: ['Lind'], role: null },
];

const corpus = makeCorpus(speakers, [
  {
    file: 'ostria-galdia.txt',
    title: 'Aliyeva receives Tenn',
    date: '2021-05-04',
    statements: [
      {
        speaker: 'Marta Aliyeva',
        context: 'President Aliyeva said',
        text: 'The railroads between our capitals will carry freight by next winter.',
      },
      {
        speaker: 'Marta Aliyeva',
        context: 'She added',
        text: 'Our universities should exchange students, and our museums their collections.',
      },
      {
        speaker: 'Marta Aliyeva',
        context: 'She noted',
        text: 'Winter tourism in the mountains grows every year.',
      },
      {
        speaker: 'Boris Tenn',
        context: 'Tenn replied',
        text: 'Galdia is ready to invest in the railroads and in the ports.',
      },
      {
        speaker: null,
        kind: 'paraphrase',
        text: 'The two leaders agreed to reopen the border crossing at Vell within a month.',
      },
    ],
  },
  {
    file: 'ostria-visit-2022.txt',
    title: 'Aliyeva at the trade fair',
    date: '2022-09-01',
    statements: [
      {
        speaker: 'Marta Aliyeva',
        context: 'Aliyeva told exhibitors',
        text: 'Ostria exports more grain than ever, and trade with our neighbours keeps growing.',
      },
    ],
  },
  {
    file: 'briefing.md',
    title: 'Press briefing by Lena Sorrel',
    date: '2022-01-07',
    statements: [
      { speaker: 'Lena Sorrel', text: 'Good afternoon, everyone.' },
      { speaker: 'Q', text: 'Has the government said anything about the unrest in Kazmir?' },
      {
        speaker: 'Lena Sorrel',
        text: 'We are watching the unrest in Kazmir closely and call for calm on all sides.',
      },
      { speaker: 'Q', text: 'Thanks.' },
      { speaker: 'Q', text: 'Any reaction to the curfew order in Bastow?' },
      {
        speaker: 'Lena Sorrel',
        text: 'Yep. So, we find that order troubling, and we are in touch with our partners there.',
      },
      {
        speaker: 'Lena Sorrel',
        text: 'President Aliyeva will visit the flooded villages near Dorn on Friday.',
      },
    ],
  },
  {
    file: 'minutes.txt',
    title: 'Harwick Town Council minutes',
    date: '2003-02-11',
    statements: [
      {
        speaker: null,
        kind: 'paraphrase',
        text: 'The council agreed unanimously to repair the footbridge over the canal before May.',
      },
      { speaker: 'Oskar Lind', kind: 'paraphrase', text: 'He asked about the parking fees.' },
    ],
  },
  {
    file: 'devcall.vtt',
    title: 'Client developers call 12',
    date: '2026-03-02',
    statements: [
      { speaker: 'Nadia Kross', text: 'gm', time: '00:00:05' },
      { speaker: 'Felix Brandt', text: 'Yep.', time: '00:00:07' },
      {
        speaker: 'Nadia Kross',
        text: 'So the fork on the test network is scheduled for next Thursday, if nobody objects.',
        time: '00:12:31',
      },
      { speaker: 'Felix Brandt', text: '+1', time: '00:12:40' },
      { speaker: 'Felix Brandt', text: 'yeah', time: '00:12:41' },
      { speaker: 'Felix Brandt', text: 'thanks!', time: '00:12:44' },
    ],
  },
  {
    file: 'devcall-notes.txt',
    title: 'Notes from the client developers',
    date: '2026-03-09',
    statements: [
      {
        speaker: 'Nadia Kross',
        kind: 'paraphrase',
        text: 'Kross said the fork went fine.',
      },
    ],
  },
]);
const index = buildIndex(corpus);
const texts = (q: string, limit = 3) =>
  askQuestion(index, q, { limit }).results.map((r) => r.statement.text);

describe('ranking on each kind of record', () => {
  it('news report: the quote that answers first, and only what answers as well', () => {
    // "railways" reaches "railroads" through WordNet; only Aliyeva's railroad quote covers the
    // topic, so her other quotes (students, tourism) are not shown to fill the page, nor Tenn's
    // railroad words: the question asks what she said.
    const r = askQuestion(index, 'what did aliyeva say about railways');
    expect(r.results.map((x) => x.statement.text)).toEqual([
      'The railroads between our capitals will carry freight by next winter.',
    ]);
    // The terms a view can look for in a long turn: the word asked and the synonym that matched.
    expect(r.terms).toEqual(expect.arrayContaining(['railroad']));
  });

  it('news report: the person met names the meeting', () => {
    // Aliyeva speaks of trade only at the 2022 fair, of winter at the meeting with Tenn:
    // "when she met tenn" points at the meeting with Tenn, and Tenn's words are not asked for.
    const r = askQuestion(index, 'did aliyeva talk about winter when she met tenn');
    expect(r.speakers).toEqual(['Marta Aliyeva']);
    expect(r.results[0]?.meeting.file).toBe('ostria-galdia.txt');
  });

  it('briefing: "what did the reporters ask" finds the Q turns', () => {
    // The generic speaker Q stands for the press; the press secretary's reply is not a question.
    const r = askQuestion(index, 'what did the reporters ask about kazmir');
    expect(r.results[0]?.statement.speaker).toBe('Q');
    expect(r.results[0]?.statement.text).toMatch(/unrest in Kazmir\?/);
  });

  it('briefing: the reply to a matching question is the answer, ahead of the question', () => {
    // The reply says "that order" and little else of the topic; it answers because it follows
    // the reporter's question about the curfew order in Bastow.
    const r = askQuestion(index, 'did the government react to the curfew order in bastow');
    expect(r.results[0]?.statement.text).toMatch(/^Yep\. So, we find that order troubling/);
  });

  it('minutes: a group statement (speaker null) is an answer like any other', () => {
    const r = askQuestion(index, 'what was decided about the footbridge');
    expect(r.results[0]?.statement.speaker).toBeNull();
    expect(r.results[0]?.statement.text).toMatch(/repair the footbridge/);
  });

  it('news report: a group statement of their meeting answers for the leaders asked about', () => {
    // Nobody is named in "The two leaders agreed …"; it covers the border crossing but not the
    // customs, which is enough for the leaders' own meeting (not for a stranger's words).
    const r = askQuestion(index, 'what did aliyeva say about the border crossing and customs');
    expect(r.results[0]?.statement.speaker).toBeNull();
    expect(r.results[0]?.statement.text).toMatch(/border crossing at Vell/);
  });

  it('briefing: a question about a person, not their words, takes anyone’s answer', () => {
    // Sorrel announces Aliyeva's visit: asked what Aliyeva *does*, her secretary's words answer
    // even though they leave "spring" and "summer" out; asked what she *said*, they do not.
    const about = askQuestion(
      index,
      'which flooded villages will aliyeva visit in spring and summer',
    );
    expect(about.results[0]?.statement.speaker).toBe('Lena Sorrel');
    const said = askQuestion(
      index,
      'what did aliyeva say about the flooded villages in spring and summer',
    );
    expect(said.results).toEqual([]);
  });

  it('captions: "when did …" puts the statement with a time first', () => {
    // Both statements by Kross mention the fork; the shorter note would win on BM25 alone, but
    // a "when" question is answered by the cue that carries the time it was said.
    const r = askQuestion(index, 'when did kross talk about the fork');
    expect(r.asksWhen).toBe(true);
    expect(r.results[0]?.statement.time).toBe('00:12:31');
    expect(askQuestion(index, 'did kross talk about the fork').asksWhen).toBe(false);
  });
});

describe('backchannel', () => {
  it('is never a result, not even for a question made of it or for a speaker alone', () => {
    const chatter = new Set([
      'gm',
      'Yep.',
      '+1',
      'yeah',
      'thanks!',
      'Thanks.',
      'Good afternoon, everyone.',
    ]);
    for (const q of [
      'yeah',
      'thanks',
      'gm',
      'yep',
      'what did brandt say',
      'brandt',
      'good afternoon',
    ]) {
      for (const t of texts(q, 10)) expect(chatter.has(t), `${q} -> ${t}`).toBe(false);
    }
    // Brandt said nothing but backchannel: nothing of his is quoted.
    expect(texts('what did brandt say', 10)).toEqual([]);
  });
});

describe('the gate after the best result', () => {
  it('keeps a statement that answers about as well, and drops one that shares a word', () => {
    expect(answersAsWell({ score: 10, coverage: 1 }, { score: 8, coverage: 0.9 })).toBe(true);
    // Covers a third of the question: a common word of it, not its main concepts.
    expect(answersAsWell({ score: 10, coverage: 1 }, { score: 8, coverage: 0.35 })).toBe(false);
    // The speaker asked about answered: someone else's words do not answer "what did X say".
    expect(
      answersAsWell(
        { score: 10, coverage: 1, asked: true },
        { score: 9, coverage: 1, asked: false },
      ),
    ).toBe(false);
    // Covers as much but scores far below: a passing mention in a long turn.
    expect(answersAsWell({ score: 10, coverage: 1 }, { score: 1, coverage: 1 })).toBe(false);
  });

  it('drops a weak second match that the same words alone would find', () => {
    // "winter" alone finds the tourism quote; beside "railways" and "freight" it is a weak match.
    expect(texts('what did aliyeva say about winter')).toContain(
      'Winter tourism in the mountains grows every year.',
    );
    expect(texts('what did aliyeva say about railways freight winter')).toEqual([
      'The railroads between our capitals will carry freight by next winter.',
    ]);
  });
});

describe('typed outcomes when nothing answers', () => {
  it('says which case it is, without English', () => {
    expect(askQuestion(index, '?!').outcome).toEqual({ kind: 'empty-question' });
    expect(askQuestion(index, 'what did macron say about railways').outcome).toMatchObject({
      kind: 'unknown-speaker',
      from: 'question',
      names: ['Macron'],
    });
    expect(askQuestion(index, 'railways', { speaker: 'Zebulon Quayle' }).outcome).toMatchObject({
      kind: 'unknown-speaker',
      from: 'option',
    });
    expect(askQuestion(index, 'railways', { meeting: 'qqqqzzzz' }).outcome).toEqual({
      kind: 'unknown-meeting',
      query: 'qqqqzzzz',
    });
    expect(askQuestion(index, 'what was said about').outcome).toEqual({ kind: 'no-topic' });
    expect(askQuestion(index, 'what did aliyeva say about volcanoes').outcome).toEqual({
      kind: 'nothing',
    });
    expect(askQuestion(index, 'what did aliyeva say about railways').outcome).toEqual({
      kind: 'found',
      topicless: false,
    });
  });

  it('says a known speaker is silent when every statement is absent', () => {
    const silent = makeCorpus(speakers, [
      {
        file: 'a.txt',
        title: 'A visit',
        date: '2020-01-01',
        present: ['Oskar Lind'],
        statements: [{ speaker: 'Boris Tenn', text: 'The ports are open.' }],
      },
    ]);
    const r = askQuestion(buildIndex(silent), 'what did lind say about the ports');
    expect(r.outcome).toEqual({ kind: 'silent-speaker', names: ['Oskar Lind'] });
    expect(r.results).toEqual([]);
  });

  it('still finds the group statement of a silent speaker’s meeting', () => {
    // Lind says nothing himself, but "The delegations agreed …" speaks for everyone present.
    const group = makeCorpus(speakers, [
      {
        file: 'b.txt',
        title: 'A visit',
        date: '2020-01-02',
        present: ['Oskar Lind'],
        statements: [
          { speaker: 'Boris Tenn', text: 'The ports are open.' },
          { speaker: null, kind: 'paraphrase', text: 'The delegations agreed to widen the ports.' },
        ],
      },
    ]);
    const r = askQuestion(buildIndex(group), 'what did lind say about widening the ports');
    expect(r.results.map((x) => x.statement.speaker)).toEqual([null]);
  });

  it('names an office nobody in the reports holds as an unknown speaker', () => {
    // No ambassador speaks anywhere: Galdia's ambassador is not Tenn, nor anyone else.
    const r = askQuestion(index, "what did galdia's ambassador say about the railroads");
    expect(r.outcome).toMatchObject({ kind: 'unknown-speaker', from: 'question' });
    expect(r.results).toEqual([]);
  });
});

describe('arbitrary questions', () => {
  it('never throw, and every result is a statement of the corpus', () => {
    const ids = new Set(corpus.statements.map((s) => s.id));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('when', 'did', 'reporters', 'ask', 'kross', 'fork', 'yeah', 'met', 'Q'),
            fc.string({ maxLength: 12 }),
          ),
          { maxLength: 12 },
        ),
        (words) => {
          const a = askQuestion(index, words.join(' '), { limit: 10 });
          for (const r of a.results) expect(ids.has(r.statement.id)).toBe(true);
          expect(a.results.length === 0).toBe(a.outcome.kind !== 'found');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('everyday words are not misspelt names', () => {
  it('reads "lawyer" as a word, not as the speaker Laware', () => {
    // "lawyer" is one edit from "laware"; it is English, so it is a topic, not a person.
    const c = makeCorpus(
      [
        { name: 'Dana Laware', aliases: ['Laware'], role: null },
        { name: 'Omar Pike', aliases: ['Pike'], role: 'Counsel' },
      ],
      [
        {
          file: 'hearing.txt',
          title: 'Hearing',
          date: '2019-03-03',
          statements: [
            { speaker: 'Dana Laware', text: 'The budget for the archive grew last year.' },
            {
              speaker: 'Omar Pike',
              text: 'As your attorney, I advise you not to sign the archive deal.',
            },
          ],
        },
      ],
    );
    const r = askQuestion(buildIndex(c), 'what did the lawyer say about the archive');
    expect(r.speakers).toEqual([]);
    expect(r.results.map((x) => x.statement.speaker)).not.toContain('Dana Laware');
  });
});
