import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildMeetingDigest,
  buildProfileStats,
  buildSpeakerProfile,
  getProfileStats,
} from '../../src/answers/profiles.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { parseReport } from '../../src/corpus/parse.js';
import type { Corpus } from '../../src/corpus/types.js';
import {
  buildFixtureCorpus,
  buildLindenfeldCorpus,
  buildMeeting,
  PEOPLE,
} from './fixture-corpus.js';

const corpus = buildLindenfeldCorpus();
const stats = buildProfileStats(corpus);

function profileOf(query: string) {
  const result = buildSpeakerProfile(corpus, query, stats);
  if (!result.profile) throw new Error(`no profile for ${query}: ${result.message}`);
  return result.profile;
}

describe('buildSpeakerProfile', () => {
  it('gives name, role, aliases, meetings oldest first and the statement count', () => {
    const p = profileOf('varga');
    expect(p.name).toBe('Elena Varga');
    expect(p.role).toBe('Mayor of Lindenfeld');
    expect(p.aliases).toContain('the Mayor');
    expect(p.meetings.map((m) => m.date)).toEqual(['2024-04-02', '2024-05-14', '2024-06-20']);
    expect(p.statements).toBe(9);
    expect(p.silent).toBe(false);
  });

  it('finds a person by role', () => {
    expect(profileOf('harbourmaster').name).toBe('Piet Janssen');
  });

  it('lists the topics a speaker uses more than everyone else, not pleasantries or names', () => {
    const varga = profileOf('varga').topics;
    expect(varga).toEqual(expect.arrayContaining(['ferry', 'bridge']));
    expect(varga).not.toContain('afternoon');
    expect(varga.map((t) => t.toLowerCase())).not.toContain('varga');
    const okafor = profileOf('okafor').topics;
    // Okafor argued about the bus depot; only Varga and Janssen spoke about the ferry.
    expect(okafor).toEqual(expect.arrayContaining(['bus depot', 'budget']));
    expect(okafor).not.toContain('ferry');
    const janssen = profileOf('janssen').topics;
    expect(janssen).toContain('island');
  });

  it('joins two topic words the statements always write together', () => {
    // "bus depot" occurs in both of Okafor's quotes that mention either word.
    expect(profileOf('okafor').topics).toContain('bus depot');
    expect(profileOf('okafor').topics).not.toContain('bus');
  });

  it('picks three substantive quotes of the speaker, with citations', () => {
    const p = profileOf('varga');
    expect(p.quotes).toHaveLength(3);
    for (const q of p.quotes) {
      expect(q.speaker).toBe('Elena Varga');
      const meeting = corpus.meetings.find((m) => m.id === q.meeting.id);
      expect(meeting?.text).toContain(q.text);
      const statement = meeting?.statements.find((s) => s.text === q.text);
      expect(q.paragraph).toBe(statement?.paragraph);
      expect(q.meeting.file).toBe(meeting?.file);
    }
    const texts = p.quotes.map((q) => q.text);
    expect(texts).not.toContain('Good afternoon. Thank you for coming.');
    expect(texts).not.toContain('Fifty cents it is, then.');
  });

  it('shows fewer quotes rather than pleasantries', () => {
    const janssen = profileOf('janssen');
    expect(janssen.quotes.map((q) => q.text)).not.toContain('Thank you, Madam Mayor.');
    expect(janssen.quotes).toHaveLength(2);
  });

  it('profiles a silent participant as present, not unknown', () => {
    const result = buildSpeakerProfile(corpus, 'brandt', stats);
    expect(result.profile).toMatchObject({
      name: 'Nadia Brandt',
      statements: 0,
      silent: true,
      quotes: [],
      topics: [],
    });
    expect(result.profile?.meetings).toEqual([
      expect.objectContaining({ date: '2024-04-02', spoke: false }),
    ]);
  });

  it('says "no speaker named …" for an unknown name, and asks for a name when given none', () => {
    const unknown = buildSpeakerProfile(corpus, 'Xavier Quinteros', stats);
    expect(unknown.profile).toBeNull();
    expect(unknown.message).toMatch(/^No speaker named “Xavier Quinteros”/u);
    for (const empty of ['', '   ', '?!…']) {
      const r = buildSpeakerProfile(corpus, empty, stats);
      expect(r.profile).toBeNull();
      expect(r.message).toMatch(/Give a name/u);
    }
  });

  it('builds the statistics itself when not given them', () => {
    expect(buildSpeakerProfile(corpus, 'okafor').profile?.statements).toBe(3);
  });
});

describe('buildMeetingDigest', () => {
  it('finds a meeting by date, title words or file, with participants, summary, topics and a quote per speaker', () => {
    const byDate = buildMeetingDigest(corpus, '2024-05-14', stats).digest;
    expect(byDate?.title).toBe('Meeting of the Harbour Board on ferry fares');
    expect(byDate?.speakers).toEqual(['Elena Varga', 'Piet Janssen']);
    expect(byDate?.topics).toContain('ferry');
    expect(byDate?.quotes.map((q) => q.speaker)).toEqual(['Elena Varga', 'Piet Janssen']);
    expect(byDate?.summary.length).toBeGreaterThanOrEqual(3);
    expect(buildMeetingDigest(corpus, 'river bridge budget', stats).digest?.date).toBe(
      '2024-04-02',
    );
    expect(buildMeetingDigest(corpus, '2024-06-20-school-visit.txt', stats).digest?.date).toBe(
      '2024-06-20',
    );
  });

  it('lists those present who said nothing', () => {
    const d = buildMeetingDigest(corpus, '2024-04-02', stats).digest;
    expect(d?.present).toEqual(['Nadia Brandt']);
    expect(d?.quotes.map((q) => q.speaker)).toEqual(['Elena Varga', 'Tom Okafor']);
  });

  it('prefers a quote in the speaker’s own words over a paraphrase, and skips pleasantries', () => {
    const d = buildMeetingDigest(corpus, '2024-05-14', stats).digest;
    const varga = d?.quotes.find((q) => q.speaker === 'Elena Varga');
    expect(varga?.text).not.toMatch(/^(Good afternoon|Fifty cents)/u);
    const budget = buildMeetingDigest(corpus, '2024-04-02', stats).digest;
    expect(budget?.quotes.every((q) => q.kind === 'quote')).toBe(true);
  });

  it('asks to choose when several meetings share a date', () => {
    const text =
      'The ferry committee met on the pier to discuss the winter timetable and the fares.';
    const twin = buildMeeting({
      id: 'twin.txt',
      text,
      title: 'Ferry committee',
      date: '2024-05-14',
      statements: [],
    });
    const c: Corpus = buildFixtureCorpus([...corpus.meetings, twin], PEOPLE);
    const r = buildMeetingDigest(c, '2024-05-14');
    expect(r.digest).toBeNull();
    expect(r.candidates.map((m) => m.id).sort()).toEqual([
      '2024-05-14-harbour-board.txt',
      'twin.txt',
    ]);
  });

  it('says so when nothing matches, and accepts an id cut to 100 characters', () => {
    const none = buildMeetingDigest(corpus, 'zzzz qqqq', stats);
    expect(none.digest).toBeNull();
    expect(none.message).toMatch(/No meeting matches/u);
    const longId = `${'long-name-'.repeat(12)}.txt`;
    const m = buildMeeting({
      id: longId,
      text: 'The pier was repaired on time and under budget this spring.',
      title: null,
      date: null,
      statements: [],
    });
    const c = buildFixtureCorpus([m], PEOPLE);
    expect(buildMeetingDigest(c, longId.slice(0, 100)).digest?.id).toBe(longId);
  });
});

describe("generic speakers (reporters' questions, aides)", () => {
  const text = [
    'Press Conference by Mayor Elena Varga on the Ferry Service',
    'July 9, 2024',
    'MAYOR VARGA: The east bank ferry will run every twenty minutes from Monday onwards.',
    'Q: Madam Mayor, will the ferry fares for the east bank rise again next year?',
    'MAYOR VARGA: The ferry fares stay at two crowns, and children ride for free.',
    'AIDE: The ferry timetable for the east bank goes to every newsroom this evening.',
  ].join('\n\n');
  const pressCorpus = buildCorpus([parseReport(text, '2024-07-09-ferry.txt')]);

  it('give no key quote in a meeting digest, though their turns are kept', () => {
    const d = buildMeetingDigest(pressCorpus, '2024-07-09').digest;
    expect(d?.speakers).toEqual(['Elena Varga', 'Q', 'Aide']);
    expect(d?.quotes.map((q) => q.speaker)).toEqual(['Elena Varga']);
  });

  it('still have a profile under /who', () => {
    const q = buildSpeakerProfile(pressCorpus, 'Q').profile;
    expect(q?.name).toBe('Q');
  });
});

describe('getProfileStats', () => {
  it('builds once per context and rebuilds when the corpus changes', () => {
    const ctx: { corpus: Corpus; profileStats?: ReturnType<typeof buildProfileStats> } = { corpus };
    const first = getProfileStats(ctx);
    expect(getProfileStats(ctx)).toBe(first);
    ctx.corpus = buildLindenfeldCorpus();
    expect(getProfileStats(ctx)).not.toBe(first);
  });
});

describe('buildSpeakerProfile lookups', () => {
  it('finds people by surname typo and by alias', () => {
    expect(buildSpeakerProfile(corpus, 'okafro', stats).profile?.name).toBe('Tom Okafor');
    expect(buildSpeakerProfile(corpus, 'the mayor', stats).profile?.name).toBe('Elena Varga');
  });

  it('lists the candidates when a name fits several people', () => {
    const marta = buildMeeting({
      id: 'market.txt',
      title: 'Market day',
      date: '2024-07-01',
      text: 'Marta Varga opened the market and said, “The stalls are full this year.”',
      statements: [
        { speaker: 'Marta Varga', kind: 'quote', text: 'The stalls are full this year.' },
      ],
    });
    const c = buildFixtureCorpus(
      [...corpus.meetings, marta],
      [...PEOPLE, { name: 'Marta Varga', aliases: ['Varga'], role: 'Market warden' }],
    );
    const r = buildSpeakerProfile(c, 'varga');
    expect(r.profile).toBeNull();
    expect(r.candidates.map((s) => s.name).sort()).toEqual(['Elena Varga', 'Marta Varga']);
    expect(r.message).toMatch(/could be 2 people/u);
    expect(buildSpeakerProfile(c, 'marta varga').profile?.statements).toBe(1);
  });
});

describe('untrusted queries', () => {
  it('never throw, and always answer with a profile/digest or a message (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (q) => {
        const who = buildSpeakerProfile(corpus, q, stats);
        expect(who.profile !== null || (who.message ?? '').length > 0).toBe(true);
        const meeting = buildMeetingDigest(corpus, q, stats);
        expect(meeting.digest !== null || (meeting.message ?? '').length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
