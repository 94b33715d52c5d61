import type { DataSource } from 'typeorm';
import type { EventStore } from '@kinerja/event-store';
import type { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { type ChainDigestFile, type ChainDigestPayload, type DigestSignatureProblem, signPayload, verifyDigestSignature } from './chain-digest';
import type { DigestSigningKey } from './digest-signing-key';

export interface DigestSummary {
  satker: string;
  day: string;
  sequence: number;
  hash: string;
  count: number;
  createdAt: string;
  keyId: string;
}

export type DigestRecordOutcome = 'recorded' | 'already-recorded' | 'chain-damaged';

export interface DigestCheck {
  ok: boolean;
  /** In Bahasa Indonesia, when not ok. */
  reason: string | null;
  /** Set when the file itself was refused: `foreign_key` when another key signed it. */
  signatureProblem: DigestSignatureProblem | null;
  digest: ChainDigestPayload | null;
  /** The id of the trusted key the signature checked with; null when it did not. */
  keyId: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toFile(r: any): ChainDigestFile {
  return { payload: JSON.parse(r.payload), canonical: r.payload, algorithm: 'Ed25519', signature: r.signature, keyId: r.key_id, publicKey: r.public_key };
}

function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Daily signed digests of each office's chain head. A digest is only signed over a chain that
 * verifies: signing a damaged head would bless the damage. One per (office, UTC day), enforced by
 * the primary key, so a retried or duplicated job records nothing twice.
 */
export class ChainDigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly integrity: Pick<IntegrityService, 'verify' | 'chainProblem'>,
    private readonly key: DigestSigningKey | null,
  ) {}

  async offices(): Promise<string[]> {
    const rows = await this.dataSource.query(`SELECT tenant_id FROM tenant_chain_heads WHERE sequence > 0 ORDER BY tenant_id`);
    return rows.map((r: { tenant_id: string }) => r.tenant_id);
  }

  /** `day` defaults to the UTC day of `now` (a job passes the day it was planned for). */
  async record(satker: string, now: Date, day = utcDay(now)): Promise<DigestRecordOutcome> {
    if (!this.key) throw new Error('No digest signing key: digests are recorded by the worker');
    const existing = await this.dataSource.query(`SELECT 1 FROM chain_digests WHERE satker_code = $1 AND day = $2`, [satker, day]);
    if (existing.length > 0) return 'already-recorded';
    const result = await this.integrity.verify(satker, 'digest', 'system');
    if (!result.intact) return 'chain-damaged';
    const payload: ChainDigestPayload = {
      kind: 'kinerja.chain-digest', version: 1, tenant: satker, day,
      sequence: result.head.sequence, hash: result.head.hash, count: result.head.count, timestamp: now.toISOString(),
    };
    const file = signPayload(payload, this.key.privateKey);
    const inserted = await this.dataSource.query(
      `INSERT INTO chain_digests (satker_code, day, sequence, hash, event_count, created_at, payload, signature, key_id, public_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (satker_code, day) DO NOTHING RETURNING day`,
      [satker, day, payload.sequence, payload.hash, payload.count, now, file.canonical, file.signature, file.keyId, file.publicKey],
    );
    return inserted.length > 0 ? 'recorded' : 'already-recorded';
  }

  async list(satker: string, limit = 366): Promise<DigestSummary[]> {
    const rows = await this.dataSource.query(
      `SELECT satker_code, to_char(day, 'YYYY-MM-DD') AS day, sequence, hash, event_count, created_at, key_id
         FROM chain_digests WHERE satker_code = $1 ORDER BY day DESC LIMIT $2`,
      [satker, limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      satker: r.satker_code as string, day: r.day as string, sequence: Number(r.sequence), hash: r.hash as string,
      count: Number(r.event_count), createdAt: new Date(r.created_at as string).toISOString(), keyId: r.key_id as string,
    }));
  }

  /**
   * Why the signed digests kept for the office cannot vouch for its chain now: a row no trusted key
   * verifies (edited in the table), a row whose columns disagree with what was signed, or an event
   * that no longer has the signed hash at the signed sequence; null when every kept digest holds.
   */
  async keptDigestsProblem(satker: string, trustedPublicKeyPems: readonly string[]): Promise<string | null> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sequence::text AS sequence, hash, payload, signature, key_id, public_key
         FROM chain_digests WHERE satker_code = $1 ORDER BY day`,
      [satker],
    );
    const signed: Array<{ day: string; sequence: number; hash: string }> = [];
    for (const r of rows) {
      const file = toFile(r);
      const signature = verifyDigestSignature(file, trustedPublicKeyPems);
      if (!signature.ok) return `digest tersimpan ${r.day} tidak sah (${signature.reason})`;
      const p = file.payload;
      if (p.tenant !== satker || String(p.sequence) !== r.sequence || p.hash !== r.hash || p.day !== r.day) {
        return `digest tersimpan ${r.day} tidak sama dengan isi yang ditandatanganinya`;
      }
      signed.push({ day: p.day, sequence: p.sequence, hash: p.hash });
    }
    if (signed.length === 0) return null;
    const events: Array<{ sequence: string; hash: string }> = await this.dataSource.query(
      `SELECT tenant_sequence::text AS sequence, hash FROM events WHERE tenant_id = $1 AND tenant_sequence = ANY($2::bigint[])`,
      [satker, signed.map((d) => d.sequence)],
    );
    const hashAt = new Map(events.map((e) => [Number(e.sequence), e.hash]));
    const broken = signed.find((d) => hashAt.get(d.sequence) !== d.hash);
    return broken ? `peristiwa urutan ${broken.sequence} tidak cocok dengan digest bertanda tangan ${broken.day}` : null;
  }

  /**
   * Why the office's chain cannot be trusted now: it does not verify, or a kept digest does not vouch
   * for it (`keptDigestsProblem`); null when it can. What closing a chain alert requires
   * (IntegrityService.resolve).
   */
  async trustProblem(satker: string, trustedPublicKeyPems: readonly string[]): Promise<string | null> {
    return (await this.integrity.chainProblem(satker)) ?? this.keptDigestsProblem(satker, trustedPublicKeyPems);
  }

  async file(satker: string, day: string): Promise<ChainDigestFile | null> {
    const rows = await this.dataSource.query(
      `SELECT payload, signature, key_id, public_key FROM chain_digests WHERE satker_code = $1 AND day = $2::date`,
      [satker, day],
    );
    return rows.length === 0 ? null : toFile(rows[0]);
  }
}

/**
 * Checks the database against a digest saved earlier: the signature, the chain as it stands (via
 * `verify`), and that the event at the digest's sequence still has the digest's hash. The last
 * check is what catches a history rewritten with every hash recomputed. `trustedPublicKeyPems` is
 * required: the office's own keys (`loadTrustedDigestPublicKeys`: the current one and the earlier
 * ones still trusted) or one an auditor pinned, never the key written in the file, which a forger
 * would simply replace with theirs.
 */
export async function checkDatabaseAgainstDigest(
  dataSource: DataSource,
  eventStore: Pick<EventStore, 'verify'>,
  satker: string,
  file: ChainDigestFile,
  trustedPublicKeyPems: string | readonly string[],
): Promise<DigestCheck> {
  const signature = verifyDigestSignature(file, trustedPublicKeyPems);
  if (!signature.ok) return { ok: false, reason: signature.reason, signatureProblem: signature.problem, digest: null, keyId: null };
  const digest = file.payload;
  const keyId = signature.keyId;
  const refused = (reason: string): DigestCheck => ({ ok: false, reason, signatureProblem: null, digest, keyId });
  if (digest.tenant !== satker) return refused(`digest milik satker ${digest.tenant}, bukan ${satker}`);
  const verified = await eventStore.verify(satker);
  if (!verified.intact) {
    const b = verified.brokenLink;
    return refused(`rantai rusak pada urutan ${b.sequence} (${b.kind}): ${b.detail}`);
  }
  if (verified.head.sequence < digest.sequence) {
    return refused(`rantai hanya sampai urutan ${verified.head.sequence}, padahal digest mencatat ${digest.sequence}: peristiwa telah dihapus`);
  }
  const rows = await dataSource.query(`SELECT hash FROM events WHERE tenant_id = $1 AND tenant_sequence = $2`, [satker, digest.sequence]);
  if (rows.length === 0 || rows[0].hash !== digest.hash) {
    return refused(`hash peristiwa urutan ${digest.sequence} tidak sama dengan digest bertanda tangan ${digest.day}: sejarah sebelum digest ditulis ulang`);
  }
  return { ok: true, reason: null, signatureProblem: null, digest, keyId };
}
