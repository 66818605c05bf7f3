// The charts as pictures: the PNG decodes at Discord's display size with something drawn, the alt
// text names the speaker or the words, and each chart type matches its golden image.
//
// Golden images live in test/charts/golden/. After a deliberate change to how charts look,
// regenerate them with `UPDATE_GOLDEN=1 npx vitest run test/charts/png.test.ts` and look at them
// before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import type { FileView } from '../../src/answers/view.js';
import { CHART_HEIGHT, CHART_WIDTH, PALETTE } from '../../src/charts/svg.js';
import {
  speakerTimelineData,
  speakerTimelineFile,
  speakerTimelineSvg,
} from '../../src/charts/timeline.js';
import { buildTrend, trendFile } from '../../src/charts/trend.js';
import { meetingShareData, meetingShareFile } from '../../src/charts/share.js';
import { buildIndex } from '../../src/search/engine.js';
import { boardCorpus } from './fixture.js';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
/** Share of pixels allowed to differ from the golden image (anti-aliasing across resvg builds). */
const TOLERANCE = 0.01;

function hex(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Pixels of this colour (within a small distance) in the picture. */
function countColor(png: PNG, color: string): number {
  const [r, g, b] = hex(color);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const d =
      Math.abs((png.data[i] ?? 0) - r) +
      Math.abs((png.data[i + 1] ?? 0) - g) +
      Math.abs((png.data[i + 2] ?? 0) - b);
    if (d < 12 && (png.data[i + 3] ?? 0) > 250) n++;
  }
  return n;
}

/** Dark pixels: text drawn with the shipped font. */
function countText(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if ((png.data[i] ?? 255) < 90 && (png.data[i + 1] ?? 255) < 90 && (png.data[i + 3] ?? 0) > 200)
      n++;
  return n;
}

function charts(): Record<string, FileView> {
  const corpus = boardCorpus();
  const index = buildIndex(corpus);
  const kamau = corpus.statements.filter((s) => s.speaker === 'Idris Kamau');
  const timeline = speakerTimelineFile(
    speakerTimelineData(
      'Idris Kamau',
      corpus.meetings.filter((m) => m.speakers.includes('Idris Kamau')),
      kamau,
    ),
    'en-US',
  );
  const trend = buildTrend(index, 'dredging').data;
  if (!trend) throw new Error('the fixture should match "dredging"');
  return {
    timeline,
    trend: trendFile(trend, 'en-US'),
    share: meetingShareFile(meetingShareData(corpus.meetings[1]!), 'en-US'),
  };
}

describe('chart pictures', () => {
  const files = charts();

  it('decode as PNGs at 800×400 with bars and text drawn on the card', () => {
    for (const [kind, file] of Object.entries(files)) {
      const png = PNG.sync.read(Buffer.from(file.data));
      expect([png.width, png.height], kind).toEqual([CHART_WIDTH, CHART_HEIGHT]);
      expect(countColor(png, PALETTE.card), kind).toBeGreaterThan(CHART_WIDTH * CHART_HEIGHT * 0.4);
      expect(countColor(png, PALETTE.series[0]), kind).toBeGreaterThan(400);
      expect(countText(png), kind).toBeGreaterThan(500);
    }
    // The trend stacks several speakers: their colours and the grey of "others" are all there.
    const trend = PNG.sync.read(Buffer.from(files.trend!.data));
    for (const color of [PALETTE.series[1], PALETTE.series[2], PALETTE.others])
      expect(countColor(trend, color)).toBeGreaterThan(100);
  });

  it('say in the alt text who or what the chart is about, and the main numbers', () => {
    expect(files.timeline!.description).toBe(
      "Timeline of Idris Kamau's statements: 3 statements in 2 meetings from Jan 10, 2024 to Mar 20, 2024, one bar per meeting. Most statements — Mar 20, 2024 · Harbour board, March: 2; Jan 10, 2024 · Harbour board, January: 1.",
    );
    expect(files.trend!.description).toContain(
      'Trend of statements matching “dredging”: 9 statements across 4 meetings',
    );
    expect(files.trend!.description).toContain(
      'Peak: Feb 14, 2024 · Harbour board, February with 5.',
    );
    expect(files.trend!.description).toContain('Idris Kamau 3, Mira Solberg 2');
    expect(files.share!.description).toContain(
      'Who spoke how much at Harbour board, February (Feb 14, 2024)',
    );
    expect(files.share!.description).toMatch(
      /Yuki Tanaka 2\d% of words \(10\), 20% of turns \(1\)/u,
    );
  });

  it('export the same chart as SVG for the web view, with text from records escaped', () => {
    const svg = speakerTimelineSvg(
      speakerTimelineData(
        'A <b>&</b> "B"',
        [{ id: 'x', title: '<script>', date: '2024-01-01' }],
        [{ meetingId: 'x' }],
      ),
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('role="img"');
  });

  it('match their golden images', () => {
    const update = process.env.UPDATE_GOLDEN === '1';
    if (update) mkdirSync(GOLDEN_DIR, { recursive: true });
    for (const [kind, file] of Object.entries(files)) {
      const path = `${GOLDEN_DIR}${kind}.png`;
      if (update || !existsSync(path)) {
        // A missing golden is a failure unless asked to write it: never pass by creating one.
        expect(update, `${path} is missing: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
        writeFileSync(path, file.data);
        continue;
      }
      const actual = PNG.sync.read(Buffer.from(file.data));
      const golden = PNG.sync.read(readFileSync(path));
      expect([golden.width, golden.height]).toEqual([actual.width, actual.height]);
      const diff = pixelmatch(actual.data, golden.data, null, actual.width, actual.height, {
        threshold: 0.1,
      });
      expect(diff / (actual.width * actual.height), kind).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});
