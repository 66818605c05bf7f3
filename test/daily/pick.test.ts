import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { listEligibleStatements, pickDailyQuote, pickRandomQuote } from '../../src/daily/pick.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { parseReport } from '../../src/corpus/parse.js';
import { openSqliteStoreNow } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { addDays } from '../../src/daily/time.js';
import { resolveQuoteOfTheDay } from '../../src/daily/today.js';
import { BOUNDS, buildTestCorpus, generateCouncilCorpus, makeTempDir } from './helpers.js';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});
function freshStore(): Store {
  const s = openSqliteStoreNow(makeTempDir());
  stores.push(s);
  return s;
}

const TWO_SPEAKERS = buildTestCorpus([
  {
    file: '2021-06-01-budget.txt',
    title: 'Budget hearing',
    date: '2021-06-01',
    statements: [
      {
        speaker: 'Mayor Elena Varga',
        text: 'The budget for the harbour will rise by a fifth next year, and every ward will see it.',
      },
      {
        speaker: 'Mayor Elena Varga',
        text: 'We owe the people of the east bank a working ferry before winter comes.',
      },
      { speaker: 'Mayor Elena Varga', text: 'No.' },
      {
        speaker: 'Councillor Tom Okafor',
        text: 'The tram line must reach the hospital before any new stadium is built in this city.',
      },
      {
        speaker: null,
        text: 'The meeting was adjourned at noon after a long debate about the harbour.',
      },
      {
        speaker: 'Councillor Tom Okafor',
        kind: 'paraphrase',
        text: 'Okafor said that the council had waited too long to act on the tram line plans.',
      },
    ],
  },
  {
    file: '2020-03-14-flood.txt',
    title: 'Flood briefing',
    date: '2020-03-14',
    statements: [
      {
        speaker: 'Councillor Tom Okafor',
        text: 'The river wall held this year, but it will not hold another flood like this one.',
      },
      // The same words reported twice count as one quote.
      {
        speaker: 'Mayor Elena Varga',
        text: 'We owe the people of the east bank a working ferry before winter comes.',
      },
    ],
  },
]);

function pickOn(
  date: string,
  history: { localDate: string; statementId: string }[] = [],
  serverId = 'srv',
) {
  return pickDailyQuote({ corpus: TWO_SPEAKERS, serverId, date, history, ...BOUNDS });
}

describe('pickDailyQuote', () => {
  it('only offers attributed verbatim quotes of readable length, each text once', () => {
    const texts = listEligibleStatements(TWO_SPEAKERS, BOUNDS).map((c) => c.statement.text);
    expect(texts).toHaveLength(4);
    expect(texts).not.toContain('No.');
    expect(texts.some((t) => t.startsWith('Okafor said that'))).toBe(false);
    expect(texts.some((t) => t.startsWith('The meeting was adjourned'))).toBe(false);
    // Tighter bounds from settings drop the long ones.
    const short = listEligibleStatements(TWO_SPEAKERS, { minChars: 40, maxChars: 75 });
    expect(short.map((c) => c.statement.text)).toEqual([
      'We owe the people of the east bank a working ferry before winter comes.',
    ]);
  });

  it('is the same for the same server and date, and differs between servers over time', () => {
    const a = pickOn('2027-01-05');
    expect(pickOn('2027-01-05')?.statement.id).toBe(a?.statement.id);
    const dates = Array.from({ length: 20 }, (_, i) => addDays('2027-01-01', i));
    const one = dates.map((d) => pickOn(d, [], 'server-one')?.statement.id);
    const two = dates.map((d) => pickOn(d, [], 'server-two')?.statement.id);
    expect(one).not.toEqual(two);
  });

  it('prefers a meeting held on this day in an earlier year', () => {
    const pick = pickOn('2027-03-14');
    expect(pick?.statement.text).toMatch(/^The river wall held/);
    expect(pick?.onThisDay).toBe(true);
    // Not for the same day of the same year, and not once that quote has been used.
    expect(pickOn('2020-03-14')?.onThisDay).toBe(false);
    const used = [{ localDate: '2026-03-14', statementId: '2020-03-14-flood.txt#0' }];
    expect(pickOn('2027-03-14', used)?.statement.id).not.toBe('2020-03-14-flood.txt#0');
  });

  it('lets speakers take turns', () => {
    const history: { localDate: string; statementId: string }[] = [];
    const speakers: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const date = addDays('2027-05-01', i);
      const pick = pickOn(date, history);
      speakers.push(pick?.statement.speaker ?? null);
      if (pick) history.push({ localDate: date, statementId: pick.statement.id });
    }
    // Two quotes each: the speakers alternate rather than one running out first.
    expect(speakers[0]).not.toBe(speakers[1]);
    expect(speakers[2]).not.toBe(speakers[3]);
    expect(new Set(history.map((h) => h.statementId)).size).toBe(4);
  });

  it('uses every quote once before any comes back, and never repeats the day before', () => {
    const history: { localDate: string; statementId: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const date = addDays('2027-05-01', i);
      const pick = pickOn(date, history);
      if (pick) history.push({ localDate: date, statementId: pick.statement.id });
    }
    const ids = history.map((h) => h.statementId);
    expect(new Set(ids.slice(0, 4)).size).toBe(4);
    expect(new Set(ids.slice(4, 8)).size).toBe(4);
    expect(new Set(ids.slice(8, 12)).size).toBe(4);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1]);
  });

  it('finds nothing rather than something unreadable', () => {
    expect(
      pickDailyQuote({
        corpus: TWO_SPEAKERS,
        serverId: 's',
        date: '2027-01-01',
        history: [],
        minChars: 500,
        maxChars: 900,
      }),
    ).toBeNull();
  });

  it('picks a random quote within the bounds, by speaker when asked', () => {
    const pick = pickRandomQuote({
      corpus: TWO_SPEAKERS,
      bounds: BOUNDS,
      speaker: 'Councillor Tom Okafor',
      random: () => 0.99,
    });
    expect(pick?.statement.speaker).toBe('Councillor Tom Okafor');
  });
});

describe('the quote of the day is a person speaking', () => {
  const file = '2024-07-09-ferry-press-conference.txt';
  const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'daily', file), 'utf8');
  const corpus = buildCorpus([parseReport(text, file)]);

  it("never picks a reporter's question, a moderator or an aide", () => {
    // The parser does read those turns, as generic speakers.
    expect(corpus.speakers.filter((s) => s.generic).map((s) => s.name)).toEqual([
      'Q',
      'Moderator',
      'Aide',
    ]);
    expect(corpus.statements.filter((s) => s.speaker === 'Q')).toHaveLength(3);
    const history: { localDate: string; statementId: string }[] = [];
    const speakers = new Set<string | null>();
    for (let i = 0; i < 12; i++) {
      const date = addDays('2027-07-01', i);
      const pick = pickDailyQuote({ corpus, serverId: 'srv', date, history, ...BOUNDS });
      speakers.add(pick?.statement.speaker ?? null);
      if (pick) history.push({ localDate: date, statementId: pick.statement.id });
    }
    expect([...speakers].sort()).toEqual(['Elena Varga', 'Okafor']);
    for (let i = 0; i < 10; i++) {
      const pick = pickRandomQuote({ corpus, bounds: BOUNDS, random: () => i / 10 });
      expect(['Elena Varga', 'Okafor']).toContain(pick?.statement.speaker);
    }
    expect(pickRandomQuote({ corpus, bounds: BOUNDS, speaker: 'Q', random: () => 0 })).toBeNull();
  });
});

describe('quote of the day with history in the store', () => {
  it('never repeats over 365 days on a corpus larger than a year', async () => {
    const corpus = generateCouncilCorpus(80, 5); // 400 statements
    const store = freshStore();
    const seen = new Map<string, string>();
    for (let i = 0; i < 365; i++) {
      const date = addDays('2027-01-01', i);
      const pick = await resolveQuoteOfTheDay({
        corpus,
        store,
        bounds: BOUNDS,
        guildId: 'g',
        localDate: date,
        now: new Date(`${date}T10:00:00Z`),
        record: true,
      });
      expect(pick).not.toBeNull();
      const id = pick?.statement.id ?? '';
      expect(seen.get(id), `${id} on ${date} repeats ${seen.get(id)}`).toBeUndefined();
      seen.set(id, date);
    }
    // Fair turns: five speakers share 365 days almost evenly (73 each, give or take the days an
    // "on this day" quote jumps the queue).
    const counts = new Map<string, number>();
    for (const id of seen.keys()) {
      const speaker = corpus.statements.find((s) => s.id === id)?.speaker ?? '';
      counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
    }
    expect(counts.size).toBe(5);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(2);
  });

  it('pins the day: once recorded, the same quote comes back even when history changes', async () => {
    const corpus = generateCouncilCorpus(10, 3);
    const store = freshStore();
    const req = {
      corpus,
      store,
      bounds: BOUNDS,
      guildId: 'g',
      localDate: '2027-02-02',
      now: new Date('2027-02-02T08:00:00Z'),
      record: true,
    };
    const first = await resolveQuoteOfTheDay(req);
    await store.savePick(
      'g',
      '2027-02-01',
      first?.statement.id ?? '',
      new Date('2027-02-02T09:00:00Z'),
    );
    expect((await resolveQuoteOfTheDay(req))?.statement.id).toBe(first?.statement.id);
  });

  it('picks again when the pinned statement left the corpus', async () => {
    const corpus = generateCouncilCorpus(3, 3);
    const store = freshStore();
    await store.savePick('g', '2027-02-02', 'gone.txt#4', new Date('2027-02-02T08:00:00Z'));
    const pick = await resolveQuoteOfTheDay({
      corpus,
      store,
      bounds: BOUNDS,
      guildId: 'g',
      localDate: '2027-02-02',
      now: new Date('2027-02-02T09:00:00Z'),
      record: true,
    });
    expect(pick).not.toBeNull();
    expect(await store.getPick('g', '2027-02-02')).toBe(pick?.statement.id);
  });
});

describe('pickDailyQuote, for any corpus', () => {
  it('goes through every eligible quote once per round, never the same two days running', () => {
    const speakerNames = ['Mayor Elena Varga', 'Councillor Tom Okafor', 'Clerk Amara Nwosu'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            speaker: fc.constantFrom(...speakerNames),
            month: fc.integer({ min: 1, max: 12 }),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { minLength: 2, maxLength: 12 },
        ),
        fc.string({ minLength: 1, maxLength: 8 }),
        (rows, serverId) => {
          const corpus = buildTestCorpus(
            rows.map((r, i) => {
              const date = `2019-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
              return {
                file: `${date}-m${i}.txt`,
                title: `Meeting ${i}`,
                date,
                statements: [
                  {
                    speaker: r.speaker,
                    text: `Statement number ${i} of the council, on the matter of ward ${i} and its roads.`,
                  },
                ],
              };
            }),
          );
          const n = rows.length;
          const history: { localDate: string; statementId: string }[] = [];
          for (let d = 0; d < 3 * n; d++) {
            const date = addDays('2027-01-01', d * 11);
            const pick = pickDailyQuote({ corpus, serverId, date, history, ...BOUNDS });
            if (!pick) return false;
            history.push({ localDate: date, statementId: pick.statement.id });
          }
          const ids = history.map((h) => h.statementId);
          for (let round = 0; round < 3; round++) {
            if (new Set(ids.slice(round * n, (round + 1) * n)).size !== n) return false;
          }
          return ids.every((id, i) => i === 0 || id !== ids[i - 1]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
