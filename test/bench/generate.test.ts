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
      for (const r of generateReports({ reports: 6, statementsPerReport: n, seed: n })) {
        const parsed = parseReport(r.text, r.name);
        expect(parsed.statements).toHaveLength(n);
        expect(parsed.statements.every((s) => s.speaker !== null)).toBe(true);
      }
    }
  });
});
