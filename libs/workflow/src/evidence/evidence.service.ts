import { Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError } from '@kinerja/domain';
import { AppConfig, Clock, ContentAddressedStore, sha256Of } from '@kinerja/platform';
import { EVIDENCE_MISMATCH, evidenceSubject, IntegrityService, sha256OfEvidenceSubject, storedFileProblem, type SubjectCheck } from '@kinerja/projections';
import type { WorkflowActor } from '../shared/workflow-actor';
import { EVIDENCE_ALERT_SOURCE, evidenceMismatchDamage, reportsReferencing } from './evidence-mismatch.alert';
import { detectEvidenceType, EVIDENCE_TYPES } from './evidence-type.detect';

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

export const evidenceErrors = {
  tooLarge: (max: number) =>
    new DomainError('EVIDENCE.TOO_LARGE', `Ukuran file bukti dukung melebihi batas ${Math.floor(max / 1024 / 1024 * 10) / 10} MB.`, 'validation', { maxBytes: max }),
  typeNotAllowed: () =>
    new DomainError('EVIDENCE.TYPE_NOT_ALLOWED', 'Jenis file tidak diizinkan: unggah PDF, JPEG, PNG, DOCX atau XLSX.', 'validation', { allowed: Object.keys(EVIDENCE_TYPES) }),
  missingFile: () => new DomainError('EVIDENCE.FILE_REQUIRED', 'File bukti dukung wajib dikirim pada field "file".', 'validation'),
  emptyFile: () => new DomainError('EVIDENCE.EMPTY_FILE', 'File bukti dukung kosong (0 byte): pilih file yang berisi dokumen.', 'validation'),
  malformedUpload: (reason: string) =>
    new DomainError('EVIDENCE.MALFORMED_UPLOAD', 'Unggahan tidak dapat dibaca: kirim multipart/form-data dengan satu file pada field "file".', 'validation', { reason }),
  notFound: (sha256: string) => new DomainError('EVIDENCE.NOT_FOUND', 'Bukti dukung tidak ditemukan.', 'not_found', { sha256 }),
  integrityFailed: (sha256: string) =>
    new DomainError('EVIDENCE.INTEGRITY_FAILED', 'Isi file bukti dukung tidak cocok dengan sidik jarinya (SHA-256); file tidak diberikan. Hubungi administrator.', 'conflict', { sha256 }),
};

const SHA256 = /^[0-9a-f]{64}$/;

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
  ) {
    this.storage = new ContentAddressedStore(join(config.DATA_DIR, 'evidence'));
  }

  async store(satker: string, actor: WorkflowActor, file: UploadedFile | undefined): Promise<EvidenceFile> {
    if (!file || !file.buffer) throw evidenceErrors.missingFile();
    if (file.buffer.length === 0) throw evidenceErrors.emptyFile();
    if (file.buffer.length > this.config.EVIDENCE_MAX_BYTES) throw evidenceErrors.tooLarge(this.config.EVIDENCE_MAX_BYTES);
    const contentType = detectEvidenceType(file.buffer);
    if (contentType === null) throw evidenceErrors.typeNotAllowed();
    const sha256 = sha256Of(file.buffer);
    const fileName = cleanFileName(file.originalname);
    // The bytes are written unless the store already holds them intact: uploading the original
    // again repairs a stored file that was swapped or damaged.
    const held = await this.storage.read(satker, sha256);
    if (held?.actualSha256 !== sha256) await this.storage.write(satker, file.buffer);
    await this.dataSource.query(
      `INSERT INTO evidence_files (tenant_id, sha256, file_name, content_type, size, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, sha256) DO NOTHING`,
      [satker, sha256, fileName, contentType, file.buffer.length, actor.id, this.clock.now()],
    );
    return { sha256, fileName, contentType, size: file.buffer.length };
  }

  /**
   * The file after re-hashing it: a swapped, damaged or missing file is refused (409), logged, and
   * recorded as an integrity alert of the office (detected by `reader`), never served.
   */
  async fetch(satker: string, sha256: string, reader: Pick<WorkflowActor, 'id' | 'role' | 'subbagian'>): Promise<EvidenceFile & { bytes: Buffer }> {
    if (!SHA256.test(sha256)) throw evidenceErrors.notFound(sha256);
    const row = await this.find(satker, sha256);
    if (!row || !(await this.mayRead(satker, row, reader))) throw evidenceErrors.notFound(sha256);
    const read = await this.storage.read(satker, sha256);
    if (!read || read.actualSha256 !== sha256) {
      this.logger.error({
        msg: 'EVIDENCE INTEGRITY FAILURE: the stored file does not match its SHA-256 (swapped, damaged or missing); not served',
        alert: 'EVIDENCE_INTEGRITY', satker, sha256, actualSha256: read?.actualSha256 ?? null, path: this.storage.pathOf(satker, sha256),
      });
      await this.recordMismatch(satker, row, read?.actualSha256 ?? null, reader.id);
      throw evidenceErrors.integrityFailed(sha256);
    }
    const { uploadedBy: _uploadedBy, ...file } = row;
    return { ...file, bytes: read.bytes };
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
   * Every reference of a report must name a file uploaded to this office (any name, same content),
   * and say of it what the office holds: its type as detected at upload and its size. The event
   * records the reference as sent, so a reference that disagrees with the file is refused rather
   * than written into the history.
   */
  async assertUploaded(
    satker: string,
    content: { lines: Array<{ indicatorCode: string; evidence: Array<{ sha256: string; contentType?: unknown; size?: unknown }> }> } | undefined,
  ): Promise<void> {
    const refs = (content?.lines ?? []).flatMap((l) =>
      (Array.isArray(l.evidence) ? l.evidence : []).map((e) => ({ indicator: l.indicatorCode, sha256: e?.sha256, contentType: e?.contentType, size: e?.size })),
    );
    if (refs.length === 0) return;
    const rows: Array<{ sha256: string; content_type: string; size: string }> = await this.dataSource.query(
      `SELECT sha256, content_type, size FROM evidence_files WHERE tenant_id = $1 AND sha256 = ANY($2::text[])`,
      [satker, refs.map((r) => String(r.sha256))],
    );
    const known = new Map(rows.map((r) => [r.sha256, { contentType: r.content_type, size: Number(r.size) }]));
    const missing = refs.filter((r) => !known.has(String(r.sha256)));
    if (missing.length > 0) {
      throw new DomainError(
        'REALISASI.EVIDENCE_NOT_UPLOADED',
        `Bukti dukung indikator ${[...new Set(missing.map((m) => m.indicator))].join(', ')} belum diunggah ke satker ini; unggah dahulu lewat POST evidence.`,
        'validation',
        { missing: missing.map(({ indicator, sha256 }) => ({ indicator, sha256 })) },
      );
    }
    const mismatched = refs.flatMap((r) => {
      const file = known.get(String(r.sha256))!;
      return r.contentType === file.contentType && r.size === file.size
        ? []
        : [{ indicator: r.indicator, sha256: r.sha256, sent: { contentType: r.contentType, size: r.size }, stored: file }];
    });
    if (mismatched.length > 0) {
      throw new DomainError(
        'REALISASI.EVIDENCE_MISMATCH',
        `Jenis atau ukuran bukti dukung indikator ${[...new Set(mismatched.map((m) => m.indicator))].join(', ')} tidak sama dengan file yang diunggah; ` +
          'gunakan contentType dan size dari jawaban unggahan (POST evidence).',
        'validation',
        { mismatched },
      );
    }
  }

  /**
   * A Kasubbag reads the files of their own subbagian only, as its reports: one they uploaded, or
   * one a report of their subbagian refers to. Another subbagian's file answers as a file that does
   * not exist. The Sekretaris, the Ketua and the Inspektorat read every file of the office.
   */
  private async mayRead(satker: string, file: EvidenceFile & { uploadedBy: string }, reader: Pick<WorkflowActor, 'id' | 'role' | 'subbagian'>): Promise<boolean> {
    if (reader.role !== 'KASUBBAG' || file.uploadedBy === reader.id) return true;
    const reports = await reportsReferencing(this.dataSource, satker, file.sha256, reader.subbagian);
    return reports.length > 0;
  }

  private async find(satker: string, sha256: string): Promise<(EvidenceFile & { uploadedBy: string }) | null> {
    const rows: Array<{ file_name: string; content_type: string; size: string; uploaded_by: string }> = await this.dataSource.query(
      `SELECT file_name, content_type, size, uploaded_by FROM evidence_files WHERE tenant_id = $1 AND sha256 = $2`,
      [satker, sha256],
    );
    if (rows.length === 0) return null;
    return { sha256, fileName: rows[0].file_name, contentType: rows[0].content_type, size: Number(rows[0].size), uploadedBy: rows[0].uploaded_by };
  }
}

/**
 * A name safe to show and to put in Content-Disposition: no path, no control characters, ≤ 200
 * chars; a longer name is shortened before its extension, which tells what the file is.
 */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean === '') return 'bukti-dukung';
  if (clean.length <= FILE_NAME_MAX) return clean;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(clean)?.[0] ?? '';
  return `${clean.slice(0, FILE_NAME_MAX - extension.length).trimEnd()}${extension}`;
}

const FILE_NAME_MAX = 200;
