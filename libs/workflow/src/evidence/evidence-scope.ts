import type { DataSource } from 'typeorm';

/** What the office holds of a file: the type detected at upload and its size. */
export interface HeldFile {
  contentType: string;
  size: number;
}

/** Whose files are asked for: an account, and the subbagian of a Kasubbag (null for other roles). */
export interface EvidenceHolder {
  id: string;
  subbagian: string | null;
}

/**
 * Of `hashes`, the files of the office that belong to `holder`: uploaded by that account, or by any
 * account while it was Kasubbag of the holder's subbagian (a successor, a second account), or
 * referred to by a report of that subbagian. Anything else (another subbagian's file, a file that
 * does not exist) is simply absent, so that callers answer both alike. `uploadedSince`: an upload
 * counts only when the bytes were last uploaded then or later (attaching: see `attachableSince`).
 */
export async function filesOf(
  dataSource: DataSource,
  satker: string,
  hashes: string[],
  holder: EvidenceHolder,
  options: { uploadedSince?: Date } = {},
): Promise<Map<string, HeldFile>> {
  const held = new Map<string, HeldFile>();
  if (hashes.length === 0) return held;
  const uploaded: Array<{ sha256: string; content_type: string; size: string }> = await dataSource.query(
    `SELECT f.sha256, f.content_type, f.size FROM evidence_files f
      WHERE f.tenant_id = $1 AND f.sha256 = ANY($2::text[])
        AND ($5::timestamptz IS NULL OR f.last_uploaded_at >= $5::timestamptz)
        AND EXISTS (SELECT 1 FROM evidence_uploads u
                     WHERE u.tenant_id = f.tenant_id AND u.sha256 = f.sha256 AND (u.uploaded_by = $3 OR u.subbagian = $4::text))`,
    [satker, hashes, holder.id, holder.subbagian, options.uploadedSince ?? null],
  );
  for (const row of uploaded) held.set(row.sha256, { contentType: row.content_type, size: Number(row.size) });
  const rest = hashes.filter((h) => !held.has(h));
  if (rest.length === 0 || holder.subbagian === null) return held;
  for (const row of await referencedBySubbagian(dataSource, satker, rest, holder.subbagian)) {
    held.set(row.sha256, { contentType: row.content_type, size: Number(row.size) });
  }
  return held;
}

/**
 * Of `hashes`, the uploads of `holder` (its account, or its subbagian) that can no longer be
 * attached: still stored but last uploaded before `uploadedSince`, or already deleted by the file
 * sweep (`file_sweep_deletions` names who had uploaded them). Only the holder's own: another
 * subbagian's file stays absent, as in `filesOf`.
 */
export async function expiredUploadsOf(dataSource: DataSource, satker: string, hashes: string[], holder: EvidenceHolder, uploadedSince: Date): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows: Array<{ sha256: string }> = await dataSource.query(
    `SELECT f.sha256 FROM evidence_files f
      WHERE f.tenant_id = $1 AND f.sha256 = ANY($2::text[]) AND f.last_uploaded_at < $5::timestamptz
        AND EXISTS (SELECT 1 FROM evidence_uploads u
                     WHERE u.tenant_id = f.tenant_id AND u.sha256 = f.sha256 AND (u.uploaded_by = $3 OR u.subbagian = $4::text))
     UNION
     SELECT d.sha256 FROM file_sweep_deletions d
      WHERE d.area = 'evidence' AND d.what = 'unreferenced-upload' AND d.tenant_id = $1 AND d.sha256 = ANY($2::text[])
        AND ($3 = ANY(d.uploaded_by) OR $4::text = ANY(d.subbagians))`,
    [satker, hashes, holder.id, holder.subbagian, uploadedSince],
  );
  return new Set(rows.map((r) => r.sha256));
}

/** Of `hashes`, the office's files that a saved report of `subbagian` refers to (its `RealisasiDraftSaved` events). */
async function referencedBySubbagian(dataSource: DataSource, satker: string, hashes: string[], subbagian: string) {
  const rows: Array<{ sha256: string; content_type: string; size: string }> = await dataSource.query(
    `SELECT f.sha256, f.content_type, f.size FROM evidence_files f
      WHERE f.tenant_id = $1 AND f.sha256 = ANY($2::text[])
        AND EXISTS (SELECT 1 FROM events e
                      CROSS JOIN LATERAL jsonb_array_elements(e.data->'lines') line
                      CROSS JOIN LATERAL jsonb_array_elements(COALESCE(line->'evidence', '[]'::jsonb)) ref
                     WHERE e.tenant_id = f.tenant_id AND e.type = 'RealisasiDraftSaved'
                       AND e.data->'key'->>'subbagian' = $3 AND ref->>'sha256' = f.sha256)`,
    [satker, hashes, subbagian],
  );
  return rows;
}

/**
 * The name a reader is given for a file: the one they uploaded it under, else the one their
 * subbagian did, else the first upload's. Another subbagian's name for the same bytes is not shown
 * to someone who uploaded them too.
 */
export async function uploadedName(dataSource: DataSource, satker: string, sha256: string, holder: EvidenceHolder): Promise<string | null> {
  const rows: Array<{ file_name: string }> = await dataSource.query(
    `SELECT file_name FROM evidence_uploads
      WHERE tenant_id = $1 AND sha256 = $2 AND (uploaded_by = $3 OR subbagian = $4::text)
      ORDER BY (uploaded_by = $3) DESC, uploaded_at LIMIT 1`,
    [satker, sha256, holder.id, holder.subbagian],
  );
  return rows[0]?.file_name ?? null;
}
