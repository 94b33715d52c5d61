import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { formatDateTimeId, localDateOf, pkFromFixture, type PkFixture, type PkStructure } from '@kinerja/domain';
import { AppConfig, Clock, ControllableClock, readProjectJson, SystemClock } from '@kinerja/platform';
import { createDemoContext } from './demo-context';
import { ensureDemoOffice, JEMBER_CODE } from './demo-office';
import { DemoYear, type LeftAloneStream, type MonthPlan } from './demo-year';
import { foreignEventWords, readOfficeLedger, SEED_ACTOR_ID } from './seed-ledger';
import { withDemoRencanaAksi } from './jember-demo.content';

export interface SeedDemoOptions {
  dataSource: DataSource;
  config: AppConfig;
  /** The real clock ("today"); the system clock by default. */
  clock?: Clock;
  /** Each step, in Bahasa Indonesia: the operator of `npm run cli -- seed:demo` reads them. */
  log?: (line: string) => void;
}

export interface SeedDemoSummary {
  office: string;
  eventsAppended: number;
  currentYear: number;
  /**
   * Why the office was left alone as a whole (nothing written; in Bahasa Indonesia, as the CLI prints it), null when the seed went through:
   * an office of that code it did not create, or one a person has acted in since the seed loaded it.
   */
  officeLeftAlone: string | null;
  /** Streams it did not move (someone else's event on them, or a step their rules refuse). */
  leftAlone: LeftAloneStream[];
}

/** data/pk-kpu-jember-2024.json, the office's 2024 PK as transcribed from its LKj. */
export function loadJemberFixture(): PkFixture {
  return readProjectJson<PkFixture>('pk-kpu-jember-2024.json');
}

async function countEvents(dataSource: DataSource, tenant: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1`, [tenant]);
  return row.n;
}

/**
 * The current year in progress, relative to the last month that has ended (L): months before L−1
 * approved; L−1 approved except TPH, returned; L: PDI waiting for approval, HSDM not started
 * (overdue once the deadline passes), KUL and TPH approved.
 */
function currentYearPlan(lastEnded: number): MonthPlan[] {
  const plans: MonthPlan[] = [];
  for (let month = 1; month <= lastEnded; month++) {
    const plan: MonthPlan = { month, targets: { PDI: 'APPROVED', KUL: 'APPROVED', HSDM: 'APPROVED', TPH: 'APPROVED' } };
    if (month === lastEnded - 1) plan.targets.TPH = 'RETURNED';
    if (month === lastEnded) plan.targets = { PDI: 'SUBMITTED', KUL: 'APPROVED', HSDM: 'NONE', TPH: 'APPROVED' };
    plans.push(plan);
  }
  return plans;
}

/** Who made the office: nobody yet, seed:demo (when: the day its demo is dated from; its zone), or someone else. */
type OfficeStanding = { kind: 'absent' } | { kind: 'seeded'; createdAt: Date; timeZone: string } | { kind: 'foreign' };

async function officeStanding(dataSource: DataSource, code: string): Promise<OfficeStanding> {
  const [office]: Array<{ created_at: Date; time_zone: string; created_by: string | null }> = await dataSource.query(
    `SELECT s.created_at, s.time_zone,
            (SELECT e.metadata->>'actorId' FROM events e
              WHERE e.tenant_id = s.code AND e.type = 'SatkerCreated' ORDER BY e.tenant_sequence LIMIT 1) AS created_by
       FROM satker s WHERE s.code = $1`,
    [code],
  );
  if (!office) return { kind: 'absent' };
  return office.created_by === SEED_ACTOR_ID ? { kind: 'seeded', createdAt: new Date(office.created_at), timeZone: office.time_zone } : { kind: 'foreign' };
}

/**
 * Loads KPU Kabupaten Jember: offices, subbagian and users (password DEMO_PASSWORD), the 2024 PK
 * approved with all twelve months approved (Tabel 3.2 as in the reference), and the current year in
 * progress. Every figure goes through the command handlers, so the events are real.
 *
 * Idempotent, and never acting on a living office (README "Demo office"):
 * - the demo is dated from the day the seed created the office, whenever it runs again: a rerun
 *   completes the demo it started, never a newer one (that would be decisions taken today, dated in
 *   the past);
 * - an office of that code the seed did not create, or one where a person has written anything the
 *   seed did not (a revision opened, a PK Perubahan, a password changed), is left alone as a whole;
 * - otherwise each stream moves only while it holds nothing but the seed's own events (seed-ledger.ts),
 *   so a run killed half-way completes, once, what it started; any other stream is left alone and named.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoSummary> {
  const log = options.log ?? (() => undefined);
  const realClock = options.clock ?? new SystemClock();
  const now = realClock.now();
  const standing = await officeStanding(options.dataSource, JEMBER_CODE);
  const localYear = (at: Date) => localDateOf(at.toISOString(), 'Asia/Jakarta').year;
  const leaveOffice = (reason: string): SeedDemoSummary => {
    log(`Kantor ${JEMBER_CODE} dibiarkan apa adanya: ${reason}.`);
    return { office: JEMBER_CODE, eventsAppended: 0, currentYear: localYear(now), officeLeftAlone: reason, leftAlone: [] };
  };
  if (standing.kind === 'foreign') return leaveOffice('kantor itu sudah ada dan tidak dibuat oleh seed:demo; tidak ada yang ditulis');
  if (standing.kind === 'seeded') {
    const act = (await readOfficeLedger(options.dataSource, JEMBER_CODE)).latestPersonAct;
    if (act) {
      return leaveOffice(
        `penggunanya telah bertindak di dalamnya sejak seed:demo memuatnya (terakhir, ${formatDateTimeId(act.recordedAt.toISOString(), standing.timeZone)}: ` +
          `${await foreignEventWords(options.dataSource, JEMBER_CODE, act)}); ` +
          'seed tidak menambahkan apa pun ke kantor yang sedang dipakai; tidak ada yang ditulis',
      );
    }
  }
  // The day the demo is dated from: the office's creation by the seed, so a rerun finishes the same demo.
  const today = standing.kind === 'seeded' ? standing.createdAt : now;
  const demoClock = new ControllableClock(now);
  const context = await createDemoContext(options.dataSource, options.config, demoClock);
  try {
    const fixture = loadJemberFixture();
    const before = await countEvents(options.dataSource, JEMBER_CODE);
    const people = await ensureDemoOffice(context, options.dataSource, options.config, fixture);
    log(`Kantor ${JEMBER_CODE}: ${Object.keys(people).length} pengguna demo (kata sandi: DEMO_PASSWORD)`);
    const elsewhere = Object.entries(people).filter(([username, p]) => username !== 'admin' && p.satker !== JEMBER_CODE);
    if (elsewhere.length > 0) {
      return leaveOffice(`nama pengguna ${elsewhere.map(([u, p]) => `${u} (${p.satker})`).join(', ')} milik akun kantor lain; tidak ada PK atau laporan yang diubah`);
    }
    const ledger = await readOfficeLedger(options.dataSource, JEMBER_CODE);
    const leftAlone: LeftAloneStream[] = [];
    const structure = pkFromFixture(fixture).structure;
    const yearOf = (s: PkStructure) => new DemoYear(context.get(CommandBus), options.dataSource, demoClock, today, people, JEMBER_CODE, s, ledger, leftAlone);
    const drive = async (year: number, s: PkStructure, plans: MonthPlan[], done: string) => {
      const demoYear = yearOf(s);
      if (!(await demoYear.approvePk(year))) {
        log(`${year}: PK bukan milik seed untuk disetujui; laporan bulanannya juga dibiarkan apa adanya`);
        return;
      }
      const alreadyLeft = leftAlone.length;
      await demoYear.drive(year, plans);
      log(leftAlone.length === alreadyLeft ? done : `${year}: ${leftAlone.length - alreadyLeft} laporan dibiarkan apa adanya, selebihnya sesuai rencana`);
    };
    await drive(2024, structure, Array.from({ length: 12 }, (_, i) => ({ month: i + 1, targets: { PDI: 'APPROVED', KUL: 'APPROVED', HSDM: 'APPROVED', TPH: 'APPROVED' } })), '2024: PK disetujui, 12 bulan × 4 subbagian disetujui');
    const local = localDateOf(today.toISOString(), fixture.satker.timezone);
    if (local.year > 2024) {
      // The year in progress has a rencana aksi for every indicator (2024 keeps the real PK as signed).
      await drive(local.year, withDemoRencanaAksi(structure), currentYearPlan(local.month - 1), `${local.year}: PK disetujui, bulan 1–${local.month - 1} sedang berjalan (disetujui, dikembalikan, menunggu persetujuan, terlambat)`);
    }
    for (const stream of leftAlone) log(`Dibiarkan apa adanya: ${stream.streamId}: ${stream.reason}`);
    const after = await countEvents(options.dataSource, JEMBER_CODE);
    log(`${after - before} peristiwa ditambahkan`);
    return { office: JEMBER_CODE, eventsAppended: after - before, currentYear: local.year, officeLeftAlone: null, leftAlone };
  } finally {
    await context.close();
  }
}

/** For `npm start` with SEED_DEMO_ON_EMPTY: seeds only a database without any office but the root. */
export async function seedDemoIfEmpty(source: INestApplicationContext | SeedDemoOptions): Promise<'seeded' | 'skipped'> {
  const options: SeedDemoOptions = 'get' in source
    ? { dataSource: source.get(DataSource), config: source.get(AppConfig), clock: source.get(Clock) }
    : source;
  const [row] = await options.dataSource.query(`SELECT count(*)::int AS n FROM satker WHERE parent_code IS NOT NULL`);
  if (row.n > 0) return 'skipped';
  await seedDemo(options);
  return 'seeded';
}
