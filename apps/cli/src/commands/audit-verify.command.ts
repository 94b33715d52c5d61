import { readFileSync } from 'node:fs';
import pino from 'pino';
import { fileErrorWords } from '@kinerja/platform';
import { EventStore } from '@kinerja/event-store';
import { digestDamageKey, IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { type ChainDigestFile, digestFileProblem, type DigestInputProblem, digestInputProblem, namedKeyIdOf } from '@kinerja/jobs/digest/chain-digest';
import { checkDatabaseAgainstDigest } from '@kinerja/jobs/digest/chain-digest.service';
import { loadTrustedDigestPublicKeys, type OfficeDigestPublicKey, PREVIOUS_KEYS_SOURCE } from '@kinerja/jobs/digest/digest-signing-key';
import { CliCommand, CliContext } from '../cli-command';
import { USAGE_ERROR } from '../parse-args';
import { alertWords, brokenLinkWords } from './chain-damage-words';

const USAGE = 'Pemakaian: npm run cli -- audit:verify --satker <kode> [--digest <berkas.json>] [--public-key <kunci.pem>] [--json]';

/** audit:verify without --satker: which office to check is the one thing it cannot guess. */
const NO_SATKER = `DITOLAK: opsi --satker <kode> wajib diberikan: kode satker yang rantai hash-nya diperiksa; tidak ada yang dijalankan.\n${USAGE}`;

/** Wrong input on the command line (an unknown office, a digest of another office, a file that cannot be read): `message` says which; exit USAGE_ERROR, nothing recorded. */
class UsageError extends Error {}

function readDigest(path: string): ChainDigestFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ChainDigestFile;
  } catch (error) {
    throw new UsageError(`DITOLAK: berkas digest ${path} tidak dapat dibaca: ${fileErrorWords(error)}. Tidak ada yang dicatat.`);
  }
}

/**
 * Whether `satker` names an office: a row of `satker`, or a chain in the event store (an office row
 * lost does not stop its chain from being verified). Anything else is a typo, not an intact chain.
 */
async function officeKnown(context: CliContext, satker: string): Promise<boolean> {
  const rows = await context.dataSource.query(
    `SELECT 1 FROM satker WHERE code = $1
     UNION ALL SELECT 1 FROM tenant_chain_heads WHERE tenant_id = $1
     UNION ALL (SELECT 1 FROM events WHERE tenant_id = $1 LIMIT 1)
     LIMIT 1`,
    [satker],
  );
  return rows.length > 0;
}

/** A key a digest may be signed with, and how messages name it. */
interface LabelledKey {
  pem: string;
  /** Null for a key given with --public-key (named by its path). */
  keyId: string | null;
  label: string;
}

/** The keys a digest must be signed with, and how to name them together; or why none can be trusted. */
type TrustedKeys = { keys: LabelledKey[]; description: string } | { refusal: string };

/** Exit code when the signer cannot be checked: a configuration problem (EX_CONFIG, as in main.ts). */
const NO_TRUSTED_KEY = 78;

function readPublicKey(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`DITOLAK: berkas kunci publik ${path} tidak dapat dibaca: ${fileErrorWords(error)}. Tidak ada yang dicatat.`);
  }
}

function labelOf(key: OfficeDigestPublicKey): string {
  if (!key.current) return `${PREVIOUS_KEYS_SOURCE} (kunci lama, hanya untuk verifikasi), ID kunci ${key.keyId}`;
  const source = key.source === 'DIGEST_SIGNING_KEY' ? 'DIGEST_SIGNING_KEY' : `kunci pengembangan ${key.source}`;
  return `${source}, ID kunci ${key.keyId}`;
}

/**
 * `--public-key` when given (an auditor checking offline against the published key): that key
 * only. Otherwise the office's keys, from the same configuration the worker signs with: the public
 * half of its signing key, and the earlier keys still trusted after a rotation
 * (DIGEST_PREVIOUS_PUBLIC_KEYS). Never the key written inside the digest file: a forger signs with
 * their own key and puts it there.
 */
function trustedKeys(publicKeyPath: string | undefined, context: CliContext, digestPath: string): TrustedKeys {
  if (publicKeyPath !== undefined) {
    const label = `--public-key ${publicKeyPath}`;
    return { keys: [{ pem: readPublicKey(publicKeyPath), keyId: null, label }], description: label };
  }
  const how = 'Berikan kunci publik kantor yang dipercaya dengan --public-key <kunci.pem> (diunduh dari GET /api/v1/audit/public-key), '
    + `atau jalankan perintah ini dengan DIGEST_SIGNING_KEY (dan ${PREVIOUS_KEYS_SOURCE}) yang sama dengan worker. `
    + 'Kunci yang tertulis di dalam berkas digest tidak dipakai: pemalsu dapat menggantinya.';
  let office: OfficeDigestPublicKey[];
  try {
    office = context.config ? loadTrustedDigestPublicKeys(context.config) : [];
  } catch (error) {
    return { refusal: `DITOLAK: penanda tangan digest ${digestPath} tidak dapat diperiksa — kunci penanda tangan kantor tidak dapat dibaca (${(error as Error).message}). ${how}` };
  }
  // Earlier keys only add to the current one: without it, a genuine digest signed now would be
  // judged foreign and recorded as damage.
  if (!office.some((k) => k.current)) {
    const why = context.config?.isProduction === false
      ? 'DIGEST_SIGNING_KEY tidak diatur dan tidak ada kunci pengembangan di DATA_DIR'
      : 'DIGEST_SIGNING_KEY tidak diatur';
    return { refusal: `DITOLAK: penanda tangan digest ${digestPath} tidak dapat diperiksa — kunci penanda tangan kantor tidak diketahui (${why}). ${how}` };
  }
  const keys = office.map((k) => ({ pem: k.publicKeyPem, keyId: k.keyId, label: labelOf(k) }));
  return { keys, description: keys.map((k) => k.label).join('; ') };
}

/** After a foreign signer found with the office's keys: a rotation is the innocent explanation, and its remedy. */
const ROTATION_HINT = ' Bila kantor telah mengganti DIGEST_SIGNING_KEY dan digest ini ditandatangani dengan kunci lamanya, cantumkan kunci publik lama itu '
  + `(dari arsip kantor atau GET /api/v1/audit/public-keys, bukan dari berkas digest) di ${PREVIOUS_KEYS_SOURCE}.`;

/** How to name the key a digest checked with: by its id among the office's keys, or the one pinned. */
function verifiedWith(trusted: { keys: LabelledKey[] }, keyId: string | null): string {
  return (trusted.keys.find((k) => k.keyId !== null && k.keyId === keyId) ?? trusted.keys[0]).label;
}

/**
 * A file that is no Kinerja digest, or a public key that is no Ed25519 key, is the wrong input, not
 * evidence about the chain: refused like a file of another office, before the chain is verified
 * (a damaged chain would otherwise answer first, and be recorded).
 */
function refuseWrongInput(problem: DigestInputProblem | null, satker: string, digestPath: string | undefined): void {
  if (!problem) return;
  const what = problem.problem === 'unreadable_key' ? 'kunci publik' : `berkas ${digestPath}`;
  throw new UsageError(`DITOLAK: ${what} tidak dapat dipakai: ${problem.reason}. Berikan digest yang disimpan dari Kinerja (GET /api/v1/satker/${satker}/audit/digests/{tanggal}) dan kunci publik Ed25519. Tidak ada yang dicatat.`);
}

/**
 * The verdict, sound or not, on stdout: `audit:verify > result.txt` keeps it either way (the exit
 * code says which). Only refusals (`refuse`) and the logger's diagnostics go to stderr.
 */
function print(context: CliContext, json: boolean, ok: boolean, summary: string, details: Record<string, unknown>): number {
  context.out(json ? JSON.stringify({ ok, summary, ...details }) : summary);
  return ok ? 0 : 1;
}

/** Input or configuration refused before anything was verified: stderr (with --json, the JSON answer on stdout). */
function refuse(context: CliContext, json: boolean, summary: string): void {
  if (json) context.out(JSON.stringify({ ok: false, summary }));
  else context.err(summary);
}

/**
 * `audit:verify --satker <code>`: recomputes the office's hash chain; exit 0 with the head, exit 1
 * with the first broken link. `--digest <file>` also checks the database against a signed digest
 * saved earlier, which catches a history rewritten with every hash recomputed. The digest must be
 * signed with the office's own key (the public half of DIGEST_SIGNING_KEY, or of the development key
 * under DATA_DIR) or one of its earlier keys still trusted after a rotation (DIGEST_PREVIOUS_PUBLIC_KEYS),
 * saying which key id verified it, or with the key `--public-key` names; when none is known the command refuses
 * (exit 78) rather than trust the key inside the file. Damage found, a digest signed by another key
 * included, is recorded in integrity_alerts, like any verification, once while its alert is open
 * (the output names the alert). Wrong input is refused with exit 64 and records nothing: a missing
 * flag, an office that does not exist (no `satker` row and no chain), a digest file of another
 * office, a file that cannot be read, a file that is no Kinerja digest, a key that is no Ed25519 public key. An office that exists but has no events yet is intact at 0.
 */
export const auditVerifyCommand: CliCommand = {
  name: 'audit:verify',
  description: 'Periksa rantai hash satker (--satker), bila perlu juga terhadap digest bertanda tangan yang disimpan (--digest)',
  flags: { satker: 'string', digest: 'string', 'public-key': 'string', json: 'boolean' },
  usage: USAGE,
  refuse: (args) => (typeof args.satker === 'string' && args.satker !== '' ? null : NO_SATKER),
  async run(args, context) {
    try {
      return await verifyOffice(args, context);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      refuse(context, args.json === true, error.message);
      return USAGE_ERROR;
    }
  },
};

async function verifyOffice(args: Record<string, string | boolean>, context: CliContext): Promise<number> {
  const satker = args.satker;
  if (typeof satker !== 'string' || satker === '') {
    context.err(NO_SATKER);
    return USAGE_ERROR;
  }
  const json = args.json === true;
  if (args.digest === true || args['public-key'] === true) {
    context.err(USAGE);
    return USAGE_ERROR;
  }
  if (!(await officeKnown(context, satker))) {
    throw new UsageError(`DITOLAK: satker ${satker} tidak dikenal — tidak ada di tabel satker dan tidak memiliki rantai peristiwa. Periksa kode satker (${USAGE}).`);
  }
  const digestPath = typeof args.digest === 'string' ? args.digest : undefined;
  const file = digestPath === undefined ? undefined : readDigest(digestPath);
  // The office a digest names is read before its signature: a digest of another office is the
  // wrong file, whoever signed it, not evidence about this office's chain.
  const claimedPayload = (file as Partial<ChainDigestFile> | null | undefined)?.payload;
  const claimedOffice = claimedPayload && typeof claimedPayload === 'object' ? claimedPayload.tenant : undefined;
  if (typeof claimedOffice === 'string' && claimedOffice !== satker) {
    throw new UsageError(
      `DITOLAK: digest ${digestPath} milik satker ${claimedOffice}, bukan satker ${satker} yang diperiksa. `
        + `Berikan digest satker ${satker}, atau periksa satker ${claimedOffice} dengan --satker ${claimedOffice}. Tidak ada yang dicatat.`,
    );
  }
  if (file !== undefined) refuseWrongInput(digestFileProblem(file), satker, digestPath);
  const key = digestPath === undefined ? undefined : trustedKeys(args['public-key'] as string | undefined, context, digestPath);
  if (key && 'refusal' in key) {
    refuse(context, json, key.refusal);
    return NO_TRUSTED_KEY;
  }
  if (file !== undefined && key) refuseWrongInput(digestInputProblem(file, key.keys.map((k) => k.pem)), satker, digestPath);
  const store = new EventStore(context.dataSource);
  const logger = pino({ level: 'error', base: { name: 'kinerja-cli' } }, pino.destination(2));
  const integrity = new IntegrityService(context.dataSource, store, logger);
  const { result, alert: chainAlert } = await integrity.verifyAndRecord(satker, 'cli', null);
  if (!result.intact) {
    const b = result.brokenLink;
    return print(context, json, false,
      `RUSAK: ${brokenLinkWords(satker, b)}; ${alertWords(chainAlert!)}`,
      { brokenLink: b, alert: chainAlert });
  }
  const head = result.head;
  if (file === undefined || !key) {
    const summary = head.count === 0
      ? `UTUH: rantai ${satker} masih kosong (0 peristiwa): satker belum mencatat peristiwa apa pun. Riwayat yang dihapus seluruhnya hanya terungkap dengan --digest.`
      : `UTUH: rantai ${satker} sampai urutan ${head.sequence}, hash kepala ${head.hash} (${head.count} peristiwa)`;
    return print(context, json, true, summary, { head });
  }
  const check = await checkDatabaseAgainstDigest(context.dataSource, store, satker, file, key.keys.map((k) => k.pem));
  if (!check.ok) {
    const digest = check.digest;
    const claimed = (file as Partial<ChainDigestFile> | null)?.payload;
    const day = String(digest?.day ?? (claimed && typeof claimed === 'object' ? claimed.day : undefined) ?? '-');
    const alert = await integrity.recordDamage(satker, 'cli-digest', null, {
      kind: 'digest_mismatch', sequence: digest?.sequence ?? null, eventId: null, detail: check.reason ?? 'digest tidak cocok',
      damageKey: digestDamageKey(day, check.signatureProblem ? { problem: check.signatureProblem, keyId: namedKeyIdOf(file) } : undefined),
    });
    const summary = check.signatureProblem === 'foreign_key'
      ? `PERINGATAN: digest ${digestPath} BUKAN ditandatangani oleh kunci yang dipercaya (${key.description}): ${check.reason}. `
        + `Digest ini mungkin palsu dan tidak boleh dipercaya; hal ini ${alertWords(alert)}.`
        + (args['public-key'] === undefined ? ROTATION_HINT : '')
      : `TIDAK COCOK dengan digest ${digestPath}: ${check.reason}; ${alertWords(alert)}`;
    return print(context, json, false, summary, { head, digest, signatureProblem: check.signatureProblem, trustedKey: key.description, keyId: check.keyId, alert });
  }
  const d = check.digest!;
  const signer = verifiedWith(key, check.keyId);
  return print(context, json, true,
    `UTUH dan COCOK: rantai ${satker} memuat digest ${d.day} (urutan ${d.sequence}, hash ${d.hash}); kepala kini urutan ${head.sequence}, hash ${head.hash}; `
      + `tanda tangan diperiksa dengan ${signer}`,
    { head, digest: d, trustedKey: signer, keyId: check.keyId });
}
