import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@kinerja/identity';
import { CapaianTahunLaluService } from '@kinerja/jobs';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { VersionEtag } from '../http/openapi-document';
import { Roles } from '../http/roles.decorator';
import { LkjYearParams } from '../lkj/lkj.dto';
import { answer, commandOptions, jobActorOf } from '../workflow-http/command-options';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { CAPAIAN_VIEW_EXAMPLE, CapaianImportBody, CapaianTahunLaluDto } from './capaian-tahun-lalu.dto';
import { csvMissing, CsvUploadInterceptor } from './csv-upload.interceptor';

const CSV_FORMAT =
  'Berkas UTF-8 (dari Excel: simpan sebagai "CSV UTF-8 (dipisahkan koma)"; BOM UTF-8 boleh). Berkas UTF-16 ("Teks Unicode") atau ' +
  'ANSI/Windows-1252 ditolak dengan CAPAIAN_TAHUN_LALU.NOT_UTF8 (422) dan tidak ada yang disimpan. ' +
  'Satu indikator per baris: `kode atau nama indikator;capaian` dipisah titik koma, mis. `K4.1;100` atau ' +
  '`Layanan Perkantoran;98,5`. Baris pertama `kode;capaian` boleh ada sebagai judul; baris kosong dan baris berawalan `#` ' +
  'diabaikan; desimal boleh koma atau titik, tanda % boleh. Indikator dicocokkan dengan PK tahun {year} yang disetujui. ' +
  'Setiap baris yang salah disebut nomornya (CAPAIAN_TAHUN_LALU.INVALID, `details.errors`); bila ada yang salah, tidak ada yang disimpan. ' +
  'Impor berikutnya mengganti angka indikator yang disebutnya dan mempertahankan yang lain. ' +
  'Header ETag = jumlah impor yang tercatat, untuk If-Match.';

const JSON_FORMAT =
  '`entries`: daftar `{ indicator, capaian }`; `indicator` = kode atau nama lengkap indikator pada PK tahun {year} yang disetujui, ' +
  '`capaian` = persen 0–1000 (desimal koma atau titik). Setiap butir yang salah disebut urutannya dan indikatornya, mis. ' +
  '"Butir ke-3 (indikator K2.1): …", dengan path JSON-nya (CAPAIAN_TAHUN_LALU.INVALID, `details.errors[]` = `{ item, path, message }`); ' +
  'bila ada yang salah, tidak ada yang disimpan. Impor berikutnya mengganti angka indikator yang disebutnya dan mempertahankan yang lain. ' +
  'Header ETag = jumlah impor yang tercatat, untuk If-Match.';

/** Last year's capaian for offices whose earlier years are not in Kinerja (the LKj compares both years). */
@ApiTags('Capaian tahun lalu')
@Controller('satker/:satker/capaian-tahun-lalu')
export class CapaianTahunLaluController {
  constructor(private readonly capaian: CapaianTahunLaluService) {}

  @Get(':year')
  @Roles('SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG', 'ADMIN')
  @ApiOperation({ summary: 'Capaian tahun {year}−1 yang diimpor untuk LKj tahun {year}' })
  @ApiOkResponse({ type: CapaianTahunLaluDto, example: CAPAIAN_VIEW_EXAMPLE, description: 'Header ETag = jumlah impor yang tercatat, untuk If-Match' })
  @VersionEtag()
  async get(@Param() p: LkjYearParams, @Res({ passthrough: true }) res: Response) {
    const { view, version } = await this.capaian.at(p.satker, p.year);
    res.setHeader('ETag', `"${version}"`);
    return view;
  }

  @Put(':year')
  @Roles('SEKRETARIS', 'ADMIN')
  @ApiOperation({ summary: 'Mengimpor capaian tahun lalu (JSON) untuk LKj tahun {year}', description: JSON_FORMAT })
  @ApiOkResponse({ type: CapaianTahunLaluDto, example: CAPAIAN_VIEW_EXAMPLE })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'CAPAIAN_TAHUN_LALU.INVALID, dengan kesalahan per butir; IDEMPOTENCY.KEY_REUSED' })
  @CommandHeaders()
  async put(
    @Param() p: LkjYearParams,
    @Body() body: CapaianImportBody,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lines = body.entries.map((e, i) => ({ line: i + 1, indicator: e.indicator, capaian: e.capaian }));
    return answer(res, await this.capaian.import(p.satker, p.year, lines, 'API', jobActorOf(user), commandOptions(req)));
  }

  @Post(':year/csv')
  @HttpCode(200)
  @Roles('SEKRETARIS', 'ADMIN')
  @UseInterceptors(CsvUploadInterceptor)
  @ApiOperation({ summary: 'Mengunggah CSV capaian tahun lalu untuk LKj tahun {year}', description: CSV_FORMAT })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: CapaianTahunLaluDto, example: CAPAIAN_VIEW_EXAMPLE })
  @ApiResponse({ status: 413, type: ErrorBody, description: 'CAPAIAN_TAHUN_LALU.FILE_TOO_LARGE: berkas CSV melebihi 256 KiB' })
  @ApiResponse({ status: 400, type: ErrorBody, description: 'CAPAIAN_TAHUN_LALU.MALFORMED_UPLOAD: badan multipart tidak dapat dibaca (details.reason: sebabnya; details.parserMessage: teks pengurai); CAPAIAN_TAHUN_LALU.ONE_FILE_ONLY: lebih dari satu berkas' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'CAPAIAN_TAHUN_LALU.INVALID, dengan kesalahan per baris; CAPAIAN_TAHUN_LALU.NOT_UTF8: berkas UTF-16 atau bukan UTF-8; ' +
      'CAPAIAN_TAHUN_LALU.FILE_MISSING; IDEMPOTENCY.KEY_REUSED',
  })
  @CommandHeaders()
  async csv(
    @Param() p: LkjYearParams,
    @Req() req: Request & { file?: { buffer: Buffer } },
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!req.file) throw csvMissing();
    return answer(res, await this.capaian.importCsv(p.satker, p.year, req.file.buffer, jobActorOf(user), commandOptions(req)));
  }
}
