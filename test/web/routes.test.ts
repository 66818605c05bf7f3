// The web view over HTTP: every route, escaping of hostile record text, traversal attempts,
// unknown ids, the search limit, and pages that follow a corpus swapped while running.
import { mkdtempSync, rmSync, symlinkSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildIndex } from '../../src/search/engine.js';
import {
  BRIEFING,
  COMMITTEE,
  FERRY_CALL,
  WEB_FIXTURES,
  get,
  pageOf,
  startWebSite,
} from './support.js';
import type { WebSite } from './support.js';

let site: WebSite;
beforeAll(async () => {
  site = await startWebSite();
});
afterAll(() => site.close());

/** The text of the page's main part, tags removed and entities read back, as a reader sees it. */
function visible(html: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/u.exec(html)?.[1] ?? html;
  return main
    .replace(/<[^>]+>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/** Every tag name in the page: what a browser would build elements from. */
function tagNames(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/gu)].map((m) => (m[1] ?? '').toLowerCase()),
  );
}

describe('pages', () => {
  it('lists every meeting on the index, newest first, with the security headers', async () => {
    const res = await get(site, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("style-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('script-src');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const links = [...res.body.matchAll(/href="(\/m\/[^"]+)"/gu)].map((m) => m[1]);
    expect(links).toEqual([pageOf(FERRY_CALL), pageOf(BRIEFING), pageOf(COMMITTEE)]);
    expect(res.body).toContain('href="/s/Ada%20Finch"');
  });

  it('shows a meeting whole: turns, a quotation, a paraphrase, narration, each with file and paragraph', async () => {
    const res = await get(site, pageOf(BRIEFING));
    expect(res.status).toBe(200);
    const text = visible(res.body);
    expect(text).toContain('Briefing on the north pier');
    expect(text).toContain(
      'Harbourmaster Ada Finch met reporters at the north pier on Sunday morning.',
    );
    expect(res.body).toMatch(/<section class="st quote" id="s-0"[^>]*>/u);
    expect(text).toContain('“The blocks arrive by barge on Tuesday, and the cranes are ready.”');
    expect(text).toContain(`¶7 of ${BRIEFING}`);
    expect(res.body).toMatch(/<section class="st paraphrase" id="s-1"[^>]*>/u);
    expect(text).toContain('reported, not verbatim');
    expect(text).toContain(`¶8 of ${BRIEFING}`);
    // The statement's place is a link to its own anchor: the page is a citation.
    expect(res.body).toContain('<a href="#s-1">');
  });

  it('gives the time of a caption cue and leaves the cue furniture out', async () => {
    const res = await get(site, pageOf(FERRY_CALL));
    const text = visible(res.body);
    expect(text).toContain(`¶7 of ${FERRY_CALL}, at 00:04:10`);
    expect(text).toContain('The barge with the concrete blocks left the quarry this morning.');
    expect(text).not.toContain('-->');
    expect(text).not.toContain('WEBVTT');
    expect([...res.body.matchAll(/id="s-(\d+)"/gu)].map((m) => m[1])).toEqual(['0', '1', '2']);
  });

  it('shows the committee turns in order with their speakers and the narration between them', async () => {
    const res = await get(site, pageOf(COMMITTEE));
    expect(res.status).toBe(200);
    const text = visible(res.body);
    const order = [
      'Good morning. The first item',
      'forty more concrete blocks',
      '(The committee adjourned for ten minutes.)',
      'fog horn budget',
    ].map((words) => text.indexOf(words));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(res.body).toContain('<a href="/s/Paul%20Dale">Paul Dale</a>');
    // The front matter is the page's header, not record text.
    expect(text).not.toContain('title:');
  });

  it('shows a speaker profile with quotes linking to their place in the record', async () => {
    const res = await get(site, '/s/Ada%20Finch');
    expect(res.status).toBe(200);
    const text = visible(res.body);
    expect(text).toContain('Ada Finch');
    expect(text).toMatch(/\d+ statements? in 2 meetings/u);
    expect(res.body).toMatch(/href="\/m\/[^"#]+#s-\d+"/u);
    expect(res.body).toContain(`href="${pageOf(BRIEFING)}"`);
  });

  it('shows the same charts as /who and /meeting, as SVG with words for those who cannot see it', async () => {
    const speaker = await get(site, '/s/Ada%20Finch');
    const timeline = /<figure class="chart"><svg[^>]*aria-label="([^"]*)"/u.exec(speaker.body);
    expect(timeline?.[1]).toContain("Timeline of Ada Finch's statements");
    const meeting = await get(site, pageOf(BRIEFING));
    const share = /<figure class="chart"><svg[^>]*aria-label="([^"]*)"/u.exec(meeting.body);
    expect(share?.[1]).toMatch(/Ada Finch/u);
    // Drawn with shapes and text only: nothing a browser would run or fetch.
    expect(tagNames(meeting.body).has('script')).toBe(false);
    expect(meeting.body).not.toMatch(/<svg[^>]*\sstyle=/u);
  });

  it('serves the stylesheet, with the dark theme and the highlight of the statement in the address', async () => {
    const res = await get(site, '/assets/web.css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.body).toContain('prefers-color-scheme: dark');
    expect(res.body).toContain('.st:target');
  });

  it('answers HEAD without a body, refuses writes, and leaves other paths to other handlers', async () => {
    const head = await get(site, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await get(site, '/search?q=harbour', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const other = await get(site, '/interactions');
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('escaping', () => {
  it('shows <script> and "><img onerror=…> in a record as text, never as markup', async () => {
    const res = await get(site, pageOf(COMMITTEE));
    const text = visible(res.body);
    expect(text).toContain(
      'Somebody pasted this into the record: <script>alert("pwned")</script> and we keep it',
    );
    expect(text).toContain(`"><img src=x onerror=alert(1)> was in the contractor's email.`);
    expect(text).toContain('<b>Not bold</b> in the record.');
    expect(text).toContain('Harbour Committee <script>alert("title")</script> session');
    const tags = tagNames(res.body);
    expect(tags.has('script')).toBe(false);
    expect(tags.has('img')).toBe(false);
    expect(tags.has('b')).toBe(false);
    expect(res.body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(res.body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes the question and the filters echoed back by search', async () => {
    const q = encodeURIComponent('"><img src=x onerror=alert(1)> breakwater');
    const speaker = encodeURIComponent('<script>x</script>');
    const res = await get(site, `/search?q=${q}&speaker=${speaker}`);
    expect(res.status).toBe(200);
    const tags = tagNames(res.body);
    expect(tags.has('img')).toBe(false);
    expect(tags.has('script')).toBe(false);
    expect(res.body).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; breakwater"');
    expect(visible(res.body)).toContain('No speaker "<script>x</script>"');
  });
});

describe('only corpus records are served', () => {
  let folder: string;
  let linked: WebSite;
  beforeAll(async () => {
    // The records, plus a link inside the folder that leads to a file outside it.
    folder = mkdtempSync(join(tmpdir(), 'verbatim-web-'));
    cpSync(WEB_FIXTURES, folder, { recursive: true });
    writeFileSync(
      join(folder, '..', `${folder.split('/').pop()}-secret.txt`),
      'SECRET: do not serve\n',
    );
    symlinkSync(
      resolve(folder, '..', `${folder.split('/').pop()}-secret.txt`),
      join(folder, 'outside.txt'),
    );
    symlinkSync(resolve('package.json'), join(folder, 'council', 'package.txt'));
    linked = await startWebSite(folder);
  });
  afterAll(async () => {
    await linked.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(`${folder}-secret.txt`, { force: true });
  });

  it.each([
    '/m/../package.json',
    '/m/..%2f..%2fpackage.json',
    '/m/%2e%2e/%2e%2e/package.json',
    '/m/%252e%252e%252fpackage.json',
    '/m/council/../../package.json',
    '/m/council/..%5c..%5cpackage.json',
    '/m//etc/passwd',
    '/m/%2Fetc%2Fpasswd',
    '/m/outside.txt',
    '/m/council/package.txt',
    '/m/council',
    '/m/council/',
    '/m/',
    '/m',
    '/s',
    '/s/',
    '/m/%zz',
    '/m/council%00.txt',
    `${pageOf(COMMITTEE)}/`,
    `${pageOf(COMMITTEE)}%00`,
  ])('%s is not found, and shows no file', async (path) => {
    const res = await get(linked, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('"name": "verbatim"');
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toMatch(/Index of|<li><a href="\/m\//u);
  });

  it('says unknown meetings and speakers are not found', async () => {
    for (const path of [
      '/m/2026-01-01-no-such-meeting.txt',
      '/s/Nobody%20Known',
      '/s/ada%20finch',
    ]) {
      const res = await get(linked, path);
      expect(res.status).toBe(404);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(visible(res.body)).toMatch(/No (meeting record|speaker)/u);
    }
  });

  it('still serves the records themselves', async () => {
    expect((await get(linked, pageOf(COMMITTEE))).status).toBe(200);
  });
});

describe('search', () => {
  it('answers with the /ask engine, each result linking to its statement', async () => {
    const res = await get(site, '/search?q=concrete+blocks');
    expect(res.status).toBe(200);
    const hrefs = [...res.body.matchAll(/<a class="open" href="([^"]+)"/gu)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    expect(hrefs).toContain(`${pageOf(COMMITTEE)}#s-1`);
    expect(hrefs).toContain(`${pageOf(FERRY_CALL)}#s-1`);
    // Said in two meetings: the /trend chart of those words heads the results, as SVG.
    const chart = /<figure class="chart"><svg[^>]*aria-label="([^"]*)"/u.exec(res.body);
    expect(chart?.[1]).toContain('concrete blocks');
  });

  it('applies the speaker, meeting and date filters as /ask does', async () => {
    const bySpeaker = await get(site, '/search?q=concrete+blocks&speaker=Paul+Dale&to=2026-05-02');
    const hrefs = [...bySpeaker.body.matchAll(/<a class="open" href="([^"]+)"/gu)].map((m) => m[1]);
    expect(hrefs).toEqual([`${pageOf(COMMITTEE)}#s-1`]);
    const byMeeting = await get(
      site,
      `/search?q=breakwater&meeting=${encodeURIComponent('pier briefing')}`,
    );
    const inMeeting = [...byMeeting.body.matchAll(/<a class="open" href="([^"]+)"/gu)].map(
      (m) => m[1],
    );
    expect(inMeeting.length).toBeGreaterThan(0);
    expect(inMeeting.every((h) => h?.startsWith(`${pageOf(BRIEFING)}#`))).toBe(true);
    const badDate = await get(site, '/search?q=breakwater&from=2026-02-30');
    expect(visible(badDate.body)).toContain('“from” must be a date written YYYY-MM-DD');
    const backwards = await get(site, '/search?q=breakwater&from=2026-06-01&to=2026-05-01');
    expect(visible(backwards.body)).toContain('is after “to”');
  });

  it('says plainly when nothing answers, and shows an empty form without a question', async () => {
    const none = await get(site, '/search?q=volcano+eruption');
    expect(none.status).toBe(200);
    expect(none.body).not.toContain('class="open"');
    expect(visible(none.body)).toMatch(
      /Nothing in the reports answers that\.|no statements|records do cover/u,
    );
    const empty = await get(site, '/search');
    expect(empty.status).toBe(200);
    expect(visible(empty.body)).toContain('Ask what was said');
  });

  it('caps the length of what is asked', async () => {
    const long = await get(site, `/search?q=${'harbour+'.repeat(200)}`);
    expect(long.status).toBe(414);
    const question = `${'breakwater '.repeat(40)}`.trim();
    const res = await get(site, `/search?q=${encodeURIComponent(question)}`);
    expect(res.status).toBe(200);
    const echoed = /id="q"[^>]* value="([^"]*)"/u.exec(res.body)?.[1] ?? '';
    expect(echoed.length).toBeLessThanOrEqual(300);
  });
});

describe('the search limit per address', () => {
  let limited: WebSite;
  let clock = 1_000_000;
  beforeAll(async () => {
    limited = await startWebSite(WEB_FIXTURES, { searchesPerMinute: 3, now: () => clock });
  });
  afterAll(() => limited.close());

  it('answers 429 past the limit, to that address only, until the minute is over', async () => {
    for (let i = 0; i < 3; i++) expect((await get(limited, '/search?q=pier')).status).toBe(200);
    const refused = await get(limited, '/search?q=pier');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(visible(refused.body)).toContain('Too many searches');
    // Pages are not searches, and another address has its own count.
    expect((await get(limited, pageOf(COMMITTEE))).status).toBe(200);
    expect((await get(limited, '/search?q=pier', { localAddress: '127.0.0.2' })).status).toBe(200);
    clock += 61_000;
    expect((await get(limited, '/search?q=pier')).status).toBe(200);
  });
});

describe('a corpus that changes while the site runs', () => {
  it('serves the new records on the next request', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'verbatim-web-live-'));
    try {
      cpSync(join(WEB_FIXTURES, 'press'), folder, { recursive: true });
      const live = await startWebSite(folder);
      try {
        expect((await get(live, pageOf('2026-05-03-pier-briefing.md'))).status).toBe(200);
        expect((await get(live, pageOf(COMMITTEE))).status).toBe(404);
        // What the live corpus does: swap the corpus and index on the context.
        const next = await loadCorpus(WEB_FIXTURES);
        live.ctx.corpus = next;
        live.ctx.index = buildIndex(next);
        expect((await get(live, pageOf(COMMITTEE))).status).toBe(200);
        expect((await get(live, pageOf('2026-05-03-pier-briefing.md'))).status).toBe(404);
        const found = await get(live, '/search?q=fog+horn');
        expect(found.body).toContain(`${pageOf(COMMITTEE)}#s-4`);
      } finally {
        await live.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
