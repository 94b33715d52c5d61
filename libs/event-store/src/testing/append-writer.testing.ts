// A client of the event store for the kill-and-restart test (event-store-kill.int-spec.ts), run as
// its own process from dist/:
//   node dist/libs/event-store/src/testing/append-writer.testing.js <writers> <commands> [<writer>=<first command> ...]
// Writer w appends command n (n = 0, 1, …) to the stream `kill:w<w>` of office `kpu-kill-<w>`: one
// event, expected version n - 1, idempotency key `w<w>-c<n>`, each command only after the previous
// one was acknowledged, so many offices append at once and the store groups them. A line
// `ack <w> <n> <version> <replayed>` is printed once an append has returned (after its commit).
// With `<w>=<n>` a writer resumes at command n, as a client that retries what it never saw
// acknowledged.
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store';

export const killStreamOf = (writer: number) => `kill:w${writer}`;
export const killTenantOf = (writer: number) => `kpu-kill-${writer}`;
export const killKeyOf = (writer: number, command: number) => `w${writer}-c${command}`;

async function main(): Promise<void> {
  const [writers, commands, ...resume] = process.argv.slice(2);
  const first = new Map(resume.map((arg) => arg.split('=').map(Number) as [number, number]));
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, poolSize: 20, applicationName: 'kinerja-append-writer' });
  await dataSource.initialize();
  const store = new EventStore(dataSource);
  await Promise.all(
    Array.from({ length: Number(writers) }, async (_, writer) => {
      for (let n = first.get(writer) ?? 0; n < Number(commands); n += 1) {
        const result = await store.append(killStreamOf(writer), n === 0 ? 'no-stream' : n - 1, [{ type: 'KillTestAppended', data: { writer, command: n } }], {
          tenantId: killTenantOf(writer),
          actorId: 'kill-test',
          actorRole: 'ADMIN',
          correlationId: killKeyOf(writer, n),
          idempotencyKey: killKeyOf(writer, n),
        });
        process.stdout.write(`ack ${writer} ${n} ${result.nextExpectedVersion} ${result.replayed}\n`);
      }
    }),
  );
  await dataSource.destroy();
  process.stdout.write('done\n');
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
