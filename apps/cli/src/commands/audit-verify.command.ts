import { readFileSync } from 'node:fs';
import pino from 'pino';
import { EventStore } from '@kinerja/event-store';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import type { ChainDigestFile } from '@kinerja/jobs/digest/chain-digest';
import { checkDatabaseAgainstDigest } from '@kinerja/jobs/digest/chain-digest.service';
import { CliCommand, CliContext } from '../cli-command';

const USAGE = 'Pemakaian: npm run cli -- audit:verify --satker <kode> [--digest <berkas.json>] [--public-key <kunci.pem>] [--json]';

function readDigest(path: string): ChainDigestFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ChainDigestFile;
  } catch (error) {
    throw new Error(`Berkas digest ${path} tidak dapat dibaca: ${(error as Error).message}`);
  }
}

function print(context: CliContext, json: boolean, ok: boolean, summary: string, details: Record<string, unknown>): number {
  if (json) context.out(JSON.stringify({ ok, summary, ...details }));
  else (ok ? context.out : context.err)(summary);
  return ok ? 0 : 1;
}

/**
 * `audit:verify --satker <code>`: recomputes the office's hash chain; exit 0 with the head, exit 1
 * with the first broken link. `--digest <file>` also checks the database against a signed digest
 * saved earlier, which catches a history rewritten with every hash recomputed. `--public-key` pins
 * the key the digest must be signed with (otherwise the key inside the file is used). Damage found
 * is recorded in integrity_alerts, like any verification.
 */
export const auditVerifyCommand: CliCommand = {
  name: 'audit:verify',
  description: 'Verify an office\'s hash chain (--satker), optionally against a saved signed digest (--digest)',
  async run(args, context) {
    const satker = args.satker;
    if (typeof satker !== 'string' || satker === '') {
      context.err(USAGE);
      return 64;
    }
    const json = args.json === true;
    const store = new EventStore(context.dataSource);
    const logger = pino({ level: 'error', base: { name: 'kinerja-cli' } }, pino.destination(2));
    const integrity = new IntegrityService(context.dataSource, store, logger);
    const result = await integrity.verify(satker, 'cli', null);
    if (!result.intact) {
      const b = result.brokenLink;
      return print(context, json, false, `RUSAK: rantai ${satker} putus pada urutan ${b.sequence} (${b.kind}, peristiwa ${b.eventId ?? '-'}): ${b.detail}`, { brokenLink: b });
    }
    const head = result.head;
    if (typeof args.digest !== 'string') {
      return print(context, json, true, `UTUH: rantai ${satker} sampai urutan ${head.sequence}, hash kepala ${head.hash} (${head.count} peristiwa)`, { head });
    }
    const file = readDigest(args.digest);
    const publicKey = typeof args['public-key'] === 'string' ? readFileSync(args['public-key'], 'utf8') : undefined;
    const check = await checkDatabaseAgainstDigest(context.dataSource, store, satker, file, publicKey);
    if (!check.ok) {
      const digest = check.digest;
      await integrity.recordDamage(satker, 'cli-digest', null, {
        kind: 'digest_mismatch', sequence: digest?.sequence ?? null, eventId: null, detail: check.reason ?? 'digest tidak cocok',
      });
      return print(context, json, false, `TIDAK COCOK dengan digest ${args.digest}: ${check.reason}`, { head, digest });
    }
    const d = check.digest!;
    return print(context, json, true,
      `UTUH dan COCOK: rantai ${satker} memuat digest ${d.day} (urutan ${d.sequence}, hash ${d.hash}); kepala kini urutan ${head.sequence}, hash ${head.hash}`,
      { head, digest: d });
  },
};
