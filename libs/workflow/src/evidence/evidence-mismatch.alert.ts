import type { DataSource } from 'typeorm';
import { EVIDENCE_MISMATCH, evidenceSubject, monthName, type SubjectDamage } from '@kinerja/projections';

/** Where an evidence mismatch is detected: a download that re-hashed the stored file. */
export const EVIDENCE_ALERT_SOURCE = 'evidence-download';

export interface ReportReference {
  year: number;
  month: number;
  subbagian: string;
}

const REFERENCES_SHOWN = 10;

/**
 * The monthly reports whose saved content ever referenced the file, read from the office's
 * `RealisasiDraftSaved` events (no read model keeps evidence references), of one subbagian when
 * given. Asked when an alert is about to be written (its cost never repeats with the downloads of a
 * damaged file), and when a Kasubbag downloads a file someone else uploaded.
 */
export async function reportsReferencing(dataSource: DataSource, satker: string, sha256: string, subbagian: string | null = null): Promise<ReportReference[]> {
  const rows: Array<{ year: number; month: number; subbagian: string }> = await dataSource.query(
    `SELECT DISTINCT (data->'key'->>'year')::int AS year, (data->'key'->>'month')::int AS month, data->'key'->>'subbagian' AS subbagian
       FROM events
      WHERE tenant_id = $1 AND type = 'RealisasiDraftSaved'
        AND data->'lines' @> jsonb_build_array(jsonb_build_object('evidence', jsonb_build_array(jsonb_build_object('sha256', $2::text))))
        AND ($3::text IS NULL OR data->'key'->>'subbagian' = $3::text)
      ORDER BY 1, 2, 3
      LIMIT ${REFERENCES_SHOWN + 1}`,
    [satker, sha256, subbagian],
  );
  return rows;
}

/** The alert for a stored file that no longer hashes to its SHA-256 (or is gone), in Indonesian. */
export function evidenceMismatchDamage(
  file: { sha256: string; fileName: string },
  actualSha256: string | null,
  reports: ReportReference[],
): SubjectDamage {
  const found = actualSha256 === null ? 'tidak ditemukan di penyimpanan' : `di penyimpanan tidak cocok: isinya kini ber-SHA-256 ${actualSha256}`;
  const shown = reports.slice(0, REFERENCES_SHOWN).map((r) => `${monthName(r.month)} ${r.year} subbagian ${r.subbagian}`);
  const more = reports.length > REFERENCES_SHOWN ? ', dan lainnya' : '';
  const referenced = shown.length === 0
    ? 'Belum dirujuk oleh laporan realisasi mana pun.'
    : `Dirujuk oleh laporan realisasi ${shown.join(', ')}${more}.`;
  return {
    kind: EVIDENCE_MISMATCH,
    subject: evidenceSubject(file.sha256),
    detail: `Berkas bukti dukung "${file.fileName}" (SHA-256 tercatat ${file.sha256}) ${found}. ${referenced} ` +
      'Berkas tidak diberikan kepada pengunduh; unggah ulang berkas aslinya untuk memulihkan.',
  };
}
