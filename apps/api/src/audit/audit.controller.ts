import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '@kinerja/domain';
import { personRefOf, personRefs, type AuthenticatedUser, type PersonRef } from '@kinerja/identity';
import { AuditTrailQuery } from '@kinerja/projections/audit-trail/audit-trail.query';
import { IntegrityService, type IntegrityAlert } from '@kinerja/projections/audit-trail/integrity.service';
import { ChainDigestService } from '@kinerja/jobs/digest/chain-digest.service';
import type { OfficeDigestPublicKey } from '@kinerja/jobs/digest/digest-signing-key';
import { LkjFileIntegrity } from '@kinerja/jobs/lkj/lkj-file-integrity';
import { isLkjFileSubject } from '@kinerja/projections/audit-trail/integrity.events';
import { EvidenceService } from '@kinerja/workflow';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { Roles } from '../http/roles.decorator';
import {
  AuditPageDto, ChainVerificationDto, DigestFileDto, DigestListDto, FigureHistoryDto, IntegrityAlertListDto, ResolvedAlertDto,
} from './audit-answers.dto';
import { streamExport } from './audit-export';
import { AuditFilterNamesCheck } from './audit-filter-names';
import { DIGEST_PUBLIC_KEYS } from './audit.providers';
import {
  AlertListQueryDto, AlertParams, AuditExportQueryDto, AuditTrailQueryDto, DigestParams, FigureParams, filterOf, ResolveAlertDto, SatkerParams,
} from './audit.dto';

export const AUDIT_READERS = ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] as const;

const UNMATCHABLE_FILTER = 'VALIDATION.FAILED: parameter yang tidak dapat dibaca, atau filter yang tidak akan pernah cocok — '
  + '`to` tidak sesudah `from` (constraint isAfterFrom), `type` memuat jenis peristiwa yang tidak dikenal (isKnownEventType), '
  + '`subbagian` tidak ada pada satker, termasuk yang sudah dinonaktifkan (isKnownSubbagian), `indicator` tidak pernah ada dalam PK satker, '
  + 'draf maupun yang disetujui (isKnownIndicator), `actor` bukan pengguna dalam cakupan Anda dan tidak pernah bertindak pada satker (isKnownActor); '
  + 'lintas satker, nama cukup ada pada salah satu satker yang dibaca. Setiap masalah disebut di `details.fields` ({ field, constraint, message }).';

/** The refusal of a filter that could never match, documented on every route of the trail. */
export const UNMATCHABLE_FILTER_RESPONSE = ApiBadRequestResponse({ type: ErrorBody, description: UNMATCHABLE_FILTER });

/** The same on the paged routes, which also refuse a cursor they did not issue. */
export const TRAIL_PAGE_BAD_REQUEST_RESPONSE = ApiBadRequestResponse({
  type: ErrorBody,
  description: `${UNMATCHABLE_FILTER} AUDIT.INVALID_CURSOR: \`cursor\` kosong, atau bukan \`nextCursor\` yang diberikan rute ini (rusak, terpotong, `
    + 'atau dari rute lain), atau milik daftar lain: kursor hanya berlaku bersama satker (atau himpunan satker lintas satker), filter, dan `order` '
    + 'yang sama dengan halaman yang memberikannya (`order` boleh dihilangkan). Kirim ulang parameter yang sama, atau mulai lagi dari halaman pertama tanpa `cursor`.',
});

/** The status of an export's answer as a whole (`X-Integrity-Status`): DAMAGED when any office it reads has an open alert. */
export function integrityStatusOf(openAlerts: ReadonlyMap<string, readonly number[]>): 'OK' | 'DAMAGED' {
  return [...openAlerts.values()].some((ids) => ids.length > 0) ? 'DAMAGED' : 'OK';
}

/** The header of the exports, documented on both routes. */
export const EXPORT_INTEGRITY_HEADER = ApiOkResponse({
  description: 'Berkas ekspor, dialirkan.',
  schema: { type: 'string', format: 'binary' },
  headers: {
    'X-Integrity-Status': {
      description: '`DAMAGED` bila satker yang diekspor (lintas satker: salah satunya) memiliki peringatan integritas yang masih terbuka saat ekspor dimulai, `OK` bila tidak. '
        + 'Berkasnya sendiri mengatakan hal yang sama per baris (`status_integritas`, `integrity`).',
      schema: { type: 'string', enum: ['OK', 'DAMAGED'] },
    },
  },
});

/**
 * The alerts with whoever closed them named (`resolvedByUser`; null while open): the Sekretaris and
 * Ketua, who may not list users, read who closed an alert from it. `resolvedBy` keeps the id.
 */
async function withResolver<A extends IntegrityAlert>(dataSource: DataSource, alerts: A[]): Promise<Array<A & { resolvedByUser: PersonRef | null }>> {
  const people = await personRefs(dataSource, alerts.map((a) => a.resolvedBy));
  return alerts.map((a) => ({ ...a, resolvedByUser: a.resolvedBy === null ? null : personRefOf(people, a.resolvedBy) }));
}

/**
 * The Inspektorat's workbench (and the Sekretaris's and Ketua's, for their own office). Every
 * answer carries `integrity`: loud when damage to the office's chain was ever detected.
 * Reads are not events: nothing here appends to the chain.
 */
@ApiTags('Audit (Inspektorat)')
@Controller('satker/:satker/audit')
export class AuditController {
  constructor(
    private readonly trail: AuditTrailQuery,
    private readonly names: AuditFilterNamesCheck,
    private readonly integrity: IntegrityService,
    private readonly digests: ChainDigestService,
    private readonly evidence: EvidenceService,
    private readonly lkjFiles: LkjFileIntegrity,
    @Inject(DIGEST_PUBLIC_KEYS) private readonly keys: OfficeDigestPublicKey[],
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('trail')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Jejak audit: satu baris per peristiwa, dengan filter dan kursor halaman' })
  @ApiOkResponse({ type: AuditPageDto })
  @TRAIL_PAGE_BAD_REQUEST_RESPONSE
  async page(@Param() p: SatkerParams, @Query() q: AuditTrailQueryDto, @CurrentUser() user: AuthenticatedUser) {
    const filter = filterOf(p.satker, q);
    await this.names.refuseUnknown(q, user, [p.satker]);
    const [integrity, page] = await Promise.all([
      this.integrity.banner(p.satker),
      this.trail.page(filter, { cursor: q.cursor, limit: q.limit, order: q.order }),
    ]);
    return { integrity, ...page };
  }

  @Get('trail/export')
  @Roles(...AUDIT_READERS)
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOperation({
    summary: 'Ekspor jejak audit (CSV UTF-8 dengan BOM dan baris judul, dipisah titik koma kecuali delimiter=comma; atau JSON Lines), dialirkan. '
      + 'Setiap baris membawa integritas satkernya saat ekspor dibuat: kolom pertama CSV `status_integritas` (OK, atau RUSAK dengan nomor peringatan yang masih terbuka), '
      + '`integrity` { status, alertIds } pada setiap rekaman JSON Lines',
  })
  @EXPORT_INTEGRITY_HEADER
  @UNMATCHABLE_FILTER_RESPONSE
  async export(@Param() p: SatkerParams, @Query() q: AuditExportQueryDto, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const filter = filterOf(p.satker, q);
    await this.names.refuseUnknown(q, user, [p.satker]);
    const [openAlerts, zones] = await Promise.all([this.integrity.openAlertIds([p.satker]), this.trail.timeZonesOf([p.satker])]);
    res.setHeader('X-Integrity-Status', integrityStatusOf(openAlerts));
    await streamExport(res, q, `jejak-audit-${p.satker}`, this.trail.all(filter), {
      zones: (satker) => zones.get(satker), openAlerts: (satker) => openAlerts.get(satker) ?? [],
    });
  }

  @Get('figures/:year/:month/:indicator')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Riwayat lengkap satu angka (satker, tahun, bulan, indikator): siapa, kapan, dari nilai berapa ke berapa, mengapa' })
  @ApiOkResponse({ type: FigureHistoryDto })
  @ApiNotFoundResponse({
    type: ErrorBody,
    description: 'AUDIT.INDICATOR_NOT_FOUND: indikator tidak pernah ada dalam PK satker pada tahun itu, draf maupun yang disetujui '
      + '(kode yang hanya berbeda huruf besar/kecil disebut di pesan dan `details.alike`); SATKER.NOT_FOUND: satker di luar cakupan Anda.',
  })
  async figure(@Param() p: FigureParams) {
    await this.names.refuseUnknownFigure(p.satker, p.year, p.indicator);
    const [integrity, items] = await Promise.all([
      this.integrity.banner(p.satker),
      this.trail.figureHistory(p.satker, p.year, p.month, p.indicator),
    ]);
    return { integrity, satker: p.satker, year: p.year, month: p.month, indicator: p.indicator, items };
  }

  @Get('verify')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Memeriksa rantai hash satker: utuh (urutan dan hash kepala) atau tautan rusak pertama. Kerusakan dicatat.' })
  @ApiOkResponse({ description: '`result.intact` true dengan `head`, atau false dengan `brokenLink`', type: ChainVerificationDto })
  async verify(@Param() p: SatkerParams, @CurrentUser() user: AuthenticatedUser) {
    const result = await this.integrity.verify(p.satker, 'api', user.id);
    return { integrity: await this.integrity.banner(p.satker), result };
  }

  @Get('alerts')
  @Roles(...AUDIT_READERS)
  @ApiOperation({
    summary: 'Peringatan integritas satker (terbaru dahulu): yang masih terbuka, yang sudah ditutup (siapa, kapan, alasannya), atau semua. '
      + '`resolvedBy` id pengguna yang menutupnya; `resolvedByUser` { id, username, fullName, role, satker } orangnya (null selama masih terbuka; '
      + 'username, fullName, role dan satker null bila id itu bukan akun)',
  })
  @ApiOkResponse({ type: IntegrityAlertListDto })
  async alerts(@Param() p: SatkerParams, @Query() q: AlertListQueryDto) {
    const [integrity, items] = await Promise.all([this.integrity.banner(p.satker), this.integrity.list(p.satker, q.status ?? 'open')]);
    return { integrity, items: await withResolver(this.dataSource, items) };
  }

  @Post('alerts/:alertId/resolve')
  @HttpCode(200)
  @Roles('INSPEKTORAT')
  @ApiOperation({
    summary: 'Inspektorat menutup peringatan integritas dengan alasan, setelah kerusakannya dipulihkan. Ditolak (409 AUDIT.DAMAGE_STILL_PRESENT) '
      + 'selama rantai masih rusak atau tidak cocok dengan digest bertanda tangan, atau berkas bukti dukung / berkas LKj masih tidak cocok. Penutupan dicatat sebagai peristiwa di jejak audit.',
  })
  @ApiOkResponse({ description: 'Peringatan yang ditutup', type: ResolvedAlertDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'AUDIT.ALERT_NOT_FOUND: tidak ada peringatan bernomor itu pada satker; SATKER.NOT_FOUND: satker di luar cakupan Anda' })
  @ApiConflictResponse({ type: ErrorBody, description: 'AUDIT.DAMAGE_STILL_PRESENT: kerusakannya masih ada; AUDIT.ALERT_ALREADY_RESOLVED' })
  async resolve(@Param() p: AlertParams, @Body() body: ResolveAlertDto, @CurrentUser() user: AuthenticatedUser) {
    const alert = await this.integrity.resolve(p.satker, p.alertId, body.reason, { id: user.id, role: user.role }, {
      // An alert about a stored file is closed once that file (evidence or an LKj) is whole again.
      subject: (satker, subject) => (isLkjFileSubject(subject) ? this.lkjFiles.subjectProblem(satker, subject) : this.evidence.subjectProblem(satker, subject)),
      chain: (satker) => this.digests.trustProblem(satker, this.keys.map((k) => k.publicKeyPem)),
    });
    const [named] = await withResolver(this.dataSource, [alert]);
    return { integrity: await this.integrity.banner(p.satker), alert: named };
  }

  @Get('digests')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Digest harian bertanda tangan Ed25519 dari kepala rantai satker' })
  @ApiOkResponse({ type: DigestListDto })
  async digestList(@Param() p: SatkerParams) {
    const [integrity, items] = await Promise.all([this.integrity.banner(p.satker), this.digests.list(p.satker)]);
    return { integrity, items };
  }

  @Get('digests/:day')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Unduh satu digest (berkas JSON) untuk disimpan di luar sistem dan diperiksa dengan `audit:verify --digest`' })
  @ApiOkResponse({ description: 'Berkas digest (Content-Disposition: attachment)', type: DigestFileDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'AUDIT.DIGEST_NOT_FOUND: tidak ada digest satker untuk tanggal itu; SATKER.NOT_FOUND: satker di luar cakupan Anda' })
  async digestFile(@Param() p: DigestParams, @Res({ passthrough: true }) res: Response) {
    const file = await this.digests.file(p.satker, p.day);
    if (!file) throw new DomainError('AUDIT.DIGEST_NOT_FOUND', `Tidak ada digest satker ${p.satker} untuk tanggal ${p.day}.`, 'not_found');
    res.setHeader('Content-Disposition', `attachment; filename="digest-${p.satker}-${p.day}.json"`);
    return file;
  }
}
