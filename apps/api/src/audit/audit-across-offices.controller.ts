import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { identityErrors, SatkerScopeService, type AuthenticatedUser } from '@kinerja/identity';
import { AuditTrailQuery } from '@kinerja/projections/audit-trail/audit-trail.query';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { CurrentUser } from '../http/current-user.decorator';
import { Roles } from '../http/roles.decorator';
import { AuditAcrossPageDto } from './audit-answers.dto';
import { streamExport } from './audit-export';
import { AuditFilterNamesCheck } from './audit-filter-names';
import { AUDIT_READERS, EXPORT_INTEGRITY_HEADER, integrityStatusOf, TRAIL_PAGE_BAD_REQUEST_RESPONSE, UNMATCHABLE_FILTER_RESPONSE } from './audit.controller';
import { AuditAcrossExportQueryDto, AuditAcrossQueryDto, criteriaOf } from './audit.dto';

/**
 * The audit trail of every office in the reader's scope as one list, in order of time recorded:
 * an Inspektorat reviewing the offices under it filters by office, period, actor … across all of
 * them at once. A Sekretaris or Ketua sees only their own office here, as everywhere. An office
 * named in `satker` that is outside the scope answers 404, exactly as on the per-office routes.
 */
@ApiTags('Audit (Inspektorat)')
@Controller('audit/trail')
export class AuditAcrossOfficesController {
  constructor(
    private readonly trail: AuditTrailQuery,
    private readonly names: AuditFilterNamesCheck,
    private readonly integrity: IntegrityService,
    private readonly scope: SatkerScopeService,
  ) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Jejak audit lintas satker dalam cakupan Anda, urut waktu dicatat; filter dan kursor halaman' })
  @ApiOkResponse({ type: AuditAcrossPageDto })
  @TRAIL_PAGE_BAD_REQUEST_RESPONSE
  async page(@CurrentUser() user: AuthenticatedUser, @Query() q: AuditAcrossQueryDto) {
    const criteria = criteriaOf(q);
    const satkers = await this.officesOf(user, q);
    const [integrity, page] = await Promise.all([
      this.integrity.bannerAcross(satkers),
      this.trail.pageAcross({ ...criteria, satkers }, { cursor: q.cursor, limit: q.limit, order: q.order }),
    ]);
    return { satkers, integrity, ...page };
  }

  @Get('export')
  @Roles(...AUDIT_READERS)
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOperation({
    summary: 'Ekspor jejak audit lintas satker (CSV UTF-8 dengan BOM dan kolom satker, dipisah titik koma kecuali delimiter=comma; atau JSON Lines), dialirkan. '
      + 'Setiap baris membawa integritas satkernya saat ekspor dibuat: kolom kedua CSV `status_integritas` (OK, atau RUSAK dengan nomor peringatan yang masih terbuka), '
      + '`integrity` { status, alertIds } pada setiap rekaman JSON Lines',
  })
  @EXPORT_INTEGRITY_HEADER
  @UNMATCHABLE_FILTER_RESPONSE
  async export(@CurrentUser() user: AuthenticatedUser, @Query() q: AuditAcrossExportQueryDto, @Res() res: Response) {
    const criteria = criteriaOf(q);
    const satkers = await this.officesOf(user, q);
    const [openAlerts, zones] = await Promise.all([this.integrity.openAlertIds(satkers), this.trail.timeZonesOf(satkers)]);
    res.setHeader('X-Integrity-Status', integrityStatusOf(openAlerts));
    await streamExport(res, q, 'jejak-audit-lintas-satker', this.trail.allAcross({ ...criteria, satkers }), {
      zones: (satker) => zones.get(satker), openAlerts: (satker) => openAlerts.get(satker) ?? [],
    }, true);
  }

  /**
   * The offices asked for, each in scope; every office in scope when none is named. A filter
   * naming a subbagian, indicator or actor that none of them ever had is refused here (400).
   */
  private async officesOf(user: AuthenticatedUser, q: AuditAcrossQueryDto | AuditAcrossExportQueryDto): Promise<string[]> {
    const inScope = await this.scope.codesInScope(user);
    const offices = q.satker ? this.askedOf(q.satker, inScope) : inScope;
    await this.names.refuseUnknown(q, user, offices, inScope);
    return offices;
  }

  private askedOf(list: string, inScope: string[]): string[] {
    const allowed = new Set(inScope);
    const asked = [...new Set(list.split(','))];
    const outside = asked.find((code) => !allowed.has(code));
    if (outside !== undefined) throw identityErrors.satkerNotFound(outside);
    return asked;
  }
}
