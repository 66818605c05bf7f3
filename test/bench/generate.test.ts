// The report generator: deterministic, in the corpus's styles, with the statement count asked for.
import { describe, expect, it } from 'vitest';
import { generateReports } from '../../src/bench/generate.js';
import { parseReport } from '../../src/corpus/parse.js';

describe('generateReports', () => {
  const reports = generateReports({ reports: 30, seed: 5 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateReports({ reports: 30, seed: 5 })).toEqual(reports);
    expect(generateReports({ reports: 30, seed: 6 })[0]?.text).not.toBe(reports[0]?.text);
  });

  it('writes ~3 KB files with unique names in news, transcript and Markdown styles', () => {
    const avg = reports.reduce((a, r) => a + r.text.length, 0) / reports.length;
    expect(avg).toBeGreaterThan(2000);
    expect(avg).toBeLessThan(4500);
    expect(new Set(reports.map((r) => r.name)).size).toBe(reports.length);
    expect(reports.some((r) => r.name.endsWith('.md') && r.text.startsWith('---\n'))).toBe(true);
    expect(reports.some((r) => /^[A-Z ]+: /m.test(r.text))).toBe(true);
    expect(reports.some((r) => r.text.includes('\u201c'))).toBe(true);
  });

  it('gives each report exactly the statements asked for, every one with a speaker', () => {
    for (const n of [1, 7, 40]) {
      for (const conversational of [false, true]) {
        for (const r of generateReports({
          reports: 10,
          statementsPerReport: n,
          seed: n,
          conversational,
        })) {
          const parsed = parseReport(r.text, r.name);
          expect(parsed.statements, r.name).toHaveLength(n);
          expect(parsed.statements.every((s) => s.speaker !== null)).toBe(true);
        }
      }
    }
  });

  it('writes caption files of timed short cues and minutes in reported speech', () => {
    const vtt = reports.filter((r) => r.name.endsWith('.vtt'));
    expect(vtt.length).toBeGreaterThan(3);
    for (const r of vtt) {
      const parsed = parseReport(r.text, r.name);
      expect(r.text.startsWith('WEBVTT')).toBe(true);
      // Many short cues: more cues than turns, every turn timed.
      expect(r.text.match(/ --> /g)?.length ?? 0).toBeGreaterThan(parsed.statements.length);
      expect(parsed.statements.every((s) => /^\d\d:\d\d:\d\d$/.test(s.time ?? ''))).toBe(true);
    }
    const minutes = reports.filter((r) => r.text.split('\n')[0]?.endsWith(': minutes'));
    expect(minutes.length).toBeGreaterThan(3);
    for (const r of minutes) {
      const kinds = new Set(parseReport(r.text, r.name).statements.map((s) => s.kind));
      expect([...kinds]).toEqual(['paraphrase']);
    }
  });

  it('writes a conversational corpus of short turns, some of them backchannel', () => {
    const calls = generateReports({ reports: 20, seed: 3, conversational: true });
    const turns = calls.flatMap((r) => parseReport(r.text, r.name).statements);
    expect(calls.every((r) => r.name.endsWith('.vtt'))).toBe(true);
    const words = turns.map((t) => t.text.split(/\s+/).length).sort((x, y) => x - y);
    expect(words[Math.floor(words.length / 2)]).toBeLessThanOrEqual(12);
    expect(turns.some((t) => t.text === 'Yeah.' || t.text === '+1')).toBe(true);
  });
});
