import { randomUUID } from 'node:crypto';
import { readdir, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import { type Clock, ContentAddressedStore, storedFileLockKey } from '@kinerja/platform';
import { EVIDENCE_MISMATCH, evidenceSubject } from '@kinerja/projections/audit-trail/integrity.events';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How old a file on disk that nothing records must be before it is deleted: an LKj file not named
 * by an `LkjProduced` (a producer writes its files before it appends, and the loser of a race
 * never appends), an evidence file without its `evidence_files` row (an upload that died between
 * the two), a temporary file. A producer or an upload in flight is never that slow.
 */
export const ORPHAN_FILE_MARGIN_MS = DAY_MS;

/**
 * The events that name evidence files, and where: `data.lines[].evidence[].sha256`. Only
 * `RealisasiDraftSaved` carries a report's content (submitting, approving, returning and revising
 * name a revision, not files); the store is append-only, so a file named by any version of any
 * draft, of any office, stays referenced.
 */
export const EVIDENCE_REFERENCE_EVENTS: readonly string[] = ['RealisasiDraftSaved'];

/** The events that name LKj files: `LkjProduced`, in `data.files[].sha256`. */
export const LKJ_REFERENCE_EVENTS: readonly string[] = ['LkjProduced'];

/** Every SHA-256 the evidence events name, in one pass over the events of those types. */
const REFERENCED_EVIDENCE = `
  SELECT DISTINCT ref->>'sha256' AS sha256
    FROM events e
    CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(e.data->'lines') WHEN 'array' THEN e.data->'lines' ELSE '[]'::jsonb END) line
    CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(line->'evidence') WHEN 'array' THEN line->'evidence' ELSE '[]'::jsonb END) ref
   WHERE e.type = ANY($1::text[]) AND jsonb_typeof(ref) = 'object'`;

/** Every SHA-256 the LKj events name. */
const REFERENCED_LKJ = `
  SELECT DISTINCT file->>'sha256' AS sha256
    FROM events e
    CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(e.data->'files') WHEN 'array' THEN e.data->'files' ELSE '[]'::jsonb END) file
   WHERE e.type = ANY($1::text[]) AND jsonb_typeof(file) = 'object'`;

const SWEEP_LOCK = `hashtextextended('kinerja:file-sweep', 0)`;
const BATCH = 100;
const SHA256 = /^[0-9a-f]{64}$/;
/** `ContentAddressedStore.write`'s temporary name: `.tmp-<sha256>-<random>`. */
const TEMPORARY_OF = /^\.tmp-([0-9a-f]{64})-/;

export interface SweepCount {
  files: number;
  bytes: number;
}

export interface FileSweepReport {
  sweepId: string;
  dryRun: boolean;
  /** Another sweep was running: this one did nothing (and is no failure). */
  busy: boolean;
  /** Evidence uploads no event refers to, older than the retention: rows and file deleted. */
  unreferencedUploads: SweepCount;
  /** Evidence files on disk with no row (an upload, or a sweep, that died half-way). */
  orphanEvidenceFiles: SweepCount;
  /** LKj files no `LkjProduced` names (the loser of two producers). */
  orphanLkjFiles: SweepCount;
  /** Temporary files of writes that died. */
  temporaryFiles: SweepCount;
  bytesFreed: number;
}

export interface FileSweepSettings {
  /** DATA_DIR: evidence under `evidence/`, LKj files under `lkj/`. */
  dataDir: string;
  /** UNREFERENCED_UPLOAD_RETENTION_DAYS. */
  retentionDays: number;
}

export interface FileSweepRunOptions {
  dryRun?: boolean;
  /** Called after each file deleted (tests: a sweep that dies half-way). */
  afterDelete?: (deleted: number) => void | Promise<void>;
  /** Called once the unreferenced uploads are chosen, before any is locked (tests: force an interleaving). */
  beforeDeleting?: (chosen: Array<{ tenantId: string; sha256: string }>) => void | Promise<void>;
  /** Called when a batch's rows are deleted and its files not yet, their locks held (tests: force an interleaving). */
  beforeUnlink?: () => void | Promise<void>;
}

interface DiskFile {
  tenantId: string;
  /** Null for a temporary file. */
  sha256: string | null;
  path: string;
  size: number;
  mtimeMs: number;
}

interface ChosenUpload {
  tenantId: string;
  sha256: string;
}

const zero = (): SweepCount => ({ files: 0, bytes: 0 });

/**
 * Deletes the stored files nothing refers to, and records what it deleted (`file_sweep_deletions`,
 * one log line). Safe beside uploads and beside itself: one sweep at a time (a session advisory
 * lock; another one answers `busy`), and each evidence file is deleted under its own lock (the one
 * an upload takes), after checking again that it was not uploaded meanwhile. Rows go first, in a
 * transaction, then the file: a sweep that dies leaves files no row records, which the next run
 * deletes, and never a row whose file is gone. Restartable and idempotent: every run decides from
 * what is there now; a file already gone is not an error.
 */
export class FileSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: FileSweepSettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async run(options: FileSweepRunOptions = {}): Promise<FileSweepReport> {
    const report: FileSweepReport = {
      sweepId: randomUUID(), dryRun: options.dryRun === true, busy: false,
      unreferencedUploads: zero(), orphanEvidenceFiles: zero(), orphanLkjFiles: zero(), temporaryFiles: zero(), bytesFreed: 0,
    };
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      const [{ locked }]: Array<{ locked: boolean }> = await session.query(`SELECT pg_try_advisory_lock(${SWEEP_LOCK}) AS locked`);
      if (!locked) {
        report.busy = true;
        this.logger.info({ sweepId: report.sweepId, dryRun: report.dryRun }, 'File sweep skipped: another sweep is running');
        return report;
      }
      await this.sweep(session, report, options);
      report.bytesFreed = [report.unreferencedUploads, report.orphanEvidenceFiles, report.orphanLkjFiles, report.temporaryFiles]
        .reduce((sum, c) => sum + c.bytes, 0);
      this.logger.info({
        sweepId: report.sweepId, dryRun: report.dryRun, unreferencedUploads: report.unreferencedUploads,
        orphanEvidenceFiles: report.orphanEvidenceFiles, orphanLkjFiles: report.orphanLkjFiles, temporaryFiles: report.temporaryFiles,
        bytesFreed: report.bytesFreed,
      }, report.dryRun ? 'File sweep (dry run): what would be deleted' : 'File sweep done');
      return report;
    } finally {
      if (session.isTransactionActive) await session.rollbackTransaction().catch(() => undefined);
      // Every lock of this session: the sweep's and any file's still held after a failure.
      await session.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await session.release();
    }
  }

  private async sweep(session: QueryRunner, report: FileSweepReport, options: FileSweepRunOptions): Promise<void> {
    const now = this.clock.now().getTime();
    const cutoff = new Date(now - this.settings.retentionDays * DAY_MS);
    const orphanBefore = now - ORPHAN_FILE_MARGIN_MS;
    const deleted = { count: 0 };
    const afterDelete = async () => {
      deleted.count += 1;
      await options.afterDelete?.(deleted.count);
    };

    // 1. Evidence uploads no event names, last uploaded before the cutoff.
    const chosen = await this.unreferencedUploads(cutoff);
    await options.beforeDeleting?.(chosen);
    for (let i = 0; i < chosen.length; i += BATCH) {
      await this.deleteUploads(session, chosen.slice(i, i + BATCH), cutoff, report, options.dryRun === true, afterDelete, options.beforeUnlink);
    }

    // 2. Files on disk that nothing records, older than the margin.
    const evidenceRoot = join(this.settings.dataDir, 'evidence');
    const evidenceFiles = await listStoredFiles(evidenceRoot);
    await this.deleteTemporary('evidence', evidenceFiles, orphanBefore, report, options.dryRun === true, afterDelete, session);
    const referencedEvidence = await this.referenced(REFERENCED_EVIDENCE, EVIDENCE_REFERENCE_EVENTS);
    const unrecorded = await this.withoutRow(evidenceFiles.filter((f) => f.sha256 !== null && f.mtimeMs < orphanBefore && !referencedEvidence.has(f.sha256)));
    for (const file of unrecorded) {
      await this.deleteOrphanEvidence(session, file, orphanBefore, report, options.dryRun === true, afterDelete);
    }

    const lkjFiles = await listStoredFiles(join(this.settings.dataDir, 'lkj'));
    await this.deleteTemporary('lkj', lkjFiles, orphanBefore, report, options.dryRun === true, afterDelete);
    const referencedLkj = await this.referenced(REFERENCED_LKJ, LKJ_REFERENCE_EVENTS);
    for (const file of lkjFiles) {
      if (file.sha256 === null || file.mtimeMs >= orphanBefore || referencedLkj.has(file.sha256)) continue;
      await this.deleteOrphanLkj(file, orphanBefore, report, options.dryRun === true, afterDelete);
    }
  }

  /**
   * The uploads to delete, in one statement: no event of the reference types names the SHA-256 (in
   * any office), the bytes were last uploaded before `cutoff`, and no open integrity alert is about
   * the file (damage is kept for whoever investigates it).
   */
  private async unreferencedUploads(cutoff: Date): Promise<ChosenUpload[]> {
    const rows: Array<{ tenant_id: string; sha256: string }> = await this.dataSource.query(
      `WITH referenced AS (${REFERENCED_EVIDENCE})
       SELECT f.tenant_id, f.sha256 FROM evidence_files f
        WHERE f.last_uploaded_at < $2
          AND NOT EXISTS (SELECT 1 FROM referenced r WHERE r.sha256 = f.sha256)
          AND NOT EXISTS (SELECT 1 FROM integrity_alerts a
                           WHERE a.satker_code = f.tenant_id AND a.kind = $3 AND a.subject = $4 || f.sha256 AND a.resolved_at IS NULL)
        ORDER BY f.tenant_id, f.sha256`,
      [EVIDENCE_REFERENCE_EVENTS, cutoff, EVIDENCE_MISMATCH, evidenceSubject('')],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, sha256: r.sha256 }));
  }

  /**
   * Under the files' locks: deletes the rows still last uploaded before `cutoff` (an upload that
   * came meanwhile has moved it) and records them, commits, then deletes their files.
   */
  private async deleteUploads(
    session: QueryRunner, batch: ChosenUpload[], cutoff: Date, report: FileSweepReport, dryRun: boolean, afterDelete: () => Promise<void>,
    beforeUnlink?: () => void | Promise<void>,
  ): Promise<void> {
    const storage = new ContentAddressedStore(join(this.settings.dataDir, 'evidence'));
    if (dryRun) {
      for (const c of batch) {
        report.unreferencedUploads.files += 1;
        report.unreferencedUploads.bytes += await sizeOf(storage.pathOf(c.tenantId, c.sha256));
      }
      return;
    }
    const keys = batch.map((c) => storedFileLockKey('evidence', c.tenantId, c.sha256));
    const tenants = batch.map((c) => c.tenantId);
    const hashes = batch.map((c) => c.sha256);
    await session.query(`SELECT pg_advisory_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k`, [keys]);
    try {
      await session.startTransaction();
      const still = `SELECT f.tenant_id, f.sha256 FROM evidence_files f JOIN unnest($1::text[], $2::text[]) AS c(tenant_id, sha256)
                       ON f.tenant_id = c.tenant_id AND f.sha256 = c.sha256 WHERE f.last_uploaded_at < $3`;
      const uploads: Array<{ tenant_id: string; sha256: string; uploaded_by: string; subbagian: string | null }> = await session.query(
        `WITH deleted AS (DELETE FROM evidence_uploads u USING (${still}) s WHERE u.tenant_id = s.tenant_id AND u.sha256 = s.sha256
                           RETURNING u.tenant_id, u.sha256, u.uploaded_by, u.subbagian)
         SELECT * FROM deleted`,
        [tenants, hashes, cutoff],
      );
      const gone: Array<{ tenant_id: string; sha256: string; size: string; last_uploaded_at: Date }> = await session.query(
        `WITH gone AS (DELETE FROM evidence_files f USING (${still}) s WHERE f.tenant_id = s.tenant_id AND f.sha256 = s.sha256
                        RETURNING f.tenant_id, f.sha256, f.size, f.last_uploaded_at)
         SELECT * FROM gone`,
        [tenants, hashes, cutoff],
      );
      await session.query(
        `INSERT INTO file_sweep_deletions (sweep_id, swept_at, area, tenant_id, sha256, what, size, uploaded_at, uploaded_by, subbagians)
         SELECT $1, $2, 'evidence', t, s, 'unreferenced-upload', z, u,
                (SELECT array_agg(DISTINCT h.uploaded_by) FROM jsonb_to_recordset($7::jsonb) AS h(tenant_id text, sha256 text, uploaded_by text, subbagian text) WHERE h.tenant_id = t AND h.sha256 = s),
                (SELECT array_agg(DISTINCT h.subbagian) FROM jsonb_to_recordset($7::jsonb) AS h(tenant_id text, sha256 text, uploaded_by text, subbagian text) WHERE h.tenant_id = t AND h.sha256 = s AND h.subbagian IS NOT NULL)
           FROM unnest($3::text[], $4::text[], $5::bigint[], $6::timestamptz[]) AS x(t, s, z, u)`,
        [report.sweepId, this.clock.now(), gone.map((g) => g.tenant_id), gone.map((g) => g.sha256), gone.map((g) => g.size), gone.map((g) => g.last_uploaded_at), JSON.stringify(uploads)],
      );
      await session.commitTransaction();
      await beforeUnlink?.();
      for (const g of gone) {
        report.unreferencedUploads.files += 1;
        report.unreferencedUploads.bytes += await removeFile(storage.pathOf(g.tenant_id, g.sha256));
        await afterDelete();
      }
    } finally {
      if (session.isTransactionActive) await session.rollbackTransaction();
      await session.query(`SELECT pg_advisory_unlock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k`, [keys]);
    }
  }

  /** An evidence file with no row: deleted under its lock when still unrecorded and unchanged. */
  private async deleteOrphanEvidence(
    session: QueryRunner, file: DiskFile, orphanBefore: number, report: FileSweepReport, dryRun: boolean, afterDelete: () => Promise<void>,
  ): Promise<void> {
    if (dryRun) {
      report.orphanEvidenceFiles.files += 1;
      report.orphanEvidenceFiles.bytes += file.size;
      return;
    }
    const key = storedFileLockKey('evidence', file.tenantId, file.sha256!);
    await session.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [key]);
    try {
      const rows: unknown[] = await session.query(`SELECT 1 FROM evidence_files WHERE tenant_id = $1 AND sha256 = $2`, [file.tenantId, file.sha256]);
      if (rows.length > 0) return;
      const size = await sizeIfUnchangedSince(file.path, orphanBefore);
      if (size === null) return;
      await this.record(report.sweepId, 'evidence', file, session);
      report.orphanEvidenceFiles.files += 1;
      report.orphanEvidenceFiles.bytes += await unlinkFile(file.path, size);
      await afterDelete();
    } finally {
      await session.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]);
    }
  }

  private async deleteOrphanLkj(file: DiskFile, orphanBefore: number, report: FileSweepReport, dryRun: boolean, afterDelete: () => Promise<void>): Promise<void> {
    if (dryRun) {
      report.orphanLkjFiles.files += 1;
      report.orphanLkjFiles.bytes += file.size;
      return;
    }
    // Written again meanwhile (the same bytes rendered anew) makes it young again: kept.
    const size = await sizeIfUnchangedSince(file.path, orphanBefore);
    if (size === null) return;
    await this.record(report.sweepId, 'lkj', file);
    report.orphanLkjFiles.files += 1;
    report.orphanLkjFiles.bytes += await unlinkFile(file.path, size);
    await afterDelete();
  }

  /**
   * Temporary files older than the margin. With `session` (evidence), each under the lock of the
   * file it was being written as (`.tmp-<sha256>-…`), which an upload holds from writing it to its
   * rename: a write in flight is waited for and its temporary file is then gone, whatever the clocks
   * say of its age (a server's clock ahead of the file system's, or a test's). Each is recorded
   * ('temporary-file', with its name) before it is deleted, as every other deletion.
   */
  private async deleteTemporary(
    area: 'evidence' | 'lkj', files: DiskFile[], orphanBefore: number, report: FileSweepReport, dryRun: boolean, afterDelete: () => Promise<void>,
    session?: QueryRunner,
  ): Promise<void> {
    for (const file of files) {
      if (file.sha256 !== null || file.mtimeMs >= orphanBefore) continue;
      if (dryRun) {
        report.temporaryFiles.files += 1;
        report.temporaryFiles.bytes += file.size;
        continue;
      }
      const name = basename(file.path);
      const writing = TEMPORARY_OF.exec(name)?.[1] ?? null;
      const key = session && writing ? storedFileLockKey('evidence', file.tenantId, writing) : null;
      if (key) await session!.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [key]);
      try {
        const size = await sizeIfUnchangedSince(file.path, orphanBefore);
        if (size === null) continue;
        await this.record(report.sweepId, area, { ...file, sha256: writing, size }, session, name);
        const bytes = await unlinkFile(file.path, size);
        report.temporaryFiles.files += 1;
        report.temporaryFiles.bytes += bytes;
        await afterDelete();
      } finally {
        if (key) await session!.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]);
      }
    }
  }

  /** A file deleted with no row of its own: an orphan, or with `temporaryName` a temporary file (its SHA-256 the one it was written as, if known). */
  private async record(sweepId: string, area: 'evidence' | 'lkj', file: DiskFile, session?: QueryRunner, temporaryName?: string): Promise<void> {
    await (session ?? this.dataSource).query(
      `INSERT INTO file_sweep_deletions (sweep_id, swept_at, area, tenant_id, sha256, what, size, file_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [sweepId, this.clock.now(), area, file.tenantId, file.sha256, temporaryName === undefined ? 'orphan-file' : 'temporary-file', file.size, temporaryName ?? null],
    );
  }

  private async referenced(sql: string, types: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ sha256: string | null }> = await this.dataSource.query(sql, [types]);
    return new Set(rows.flatMap((r) => (r.sha256 === null ? [] : [r.sha256])));
  }

  /** Of `files`, those whose office records no row of their bytes (one statement per thousand). */
  private async withoutRow(files: DiskFile[]): Promise<DiskFile[]> {
    const result: DiskFile[] = [];
    for (let i = 0; i < files.length; i += 1000) {
      const chunk = files.slice(i, i + 1000);
      const rows: Array<{ tenant_id: string; sha256: string }> = await this.dataSource.query(
        `SELECT f.tenant_id, f.sha256 FROM evidence_files f JOIN unnest($1::text[], $2::text[]) AS c(tenant_id, sha256)
           ON f.tenant_id = c.tenant_id AND f.sha256 = c.sha256`,
        [chunk.map((f) => f.tenantId), chunk.map((f) => f.sha256)],
      );
      const recorded = new Set(rows.map((r) => `${r.tenant_id}/${r.sha256}`));
      result.push(...chunk.filter((f) => !recorded.has(`${f.tenantId}/${f.sha256}`)));
    }
    return result;
  }
}

/** `<root>/<tenant>/<aa>/<sha256>` and the temporary `.tmp-…` files beside them; anything else is left alone. */
async function listStoredFiles(root: string): Promise<DiskFile[]> {
  const files: DiskFile[] = [];
  for (const tenant of await directories(root)) {
    for (const prefix of await directories(join(root, tenant))) {
      let names: string[];
      try {
        names = await readdir(join(root, tenant, prefix));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      for (const name of names) {
        const sha256 = SHA256.test(name) && name.startsWith(prefix) ? name : null;
        if (sha256 === null && !name.startsWith('.tmp-')) continue;
        const path = join(root, tenant, prefix, name);
        try {
          const s = await stat(path);
          if (s.isFile()) files.push({ tenantId: tenant, sha256, path, size: s.size, mtimeMs: s.mtimeMs });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    }
  }
  return files;
}

async function directories(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/**
 * The file's size when it is still there and was last written before `before`; null otherwise. One
 * `stat` serves both the check and the size `unlinkFile` reports.
 */
async function sizeIfUnchangedSince(path: string, before: number): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.mtimeMs < before ? s.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Deletes the file; its size, or 0 when it was already gone (not an error). */
async function removeFile(path: string): Promise<number> {
  return unlinkFile(path, await sizeOf(path));
}

/** Deletes the file whose size is already known: `size`, or 0 when it was already gone. */
async function unlinkFile(path: string, size: number): Promise<number> {
  try {
    await unlink(path);
    return size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
