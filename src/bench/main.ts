// `npm run bench`: runs every bench section and prints its tables.
import { benchCharts } from './charts.js';
import { benchHostile } from './hostile.js';
import { benchLive } from './live.js';
import { benchLoad } from './load.js';
import { benchProfiles } from './profiles.js';
import { benchReplicas } from './replicas-bench.js';
import { benchSearch } from './search.js';
import { benchSpeakers } from './speakers.js';
import { formatTable, type BenchTable } from './table.js';

const SECTIONS: { name: string; run: () => Promise<BenchTable[]> }[] = [
  { name: 'load', run: () => benchLoad() },
  {
    name: 'search',
    run: () => benchSearch({ log: (line) => process.stderr.write(`[search] ${line}\n`) }),
  },
  { name: 'profiles', run: benchProfiles },
  { name: 'speakers', run: () => benchSpeakers() },
  { name: 'hostile questions', run: benchHostile },
  { name: 'charts', run: benchCharts },
  { name: 'replicas', run: () => benchReplicas() },
  { name: 'live', run: benchLive },
];

async function main(): Promise<number> {
  const started = Date.now();
  let failed = 0;
  // `npm run bench -- charts search`: only the sections named (all when none is).
  const wanted = process.argv.slice(2).map((a) => a.toLowerCase());
  const chosen = wanted.length > 0 ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS;
  for (const section of chosen) {
    try {
      for (const table of await section.run()) process.stdout.write(formatTable(table) + '\n\n');
    } catch (err) {
      failed++;
      process.stdout.write(
        `## ${section.name}: failed — ${err instanceof Error ? err.message : String(err)}\n\n`,
      );
    }
  }
  process.stdout.write(`bench finished in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
