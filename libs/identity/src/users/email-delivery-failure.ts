import type { EntityManager } from 'typeorm';

/** The last e-mail to a user that Kinerja gave up on (`notification_outbox.failed_at`), as their ADMIN reads it. */
export interface EmailDeliveryFailure {
  /** When it was given up. */
  at: string;
  to: string;
  subject: string;
  /** The server's last reply (or the connection error), as it said it. */
  reply: string;
  /** `REJECTED`: the server refused the address or the message for good; `EXPIRED`: not accepted for the whole retry period. */
  failure: 'REJECTED' | 'EXPIRED';
  /** What happened and what to do, in Bahasa Indonesia. */
  description: string;
}

interface FailureRow {
  recipient_id: string;
  failed_at: Date;
  to_address: string;
  subject: string;
  last_error: string | null;
  failure: 'REJECTED' | 'EXPIRED';
}

/** The last delivery failure of each of an office's users (`ids`), by one statement over the failed rows' index. */
export async function lastEmailFailures(manager: EntityManager, satker: string, ids: string[]): Promise<Map<string, EmailDeliveryFailure>> {
  if (ids.length === 0) return new Map();
  const rows: FailureRow[] = await manager.query(
    `SELECT DISTINCT ON (recipient_id) recipient_id, failed_at, to_address, subject, last_error, failure FROM notification_outbox
      WHERE satker_code = $1 AND recipient_id = ANY($2::uuid[]) AND failed_at IS NOT NULL
      ORDER BY recipient_id, failed_at DESC`,
    [satker, ids],
  );
  return new Map(rows.map((r) => [r.recipient_id, toFailure(r)]));
}

function toFailure(r: FailureRow): EmailDeliveryFailure {
  const reply = r.last_error ?? '';
  const description = r.failure === 'REJECTED'
    ? `E-mail "${r.subject}" ke ${r.to_address} ditolak server e-mail penerima (${reply}) dan tidak dikirim ulang. Periksa alamat e-mail pengguna ini.`
    : `E-mail "${r.subject}" ke ${r.to_address} tidak terkirim setelah dicoba selama 5 hari (jawaban terakhir: ${reply}). ` +
      'Periksa alamat e-mail pengguna ini; bila banyak pengguna mengalaminya, hubungi pengelola server Kinerja.';
  return { at: new Date(r.failed_at).toISOString(), to: r.to_address, subject: r.subject, reply, failure: r.failure, description };
}
