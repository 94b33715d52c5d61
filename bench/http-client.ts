import { Agent, request } from 'node:http';

/** One answer: its status, its JSON body (null when empty) and its size in bytes. */
export interface HttpAnswer {
  status: number;
  body: any;
  bytes: number;
}

/**
 * A keep-alive client on node:http for the benchmarks (lighter than fetch: the client shares the
 * process, and so the CPU, with the API it measures). A body given as a Buffer is sent as it is
 * (JSON prepared ahead); the size of each answer is kept.
 */
export function http(port: number, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return (method: string, path: string, token: string | null, body?: unknown): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      const headers: Record<string, string | number> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (payload) headers['content-length'] = payload.length;
      const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          try {
            resolve({ status: res.statusCode ?? 0, body: raw.length ? JSON.parse(raw.toString('utf8')) : null, bytes: raw.length });
          } catch (error) {
            reject(error);
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
}
