// A separate bot process for the announcement race test: opens the shared database (a DATA_DIR,
// or a postgres:// URL) and runs the new-meetings trigger for the same corpus change as its twin,
// when told to.
import { onNewMeetings } from '../../../src/alerts/notify.js';
import { diffCorpora } from '../../../src/corpus/change.js';
import { openStore } from '../../../src/store/open.js';
import { buildIndex } from '../../../src/search/engine.js';
import { makeTestContext } from '../../support/app-context.js';
import { FERRY_NEWS, LIGHTHOUSE_NEWS, OLD_MEETINGS, corpusOf, newMeeting } from '../helpers.js';

const [where = '', owner] = process.argv.slice(2);
const store = await openStore(
  where.startsWith('postgres://')
    ? { dataDir: '', databaseUrl: where }
    : { dataDir: where, databaseUrl: null },
);
const before = corpusOf(OLD_MEETINGS);
const after = corpusOf([
  ...OLD_MEETINGS,
  newMeeting(10, FERRY_NEWS),
  newMeeting(17, LIGHTHOUSE_NEWS),
]);
const ctx = makeTestContext({
  corpus: after,
  index: buildIndex(after),
  now: () => new Date('2031-06-20T08:00:00Z'),
});
ctx.store = store;
const sent: string[] = [];
// Slow sends, so that neither process can finish before the other starts.
const slow = (what: string) => async (to: string) => {
  await new Promise((resolve) => setTimeout(resolve, 30));
  sent.push(`${what}:${to}`);
};
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const outcome = await onNewMeetings(
  {
    ctx,
    poster: { send: slow('channel') },
    messenger: { send: slow('dm') },
    owner: owner ?? 'worker',
    sleep: async () => {},
  },
  diffCorpora(before, after),
);
await store.close();
process.stdout.write(
  `${JSON.stringify({
    sent,
    announced: outcome.announcements.map((a) => `${a.guildId}:${a.meetingId}`),
    alerted: outcome.alerts.map((a) => `${a.userId}:${a.meetingId}`),
  })}\n`,
);
process.stdin.destroy();
