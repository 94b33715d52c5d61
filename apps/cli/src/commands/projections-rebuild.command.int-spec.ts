import { EventStore } from '@kinerja/event-store';
import { appendOfficeHistory } from '@kinerja/projections/audit-trail/audit-trail.fixture';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { USAGE_ERROR } from '../parse-args';
import { projectionsRebuildCommand } from './projections-rebuild.command';

// The command declares its messages Indonesian (its usage line and refusals are); its report of
// what it rebuilt used to be English ("Rebuilt … events in 0.4 s"), one command in two languages.
describe('npm run cli -- projections:rebuild', () => {
  let db: TestDatabase;
  const out: string[] = [];
  const err: string[] = [];
  const run = (args: Record<string, string | boolean>) =>
    projectionsRebuildCommand.run(args, { dataSource: db.dataSource, out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeAll(async () => {
    db = await createTestDatabase();
    await appendOfficeHistory(new EventStore(db.dataSource), 'kpu-rebuild');
  });

  afterAll(async () => {
    await db.drop();
  });

  beforeEach(() => {
    out.length = 0;
    err.length = 0;
  });

  it('given an office history, when audit-trail is rebuilt, then it says so in Indonesian with the events replayed', async () => {
    const events = Number((await db.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n);

    await expect(run({ _: 'audit-trail' })).resolves.toBe(0);

    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^Dibangun ulang: audit-trail; ${events} peristiwa dalam \\d+,\\d detik \\(\\d+ peristiwa/detik\\)\\.$`));
  });

  it('given a name no projection has, then it refuses in Indonesian, naming those there are, and rebuilds nothing', async () => {
    await expect(run({ _: 'audit-trial' })).resolves.toBe(USAGE_ERROR);

    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(/^Proyeksi tidak dikenal: audit-trial\. Yang tersedia: .*audit-trail/)]);
  });
});
