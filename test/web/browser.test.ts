// The web view in a real browser (Debian's Chromium driven by playwright-core): a statement's
// anchor scrolls to it and highlights it with no script, search leads to a statement, the meeting
// page in both themes and at phone width (screenshots kept in test-artifacts/web/), and no
// accessibility violation of level A (axe-core).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITTEE, WEB_FIXTURES, pageOf, startWebSite } from './support.js';
import type { WebSite } from './support.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join('test-artifacts', 'web');
const LONG = 'long-harbour-hearing.txt';
const TURNS = 60;

/**
 * The page's globals as the callbacks run in the browser use them (the project compiles without
 * the DOM library; the casts vanish when a callback is sent to the page).
 */
interface PageGlobals {
  getComputedStyle(el: unknown): { backgroundColor: string };
  document: { documentElement: { scrollWidth: number } };
  axe: typeof axe;
}

let browser: Browser;
let site: WebSite;
let folder: string;

/** A long fictional hearing, so that a statement near the end starts far below the first screen. */
function writeLongHearing(dir: string): void {
  const lines = [
    'Public hearing on the harbour lights',
    '',
    'Held in the town hall of Port Wren.',
    '',
  ];
  for (let i = 0; i < TURNS; i++) {
    const who = i % 2 === 0 ? 'CHAIR OLSEN' : 'ENGINEER DALE';
    lines.push(
      `${who}: Point ${i + 1} of the hearing concerns lamp number ${i + 1} on the east quay, which the night crew checked on round ${i + 1}.`,
      '',
    );
  }
  writeFileSync(join(dir, LONG), lines.join('\n'));
}

/** Why there is no browser to test with; each test fails with it (never a silent skip). */
let missing: string | null = null;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    missing =
      `The browser tests need Chromium at ${CHROMIUM} (set CHROMIUM_PATH to use another). ` +
      'Install it with `apt-get install -y chromium` (.ci/run does this when it is missing).';
    return;
  }
  folder = mkdtempSync(join(tmpdir(), 'verbatim-browser-'));
  cpSync(WEB_FIXTURES, folder, { recursive: true });
  writeLongHearing(folder);
  site = await startWebSite(folder);
  // playwright-core gives every launch a fresh profile folder of its own (and removes it after).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function withPage<T>(
  options: Parameters<Browser['newContext']>[0],
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  if (missing) throw new Error(missing);
  const context = await browser.newContext(options);
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** The element the address names (:target), and whether it is on screen. */
async function readTarget(page: Page) {
  const target = page.locator(':target');
  await expect.poll(() => target.count()).toBe(1);
  const box = await target.boundingBox();
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  return {
    id: await target.getAttribute('id'),
    className: await target.getAttribute('class'),
    text: await target.innerText(),
    inView: !!box && box.y >= 0 && box.y + Math.min(box.height, 40) <= viewport.height,
    background: await target.evaluate(
      (el) => (globalThis as unknown as PageGlobals).getComputedStyle(el).backgroundColor,
    ),
  };
}

describe('the web view in Chromium', () => {
  it('scrolls to a statement named in the address and highlights it, with JavaScript off', async () => {
    await withPage(
      { javaScriptEnabled: false, viewport: { width: 1024, height: 700 } },
      async (page) => {
        await page.goto(`${site.base}${pageOf(LONG)}#s-50`);
        const target = await readTarget(page);
        expect(target.id).toBe('s-50');
        expect(target.className).toContain('st');
        expect(target.text).toContain('Point 51 of the hearing concerns lamp number 51');
        expect(target.text).toContain(`¶${3 + 50} of ${LONG}`);
        expect(target.inView).toBe(true);
        const other = await page
          .locator('#s-10')
          .evaluate(
            (el) => (globalThis as unknown as PageGlobals).getComputedStyle(el).backgroundColor,
          );
        expect(target.background).not.toBe(other);
        await page.screenshot({ path: join(ARTIFACTS, 'statement-anchor.png') });
        // The first statement is far above: the page really scrolled.
        const first = await page.locator('#s-0').boundingBox();
        expect(first?.y ?? 0).toBeLessThan(0);
      },
    );
  });

  it('searches from the header and follows a result to the statement', async () => {
    await withPage(
      { javaScriptEnabled: false, viewport: { width: 1024, height: 700 } },
      async (page) => {
        await page.goto(`${site.base}/`);
        await page.fill('#site-q', 'concrete blocks');
        await Promise.all([
          page.waitForURL(/\/search\?q=concrete\+blocks/u),
          page.press('#site-q', 'Enter'),
        ]);
        const first = page.locator('a.open').first();
        const href = await first.getAttribute('href');
        expect(href).toMatch(/^\/m\/.+#s-\d+$/u);
        await Promise.all([page.waitForURL((url) => url.hash.startsWith('#s-')), first.click()]);
        const target = await readTarget(page);
        expect(`#${target.id}`).toBe(new URL(page.url()).hash);
        expect(target.text.toLowerCase()).toContain('concrete blocks');
        expect(target.inView).toBe(true);
      },
    );
  });

  it('follows the reader’s theme and fits a phone; screenshots kept as artifacts', async () => {
    const shoot = async (name: string, options: Parameters<Browser['newContext']>[0]) =>
      withPage(options, async (page) => {
        await page.goto(`${site.base}${pageOf(COMMITTEE)}`);
        const path = join(ARTIFACTS, name);
        await page.screenshot({ path, fullPage: true });
        const width = await page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
        );
        return { png: PNG.sync.read(await page.screenshot()), width };
      });
    const light = await shoot('meeting-light.png', {
      colorScheme: 'light',
      viewport: { width: 1024, height: 800 },
    });
    const dark = await shoot('meeting-dark.png', {
      colorScheme: 'dark',
      viewport: { width: 1024, height: 800 },
    });
    const phone = await shoot('meeting-phone.png', {
      colorScheme: 'light',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    // The page's background at a corner: near white in the light theme, near black in the dark.
    const corner = (png: PNG) => (png.data[0] ?? 0) + (png.data[1] ?? 0) + (png.data[2] ?? 0);
    expect(corner(light.png)).toBeGreaterThan(700);
    expect(corner(dark.png)).toBeLessThan(150);
    // Nothing wider than the phone: no sideways scrolling.
    expect(phone.width).toBeLessThanOrEqual(390);
    for (const name of ['meeting-light.png', 'meeting-dark.png', 'meeting-phone.png'])
      expect(existsSync(join(ARTIFACTS, name))).toBe(true);
  });

  it('runs no script from a record, and the meeting page has no level-A accessibility violation', async () => {
    await withPage({ viewport: { width: 1024, height: 800 } }, async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${site.base}${pageOf(COMMITTEE)}`);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.locator('main').innerText()).toContain('<script>alert("pwned")</script>');
      // axe is put in through the browser's debugging protocol: the page's policy allows no script.
      await page.evaluate(axe.source);
      for (const path of [
        pageOf(COMMITTEE),
        `${pageOf(LONG)}#s-3`,
        '/search?q=breakwater',
        '/s/Ada%20Finch',
        '/',
      ]) {
        if (path !== pageOf(COMMITTEE)) {
          await page.goto(`${site.base}${path}`);
          await page.evaluate(axe.source);
        }
        const result = await page.evaluate(() =>
          (globalThis as unknown as PageGlobals).axe.run(
            (globalThis as unknown as PageGlobals).document as never,
            {
              runOnly: { type: 'tag', values: ['wcag2a'] },
            },
          ),
        );
        // axe really looked: the page's rules were checked and passed.
        expect(result.passes.length).toBeGreaterThan(5);
        const violations = result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`);
        expect(violations).toEqual([]);
      }
      expect(dialogs).toEqual([]);
    });
  });
});
