import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { EventStore } from '@kinerja/event-store';
import { type AppConfig, type Clock, type ContentAddressedStore, createRootLogger, projectDataFile, SystemClock } from '@kinerja/platform';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { CapaianTahunLaluService } from './capaian-tahun-lalu.service';
import { LkjChainIntegrity } from './lkj-chain-integrity';
import { LkjFactsReader } from './lkj-facts.reader';
import { LkjOutbox } from './lkj-outbox';
import { LkjProcessManager } from './lkj-process-manager';
import { LkjProducer, type ProduceOutcome } from './lkj-producer';
import { LkjStreams } from './lkj-stream';
import { lkjFileStore } from './lkj-file-integrity';

export interface LkjParts {
  streams: LkjStreams;
  outbox: LkjOutbox;
  facts: LkjFactsReader;
  files: ContentAddressedStore;
  processManager: LkjProcessManager;
  producer: LkjProducer;
  capaian: CapaianTahunLaluService;
  chain: LkjChainIntegrity;
}

/**
 * The LKj services without NestJS (CLI, seed, benchmark). `logger` takes the integrity alerts a
 * production may raise (JSON lines on standard output at warn and above unless given).
 */
export function createLkjParts(
  dataSource: DataSource,
  config: Pick<AppConfig, 'DATA_DIR'>,
  clock: Clock = new SystemClock(),
  store = new EventStore(dataSource),
  logger: Logger = createRootLogger({ level: 'warn', format: 'json' }),
): LkjParts {
  const streams = new LkjStreams(store);
  const outbox = new LkjOutbox(dataSource);
  const facts = new LkjFactsReader(dataSource, store);
  const files = lkjFileStore(config.DATA_DIR);
  const chain = new LkjChainIntegrity(new IntegrityService(dataSource, store, logger.child({ component: 'integrity' })));
  return {
    streams, outbox, facts, files, chain,
    processManager: new LkjProcessManager(dataSource, store, streams, outbox, clock),
    producer: new LkjProducer(dataSource, streams, facts, files, outbox, clock, chain),
    capaian: new CapaianTahunLaluService(dataSource, store, clock),
  };
}

/** The actor seed:demo records itself as (`SEED_ACTOR_ID` in libs/workflow, which this library does not import). */
export const DEMO_SEED_ACTOR_ID = 'seed-demo';

/** What seedDemoLkj did, for a caller that reports it in its own words (the CLI, in Indonesian). */
export interface DemoLkjReport {
  produced: number;
  /** The year whose capaian was imported by this run (the LKj's year − 1); null when it already was. */
  capaianImported: number | null;
  /** Every LKj version the process manager asked for, produced now or found already produced. */
  versions: Array<{ year: number; version: number; outcome: ProduceOutcome['outcome']; files: Array<{ format: string; sha256: string }> }>;
}

/** data/<name>, found from the source tree or from dist/ alike. */
/**
 * The demo office's 2024 LKj: imports its 2023 capaian (data/capaian-2023-kpu-kab-jember.csv, all
 * 100% as in the reference) once, lets the process manager see the approved year, and produces
 * every version it asked for right here (no worker needed). Safe to run again: nothing new the second time.
 * `log` gets each step as an English line (npm start hands it to the structured logger).
 */
export async function seedDemoLkj(options: { dataSource: DataSource; config: Pick<AppConfig, 'DATA_DIR'>; clock?: Clock; satker?: string; year?: number; log?: (line: string) => void }): Promise<DemoLkjReport> {
  const satker = options.satker ?? 'kpu-kab-jember';
  const year = options.year ?? 2024;
  const parts = createLkjParts(options.dataSource, options.config, options.clock);
  const imported = await parts.capaian.view(satker, year);
  let capaianImported: number | null = null;
  if (imported.entries.length === 0) {
    const csv = readFileSync(projectDataFile(`capaian-${year - 1}-${satker}.csv`), 'utf8');
    // As seed:demo records everything it does (SEED_ACTOR_ID of libs/workflow/src/demo/seed-ledger.ts):
    // the audit trail names it "Seed demo", not Kinerja itself.
    await parts.capaian.importCsv(satker, year, csv, { id: DEMO_SEED_ACTOR_ID, role: 'ADMIN' });
    capaianImported = year - 1;
    options.log?.(`${satker}: capaian ${year - 1} imported for the LKj ${year}`);
  }
  await parts.processManager.catchUpThroughNow();
  const versions: DemoLkjReport['versions'] = [];
  for (const intent of await parts.outbox.pending()) {
    if (intent.satker !== satker) continue;
    const result = await parts.producer.produce(intent.satker, intent.year, intent.version);
    const files = result.files.map((f) => ({ format: f.format, sha256: f.sha256 }));
    versions.push({ year: intent.year, version: intent.version, outcome: result.outcome, files });
    options.log?.(`${satker}: LKj ${intent.year} v${intent.version} ${result.outcome} (${files.map((f) => `${f.format} ${f.sha256.slice(0, 12)}`).join(', ')})`);
  }
  return { produced: versions.filter((v) => v.outcome === 'produced').length, capaianImported, versions };
}
