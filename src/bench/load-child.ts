// Child process for the load benchmark: loads one corpus folder and prints time and peak memory
// as JSON, so the peak is this load's own and not the benchmark runner's.
import { loadCorpus } from '../corpus/load.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: load-child <dir>\n');
  process.exit(2);
}
const t0 = performance.now();
const c0 = process.cpuUsage();
const corpus = await loadCorpus(dir);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const kinds = { quote: 0, paraphrase: 0, turn: 0 };
for (const s of corpus.statements) kinds[s.kind]++;
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
    meetings: corpus.meetings.length,
    speakers: corpus.speakers.length,
    statements: corpus.statements.length,
    unattributed: corpus.statements.filter((s) => s.speaker === null).length,
    warnings: corpus.warnings.length,
    kinds,
  }) + '\n',
);
