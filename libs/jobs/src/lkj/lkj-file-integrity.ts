import type { Logger } from 'pino';
import type { LkjFile } from '@kinerja/domain';
import { join } from 'node:path';
import { ContentAddressedStore } from '@kinerja/platform';
import { LKJ_FILE_MISMATCH, lkjFileSubject, sha256OfLkjFileSubject } from '@kinerja/projections/audit-trail/integrity.events';
import { storedFileProblem, type IntegrityService, type SubjectCheck, type SubjectDamage } from '@kinerja/projections/audit-trail/integrity.service';

export { LKJ_FILE_MISMATCH, lkjFileSubject };

/** Where it is detected: a download that re-hashed the stored file. */
export const LKJ_ALERT_SOURCE = 'lkj-download';

/**
 * Where the produced DOCX and PDF are kept, by office and SHA-256, under DATA_DIR; its folder is
 * created here, as the process that needs it starts, and never while it runs (ContentAddressedStore).
 */
export function lkjFileStore(dataDir: string): ContentAddressedStore {
  return ContentAddressedStore.createdAt(join(dataDir, 'lkj'));
}

/** The file as `LkjProduced` recorded it, and which version of which year it belongs to. */
export interface LkjFileRef extends LkjFile {
  year: number;
  version: number;
  draft: boolean;
}

/** The alert's words, in Bahasa Indonesia: which file, what was recorded, what is there now. */
export function lkjFileMismatchDamage(file: LkjFileRef, actualSha256: string | null): SubjectDamage {
  const found = actualSha256 === null ? 'tidak ditemukan di penyimpanan' : `di penyimpanan tidak cocok: isinya kini ber-SHA-256 ${actualSha256}`;
  return {
    kind: LKJ_FILE_MISMATCH,
    subject: lkjFileSubject(file.sha256),
    detail: `Berkas ${file.format} LKj ${file.year} versi ${file.version}${file.draft ? ' (draf)' : ''} (SHA-256 tercatat ${file.sha256}, ` +
      `${file.size} bita) ${found}. Berkas tidak diberikan kepada pengunduh; pulihkan berkas aslinya dari cadangan, atau minta versi LKj baru.`,
  };
}

/**
 * Damage to a stored LKj file, recorded as an integrity alert of the office as a damaged evidence
 * file is (EvidenceService): one open alert per office and file, whoever downloads it and however
 * often (the unique index on kind and subject decides), never blocking the refusal itself.
 */
export class LkjFileIntegrity {
  constructor(
    private readonly files: ContentAddressedStore,
    private readonly integrity: Pick<IntegrityService, 'hasOpenAlert' | 'recordSubjectDamage'>,
    private readonly logger: Logger,
  ) {}

  async recordMismatch(satker: string, file: LkjFileRef, actualSha256: string | null, detectedBy: string | null): Promise<void> {
    this.logger.error(
      { alert: 'LKJ_FILE_INTEGRITY', satker, year: file.year, version: file.version, format: file.format, sha256: file.sha256, actualSha256, path: this.files.pathOf(satker, file.sha256) },
      'LKJ FILE INTEGRITY FAILURE: the stored file does not match its SHA-256 (swapped, damaged or missing); not served',
    );
    try {
      if (await this.integrity.hasOpenAlert(satker, LKJ_FILE_MISMATCH, lkjFileSubject(file.sha256))) return;
      await this.integrity.recordSubjectDamage(satker, LKJ_ALERT_SOURCE, detectedBy, lkjFileMismatchDamage(file, actualSha256));
    } catch (error) {
      this.logger.error({ satker, sha256: file.sha256, err: error }, 'Could not record the LKj file integrity alert');
    }
  }

  /**
   * Whether the damage of an LKj file alert is still there (the `SubjectCheck` such an alert is
   * closed with): null once the stored file hashes to its SHA-256 again, else why.
   */
  readonly subjectProblem: SubjectCheck = (satker, subject) =>
    storedFileProblem(this.files, satker, subject, sha256OfLkjFileSubject(subject), 'berkas LKj');
}
