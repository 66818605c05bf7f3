// Chart data from small fictional fixtures: buckets, counts, "others", and the trend counting
// exactly what /ask returns.
import { describe, expect, it } from 'vitest';
import { bucketMeetings, MAX_BARS } from '../../src/charts/buckets.js';
import { speakerTimelineData } from '../../src/charts/timeline.js';
import { buildTrend } from '../../src/charts/trend.js';
import { meetingShareData } from '../../src/charts/share.js';
import { chartLocale } from '../../src/charts/locale.js';
import { bucketLabel } from '../../src/charts/bars.js';
import { askQuestion, buildIndex } from '../../src/search/engine.js';
import { makeCorpus } from '../fixtures/search-corpus.js';
import { BOARD, boardCorpus } from './fixture.js';

const day = (i: number): string => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
const meetingsOn = (dates: (string | null)[]) =>
  dates.map((date, i) => ({ id: `m${i}`, title: `Meeting ${i}`, date }));

describe('time buckets', () => {
  it('draws one bar per meeting up to 50 meetings, oldest first, undated last', () => {
    const dates = Array.from({ length: 49 }, (_, i) => day(48 - i));
    const { kind, buckets } = bucketMeetings(meetingsOn([...dates, null]));
    expect(kind).toBe('meeting');
    expect(buckets).toHaveLength(MAX_BARS);
    expect(buckets[0]?.start).toBe(day(0));
    expect(buckets[0]?.title).toBe('Meeting 48');
    expect(buckets[49]?.kind).toBe('undated');
  });

  it('groups 51 meetings by month, and months past 50 by year', () => {
    // 51 meetings over three months: January 20, February 20, March 11.
    const byMonth = bucketMeetings(
      meetingsOn(
        Array.from({ length: 51 }, (_, i) => day(i + (i >= 20 ? 11 : 0) + (i >= 40 ? 9 : 0))),
      ),
    );
    expect(byMonth.kind).toBe('month');
    expect(byMonth.buckets.map((b) => [b.start, b.meetingIds.length])).toEqual([
      ['2020-01-01', 20],
      ['2020-02-01', 20],
      ['2020-03-01', 11],
    ]);
    // One meeting a month for 60 months (five years): too many months, so one bar a year.
    const monthly = Array.from({ length: 60 }, (_, i) => {
      const y = 2015 + Math.floor(i / 12);
      return `${y}-${String((i % 12) + 1).padStart(2, '0')}-15`;
    });
    const byYear = bucketMeetings(meetingsOn([...monthly, null]));
    expect(byYear.kind).toBe('year');
    expect(
      byYear.buckets.map((b) => [b.start?.slice(0, 4) ?? 'undated', b.meetingIds.length]),
    ).toEqual([
      ['2015', 12],
      ['2016', 12],
      ['2017', 12],
      ['2018', 12],
      ['2019', 12],
      ['undated', 1],
    ]);
  });

  it('groups two centuries of yearly meetings into spans of years, never past 50 bars', () => {
    const yearly = Array.from({ length: 200 }, (_, i) => `${1800 + i}-06-01`);
    const { kind, buckets } = bucketMeetings(meetingsOn(yearly));
    expect(kind).toBe('years');
    expect(buckets.length).toBeLessThanOrEqual(MAX_BARS);
    expect(buckets.reduce((a, b) => a + b.meetingIds.length, 0)).toBe(200);
    expect(bucketLabel(buckets[0]!, chartLocale('en-US'))).toBe('1800–1803');
  });
});

describe('the /who timeline', () => {
  it('counts each meeting’s statements by the speaker, adding up to their total', () => {
    const corpus = boardCorpus();
    const mine = corpus.statements.filter((s) => s.speaker === 'Mira Solberg');
    const meetings = corpus.meetings.filter((m) => m.speakers.includes('Mira Solberg'));
    const data = speakerTimelineData('Mira Solberg', meetings, mine);
    expect(data.kind).toBe('meeting');
    expect(data.bars.map((b) => [b.bucket.start, b.statements])).toEqual([
      ['2024-01-10', 1],
      ['2024-02-14', 1],
      ['2024-03-20', 1],
    ]);
    expect(data.statements).toBe(3);
    expect(data.meetings).toBe(3);
  });

  it('past 50 meetings, sums the statements of each month', () => {
    const meetings = Array.from({ length: 60 }, (_, i) => ({
      id: `m${i}`,
      title: null,
      date:
        i < 30
          ? `2023-04-${String(i + 1).padStart(2, '0')}`
          : `2023-05-${String(i - 29).padStart(2, '0')}`,
    }));
    const statements = meetings.flatMap((m, i) =>
      Array.from({ length: i % 3 }, () => ({ meetingId: m.id })),
    );
    const data = speakerTimelineData('Someone', meetings, statements);
    expect(data.kind).toBe('month');
    expect(data.bars.map((b) => b.statements)).toEqual([30, 30]);
  });
});

describe('the /trend chart', () => {
  const index = buildIndex(boardCorpus());

  it('counts the matching statements per meeting and per speaker, the rest as others', () => {
    const { data } = buildTrend(index, 'dredging');
    expect(data).not.toBeNull();
    if (!data) return;
    expect(data.matches).toBe(9);
    expect(data.meetings).toBe(4);
    expect(data.series.map((s) => [s.name, s.total])).toEqual([
      ['Idris Kamau', 3],
      ['Mira Solberg', 2],
      ['Ana Petrov', 1],
      ['Bo Lindahl', 1],
      ['others', 2],
    ]);
    expect(data.bars.map((b) => b.values)).toEqual([
      [1, 1, 0, 0, 0],
      [0, 1, 1, 1, 2],
      [2, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('counts exactly the statements /ask pages through for the same words and filters', () => {
    for (const [words, options] of [
      ['dredging', {}],
      ['dredging north channel', {}],
      ['ferry timetable', {}],
      ['dredging', { speaker: 'Kamau' }],
      ['dredging', { from: '2024-02-01', to: '2024-12-31' }],
    ] as const) {
      const { data } = buildTrend(index, words, options);
      const seen: string[] = [];
      for (let offset = 0; ; offset += 10) {
        const page = askQuestion(index, words, { ...options, limit: 10, offset });
        seen.push(...page.results.map((r) => r.statement.id));
        if (page.results.length < 10) break;
      }
      const counted = data ? data.bars.flatMap((b) => b.values).reduce((a, v) => a + v, 0) : 0;
      expect(counted, words).toBe(seen.length);
      expect(data?.matches ?? 0, words).toBe(seen.length);
    }
  });

  it('with a speaker, puts only their meetings on the axis', () => {
    const { data } = buildTrend(index, 'dredging', { speaker: 'Kamau' });
    expect(data?.speaker).toBe('Idris Kamau');
    expect(data?.bars.map((b) => [b.bucket.start, b.values])).toEqual([
      ['2024-01-10', [1]],
      ['2024-03-20', [2]],
    ]);
  });

  it('has no chart when nothing answers', () => {
    const { data, answer } = buildTrend(index, 'lighthouse');
    expect(data).toBeNull();
    expect(answer.outcome.kind).not.toBe('found');
  });
});

describe('the /meeting share', () => {
  it('counts words and turns (a run of one speaker is one turn)', () => {
    const may = boardCorpus().meetings[3]!;
    const data = meetingShareData(may);
    expect(data.rows).toEqual([
      { name: 'Lotte Brandt', words: 23, turns: 2 },
      { name: 'Paulo Reyes', words: 8, turns: 1 },
    ]);
    expect(data.words).toBe(31);
    expect(data.turns).toBe(3);
  });

  it('shows seven speakers by name and the rest as one "others" row', () => {
    const names = Array.from({ length: 10 }, (_, i) => `Speaker ${String.fromCharCode(65 + i)}`);
    const corpus = makeCorpus(
      names.map((name) => ({ name, aliases: [], role: null })),
      [
        {
          file: 'big.txt',
          title: 'Big meeting',
          date: '2024-06-01',
          statements: names.map((speaker, i) => ({
            speaker,
            text: Array.from({ length: 20 - i }, (_, k) => `word${k}`).join(' '),
          })),
        },
      ],
    );
    const data = meetingShareData(corpus.meetings[0]!);
    expect(data.rows).toHaveLength(8);
    expect(data.rows[0]).toEqual({ name: 'Speaker A', words: 20, turns: 1 });
    expect(data.rows[7]).toEqual({ name: '3 others', words: 11 + 12 + 13, turns: 3, others: 3 });
    expect(data.speakers).toBe(10);
  });
});

describe('labels in the server’s locale', () => {
  it('writes dates in the locale, and ISO dates where the font has no glyphs for it', () => {
    expect(chartLocale('fr').day('2024-03-20')).toBe('20 mars 2024');
    expect(chartLocale('de').month('2024-03-01')).toBe('März 2024');
    expect(chartLocale('ja').day('2024-03-20')).toBe('2024-03-20');
    expect(chartLocale('not a locale!').tag).toBe('en-US');
    expect(BOARD).toHaveLength(7);
  });
});
