// A separate bot process for the claim race test: opens the shared database (a DATA_DIR, or a
// postgres:// URL) and runs one pass.
import { runDuePosts } from '../../../src/daily/scheduler.js';
import { openStore } from '../../../src/store/open.js';
import { BOUNDS, generateCouncilCorpus, silentLog } from '../helpers.js';

const [where = '', owner] = process.argv.slice(2);
const store = await openStore(
  where.startsWith('postgres://')
    ? { dataDir: '', databaseUrl: where }
    : { dataDir: where, databaseUrl: null },
);
const corpus = generateCouncilCorpus(20, 4);
const sent: string[] = [];
// Both processes start their pass when told, so the claims really collide.
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
await runDuePosts({
  store,
  corpus,
  poster: {
    // Slow enough (10 rounds of 50 ms) that neither process can finish before the other starts.
    async send(channelId) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent.push(channelId);
    },
  },
  now: () => new Date('2027-06-01T12:00:00Z'),
  log: silentLog,
  bounds: BOUNDS,
  owner: owner ?? 'worker',
  concurrency: 4,
});
await store.close();
process.stdout.write(`${JSON.stringify(sent)}\n`);
process.stdin.destroy();
