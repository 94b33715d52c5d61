// npm run bench:reminders [-- --offices 553 --keep]
// The national reminder run: every KPU office (553, each with a Sekretaris and four Kasubbag, a
// whole 2024 generated through the real deciders but December not yet reported), run as the
// hourly catch-up runs it (all offices, one worker):
//   1. 1 January 2025, 08:00 WIB — the first reminder of December's report, one per subbagian;
//   2. the same moment again — nothing new (what every later hourly catch-up costs);
//   3. 6 January 2025, 08:00 WIB — the day after the deadline: one escalation per office.
// Baseline in the same run: reading each office's two years of PK and report events with one plain
// query per office (what any run must at least read). Target: a full national run well inside the
// hour between catch-ups (< 5 min on 2 cores).
import { resolve } from 'node:path';
import pino from 'pino';
import { realisasiStreamId } from '../libs/domain/src';
import { EventStore } from '../libs/event-store/src';
import { LogOnlyMailer } from '../libs/jobs/src/mail/mailer';
import { OutboxDispatcher } from '../libs/jobs/src/notifications/outbox-dispatcher';
import { ReminderRecorder } from '../libs/jobs/src/notifications/reminder-recorder';
import { OfficeDirectory } from '../libs/jobs/src/reminders/facts/office-directory';
import { OfficeHistoryReader } from '../libs/jobs/src/reminders/facts/office-history.reader';
import { ReminderRunner, type ReminderRunSummary } from '../libs/jobs/src/reminders/reminder-runner';
import { createDataSource, runMigrations } from '../libs/platform/src/database/data-source';
import { seededRandom } from '../libs/projections/testing/workload-structure';
import { numberArgument } from './measure-throughput';
import { ChainWriter } from './rebuild/chain-writer';
import { insertOffice, jemberPk, NATIONAL_SUBBAGIAN, nationalOffices } from './rebuild/national-offices';
import { officeYear } from './rebuild/office-year';
import { createScratchDatabase } from './scratch-database';

const YEAR = 2024;
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SUBBAGIAN = NATIONAL_SUBBAGIAN;
const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const officeCount = numberArgument(argv, 'offices', 'BENCH_OFFICES', 553);
  const keep = argv.includes('--keep');
  const scratch = await createScratchDatabase(serverUrl, 'kinerja_bench_reminders');
  const ds = createDataSource({ url: scratch.url, poolSize: 8, applicationName: 'kinerja-bench-reminders' });
  try {
    await ds.initialize();
    await runMigrations(ds);
    const offices = nationalOffices().slice(0, officeCount);

    let started = process.hrtime.bigint();
    const writer = new ChainWriter(ds);
    const pk = jemberPk(resolve(__dirname, '../..'));
    const random = seededRandom(2024);
    const created = new Date('2024-01-01T00:00:00Z');
    for (const office of offices) {
      await insertOffice(ds, office, created);
      const people: Array<[string, string, string | null]> = [['sekretaris', 'SEKRETARIS', null], ...SUBBAGIAN.map((s): [string, string, string] => [`kasubbag.${s.toLowerCase()}`, 'KASUBBAG', s])];
      for (const [who, role, subbagian] of people) {
        await ds.query(
          `INSERT INTO users (satker_code, id, username, full_name, email, role, subbagian_code, password_hash, password_changed_at, created_at, updated_at)
           VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, 'not-a-hash', $7, $7, $7)`,
          [office, `${office}.${who}`, `${who} ${office}`, `${who}@${office}.kpu.go.id`, role, subbagian, created],
        );
      }
      // December not reported yet: its reminders are due in January.
      const december = new Set(SUBBAGIAN.map((s) => realisasiStreamId(office, YEAR, 12, s)));
      await writer.add(office, officeYear(office, YEAR, pk, random).filter((e) => !december.has(e.streamId)));
    }
    await writer.finish();
    console.log(`bench:reminders — database ${scratch.name}; ${offices.length} offices, ${writer.written} events of ${YEAR} generated in ${seconds(started).toFixed(1)} s`);

    // Baseline: each office's two years of PK and report events, one plain query per office.
    started = process.hrtime.bigint();
    let rows = 0;
    for (const office of offices) {
      const read: unknown[] = await ds.query(
        `SELECT stream_id, type, data FROM events WHERE tenant_id = $1 AND stream_id LIKE ANY ($2::text[]) ORDER BY stream_id, stream_version`,
        [office, [`pk:${office}:${YEAR}`, `realisasi:${office}:${YEAR}:%`, `pk:${office}:${YEAR + 1}`, `realisasi:${office}:${YEAR + 1}:%`]],
      );
      rows += read.length;
    }
    const bareReadSec = seconds(started);
    console.log(`baseline: ${rows} events of ${offices.length} offices read in ${bareReadSec.toFixed(2)} s`);

    const logger = pino({ level: 'warn' });
    const runner = new ReminderRunner(
      new OfficeDirectory(ds), new OfficeHistoryReader(ds), new ReminderRecorder(ds, new EventStore(ds)),
      new OutboxDispatcher(ds, new LogOnlyMailer(logger), logger), logger,
    );
    const timed = async (label: string, at: string): Promise<{ sec: number; summary: ReminderRunSummary }> => {
      const t0 = process.hrtime.bigint();
      const summary = await runner.run(new Date(at));
      const sec = seconds(t0);
      console.log(`${label}: ${summary.offices} offices, ${summary.due} due, ${summary.recorded.length} recorded, e-mails ${JSON.stringify(summary.mail)} in ${sec.toFixed(1)} s`);
      return { sec, summary };
    };
    const first = await timed('1 Jan 2025 08:00 WIB (first reminder of December)', '2025-01-01T01:00:00Z');
    const again = await timed('the same moment again (an hourly catch-up with nothing new)', '2025-01-01T01:00:00Z');
    const escalation = await timed('6 Jan 2025 08:00 WIB (the day after the deadline)', '2025-01-06T01:00:00Z');
    const failed = first.summary.recorded.length !== offices.length * SUBBAGIAN.length || again.summary.recorded.length !== 0;
    if (failed) console.log(`UNEXPECTED: ${first.summary.recorded.length} first reminders for ${offices.length * SUBBAGIAN.length} subbagian, ${again.summary.recorded.length} recorded again`);
    const outbox: Array<{ n: string }> = await ds.query(`SELECT count(*) AS n FROM notification_outbox`).catch(() => [{ n: '?' }]);
    console.log(`outbox rows: ${outbox[0].n} (each run hands at most 500 to SMTP; the minute's sweep sends the rest)`);
    if (keep) console.log(`kept database ${scratch.name}`);
    console.log(JSON.stringify({
      bench: 'reminders', offices: offices.length,
      firstRunSec: round(first.sec), firstRecorded: first.summary.recorded.length,
      steadyRunSec: round(again.sec), escalationRunSec: round(escalation.sec), escalations: escalation.summary.recorded.length,
      bareReadSec: round(bareReadSec), steadyToBareRead: round(again.sec / bareReadSec), unexpected: failed,
    }));
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (!keep) await scratch.drop();
  }
}

const round = (value: number) => Number(value.toFixed(2));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
