import { mkdirSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { PgliteSessionQueue } from './pglite-session-queue';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

type HandlerOptions = ConstructorParameters<typeof PGLiteSocketHandler>[0];

/**
 * PGlite (PostgreSQL compiled to WebAssembly) kept under `<dataDir>/pglite`, served on a loopback
 * port so that `pg`, TypeORM and the hand-written SQL talk to it exactly as to a real server.
 * All connections share PGlite's one session, one exchange at a time (PgliteSessionQueue); session
 * state such as advisory locks is therefore shared too, which is why the embedded database is for
 * one Kinerja process trying things out, never for replicas.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const queue = new PgliteSessionQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket: Socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: queue, closeOnDetach: true } as unknown as HandlerOptions);
    handlers.add(handler);
    handler.addEventListener('close', () => handlers.delete(handler));
    handler.addEventListener('error', () => handlers.delete(handler));
    handler.attach(socket).catch(() => socket.destroy());
  });
  const port = await new Promise<number>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port));
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: dir,
    async stop() {
      for (const handler of handlers) await handler.detach(true);
      await new Promise<void>((done) => server.close(() => done()));
      await db.close();
    },
  };
}
