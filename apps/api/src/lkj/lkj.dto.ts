import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INT4_MAX } from '../http/integer-bounds';
import { IsFreeText } from '../http/free-text.validator';
import { IsNotBlank } from '../http/not-blank.validator';

export class LkjYearParams {
  @ApiProperty({ example: 'kpu-kab-jember' }) @IsString() satker: string;
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class LkjVersionParams extends LkjYearParams {
  @ApiProperty({ example: 1, minimum: 1, maximum: INT4_MAX }) @Type(() => Number) @IsInt() @Min(1) @Max(INT4_MAX) version: number;
}

export class LkjFileParams extends LkjVersionParams {
  @ApiProperty({ enum: ['docx', 'pdf'] }) @Matches(/^(docx|pdf)$/i, { message: 'format harus docx atau pdf' }) format: string;
}

export class LkjRequestQuery {
  @ApiPropertyOptional({ description: 'true: draf (kapan saja, angka s.d. bulan terakhir yang disetujui); tanpa atau false: LKj final', example: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean()
  draft?: boolean;
}

export class LkjRequestBody {
  @ApiPropertyOptional({
    type: [String],
    description: 'Saran BAB IV dari Sekretaris, satu butir per elemen: bila diisi, menggantikan saran yang disusun Kinerja dari data '
      + '(bacalah pada draf dan salin yang ingin dipertahankan); tanpa field ini dipakai saran permintaan sebelumnya; [] kembali ke saran yang disusun dari data. '
      + 'Butir kosong atau hanya spasi ditolak (400 menyebut butirnya: `suggestions.1`, "suggestions butir ke-2"), tidak dibuang diam-diam; '
      + 'demikian pula butir yang berisi karakter kendali, pengatur arah teks atau karakter tak terlihat.',
    example: ['Meningkatkan koordinasi dengan lembaga terkait dalam penyusunan laporan keuangan.'],
  })
  // A blank item is refused, not dropped: the Sekretaris counted it as a suggestion.
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotBlank({ each: true }) @MaxLength(2000, { each: true })
  @IsFreeText({ multiline: true }, { each: true })
  suggestions?: string[];
}

export const LKJ_FORMATS = ['docx', 'pdf'] as const;
export const LKJ_OVERVIEW_EXAMPLE = {
  satker: 'kpu-kab-jember', year: 2024, status: 'produced', yearComplete: true, latestFinalVersion: 1, awaitingSignature: false, blocked: null, retrying: null,
  versions: [{
    version: 1, draft: false, reason: 'ALL_APPROVED', status: 'produced', stale: false, staleReason: null,
    requestedAt: '2025-01-10T02:00:00.000Z', producedAt: '2025-01-10T02:00:04.000Z', suggestions: [],
    signature: {
      required: true, signedBy: '5b0e3c1a-2f4d-4e6a-9c8b-7d1e2f3a4b5c',
      signedByUser: { id: '5b0e3c1a-2f4d-4e6a-9c8b-7d1e2f3a4b5c', username: 'ketua.jember', fullName: 'Dr. H. Ahmad Fauzi, M.Si.', role: 'KETUA', satker: 'kpu-kab-jember' },
      signedAt: '2025-01-13T03:00:00.000Z',
    },
    files: [
      { format: 'DOCX', sha256: '5f1c0a0e7d6b1a3c2e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f809', size: 48211 },
      { format: 'PDF', sha256: '0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa9988776655', size: 91544 },
    ],
  }],
};
