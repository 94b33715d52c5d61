// The answers of the audit workbench (libs/projections/src/audit-trail, libs/jobs/src/digest), field
// for field. For documentation only: the handlers answer what those services return.
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { AUDIT_SUBJECT_KINDS } from '@kinerja/projections/audit-trail/audit-trail.types';
import { PersonRefDto } from '../http/person-ref.dto';
import { IntegrityAlertDto, IntegrityBannerDto } from './integrity-banner.dto';

const NULLABLE_TEXT = { type: String, nullable: true } as const;
const NULLABLE_INTEGER = { type: 'integer', nullable: true } as const;
const SHA256_HEX = { pattern: '^[0-9a-f]{64}$', example: '5f1c0a0e7d6b1a3c2e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f809' } as const;

export class AuditChangeDto {
  @ApiProperty({ ...NULLABLE_TEXT, example: 'K4.1' }) indicatorCode: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'Layanan Perkantoran' }) indicatorName: string | null;
  @ApiProperty({ example: 'realisasi', description: '`realisasi`, `target` and the other properties of a PK (`PIC subbagian`, `pagu:<kegiatan>` …), `anggaran:<kegiatan>`, `capaian tahun lalu`, or an identity field in words' })
  field: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: '1' }) before: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: '3' }) after: string | null;
}

class AuditActorDto {
  @ApiProperty({ example: '3a1e5f0c-1b2d-4c3e-9f4a-5b6c7d8e9f00', description: 'User id, or `system`' }) id: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'Kasubbag Keuangan, Umum dan Logistik' }) name: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'kasubbag.kul' }) username: string | null;
  @ApiProperty({ example: 'KASUBBAG', description: 'The role recorded with the event (SYSTEM for Kinerja itself)' }) role: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: null, description: 'The program that recorded the event on the person\'s behalf (`seed:demo`); null when the person did' })
  loadedBy: string | null;
}

class AuditSubjectDto {
  @ApiProperty({ enum: [...AUDIT_SUBJECT_KINDS], example: 'REALISASI' }) kind: string;
  @ApiProperty({ example: 'realisasi:kpu-kab-jember:2024:3:KUL' }) streamId: string;
  @ApiProperty({ ...NULLABLE_INTEGER, example: 2024 }) year: number | null;
  @ApiProperty({ ...NULLABLE_INTEGER, example: 3, description: '1–12; null when the event concerns the whole year or no period' }) month: number | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'KUL' }) subbagian: string | null;
  @ApiProperty({ ...NULLABLE_INTEGER, example: 1 }) pkVersion: number | null;
  @ApiProperty({ ...NULLABLE_INTEGER, example: 0 }) reportRevision: number | null;
}

class AuditChainLinkDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 169 }) sequence: number;
  @ApiProperty(SHA256_HEX) previousHash: string;
  @ApiProperty(SHA256_HEX) hash: string;
}

@ApiSchema({ description: 'One event of an office\'s chain, in words a person reads.' })
export class AuditTrailItemDto {
  @ApiProperty({ example: 'kpu-kab-jember', description: 'The office whose chain holds the event' }) satker: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 169 }) sequence: number;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'date-time', example: '2024-04-03T02:00:00.120Z', description: 'When it was recorded in the chain' }) recordedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2024-04-03T02:00:00.000Z', description: 'When the event says it happened; null when it states none' })
  occurredAt: string | null;
  @ApiProperty({ example: 'RealisasiApproved' }) eventType: string;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ type: AuditSubjectDto }) subject: AuditSubjectDto;
  @ApiProperty({ example: 'Sekretaris menyetujui laporan realisasi KUL bulan Maret 2024.' }) summary: string;
  @ApiProperty({ type: [AuditChangeDto] }) changes: AuditChangeDto[];
  @ApiProperty({ ...NULLABLE_TEXT, example: null }) reason: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: '6f1c2b1e-3c1d-4d5e-9a8b-0c1d2e3f4a5b' }) correlationId: string | null;
  @ApiProperty({ type: AuditChainLinkDto }) chain: AuditChainLinkDto;
}

class FigureChangeDto {
  @ApiProperty({ example: 'realisasi' }) field: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: '1' }) before: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: '3' }) after: string | null;
}

export class AuditFigureItemDto extends AuditTrailItemDto {
  @ApiPropertyOptional({ type: FigureChangeDto, nullable: true, description: 'The figure asked about, before and after this event' }) figure?: FigureChangeDto | null;
}

const NEXT_CURSOR = { ...NULLABLE_TEXT, description: 'Pass back as `cursor` for the next page; null at the end' } as const;

@ApiSchema({ description: 'A page of one office\'s audit trail.' })
export class AuditPageDto {
  @ApiProperty({ type: IntegrityBannerDto }) integrity: IntegrityBannerDto;
  @ApiProperty({ type: [AuditTrailItemDto] }) items: AuditTrailItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

export class IntegrityAlertAcrossDto extends IntegrityAlertDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
}

@ApiSchema({ description: 'The integrity of the offices read across: as IntegrityBannerDto, each alert naming its office.' })
export class IntegrityBannerAcrossDto {
  @ApiProperty({ enum: ['OK', 'DAMAGED'], example: 'OK' }) status: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: null }) message: string | null;
  @ApiProperty({ type: [IntegrityAlertAcrossDto], description: 'The open alerts, newest first (at most 20)' }) alerts: IntegrityAlertAcrossDto[];
  @ApiProperty({ type: [String], example: [], description: 'The offices with an open alert, sorted' }) damagedOffices: string[];
}

@ApiSchema({ description: 'A page of the audit trail of several offices, in order of time recorded.' })
export class AuditAcrossPageDto {
  @ApiProperty({ type: [String], example: ['kpu-kab-bondowoso', 'kpu-kab-jember'], description: 'The offices read' }) satkers: string[];
  @ApiProperty({ type: IntegrityBannerAcrossDto }) integrity: IntegrityBannerAcrossDto;
  @ApiProperty({ type: [AuditTrailItemDto] }) items: AuditTrailItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

@ApiSchema({ description: 'Every event that touched one figure (office, year, month, indicator).' })
export class FigureHistoryDto {
  @ApiProperty({ type: IntegrityBannerDto }) integrity: IntegrityBannerDto;
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 3 }) month: number;
  @ApiProperty({ example: 'K4.1' }) indicator: string;
  @ApiProperty({ type: [AuditFigureItemDto], description: 'Oldest first' }) items: AuditFigureItemDto[];
}

class ChainHeadDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 169 }) sequence: number;
  @ApiProperty(SHA256_HEX) hash: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 169 }) count: number;
}

@ApiSchema({ description: 'The chain is whole: its head.' })
export class IntactChainDto {
  @ApiProperty({ type: Boolean, enum: [true] }) intact: true;
  @ApiProperty({ example: 'kpu-kab-jember' }) tenantId: string;
  @ApiProperty({ type: ChainHeadDto }) head: ChainHeadDto;
}

class BrokenLinkDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 42 }) sequence: number;
  @ApiProperty({ ...NULLABLE_TEXT, format: 'uuid', example: null }) eventId: string | null;
  @ApiProperty({ enum: ['modified', 'deleted', 'inserted', 'reordered'], example: 'modified' }) kind: string;
  @ApiProperty({ example: 'isi peristiwa tidak cocok dengan hash-nya' }) detail: string;
}

@ApiSchema({ description: 'The chain is broken: its first broken link (recorded as an integrity alert).' })
export class BrokenChainDto {
  @ApiProperty({ type: Boolean, enum: [false] }) intact: false;
  @ApiProperty({ example: 'kpu-kab-jember' }) tenantId: string;
  @ApiProperty({ type: BrokenLinkDto }) brokenLink: BrokenLinkDto;
}

@ApiExtraModels(IntactChainDto, BrokenChainDto)
export class ChainVerificationDto {
  @ApiProperty({ type: IntegrityBannerDto, description: 'After the check: a break found is already among the alerts' }) integrity: IntegrityBannerDto;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(IntactChainDto) }, { $ref: getSchemaPath(BrokenChainDto) }], description: '`intact` true with `head`, or false with `brokenLink`' })
  result: IntactChainDto | BrokenChainDto;
}

export class IntegrityAlertWithResolverDto extends IntegrityAlertDto {
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who closed it (`resolvedBy` names the id); null while open' }) resolvedByUser: PersonRefDto | null;
}

@ApiSchema({ description: 'The integrity alerts of an office, newest first.' })
export class IntegrityAlertListDto {
  @ApiProperty({ type: IntegrityBannerDto }) integrity: IntegrityBannerDto;
  @ApiProperty({ type: [IntegrityAlertWithResolverDto] }) items: IntegrityAlertWithResolverDto[];
}

export class ResolvedAlertDto {
  @ApiProperty({ type: IntegrityBannerDto, description: 'After the alert was closed' }) integrity: IntegrityBannerDto;
  @ApiProperty({ type: IntegrityAlertWithResolverDto }) alert: IntegrityAlertWithResolverDto;
}

class DigestSummaryDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ format: 'date', example: '2025-01-31', description: 'The UTC day the digest stands for' }) day: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 169 }) sequence: number;
  @ApiProperty(SHA256_HEX) hash: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 169 }) count: number;
  @ApiProperty({ format: 'date-time', example: '2025-02-01T00:05:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '3f2a9c0d41b7e865' }) keyId: string;
}

@ApiSchema({ description: 'The signed daily digests of an office\'s chain head, newest first.' })
export class DigestListDto {
  @ApiProperty({ type: IntegrityBannerDto }) integrity: IntegrityBannerDto;
  @ApiProperty({ type: [DigestSummaryDto] }) items: DigestSummaryDto[];
}

class DigestPayloadDto {
  @ApiProperty({ enum: ['kinerja.chain-digest'] }) kind: string;
  @ApiProperty({ type: 'integer', enum: [1] }) version: number;
  @ApiProperty({ example: 'kpu-kab-jember' }) tenant: string;
  @ApiProperty({ format: 'date', example: '2025-01-31' }) day: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 169 }) sequence: number;
  @ApiProperty(SHA256_HEX) hash: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 169 }) count: number;
  @ApiProperty({ format: 'date-time', example: '2025-02-01T00:05:00.000Z', description: 'When the head was read' }) timestamp: string;
}

@ApiSchema({ description: 'A signed digest, to keep outside Kinerja and check with `audit:verify --digest`.' })
export class DigestFileDto {
  @ApiProperty({ type: DigestPayloadDto }) payload: DigestPayloadDto;
  @ApiProperty({ description: 'RFC 8785 canonical JSON of `payload`: exactly the bytes signed' }) canonical: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: string;
  @ApiProperty({ format: 'byte', description: 'Base64' }) signature: string;
  @ApiProperty({ example: '3f2a9c0d41b7e865' }) keyId: string;
  @ApiProperty({ description: 'PEM (SPKI) of the signing key' }) publicKey: string;
}

class PublicKeyDto {
  @ApiProperty({ example: '3f2a9c0d41b7e865' }) keyId: string;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n', description: 'PEM (SPKI)' }) publicKey: string;
  @ApiProperty({ example: true, description: 'true: the key signing digests now; false: an earlier key still trusted to verify' }) current: boolean;
}

export class PublicKeysDto {
  @ApiProperty({ type: [PublicKeyDto] }) items: PublicKeyDto[];
}
