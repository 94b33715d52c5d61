import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiHeader, ApiNotFoundResponse, ApiNotModifiedResponse, ApiOkResponse, ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse, ApiUnprocessableEntityResponse, getSchemaPath,
} from '@nestjs/swagger';
import { ErrorBody } from '../http/error-body';
import { KINERJA_TABLE_AS_OF_EXAMPLE, KINERJA_TABLE_DAMAGED_EXAMPLE, KINERJA_TABLE_EXAMPLE } from './kinerja.examples';
import { KinerjaTableDto } from './kinerja-table.dto';

const error = (summary: string, code: string, message: string, details: Record<string, unknown> = {}) => ({
  [code]: { summary, value: { code, message, details } },
});

/**
 * The answers of `GET satker/{satker}/kinerja/{year}` for the OpenAPI document (403 and the 401
 * description come with `@Roles`). The 200 schema wraps the table in `allOf` so that it can carry
 * the example of the whole year next to the reference.
 */
export const KinerjaResponses = () =>
  applyDecorators(
    ApiOkResponse({
      description: 'Tabel 3.2; dengan `?asOf=` ditambah field `asOf`. `integrity`: status integritas satker saat ini, seperti pada rute audit.',
      headers: {
        ETag: {
          description:
            'Validator lemah (`W/"…"`) dari isi jawaban: berubah setiap kali angkanya berubah. Kirim kembali dalam ' +
            '`If-None-Match` untuk mendapat 304 tanpa isi bila tabel belum berubah. Bukan versi: tidak untuk If-Match.',
          schema: { type: 'string', example: 'W/"1f3a-Jv0mKx3mQhYx0b1Y6xq2QpZ0w9s"' },
        },
      },
      schema: { allOf: [{ $ref: getSchemaPath(KinerjaTableDto) }], example: KINERJA_TABLE_EXAMPLE },
      examples: {
        year: { summary: 'Setahun penuh', value: KINERJA_TABLE_EXAMPLE },
        asOf: { summary: 'S.d. Juni, sebagaimana berdiri pada ?asOf=2025-01-10T08:00:00+07:00', value: KINERJA_TABLE_AS_OF_EXAMPLE },
        damaged: { summary: 'Rantai integritas satker rusak: angka tetap dari peristiwa yang tersimpan, `integrity` DAMAGED', value: KINERJA_TABLE_DAMAGED_EXAMPLE },
      },
    }),
    ApiHeader({ name: 'If-None-Match', required: false, description: '`ETag` jawaban sebelumnya: 304 bila tabel belum berubah.' }),
    ApiNotModifiedResponse({ description: 'Tabel sama dengan yang bertanda `If-None-Match`; tanpa isi.' }),
    ApiBadRequestResponse({
      type: ErrorBody,
      description:
        'VALIDATION.FAILED: `year` bukan bilangan bulat 2000–2100, `month` bukan bilangan bulat 1–12, `asOf` bukan waktu ' +
        'ISO 8601 dengan zona waktu, atau parameter query yang tidak dikenal. `details.fields`: `[{ field, constraint, message }]`.',
      example: {
        code: 'VALIDATION.FAILED', message: 'Data yang dikirim tidak valid: month: paling besar 12.',
        details: { fields: [{ field: 'month', constraint: 'max', message: 'paling besar 12' }] },
      },
    }),
    ApiUnauthorizedResponse({
      type: ErrorBody,
      description: 'AUTH.UNAUTHENTICATED, AUTH.TOKEN_INVALID, AUTH.TOKEN_EXPIRED atau AUTH.TOKEN_REVOKED',
      example: { code: 'AUTH.UNAUTHENTICATED', message: 'Anda harus masuk terlebih dahulu.', details: {} },
    }),
    ApiNotFoundResponse({
      type: ErrorBody,
      description:
        'SATKER.NOT_FOUND: satker tidak ada atau di luar cakupan Anda (jawabannya sama); KINERJA.NO_APPROVED_PK: belum ada PK ' +
        'tahun itu yang disetujui (dengan `asOf`: pada saat itu).',
      examples: {
        ...error('Satker tidak ada atau di luar cakupan', 'SATKER.NOT_FOUND', 'Satker "kpu-kab-lumajang" tidak ditemukan.', { satker: 'kpu-kab-lumajang' }),
        ...error('Belum ada PK yang disetujui', 'KINERJA.NO_APPROVED_PK', 'Belum ada Perjanjian Kinerja 2026 yang disetujui untuk satker ini. Tabel 3.2 tersedia setelah Sekretaris mengajukan PK tahun tersebut dan Ketua (atau Sekretaris lain) menyetujuinya.', {
          satker: 'kpu-kab-jember', year: 2026,
        }),
      },
    }),
    ApiUnprocessableEntityResponse({
      type: ErrorBody,
      description: 'KINERJA.AS_OF_IN_FUTURE: `asOf` di masa depan.',
      example: {
        code: 'KINERJA.AS_OF_IN_FUTURE', message: 'asOf tidak boleh di masa depan: data masa depan belum ada.',
        details: { asOf: '2099-01-01T00:00:00.000Z' },
      },
    }),
    ApiServiceUnavailableResponse({
      type: ErrorBody,
      description: 'DATABASE.UNAVAILABLE: basis data tidak dapat dijangkau; ulangi setelah `Retry-After` detik.',
      headers: { 'Retry-After': { description: 'Detik', schema: { type: 'integer', example: 5 } } },
      example: {
        code: 'DATABASE.UNAVAILABLE',
        message: 'Basis data Kinerja sedang tidak dapat dijangkau. Coba lagi beberapa saat lagi; bila masalah berlanjut, hubungi administrator.',
        details: {},
      },
    }),
  );
