// The local console loop: interactive with history on a terminal; with piped input it answers
// each line and ends (exit code 0), so it is scriptable.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { plainText } from '../answers/format.js';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { CommandModule } from '../../commands/types.js';
import type { AppContext } from '../context.js';
import { createConsoleSession } from './session.js';

export interface ConsoleStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Interactive: a prompt, history and tab completion. Default: whether input is a terminal. */
  interactive?: boolean;
  /** Where an interactive session keeps its history between runs (newest line first). */
  historyFile?: string;
}

const HISTORY_SIZE = 200;

function readHistory(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

function writeHistory(file: string | undefined, history: string[]): void {
  if (!file) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${history.join('\n')}\n`);
  } catch {
    // History is a convenience; a read-only folder must not stop the console.
  }
}

export async function runConsole(
  ctx: AppContext,
  commands: readonly CommandModule[],
  streams: ConsoleStreams,
): Promise<number> {
  const session = createConsoleSession(ctx, commands);
  const interactive = streams.interactive ?? Boolean((streams.input as { isTTY?: boolean }).isTTY);
  const write = (text: string): void => {
    streams.output.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  const rl = createInterface({
    input: streams.input,
    output: interactive ? streams.output : undefined,
    terminal: interactive,
    historySize: HISTORY_SIZE,
    history: interactive ? readHistory(streams.historyFile) : [],
    completer: interactive
      ? (line: string, done: (err: null, result: [string[], string]) => void): void => {
          void session.complete(line).then((completions) => done(null, [completions, line]));
        }
      : undefined,
  });
  if (interactive)
    rl.on('history', (history: string[]) => writeHistory(streams.historyFile, history));
  if (interactive) {
    const { meetings, speakers, statements } = ctx.corpus;
    const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    write(
      `Verbatim console — ${count(meetings.length, 'meeting')}, ${count(speakers.length, 'speaker')}, ${count(statements.length, 'statement')}.\n` +
        'Ask a question (e.g. "what did aliyev say about railways") or type /help. Ctrl+D or /quit leaves.\n',
    );
    rl.setPrompt('> ');
    rl.prompt();
  }
  // Lines are answered one at a time, in order, even when piped input arrives all at once.
  for await (const line of rl) {
    if (!interactive && line.trim() !== '') write(`> ${plainText(line.trim())}`);
    const { text, quit } = await session.handleLine(line);
    if (text) write(`${text}\n`);
    if (quit) break;
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}
