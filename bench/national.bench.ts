// npm run bench:national [-- --clients 1,4 --duration 3 --keep | --reuse <database> --only <read name part>]
// The national reads through HTTP, at the size of the whole KPU: 553 offices in the real tree (KPU RI
// → 38 provinsi → 514 kabupaten/kota, `parent_code` set), each with a 2024 PK approved and its 2024
// monthly reports in the mixture a real year has (most approved; some waiting, returned, in draft or
// never started), generated through the real deciders and written as hash-chained events; the
// projections then replay the log, and nothing is measured before `/health` says 0 events behind.
// The built API runs in this process on 127.0.0.1; measured with `--clients` concurrent clients for
// `--duration` seconds each (at each count of `--clients 1,4` in turn), in alternating slices with its baseline — the same facts read by the
// simplest SQL straight from PostgreSQL (so that API ÷ baseline means something on a shared machine):
//   status summary of KPU RI (553 offices) as its INSPEKTORAT, and of one provinsi (its kabupaten);
//   the audit trail across the 553 offices, first page, unfiltered and filtered by a month;
//   the list of offices as ADMIN of KPU RI;
//   one kabupaten's Tabel 3.2 (`kinerja/2024`) and status matrix as its SEKRETARIS.
// Every read is also made once alone with the queries it sends to PostgreSQL counted, and what it
// answers is checked against the database (totals, the offices covered, the audit page's rows).
// `--keep` keeps the database; `--reuse <name>` measures on such a kept one (no data made, nothing
// dropped: alternating two builds on the same data), `--only <text>` only the reads named so.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { realisasiStreamId } from '../libs/domain/src';
import { EventStore } from '../libs/event-store/src';
import { createRootLogger, loadConfig, migrateDatabase } from '../libs/platform/src';
import { createDataSource } from '../libs/platform/src/database/data-source';
import { builtInRegistry, ProjectionRebuilder, ProjectionRunner } from '../libs/projections/src';
import { seededRandom } from '../libs/projections/testing/workload-structure';
import { createApiApp } from '../apps/api/src/create-api-app';
import { http } from './http-client';
import { measureInterleaved, numberArgument, type ThroughputResult } from './measure-throughput';
import { ChainWriter } from './rebuild/chain-writer';
import { insertOffice, jemberPk, NATIONAL_SUBBAGIAN, nationalOffices, nationalParent } from './rebuild/national-offices';
import { officeYear, type GeneratedEvent } from './rebuild/office-year';
import { deleteRedisPrefix } from './redis-prefix';
import { createScratchDatabase, databaseUrlFor } from './scratch-database';

const YEAR = 2024;
const PROVINCE = 'kpu-prov-11';
// What the administrator gives each account, and what its owner changes it to at first sign-in.
const GIVEN_PASSWORD = 'lampu-jalan-sungai-7';
const PASSWORD = 'perahu-layar-gunung-9';
const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;

/** What became of one monthly report of the data set. */
type Fate = 'APPROVED' | 'SUBMITTED' | 'RETURNED' | 'DRAFT' | 'NONE';

/**
 * The year's fate of a report: early months are nearly all approved; the last quarter, as a real
 * year closes, still has reports waiting, returned, in draft or not begun.
 */
function fateOf(month: number, random: () => number): Fate {
  const r = random();
  const [approved, submitted, returned, draft] = month <= 9 ? [0.88, 0.93, 0.96, 0.98] : [0.6, 0.75, 0.82, 0.9];
  return r < approved ? 'APPROVED' : r < submitted ? 'SUBMITTED' : r < returned ? 'RETURNED' : r < draft ? 'DRAFT' : 'NONE';
}

/**
 * A whole office-year cut back, report by report, to its fate: the stream stops after its last
 * submission (waiting), after its return (returned), before its first submission (draft), or is
 * left out (never started). Each stream keeps a prefix of its events, so every version is contiguous.
 */
function mixedYear(events: GeneratedEvent[], office: string, random: () => number, tally: Record<Fate, number>): GeneratedEvent[] {
  const keepUntil = new Map<string, number>();
  for (let month = 1; month <= 12; month++) {
    for (const s of NATIONAL_SUBBAGIAN) {
      const stream = realisasiStreamId(office, YEAR, month, s);
      const own = events.filter((e) => e.streamId === stream);
      let fate = fateOf(month, random);
      const returnedAt = own.findIndex((e) => e.type === 'RealisasiReturned');
      if (fate === 'RETURNED' && returnedAt < 0) fate = 'DRAFT';
      const lastSubmitted = own.map((e) => e.type).lastIndexOf('RealisasiSubmitted');
      const firstSubmitted = own.findIndex((e) => e.type === 'RealisasiSubmitted');
      const cut = { APPROVED: own.length - 1, SUBMITTED: lastSubmitted, RETURNED: returnedAt, DRAFT: firstSubmitted - 1, NONE: -1 }[fate];
      keepUntil.set(stream, own[cut]?.streamVersion ?? -1);
      tally[fate] += 1;
    }
  }
  return events.filter((e) => !keepUntil.has(e.streamId) || e.streamVersion <= (keepUntil.get(e.streamId) as number));
}

type Call = ReturnType<typeof http>;

async function expectOk(call: Promise<{ status: number; body: any }>, what: string) {
  const r = await call;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Every query sent to PostgreSQL by any client of this process, counted while `counting`. */
let counting = false;
let queriesSent = 0;
const originalQuery = Client.prototype.query;
(Client.prototype as { query: unknown }).query = function countedQuery(this: Client, ...args: unknown[]) {
  if (counting) queriesSent += 1;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
};

interface Read {
  name: string;
  /** The route as the API serves it, and who asks. */
  path: string;
  token: string;
  /** The same facts by the simplest SQL. */
  baseline: (pool: Pool) => Promise<unknown>;
  /** Throws when the answer is not what the database holds. */
  check: (body: any) => Promise<void> | void;
}

interface Measured {
  name: string;
  clients: number;
  api: ThroughputResult;
  baseline: ThroughputResult;
  bytes: number;
  queries: number;
  aloneMs: number;
}

function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(`check failed: ${what}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const clientCounts = listArgument(argv, 'clients', 'BENCH_CLIENTS', [4]);
  const clients = Math.max(...clientCounts);
  const durationMs = numberArgument(argv, 'duration', 'BENCH_DURATION_S', 3) * 1000;
  const reuse = textArgument(argv, 'reuse');
  const only = textArgument(argv, 'only');
  const keep = argv.includes('--keep') || reuse !== null;
  const scratch = reuse !== null
    ? { name: reuse, url: databaseUrlFor(serverUrl, reuse), drop: async () => undefined }
    : await createScratchDatabase(serverUrl, 'kinerja_bench_national');
  const redisPrefix = `kinerja-bench-national-${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const dataDir = `/tmp/kinerja-bench-national-${randomBytes(4).toString('hex')}`;
  let results: Measured[] = [];
  let failures: string[] = [];
  const offices = nationalOffices();
  try {
    if (reuse === null) await makeData();
    else console.log(`bench:national — database ${scratch.name} reused as it was kept`);
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  async function makeData(): Promise<void> {
    await migrateDatabase(scratch.url);
    const ds = createDataSource({ url: scratch.url, poolSize: 8, applicationName: 'kinerja-bench-national' });
    await ds.initialize();
    const tally: Record<Fate, number> = { APPROVED: 0, SUBMITTED: 0, RETURNED: 0, DRAFT: 0, NONE: 0 };
    try {
      let started = process.hrtime.bigint();
      const writer = new ChainWriter(ds);
      const pk = jemberPk(resolve(__dirname, '../..'));
      const random = seededRandom(553);
      const created = new Date('2024-01-01T00:00:00Z');
      // Parents first: KPU RI, then the provinsi, then the kabupaten/kota (the order of `nationalOffices`).
      for (const office of offices) {
        await insertOffice(ds, office, created, nationalParent(office));
        await writer.add(office, mixedYear(officeYear(office, YEAR, pk, random), office, random, tally));
      }
      await writer.finish();
      console.log(`bench:national — database ${scratch.name}; ${offices.length} offices, ${writer.written} events of ${YEAR} in ${seconds(started).toFixed(1)} s; reports ${JSON.stringify(tally)}`);
      started = process.hrtime.bigint();
      const rebuilt = await new ProjectionRebuilder(ds, new EventStore(ds)).rebuild(builtInRegistry().all(), { batchSize: 20000 });
      console.log(`projections replayed from the log: ${rebuilt.events} events in ${seconds(started).toFixed(1)} s`);
    } finally {
      await ds.destroy();
    }
  }
  try {
    const environment: Record<string, string> = {
      NODE_ENV: 'test', DATABASE_URL: scratch.url, DB_POOL_SIZE: '10', LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
      REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix, REDIS_AUTOSTART: 'false', JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: 'bench-admin-password', LOGIN_RATE_PER_MINUTE: '10000',
      // The setup sends a few commands a second from the administrator: out of the per-account limit's reach.
      COMMAND_RATE_BURST: '100000', COMMAND_RATE_PER_WINDOW: '1000000', COMMAND_RATE_WINDOW_SECONDS: '1',
      DATA_DIR: dataDir,
    };
    const config = loadConfig(environment);
    const logger = createRootLogger({ level: 'warn', format: 'json', name: 'kinerja-bench-national' });
    const app = await createApiApp({ config, logger, runtime: { databaseUrl: scratch.url, poolSize: 10, redisUrl, embeddedDatabase: false } });
    await app.listen(0, '127.0.0.1');
    const pool = new Pool({ connectionString: scratch.url, max: clients, application_name: 'kinerja-bench-national-baseline' });
    try {
      const call = http((app.getHttpServer().address() as AddressInfo).port, clients * 2);
      const admin = (await expectOk(call('POST', '/api/v1/auth/login', null, { username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD }), 'admin login')).accessToken as string;
      const provinceKabupaten = offices.filter((o) => nationalParent(o) === PROVINCE);
      const kabupaten = provinceKabupaten[0];
      const signIn = async (satker: string, username: string, role: string): Promise<string> => {
        // A reused database has the accounts of the run that made it.
        const again = await call('POST', '/api/v1/auth/login', null, { username, password: PASSWORD });
        if (again.status === 200) return again.body.accessToken;
        await expectOk(call('POST', `/api/v1/satker/${satker}/users`, admin, { username, fullName: `${role} ${satker}`, role, subbagian: null, password: GIVEN_PASSWORD }), username);
        // An account an administrator created changes its password before anything else.
        const first = await expectOk(call('POST', '/api/v1/auth/login', null, { username, password: GIVEN_PASSWORD }), `first login ${username}`);
        await expectOk(call('POST', '/api/v1/auth/password', first.accessToken, { currentPassword: GIVEN_PASSWORD, newPassword: PASSWORD }), `own password ${username}`);
        return (await expectOk(call('POST', '/api/v1/auth/login', null, { username, password: PASSWORD }), `login ${username}`)).accessToken;
      };
      const inspektoratRi = await signIn('kpu-ri', 'inspektorat.kpu-ri', 'INSPEKTORAT');
      const inspektoratProvince = await signIn(PROVINCE, `inspektorat.${PROVINCE}`, 'INSPEKTORAT');
      const sekretaris = await signIn(kabupaten, `sekretaris.${kabupaten}`, 'SEKRETARIS');

      // The accounts' own events too: every read model current before anything is measured.
      const setupDs = createDataSource({ url: scratch.url, poolSize: 2, applicationName: 'kinerja-bench-national-drain' });
      await setupDs.initialize();
      try {
        await new ProjectionRunner(setupDs, new EventStore(setupDs), builtInRegistry(), { batchSize: 5000 }).drain();
      } finally {
        await setupDs.destroy();
      }
      const health = await call('GET', '/health', inspektoratRi);
      const lag: Array<{ name: string; eventsBehind: number }> = health.body?.projections ?? [];
      if (lag.length === 0 || lag.some((p) => p.eventsBehind !== 0)) throw new Error(`projections not current: ${JSON.stringify(health.body)}`);
      console.log(`/health: ${lag.length} projections, 0 events behind`);

      const statusCounts = async (satkers: string[] | null) => {
        const rows: Array<{ status: string; n: string }> = (await pool.query(
          `SELECT status, count(*) AS n FROM rm_submission_status WHERE year = $1 AND ($2::text[] IS NULL OR satker = ANY($2)) GROUP BY status`,
          [YEAR, satkers],
        )).rows;
        return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      };
      const checkSummary = async (body: any, expected: string[]) => {
        const codes: string[] = body.offices.map((o: { satker: string }) => o.satker);
        assert(JSON.stringify(codes) === JSON.stringify([...expected].sort()), `status summary covers exactly ${expected.length} offices (got ${codes.length})`);
        const stored = await statusCounts(expected);
        const owed = expected.length * NATIONAL_SUBBAGIAN.length * 12;
        const t = body.totals;
        assert(t.offices === expected.length && t.officesWithoutPk === 0, `totals.offices ${t.offices}`);
        assert(t.APPROVED === (stored.APPROVED ?? 0) && t.SUBMITTED === (stored.SUBMITTED ?? 0), `approved/submitted ${t.APPROVED}/${t.SUBMITTED} against ${JSON.stringify(stored)}`);
        // 2024 is long over: every owed report neither approved nor waiting is overdue.
        assert(t.OVERDUE === owed - t.APPROVED - t.SUBMITTED && t.RETURNED + t.DRAFT + t.NOT_STARTED === 0, `overdue ${t.OVERDUE} of ${owed} owed`);
      };
      const auditColumns = 'satker_code, tenant_sequence, event_id, recorded_at, event_type, actor_id, actor_name, actor_username, actor_role, subject_kind, stream_id, year, month, subbagian_code, pk_version, report_revision, summary, changes, reason, correlation_id, previous_hash, hash';
      const auditBaseline = (p: Pool, month: number | null) => p.query(
        `SELECT ${auditColumns} FROM audit_trail WHERE satker_code = ANY($1) AND ($2::int IS NULL OR (year = ${YEAR} AND month = $2))
          ORDER BY recorded_at, satker_code, tenant_sequence LIMIT 51`,
        [offices, month],
      );
      const checkAudit = (month: number | null) => async (body: any) => {
        assert(body.satkers.length === offices.length && body.items.length === 50 && body.nextCursor !== null, `audit page of ${body.satkers.length} offices, ${body.items.length} items`);
        const expected = (await auditBaseline(pool, month)).rows.slice(0, 50).map((r) => r.event_id);
        assert(JSON.stringify(body.items.map((i: { eventId: string }) => i.eventId)) === JSON.stringify(expected), 'audit page is the first 50 rows by time, office, sequence');
      };
      const yearQuery = `year=${YEAR}&month=11`;
      const allReads: Read[] = [
        {
          name: 'status summary, KPU RI (553)', path: `/api/v1/status-summary/${YEAR}`, token: inspektoratRi,
          // The facts a line of the summary is made of: each stored report's state, and whether it was ever approved.
          baseline: (p) => p.query(`SELECT satker, subbagian, month, status, approved_at IS NOT NULL AS approved_once FROM rm_submission_status WHERE year = $1`, [YEAR]),
          check: (body) => checkSummary(body, offices),
        },
        {
          name: `status summary, ${PROVINCE} (${provinceKabupaten.length + 1})`, path: `/api/v1/status-summary/${YEAR}`, token: inspektoratProvince,
          baseline: (p) => p.query(
            `SELECT satker, subbagian, month, status, approved_at IS NOT NULL AS approved_once FROM rm_submission_status
              WHERE year = $1 AND satker IN (SELECT code FROM satker WHERE code = $2 OR parent_code = $2)`, [YEAR, PROVINCE]),
          check: (body) => checkSummary(body, [PROVINCE, ...provinceKabupaten]),
        },
        {
          name: 'audit trail, 553 offices', path: '/api/v1/audit/trail', token: inspektoratRi,
          baseline: (p) => auditBaseline(p, null), check: checkAudit(null),
        },
        {
          name: 'audit trail, 553, one month', path: `/api/v1/audit/trail?${yearQuery}`, token: inspektoratRi,
          baseline: (p) => auditBaseline(p, 11), check: checkAudit(11),
        },
        {
          name: 'satker list, ADMIN KPU RI', path: '/api/v1/satker', token: admin,
          baseline: (p) => p.query(`SELECT * FROM satker ORDER BY code`),
          check: (body) => assert(body.length === offices.length && body.filter((s: { parentCode: string | null }) => s.parentCode === 'kpu-ri').length === 38, `satker list of ${body.length}`),
        },
        {
          name: `kinerja/${YEAR}, ${kabupaten}`, path: `/api/v1/satker/${kabupaten}/kinerja/${YEAR}`, token: sekretaris,
          baseline: (p) => Promise.all([
            p.query(`SELECT version, approved_at, structure FROM rm_perf_pk_versions WHERE satker = $1 AND year = $2 AND status = 'APPROVED'`, [kabupaten, YEAR]),
            p.query(`SELECT indicator_code, month, subbagian, approved_value FROM rm_perf_values WHERE satker = $1 AND year = $2 AND approved`, [kabupaten, YEAR]),
          ]),
          check: (body) => assert(body.satker === kabupaten && body.pkVersion === 1 && body.programs.length > 0, 'kinerja table of the kabupaten'),
        },
        {
          name: `status matrix, ${kabupaten}`, path: `/api/v1/satker/${kabupaten}/status-matrix/${YEAR}`, token: sekretaris,
          baseline: (p) => p.query(`SELECT subbagian, month, status, revision, submitted_at, approved_at, return_reason FROM rm_submission_status WHERE satker = $1 AND year = $2`, [kabupaten, YEAR]),
          check: async (body) => {
            const stored = await statusCounts([kabupaten]);
            const cells: Array<{ status: string }> = body.rows.flatMap((r: { months: unknown[] }) => r.months);
            const approved = cells.filter((c) => c.status === 'APPROVED').length;
            assert(cells.length === NATIONAL_SUBBAGIAN.length * 12 && approved === (stored.APPROVED ?? 0), `status matrix cells ${cells.length}, approved ${approved}`);
          },
        },
      ];
      const reads = allReads.filter((r) => only === null || r.name.includes(only));

      // Each read alone: its answer checked, its size, the queries it sends, and the median of five one after the other.
      const alone: Array<{ bytes: number; queries: number; ms: number }> = [];
      for (const read of reads) {
        try {
          const first = await call('GET', read.path, read.token);
          if (first.status !== 200) throw new Error(`${read.path}: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
          await read.check(first.body);
        } catch (error) {
          failures.push(`${read.name}: ${(error as Error).message}`);
        }
        await call('GET', read.path, read.token);
        queriesSent = 0;
        counting = true;
        const r = await call('GET', read.path, read.token);
        counting = false;
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t0 = process.hrtime.bigint();
          await call('GET', read.path, read.token);
          times.push(seconds(t0) * 1000);
        }
        alone.push({ bytes: r.bytes, queries: queriesSent, ms: times.sort((a, b) => a - b)[2] });
      }

      for (const [i, read] of reads.entries()) for (const level of clientCounts) {
        const api = async () => {
          const r = await call('GET', read.path, read.token);
          if (r.status !== 200) throw new Error(`${r.status} ${r.body?.code}`);
        };
        const floor = async () => {
          await read.baseline(pool);
        };
        await measureInterleaved(level, 500, [api, floor], 250);
        const [apiResult, baselineResult] = await measureInterleaved(level, durationMs, [api, floor], 500);
        results.push({ name: read.name, clients: level, api: apiResult, baseline: baselineResult, bytes: alone[i].bytes, queries: alone[i].queries, aloneMs: alone[i].ms });
      }
    } finally {
      await pool.end();
      await app.close();
    }
  } finally {
    if (keep) console.log(`kept database ${scratch.name}`);
    else await scratch.drop();
    await deleteRedisPrefix(redisUrl, redisPrefix);
    // The API's files (its development signing key): nothing of the run is kept.
    await rm(dataDir, { recursive: true, force: true });
  }

  const f = (n: number, d = 1) => n.toFixed(d);
  console.log('');
  console.log('| read | clients | req/s | p50 ms | p99 ms | alone ms (median of 5) | queries | response | baseline req/s | baseline p50 ms | p50 ÷ baseline |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results) {
    const errors = r.api.errors + r.baseline.errors > 0 ? ` (errors: ${r.api.errors}/${r.baseline.errors}, ${r.api.firstError ?? r.baseline.firstError})` : '';
    console.log(`| ${r.name}${errors} | ${r.clients} | ${f(r.api.perSecond, 0)} | ${f(r.api.p50Ms)} | ${f(r.api.p99Ms)} | ${f(r.aloneMs)} | ${r.queries} | ${kib(r.bytes)} | ${f(r.baseline.perSecond, 0)} | ${f(r.baseline.p50Ms, 2)} | ${f(r.api.p50Ms / r.baseline.p50Ms)} |`);
  }
  const errors = results.reduce((n, r) => n + r.api.errors + r.baseline.errors, 0);
  for (const failure of failures) console.log(`CHECK FAILED — ${failure}`);
  const round = (n: number) => Math.round(n * 100) / 100;
  const keys = ['statusSummaryNational', 'statusSummaryProvince', 'auditTrailNational', 'auditTrailNationalMonth', 'satkerList', 'kinerjaKabupaten', 'statusMatrixKabupaten'];
  const names = new Map<string, string>();
  // The reads' names as run (the provinsi's and the kabupaten's codes are in them), to their JSON keys.
  for (const r of results) if (!names.has(r.name)) names.set(r.name, keys[names.size]);
  const keyOf = (r: Measured) => (clientCounts.length > 1 ? `${names.get(r.name)}@${r.clients}` : names.get(r.name));
  console.log(JSON.stringify({
    bench: 'national', offices: offices.length, clients: clientCounts.length > 1 ? clientCounts : clients, durationS: durationMs / 1000,
    ...Object.fromEntries(results.map((r) => [keyOf(r), {
      aloneMs: round(r.aloneMs), perSec: Math.round(r.api.perSecond), p50Ms: round(r.api.p50Ms), p99Ms: round(r.api.p99Ms), queries: r.queries, bytes: r.bytes,
      baselineP50Ms: round(r.baseline.p50Ms), ratio: round(r.api.p50Ms / r.baseline.p50Ms),
    }])),
    checksFailed: failures.length, errors,
  }));
  if (failures.length > 0 || errors > 0) process.exitCode = 1;
}

/** `--name a,b` or `--name=a,b` (positive integers) from argv, else the environment variable, else the default. */
function listArgument(argv: string[], name: string, envName: string, fallback: number[]): number[] {
  const raw = textArgument(argv, name) ?? process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error(`--${name} / ${envName} must be positive integers separated by commas, got ${raw}`);
  return values;
}

/** `--name value` or `--name=value` from argv, else null. */
function textArgument(argv: string[], name: string): string | null {
  const index = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return null;
  return argv[index].includes('=') ? argv[index].slice(argv[index].indexOf('=') + 1) : argv[index + 1] ?? null;
}

const kib = (bytes: number) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
