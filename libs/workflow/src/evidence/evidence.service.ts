import { Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError } from '@kinerja/domain';
import { AppConfig, Clock, ContentAddressedStore, LOCK_STORED_FILE_FOR_TRANSACTION, sha256Of, StorageError, storedFileLockKey } from '@kinerja/platform';
import { EVIDENCE_MISMATCH, evidenceSubject, IntegrityService, sha256OfEvidenceSubject, storedFileProblem, type SubjectCheck } from '@kinerja/projections';
import type { RealisasiKey } from '@kinerja/domain';
import type { WorkflowActor } from '../shared/workflow-actor';
import { cleanFileName } from './clean-file-name';
import { EVIDENCE_ALERT_SOURCE, evidenceMismatchDamage, reportsReferencing } from './evidence-mismatch.alert';
import { type EvidenceHolder, expiredUploadsOf, filesOf, uploadedName } from './evidence-scope';
import { type EvidenceContentType, type EvidenceInspection, type EvidenceKind, EVIDENCE_TYPES, inspectEvidence, type PackageLimits } from './evidence-type.detect';
import { EvidenceUploadLimiter } from './evidence-upload.limiter';

export { cleanFileName } from './clean-file-name';

/** What a report line references: `{ sha256, fileName, contentType, size }`. */
export interface EvidenceFile {
  sha256: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

const TYPE_NAME: Record<EvidenceKind, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG', docx: 'DOCX', xlsx: 'XLSX' };

export const evidenceErrors = {
  tooLarge: (max: number) =>
    new DomainError('EVIDENCE.TOO_LARGE', `Ukuran file bukti dukung melebihi batas ${Math.floor(max / 1024 / 1024 * 10) / 10} MB.`, 'validation', { maxBytes: max }),
  typeNotAllowed: (legacyOffice = false) =>
    new DomainError(
      'EVIDENCE.TYPE_NOT_ALLOWED',
      legacyOffice
        ? 'Jenis file tidak diizinkan: dokumen Office format lama (.doc/.xls) atau yang dilindungi kata sandi tidak diterima. ' +
          'Buka proteksi kata sandinya dan simpan sebagai .docx/.xlsx (atau PDF), lalu unggah kembali.'
        : 'Jenis file tidak diizinkan: unggah PDF, JPEG, PNG, DOCX atau XLSX.',
      'validation',
      { allowed: Object.keys(EVIDENCE_TYPES) },
    ),
  /** The file starts like `type` but is not a whole file of it; `reason` says what is missing, in Indonesian. */
  fileDamaged: (type: EvidenceKind, reason: string) =>
    new DomainError(
      'EVIDENCE.FILE_DAMAGED',
      `Berkas ${TYPE_NAME[type]} tidak utuh atau rusak (${reason}): simpan ulang dari aplikasinya lalu unggah kembali.`,
      'validation',
      { type, reason },
    ),
  /** A PDF that does not open without a password or a certificate (`securityHandler`: its /Filter, `Standard` for passwords). */
  passwordProtected: (securityHandler: string) =>
    new DomainError(
      'EVIDENCE.PASSWORD_PROTECTED',
      securityHandler === 'Standard'
        ? 'Berkas PDF dilindungi kata sandi untuk membukanya, sehingga Sekretaris dan Inspektorat tidak dapat membacanya saat reviu. ' +
          'Buka berkas itu, simpan atau cetak ulang sebagai PDF tanpa kata sandi, lalu unggah kembali.'
        : `Berkas PDF dilindungi kata sandi atau sertifikat (${securityHandler}), sehingga Sekretaris dan Inspektorat tidak dapat membacanya saat reviu. ` +
          'Buka berkas itu, simpan atau cetak ulang sebagai PDF tanpa kata sandi atau sertifikat, lalu unggah kembali.',
      'validation',
      { type: 'pdf', securityHandler },
    ),
  macroNotAllowed: (type: 'docx' | 'xlsx', part: string) =>
    new DomainError(
      'EVIDENCE.MACRO_NOT_ALLOWED',
      `Dokumen berisi makro: simpan sebagai ${type === 'docx' ? 'Dokumen Word (.docx)' : 'Buku Kerja Excel (.xlsx)'} tanpa makro, atau sebagai PDF, lalu unggah kembali.`,
      'validation',
      { type, part },
    ),
  unpackedTooLarge: (type: 'docx' | 'xlsx', found: { unpackedBytes: number; entries: number }, limits: PackageLimits) =>
    new DomainError(
      'EVIDENCE.UNPACKED_TOO_LARGE',
      `Isi dokumen ${TYPE_NAME[type]} terlalu besar setelah dibuka (batas ${Math.floor(limits.maxUnpackedBytes / 1024 / 1024)} MB dan ${limits.maxEntries} bagian): ` +
        'kecilkan gambar di dalamnya atau bagi menjadi beberapa berkas, atau simpan sebagai PDF, lalu unggah kembali.',
      'validation',
      { type, ...found, ...limits },
    ),
  missingFile: () => new DomainError('EVIDENCE.FILE_REQUIRED', 'File bukti dukung wajib dikirim pada field "file".', 'validation'),
  oneFileOnly: () =>
    new DomainError('EVIDENCE.ONE_FILE_ONLY', 'Kirim satu file bukti dukung per unggahan (field "file"); unggah file lainnya satu per satu.', 'validation'),
  emptyFile: () => new DomainError('EVIDENCE.EMPTY_FILE', 'File bukti dukung kosong (0 byte): pilih file yang berisi dokumen.', 'validation'),
  /** `reason` in Indonesian, `parserMessage` as the multipart parser said it. */
  malformedUpload: (problem: { reason: string; parserMessage: string }) =>
    new DomainError('EVIDENCE.MALFORMED_UPLOAD', `Unggahan tidak dapat dibaca: ${problem.reason}. Kirim multipart/form-data dengan satu file pada field "file".`, 'validation', { ...problem }),
  notFound: (sha256: string) => new DomainError('EVIDENCE.NOT_FOUND', 'Bukti dukung tidak ditemukan.', 'not_found', { sha256 }),
  integrityFailed: (sha256: string) =>
    new DomainError('EVIDENCE.INTEGRITY_FAILED', 'Isi file bukti dukung tidak cocok dengan sidik jarinya (SHA-256); file tidak diberikan. Hubungi administrator.', 'conflict', { sha256 }),
};

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * What a DOCX/XLSX may unpack to: 10× EVIDENCE_MAX_BYTES, at least 100 MiB (real documents are
 * mostly images, stored nearly as they are; a spreadsheet's XML packs 5–15×), and 10,000 parts.
 */
export function packageLimits(evidenceMaxBytes: number): PackageLimits {
  return { maxUnpackedBytes: Math.max(10 * evidenceMaxBytes, 100 * 1024 * 1024), maxEntries: 10_000 };
}

/** The content type of an accepted file, or the refusal of the inspection. */
export function contentTypeOrRefusal(inspection: EvidenceInspection, limits: PackageLimits): EvidenceContentType {
  switch (inspection.verdict) {
    case 'accepted': return inspection.contentType;
    case 'not_allowed': throw evidenceErrors.typeNotAllowed(inspection.legacyOffice);
    case 'damaged': throw evidenceErrors.fileDamaged(inspection.kind, inspection.reason);
    case 'password_protected': throw evidenceErrors.passwordProtected(inspection.securityHandler);
    case 'macro': throw evidenceErrors.macroNotAllowed(inspection.kind, inspection.part);
    case 'unpacked_too_large': throw evidenceErrors.unpackedTooLarge(inspection.kind, { unpackedBytes: inspection.unpackedBytes, entries: inspection.entries }, limits);
  }
}

/** Bukti dukung: stored once per office and content, served only when its bytes still match. */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');
  private readonly storage: ContentAddressedStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly integrity: IntegrityService,
    private readonly limiter: EvidenceUploadLimiter,
  ) {
    // Created now, as the API starts: never again while it runs (ContentAddressedStore).
    this.storage = ContentAddressedStore.createdAt(join(config.DATA_DIR, 'evidence'));
  }

  /** Refuses an upload before its body is read when the account has used up its upload limits. */
  assertMayUpload(actor: Pick<WorkflowActor, 'id'>): Promise<void> {
    return this.limiter.assertNotExhausted(actor.id);
  }

  async store(satker: string, actor: WorkflowActor, file: UploadedFile | undefined): Promise<EvidenceFile> {
    if (!file || !file.buffer) throw evidenceErrors.missingFile();
    if (file.buffer.length === 0) throw evidenceErrors.emptyFile();
    if (file.buffer.length > this.config.EVIDENCE_MAX_BYTES) throw evidenceErrors.tooLarge(this.config.EVIDENCE_MAX_BYTES);
    // Refused before anything is counted or written: a refused file leaves no trace but the answer.
    const limits = packageLimits(this.config.EVIDENCE_MAX_BYTES);
    const contentType = contentTypeOrRefusal(inspectEvidence(file.buffer, limits), limits);
    const counted = await this.limiter.count(actor.id, file.buffer.length);
    const sha256 = sha256Of(file.buffer);
    const fileName = cleanFileName(file.originalname, contentType);
    const now = this.clock.now();
    // Under the file's lock, which the file sweep holds from its last check until the file is
    // gone: either the sweep has deleted it and it is written again here, or this upload moves
    // `last_uploaded_at` first and the sweep, checking again, keeps it. A disk that refuses the
    // bytes (StorageError: 503, or 507 when full) rolls the rows back and takes the file out of the
    // account's count: the refusal leaves nothing behind.
    await this.dataSource.transaction(async (manager) => {
      await manager.query(LOCK_STORED_FILE_FOR_TRANSACTION, [storedFileLockKey('evidence', satker, sha256)]);
      // The bytes are written unless the store already holds them intact: uploading the original
      // again repairs a stored file that was swapped or damaged. A store that cannot say (its folder
      // not made yet, or the disk failing) is written to, and the write says what is wrong.
      const held = await this.storage.read(satker, sha256).catch(nothingHeldOnStorageError);
      if (held?.actualSha256 !== sha256) await this.storage.write(satker, file.buffer);
      await manager.query(
        `INSERT INTO evidence_files (tenant_id, sha256, file_name, content_type, size, uploaded_by, uploaded_at, last_uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (tenant_id, sha256) DO UPDATE SET last_uploaded_at = GREATEST(evidence_files.last_uploaded_at, EXCLUDED.last_uploaded_at)`,
        [satker, sha256, fileName, contentType, file.buffer.length, actor.id, now],
      );
      // Every account that uploads the bytes is recorded: they are then its (and its subbagian's) file.
      await manager.query(
        `INSERT INTO evidence_uploads (tenant_id, sha256, uploaded_by, subbagian, file_name, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, sha256, uploaded_by) DO NOTHING`,
        [satker, sha256, actor.id, holderOf(actor).subbagian, fileName, now],
      );
    }).catch(async (error: unknown) => {
      if (error instanceof StorageError && counted) await this.limiter.takeBack(actor.id, file.buffer.length);
      throw error;
    });
    return { sha256, fileName, contentType, size: file.buffer.length };
  }

  /**
   * The file after re-hashing it: a swapped, damaged or missing file is refused (409), logged, and
   * recorded as an integrity alert of the office (detected by `reader`), never served. When the
   * storage itself is missing or unreadable (the data folder unmounted), the store's StorageError
   * (503) is the answer and no alert is raised: every file would look missing, and none was tampered with.
   */
  async fetch(satker: string, sha256: string, reader: Pick<WorkflowActor, 'id' | 'role' | 'subbagian'>): Promise<EvidenceFile & { bytes: Buffer }> {
    if (!SHA256.test(sha256)) throw evidenceErrors.notFound(sha256);
    const row = await this.find(satker, sha256, reader);
    if (!row) throw evidenceErrors.notFound(sha256);
    const read = await this.storage.read(satker, sha256);
    if (!read || read.actualSha256 !== sha256) {
      // The file sweep may have deleted it (no report refers to it) since its row was read: that
      // is a file the office no longer holds, not damage.
      if (!(await this.stillHeld(satker, sha256))) throw evidenceErrors.notFound(sha256);
      this.logger.error({
        msg: 'EVIDENCE INTEGRITY FAILURE: the stored file does not match its SHA-256 (swapped, damaged or missing); not served',
        alert: 'EVIDENCE_INTEGRITY', satker, sha256, actualSha256: read?.actualSha256 ?? null, path: this.storage.pathOf(satker, sha256),
      });
      await this.recordMismatch(satker, row, read?.actualSha256 ?? null, reader.id);
      throw evidenceErrors.integrityFailed(sha256);
    }
    return { ...row, bytes: read.bytes };
  }

  /** Whether the office still records the file, asked under its lock (after any sweep of it has ended). */
  private stillHeld(satker: string, sha256: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(LOCK_STORED_FILE_FOR_TRANSACTION, [storedFileLockKey('evidence', satker, sha256)]);
      const rows: unknown[] = await manager.query(`SELECT 1 FROM evidence_files WHERE tenant_id = $1 AND sha256 = $2`, [satker, sha256]);
      return rows.length > 0;
    });
  }

  /**
   * Whether the damage of an evidence alert is still there (the `SubjectCheck` an alert is closed
   * with): null once the stored file hashes to its SHA-256 again, else why, in Bahasa Indonesia.
   */
  readonly subjectProblem: SubjectCheck = (satker, subject) =>
    storedFileProblem(this.storage, satker, subject, sha256OfEvidenceSubject(subject), 'berkas bukti dukung');

  /**
   * One open alert per office and file (the unique index on kind and subject decides): downloading
   * a damaged file again adds log lines, not alerts. The refusal stands even when the alert cannot
   * be written; that failure is logged.
   */
  private async recordMismatch(satker: string, file: EvidenceFile, actualSha256: string | null, detectedBy: string): Promise<void> {
    try {
      if (await this.integrity.hasOpenAlert(satker, EVIDENCE_MISMATCH, evidenceSubject(file.sha256))) return;
      const reports = await reportsReferencing(this.dataSource, satker, file.sha256);
      await this.integrity.recordSubjectDamage(satker, EVIDENCE_ALERT_SOURCE, detectedBy, evidenceMismatchDamage(file, actualSha256, reports));
    } catch (error) {
      this.logger.error({ msg: 'Could not record the evidence integrity alert', satker, sha256: file.sha256, err: error });
    }
  }

  /**
   * Every reference of a report must name a file of the saver's own subbagian (see `filesOf`:
   * uploaded by the saver or by an account of the subbagian, or already referred to by one of its
   * reports), and say of it what the office holds: its type as detected at upload and its size.
   * Another subbagian's file is refused exactly like a file never uploaded (same code, message and
   * details), so that the answer never tells whether the office holds it. A saver who may not write
   * this report at all (anyone but the Kasubbag of its subbagian) is refused by the decider whatever
   * the references say, so they are not looked at here: answering about them would tell a stranger
   * which files that subbagian holds.
   */
  async assertUploaded(
    key: Pick<RealisasiKey, 'satker' | 'subbagian'>,
    actor: Pick<WorkflowActor, 'id' | 'role' | 'subbagian'>,
    content: { lines: Array<{ indicatorCode: string; evidence: Array<{ sha256: string; contentType?: unknown; size?: unknown }> }> } | undefined,
  ): Promise<void> {
    if (actor.role !== 'KASUBBAG' || actor.subbagian !== key.subbagian) return;
    const refs = (content?.lines ?? []).flatMap((l) =>
      (Array.isArray(l.evidence) ? l.evidence : []).map((e) => ({ indicator: l.indicatorCode, sha256: String(e?.sha256), contentType: e?.contentType, size: e?.size })),
    );
    if (refs.length === 0) return;
    const uploadedSince = attachableSince(this.clock.now(), this.config.UNREFERENCED_UPLOAD_RETENTION_DAYS);
    const known = await filesOf(this.dataSource, key.satker, [...new Set(refs.map((r) => r.sha256))], holderOf(actor), { uploadedSince });
    const missing = refs.filter((r) => !known.has(r.sha256));
    if (missing.length > 0) {
      const expired = await expiredUploadsOf(this.dataSource, key.satker, [...new Set(missing.map((m) => m.sha256))], holderOf(actor), uploadedSince);
      throw evidenceNotAttachable(missing, expired, this.config.UNREFERENCED_UPLOAD_RETENTION_DAYS);
    }
    const mismatched = refs.flatMap((r) => {
      const file = known.get(r.sha256)!;
      return r.contentType === file.contentType && r.size === file.size
        ? []
        : [{ indicator: r.indicator, sha256: r.sha256, sent: { contentType: r.contentType, size: r.size }, stored: file }];
    });
    if (mismatched.length > 0) {
      throw new DomainError(
        'REALISASI.EVIDENCE_MISMATCH',
        `Jenis atau ukuran bukti dukung indikator ${[...new Set(mismatched.map((m) => m.indicator))].join(', ')} tidak sama dengan file yang diunggah; ` +
          'lampirkan jenis dan ukuran berkas seperti yang tercatat saat berkas itu diunggah.',
        'validation',
        { mismatched },
      );
    }
  }

  /**
   * The file as `reader` may see it, or null. A Kasubbag reads the files of their own subbagian
   * only, as its reports (see `filesOf`); another subbagian's file answers as a file that does not
   * exist. The Sekretaris, the Ketua and the Inspektorat read every file of the office. The name is
   * cleaned again (type extension, no direction characters), for files stored before that rule.
   */
  private async find(satker: string, sha256: string, reader: Pick<WorkflowActor, 'id' | 'role' | 'subbagian'>): Promise<EvidenceFile | null> {
    const holder = holderOf(reader);
    // A Kasubbag's file is looked for among their subbagian's first: another subbagian's file and a
    // file that does not exist then cost the same queries, and take the same time to refuse.
    if (reader.role === 'KASUBBAG' && !(await filesOf(this.dataSource, satker, [sha256], holder)).has(sha256)) return null;
    const rows: Array<{ file_name: string; content_type: string; size: string }> = await this.dataSource.query(
      `SELECT file_name, content_type, size FROM evidence_files WHERE tenant_id = $1 AND sha256 = $2`,
      [satker, sha256],
    );
    if (rows.length === 0) return null;
    const name = (await uploadedName(this.dataSource, satker, sha256, holder)) ?? rows[0].file_name;
    return { sha256, fileName: cleanFileName(name, rows[0].content_type), contentType: rows[0].content_type, size: Number(rows[0].size) };
  }
}

/**
 * An upload no report refers to yet can be attached until an hour before the file sweep may delete
 * it (UNREFERENCED_UPLOAD_RETENTION_DAYS after its last upload): a report saved with it then has
 * long been appended when the sweep reads which files the events refer to. Uploading it again
 * starts the time anew.
 */
export const ATTACH_MARGIN_MS = 60 * 60 * 1000;

export function attachableSince(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000 + ATTACH_MARGIN_MS);
}

/**
 * References a report may not make. Never uploaded by the subbagian (or another subbagian's file,
 * answered alike): `REALISASI.EVIDENCE_NOT_UPLOADED`. When every one is the subbagian's own upload
 * that was not attached within UNREFERENCED_UPLOAD_RETENTION_DAYS (past the window, or already
 * deleted by the file sweep): `REALISASI.EVIDENCE_EXPIRED`, which says to upload it again. A mix
 * keeps NOT_UPLOADED, and its message names the expired ones too. `details.missing` lists every
 * refused reference, `details.expired` the expired ones.
 */
function evidenceNotAttachable(missing: Array<{ indicator: string; sha256: string }>, expired: Set<string>, retentionDays: number): DomainError {
  const indicators = (refs: typeof missing) => [...new Set(refs.map((m) => m.indicator))].join(', ');
  const old = missing.filter((m) => expired.has(m.sha256));
  const never = missing.filter((m) => !expired.has(m.sha256));
  const expiredWords = old.length === 0 ? '' :
    `Bukti dukung indikator ${indicators(old)} sudah kedaluwarsa: diunggah lebih dari ${retentionDays} hari lalu dan belum pernah dilampirkan ke laporan. ` +
    'Unggah ulang berkas itu, lalu lampirkan lagi ke laporan.';
  const details = { missing: missing.map(({ indicator, sha256 }) => ({ indicator, sha256 })), expired: old.map(({ indicator, sha256 }) => ({ indicator, sha256 })) };
  if (never.length === 0) return new DomainError('REALISASI.EVIDENCE_EXPIRED', expiredWords, 'validation', details);
  return new DomainError(
    'REALISASI.EVIDENCE_NOT_UPLOADED',
    `Bukti dukung indikator ${indicators(never)} belum diunggah oleh subbagian Anda; unggah berkasnya dahulu, lalu lampirkan ke laporan.${expiredWords ? ` ${expiredWords}` : ''}`,
    'validation',
    details,
  );
}

function nothingHeldOnStorageError(error: unknown): null {
  if (error instanceof StorageError) return null;
  throw error;
}

/** The subbagian counts for a Kasubbag only: other roles upload and read as themselves. */
function holderOf(actor: Pick<WorkflowActor, 'id' | 'role' | 'subbagian'>): EvidenceHolder {
  return { id: actor.id, subbagian: actor.role === 'KASUBBAG' ? actor.subbagian : null };
}
