// CLI verb `ask`: statements that answer a question, as text or JSON (one line per question with --stdin).
import { createInterface } from 'node:readline';
import { meetingTitle, plainText } from '../answers/format.js';
import { parseArgs } from 'node:util';
import { findPassage, formatPassage } from '../answers/passage.js';
import { formatTimeSuffix } from '../answers/view.js';
import { loadCorpus } from '../corpus/load.js';
import { spokenText } from '../corpus/text.js';
import { askQuestion, buildIndex, type AskAnswer, type AskOptions } from '../search/engine.js';
import type { SearchIndex } from '../search/engine.js';
import { describeError, describeOutcome } from '../answers/ask-words.js';

const USAGE = `usage: npm run --silent cli -- ask "<question>" [--corpus DIR] [--speaker NAME] [--meeting TEXT]
                                        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]
       npm run --silent cli -- ask --stdin [--corpus DIR] --json
`;

/** The JSON shape of one answer (the CLI contract of issue 3). */
export interface AskJson {
  question: string;
  results: {
    speaker: string | null;
    kind: string;
    text: string;
    context: string | null;
    meeting: { title: string | null; date: string | null };
    /** `time` ("HH:MM:SS") only where the source times the statement. */
    source: { file: string; paragraph: number; time?: string };
    score: number;
  }[];
  speakers: string[];
  suggestions: string[];
  /** What the outcome means in words (why nothing answers, a cut question), or null. */
  notice: string | null;
  /** The engine's outcome: found, nothing, unknown-speaker, silent-speaker, … */
  outcome: AskAnswer['outcome'];
}

export function toAskJson(answer: AskAnswer): AskJson {
  return {
    question: answer.question,
    results: answer.results.map(({ statement, meeting, score }) => ({
      speaker: statement.speaker,
      kind: statement.kind,
      // What was said: a turn joined from caption cues without the cue timings between them.
      text: spokenText(statement),
      context: statement.context,
      meeting: { title: meeting.title, date: meeting.date },
      source: {
        file: meeting.file,
        paragraph: statement.paragraph,
        ...(statement.time ? { time: statement.time } : {}),
      },
      score,
    })),
    speakers: answer.speakers,
    suggestions: answer.suggestions,
    notice: describeOutcome(answer),
    outcome: answer.outcome,
  };
}

export function formatAskText(answer: AskAnswer): string {
  const lines: string[] = [`Q: ${plainText(answer.question)}`];
  const error = describeError(answer);
  if (error) return [...lines, error, ''].join('\n');
  const notice = describeOutcome(answer);
  if (notice) lines.push(`(${plainText(notice)})`);
  answer.results.forEach(({ statement, meeting }, i) => {
    const where = [plainText(meetingTitle(meeting)), meeting.date].filter(Boolean).join(', ');
    lines.push('');
    // "when did …": the time leads.
    const when = answer.asksWhen && statement.time ? `At ${statement.time}: ` : '';
    lines.push(
      `${i + 1}. ${when}${plainText(statement.speaker ?? 'Unattributed')} (${statement.kind}) — ${where}`,
    );
    // A long turn shows the sentences that answer; --json keeps the whole statement.
    lines.push(
      `   “${plainText(formatPassage(findPassage(statement, answer.question, undefined, answer.terms)))}”`,
    );
    if (statement.context) lines.push(`   context: ${plainText(statement.context)}`);
    lines.push(
      `   source: ${plainText(meeting.id)}, paragraph ${statement.paragraph}${formatTimeSuffix(statement.time)}`,
    );
  });
  if (answer.results.length > 0 && answer.total > answer.results.length) {
    lines.push('', `${answer.total - answer.results.length} more (use --limit, at most 10).`);
  }
  if (answer.results.length === 0 && answer.suggestions.length > 0) {
    lines.push(`Try: ${plainText(answer.suggestions.join(', '))}`);
  }
  return lines.join('\n') + '\n';
}

function isDate(s: string | undefined): boolean {
  return s === undefined || /^\d{4}-\d{2}-\d{2}$/.test(s);
}

export async function runAsk(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        corpus: { type: 'string' },
        speaker: { type: 'string' },
        meeting: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean', default: false },
        stdin: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const question = positionals.join(' ');
  if (!values.stdin && !question) {
    process.stderr.write(`ask: give a question in quotes, or --stdin.\n${USAGE}`);
    return 2;
  }
  if (!isDate(values.from) || !isDate(values.to)) {
    process.stderr.write('ask: --from and --to take a date like 2017-03-05.\n');
    return 2;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    process.stderr.write('ask: --limit takes a whole number from 1 to 10.\n');
    return 2;
  }
  const offset = values.offset === undefined ? undefined : Number(values.offset);
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) {
    process.stderr.write('ask: --offset takes a whole number, 0 or more.\n');
    return 2;
  }
  const options: AskOptions = {
    speaker: values.speaker,
    meeting: values.meeting,
    from: values.from,
    to: values.to,
    limit,
    offset,
  };

  const dir = values.corpus ?? process.env.CORPUS_DIR ?? 'seeds';
  const corpus = await loadCorpus(dir);
  const index: SearchIndex = buildIndex(corpus);
  const answerOne = (q: string) => {
    const answer = askQuestion(index, q, options);
    return values.json ? JSON.stringify(toAskJson(answer)) + '\n' : formatAskText(answer);
  };

  if (!values.stdin) {
    process.stdout.write(answerOne(question));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // Every input line gets exactly one output line, in order, whatever it holds.
    let out: string;
    try {
      out = answerOne(line);
    } catch (err) {
      const message = `Could not answer this question: ${err instanceof Error ? err.message : String(err)}`;
      out = values.json
        ? JSON.stringify({
            question: line,
            results: [],
            speakers: [],
            suggestions: [],
            notice: message,
            outcome: { kind: 'nothing' },
          }) + '\n'
        : `Q: ${line}\n${message}\n`;
    }
    if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r));
  }
  return 0;
}
