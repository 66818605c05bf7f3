// A small round-robin reverse proxy in front of bot replicas, for the replica bench and the
// end-to-end test; compose.yaml uses nginx the same way. A replica that refuses the connection or
// answers 503 (shutting down) is skipped and the request goes to the next one, as nginx's
// `proxy_next_upstream error http_503 non_idempotent` does.
import { Agent, createServer, request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Requests each replica answered (by index in `targets`). */
  served: number[];
  /** Which replica answered an interaction, by the interaction's id (JSON bodies with an `id`). */
  servedBy: Map<string, number>;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function startRoundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const served = targets.map(() => 0);
  const servedBy = new Map<string, number>();
  let next = 0;

  const forward = (target: string, req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const url = new URL(req.url ?? '/', target);
      const headers = { ...req.headers, host: url.host, 'content-length': String(body.length) };
      const upstream = request(url, { method: req.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const first = next;
      next = (next + 1) % targets.length;
      for (let attempt = 0; attempt < targets.length; attempt++) {
        const index = (first + attempt) % targets.length;
        let answer: Upstream;
        try {
          answer = await forward(targets[index] ?? '', req, body);
        } catch {
          continue; // refused or cut: the next replica
        }
        if (answer.status === 503 && attempt < targets.length - 1) continue;
        served[index] = (served[index] ?? 0) + 1;
        const id = interactionId(body);
        if (id) servedBy.set(id, index);
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        delete headers['keep-alive'];
        res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        res.end(answer.body);
        return;
      }
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('No replica answered');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    servedBy,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function interactionId(body: Buffer): string | null {
  if (body.length === 0 || body[0] !== 0x7b) return null;
  try {
    const id = (JSON.parse(body.toString('utf8')) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
