import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { isIP } from 'node:net';
import { digestPublicKeysProblem } from './digest-public-keys';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** Every entry an Ed25519 public key; the message names the first wrong entry. */
const IsDigestPublicKeys = () =>
  ValidateBy({
    name: 'isDigestPublicKeys',
    validator: {
      validate: (value: unknown) => digestPublicKeysProblem(value) === null,
      defaultMessage: (args) =>
        `harus berisi kunci publik Ed25519 (blok PEM SPKI, atau base64 SPKI DER dipisah koma): ${digestPublicKeysProblem(args?.value)}`,
    },
  });

/** `loopback`, `none`, a hop count, or addresses/subnets/preset names separated by commas. */
export function trustProxySetting(value: string): boolean | number | string[] | null {
  const text = value.trim();
  if (text === 'none') return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  const valid = entries.every((entry) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid && entries.length > 0 ? entries : null;
}

const IsTrustProxy = () =>
  ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && trustProxySetting(value) !== null,
      defaultMessage: () =>
        'harus "loopback", "none", jumlah hop, atau alamat dan subnet (CIDR) dipisah koma, mis. "10.0.0.0/8, loopback"',
    },
  });

/** Not below LOGIN_MAX_FAILURES: the account lock would then come before the lock of one address. */
const IsAtLeastLoginMaxFailures = () =>
  ValidateBy({
    name: 'isAtLeastLoginMaxFailures',
    validator: {
      validate: (value: unknown, args) => typeof value === 'number' && value >= Number((args?.object as { LOGIN_MAX_FAILURES?: unknown }).LOGIN_MAX_FAILURES),
      defaultMessage: (args) =>
        `paling kecil sama dengan LOGIN_MAX_FAILURES (${String((args?.object as { LOGIN_MAX_FAILURES?: unknown }).LOGIN_MAX_FAILURES)})`,
    },
  });

/**
 * The whole environment of Kinerja, validated once at start-up. Nothing else reads process.env.
 * Each property is named exactly like its variable so that an error names what to fix.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /**
   * PostgreSQL. Required in production; elsewhere, when absent, an embedded PGlite under DATA_DIR is
   * used (one process, one session: for trying Kinerja, not for serving offices).
   */
  @ValidateIf((c: AppConfig) => c.NODE_ENV === 'production' || c.DATABASE_URL !== undefined)
  @IsString({ message: 'wajib diisi di production (tanpanya Kinerja menyimpan datanya di basis data tertanam di bawah DATA_DIR)' })
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'harus URL koneksi postgres:// atau postgresql://' })
  DATABASE_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * Single-event appends in flight at once per process (the event store's group commit): appends
   * that arrive meanwhile are written together, one statement and one commit for many offices. One
   * suits a database on the same few cores; a larger server may take more (BENCHMARKS.md).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  EVENT_STORE_APPENDS_IN_FLIGHT = 1;

  @IsString()
  DATA_DIR = './.data';

  @Matches(/^rediss?:\/\/.+/, { message: 'harus URL redis:// atau rediss://' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (BullMQ queues, rate limits): lets several deployments share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]+$/, { message: 'hanya boleh berisi huruf, angka, ":", "_" dan "-"' })
  REDIS_PREFIX = 'kinerja';

  /** Start a private redis-server under DATA_DIR when none answers at REDIS_URL (development only). */
  @Transform(toBool)
  @IsBoolean()
  REDIS_AUTOSTART = true;

  /**
   * Which proxies in front of the API are trusted to say the client's address (`X-Forwarded-For`),
   * which the login rate limit counts by: `loopback` (a proxy on the same host), `none`, a number of
   * hops, or a comma-separated list of addresses, subnets (CIDR) and the names `loopback`,
   * `linklocal`, `uniquelocal`. Behind a load balancer or a proxy container, name it here: otherwise
   * every user seems to come from the proxy and shares one login rate limit.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'loopback';

  /**
   * One log line per HTTP request (context `Access`: method, path, status, time, user, office,
   * error code, correlation id) at `info`. On by default; off leaves only the security log of
   * sign-ins and the errors.
   */
  /**
   * How many levels the tree of offices has, the root included: 3 for KPU (KPU RI, provinsi,
   * kabupaten/kota). An office is not created or moved deeper, so that a kabupaten cannot be put
   * under another kabupaten, whose ADMIN and INSPEKTORAT would then manage it.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  OFFICE_LEVELS = 3;

  @Transform(toBool)
  @IsBoolean()
  ACCESS_LOG = true;

  /**
   * Who `GET /health` tells more than ok/degraded (the probes, integrity alerts, projection lag, the
   * workers alive): `public` (anyone) or `signed-in` (an ADMIN or INSPEKTORAT sending its token).
   * Default: `signed-in` in production — an intruder must not watch whether their tampering was
   * noticed — else `public`.
   */
  @IsIn(['public', 'signed-in'])
  HEALTH_DETAILS: 'public' | 'signed-in' = 'public';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' = 'info';

  /** json in production; pretty (readable) otherwise unless set. */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** HS256 secret for access tokens. Required in production; development derives one per data folder. */
  @ValidateIf((c: AppConfig) => c.NODE_ENV === 'production' || c.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS = 3600;

  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'harus 3–64 karakter: huruf kecil, angka, ".", "_" atau "-"' })
  ADMIN_USERNAME = 'admin';

  /** Password of the first administrator, created on first start when no user exists. */
  @ValidateIf((c: AppConfig) => c.NODE_ENV === 'production' || c.ADMIN_PASSWORD !== undefined)
  @IsString()
  @MinLength(12)
  ADMIN_PASSWORD?: string;

  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'harus 2–64 karakter: huruf kecil, angka atau "-"' })
  ROOT_SATKER_CODE = 'kpu-ri';

  @IsString()
  @MinLength(3)
  ROOT_SATKER_NAME = 'Sekretariat Jenderal KPU RI';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  /**
   * Failed logins of one account from every address together that lock it for LOGIN_LOCK_MINUTES,
   * except from the addresses it signed in from before (LOGIN_MAX_FAILURES locks one address).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  @IsAtLeastLoginMaxFailures()
  LOGIN_ACCOUNT_MAX_FAILURES = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCK_MINUTES = 15;

  /**
   * Consecutive failed logins of one account (from every address, over lock windows) after which it
   * stays locked, but for its known addresses, until its failures are forgotten or an Admin resets
   * its password (NIST SP 800-63B §5.2.2: at most 100). Each LOGIN_ACCOUNT_MAX_FAILURES-th before it
   * locks for LOGIN_LOCK_MINUTES, doubling each time.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_ACCOUNT_HARD_LIMIT = 100;

  /** How long an account's (or an unknown name's) failed logins are remembered after the last one. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  LOGIN_FAILURE_MEMORY_HOURS = 24;

  /** Failed login attempts per client address per minute (successful sign-ins do not count). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_PER_MINUTE = 20;

  /**
   * Password verifications (Argon2id, login and own password change) one API process runs at once;
   * more wait in a queue of LOGIN_VERIFICATION_QUEUE, and beyond it are refused at once (503
   * AUTH.LOGIN_BUSY), so that a flood of logins cannot starve the rest of the API. Default: twice
   * the CPUs.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_VERIFICATIONS_IN_FLIGHT = 2 * availableParallelism();

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10000)
  LOGIN_VERIFICATION_QUEUE = 16;

  /** Password of the demo users created by `seed:demo`. */
  @IsString()
  @MinLength(8)
  DEMO_PASSWORD = 'kinerja-demo-2024';

  /**
   * Seed the KPU Kabupaten Jember demo office on an empty database at `npm start`. Default: yes,
   * except in production (its users' password is published), where only an explicit `true` does.
   */
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO_ON_EMPTY = true;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

  /**
   * Uploads of one account read into memory at a time, per API process (more: 429
   * EVIDENCE.UPLOAD_IN_PROGRESS). 6: what a browser sends at once to one host (HTTP/1.1), so a page
   * uploading several files in parallel is never refused.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  EVIDENCE_UPLOADS_IN_FLIGHT_PER_ACCOUNT = 6;

  /** Uploads read into memory at a time by one API process, all accounts (more: 503 EVIDENCE.UPLOADS_BUSY). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  EVIDENCE_UPLOADS_IN_FLIGHT = 32;

  /** Bukti dukung files one account may upload per hour (counted in Redis, shared by replicas). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  EVIDENCE_UPLOADS_PER_HOUR = 200;

  /** Bytes of bukti dukung one account may upload per day (1 GiB by default). */
  @Type(() => Number)
  @IsInt()
  @Min(1024 * 1024)
  EVIDENCE_BYTES_PER_DAY = 1024 * 1024 * 1024;

  /**
   * Commands (POST, PUT, PATCH, DELETE under /api/v1) one signed-in account may send at once before
   * it is slowed down to COMMAND_RATE_PER_WINDOW per COMMAND_RATE_WINDOW_SECONDS (429
   * RATE_LIMIT.COMMANDS). Counted in Redis, shared by replicas. The largest honest burst is a
   * Sekretaris catching up on a year of monthly reports (4 subbagian × 12 months of approvals) or an
   * ADMIN setting up a few offices with their subbagian and users (about 15–35 commands each).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000000)
  COMMAND_RATE_BURST = 120;

  /** Commands per COMMAND_RATE_WINDOW_SECONDS one account may keep sending once its burst is used (one per second). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000000)
  COMMAND_RATE_PER_WINDOW = 600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  COMMAND_RATE_WINDOW_SECONDS = 600;

  /**
   * Days a bukti dukung upload that no report refers to is kept (from its last upload): the daily
   * file sweep then deletes it. It can be attached to a report until an hour before that.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  UNREFERENCED_UPLOAD_RETENTION_DAYS = 30;

  /**
   * Seconds a stopping worker waits for its running jobs (an LKj, a reminders run sending e-mail)
   * before it lets go of them; another worker then runs them again. Keep it shorter than the time
   * the orchestrator gives the process between SIGTERM and SIGKILL (`stop_grace_period` 30 s in
   * docker-compose.yml, `terminationGracePeriodSeconds` in Kubernetes), so that the worker still
   * closes Redis and the database itself.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_SHUTDOWN_GRACE_SECONDS = 20;

  /**
   * Seconds between two checks, by each worker, of Redis against what PostgreSQL still expects of
   * it: a job of an outbox (an LKj, a notice) not done whose job Redis no longer has is added again,
   * one that failed its last attempt is retried once due (JOB_RETRY_FAILED_AFTER_SECONDS), and a Job
   * Scheduler Redis lost (restarted without its data) is registered again.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_RECOVERY_INTERVAL_SECONDS = 15;

  /**
   * Seconds after its last failure that a job of an outbox which failed its last attempt is retried
   * (the cause, a full disk or an outage longer than its backoff, may be gone by then); each retry
   * that fails again doubles the wait, up to 16 times as long (60: after 1, 2, 4, 8, 16 minutes, then
   * every 16).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  JOB_RETRY_FAILED_AFTER_SECONDS = 60;

  /** Run the file sweep every day in the worker (03:30 UTC). Off: only `npm run cli -- files:sweep` does. */
  @Transform(toBool)
  @IsBoolean()
  FILE_SWEEP_ENABLED = true;

  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Kinerja <no-reply@kinerja.local>';

  /** Ed25519 private key (PKCS#8 PEM or base64 DER) that signs the daily chain-head digests. */
  @IsOptional()
  @IsString()
  DIGEST_SIGNING_KEY?: string;

  /**
   * Public keys of earlier DIGEST_SIGNING_KEYs, still trusted to verify the digests they signed
   * (never used to sign): after a rotation, old digests keep verifying. SPKI PEM, or base64 DER
   * separated by commas.
   */
  @IsOptional()
  @IsDigestPublicKeys()
  DIGEST_PREVIOUS_PUBLIC_KEYS?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** TRUST_PROXY as Express's `trust proxy` setting takes it. */
  get trustProxy(): boolean | number | string[] {
    return trustProxySetting(this.TRUST_PROXY) ?? ['loopback'];
  }

  get logFormat(): 'json' | 'pretty' {
    return this.LOG_FORMAT ?? (this.isProduction ? 'json' : 'pretty');
  }
}
