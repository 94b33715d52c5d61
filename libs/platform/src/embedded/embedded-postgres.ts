import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export const embeddedMaxConnections = 8;

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) kept under `<dataDir>/pglite`, served on a loopback
 * port so that `pg`, TypeORM and the hand-written SQL talk to it exactly as to a real server.
 * Keep pools small: the connections of all pools together must stay under `embeddedMaxConnections`.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // The socket server multiplexes several client connections onto PGlite's one session; while a
  // client is inside a transaction only that client's statements run, so transactions stay atomic.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: embeddedMaxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    dataDir: dir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
