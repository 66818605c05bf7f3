// Helpers for the web view tests: the fictional records of test/fixtures/web served on 127.0.0.1,
// and raw HTTP requests (paths sent exactly as written, never normalised by a client).
import { request } from 'node:http';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildIndex } from '../../src/search/engine.js';
import { startHttpServer } from '../../src/http/server.js';
import type { HttpServer } from '../../src/http/server.js';
import { webRoutes } from '../../src/web/routes.js';
import type { WebOptions } from '../../src/web/routes.js';
import { makeTestContext } from '../support/app-context.js';
import type { TestContext } from '../support/app-context.js';

export const WEB_FIXTURES = 'test/fixtures/web';
export const COMMITTEE = 'council/2026-05-02-harbour-committee.txt';
export const BRIEFING = 'press/2026-05-03-pier-briefing.md';
export const FERRY_CALL = '2026-05-04-ferry-call.vtt';

export interface WebSite {
  ctx: TestContext;
  server: HttpServer;
  base: string;
  close(): Promise<void>;
}

export async function startWebSite(
  folder = WEB_FIXTURES,
  options: WebOptions = {},
  config: Parameters<typeof makeTestContext>[0] = {},
): Promise<WebSite> {
  const corpus = await loadCorpus(folder);
  const ctx = makeTestContext({ ...config, index: buildIndex(corpus) });
  const server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    handlers: webRoutes(() => ctx, options),
    log: ctx.log,
  });
  return {
    ctx,
    server,
    base: `http://127.0.0.1:${server.port}`,
    close: () => server.close(200),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent byte for byte (no "..", no %2e folded away by a client). */
export function get(
  site: WebSite,
  path: string,
  options: { method?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: site.server.port,
        path,
        method: options.method ?? 'GET',
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A meeting's page address, as the site links to it. */
export function pageOf(meetingId: string): string {
  return `/m/${meetingId.split('/').map(encodeURIComponent).join('/')}`;
}
