import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { localDateOf, pkFromFixture, type PkFixture } from '@kinerja/domain';
import { AppConfig, Clock, ControllableClock, readProjectJson, SystemClock } from '@kinerja/platform';
import { createDemoContext } from './demo-context';
import { ensureDemoOffice, JEMBER_CODE } from './demo-office';
import { DemoYear, type MonthPlan } from './demo-year';
import { withDemoRencanaAksi } from './jember-demo.content';

export interface SeedDemoOptions {
  dataSource: DataSource;
  config: AppConfig;
  /** The real clock ("today"); the system clock by default. */
  clock?: Clock;
  log?: (line: string) => void;
}

export interface SeedDemoSummary {
  office: string;
  eventsAppended: number;
  currentYear: number;
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

/**
 * Loads KPU Kabupaten Jember: offices, subbagian and users (password DEMO_PASSWORD), the 2024 PK
 * approved with all twelve months approved (Tabel 3.2 as in the reference), and the current year in
 * progress. Every figure goes through the command handlers, so the events are real. Idempotent:
 * each step moves a stream only towards its target state, so a second run appends nothing.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoSummary> {
  const log = options.log ?? (() => undefined);
  const realClock = options.clock ?? new SystemClock();
  const today = realClock.now();
  const demoClock = new ControllableClock(today);
  const context = await createDemoContext(options.dataSource, options.config, demoClock);
  try {
    const fixture = loadJemberFixture();
    const before = await countEvents(options.dataSource, JEMBER_CODE);
    const people = await ensureDemoOffice(context, options.dataSource, options.config, fixture);
    log(`Office ${JEMBER_CODE}: ${Object.keys(people).length} demo users (password: DEMO_PASSWORD)`);
    const structure = pkFromFixture(fixture).structure;
    const year = new DemoYear(context.get(CommandBus), options.dataSource, demoClock, today, people, JEMBER_CODE, structure);
    await year.approvePk(2024);
    await year.drive(2024, Array.from({ length: 12 }, (_, i) => ({ month: i + 1, targets: { PDI: 'APPROVED', KUL: 'APPROVED', HSDM: 'APPROVED', TPH: 'APPROVED' } })));
    log('2024: PK approved, 12 months × 4 subbagian approved');
    const local = localDateOf(today.toISOString(), fixture.satker.timezone);
    if (local.year > 2024) {
      // The year in progress has a rencana aksi for every indicator (2024 keeps the real PK as signed).
      const current = new DemoYear(context.get(CommandBus), options.dataSource, demoClock, today, people, JEMBER_CODE, withDemoRencanaAksi(structure));
      await current.approvePk(local.year);
      await current.drive(local.year, currentYearPlan(local.month - 1));
      log(`${local.year}: PK approved, months 1–${local.month - 1} in progress (approved, returned, waiting, overdue)`);
    }
    const after = await countEvents(options.dataSource, JEMBER_CODE);
    log(`${after - before} event(s) appended`);
    return { office: JEMBER_CODE, eventsAppended: after - before, currentYear: local.year };
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
