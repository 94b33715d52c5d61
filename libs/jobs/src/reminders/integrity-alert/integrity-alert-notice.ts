import { formatDateTimeId, ROLE_LABELS } from '@kinerja/domain';
import { DAMAGE_WORDS, STORED_FILE_KINDS } from '@kinerja/projections/audit-trail/integrity.events';
import type { NoticeDelivery, NoticeRecipient } from '../notice-recorder';
import { NOTICE_FOOTER, type ReminderMessage } from '../messages/render-reminder';

/**
 * The Inspektorat of the office and of every office above it (whose scope reaches it: `above`, parent
 * first, as they stood at the notice), and the office's ADMIN.
 */
export type IntegrityAlertAudience = { role: 'INTEGRITY_WATCHERS'; satker: string; above: string[] };

/** An alert as `integrity_alerts` holds it. */
export interface IntegrityAlertFacts {
  id: number;
  satker: string;
  detectedAt: string;
  source: string;
  kind: string;
  /** `evidence:<sha256>`, `lkj:<sha256>` for a stored file; null for the chain's own. */
  subject: string | null;
  brokenSequence: number | null;
  brokenEventId: string | null;
  detail: string;
}

export const INTEGRITY_ALERT_NOTICE_KIND = 'INTEGRITY_ALERT';

export interface IntegrityAlertNotice {
  /** `integrity-alert:<satker>:<alert id>`. */
  key: string;
  kind: typeof INTEGRITY_ALERT_NOTICE_KIND;
  satker: string;
  audience: IntegrityAlertAudience;
  dueAt: string;
  /** What the payload and the audit trail name. */
  alert: { id: number; kind: string; subject: string | null; brokenSequence: number | null };
  message: ReminderMessage;
}

/** The roles an alert's notice reaches. */
export type IntegrityWatcherRole = 'INSPEKTORAT' | 'ADMIN';

export interface IntegrityAlertPerson {
  id: string;
  fullName: string;
  email: string | null;
  role: string;
  satker: string;
  active: boolean;
}

/** Who found it, in the operator's words. */
const SOURCE_WORDS: Record<string, string> = {
  cli: 'perintah audit:verify', 'cli-digest': 'perintah audit:verify --digest', 'cli-rebuild': 'perintah projections:rebuild',
  api: 'pemeriksaan rantai melalui aplikasi (Jejak Audit → Verifikasi)', digest: 'pemeriksaan digest harian',
};

export function integrityAlertNoticeKey(satker: string, alertId: number): string {
  return `integrity-alert:${satker}:${alertId}`;
}

/** What was found, in plain words: the first broken link of the chain, or the stored file that no longer matches. */
function foundWords(alert: IntegrityAlertFacts): string {
  const file = STORED_FILE_KINDS[alert.kind];
  if (file) {
    const sha256 = alert.subject?.slice(alert.subject.indexOf(':') + 1) ?? '';
    return `${file} ${sha256} di penyimpanan tidak cocok dengan sidik jarinya (SHA-256) — ${alert.detail}`;
  }
  const event = alert.brokenEventId === null ? 'peristiwa' : `peristiwa ${alert.brokenEventId}`;
  const what = DAMAGE_WORDS[alert.kind] ?? alert.kind;
  return alert.brokenSequence === null
    ? `rantai ${alert.satker} rusak: ${event} ${what} — ${alert.detail}`
    : `rantai ${alert.satker} putus pada urutan ${alert.brokenSequence}: ${event} ${what} — ${alert.detail}`;
}

/** "Yth. Inspektorat,", "Yth. Inspektorat dan Administrator,": only the roles that receive it (an office may have no ADMIN of its own). */
function salutation(told: readonly IntegrityWatcherRole[]): string {
  const roles = (['INSPEKTORAT', 'ADMIN'] as const).filter((r) => told.includes(r));
  return `Yth. ${(roles.length > 0 ? roles : ['INSPEKTORAT' as const]).map((r) => ROLE_LABELS[r]).join(' dan ')},`;
}

/**
 * A newly recorded integrity alert, told to the Inspektorat in scope and the office's ADMIN (`told`:
 * the roles of its recipients, whom it greets): which office, what was found, the alert's number and
 * what to do. The readers use the application, not the server: the restore and the command are asked of
 * the system administrator. A chain's alert also holds the office's LKj; a stored file's only that file.
 */
export function planIntegrityAlertNotice(
  alert: IntegrityAlertFacts, office: { name: string; timeZone: string; above: readonly string[] }, told: readonly IntegrityWatcherRole[],
): IntegrityAlertNotice {
  const file = STORED_FILE_KINDS[alert.kind];
  const where = `${office.name} (${alert.satker})`;
  const found = SOURCE_WORDS[alert.source] ? `, ditemukan oleh ${SOURCE_WORDS[alert.source]}` : '';
  const facts = [
    `Kinerja mencatat peringatan integritas #${alert.id} untuk ${where} pada ${formatDateTimeId(alert.detectedAt, office.timeZone)}${found}.`,
    `Yang ditemukan: ${foundWords(alert)}.`,
    file
      ? `Berkas tersebut tidak diberikan kepada siapa pun sampai diperiksa.`
      : `Data jejak audit dan angka kinerja satker ini (Tabel 3.2, matriks) tidak dapat dipercaya selama peringatan terbuka, `
        + `dan LKj satker ini tidak dibuat sampai peringatan ditutup.`,
  ];
  const request = file
    ? `Mohon minta pengelola server Kinerja memulihkan berkas tersebut dari cadangan, lalu Inspektorat menutup peringatan #${alert.id} `
      + `(Jejak Audit → Peringatan).`
    // The read models were built before the edit: only a rebuild makes Tabel 3.2 show the events as restored.
    : `Mohon minta pengelola server Kinerja menjalankan npm run cli -- audit:verify --satker ${alert.satker}, memulihkan baris peristiwa `
      + `dari cadangan, lalu menjalankan npm run cli -- projections:rebuild agar angka Tabel 3.2 dihitung ulang dari peristiwa yang tersimpan; `
      + `sesudah itu Inspektorat menutup peringatan #${alert.id} (Jejak Audit → Peringatan). `
      + `LKj satker ini menunggu sampai peringatan ditutup.`;
  return {
    key: integrityAlertNoticeKey(alert.satker, alert.id), kind: 'INTEGRITY_ALERT', satker: alert.satker,
    audience: { role: 'INTEGRITY_WATCHERS', satker: alert.satker, above: [...office.above] }, dueAt: alert.detectedAt,
    alert: { id: alert.id, kind: alert.kind, subject: alert.subject, brokenSequence: alert.brokenSequence },
    message: {
      subject: `Peringatan integritas #${alert.id}: ${file ? `${file} rusak` : 'jejak audit rusak'} — ${office.name}`,
      body: [salutation(told), '', ...facts, '', request, '', NOTICE_FOOTER].join('\n'),
    },
  };
}

/**
 * The active people told of an office's alert: every Inspektorat of the office or of an office above
 * it (`ancestors`: parent, grandparent … up to the root; their scope reaches the office,
 * libs/identity/src/scope), and the office's own ADMIN (an ADMIN above it is not told). Each in their
 * own office, whose inbox they read.
 */
export function integrityAlertRecipients(
  satker: string, ancestors: readonly string[], people: readonly IntegrityAlertPerson[],
): { recipients: NoticeRecipient[]; delivery: NoticeDelivery; told: IntegrityWatcherRole[] } {
  const offices = new Set([satker, ...ancestors]);
  const chosen = people.filter((p) => p.active && (
    (p.role === 'INSPEKTORAT' && offices.has(p.satker)) || (p.role === 'ADMIN' && p.satker === satker)
  ));
  const recipients = chosen.map((p) => ({ userId: p.id, fullName: p.fullName, email: p.email, satker: p.satker }));
  const told = (['INSPEKTORAT', 'ADMIN'] as const).filter((role) => chosen.some((p) => p.role === role));
  return recipients.length > 0
    ? { recipients, delivery: { role: 'INTEGRITY_WATCHERS', vacantRoles: [] }, told }
    : { recipients: [], delivery: { role: null, vacantRoles: ['INTEGRITY_WATCHERS'] }, told };
}
