// CLI verb `corpus check [DIR]`: what a corpus folder holds and every problem in it, so an owner
// can fix reports before the bot serves them. Exits 1 when a file could not be read.
import { parseArgs } from 'node:util';
import { stat } from 'node:fs/promises';
import { loadCorpus, UNREADABLE } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';

const USAGE =
  'usage: npm run --silent cli -- corpus check [DIR]   (default: $CORPUS_DIR or seeds/)\n';

/** Progress is shown only on a terminal and only when loading takes long enough to notice. */
const PROGRESS_FROM = 200;

export async function runCorpusCheck(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const dir = parsed.positionals[0] ?? process.env.CORPUS_DIR ?? 'seeds';
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    process.stderr.write(
      `${dir}: ${UNREADABLE}: not a folder (give the folder that holds the reports)\n`,
    );
    return 1;
  }
  const tty = process.stderr.isTTY === true;
  let shown = false;
  const corpus = await loadCorpus(dir, {
    onProgress: (done, total) => {
      if (!tty || total < PROGRESS_FROM) return;
      if (done % 50 !== 0 && done !== total) return;
      process.stderr.write(`\rreading reports: ${done}/${total}`);
      shown = true;
    },
  });
  if (shown) process.stderr.write('\n');
  process.stdout.write(formatCheck(dir, corpus));
  return corpus.warnings.some((w) => w.message.startsWith(UNREADABLE)) ? 1 : 0;
}

export function formatCheck(dir: string, corpus: Corpus): string {
  const kinds = { quote: 0, paraphrase: 0, turn: 0 };
  let unattributed = 0;
  for (const s of corpus.statements) {
    kinds[s.kind]++;
    if (s.speaker === null) unattributed++;
  }
  const speaking = new Set(corpus.meetings.flatMap((m) => m.speakers));
  const silent = corpus.speakers.filter((s) => !speaking.has(s.name)).length;
  const lines = [
    `corpus: ${dir}`,
    `meetings: ${corpus.meetings.length}`,
    `speakers: ${speaking.size}${silent ? ` (and ${silent} present without statements)` : ''}`,
    `statements: ${corpus.statements.length} (quote ${kinds.quote}, paraphrase ${kinds.paraphrase}, turn ${kinds.turn})`,
  ];
  if (unattributed) lines.push(`statements without a named speaker: ${unattributed}`);
  lines.push(`warnings: ${corpus.warnings.length}`);
  for (const w of corpus.warnings) lines.push(`${w.file}:${w.line}: ${w.message}`);
  return lines.join('\n') + '\n';
}
