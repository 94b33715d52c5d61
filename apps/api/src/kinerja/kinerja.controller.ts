import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { GetKinerjaQuery } from '@kinerja/workflow';
import { GetKinerjaAsOfQuery } from '@kinerja/workflow/catatan-reviu';
import type { AuthenticatedUser } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { Roles } from '../http/roles.decorator';
import { AUDIT_READERS } from '../audit/audit.controller';
import { KinerjaQueryDto, YearParams } from '../realisasi/realisasi.dto';
import { IntegrityAlertDto, IntegrityBannerDto } from '../audit/integrity-banner.dto';
import { KinerjaResponses } from './kinerja.responses';
import { KinerjaTableDto, RangeTargetDto, SingleTargetDto } from './kinerja-table.dto';

/**
 * The live Tabel 3.2. A public contract: outside tools depend on this shape (fields are only
 * added). It carries the office's `integrity` as the audit routes do: the figures are computed from
 * the events as stored, and a reader must see when those can no longer be trusted.
 */
@ApiTags('Kinerja (Tabel 3.2)')
@ApiExtraModels(KinerjaTableDto, SingleTargetDto, RangeTargetDto, IntegrityBannerDto, IntegrityAlertDto)
@Controller('satker/:satker/kinerja')
export class KinerjaController {
  constructor(
    private readonly queries: QueryBus,
    private readonly integrity: IntegrityService,
  ) {}

  @Get(':year')
  @Roles('SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG')
  @ApiOperation({
    summary: 'Tabel 3.2 Pengukuran Kinerja: target, realisasi, capaian dan kategori per indikator',
    description:
      'Dari PK yang berlaku dan laporan bulanan yang disetujui. Setiap angka adalah teks desimal; capaian dua desimal ' +
      '("100.00"). `realisasi` dan `targetApplied.value` (hasil agregasi SUM/LAST/MAX/AVERAGE): persis seperti angka yang ' +
      'diketik ("12", "7.5") bila nilainya berhenti dalam P desimal (P = desimal terbanyak dari angka bulanannya, minimal 2); ' +
      'selain itu (rata-rata yang tidak berhenti, mis. 4/3) dibulatkan sekali, setengah ke atas, ke P desimal ("1.33"); tanpa ' +
      'nol di belakang. Capaian selalu dihitung dari nilai eksak, bukan dari angka yang dibulatkan (rata-rata 1, 1, 2 terhadap ' +
      'target 2: realisasi "1.33", capaian "66.67"). Kategori diputuskan dari capaian yang ditampilkan dengan skala ' +
      'penilaian satker yang berlaku (GET rating-scale; `ratingScaleVersion` = label-nya). `null` berarti belum dapat diukur ' +
      '(lihat `note`). Dengan `?month=M`: capaian s.d. bulan M terhadap rencana aksi s.d. bulan M, menurut versi PK yang berlaku ' +
      'untuk laporan bulan M (`pkVersion`: versi terakhir yang disetujui sampai akhir bulan M, atau versi pertama untuk bulan ' +
      'sebelum PK pertama disetujui), dengan indikator, target, rencana aksi dan PIC versi itu; PK Perubahan yang disetujui ' +
      'kemudian tidak mengubah angka s.d. bulan-bulan sebelumnya. Tanpa `month`: PK yang berlaku sekarang. Rata-rata per kegiatan, ' +
      'program dan kantor. Bentuk jawaban ini stabil (kontrak publik). Dengan `?asOf=<waktu ISO 8601>`: angka sebagaimana ' +
      'berdiri pada saat itu (PK yang berlaku dan laporan yang sudah disetujui saat itu), ditambah field `asOf`. `integrity`: status ' +
      'integritas satker saat ini, seperti pada rute audit (bentuk dan sumber yang sama): `DAMAGED` selama ada peringatan integritas ' +
      'yang terbuka (mis. rantai peristiwa rusak), dan selama itu angka-angka di atas tidak dapat dipercaya. Daftar `alerts` ' +
      'hanya untuk yang membaca jejak audit (Sekretaris, Ketua, Inspektorat); Kasubbag menerima status dan pesannya dengan `alerts` kosong.',
  })
  @KinerjaResponses()
  async get(@Param() p: YearParams, @Query() q: KinerjaQueryDto, @CurrentUser() user: AuthenticatedUser) {
    const query = q.asOf
      ? new GetKinerjaAsOfQuery(p.satker, p.year, q.month ?? null, new Date(q.asOf))
      : new GetKinerjaQuery(p.satker, p.year, q.month ?? null);
    const [table, integrity] = await Promise.all([this.queries.execute(query), this.integrity.banner(p.satker)]);
    // The alerts' details (event ids, who detected them) are the audit trail's: its readers only.
    const auditReader = (AUDIT_READERS as readonly string[]).includes(user.role);
    return { ...table, integrity: auditReader ? integrity : { ...integrity, alerts: [] } };
  }
}
