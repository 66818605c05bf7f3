// Announcements and alerts through the real discord.js client against the fake Discord: /announce
// and /alert as interactions, the new-meeting card as a channel message, alerts as direct messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertCommand } from '../../commands/alert.js';
import { announceCommand } from '../../commands/announce.js';
import { catchUpNewMeetings, onNewMeetings } from '../../src/alerts/notify.js';
import { answerAlertAdd } from '../../src/alerts/replies.js';
import type { NewMeetingsDeps } from '../../src/alerts/notify.js';
import { diffCorpora } from '../../src/corpus/change.js';
import type { Corpus } from '../../src/corpus/types.js';
import { startBot } from '../../src/discord/client.js';
import type { RunningBot } from '../../src/discord/client.js';
import { createDirectMessenger } from '../../src/discord/direct-messenger.js';
import { createChannelPoster } from '../../src/discord/poster.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { buildIndex } from '../../src/search/engine.js';
import { FAKE_IDS, PERMISSIONS, startFakeDiscord, visibleText } from '../support/fake-discord.js';
import type { FakeDiscord, FakeMessage, UserOptions } from '../support/fake-discord.js';
import { makeTestContext } from '../support/app-context.js';
import type { TestContext } from '../support/app-context.js';
import { makeTempDir } from '../daily/helpers.js';
import { FERRY_NEWS, LIGHTHOUSE_NEWS, OLD_MEETINGS, corpusOf, newMeeting } from './helpers.js';

const MANAGER = PERMISSIONS.manageGuild | PERMISSIONS.viewChannel | PERMISSIONS.sendMessages;
const MEMBER = { id: '400000000000000042', username: 'rosa' };
const CLOSED = { id: '400000000000000043', username: 'nils' };

const before = corpusOf(OLD_MEETINGS);
const withFerry = corpusOf([...OLD_MEETINGS, newMeeting(10, FERRY_NEWS)]);

interface Running {
  fake: FakeDiscord;
  bot: RunningBot;
  store: Store;
  ctx: TestContext;
  deps: NewMeetingsDeps;
}

let dataDir: string;
let clock: { t: Date };
let fake: FakeDiscord;
const stops: (() => Promise<void>)[] = [];

/** A bot process: its own client and store on the shared DATA_DIR, with `corpus` loaded. */
async function startProcess(corpus: Corpus): Promise<Running> {
  const store = await openSqliteStore(dataDir);
  const ctx = makeTestContext({
    corpus,
    index: buildIndex(corpus),
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl },
    now: () => clock.t,
  });
  ctx.store = store;
  const readyBefore = fake.readyCount;
  const bot = await startBot({
    ctx,
    commands: [announceCommand, alertCommand],
    rest: { retries: 0, timeout: 2000 },
  });
  await fake.waitForReady(readyBefore + 1);
  const deps: NewMeetingsDeps = {
    ctx,
    poster: createChannelPoster(bot.client),
    messenger: createDirectMessenger(bot.client),
    owner: `process-${readyBefore}`,
    sleep: async () => {},
  };
  const running = { fake, bot, store, ctx, deps };
  stops.push(async () => {
    await bot.stop(100);
    await store.close();
  });
  return running;
}

async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop();
}

/** What the live corpus does after a swap: the context moves to `after`, then the trigger runs. */
function swap(p: Running, after: Corpus) {
  const change = diffCorpora(p.ctx.corpus, after);
  p.ctx.corpus = after;
  p.ctx.index = buildIndex(after);
  p.ctx.profileStats = undefined;
  return onNewMeetings(p.deps, change);
}

function subcommand(name: string, options: Record<string, string> = {}) {
  return [
    {
      type: 1,
      name,
      options: Object.entries(options).map(([k, value]) => ({
        type: k === 'channel' ? 7 : 3,
        name: k,
        value,
      })),
    },
  ];
}

async function run(
  command: string,
  sub: string,
  options: Record<string, string> = {},
  user: UserOptions = {},
): Promise<FakeMessage> {
  return fake.sendCommand(command, subcommand(sub, options), user).reply();
}

/** What Discord sends while a member types in /alert remove's alert box: the choices offered. */
async function alertChoices(typed: string, user: UserOptions) {
  const typing = fake.sendInteraction(
    4,
    {
      id: fake.snowflake(),
      name: 'alert',
      type: 1,
      options: [
        {
          type: 1,
          name: 'remove',
          options: [{ type: 3, name: 'alert', value: typed, focused: true }],
        },
      ],
    },
    user,
  );
  await fake.waitFor(() => typing.choices !== null, 'autocomplete choices');
  return typing.choices;
}

beforeEach(async () => {
  fake = await startFakeDiscord();
  dataDir = makeTempDir();
  clock = { t: new Date('2031-05-10T08:00:00Z') };
});

afterEach(async () => {
  await stopAll();
  await fake.close();
});

describe('/announce in Discord', () => {
  it('posts one card per new meeting: title, date, speakers, two key quotes and the source', async () => {
    const p = await startProcess(before);
    const set = await run(
      'announce',
      'set',
      { channel: FAKE_IDS.channel },
      { memberPermissions: MANAGER },
    );
    expect(set.flags & 64).toBe(64);
    expect(visibleText(set)).toContain(`announced in <#${FAKE_IDS.channel}>`);
    // Setting it up announces nothing: those meetings were there already.
    expect(await catchUpNewMeetings(p.deps)).toMatchObject({ announcements: [] });

    clock.t = new Date('2031-06-10T18:00:00Z');
    const outcome = await swap(p, withFerry);
    expect(outcome.announcements).toEqual([
      { guildId: FAKE_IDS.guild, meetingId: '2031-06-10-harbour-board.txt', result: 'posted' },
    ]);
    const [card, ...others] = fake.channelMessages(FAKE_IDS.channel);
    expect(others).toEqual([]);
    expect(card?.allowed_mentions).toEqual({ parse: [] });
    const embed = card?.embeds[0] as { title: string; fields: { name: string; value: string }[] };
    expect(embed.title).toBe('New meeting: Harbour board, June 10');
    const field = (name: string) => embed.fields.find((f) => f.name === name)?.value;
    expect(field('Date')).toBe('2031-06-10');
    expect(field('Speakers')).toBe(
      'Chair Wilma Ostrander, Harbourmaster Ida Sorensen, Engineer Paulo Brandt',
    );
    // Two key quotes, verbatim, each with its paragraph; then the source.
    const quotes = embed.fields.filter((f) => f.value.includes('“'));
    expect(quotes).toHaveLength(2);
    expect(quotes[0]?.name).toBe('Chair Wilma Ostrander');
    expect(quotes[0]?.value).toContain(`“${FERRY_NEWS}”\n— ¶2`);
    expect(field('Source')).toBe(
      '2031-06-10-harbour-board.txt · [source](https://harbour.example.org/minutes/2031-06-10)',
    );

    // The same change again (a second watcher event) posts nothing more.
    expect((await swap(p, withFerry)).announcements).toEqual([]);
    expect(fake.channelMessages(FAKE_IDS.channel)).toHaveLength(1);
    expect(fake.rejections).toEqual([]);
  });

  it('announces once across a restart, and at startup announces a meeting added while the bot was down', async () => {
    const first = await startProcess(before);
    await run('announce', 'set', { channel: FAKE_IDS.channel }, { memberPermissions: MANAGER });
    clock.t = new Date('2031-06-10T18:00:00Z');
    await swap(first, withFerry);
    expect(fake.channelMessages(FAKE_IDS.channel)).toHaveLength(1);
    await stopAll();

    // A new process (new client, new store) on the same DATA_DIR, with the same reports.
    clock.t = new Date('2031-06-11T08:00:00Z');
    const second = await startProcess(withFerry);
    expect((await catchUpNewMeetings(second.deps)).announcements).toEqual([]);
    expect(fake.channelMessages(FAKE_IDS.channel)).toHaveLength(1);
    await stopAll();

    // Down while a record was added: the next start announces it, once.
    clock.t = new Date('2031-06-20T08:00:00Z');
    const withLighthouse = corpusOf([
      ...OLD_MEETINGS,
      newMeeting(10, FERRY_NEWS),
      newMeeting(17, LIGHTHOUSE_NEWS),
    ]);
    const third = await startProcess(withLighthouse);
    expect((await catchUpNewMeetings(third.deps)).announcements).toMatchObject([
      { meetingId: '2031-06-17-harbour-board.txt', result: 'posted' },
    ]);
    expect((await catchUpNewMeetings(third.deps)).announcements).toEqual([]);
    const titles = fake
      .channelMessages(FAKE_IDS.channel)
      .map((m) => (m.embeds[0] as { title: string }).title);
    expect(titles).toEqual([
      'New meeting: Harbour board, June 10',
      'New meeting: Harbour board, June 17',
    ]);
  });

  it('a first start with many records (and /announce set later) posts no card for them', async () => {
    const many = corpusOf([
      ...OLD_MEETINGS,
      ...[11, 12, 13, 14, 15, 16].map((n) => newMeeting(n, FERRY_NEWS)),
    ]);
    const p = await startProcess(many);
    expect((await catchUpNewMeetings(p.deps)).firstSeen).toBe(9);
    await run('announce', 'set', { channel: FAKE_IDS.channel }, { memberPermissions: MANAGER });
    clock.t = new Date('2031-06-20T08:00:00Z');
    expect((await catchUpNewMeetings(p.deps)).announcements).toEqual([]);
    expect(fake.channelMessages(FAKE_IDS.channel)).toEqual([]);
  });

  it('refuses a member without Manage Server (Discord may show them the command anyway)', async () => {
    const p = await startProcess(before);
    const reply = await run(
      'announce',
      'set',
      { channel: FAKE_IDS.channel },
      { memberPermissions: PERMISSIONS.viewChannel | PERMISSIONS.sendMessages },
    );
    expect(reply.flags & 64).toBe(64);
    expect(visibleText(reply)).toMatch(/Only members with the Manage Server permission/);
    expect(await p.store.alerts.getAnnounceChannel(FAKE_IDS.guild)).toBeNull();
    clock.t = new Date('2031-06-10T18:00:00Z');
    expect((await swap(p, withFerry)).announcements).toEqual([]);
  });

  it("/announce status shows a failed card with Discord's reason (403 Missing Permissions)", async () => {
    const p = await startProcess(before);
    await run('announce', 'set', { channel: FAKE_IDS.channel }, { memberPermissions: MANAGER });
    fake.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      code: 50013,
    });
    clock.t = new Date('2031-06-10T18:00:00Z');
    expect((await swap(p, withFerry)).announcements).toMatchObject([
      { result: 'failed', failure: { status: 403, code: 50013 } },
    ]);
    const status = await run('announce', 'status', {}, { memberPermissions: MANAGER });
    expect(visibleText(status)).toContain(`New meetings are announced in <#${FAKE_IDS.channel}>.`);
    expect(visibleText(status)).toMatch(
      /Last: 2031-06-10 — Harbour board, June 10 in <#\d+>, failed: I lack a permission in the channel \(Discord 403, code 50013 Missing Permissions\)/,
    );
    // Not sent again (a claim is never sent twice), even on the next pass.
    expect((await swap(p, withFerry)).announcements).toEqual([]);
  });

  it('/announce off stops the cards', async () => {
    const p = await startProcess(before);
    await run('announce', 'set', { channel: FAKE_IDS.channel }, { memberPermissions: MANAGER });
    const off = await run('announce', 'off', {}, { memberPermissions: MANAGER });
    expect(visibleText(off)).toMatch(/Announcements off/);
    clock.t = new Date('2031-06-10T18:00:00Z');
    expect((await swap(p, withFerry)).announcements).toEqual([]);
    expect(fake.channelMessages(FAKE_IDS.channel)).toEqual([]);
  });
});

describe('/alert in Discord', () => {
  it('sends one direct message with the quote and its source, once per alert and meeting', async () => {
    const p = await startProcess(before);
    const added = await run('alert', 'add', { words: 'ferry timetable' }, { user: MEMBER });
    expect(added.flags & 64).toBe(64);
    expect(visibleText(added)).toMatch(/Alert on/);

    clock.t = new Date('2031-06-10T18:00:00Z');
    const outcome = await swap(p, withFerry);
    expect(outcome.alerts).toMatchObject([
      { userId: MEMBER.id, meetingId: '2031-06-10-harbour-board.txt', result: 'sent' },
    ]);
    const [dm, ...more] = fake.directMessages(MEMBER.id);
    expect(more).toEqual([]);
    expect(dm?.allowed_mentions).toEqual({ parse: [] });
    const text = visibleText(dm as FakeMessage);
    expect(text).toContain(`“${FERRY_NEWS}”`);
    expect(text).toContain('Chair Wilma Ostrander');
    expect(text).toContain(
      '¶2 of 2031-06-10-harbour-board.txt · [source](https://harbour.example.org/minutes/2031-06-10)',
    );

    // Again (another watcher event, or a restart): no second message.
    expect((await swap(p, withFerry)).alerts).toEqual([]);
    await stopAll();
    const again = await startProcess(withFerry);
    expect((await catchUpNewMeetings(again.deps)).alerts).toEqual([]);
    // A new meeting without the words sends nothing either.
    clock.t = new Date('2031-06-17T18:00:00Z');
    await swap(
      again,
      corpusOf([...OLD_MEETINGS, newMeeting(10, FERRY_NEWS), newMeeting(17, LIGHTHOUSE_NEWS)]),
    );
    expect(fake.directMessages(MEMBER.id)).toHaveLength(1);
  });

  it('respects the speaker: the words said by someone else send nothing', async () => {
    const p = await startProcess(before);
    await run('alert', 'add', { words: 'ferry timetable', speaker: 'Brandt' }, { user: MEMBER });
    expect(await p.store.alerts.listAlerts(MEMBER.id)).toMatchObject([
      { words: 'ferry timetable', speaker: 'Engineer Paulo Brandt' },
    ]);
    clock.t = new Date('2031-06-10T18:00:00Z');
    expect((await swap(p, withFerry)).alerts).toEqual([]);
    const brandtSaysIt = newMeeting(17, LIGHTHOUSE_NEWS);
    brandtSaysIt.statements[2] = {
      speaker: 'Engineer Paulo Brandt',
      text: 'The ferry timetable must leave the quay free for the crane in the mornings.',
    };
    clock.t = new Date('2031-06-17T18:00:00Z');
    const outcome = await swap(
      p,
      corpusOf([...OLD_MEETINGS, newMeeting(10, FERRY_NEWS), brandtSaysIt]),
    );
    expect(outcome.alerts).toMatchObject([
      { meetingId: '2031-06-17-harbour-board.txt', result: 'sent' },
    ]);
    expect(visibleText(fake.directMessages(MEMBER.id)[0] as FakeMessage)).toContain(
      'the crane in the mornings',
    );
  });

  it('watches for a speaker the reports do not know yet, and sends once they speak', async () => {
    const p = await startProcess(before);
    const added = await run(
      'alert',
      'add',
      { words: 'ferry timetable', speaker: 'Zed Quill' },
      { user: MEMBER },
    );
    expect(visibleText(added)).toMatch(/Nobody called Zed Quill speaks in the reports yet/);
    const newcomer = newMeeting(17, LIGHTHOUSE_NEWS);
    newcomer.statements.push({
      speaker: 'Zed Quill',
      text: 'Passengers asked me to print the ferry timetable on the ticket office door.',
    });
    clock.t = new Date('2031-06-17T18:00:00Z');
    const outcome = await swap(
      p,
      corpusOf([...OLD_MEETINGS, newMeeting(10, FERRY_NEWS), newcomer]),
    );
    expect(outcome.alerts).toMatchObject([{ meetingId: newcomer.file, result: 'sent' }]);
    expect(visibleText(fake.directMessages(MEMBER.id)[0] as FakeMessage)).toContain(
      'the ticket office door',
    );
  });

  it('sends nothing for meetings that were in the reports when the alert was made', async () => {
    // The store never saw these reports before the alert (a fresh DATA_DIR).
    const p = await startProcess(withFerry);
    await run('alert', 'add', { words: 'ferry timetable' }, { user: MEMBER });
    clock.t = new Date('2031-06-11T08:00:00Z');
    expect((await catchUpNewMeetings(p.deps)).alerts).toEqual([]);
    expect((await swap(p, withFerry)).alerts).toEqual([]);
    expect(fake.directMessages(MEMBER.id)).toEqual([]);
    expect(fake.requests.filter((r) => r.path === '/users/@me/channels')).toEqual([]);
  });

  it('records a 50007 refusal (closed DMs), pauses after 3, and /alert list shows it paused', async () => {
    fake.closedDms.add(CLOSED.id);
    const p = await startProcess(before);
    await run('alert', 'add', { words: 'ferry timetable' }, { user: CLOSED });
    const ferry = (n: number) => newMeeting(n, `${FERRY_NEWS} Meeting ${n} confirmed it.`);
    const grown: ReturnType<typeof newMeeting>[] = [];
    for (const [i, n] of [11, 12, 13].entries()) {
      grown.push(ferry(n));
      clock.t = new Date(`2031-06-${n}T18:00:00Z`);
      const { alerts } = await swap(p, corpusOf([...OLD_MEETINGS, ...grown]));
      expect(alerts).toMatchObject([
        { result: 'failed', failure: { status: 403, code: 50007 }, paused: i === 2 },
      ]);
      expect((await p.store.alerts.listAlerts(CLOSED.id))[0]?.failuresInRow).toBe(i + 1);
    }
    const [alert] = await p.store.alerts.listAlerts(CLOSED.id);
    expect(alert?.lastError).toMatchObject({ code: 50007 });
    expect(await p.store.alerts.getAlertDelivery(alert?.id ?? '', ferry(12).file)).toMatchObject({
      status: 'failed',
      errorCode: 50007,
    });
    // Paused: a fourth meeting is not even tried.
    grown.push(ferry(14));
    clock.t = new Date('2031-06-14T18:00:00Z');
    expect((await swap(p, corpusOf([...OLD_MEETINGS, ...grown]))).alerts).toEqual([]);
    const dmPosts = fake.requests.filter((r) => r.method === 'POST' && r.status === 403);
    expect(dmPosts).toHaveLength(3);

    const list = await run('alert', 'list', {}, { user: CLOSED });
    expect(visibleText(list)).toMatch(
      /“ferry timetable” — \*\*paused\*\* after 3 failed direct messages/,
    );
    expect(visibleText(list)).toMatch(/code 50007/);

    // Adding the same alert again resumes it, for meetings from then on.
    fake.closedDms.delete(CLOSED.id);
    const resumed = await run('alert', 'add', { words: 'Ferry  Timetable' }, { user: CLOSED });
    expect(visibleText(resumed)).toMatch(/was paused; it is on again/);
    expect((await swap(p, corpusOf([...OLD_MEETINGS, ...grown]))).alerts).toEqual([]);
    grown.push(ferry(15));
    clock.t = new Date('2031-06-15T18:00:00Z');
    expect((await swap(p, corpusOf([...OLD_MEETINGS, ...grown]))).alerts).toMatchObject([
      { meetingId: ferry(15).file, result: 'sent' },
    ]);
  });

  it('keeps at most 25 alerts a member, and removes one picked from autocomplete', async () => {
    const p = await startProcess(before);
    for (let i = 1; i <= 25; i++) {
      const reply = await answerAlertAdd(
        p.ctx,
        {
          userId: MEMBER.id,
          guildId: FAKE_IDS.guild,
          channelId: FAKE_IDS.channel,
          canManageGuild: false,
        },
        { words: `topic number ${i}`, speaker: null },
      );
      expect(reply.content).toMatch(/Alert on/);
    }
    const refused = await run('alert', 'add', { words: 'one too many' }, { user: MEMBER });
    expect(visibleText(refused)).toMatch(/You have 25 alerts, the most one member can have/);
    expect(await p.store.alerts.listAlerts(MEMBER.id)).toHaveLength(25);

    const choices = await alertChoices('number 7', { user: MEMBER });
    expect(choices).toEqual([
      {
        name: '“topic number 7”',
        value: (await p.store.alerts.listAlerts(MEMBER.id)).find(
          (a) => a.words === 'topic number 7',
        )?.id,
      },
    ]);
    // Someone else's alerts are never offered.
    expect(await alertChoices('', { user: CLOSED })).toEqual([]);

    const removed = await run(
      'alert',
      'remove',
      { alert: String(choices?.[0]?.value) },
      { user: MEMBER },
    );
    expect(visibleText(removed)).toMatch(/Alert “topic number 7” removed/);
    expect(await p.store.alerts.listAlerts(MEMBER.id)).toHaveLength(24);
    const notTheirs = await run(
      'alert',
      'remove',
      { alert: (await p.store.alerts.listAlerts(MEMBER.id))[0]?.id ?? '' },
      { user: CLOSED },
    );
    expect(visibleText(notTheirs)).toMatch(/You have no such alert/);
    expect(await p.store.alerts.listAlerts(MEMBER.id)).toHaveLength(24);
  });
});
