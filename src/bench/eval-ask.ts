// `npm run eval`: asks every question of an evaluation set of our engine and of a plain BM25
// baseline (MiniSearch over the same parsed statements) and prints both side by side: overall,
// held out from tuning, tuning part, and per kind of record. The records and questions are only
// read from the paths given; nothing of them is copied into the project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../corpus/load.js';
import { readStructured } from '../corpus/readers/index.js';
import { spokenText } from '../corpus/text.js';
import type { Corpus, Meeting, Statement } from '../corpus/types.js';
import stem from 'wink-porter2-stemmer';
import { ASK_PAGE_SIZE } from '../answers/ask-view.js';
import { askQuestion, buildIndex } from '../search/engine.js';
import { tokenize } from '../search/normalize.js';
import { miniSearchBaseline, rawLinesBaseline } from './minisearch-baseline.js';
import { QUESTION_WORDS, STOPWORDS } from '../search/stopwords.js';

export interface EvalQuestion {
  q: string;
  file: string | null;
  speaker: string | null;
  /** First words of the right statement; null when the honest answer is "nothing found". */
  start: string | null;
  alt?: string[];
}

/** The scoring rule of the evaluation set (its `covers`): does a shown text hold a gold start? */
export type Covers = (text: string, start: string) => boolean;

/** One engine: the statements it shows for a question, best first. */
export type Answerer = (question: string) => Statement[];

/**
 * Files kept out of tuning: the evaluation brief's held-out records. Their questions, and the
 * no-answer questions at an odd index in the list, form the held-out part; everything else is the
 * tuning part. Judge a change by the held-out line, never tune to it.
 */
export const HELD_OUT_FILES: ReadonlySet<string> = new Set([
  'khamenei-sirisena-2018.txt',
  'kremlin-barroso-2005.txt',
  'evanston-task-force-1991-01.txt',
  'ethereum-rpcstandards-2026-07.vtt',
]);

export function isHeldOut(q: EvalQuestion, index: number): boolean {
  if (q.start === null) return index % 2 === 1;
  return q.file !== null && HELD_OUT_FILES.has(q.file);
}

/** How many results a reply shows: /ask's page (its cut-off after the best is the engine's gate). */
const SHOWN = ASK_PAGE_SIZE;

/** Content concepts of a text: stemmed words that are neither stopwords nor question phrasing. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of tokenize(text)) {
    if (STOPWORDS.has(w) || QUESTION_WORDS.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

/** A shown statement that shares no content concept with the question. */
export function isOffTopic(question: string, shown: Statement): boolean {
  const words = contentStems(spokenText(shown));
  return ![...contentStems(question)].some((c) => words.has(c));
}

/**
 * The kind of record, from the reader that read the file; files no structured reader takes went
 * to the prose parser, and are told apart by what it found there (labelled turns, quotes, or only
 * reported speech).
 */
export function kindOfRecord(meeting: Meeting): string {
  const reader = readStructured(meeting.text, meeting.file)?.reader;
  if (reader) {
    const r = reader.toLowerCase();
    if (/caption|vtt|srt/.test(r)) return 'captions';
    if (/chat|irc|log|slack/.test(r)) return 'chat/log';
    if (/minute|readout/.test(r)) return 'minutes';
    if (/note|markdown|bullet/.test(r)) return 'notes';
    if (/transcript|court|hearing|html|fomc|label/.test(r)) return 'transcript';
    return r;
  }
  const kinds = meeting.statements.map((s) => s.kind);
  const turns = kinds.filter((k) => k === 'turn').length;
  if (turns > 0 && turns >= kinds.length / 2) return 'transcript (prose)';
  if (kinds.includes('quote')) return 'news (prose)';
  return 'minutes (prose)';
}

/** Our engine, as /ask and the CLI call it (their default page of results). */
export function ourAnswerer(corpus: Corpus): Answerer {
  const index = buildIndex(corpus);
  return (q) => askQuestion(index, q, { limit: SHOWN }).results.map((r) => r.statement);
}

/** The baseline: MiniSearch over the same statements (the search bench's, one page of results). */
export function miniSearchAnswerer(corpus: Corpus): Answerer {
  return miniSearchBaseline(corpus, SHOWN);
}

/** The plain yardstick: MiniSearch over the raw lines of the files, no parser. */
export function rawLinesAnswerer(corpus: Corpus): Answerer {
  return rawLinesBaseline(corpus, SHOWN);
}

export interface Tally {
  questions: number;
  answerable: number;
  hit1: number;
  hit3: number;
  rr: number;
  wronglyEmpty: number;
  noAnswer: number;
  noAnswerOk: number;
  /** Shown results after the first, and those sharing no content concept with the question. */
  later: number;
  laterUnrelated: number;
}

function emptyTally(): Tally {
  return {
    questions: 0,
    answerable: 0,
    hit1: 0,
    hit3: 0,
    rr: 0,
    wronglyEmpty: 0,
    noAnswer: 0,
    noAnswerOk: 0,
    later: 0,
    laterUnrelated: 0,
  };
}

/**
 * Scores one engine's shown results for one question into a tally (the eval's rules). Returns the
 * rank of the first right statement (0-based), -1 when none is shown, null for a no-answer question.
 */
export function scoreInto(
  t: Tally,
  q: EvalQuestion,
  shown: Statement[],
  covers: Covers,
): number | null {
  t.questions++;
  for (const s of shown.slice(1)) {
    t.later++;
    if (isOffTopic(q.q, s)) t.laterUnrelated++;
  }
  if (q.start === null) {
    t.noAnswer++;
    if (shown.length === 0) t.noAnswerOk++;
    return null;
  }
  t.answerable++;
  const starts = [q.start, ...(q.alt ?? [])];
  // Scored on what the CLI's JSON gives: the spoken text (no cue timings inside a turn).
  const rank = shown.findIndex((s) => starts.some((st) => covers(spokenText(s), st)));
  if (shown.length === 0) t.wronglyEmpty++;
  if (rank === 0) t.hit1++;
  if (rank >= 0 && rank < 3) t.hit3++;
  if (rank >= 0) t.rr += 1 / (rank + 1);
  return rank;
}

export interface EvalReport {
  /** Group name ("all", "held-out", "tuning", "kind: captions") → engine → tally. */
  groups: Map<string, Map<string, Tally>>;
  /** The first engine's misses on the tuning part only (the held-out part is never listed). */
  misses: string[];
}

/** Asks every question of every engine and tallies by group. */
export function evaluate(
  corpus: Corpus,
  questions: EvalQuestion[],
  engines: Record<string, Answerer>,
  covers: Covers,
): EvalReport {
  const kindOfFile = new Map<string, string>();
  for (const m of corpus.meetings) kindOfFile.set(m.id, kindOfRecord(m));
  const groups = new Map<string, Map<string, Tally>>();
  const tally = (group: string, engine: string) => {
    let g = groups.get(group);
    if (!g) groups.set(group, (g = new Map()));
    let t = g.get(engine);
    if (!t) g.set(engine, (t = emptyTally()));
    return t;
  };
  for (const [name] of Object.entries(engines)) {
    tally('all', name);
    tally('held-out', name);
    tally('tuning', name);
  }
  const misses: string[] = [];
  const first = Object.keys(engines)[0];
  questions.forEach((q, i) => {
    const part = isHeldOut(q, i) ? 'held-out' : 'tuning';
    const kind = q.file ? (kindOfFile.get(q.file) ?? 'not loaded') : 'no answer';
    for (const [name, ask] of Object.entries(engines)) {
      const shown = ask(q.q);
      let rank: number | null = null;
      for (const group of ['all', part, `kind: ${kind}`])
        rank = scoreInto(tally(group, name), q, shown, covers);
      if (name !== first || part !== 'tuning') continue;
      const top = shown[0]
        ? `${shown[0].speaker ?? '(group)'}: ${spokenText(shown[0]).slice(0, 60)}`
        : '';
      if (rank === null && shown.length > 0) misses.push(`no answer expected: ${q.q} -> ${top}`);
      else if (rank !== null && rank !== 0)
        misses.push(`rank ${rank < 0 ? '-' : rank + 1}: ${q.q} -> ${top || '(nothing)'}`);
      for (const s of shown.slice(1).filter((s) => isOffTopic(q.q, s)))
        misses.push(
          `off-topic extra: ${q.q} -> ${s.speaker ?? '(group)'}: ${spokenText(s).slice(0, 60)}`,
        );
    }
  });
  return { groups, misses };
}

const pct = (x: number, y: number) => (y ? `${((100 * x) / y).toFixed(1)}%` : 'n/a');

export function formatTally(t: Tally): string {
  return (
    `hit@1 ${pct(t.hit1, t.answerable)} hit@3 ${pct(t.hit3, t.answerable)} ` +
    `MRR ${t.answerable ? (t.rr / t.answerable).toFixed(3) : 'n/a'} ` +
    `wrongly-empty ${t.wronglyEmpty}/${t.answerable} no-answer ${pct(t.noAnswerOk, t.noAnswer)} (${t.noAnswerOk}/${t.noAnswer})`
  );
}

/** The printed report: one line per group and engine, then the unrelated-later-results line. */
export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  const names = [...report.groups.keys()];
  const order = [
    ...['all', 'held-out', 'tuning'].filter((g) => names.includes(g)),
    ...names.filter((g) => g.startsWith('kind: ')).sort(),
  ];
  const width = Math.max(...order.map((g) => g.length));
  for (const group of order) {
    const engines = report.groups.get(group) ?? new Map<string, Tally>();
    const n = [...engines.values()][0]?.questions ?? 0;
    lines.push(`${group.padEnd(width)}  (${n} questions)`);
    for (const [engine, t] of engines) lines.push(`  ${engine.padEnd(10)} ${formatTally(t)}`);
  }
  lines.push(...formatOffTopic(report));
  return lines.join('\n');
}

/**
 * Off-topic extras, per engine: shown results after the first that share no content concept (a
 * stemmed word that is neither a stopword nor question phrasing) with the question.
 */
export function formatOffTopic(report: EvalReport): string[] {
  const all = report.groups.get('all') ?? new Map<string, Tally>();
  return [...all].map(
    ([engine, t]) =>
      `off-topic extras (${engine}): ${t.laterUnrelated} of ${t.later} shown non-first results ` +
      `(${pct(t.laterUnrelated, t.later)})`,
  );
}

/** The eval folder's own scoring rules: `evalcore.mjs` next to (or above) the questions file. */
async function loadCovers(questionsPath: string, explicit: string | undefined): Promise<Covers> {
  let path = explicit ? resolve(explicit) : null;
  for (let d = dirname(resolve(questionsPath)); !path; d = dirname(d)) {
    if (existsSync(join(d, 'evalcore.mjs'))) path = join(d, 'evalcore.mjs');
    else if (dirname(d) === d) throw new Error('evalcore.mjs not found; give --evalcore PATH');
  }
  const core = (await import(pathToFileURL(path).href)) as { covers: Covers };
  return core.covers;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      questions: { type: 'string' },
      docs: { type: 'string' },
      evalcore: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (!values.questions || !values.docs) {
    process.stderr.write(
      'usage: npm run eval -- --questions DIR/questions.json --docs DIR/docs [--evalcore evalcore.mjs] [--verbose]\n',
    );
    return 2;
  }
  const covers = await loadCovers(values.questions, values.evalcore);
  const questions = JSON.parse(readFileSync(resolve(values.questions), 'utf8')) as EvalQuestion[];
  const corpus = await loadCorpus(resolve(values.docs));
  const report = evaluate(
    corpus,
    questions,
    {
      ours: ourAnswerer(corpus),
      minisearch: miniSearchAnswerer(corpus),
      'raw lines': rawLinesAnswerer(corpus),
    },
    covers,
  );
  if (values.verbose) process.stdout.write(`${report.misses.join('\n')}\n\n`);
  process.stdout.write(
    `${corpus.meetings.length} records, ${corpus.statements.length} statements, ${questions.length} questions; ` +
      `${SHOWN} results shown per question\n${formatReport(report)}\n`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
