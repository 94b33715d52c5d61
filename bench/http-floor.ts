import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';

export interface HttpFloor {
  port: number;
  close(): Promise<void>;
}

/**
 * The floor under bench:api's submissions: a bare node:http server on its own pg pool that does what
 * any submission must do at the least (parse the JSON body, one read round trip, one insert of two
 * rows carrying the body, a JSON answer) and nothing of what Kinerja adds (no framework, no
 * authentication, no validation, no decision, no hash chain). Measured in the same run as the API,
 * it tells how much of the gap to the store's own rate this machine leaves to any HTTP service.
 */
export async function startHttpFloor(databaseUrl: string, poolSize: number): Promise<HttpFloor> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'kinerja-bench-floor' });
  // An idle connection ended by the server (the scratch database dropped) must not end the run.
  pool.on('error', () => undefined);
  await pool.query('CREATE TABLE IF NOT EXISTS bench_http_floor (id bigserial PRIMARY KEY, stream text NOT NULL, body jsonb NOT NULL)');
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        JSON.parse(body);
        const stream = req.url ?? '/';
        const state = await pool.query({ name: 'floor_read', text: 'SELECT count(*)::int AS n FROM bench_http_floor WHERE id = $1', values: [1] });
        await pool.query({ name: 'floor_insert', text: 'INSERT INTO bench_http_floor (stream, body) VALUES ($1, $2), ($1, $3)', values: [stream, body, '{}'] });
        const out = JSON.stringify({ stream, version: state.rows[0].n + 2 });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
        res.end(out);
      })().catch((error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error.message);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
