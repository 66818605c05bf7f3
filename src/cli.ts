// CLI entry point: `npm run --silent cli -- <verb> ...`. Each verb lives in src/cli/<verb>.ts.
import 'dotenv/config';
import { runParse } from './cli/parse.js';
import { runCorpusCheck } from './cli/corpus-check.js';
import { runAsk } from './cli/ask.js';
import { runWho, runMeeting, runMeetings } from './cli/profiles.js';
import { runQuote } from './cli/quote.js';

type Verb = (args: string[]) => Promise<number>;

const VERBS: Record<string, Verb> = {
  parse: runParse,
  corpus: async (args) => {
    if (args[0] === 'check') return runCorpusCheck(args.slice(1));
    process.stderr.write('usage: cli corpus check [DIR]\n');
    return 2;
  },
  ask: runAsk,
  who: runWho,
  meeting: runMeeting,
  meetings: runMeetings,
  quote: runQuote,
};

const USAGE = `usage: npm run --silent cli -- <verb> [...]
  parse <file-or-dir>... [--json]      read reports into statements
  corpus check [DIR]                   counts and warnings for a corpus
  ask "<question>" [options]           statements that answer a question (--stdin for many)
  who "<name>"                         a speaker's profile
  meeting "<title, date or person>"    a meeting's summary
  meetings                             every meeting in the corpus
  quote [--date YYYY-MM-DD] [--server ID]   the quote of the day
`;

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const run = verb ? VERBS[verb] : undefined;
  if (!run) {
    process.stderr.write(USAGE);
    return verb === undefined || verb === '--help' || verb === 'help' ? 0 : 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
