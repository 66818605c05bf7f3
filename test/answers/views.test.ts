import { describe, expect, it } from 'vitest';
import {
  buildMeetingDigest,
  buildProfileStats,
  buildSpeakerProfile,
} from '../../src/answers/profiles.js';
import { buildWhoView } from '../../src/answers/who-view.js';
import { buildMeetingView } from '../../src/answers/meeting-view.js';
import type { ReplyView } from '../../src/answers/view.js';
import type { StatementSpec } from './fixture-corpus.js';
import { buildFixtureCorpus, buildLindenfeldCorpus, buildMeeting } from './fixture-corpus.js';

const corpus = buildLindenfeldCorpus();
const stats = buildProfileStats(corpus);

/** Discord's embed limits (the renderer also enforces them; our views should not lean on that). */
function expectWithinDiscordLimits(view: ReplyView): void {
  expect(view.cards.length).toBeLessThanOrEqual(10);
  for (const card of view.cards) {
    expect(card.fields.length).toBeLessThanOrEqual(25);
    expect((card.title ?? '').length).toBeLessThanOrEqual(256);
    for (const f of card.fields) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.value.trim().length).toBeGreaterThan(0);
    }
  }
}

describe('/who view', () => {
  it('shows the profile publicly: role, meetings, topics and quotes with citations', () => {
    const view = buildWhoView(buildSpeakerProfile(corpus, 'varga', stats));
    expect(view.ephemeral).toBe(false);
    const card = view.cards[0];
    expect(card?.title).toBe('Elena Varga');
    expect(card?.description).toContain('Mayor of Lindenfeld');
    expect(card?.description).toContain('9 statements');
    const meetings = card?.fields.find((f) => f.name === 'Meetings')?.value ?? '';
    expect(meetings.split('\n')[0]).toBe('2024-04-02 — Council budget session on the river bridge');
    const quotes = card?.fields.filter((f) => f.value.includes('— ¶')) ?? [];
    expect(quotes).toHaveLength(3);
    expect(
      quotes.some((f) =>
        f.value.includes(
          'of 2024-04-02-council-budget.txt · [source](https://lindenfeld.example/council/2024-04-02)',
        ),
      ),
    ).toBe(true);
    expectWithinDiscordLimits(view);
  });

  it('says a silent participant was present and has no statements', () => {
    const view = buildWhoView(buildSpeakerProfile(corpus, 'brandt', stats));
    expect(view.cards[0]?.description).toContain(
      'Present at 1 meeting in the reports, with no statements of their own.',
    );
    expect(view.cards[0]?.fields.find((f) => f.name === 'Meetings')?.value).toContain('(present)');
  });

  it('answers an unknown name privately', () => {
    const view = buildWhoView(buildSpeakerProfile(corpus, 'Xavier Quinteros', stats));
    expect(view.ephemeral).toBe(true);
    expect(view.content).toMatch(/^No speaker named “Xavier Quinteros”/u);
    expect(view.cards).toEqual([]);
  });
});

describe('/meeting view', () => {
  it('shows the summary verbatim, participants, topics and one quote per speaker', () => {
    const result = buildMeetingDigest(corpus, '2024-04-02', stats);
    const view = buildMeetingView(result);
    const card = view.cards[0];
    expect(card?.title).toBe('Council budget session on the river bridge');
    expect(card?.url).toBe('https://lindenfeld.example/council/2024-04-02');
    for (const s of result.digest?.summary ?? []) expect(card?.description).toContain(s);
    expect(card?.fields.find((f) => f.name === 'Also present')?.value).toBe('Nadia Brandt');
    expect(
      card?.fields.filter((f) => f.name === 'Elena Varga' || f.name === 'Tom Okafor'),
    ).toHaveLength(2);
    expectWithinDiscordLimits(view);
  });

  it('names the speaker of each transcript sentence in the summary', () => {
    const card = buildMeetingView(buildMeetingDigest(corpus, '2024-05-14', stats)).cards[0];
    expect(card?.description).toMatch(
      /\*\*Piet Janssen:\*\* The night ferry carries nurses and bakers to the island\./u,
    );
  });

  it('stays within limits for a meeting with 40 speakers and a 6,000-character statement', () => {
    const specs: StatementSpec[] = [];
    const paragraphs: string[] = [
      'The whole district assembly met in the old market hall to argue about the harbour.',
    ];
    for (let i = 0; i < 40; i++) {
      const words = Array.from({ length: i === 0 ? 900 : 12 }, (_, k) => `harbour${k % 50}`).join(
        ' ',
      );
      const text = `Speaker number ${i} says ${words} and more.`;
      paragraphs.push(`DELEGATE ${i}: ${text}`);
      specs.push({
        speaker: `Delegate ${String(i).padStart(2, '0')} of the Lindenfeld district assembly with a rather long name`,
        kind: 'turn',
        text,
      });
    }
    const m = buildMeeting({
      id: 'assembly.txt',
      title: 'A'.repeat(300),
      date: '2024-08-01',
      text: paragraphs.join('\n\n'),
      statements: specs,
    });
    const c = buildFixtureCorpus([m], []);
    const view = buildMeetingView(buildMeetingDigest(c, 'assembly.txt'));
    expectWithinDiscordLimits(view);
    expect(view.cards[0]?.footer).toMatch(/more speakers not shown/u);
  });

  it('drops whole summary sentences rather than cutting one when they would overflow the embed', () => {
    const long = (n: number) =>
      `Sentence ${n} ${'about the harbour and the ferry '.repeat(40).trim()}.`;
    const digest = {
      id: 'x.txt',
      title: 'Long',
      date: null,
      file: 'x.txt',
      url: null,
      speakers: [],
      present: [],
      summary: [1, 2, 3, 4, 5].map(long),
      summarySpeakers: [null, null, null, null, null],
      topics: [],
      quotes: [],
      statements: 0,
    };
    const view = buildMeetingView({ query: 'x', digest, candidates: [], message: null });
    const description = view.cards[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    const shown = description.split('\n\n');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown).toEqual(digest.summary.slice(0, shown.length));
  });

  it('lists the choices privately when a date has several meetings, and says when nothing matches', () => {
    const none = buildMeetingView(buildMeetingDigest(corpus, 'zzzz qqqq', stats));
    expect(none.ephemeral).toBe(true);
    expect(none.content).toMatch(/No meeting matches/u);
    const twin = buildMeeting({
      id: 'twin.txt',
      text: 'The ferry committee met on the pier to discuss the winter timetable and the fares.',
      title: 'Ferry committee',
      date: '2024-05-14',
      statements: [],
    });
    const c = buildFixtureCorpus([...corpus.meetings, twin], []);
    const choose = buildMeetingView(buildMeetingDigest(c, '2024-05-14'));
    expect(choose.ephemeral).toBe(true);
    expect(choose.content?.split('\n')).toEqual([
      '2 meetings on 2024-05-14: pick one by title.',
      '• 2024-05-14 — Meeting of the Harbour Board on ferry fares',
      '• 2024-05-14 — Ferry committee',
    ]);
  });
});
