import { Controller, Get, HttpStatus, Inject, Optional, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ROLE_LABELS, type Role } from '@kinerja/domain';
import { checkTransactionOrder } from '@kinerja/event-store';
import { workerPresence } from '@kinerja/jobs';
import { type AuthenticatedUser, SatkerScopeService } from '@kinerja/identity';
import { AppConfig, Clock, DataFolderCheck, REDIS, redisAnswer, RUNTIME, Runtime } from '@kinerja/platform';
import { ProjectionLagService } from '@kinerja/projections';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { BearerAuthenticator } from '../auth/bearer-authenticator';
import { Public } from '../http/public.decorator';
import { HealthDto } from './health.dto';

interface Probe {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  const started = process.hrtime.bigint();
  const latency = () => Number((process.hrtime.bigint() - started) / 1000n) / 1000;
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return { status: 'up', latencyMs: latency() };
  } catch (error) {
    return { status: 'down', latencyMs: latency(), error: (error as Error).message };
  }
}

/**
 * What a reader of the details should act on although the service is up, beside `status`: damage to
 * an office's data is no reason for a load balancer to take a healthy replica out (the top status
 * and code stay `ok`/200), but a monitor reading only the top of the answer must still see it.
 */
function warningsOf(integrity: { status: 'OK' | 'DAMAGED'; message?: string } | null | undefined): Array<{ code: string; message: string }> {
  return integrity?.status === 'DAMAGED' ? [{ code: 'INTEGRITY.DAMAGED', message: integrity.message! }] : [];
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  /** DATA_DIR, where the evidence and LKj files are: written to and removed, at most every 5 s. */
  private readonly dataFolder: DataFolderCheck;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(RUNTIME) private readonly runtime: Pick<Runtime, 'embeddedDatabase'>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly bearer: BearerAuthenticator,
    private readonly scope: SatkerScopeService,
    @Optional() private readonly integrity?: IntegrityService,
    @Optional() private readonly projectionLag?: ProjectionLagService,
  ) {
    this.dataFolder = new DataFolderCheck(config.DATA_DIR);
  }

  /**
   * The worker processes that beat in the last 30 s (`worker-presence.ts`). None is not a reason to
   * refuse requests (the API serves without them) but everything done in the background stops:
   * reminders, read models, the LKj. The beats are kept in Redis: while it does not answer, nobody
   * can tell (UNKNOWN), which is not the same as none.
   */
  private async workers() {
    try {
      const presence = await redisAnswer(this.redis, () => workerPresence(this.redis, this.config.REDIS_PREFIX, this.clock.now()));
      return presence.alive > 0
        ? { status: 'OK' as const, ...presence }
        : {
            status: 'NONE' as const, ...presence,
            message: 'Tidak ada proses worker yang melapor dalam 30 detik terakhir: pengingat, model baca (kotak persetujuan, matriks, jejak audit) dan pembuatan LKj berhenti sampai ada worker yang berjalan.',
          };
    } catch {
      return {
        status: 'UNKNOWN' as const, alive: null, lastBeatSecondsAgo: null,
        message: 'Jumlah worker tidak dapat diketahui: denyut worker disimpan di Redis, yang tidak menjawab (lihat redis).',
      };
    }
  }

  /** How far each read model trails the log; informative, never a reason to fail readiness. */
  private async projections() {
    if (!this.projectionLag) return undefined;
    try {
      return await this.projectionLag.lag();
    } catch {
      return null;
    }
  }

  /**
   * Loud but not unhealthy: how many offices have open integrity alerts, of their chain or their
   * evidence files (names only to their auditors) — of the caller's offices (`scope`), or of all
   * when the details are public.
   */
  private async integrityStatus(scope: string[] | null) {
    if (!this.integrity) return undefined;
    try {
      const damaged = (await this.integrity.damagedOffices(scope)).length;
      return damaged === 0
        ? { status: 'OK' as const, damagedOffices: 0 }
        : { status: 'DAMAGED' as const, damagedOffices: damaged, message: `PERINGATAN: integritas data ${damaged} satker terdeteksi rusak (rantai jejak audit, berkas bukti dukung atau berkas LKj); periksa GET /api/v1/satker/{satker}/audit/verify.` };
    } catch {
      return null;
    }
  }

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness: the database, Redis and the data folder; integrity alerts, projection lag and the worker processes alive',
    description:
      '200 ok or 503 degraded for everyone: degraded while the database or Redis does not answer, the event log\'s order is broken, or ' +
      'the data folder (DATA_DIR, the evidence and LKj files) is missing or cannot be written (`dataDir`: a small file written and removed, ' +
      'at most every 5 s). The details (probes, integrity alerts, projection lag, event log, workers) are for an ' +
      'ADMIN or INSPEKTORAT (see below); with them comes `warnings` at the top: `[{ code: "INTEGRITY.DAMAGED", message }]` while an office ' +
      'in scope has an open integrity alert (empty otherwise) — the status stays ok and 200, since damaged data is no reason to take a ' +
      'healthy replica out of a load balancer. Details are for an ' +
      'ADMIN or INSPEKTORAT sending its token when HEALTH_DETAILS is signed-in (the default in production), for anyone when public.',
  })
  @ApiOkResponse({ description: 'ok: the database and Redis answer, the event log is in order', type: HealthDto })
  @ApiServiceUnavailableResponse({
    description: 'degraded: the database or Redis does not answer, the event log\'s order is broken (`eventLog`), or the data folder is missing or cannot be written (`dataDir`)',
    type: HealthDto,
  })
  async health(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const asked = this.config.HEALTH_DETAILS === 'signed-in' ? await this.detailReader(req) : null;
    const reader = asked && 'user' in asked ? asked.user : null;
    const details = asked === null || reader !== null;
    // Readiness: the database, Redis, the log's order (transaction-order.ts, checked at start;
    // again here for a process whose pool was pointed at a restored database while it ran — broken:
    // 503, the reason in `eventLog`) and the data folder (an upload or a download needs it; missing,
    // full or read-only: 503, the errno and what to do in `dataDir`). The rest only for whoever may read it.
    const [database, redis, dataDir, eventLog, integrity, projections, workers] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
      this.dataFolder.check(),
      this.eventLogOrder(),
      !details ? undefined : reader === null ? this.integrityStatus(null) : this.scope.codesInScope(reader).then((codes) => this.integrityStatus(codes)),
      details ? this.projections() : undefined,
      details ? this.workers() : undefined,
    ]);
    const up = database.status === 'up' && redis.status === 'up' && dataDir.status === 'up' && eventLog?.status !== 'BROKEN';
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const status = up ? 'ok' : 'degraded';
    if (!details) return { status, details: (asked as { why: string }).why };
    return { status, warnings: warningsOf(integrity), database: { ...database, embedded: this.runtime.embeddedDatabase }, redis, dataDir, integrity, projections, eventLog, workers };
  }

  private eventLogOrder() {
    return checkTransactionOrder(this.dataSource).then((order) => (order.status === 'OK' ? { status: order.status } : order), () => null);
  }

  /**
   * An ADMIN or INSPEKTORAT of any office, by a valid token, who has chosen their own password; for
   * anyone else, why not (no token, one no longer valid, another role, a password still to change).
   */
  private async detailReader(req: Request): Promise<{ user: AuthenticatedUser } | { why: string }> {
    const header = req.header('authorization');
    if (!header) return { why: DETAILS_SIGNED_IN };
    const caller = await this.bearer.callerOf(header);
    if (caller === null) return { why: `${DETAILS_SIGNED_IN} Token yang dikirim tidak berlaku (kedaluwarsa, keluar, atau kata sandi berganti): masuk kembali.` };
    if (caller.passwordChangeRequired) return { why: `${DETAILS_SIGNED_IN} Ganti dahulu kata sandi yang diberikan Admin lewat menu Ubah Kata Sandi.` };
    if (!DETAIL_READERS.includes(caller.user.role)) return { why: `${DETAILS_SIGNED_IN} Peran Anda (${ROLE_LABELS[caller.user.role]}) tidak termasuk.` };
    return { user: caller.user };
  }
}

const DETAIL_READERS: readonly Role[] = ['ADMIN', 'INSPEKTORAT'];
const DETAILS_SIGNED_IN =
  `Rincian (basis data, Redis, folder data, integritas, proyeksi, worker) hanya untuk ${DETAIL_READERS.map((r) => ROLE_LABELS[r]).join(' atau ')} ` +
  'yang masuk: kirim Authorization: Bearer <token>.';
