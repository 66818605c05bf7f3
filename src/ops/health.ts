// /healthz (the process answers), /readyz (corpus loaded, store reachable, not stopping) and
// /metrics (Prometheus text) as route handlers of the shared HTTP server.
import type { RouteHandler } from '../http/server.js';
import { sendText } from '../http/server.js';
import { getMetrics } from './metrics.js';
import type { Metrics } from './metrics.js';

export interface Readiness {
  corpusLoaded(): boolean;
  /** True when the store answers a cheap query. */
  storeReachable(): boolean | Promise<boolean>;
  /** Shutting down: no new work, so a load balancer should send it elsewhere. */
  stopping(): boolean;
}

export function healthHandlers(
  readiness: Readiness,
  metrics: Metrics = getMetrics(),
): RouteHandler {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    switch (url.pathname) {
      case '/healthz':
        sendText(res, 200, 'ok\n');
        return true;
      case '/readyz': {
        const corpus = readiness.corpusLoaded();
        const store = await Promise.resolve()
          .then(() => readiness.storeReachable())
          .catch(() => false);
        const stopping = readiness.stopping();
        const ready = corpus && store && !stopping;
        res.writeHead(ready ? 200 : 503, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(JSON.stringify({ ready, corpus, store, stopping }) + '\n');
        return true;
      }
      case '/metrics': {
        const text = await metrics.registry.metrics();
        res.writeHead(200, {
          'content-type': metrics.registry.contentType,
          'cache-control': 'no-store',
        });
        res.end(text);
        return true;
      }
      default:
        return false;
    }
  };
}
