// npm run bench:api [-- --clients 32 --duration 10 --years <since 2000> --api-processes 0]
// The built API on a scratch database (created and dropped inside DATABASE_URL's server): one
// office per client (each with the Jember PK approved for `years` years), 32 clients (each an
// office whose four Kasubbag take turns) log in and submit monthly reports over HTTP while, in
// alternating slices of the same run, the same clients read one PK and post the same reports to a bare node:http + pg server (the floor, see
// bench/http-floor.ts). Then the raw store is measured with bench:append's own function.
// The offices are set up by an API in this process, which is also the one measured by default.
// `--api-processes N` measures N API processes of their own instead (`dist/apps/api/src/main.js`,
// the clients spread over them), as it is deployed on a machine with cores to spare; on the 2-core
// reference machine one was no faster than in-process and two were slower (BENCHMARKS.md).
// Each client sends about 25 commands a second from its Kasubbag on purpose, far over the limit of
// commands per account (COMMAND_RATE_BURST, COMMAND_RATE_PER_WINDOW): the environment below, which
// the API in this process and the API processes alike read, raises it out of reach, so that the
// bench measures throughput; the guard's one Redis round trip per command is still measured.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { pkFromFixture, type PkStructure } from '../libs/domain/src';
import { createRootLogger, loadConfig, migrateDatabase } from '../libs/platform/src';
import { ApprovePkCommand, DraftPkCommand, SubmitPkCommand, demoMonthlyContent, loadJemberFixture, type WorkflowActor } from '../libs/workflow/src';
import { createApiApp } from '../apps/api/src/create-api-app';
import { runAppendBench } from './append.bench';
import { BackendCpu } from './backend-cpu';
import { http } from './http-client';
import { measureInterleaved, numberArgument, type ThroughputResult } from './measure-throughput';
import { type HttpFloor, startHttpFloor } from './http-floor';
import { deleteRedisPrefix } from './redis-prefix';
import { createScratchDatabase } from './scratch-database';

const SUBBAGIAN = ['PDI', 'KUL', 'HSDM', 'TPH'];
// What the administrator gives each account, and what its owner changes it to at first sign-in.
const GIVEN_PASSWORD = 'lampu-jalan-sungai-7';
const PASSWORD = 'perahu-layar-gunung-9';
/**
 * Report periods: every month that has ended (a month still running is refused with
 * REALISASI.MONTH_NOT_ENDED; the month of yesterday, UTC, is left out so no time zone is early) in
 * the last `years` years, none before 2000 (the first year a PK may have).
 */
const YESTERDAY = new Date(Date.now() - 86_400_000);
const LAST_YEAR = YESTERDAY.getUTCFullYear();
const firstYear = (years: number) => Math.max(2000, LAST_YEAR - years + 1);
function reportPeriods(years: number): Array<{ year: number; month: number }> {
  const end = YESTERDAY.getUTCFullYear() * 12 + YESTERDAY.getUTCMonth();
  return Array.from({ length: end - firstYear(years) * 12 }, (_, i) => {
    const index = firstYear(years) * 12 + i;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  });
}

/** One report to submit: the period, and the Kasubbag (signed in) whose subbagian it is. */
interface BenchReport {
  year: number;
  month: number;
  subbagian: string;
  token: string;
}

/**
 * One concurrent client: an office's desk where its four Kasubbag, each signed in, take turns
 * (one request at a time), so that a fast machine does not run out of report periods.
 */
interface BenchClient {
  office: string;
  reports: BenchReport[];
}

type Call = ReturnType<typeof http>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The API as deployed (`npm run start:api`), its warnings passed through. */
function startApiProcess(environment: Record<string, string>): ChildProcess {
  const main = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
  // With the flags of `npm run start:api`: a larger young generation for the requests' garbage.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', main], { env: { ...process.env, ...environment }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`API process ${child.pid} ended: code ${code}, signal ${signal}`);
  });
  return child;
}

async function waitForHealth(port: number): Promise<void> {
  const call = http(port, 1);
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const ok = await call('GET', '/health', null).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API on port ${port} did not become healthy in 30 s`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function expectOk(call: Promise<{ status: number; body: any }>, what: string) {
  const r = await call;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** One office per client: four subbagian, a Sekretaris, a Ketua and a Kasubbag per subbagian. */
async function setUpOffices(call: Call, clients: number, rootToken: string, rootCode: string) {
  const offices: Array<{ code: string; sekretaris: WorkflowActor; ketua: WorkflowActor; kasubbag: Array<{ subbagian: string; username: string }> }> = [];
  for (let i = 0; i < clients; i++) {
    const code = `bench-kab-${String(i).padStart(3, '0')}`;
    await expectOk(call('POST', '/api/v1/satker', rootToken, { code, name: `Sekretariat KPU Kabupaten Bench ${i}`, parentCode: rootCode }), code);
    for (const s of SUBBAGIAN) await expectOk(call('POST', `/api/v1/satker/${code}/subbagian`, rootToken, { code: s, name: `Sub. Bagian ${s}` }), s);
    const user = async (username: string, role: string, sub: string | null) => {
      const body = await expectOk(call('POST', `/api/v1/satker/${code}/users`, rootToken, { username, fullName: `${role} ${code}`, role, subbagian: sub, password: GIVEN_PASSWORD }), username);
      return { id: body.id as string, role: role as WorkflowActor['role'], satker: code, subbagian: sub };
    };
    const sekretaris = await user(`sekretaris.${code}`, 'SEKRETARIS', null);
    const ketua = await user(`ketua.${code}`, 'KETUA', null);
    const kasubbag = SUBBAGIAN.map((subbagian) => ({ subbagian, username: `kasubbag.${subbagian.toLowerCase()}.${code}` }));
    for (const k of kasubbag) await user(k.username, 'KASUBBAG', k.subbagian);
    offices.push({ code, sekretaris, ketua, kasubbag });
  }
  return offices;
}

async function approvePks(commands: CommandBus, office: { code: string; sekretaris: WorkflowActor; ketua: WorkflowActor }, years: number, structure: PkStructure) {
  for (let year = firstYear(years); year <= LAST_YEAR; year++) {
    await commands.execute(new DraftPkCommand(office.code, year, structure, office.sekretaris));
    await commands.execute(new SubmitPkCommand(office.code, year, office.sekretaris));
    await commands.execute(new ApprovePkCommand(office.code, year, office.ketua));
  }
}

function line(label: string, r: ThroughputResult, unit: string): string {
  const errors = r.errors > 0 ? `, ${r.errors} errors (first: ${r.firstError})` : '';
  const cpu = r.nodeCpuMsPerOp === undefined ? '' : `  CPU/op node ${r.nodeCpuMsPerOp.toFixed(3)} ms${r.pgCpuMsPerOp === undefined ? '' : `, pg ${r.pgCpuMsPerOp.toFixed(3)} ms`}`;
  return `${label.padEnd(16)} ${r.perSecond.toFixed(0).padStart(6)} ${unit}/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  (${r.operations} in ${r.seconds.toFixed(1)} s${errors})${cpu}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const clients = numberArgument(argv, 'clients', 'BENCH_CLIENTS', 32);
  const durationMs = numberArgument(argv, 'duration', 'BENCH_DURATION_S', 10) * 1000;
  // Every submission uses up one report of its client: four subbagian × every month since January
  // 2000 that has ended (26 years and 11 months in December 2026) leave each of 32 clients room for
  // about 4,000 submissions/s over 10 s; a client out of reports pauses and its failures are reported.
  const years = numberArgument(argv, 'years', 'BENCH_YEARS', LAST_YEAR - 1999);
  const poolSize = numberArgument(argv, 'pool', 'BENCH_POOL', 20);
  const apiProcesses = numberArgument(argv, 'api-processes', 'BENCH_API_PROCESSES', 0, { zeroAllowed: true });
  const where = apiProcesses === 0 ? 'the API in this process' : `${apiProcesses} API process(es)`;
  console.log(`bench:api — ${clients} Kasubbag clients, ${durationMs / 1000} s per operation, pool ${poolSize}, ${years} years of PK per office, ${where}`);

  const scratch = await createScratchDatabase(serverUrl, 'kinerja_bench_api');
  const environment: Record<string, string> = {
    DATABASE_URL: scratch.url,
    NODE_ENV: 'test', DB_POOL_SIZE: String(poolSize), LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379', REDIS_PREFIX: `kinerja-bench-${randomBytes(4).toString('hex')}`,
    REDIS_AUTOSTART: 'false', JWT_SECRET: randomBytes(32).toString('hex'), ADMIN_PASSWORD: 'bench-admin-password',
    LOGIN_RATE_PER_MINUTE: '10000', COMMAND_RATE_BURST: '1000000', COMMAND_RATE_PER_WINDOW: '100000000', COMMAND_RATE_WINDOW_SECONDS: '1',
    DATA_DIR: `/tmp/kinerja-bench-${randomBytes(4).toString('hex')}`,
  };
  let result: { submit: ThroughputResult; read: ThroughputResult; floor: ThroughputResult } | null = null;
  try {
    await migrateDatabase(scratch.url);
    const config = loadConfig(environment);
    const logger = createRootLogger({ level: 'warn', format: 'json', name: 'kinerja-bench' });
    const app = await createApiApp({ config, logger, runtime: { databaseUrl: scratch.url, poolSize, redisUrl: config.REDIS_URL, embeddedDatabase: false } });
    await app.listen(0, '127.0.0.1');
    let closed = false;
    let children: ChildProcess[] = [];
    let floor: HttpFloor | null = null;
    let cpu: BackendCpu | null = null;
    try {
      const call = http((app.getHttpServer().address() as AddressInfo).port, clients * 2);
      const rootToken = (await expectOk(call('POST', '/api/v1/auth/login', null, { username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD }), 'admin login')).accessToken;
      const offices = await setUpOffices(call, clients, rootToken, config.ROOT_SATKER_CODE);
      const structure = pkFromFixture(loadJemberFixture()).structure;
      const commands = app.get(CommandBus);
      for (let i = 0; i < offices.length; i += 4) await Promise.all(offices.slice(i, i + 4).map((o) => approvePks(commands, o, years, structure)));
      console.log(`set up ${offices.length} offices, ${offices.length * years} approved PKs`);

      const benchClients: BenchClient[] = [];
      for (const office of offices) {
        const desks: Array<{ subbagian: string; token: string }> = [];
        for (const k of office.kasubbag) {
          // An account an administrator created changes its password before anything else.
          const first = await expectOk(call('POST', '/api/v1/auth/login', null, { username: k.username, password: GIVEN_PASSWORD }), 'first login');
          await expectOk(call('POST', '/api/v1/auth/password', first.accessToken, { currentPassword: GIVEN_PASSWORD, newPassword: PASSWORD }), 'own password');
          desks.push({ subbagian: k.subbagian, token: (await expectOk(call('POST', '/api/v1/auth/login', null, { username: k.username, password: PASSWORD }), 'login')).accessToken });
        }
        const reports = reportPeriods(years).flatMap((period) => desks.map((desk) => ({ ...period, ...desk })));
        benchClients.push({ office: office.code, reports });
      }
      // The measured API: this process's, or processes of their own on the same database and secrets.
      let calls: Call[] = [call];
      if (apiProcesses > 0) {
        await app.close();
        closed = true;
        const ports = await Promise.all(Array.from({ length: apiProcesses }, () => freePort()));
        children = ports.map((port) => startApiProcess({ ...environment, PORT: String(port) }));
        await Promise.all(ports.map((port) => waitForHealth(port)));
        calls = ports.map((port) => http(port, clients * 2));
      }
      const callOf = (worker: number) => calls[worker % calls.length];
      // Each report's content is serialised before the clock starts: the client shares the API's
      // CPU, and what a Kasubbag types is not part of what the server costs.
      const bodies = new Map(SUBBAGIAN.flatMap((sub) => Array.from({ length: 12 }, (_, m) =>
        [`${sub}/${m + 1}`, Buffer.from(JSON.stringify(demoMonthlyContent(structure, sub, m + 1)))] as const)));
      const submit = async (worker: number, iteration: number) => {
        const c = benchClients[worker];
        const report = c.reports[iteration];
        if (!report) {
          // Pause rather than spin: a client that fails at once would starve the others of CPU.
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error('out of report periods: every ended month of the PK years is used (raise --years, up to the years since 2000, or shorten --duration)');
        }
        const { year, month, subbagian, token } = report;
        const r = await callOf(worker)('POST', `/api/v1/satker/${c.office}/realisasi/${year}/${month}/${subbagian}/submit`, token, bodies.get(`${subbagian}/${month}`));
        if (r.status !== 200) throw new Error(`submit ${r.status} ${r.body?.code}`);
      };
      const read = async (worker: number) => {
        const c = benchClients[worker];
        const r = await callOf(worker)('GET', `/api/v1/satker/${c.office}/pk/${LAST_YEAR}`, c.reports[worker % c.reports.length].token);
        if (r.status !== 200) throw new Error(`read ${r.status} ${r.body?.code}`);
      };
      // The floor: the same clients and bodies against a bare node:http + pg server (bench/http-floor.ts).
      floor = await startHttpFloor(scratch.url, poolSize);
      const floorCall = http(floor.port, clients * 2);
      const floorSubmit = async (worker: number, iteration: number) => {
        const c = benchClients[worker];
        const { subbagian, month } = c.reports[iteration % c.reports.length];
        const r = await floorCall('POST', `/floor/${c.office}/${subbagian}`, null, bodies.get(`${subbagian}/${month}`));
        if (r.status !== 200) throw new Error(`floor ${r.status}`);
      };
      // Warm-up on reads and the floor only: submissions use up report periods.
      await measureInterleaved(clients, 1000, [read, floorSubmit]);
      // CPU per operation, the API's process (with its in-process client) and PostgreSQL's apart;
      // with --api-processes the measured processes are children, so only PostgreSQL's is meaningful.
      cpu = await BackendCpu.start(scratch.url);
      const [submitResult, readResult, floorResult] = await measureInterleaved(clients, durationMs, [submit, read, floorSubmit], 1000, cpu.meter());
      result = { submit: submitResult, read: readResult, floor: floorResult };
    } finally {
      await cpu?.stop();
      await floor?.close();
      await Promise.all(children.map(stopProcess));
      if (!closed) await app.close();
    }
  } finally {
    await scratch.drop();
    // Nothing of the run is kept: the API's files (its development signing key) and its Redis keys.
    await rm(environment.DATA_DIR, { recursive: true, force: true });
    await deleteRedisPrefix(environment.REDIS_URL, environment.REDIS_PREFIX);
  }

  const store = await runAppendBench({ databaseUrl: serverUrl, writers: clients, durationMs, tenants: 100, measureCpu: true });
  console.log(line('HTTP submit', result.submit, 'req'));
  console.log(line('HTTP read PK', result.read, 'req'));
  console.log(line('HTTP floor', result.floor, 'req'));
  console.log(line('store append', store.append, 'events'));
  const ratio = result.submit.perSecond / store.append.perSecond;
  const floorRatio = result.floor.perSecond / store.append.perSecond;
  console.log(`submitsPerSec / appendEventsPerSec = ${ratio.toFixed(2)} (target >= 0.5); submission p99 ${result.submit.p99Ms.toFixed(1)} ms (target < 100)`);
  console.log(`floor (bare node:http + pg, 2 round trips) / appendEventsPerSec = ${floorRatio.toFixed(2)}; submissions reach ${(result.submit.perSecond / result.floor.perSecond * 100).toFixed(0)} % of the floor`);
  const round = (n: number) => Math.round(n * 100) / 100;
  const cpuRound = (n: number | undefined) => (n === undefined ? null : Math.round(n * 1000) / 1000);
  console.log(JSON.stringify({
    bench: 'api', clients, apiProcesses, submitsPerSec: Math.round(result.submit.perSecond), submitP50Ms: round(result.submit.p50Ms),
    submitP99Ms: round(result.submit.p99Ms), readsPerSec: Math.round(result.read.perSecond), readP50Ms: round(result.read.p50Ms),
    readP99Ms: round(result.read.p99Ms), appendEventsPerSec: Math.round(store.append.perSecond), ratioToAppend: round(ratio),
    floorPerSec: Math.round(result.floor.perSecond), floorP99Ms: round(result.floor.p99Ms), floorRatioToAppend: round(floorRatio),
    cpuMsPerOp: {
      submit: { node: cpuRound(result.submit.nodeCpuMsPerOp), pg: cpuRound(result.submit.pgCpuMsPerOp) },
      floor: { node: cpuRound(result.floor.nodeCpuMsPerOp), pg: cpuRound(result.floor.pgCpuMsPerOp) },
      appendEvent: { node: cpuRound(store.append.nodeCpuMsPerOp), pg: cpuRound(store.append.pgCpuMsPerOp) },
    },
  }));
  if (result.submit.errors > 0 || result.read.errors > 0 || result.floor.errors > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
