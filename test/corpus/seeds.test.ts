// Every shipped report parses with sound invariants, and the seed reads exactly as issue 2 says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { parseReport } from '../../src/corpus/parse.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const SEED = '2017-03-05-meeting-with-azerbaijan-president-ilham-aliyev.txt';

describe('every file in seeds/', () => {
  it('loads with unique ids, valid dates, exact offsets and a speaker or an anonymous turn', async () => {
    const corpus = await loadCorpus(SEEDS);
    const files = readdirSync(SEEDS).filter((f) => /\.(txt|md)$/.test(f));
    expect(corpus.meetings.length).toBe(files.length);
    expect(new Set(corpus.statements.map((s) => s.id)).size).toBe(corpus.statements.length);
    expect(new Set(corpus.meetings.map((m) => m.id)).size).toBe(corpus.meetings.length);
    for (const m of corpus.meetings) {
      if (m.date) expect(new Date(m.date + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(m.date);
      expect(m.statements.length).toBeGreaterThan(0);
      for (const s of m.statements) {
        expect(s.text.trim()).not.toBe('');
        expect(m.text.slice(s.start, s.end)).toBe(s.text);
        expect(s.paragraph).toBeGreaterThan(0);
        if (s.speaker === null) expect(s.kind).toBe('turn');
        else expect(corpus.speakers.some((p) => p.name === s.speaker)).toBe(true);
      }
    }
    // Every shipped file is readable text (a cut-off page may still earn a warning).
    expect(
      corpus.warnings.filter((w) =>
        /could not be read|binary|invalid UTF-8|empty file/.test(w.message),
      ),
    ).toEqual([]);
  });
});

describe('the seed report', () => {
  const r = parseReport(readFileSync(join(SEEDS, SEED), 'utf8'), SEED);

  it('has its title and date', () => {
    expect(r.title).toBe('Meeting with Azerbaijan President Ilham Aliyev');
    expect(r.date).toBe('2017-03-05');
  });

  it('has exactly the twelve statements of issue 2, in order', () => {
    expect(
      r.statements.map((s) => [s.speaker, s.kind, s.text.split(' ').slice(0, 5).join(' ')]),
    ).toEqual([
      ['Ali Khamenei', 'paraphrase', 'The Leader mentioned common religion'],
      ['Ali Khamenei', 'quote', 'The level of economic cooperation'],
      ['Ali Khamenei', 'quote', 'The government of Azerbaijan has'],
      ['Ali Khamenei', 'quote', 'The evil Zionist regime is'],
      ['Ali Khamenei', 'quote', 'It would be better and'],
      ['Ali Khamenei', 'paraphrase', 'Ayatollah Khamenei then described obtaining'],
      ['Ali Khamenei', 'quote', 'If the government of Azerbaijan'],
      ['Ilham Aliyev', 'quote', 'Iran and Azerbaijan have always'],
      ['Ilham Aliyev', 'quote', 'Relations between the two countries'],
      ['Ilham Aliyev', 'quote', 'During the past three years,'],
      ['Ilham Aliyev', 'paraphrase', 'Aliyev, however, noted that the'],
      ['Ilham Aliyev', 'quote', 'Connecting the two countries’ railroads'],
    ]);
  });

  it('names the speakers with roles and the aliases the report uses', () => {
    const [khamenei, aliyev] = r.speakers;
    expect(khamenei?.name).toBe('Ali Khamenei');
    expect(khamenei?.role).toBe('Leader of the Islamic Revolution');
    expect(khamenei?.aliases).toEqual(
      expect.arrayContaining(['Khamenei', 'Ayatollah Khamenei', 'the Leader']),
    );
    // Clean forms only: the role is the role, not glued to the name.
    expect(khamenei?.aliases).not.toContain(
      'Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei',
    );
    expect(aliyev?.name).toBe('Ilham Aliyev');
    expect(aliyev?.role).toBe('President of the Republic of Azerbaijan');
    expect(aliyev?.aliases).toEqual(
      expect.arrayContaining(['Aliyev', 'the president of Azerbaijan']),
    );
  });

  it('records Hassan Rouhani as present, not as a speaker', () => {
    expect(r.present.map((p) => p.name)).toEqual(['Hassan Rouhani']);
    expect(r.statements.some((s) => s.speaker === 'Hassan Rouhani')).toBe(false);
  });

  it('keeps the introducing sentence as context', () => {
    expect(r.statements[1]?.context).toBe(
      'Criticizing the low level of ties between the two neighbors, Ayatollah Khamenei noted,',
    );
  });
});
