// Charts in the console: the PNG is written under DATA_DIR/charts/ and the reply prints its path
// and what it shows; the Discord payload carries the same file with its alt text.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { commands } from '../../commands/index.js';
import { createConsoleSession } from '../../src/console/session.js';
import { buildIndex } from '../../src/search/engine.js';
import { renderMessage } from '../../src/discord/render.js';
import { emptyCard, type ReplyView } from '../../src/answers/view.js';
import { tryChart } from '../../src/charts/attach.js';
import { makeTestContext } from '../support/app-context.js';
import { boardCorpus } from './fixture.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('charts in the console', () => {
  it('writes the /trend chart to DATA_DIR/charts and prints its path and alt text', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-charts-'));
    dirs.push(dataDir);
    const ctx = makeTestContext({ index: buildIndex(boardCorpus()), config: { dataDir } });
    const { text } = await createConsoleSession(ctx, commands).handleLine('/trend words:dredging');
    const path = /^Chart: (.+trend\.png)$/mu.exec(text)?.[1];
    expect(path?.startsWith(join(dataDir, 'charts'))).toBe(true);
    expect(existsSync(path ?? '')).toBe(true);
    expect(PNG.sync.read(readFileSync(path ?? '')).width).toBe(800);
    expect(text).toContain('Trend of statements matching “dredging”: 9 statements');
    expect(text).toContain('== Best matches ==');
  });
});

describe('charts in the Discord payload', () => {
  it('uploads each file with its alt text (at most 1,024 characters) and shows it in its card', () => {
    const card = { ...emptyCard(), title: 'Chart', image: 'my chart.png' };
    const view: ReplyView = {
      ephemeral: false,
      content: null,
      cards: [card],
      buttons: [],
      files: [
        { name: 'my chart.png', data: new Uint8Array([1, 2, 3]), description: 'x'.repeat(2000) },
      ],
    };
    const message = renderMessage(view);
    expect(message.files?.map((f) => [f.name, f.description.length])).toEqual([
      ['my_chart.png', 1024],
    ]);
    expect(message.embeds[0]?.image).toEqual({ url: 'attachment://my_chart.png' });
  });
});

describe('a chart that fails to draw', () => {
  it('is logged and left out, so the reply still answers', () => {
    const ctx = makeTestContext();
    const file = tryChart(ctx.log, 'timeline', () => {
      throw new Error('resvg exploded');
    });
    expect(file).toBeNull();
    expect(ctx.logLines().some((l) => l.chart === 'timeline' && l.level === 50)).toBe(true);
  });
});
