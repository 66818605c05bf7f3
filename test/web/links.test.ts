// "Open in report": with PUBLIC_URL set, every cited statement gets a link to its anchor — a link
// button in Discord (the real client against the fake Discord), a printed address in the console —
// and the link opens the statement on the web view.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { startBot } from '../../src/discord/client.js';
import type { RunningBot } from '../../src/discord/client.js';
import { createConsoleSession } from '../../src/console/session.js';
import { renderMessage } from '../../src/discord/render.js';
import { textReply } from '../../src/answers/view.js';
import { linkQuotePosts, withReportLinks } from '../../src/web/links.js';
import { buildQuoteView } from '../../src/answers/quote-view.js';
import type { ReplyView } from '../../src/answers/view.js';
import type { Meeting, Statement } from '../../src/corpus/types.js';
import { esc } from '../../src/web/html.js';
import { findComponents, startFakeDiscord } from '../support/fake-discord.js';
import type { FakeDiscord } from '../support/fake-discord.js';
import { COMMITTEE, get, pageOf, startWebSite } from './support.js';
import type { WebSite } from './support.js';

let site: WebSite;
beforeAll(async () => {
  site = await startWebSite();
  site.ctx.config = { ...site.ctx.config, publicUrl: site.base };
});
afterAll(() => site.close());

/** Opens a link of the site and returns the statement element its anchor names. */
async function openLink(url: string): Promise<string> {
  expect(url.startsWith(`${site.base}/m/`)).toBe(true);
  const { pathname, hash } = new URL(url);
  const res = await get(site, pathname);
  expect(res.status).toBe(200);
  const id = hash.slice(1);
  const at = res.body.indexOf(`id="${id}"`);
  expect(at).toBeGreaterThan(0);
  return res.body.slice(at, res.body.indexOf('</section>', at));
}

describe('Open in report in Discord', () => {
  let fake: FakeDiscord;
  let bot: RunningBot | null = null;
  afterEach(async () => {
    await bot?.stop(200);
    bot = null;
    await fake?.close();
  });

  it('puts a link button per cited statement under /ask, and each opens that statement', async () => {
    fake = await startFakeDiscord();
    site.ctx.config = { ...site.ctx.config, discordToken: fake.token, discordApiUrl: fake.apiUrl };
    bot = await startBot({ ctx: site.ctx, commands, rest: { retries: 2, timeout: 3000 } });
    const reply = await fake.sendCommand('ask', { question: 'concrete blocks' }).reply();
    expect(fake.rejections).toEqual([]);
    const buttons = findComponents(reply.components);
    const links = buttons.filter((b) => b.style === 5);
    const quotes = (reply.embeds[0] as { fields: { value: string }[] }).fields;
    expect(links.length).toBe(quotes.length);
    expect(links.every((b) => b.custom_id === undefined)).toBe(true);
    expect(links.every((b) => String(b.label).startsWith('Open in report'))).toBe(true);
    // The reply's own buttons come first and still work as before.
    expect(buttons[0]?.label).toBe('Context');
    // Each link lands on the statement its quote shows.
    for (const [i, link] of links.entries()) {
      const statement = await openLink(String(link.url));
      const quoted = /“([^”]+)”/u.exec(quotes[i]?.value ?? '')?.[1] ?? '∅';
      expect(statement).toContain(quoted.slice(0, 30));
    }
    expect(links.map((l) => l.url)).toContain(`${site.base}${pageOf(COMMITTEE)}#s-1`);
  });
});

describe('Open in report elsewhere', () => {
  it('prints the addresses in the console, and the numbered buttons stay the same', async () => {
    const session = createConsoleSession(site.ctx, commands);
    const { text } = await session.handleLine('/ask concrete blocks');
    expect(text).toContain(`: ${site.base}${pageOf(COMMITTEE)}#s-1`);
    expect(text).toMatch(/\[1\] Context/u);
    expect(text).not.toMatch(/\[\d+\] Open in report/u);
    const context = await session.handleLine('1');
    expect(context.text).toMatch(/Open in report: http:\/\/127\.0\.0\.1:\d+\/m\/\S+#s-\d+/u);
  });

  it('links the quotes of /who and /meeting', async () => {
    const session = createConsoleSession(site.ctx, commands);
    const who = await session.handleLine('/who Paul Dale');
    expect(who.text).toMatch(/Open in report[^\n]*: http:\/\/127\.0\.0\.1:\d+\/m\/\S+#s-\d+/u);
    const meeting = await session.handleLine('/meeting pier briefing');
    expect(meeting.text).toMatch(
      /Open in report[^\n]*: http:\/\/127\.0\.0\.1:\d+\/m\/press\/\S+#s-\d+/u,
    );
  });

  it('links the quote of /quote', async () => {
    const session = createConsoleSession(site.ctx, commands);
    const quote = await session.handleLine('/quote random:true');
    expect(quote.text).toMatch(/^Open in report: http:\/\/127\.0\.0\.1:\d+\/m\/\S+#s-\d+$/mu);
    const url = /Open in report: (\S+)/u.exec(quote.text)?.[1] ?? '';
    const statement = await openLink(url);
    const quoted = /“([^”]+)”/u.exec(quote.text)?.[1] ?? '∅';
    expect(statement).toContain(esc(quoted.slice(0, 25)));
  });

  it('links the scheduled quote of the day too', async () => {
    const sent: ReplyView[] = [];
    const poster = linkQuotePosts(
      {
        send: async (_channel, view) => {
          sent.push(view);
        },
      },
      () => ({ corpus: site.ctx.corpus, publicUrl: site.ctx.config.publicUrl }),
    );
    const pick = site.ctx.corpus.meetings.find((m) => m.id === COMMITTEE)?.statements[1];
    const view = buildQuoteView(
      site.ctx.corpus,
      {
        statement: pick as Statement,
        meeting: site.ctx.corpus.meetings.find((m) => m.id === pick?.meetingId) as Meeting,
        onThisDay: false,
      },
      { heading: { kind: 'daily', date: '2026-05-05' }, ephemeral: false },
    );
    await poster.send('channel-1', view);
    const link = sent[0]?.buttons.find((b) => b.url);
    expect(link?.label).toBe('Open in report');
    expect(await openLink(String(link?.url))).toContain(esc(pick?.text ?? '∅'));
  });

  it('adds nothing without PUBLIC_URL, and keeps within Discord’s 25 buttons', () => {
    const cited = Array.from({ length: 30 }, (_, i) => ({
      id: `a b/c#${i}`,
      meetingId: 'a b/c',
      paragraph: i + 1,
    }));
    expect(withReportLinks(textReply('x'), cited, null).buttons).toEqual([]);
    const view = withReportLinks(
      { ...textReply('x'), buttons: [{ id: 'ask:more:k:3', label: 'More', style: 'primary' }] },
      cited,
      'https://reports.example.org',
    );
    expect(view.buttons).toHaveLength(25);
    expect(view.buttons[1]?.url).toBe('https://reports.example.org/m/a%20b/c#s-0');
    const rendered = renderMessage(view);
    expect(rendered.components).toHaveLength(5);
    expect(rendered.components.every((row) => row.components.length <= 5)).toBe(true);
  });

  it('drops a link Discord would refuse (over 512 characters) instead of the whole reply', () => {
    const long = 'x'.repeat(600);
    const view = withReportLinks(
      textReply('x'),
      [
        { id: `${long}#0`, meetingId: long, paragraph: 1 },
        { id: 'ok.txt#2', meetingId: 'ok.txt', paragraph: 3 },
      ],
      'https://reports.example.org',
    );
    expect(view.buttons.map((b) => b.url)).toEqual(['https://reports.example.org/m/ok.txt#s-2']);
  });
});
