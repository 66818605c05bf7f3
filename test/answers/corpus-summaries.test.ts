// Invariants over real loaded corpora: every file in seeds/ and every report fixture in test/fixtures/.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { spokenText } from '../../src/corpus/text.js';
import {
  buildMeetingDigest,
  buildProfileStats,
  meetingOneLine,
  profileSpeaker,
  summarizeMeeting,
} from '../../src/answers/profiles.js';
import { buildWhoView } from '../../src/answers/who-view.js';
import { buildMeetingView } from '../../src/answers/meeting-view.js';
import { listCandidateSentences } from '../../src/answers/summarize.js';

describe.each(['seeds', 'test/fixtures'])('every meeting in %s', (dir) => {
  it('has a 3–5 sentence summary whose every sentence is in its report, word for word', async () => {
    const corpus = await loadCorpus(dir);
    expect(corpus.meetings.length).toBeGreaterThan(0);
    for (const m of corpus.meetings) {
      const summary = summarizeMeeting(m);
      // Three sentences unless the report has fewer prose sentences than that.
      expect(summary.length, m.file).toBeGreaterThanOrEqual(
        Math.min(3, listCandidateSentences(m).length),
      );
      expect(summary.length, m.file).toBeLessThanOrEqual(5);
      for (const s of summary) expect(m.text.includes(s), `${m.file}: ${s}`).toBe(true);
      const one = meetingOneLine(m);
      if (one !== null) expect(m.text).toContain(one);
    }
  });

  it('gives every person a profile whose quotes are their own statements, and every meeting a digest', async () => {
    const corpus = await loadCorpus(dir);
    const stats = buildProfileStats(corpus);
    for (const speaker of corpus.speakers) {
      const p = profileSpeaker(stats, speaker);
      expect(p.statements).toBe(corpus.statements.filter((s) => s.speaker === speaker.name).length);
      expect(p.meetings.length, speaker.name).toBeGreaterThan(0);
      for (const q of p.quotes) {
        const st = corpus.statements.find((s) => s.id === q.statementId);
        expect(st?.speaker).toBe(speaker.name);
        // What the person said: a turn joined from caption cues without the cue timings.
        expect(st && spokenText(st)).toBe(q.text);
      }
      expect(
        buildWhoView({ query: speaker.name, profile: p, candidates: [], message: null }).cards,
      ).toHaveLength(1);
    }
    for (const m of corpus.meetings) {
      const r = buildMeetingDigest(corpus, m.id, stats);
      expect(r.digest?.id).toBe(m.id);
      expect(buildMeetingView(r).cards[0]?.fields.length).toBeLessThanOrEqual(25);
    }
  });
});
