import { Controller, Get, Param, Post, Req, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiResponse, ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { IsString, Matches } from 'class-validator';
import type { AuthenticatedUser } from '@kinerja/identity';
import { EVIDENCE_TYPES, EvidenceService, type UploadedFile } from '@kinerja/workflow';
import { OwnRateLimit } from '../command-rate/own-rate-limit.decorator';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody, storageUnavailableResponse } from '../http/error-body';
import { EvidenceRefDto } from '../realisasi/realisasi.dto';
import { Roles } from '../http/roles.decorator';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';

export class SatkerParams {
  @ApiProperty({ example: 'kpu-kab-jember' }) @IsString() satker: string;
}

export class EvidenceParams extends SatkerParams {
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;
}

const EVIDENCE_EXAMPLE = {
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', fileName: 'spj-januari.pdf',
  contentType: 'application/pdf', size: 183204,
};

/** Bukti dukung files of an office: uploaded once, referenced from reports by SHA-256, served after re-hashing. */
@ApiTags('Bukti dukung')
@Controller('satker/:satker/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @Roles('KASUBBAG', 'SEKRETARIS')
  @UseInterceptors(EvidenceUploadInterceptor)
  @OwnRateLimit('EVIDENCE_UPLOADS_PER_HOUR, EVIDENCE_BYTES_PER_DAY')
  @ApiOperation({ summary: 'Mengunggah bukti dukung (PDF, JPEG, PNG, DOCX, XLSX; jenis dan keutuhan diperiksa dari isi file, nama diberi ekstensi jenis itu)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ description: 'Rujukan untuk baris laporan (field evidence), apa adanya', type: EvidenceRefDto, example: EVIDENCE_EXAMPLE })
  @ApiResponse({ status: 400, type: ErrorBody, description: 'EVIDENCE.MALFORMED_UPLOAD: isi multipart tidak dapat dibaca (details.reason: sebabnya; details.parserMessage: teks pengurai); EVIDENCE.ONE_FILE_ONLY: lebih dari satu file dalam satu unggahan' })
  @ApiResponse({ status: 413, type: ErrorBody, description: 'EVIDENCE.TOO_LARGE: melebihi EVIDENCE_MAX_BYTES' })
  @ApiResponse({
    status: 415,
    type: ErrorBody,
    description:
      'EVIDENCE.TYPE_NOT_ALLOWED: isi file bukan jenis yang diizinkan (dokumen Office format lama atau berkata sandi disebut dalam pesannya); ' +
      'EVIDENCE.MACRO_NOT_ALLOWED: DOCX/XLSX berisi makro (vbaProject.bin, jenis docm/xlsm; details.type, details.part)',
  })
  @ApiResponse({
    status: 422,
    type: ErrorBody,
    description:
      'EVIDENCE.FILE_REQUIRED: tidak ada file pada field "file"; EVIDENCE.EMPTY_FILE: file kosong (0 byte); ' +
      'EVIDENCE.FILE_DAMAGED: berkas tampak PDF/JPEG/PNG/DOCX/XLSX tetapi tidak utuh atau rusak (details.type, details.reason); ' +
      'EVIDENCE.PASSWORD_PROTECTED: PDF yang hanya terbuka dengan kata sandi atau sertifikat (details.type, details.securityHandler: /Filter-nya, Standard untuk kata sandi); ' +
      'EVIDENCE.UNPACKED_TOO_LARGE: DOCX/XLSX yang isinya setelah dibuka melebihi batas (details.unpackedBytes, entries, maxUnpackedBytes, maxEntries)',
  })
  @ApiResponse({ status: 429, type: ErrorBody, description: 'EVIDENCE.RATE_LIMITED: batas unggahan akun (EVIDENCE_UPLOADS_PER_HOUR, EVIDENCE_BYTES_PER_DAY) tercapai; lihat Retry-After' })
  @ApiResponse(storageUnavailableResponse('write'))
  @ApiResponse({
    status: 507,
    type: ErrorBody,
    description: 'STORAGE.FULL: folder data (DATA_DIR) penuh (ENOSPC/EDQUOT; details.errno); berkas tidak disimpan dan tidak dihitung. Tanpa Retry-After: hanya mengosongkan ruang yang menolong',
  })
  upload(@Param() p: SatkerParams, @Req() req: Request & { file?: UploadedFile }, @CurrentUser() user: AuthenticatedUser) {
    return this.evidence.store(p.satker, user, req.file);
  }

  @Get(':sha256')
  @Roles('KASUBBAG', 'SEKRETARIS', 'KETUA', 'INSPEKTORAT')
  @ApiOperation({ summary: 'Mengunduh bukti dukung; isinya dihitung ulang dan harus cocok dengan SHA-256-nya' })
  @ApiProduces(...Object.values(EVIDENCE_TYPES))
  @ApiOkResponse({ description: 'Isi file, dengan Content-Type hasil deteksi', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'EVIDENCE.NOT_FOUND: tidak ada bukti dukung dengan SHA-256 itu pada satker ini; SATKER.NOT_FOUND: satker di luar cakupan Anda' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'EVIDENCE.INTEGRITY_FAILED: file di disk tidak cocok dengan sidik jarinya; tidak diberikan, dan dicatat sebagai peringatan integritas satker (GET audit/verify)',
  })
  @ApiResponse(storageUnavailableResponse('read'))
  async download(@Param() p: EvidenceParams, @CurrentUser() user: AuthenticatedUser) {
    const file = await this.evidence.fetch(p.satker, p.sha256, user);
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.size,
      disposition: `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
