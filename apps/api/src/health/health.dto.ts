// The answer of GET /health (health.controller.ts), field for field. For documentation only.
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

class ProbeDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status: string;
  @ApiProperty({ type: Number, example: 0.8, description: 'Milliseconds' }) latencyMs: number;
  @ApiPropertyOptional({ example: 'timeout', description: 'Why it is down' }) error?: string;
}

class DatabaseProbeDto extends ProbeDto {
  @ApiProperty({ example: false, description: 'true on the embedded PostgreSQL (PGlite)' }) embedded: boolean;
}

class DataFolderProbeDto extends ProbeDto {
  @ApiPropertyOptional({ example: 'ENOSPC', description: 'When down: the errno (ENOENT, ENOTDIR, ENOSPC, EACCES, EROFS …) or timeout' }) declare error?: string;
  @ApiPropertyOptional({ description: 'When down: what it means and what to do, in Bahasa Indonesia' }) message?: string;
}

class HealthWarningDto {
  @ApiProperty({ enum: ['INTEGRITY.DAMAGED'] }) code: string;
  @ApiProperty() message: string;
}

class HealthIntegrityDto {
  @ApiProperty({ enum: ['OK', 'DAMAGED'], example: 'OK' }) status: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Offices in scope with an open integrity alert' }) damagedOffices: number;
  @ApiPropertyOptional({ description: 'When DAMAGED, in Bahasa Indonesia' }) message?: string;
}

class ProjectionLagDto {
  @ApiProperty({ example: 'audit-trail' }) name: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Committed events after its checkpoint (counted up to 100,000)' }) eventsBehind: number;
  @ApiProperty({ type: Number, minimum: 0, example: 0, description: 'Age of the oldest event not yet applied; 0 when caught up' }) secondsBehind: number;
  @ApiProperty({ example: '1234' }) checkpoint: string;
}

class EventLogDto {
  @ApiProperty({ enum: ['OK', 'BROKEN'], example: 'OK' }) status: string;
  @ApiPropertyOptional() nextTransactionId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) maxStoredTransactionId?: string | null;
  @ApiPropertyOptional({ description: 'Where the highest transaction id is stored (BROKEN)' }) storedIn?: string;
  @ApiPropertyOptional({ description: 'The transaction-id epoch to give `pg_resetwal -e` (BROKEN)' }) epoch?: string;
  @ApiPropertyOptional({ description: 'What to do, in Bahasa Indonesia (BROKEN)' }) message?: string;
}

class WorkersDto {
  @ApiProperty({ enum: ['OK', 'NONE', 'UNKNOWN'], example: 'OK' }) status: string;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, example: 1, description: 'null when Redis does not answer' }) alive: number | null;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, example: 3 }) lastBeatSecondsAgo: number | null;
  @ApiPropertyOptional({ description: 'When not OK, in Bahasa Indonesia' }) message?: string;
}

@ApiSchema({
  description: 'Liveness and readiness. Without the right to the details: `status` and `details` (why not). With it: the probes, '
    + '`warnings`, and each detail (`integrity`, `projections`, `eventLog` null when it could not be read).',
})
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' }) status: string;
  @ApiPropertyOptional({ description: 'Why the details are not given (in Bahasa Indonesia); only then' }) details?: string;
  @ApiPropertyOptional({ type: [HealthWarningDto] }) warnings?: HealthWarningDto[];
  @ApiPropertyOptional({ type: DatabaseProbeDto }) database?: DatabaseProbeDto;
  @ApiPropertyOptional({ type: ProbeDto }) redis?: ProbeDto;
  @ApiPropertyOptional({ type: DataFolderProbeDto, description: 'DATA_DIR (evidence and LKj files): it and its evidence/ and lkj/ folders there, a small file written and removed (at most every 5 s); never creates a folder' }) dataDir?: DataFolderProbeDto;
  @ApiPropertyOptional({ type: HealthIntegrityDto, nullable: true }) integrity?: HealthIntegrityDto | null;
  @ApiPropertyOptional({ type: [ProjectionLagDto], nullable: true }) projections?: ProjectionLagDto[] | null;
  @ApiPropertyOptional({ type: EventLogDto, nullable: true }) eventLog?: EventLogDto | null;
  @ApiPropertyOptional({ type: WorkersDto }) workers?: WorkersDto;
}
