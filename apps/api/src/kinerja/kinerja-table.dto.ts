// Tabel 3.2 in the OpenAPI document: KinerjaTable (libs/domain/src/capaian/kinerja-table.types.ts),
// field for field. For documentation only: the handler answers the domain's object as it is, and
// kinerja-openapi.e2e-spec.ts checks real answers against this schema.
import { ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { IntegrityBannerDto } from '../audit/integrity-banner.dto';
import { DECIMAL_TEXT, TWO_PLACES_TEXT } from '../http/decimal-text.schema';

const DEFAULT_CATEGORIES = 'Sangat Berhasil, Berhasil, Cukup Berhasil, Kurang Berhasil, Tidak Berhasil';
const CATEGORY = {
  type: String,
  nullable: true,
  example: 'Berhasil',
  description:
    'The row of the office\'s rating scale in force (GET rating-scale, version in `ratingScaleVersion`) that the shown ' +
    `two-place figure falls in. Free text set by the office: the default Tabel 3.1 has ${DEFAULT_CATEGORIES}. ` +
    'Null when nothing is measured.',
} as const;

@ApiSchema({ description: 'A single target value.' })
export class SingleTargetDto {
  @ApiProperty({ enum: ['SINGLE'], example: 'SINGLE' }) kind: 'SINGLE';
  @ApiProperty({ ...DECIMAL_TEXT, example: '12' }) value: string;
}

@ApiSchema({ description: 'A range target, both ends inclusive: a realisasi inside it is capaian 100.' })
export class RangeTargetDto {
  @ApiProperty({ enum: ['RANGE'], example: 'RANGE' }) kind: 'RANGE';
  @ApiProperty({ ...DECIMAL_TEXT, example: '7', description: 'Lower end (inclusive).' }) min: string;
  @ApiProperty({ ...DECIMAL_TEXT, example: '8', description: 'Upper end (inclusive), greater than `min`.' }) max: string;
}

const targetSchema = (description: string) => ({
  description,
  oneOf: [{ $ref: getSchemaPath(SingleTargetDto) }, { $ref: getSchemaPath(RangeTargetDto) }],
  discriminator: { propertyName: 'kind', mapping: { SINGLE: getSchemaPath(SingleTargetDto), RANGE: getSchemaPath(RangeTargetDto) } },
});

export class KinerjaIndicatorRowDto {
  @ApiProperty({ example: 'K4.1', description: 'Indicator code, unique within the PK.' }) code: string;
  @ApiProperty({ example: 'Layanan Perkantoran' }) name: string;
  @ApiProperty({ example: 'Layanan', description: 'As the office writes it: "Layanan", "Laporan", "Orang", "%" …' }) unit: string;
  @ApiProperty(targetSchema('The annual target of the PK in force, as typed in the PK.')) target: SingleTargetDto | RangeTargetDto;
  @ApiProperty({ example: '12', description: 'The annual target as people write it: "12", or "7–8" (en dash) for a range.' }) targetText: string;
  @ApiProperty(targetSchema(
    'The target capaian was measured against: the annual target for the year (and for `month` 12, or without a rencana aksi); ' +
      'with `month` M < 12 and a rencana aksi, always SINGLE: the indicator\'s aggregation of the plan of months 1..M, ' +
      'shown like `realisasi` (capaian uses the exact value).',
  ))
  targetApplied: SingleTargetDto | RangeTargetDto;
  @ApiProperty({ enum: ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'], example: 'HIGHER_IS_BETTER' }) polarity: string;
  @ApiProperty({
    enum: ['SUM', 'LAST', 'AVERAGE', 'MAX'], example: 'SUM', description: 'How the monthly figures make the year (or the figure to date).',
  })
  aggregation: string;
  @ApiProperty({ example: 'KUL', description: 'Code of the subbagian responsible (PIC) in the PK in force.' }) picSubbagian: string;
  @ApiProperty({
    ...DECIMAL_TEXT, nullable: true, example: '12',
    description:
      'The aggregation of the approved monthly figures (blank months left out, never counted as 0). Exact, without trailing ' +
      'zeros, when it ends within P places (P = the most places of the monthly figures, at least 2), else rounded once, half ' +
      'up, to P places (an AVERAGE of 1, 1, 2 is "1.33"). Null when no approved report has a figure.',
  })
  realisasi: string | null;
  @ApiProperty({
    type: 'array', items: { type: 'integer', minimum: 1, maximum: 12 }, uniqueItems: true, example: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    description: 'Months (ascending) whose approved report has a figure for this indicator.',
  })
  reportedMonths: number[];
  @ApiProperty({
    ...TWO_PLACES_TEXT, nullable: true, example: '100.00',
    description: 'Capaian in percent, computed from the exact realisasi and target, shown with two places. Null: see `note`.',
  })
  capaian: string | null;
  @ApiProperty(CATEGORY) category: string | null;
  @ApiProperty({
    type: String, enum: ['NOT_REPORTED', 'NO_TARGET_YET', null], nullable: true, example: null,
    description:
      'Why `capaian` is null: NOT_REPORTED, no approved figure yet; NO_TARGET_YET, nothing planned yet (target to date 0 where ' +
      'higher is better). Null whenever capaian is measured.',
  })
  note: 'NOT_REPORTED' | 'NO_TARGET_YET' | null;
}

/** The fields every level of the table shares: the average capaian of its indicators. */
export class KinerjaAverageDto {
  @ApiProperty({
    ...TWO_PLACES_TEXT, nullable: true, example: '100.00',
    description: 'Average of the shown (two-place) capaian of the measured indicators below, rounded once. Null when none is measured.',
  })
  capaianAverage: string | null;
  @ApiProperty(CATEGORY) category: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Indicators below with a capaian.' }) measuredCount: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Indicators below, measured or not.' }) indicatorCount: number;
}

const PAGU = { ...DECIMAL_TEXT, nullable: true, example: '150000000' } as const;
const BUDGET_SPENT = {
  ...DECIMAL_TEXT, example: '18000006',
  description: 'Realisasi anggaran in rupiah: the sum of the approved monthly budget figures of every subbagian ("0" when none).',
} as const;
const ABSORPTION = {
  ...TWO_PLACES_TEXT, nullable: true, example: '12.00', description: 'budgetSpent ÷ pagu × 100, two places. Null without a pagu.',
} as const;

export class KinerjaKegiatanRowDto extends KinerjaAverageDto {
  @ApiProperty({
    type: 'integer', minimum: 1, example: 1, description: 'Running number across the whole table (1, 2, …), the "No" column of Tabel 3.2.',
  })
  no: number;
  @ApiProperty({ example: 'K4' }) code: string;
  @ApiProperty({ example: 'Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan di Lingkungan Setjen KPU' }) name: string;
  @ApiProperty({ ...PAGU, description: 'Pagu in rupiah from the PK; null while the PK gives none yet (not known; a pagu is never 0).' }) pagu: string | null;
  @ApiProperty(BUDGET_SPENT) budgetSpent: string;
  @ApiProperty(ABSORPTION) budgetAbsorption: string | null;
  @ApiProperty({ type: () => KinerjaIndicatorRowDto, isArray: true, description: 'In the order of the PK.' }) indicators: KinerjaIndicatorRowDto[];
}

export class KinerjaProgramRowDto extends KinerjaAverageDto {
  @ApiProperty({ example: 'P2' }) code: string;
  @ApiProperty({ example: 'Program Dukungan Manajemen' }) name: string;
  @ApiProperty({ type: () => KinerjaKegiatanRowDto, isArray: true, description: 'In the order of the PK.' }) kegiatan: KinerjaKegiatanRowDto[];
}

export class KinerjaOfficeDto extends KinerjaAverageDto {
  @ApiProperty({ ...PAGU, description: 'Total pagu of every kegiatan; null when any kegiatan has none yet, so the office\'s absorption is computed once every kegiatan has its pagu.' }) pagu: string | null;
  @ApiProperty(BUDGET_SPENT) budgetSpent: string;
  @ApiProperty(ABSORPTION) budgetAbsorption: string | null;
}

@ApiSchema({
  description:
    'Tabel 3.2 Pengukuran Kinerja. A public contract: fields are only ever added. Every figure is a decimal string, never a JSON number.',
})
export class KinerjaTableDto {
  @ApiProperty({ example: 'kpu-kab-jember', description: 'Office code.' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'Version of the PK the table is computed against (1 = PK awal, then each PK Perubahan): the version in force for the year; with `month`, the version that month was reported under (the last approved by the end of that month, or the first for months before any approval).' })
  pkVersion: number;
  @ApiProperty({
    type: 'integer', minimum: 1, maximum: 12, nullable: true, example: null,
    description: 'The `month` asked for: figures to date, months 1..month. Null for the whole year.',
  })
  month: number | null;
  @ApiProperty({ example: 'tabel-3.1-2024', description: 'Version label of the rating scale that gave every `category`.' }) ratingScaleVersion: string;
  @ApiProperty({ type: () => KinerjaProgramRowDto, isArray: true, description: 'In the order of the PK.' }) programs: KinerjaProgramRowDto[];
  @ApiProperty({ type: () => KinerjaOfficeDto, description: 'The whole office: average over every indicator, total pagu and budget.' })
  office: KinerjaOfficeDto;
  @ApiPropertyOptional({
    type: String, format: 'date-time', example: '2025-01-10T01:00:00.000Z',
    description: 'Only with `?asOf=`: that instant in UTC; the table is as it stood then. Absent otherwise.',
  })
  asOf?: string;
  @ApiProperty({
    type: () => IntegrityBannerDto,
    description:
      'The office\'s integrity now, as the audit routes give it (same shape, same source): `DAMAGED` while an integrity alert of ' +
      'the office is open, e.g. its event chain failed verification (a stored event was edited). The figures above are computed ' +
      'from the events as stored, so while `DAMAGED` they cannot be trusted. With `asOf` too: the status of today, not of that instant.',
  })
  integrity: IntegrityBannerDto;
}
