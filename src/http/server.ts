// The one HTTP server of a process: the interactions endpoint, health and metrics, and the web
// view each add route handlers to it, so they share a port when several are on.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/**
 * Answers the request and returns true, or returns false to let the next handler try. `url` is
 * the request's path and query, parsed against a placeholder origin.
 */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => boolean | Promise<boolean>;

export interface HttpServerOptions {
  port: number;
  /** Default 0.0.0.0 (all interfaces); tests pass 127.0.0.1. */
  host?: string;
  handlers: readonly RouteHandler[];
  log: Logger;
}

export interface HttpServer {
  server: Server;
  /** The port it listens on (the real one when `port` was 0). */
  port: number;
  /** Stops taking connections and resolves once open requests have finished (or after `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { handlers, log } = options;
  const server = createServer((req, res) => {
    void route(req, res);
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      for (const handler of handlers) {
        if (await handler(req, res, url)) return;
      }
      sendText(res, 404, 'Not found');
    } catch (err) {
      log.error({ err, url: req.url }, 'http request failed');
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    }
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: (graceMs = 3000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** A plain-text answer with no caching and no content sniffing. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
