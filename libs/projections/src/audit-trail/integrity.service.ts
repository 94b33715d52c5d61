import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DomainError, formatDateTimeId, visibleCharacterCount, type Role } from '@kinerja/domain';
import type { EventStore, VerifyResult } from '@kinerja/event-store';
import { DEFAULT_TIME_ZONE } from '@kinerja/identity/identity.types';
import { currentContext } from '@kinerja/platform';
import { DAMAGE_WORDS, integrityStreamId, STORED_FILE_KINDS, type IntegrityAlertResolved } from './integrity.events';

export interface IntegrityAlert {
  id: number;
  detectedAt: string;
  source: string;
  brokenSequence: number | null;
  brokenEventId: string | null;
  kind: string;
  /** What an alert outside the chain is about (`evidence:<sha256>`); null for the chain's own. */
  subject: string | null;
  detail: string;
  detectedBy: string | null;
  /** Set once the Inspektorat has closed the alert (`resolve`), with who and why. */
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionReason: string | null;
}

export type AlertStatus = 'open' | 'resolved' | 'all';

/**
 * Whether the damage an alert outside the chain names is still there: null when it is gone, else
 * why (in Bahasa Indonesia). The caller that knows the subject (the evidence store) answers.
 */
export type SubjectCheck = (satker: string, subject: string) => Promise<string | null>;

/**
 * Whether a stored file an alert is about is still damaged (the body of a file kind's `SubjectCheck`):
 * null once it hashes to its SHA-256 again, else why. `what` names the kind ("berkas bukti dukung").
 */
export async function storedFileProblem(
  files: { read(satker: string, sha256: string): Promise<{ actualSha256: string } | null> },
  satker: string,
  subject: string,
  sha256: string | null,
  what: string,
): Promise<string | null> {
  if (sha256 === null) return `subjek ${subject} bukan ${what}`;
  const read = await files.read(satker, sha256);
  if (!read) return `${what} ${sha256} masih tidak ada di penyimpanan`;
  return read.actualSha256 === sha256 ? null : `${what} ${sha256} di penyimpanan masih ber-SHA-256 ${read.actualSha256}`;
}

/** Whether the office's chain can be trusted again: null when it can, else why (in Bahasa Indonesia). */
export type ChainCheck = (satker: string) => Promise<string | null>;

/** Shown at the top of every audit response: loud when any damage was ever detected for the office. */
export interface IntegrityBanner {
  status: 'OK' | 'DAMAGED';
  /** In Bahasa Indonesia; null when nothing was detected. */
  message: string | null;
  alerts: IntegrityAlert[];
}

/**
 * Damage to the chain. `damageKey` names what was found, so that detecting it again while its alert
 * is open records nothing new (`chainBreakKey`, `digestDamageKey`); when absent, the broken
 * sequence names it (`chain:<sequence>`). A key of null, or no key and no sequence, is recorded
 * every time.
 */
export type DamageReport = { kind: string; sequence: number | null; eventId: string | null; detail: string; damageKey?: string | null };

/**
 * The alert a detection of damage is filed under: the one this detection wrote (`recorded`), or
 * the alert of the same office, kind and damage still open from an earlier detection.
 */
export interface RecordedAlert {
  id: number;
  recorded: boolean;
}

/** The damage key of a chain verification's first broken link (with its kind, one open alert each). */
export function chainBreakKey(sequence: number): string {
  return `chain:${sequence}`;
}

/**
 * The damage key of a digest check: `digest:<day>` when a digest signed by a trusted key no longer
 * matches the chain; `digest:<day>:<problem>:<key id>` when the file's signature was refused (the
 * day and signer the file claims: another forgery, or the same one signed by another key, is
 * another alert).
 */
export function digestDamageKey(day: string, refused?: { problem: string; keyId: string | null }): string {
  return refused ? `digest:${day}:${refused.problem}:${refused.keyId ?? '-'}` : `digest:${day}`;
}

/** Damage to something the chain does not hold (a stored evidence file), named by `subject`. */
export type SubjectDamage = { kind: string; subject: string; detail: string };

function toAlert(r: Record<string, unknown>): IntegrityAlert {
  return {
    id: Number(r.id), detectedAt: new Date(r.detected_at as string).toISOString(), source: r.source as string,
    brokenSequence: r.broken_sequence === null ? null : Number(r.broken_sequence), brokenEventId: r.broken_event_id as string | null,
    kind: r.kind as string, subject: (r.subject ?? null) as string | null, detail: r.detail as string, detectedBy: r.detected_by as string | null,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at as string).toISOString() : null,
    resolvedBy: (r.resolved_by ?? null) as string | null, resolutionReason: (r.resolution_reason ?? null) as string | null,
  };
}

const ALERT_COLUMNS = 'id, detected_at, source, broken_sequence, broken_event_id, kind, subject, detail, detected_by, resolved_at, resolved_by, resolution_reason';

/** What is damaged, in the banner's words: the chain of the audit trail, stored files, or both. */
function damagedWhat(kinds: string[]): string {
  const chain = kinds.some((k) => !(k in STORED_FILE_KINDS)) ? ['rantai integritas jejak audit'] : [];
  const files = [...new Set(kinds.filter((k) => k in STORED_FILE_KINDS).map((k) => STORED_FILE_KINDS[k]))];
  return [...chain, ...files].join(' dan ');
}

/** The banner's words; `timeZone` is the office's, so that the moment of detection reads as its clock showed it. */
export function bannerMessage(satker: string, last: IntegrityAlert, timeZone: string): string {
  const detected = formatDateTimeId(last.detectedAt, timeZone);
  const file = STORED_FILE_KINDS[last.kind];
  if (file) {
    return `PERINGATAN: ${file} satker ${satker} di penyimpanan tidak cocok dengan sidik jarinya (SHA-256) ` +
      `(terdeteksi ${detected}; rinciannya pada daftar peringatan). Berkas tersebut tidak diberikan dan tidak dapat dipercaya sampai diperiksa.`;
  }
  const where = last.brokenSequence === null ? '' : ` pada urutan ${last.brokenSequence}`;
  return `PERINGATAN: rantai integritas jejak audit satker ${satker} rusak — peristiwa ${DAMAGE_WORDS[last.kind] ?? last.kind}${where} (terdeteksi ${detected}). Data audit tidak dapat dipercaya sampai diperiksa.`;
}

/** An alert already closed, said with the moment on the office's clock; the instant itself stays in `details`. */
export function alreadyResolved(id: number, resolvedAt: string, timeZone: string): DomainError {
  return new DomainError(
    'AUDIT.ALERT_ALREADY_RESOLVED', `Peringatan integritas #${id} sudah ditutup pada ${formatDateTimeId(resolvedAt, timeZone)}.`, 'conflict', { id, resolvedAt },
  );
}

/**
 * An alert's INSERT (without RETURNING) made to write, in the same statement, the row of
 * `integrity_alert_notice_outbox` that has the worker announce it (libs/jobs/src/reminders/integrity-alert):
 * an alert is never recorded without its notice, nor announced twice (one row per alert). The job id is
 * `integrity-alert.<satker>.<id>`, as `integrityAlertNoticeJobId` builds it (libs/jobs depends on this
 * library, not the other way). Answers the inserted alert's id, or no row when nothing was inserted.
 */
function announcedInsert(insert: string): string {
  return `WITH alert AS (${insert} RETURNING satker_code, id, detected_at),
     notice AS (
       INSERT INTO integrity_alert_notice_outbox (satker_code, alert_id, job_id, requested_at)
       SELECT satker_code, id, 'integrity-alert.' || replace(satker_code, ':', '.') || '.' || id, detected_at FROM alert
     )
     SELECT id FROM alert`;
}

/**
 * Runs the chain verification of an office and records what it finds. A damaged chain is written
 * to `integrity_alerts`, a table outside the chain (damage to the events cannot hide it), and logged
 * at error level. Alerts are never cleared by a later clean run: restoring the rows does not undo
 * the fact that someone changed them. The same damage found again while its alert is open is not
 * recorded twice (one open alert per office, kind and damage key: the first broken sequence, the
 * digest day). Damage found outside the chain (an evidence file that no longer matches its
 * SHA-256) is recorded here too, once per office, kind and subject while open.
 */
export class IntegrityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStore: Pick<EventStore, 'verify' | 'append'>,
    private readonly logger: Logger,
  ) {}

  async verify(satker: string, source: string, detectedBy: string | null): Promise<VerifyResult> {
    return (await this.verifyAndRecord(satker, source, detectedBy)).result;
  }

  /** `verify`, also saying which alert the damage found is filed under (null when intact). */
  async verifyAndRecord(satker: string, source: string, detectedBy: string | null): Promise<{ result: VerifyResult; alert: RecordedAlert | null }> {
    const result = await this.eventStore.verify(satker);
    if (result.intact) return { result, alert: null };
    const b = result.brokenLink;
    // Its damage key is the broken sequence's (`chainBreakKey`, recordDamage's default).
    const alert = await this.recordDamage(satker, source, detectedBy, { kind: b.kind, sequence: b.sequence, eventId: b.eventId, detail: b.detail });
    return { result, alert };
  }

  /**
   * Records damage to the chain, unless the office still has an open alert of the same kind for the
   * same damage (`damageKey`): then that alert is the answer, and nothing is written. A unique index
   * on the open alerts decides, so concurrent detections (the API, the CLI, the digest job) write one
   * row; once the alert is closed, the same damage found again is a new alert.
   */
  async recordDamage(satker: string, source: string, detectedBy: string | null, damage: DamageReport): Promise<RecordedAlert> {
    const { damageKey: given, ...reported } = damage;
    const damageKey = given !== undefined ? given : damage.sequence === null ? null : chainBreakKey(damage.sequence);
    // Two rounds at most: the open alert found in conflict may be closed before it is read back.
    for (let attempt = 0; ; attempt++) {
      // The open alert is looked for first, so that finding it again draws no alert number from the
      // sequence (INSERT … ON CONFLICT evaluates the id's default before it sees the conflict, and the
      // numbers skipped read as alerts deleted). ON CONFLICT stays for two detections at once, where
      // the unique index decides and only the loser of that race leaves a gap.
      const inserted: Array<{ id: string }> = await this.dataSource.query(
        announcedInsert(`INSERT INTO integrity_alerts (satker_code, detected_at, source, broken_sequence, broken_event_id, kind, detail, detected_by, damage_key)
         SELECT $1, now(), $2, $3::bigint, $4::text, $5, $6, $7, $8::text
          WHERE $8::text IS NULL OR NOT EXISTS (
                SELECT 1 FROM integrity_alerts o
                 WHERE o.satker_code = $1 AND o.kind = $5 AND o.damage_key = $8::text AND o.resolved_at IS NULL AND o.subject IS NULL)
         ON CONFLICT (satker_code, kind, damage_key) WHERE resolved_at IS NULL AND subject IS NULL AND damage_key IS NOT NULL DO NOTHING`),
        [satker, source, damage.sequence, damage.eventId, damage.kind, damage.detail, detectedBy, damageKey],
      );
      if (inserted.length > 0) {
        const id = Number(inserted[0].id);
        this.logger.error({ satker, source, detectedBy, ...reported, damageKey, alertId: id }, 'Integrity chain of the office is damaged');
        return { id, recorded: true };
      }
      const open: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM integrity_alerts
          WHERE satker_code = $1 AND kind = $2 AND damage_key = $3 AND resolved_at IS NULL AND subject IS NULL`,
        [satker, damage.kind, damageKey],
      );
      if (open.length > 0) {
        const id = Number(open[0].id);
        this.logger.error({ satker, source, detectedBy, ...reported, damageKey, alertId: id }, 'Integrity chain of the office is still damaged; its alert is open');
        return { id, recorded: false };
      }
      if (attempt > 0) throw new Error(`Integrity alert of ${satker} (${damage.kind}, ${damageKey}) neither recorded nor open`);
    }
  }

  /** The office's open alerts about its chain (not about a stored file), oldest first: what makes its events untrustworthy. */
  async openChainAlerts(satker: string): Promise<IntegrityAlert[]> {
    const rows = await this.dataSource.query(
      `SELECT ${ALERT_COLUMNS} FROM integrity_alerts WHERE satker_code = $1 AND resolved_at IS NULL AND subject IS NULL ORDER BY id`,
      [satker],
    );
    return rows.map(toAlert);
  }

  /** True when the office has an open alert of this kind about this subject. */
  async hasOpenAlert(satker: string, kind: string, subject: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM integrity_alerts WHERE satker_code = $1 AND kind = $2 AND subject = $3 AND resolved_at IS NULL LIMIT 1`,
      [satker, kind, subject],
    );
    return rows.length > 0;
  }

  /**
   * Records damage to a subject outside the chain unless an alert of the same kind about it is
   * still open for the office (a unique index decides, so concurrent detections write one row).
   * True when this call wrote the alert.
   */
  async recordSubjectDamage(satker: string, source: string, detectedBy: string | null, damage: SubjectDamage): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // As recordDamage: an open alert found again draws no number; ON CONFLICT settles a race.
      announcedInsert(`INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, subject, detail, detected_by)
       SELECT $1, now(), $2, $3, $4::text, $5, $6
        WHERE NOT EXISTS (
              SELECT 1 FROM integrity_alerts o
               WHERE o.satker_code = $1 AND o.kind = $3 AND o.subject = $4::text AND o.resolved_at IS NULL)
       ON CONFLICT (satker_code, kind, subject) WHERE resolved_at IS NULL AND subject IS NOT NULL DO NOTHING`),
      [satker, source, damage.kind, damage.subject, damage.detail, detectedBy],
    );
    if (rows.length === 0) return false;
    this.logger.error({ satker, source, detectedBy, ...damage }, 'Integrity alert recorded for damage outside the chain');
    return true;
  }

  async banner(satker: string): Promise<IntegrityBanner> {
    const rows = await this.dataSource.query(
      `SELECT ${ALERT_COLUMNS}
         FROM integrity_alerts WHERE satker_code = $1 AND resolved_at IS NULL ORDER BY detected_at DESC, id DESC LIMIT 20`,
      [satker],
    );
    const alerts: IntegrityAlert[] = rows.map(toAlert);
    if (alerts.length === 0) return { status: 'OK', message: null, alerts };
    return { status: 'DAMAGED', message: bannerMessage(satker, alerts[0], await this.timeZoneOf(satker)), alerts };
  }

  /**
   * The banner over several offices: loud when any of them has an open alert, naming each one.
   * Alerts carry their office (`satker`); the newest twenty across the offices are listed.
   */
  async bannerAcross(satkers: string[]): Promise<IntegrityBanner & { damagedOffices: string[] }> {
    const rows = await this.dataSource.query(
      `WITH open AS (
         SELECT satker_code, ${ALERT_COLUMNS}
           FROM integrity_alerts WHERE satker_code = ANY($1::text[]) AND resolved_at IS NULL
       )
       SELECT o.*, (SELECT array_agg(DISTINCT satker_code) FROM open) AS damaged,
              (SELECT array_agg(DISTINCT kind) FROM open) AS kinds
         FROM open o ORDER BY o.detected_at DESC, o.id DESC LIMIT 20`,
      [satkers],
    );
    if (rows.length === 0) return { status: 'OK', message: null, alerts: [], damagedOffices: [] };
    const alerts = rows.map((r: Record<string, unknown>) => ({ satker: r.satker_code as string, ...toAlert(r) }));
    const damagedOffices = [...(rows[0].damaged as string[])].sort();
    return {
      status: 'DAMAGED',
      message: `PERINGATAN: ${damagedWhat(rows[0].kinds as string[])} rusak pada ${damagedOffices.length} satker (${damagedOffices.join(', ')}). Data audit satker tersebut tidak dapat dipercaya sampai diperiksa.`,
      alerts,
      damagedOffices,
    };
  }

  /**
   * The ids of every open alert of each office named (oldest first; an office with none is left
   * out): what an export of the trail marks each of the office's rows with. Unlike the banner's
   * twenty, all of them.
   */
  async openAlertIds(satkers: readonly string[]): Promise<Map<string, number[]>> {
    const rows: Array<{ satker_code: string; ids: string[] }> = await this.dataSource.query(
      `SELECT satker_code, array_agg(id ORDER BY id) AS ids FROM integrity_alerts
        WHERE satker_code = ANY($1::text[]) AND resolved_at IS NULL GROUP BY satker_code`,
      [[...new Set(satkers)]],
    );
    return new Map(rows.map((r) => [r.satker_code, r.ids.map(Number)]));
  }

  /** The office's alerts, newest first: the open ones, the resolved ones (with who and why), or all. */
  async list(satker: string, status: AlertStatus = 'open', limit = 100): Promise<IntegrityAlert[]> {
    const where = status === 'open' ? 'AND resolved_at IS NULL' : status === 'resolved' ? 'AND resolved_at IS NOT NULL' : '';
    const rows = await this.dataSource.query(
      `SELECT ${ALERT_COLUMNS} FROM integrity_alerts WHERE satker_code = $1 ${where} ORDER BY detected_at DESC, id DESC LIMIT $2`,
      [satker, limit],
    );
    return rows.map(toAlert);
  }

  /**
   * The chain verification's first broken link, in words, or null when the chain verifies. Without
   * recording an alert (unlike `verify`). A history rewritten with every hash recomputed passes it;
   * the signed digests catch that (ChainDigestService.trustProblem).
   */
  async chainProblem(satker: string): Promise<string | null> {
    const verified = await this.eventStore.verify(satker);
    return verified.intact ? null : `rantai masih rusak pada urutan ${verified.brokenLink.sequence}: ${verified.brokenLink.detail}`;
  }

  /**
   * The Inspektorat closes an alert, with a reason, once the damage is gone: a chain alert only
   * when `checks.chain` finds the chain sound (ChainDigestService.trustProblem: it verifies and
   * matches every signed digest kept), an alert about a subject only when `checks.subject` finds it
   * sound. The row keeps who closed it and why; the closing is an
   * event of the office's chain (`IntegrityAlertResolved` on `integrity:<satker>`), in the same
   * transaction, so the audit trail shows it. The alert row is locked meanwhile: two closings of one
   * alert cannot both succeed.
   */
  async resolve(
    satker: string,
    id: number,
    reason: string,
    actor: { id: string; role: Role },
    checks: { subject: SubjectCheck; chain: ChainCheck },
  ): Promise<IntegrityAlert> {
    if (typeof reason !== 'string' || visibleCharacterCount(reason) < 3 || reason.trim().length > 2000) {
      throw new DomainError('AUDIT.REASON_REQUIRED', 'Alasan penutupan peringatan integritas wajib diisi (3–2000 karakter): apa yang diperiksa dan dipulihkan.', 'validation');
    }
    reason = reason.trim();
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query(`SELECT ${ALERT_COLUMNS} FROM integrity_alerts WHERE satker_code = $1 AND id = $2 FOR UPDATE`, [satker, id]);
      if (rows.length === 0) {
        throw new DomainError('AUDIT.ALERT_NOT_FOUND', `Peringatan integritas #${id} tidak ada pada satker ${satker}.`, 'not_found', { id });
      }
      const alert = toAlert(rows[0]);
      if (alert.resolvedAt !== null) throw alreadyResolved(id, alert.resolvedAt, await this.timeZoneOf(satker, manager));
      const problem = alert.subject === null ? await checks.chain(satker) : await checks.subject(satker, alert.subject);
      if (problem !== null) {
        throw new DomainError(
          'AUDIT.DAMAGE_STILL_PRESENT',
          `Peringatan integritas #${id} belum dapat ditutup: ${problem}. Pulihkan dahulu (dari cadangan, atau unggah ulang berkas aslinya), lalu tutup.`,
          'conflict',
          { id },
        );
      }
      const resolvedAt = new Date().toISOString();
      const event: IntegrityAlertResolved = {
        type: 'IntegrityAlertResolved',
        data: { satker, alertId: id, kind: alert.kind, subject: alert.subject, brokenSequence: alert.brokenSequence, detectedAt: alert.detectedAt, reason, resolvedBy: actor.id, resolvedAt },
      };
      const context = currentContext();
      await this.eventStore.append(integrityStreamId(satker), 'any', [event], {
        tenantId: satker, actorId: actor.id, actorRole: actor.role, correlationId: context?.correlationId ?? randomUUID(),
        clientAddress: context?.clientAddress ?? null, userAgent: context?.userAgent ?? null,
      }, { manager });
      await manager.query(
        `UPDATE integrity_alerts SET resolved_at = $3, resolved_by = $4, resolution_reason = $5 WHERE satker_code = $1 AND id = $2`,
        [satker, id, resolvedAt, actor.id, reason],
      );
      this.logger.warn({ satker, alertId: id, kind: alert.kind, resolvedBy: actor.id }, 'Integrity alert resolved');
      return { ...alert, resolvedAt, resolvedBy: actor.id, resolutionReason: reason };
    });
  }

  /**
   * The office's time zone, for the moments its messages name; the default zone of an office when
   * its row is gone (a chain can outlive its office row, and the alert must still be told).
   */
  private async timeZoneOf(satker: string, manager: Pick<DataSource, 'query'> = this.dataSource): Promise<string> {
    const rows: Array<{ time_zone: string }> = await manager.query(`SELECT time_zone FROM satker WHERE code = $1`, [satker]);
    return rows[0]?.time_zone ?? DEFAULT_TIME_ZONE;
  }

  /** Offices with an open alert, for `/health`. */
  /** The offices with an open integrity alert: every one, or those of `among`. */
  async damagedOffices(among: string[] | null = null): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT DISTINCT satker_code FROM integrity_alerts
        WHERE resolved_at IS NULL AND ($1::text[] IS NULL OR satker_code = ANY($1::text[])) ORDER BY satker_code`,
      [among],
    );
    return rows.map((r: { satker_code: string }) => r.satker_code);
  }
}
