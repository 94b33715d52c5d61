import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { EventStore } from '@kinerja/event-store';
import { appendOfficeHistory } from '@kinerja/projections/audit-trail/audit-trail.fixture';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { type ChainDigestFile, keyIdOf, signPayload } from '@kinerja/jobs/digest/chain-digest';
import { ChainDigestService } from '@kinerja/jobs/digest/chain-digest.service';
import { DEV_KEY_FILE } from '@kinerja/jobs/digest/digest-signing-key';
import { type AppConfig } from '@kinerja/platform';
import { loadConfig } from '@kinerja/platform/config/load-config';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { auditVerifyCommand } from './audit-verify.command';

describe('npm run cli -- audit:verify', () => {
  let db: TestDatabase;
  let dir: string;
  let digestPath: string;
  let keyPath: string;
  /** The office's configuration: DIGEST_SIGNING_KEY is the key the digests were signed with. */
  let officeConfig: AppConfig;
  let officeKeyId: string;
  let privatePem: string;
  const out: string[] = [];
  const err: string[] = [];
  /** `config` null: a context without configuration. */
  const run = (args: Record<string, string | boolean>, config: AppConfig | null = officeConfig) =>
    auditVerifyCommand.run(args, { dataSource: db.dataSource, config: config ?? undefined, out: (l) => out.push(l), err: (l) => err.push(l) });
  const made: string[] = [];
  const tempDir = (prefix: string) => {
    const made1 = mkdtempSync(join(tmpdir(), prefix));
    made.push(made1);
    return made1;
  };
  const emptyDataDir = () => tempDir('kinerja-data-');
  /** Changes a draft's value in place, its hash left as it was: the chain breaks at that event. */
  async function tamper(satker: string, value: string): Promise<{ sequence: string; data: unknown }> {
    const [original] = await db.dataSource.query(
      `SELECT tenant_sequence AS sequence, data FROM events WHERE tenant_id = $1 AND type = 'RealisasiDraftSaved' ORDER BY tenant_sequence DESC LIMIT 1`, [satker],
    );
    await db.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(`UPDATE events SET data = jsonb_set(data, '{lines,0,value}', to_jsonb($3::text)) WHERE tenant_id = $1 AND tenant_sequence = $2`, [satker, original.sequence, value]);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
    return original;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new EventStore(db.dataSource);
    await appendOfficeHistory(store, 'kpu-cli');
    await appendOfficeHistory(store, 'kpu-kunci');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    officeKeyId = keyIdOf(publicKey);
    officeConfig = loadConfig({ NODE_ENV: 'test', DATA_DIR: emptyDataDir(), DIGEST_SIGNING_KEY: privatePem });
    const digests = new ChainDigestService(db.dataSource, new IntegrityService(db.dataSource, store, pino({ level: 'silent' })), { privateKey, publicKeyPem: pem, keyId: officeKeyId });
    await digests.record('kpu-cli', new Date('2026-01-01T00:00:00Z'));
    await digests.record('kpu-kunci', new Date('2026-01-01T00:00:00Z'));
    dir = tempDir('kinerja-digest-');
    digestPath = join(dir, 'digest.json');
    keyPath = join(dir, 'key.pem');
    writeFileSync(digestPath, JSON.stringify(await digests.file('kpu-cli', '2026-01-01')));
    writeFileSync(join(dir, 'kunci.json'), JSON.stringify(await digests.file('kpu-kunci', '2026-01-01')));
    writeFileSync(keyPath, pem);
  });
  afterAll(async () => {
    made.forEach((made1) => rmSync(made1, { recursive: true, force: true }));
    await db.drop();
  });
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
  });

  it('needs --satker', async () => {
    expect(await run({})).toBe(64);
    expect(err[0]).toContain('--satker');
  });

  it('exits 0 with the head when intact, and when the database still holds the saved digest', async () => {
    expect(await run({ satker: 'kpu-cli' })).toBe(0);
    expect(out[0]).toMatch(/^UTUH: rantai kpu-cli sampai urutan 14, hash kepala [0-9a-f]{64}/);
    expect(await run({ satker: 'kpu-cli', digest: digestPath, 'public-key': keyPath, json: true })).toBe(0);
    expect(JSON.parse(out[1])).toMatchObject({ ok: true, digest: { sequence: 14, day: '2026-01-01' } });
  });

  describe('whose key signed the digest', () => {
    const genuine = () => join(dir, 'kunci.json');
    const saved = (): ChainDigestFile => JSON.parse(readFileSync(genuine(), 'utf8'));
    const alerts = () => db.dataSource.query(`SELECT kind, source, detail FROM integrity_alerts WHERE satker_code = 'kpu-kunci' ORDER BY id`);
    const alertIds = async () => (await db.dataSource.query(`SELECT id FROM integrity_alerts WHERE satker_code = 'kpu-kunci' ORDER BY id`)).map((r: { id: string }) => Number(r.id));
    function write(name: string, file: unknown): string {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(file));
      return path;
    }

    it('without --public-key, a digest signed with another key (its own key written in the file) is refused loudly and recorded', async () => {
      const attacker = generateKeyPairSync('ed25519');
      const forged = write('forged.json', signPayload(saved().payload, attacker.privateKey));
      expect(await run({ satker: 'kpu-kunci', digest: forged })).toBe(1);
      // The verdict is the command's output (stdout), as a sound one is: `audit:verify > hasil.txt` keeps it.
      expect(err).toEqual([]);
      expect(out[0]).toBe(
        `PERINGATAN: digest ${forged} BUKAN ditandatangani oleh kunci yang dipercaya (DIGEST_SIGNING_KEY, ID kunci ${officeKeyId}): `
          + `digest ditandatangani dengan kunci lain (ID kunci ${keyIdOf(attacker.publicKey)}), bukan kunci publik yang dipercaya (ID kunci ${officeKeyId}). `
          + `Digest ini mungkin palsu dan tidak boleh dipercaya; hal ini dicatat sebagai peringatan integritas #${(await alertIds())[0]}. `
          + 'Bila kantor telah mengganti DIGEST_SIGNING_KEY dan digest ini ditandatangani dengan kunci lamanya, cantumkan kunci publik lama itu '
          + '(dari arsip kantor atau GET /api/v1/audit/public-keys, bukan dari berkas digest) di DIGEST_PREVIOUS_PUBLIC_KEYS.',
      );
      expect(await alerts()).toEqual([{ kind: 'digest_mismatch', source: 'cli-digest', detail: expect.stringContaining('kunci lain') }]);
      // Copying the office's key and key id into the forged file does not help the forger.
      const disguised = write('disguised.json', { ...signPayload(saved().payload, attacker.privateKey), publicKey: saved().publicKey, keyId: officeKeyId });
      expect(await run({ satker: 'kpu-kunci', digest: disguised, json: true })).toBe(1);
      expect(JSON.parse(out[1])).toMatchObject({ ok: false, signatureProblem: 'bad_signature', summary: expect.stringContaining('tanda tangan digest tidak sah') });
      expect(await alerts()).toHaveLength(2);
    });

    it('without --public-key, the genuine digest passes against the configured key: DIGEST_SIGNING_KEY, or the development key under DATA_DIR', async () => {
      expect(await run({ satker: 'kpu-kunci', digest: genuine() })).toBe(0);
      expect(out[0]).toMatch(new RegExp(`^UTUH dan COCOK: rantai kpu-kunci memuat digest 2026-01-01 .*tanda tangan diperiksa dengan DIGEST_SIGNING_KEY, ID kunci ${officeKeyId}$`));
      const dataDir = emptyDataDir();
      writeFileSync(join(dataDir, DEV_KEY_FILE), privatePem);
      expect(await run({ satker: 'kpu-kunci', digest: genuine() }, loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }))).toBe(0);
      expect(out[1]).toContain(`tanda tangan diperiksa dengan kunci pengembangan ${join(dataDir, DEV_KEY_FILE)}, ID kunci ${officeKeyId}`);
    });

    it('--public-key overrides the configured key, also with no configuration at all (an auditor offline)', async () => {
      expect(await run({ satker: 'kpu-kunci', digest: genuine(), 'public-key': keyPath }, null)).toBe(0);
      expect(out[0]).toContain(`tanda tangan diperiksa dengan --public-key ${keyPath}`);
      const otherOffice = loadConfig({ NODE_ENV: 'test', DATA_DIR: emptyDataDir(), DIGEST_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
      expect(await run({ satker: 'kpu-kunci', digest: genuine(), 'public-key': keyPath }, otherOffice)).toBe(0);
      const pinned = join(dir, 'pinned.pem');
      writeFileSync(pinned, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
      const before = (await alerts()).length;
      expect(await run({ satker: 'kpu-kunci', digest: genuine(), 'public-key': pinned })).toBe(1);
      expect(out[2]).toMatch(/^PERINGATAN: digest .* BUKAN ditandatangani oleh kunci yang dipercaya \(--public-key .*pinned\.pem\)/);
      expect(await alerts()).toHaveLength(before + 1);
    });

    describe('after the office rotated DIGEST_SIGNING_KEY', () => {
      const previous = generateKeyPairSync('ed25519');
      const previousPem = previous.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const previousId = keyIdOf(previous.publicKey);
      /** The office's configuration after the rotation: the new signing key, the old public key still trusted. */
      const rotated = (previousKeys: string) =>
        loadConfig({ NODE_ENV: 'test', DATA_DIR: emptyDataDir(), DIGEST_SIGNING_KEY: privatePem, DIGEST_PREVIOUS_PUBLIC_KEYS: previousKeys });
      let signedBefore: string;

      beforeAll(async () => {
        // The digest of 31 December, signed by the worker with the key in force then.
        const store = new EventStore(db.dataSource);
        const old = new ChainDigestService(db.dataSource, new IntegrityService(db.dataSource, store, pino({ level: 'silent' })), {
          privateKey: previous.privateKey, publicKeyPem: previousPem, keyId: previousId,
        });
        expect(await old.record('kpu-kunci', new Date('2025-12-31T17:00:00Z'), '2025-12-31')).toBe('recorded');
        signedBefore = write('signed-before-rotation.json', await old.file('kpu-kunci', '2025-12-31'));
      });

      it('fails (exit 1, recorded) while the old public key is not configured, and says how to trust it', async () => {
        const before = (await alerts()).length;
        expect(await run({ satker: 'kpu-kunci', digest: signedBefore })).toBe(1);
        expect(out[0]).toContain(`digest ditandatangani dengan kunci lain (ID kunci ${previousId}), bukan kunci publik yang dipercaya (ID kunci ${officeKeyId})`);
        expect(out[0]).toContain('cantumkan kunci publik lama itu');
        expect(await alerts()).toHaveLength(before + 1);
      });

      it('passes once the old public key is in DIGEST_PREVIOUS_PUBLIC_KEYS (PEM or base64), naming the key id that verified it', async () => {
        expect(await run({ satker: 'kpu-kunci', digest: signedBefore }, rotated(previousPem))).toBe(0);
        expect(out[0]).toMatch(/^UTUH dan COCOK: rantai kpu-kunci memuat digest 2025-12-31 /);
        expect(out[0]).toMatch(new RegExp(`tanda tangan diperiksa dengan DIGEST_PREVIOUS_PUBLIC_KEYS \\(kunci lama, hanya untuk verifikasi\\), ID kunci ${previousId}$`));
        const base64 = previous.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
        const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
        expect(await run({ satker: 'kpu-kunci', digest: signedBefore, json: true }, rotated(`${other}, ${base64}`))).toBe(0);
        expect(JSON.parse(out[1])).toMatchObject({ ok: true, keyId: previousId, digest: { day: '2025-12-31' }, trustedKey: expect.stringContaining('DIGEST_PREVIOUS_PUBLIC_KEYS') });
      });

      it('still verifies digests of the current key with it, and still refuses any other signer', async () => {
        expect(await run({ satker: 'kpu-kunci', digest: genuine(), json: true }, rotated(previousPem))).toBe(0);
        expect(JSON.parse(out[0])).toMatchObject({ ok: true, keyId: officeKeyId, trustedKey: `DIGEST_SIGNING_KEY, ID kunci ${officeKeyId}` });
        const attacker = generateKeyPairSync('ed25519');
        const forged = write('forged-after-rotation.json', signPayload(saved().payload, attacker.privateKey));
        expect(await run({ satker: 'kpu-kunci', digest: forged }, rotated(previousPem))).toBe(1);
        expect(out[1]).toContain(
          `BUKAN ditandatangani oleh kunci yang dipercaya (DIGEST_SIGNING_KEY, ID kunci ${officeKeyId}; `
            + `DIGEST_PREVIOUS_PUBLIC_KEYS (kunci lama, hanya untuk verifikasi), ID kunci ${previousId})`,
        );
      });

      it('with --public-key trusts only that key, not the earlier ones', async () => {
        const before = await alertIds();
        expect(await run({ satker: 'kpu-kunci', digest: signedBefore, 'public-key': keyPath }, rotated(previousPem))).toBe(1);
        // The same digest, refused for the same signer, is the alert still open from the run without the old key.
        expect(out[0]).toMatch(/^PERINGATAN: .*\(--public-key .*key\.pem\): .*sudah tercatat sebagai peringatan integritas #\d+ yang masih terbuka \(tidak dicatat ulang\)\.$/);
        expect(await alertIds()).toEqual(before);
      });
    });

    it('refuses, trusting no key from the file, when no trusted key can be determined', async () => {
      const before = (await alerts()).length;
      const dataDir = emptyDataDir();
      for (const config of [loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }), null]) {
        err.length = 0;
        expect(await run({ satker: 'kpu-kunci', digest: genuine() }, config)).toBe(78);
        expect(err[0]).toMatch(/^DITOLAK: penanda tangan digest .* tidak dapat diperiksa — kunci penanda tangan kantor tidak diketahui \(DIGEST_SIGNING_KEY tidak diatur/);
        expect(err[0]).toContain('--public-key <kunci.pem>');
      }
      expect(existsSync(join(dataDir, DEV_KEY_FILE))).toBe(false);
      // Earlier keys alone are not enough: the genuine digest, signed with the unknown current key, would be judged foreign.
      const onlyEarlier = loadConfig({
        NODE_ENV: 'production', DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'kata-sandi-admin-panjang', DATABASE_URL: 'postgres://db/kinerja',
        DIGEST_PREVIOUS_PUBLIC_KEYS: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      });
      err.length = 0;
      expect(await run({ satker: 'kpu-kunci', digest: genuine() }, onlyEarlier)).toBe(78);
      expect(err[0]).toMatch(/^DITOLAK: .*kunci penanda tangan kantor tidak diketahui \(DIGEST_SIGNING_KEY tidak diatur\)/);
      const broken = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DIGEST_SIGNING_KEY: 'bukan kunci' });
      expect(await run({ satker: 'kpu-kunci', digest: genuine(), json: true }, broken)).toBe(78);
      expect(JSON.parse(out[0])).toMatchObject({ ok: false, summary: expect.stringMatching(/^DITOLAK: .*kunci penanda tangan kantor tidak dapat dibaca/) });
      expect(await run({ satker: 'kpu-kunci', digest: genuine(), 'public-key': true })).toBe(64);
      expect(await alerts()).toHaveLength(before);
    });
  });

  describe('wrong input is refused with exit 64 (a usage error, not damage) and records nothing', () => {
    const alertsOf = async (satker: string) => Number((await db.dataSource.query(`SELECT count(*) AS n FROM integrity_alerts WHERE satker_code = $1`, [satker]))[0].n);

    it('an office that does not exist, with or without a digest', async () => {
      expect(await run({ satker: 'nope' })).toBe(64);
      expect(out).toEqual([]);
      expect(err[0]).toMatch(/^DITOLAK: satker nope tidak dikenal — tidak ada di tabel satker dan tidak memiliki rantai peristiwa\. Periksa kode satker/);
      expect(await run({ satker: 'nope', digest: digestPath, json: true })).toBe(64);
      expect(JSON.parse(out[0])).toMatchObject({ ok: false, summary: expect.stringContaining('satker nope tidak dikenal') });
      expect(await alertsOf('nope')).toBe(0);
    });

    it('an office that exists but has no events yet is intact at 0, and says its chain is empty', async () => {
      await db.dataSource.query(`INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ('kpu-kosong', 'KPU Kosong', 'Asia/Jakarta', now(), now())`);
      expect(await run({ satker: 'kpu-kosong' })).toBe(0);
      expect(out[0]).toMatch(/^UTUH: rantai kpu-kosong masih kosong \(0 peristiwa\): satker belum mencatat peristiwa apa pun\./);
      expect(await run({ satker: 'kpu-kosong', json: true })).toBe(0);
      expect(JSON.parse(out[1])).toMatchObject({ ok: true, head: { sequence: 0, count: 0 } });
    });

    it('a digest of another office, genuine or forged, names both offices and raises no alert on the office checked', async () => {
      const other = join(dir, 'kunci.json');
      expect(await run({ satker: 'kpu-cli', digest: other })).toBe(64);
      expect(err[0]).toBe(
        `DITOLAK: digest ${other} milik satker kpu-kunci, bukan satker kpu-cli yang diperiksa. `
          + 'Berikan digest satker kpu-cli, atau periksa satker kpu-kunci dengan --satker kpu-kunci. Tidak ada yang dicatat.',
      );
      const forged = join(dir, 'forged-other-office.json');
      writeFileSync(forged, JSON.stringify(signPayload(JSON.parse(readFileSync(other, 'utf8')).payload, generateKeyPairSync('ed25519').privateKey)));
      expect(await run({ satker: 'kpu-cli', digest: forged, json: true })).toBe(64);
      expect(JSON.parse(out[0])).toMatchObject({ ok: false, summary: expect.stringContaining('milik satker kpu-kunci, bukan satker kpu-cli') });
      expect(await run({ satker: 'kpu-cli', digest: other, 'public-key': keyPath })).toBe(64);
      expect(await alertsOf('kpu-cli')).toBe(0);
    });

    it('a file that is no Kinerja digest, or a public key that is no Ed25519 key', async () => {
      const notADigest = join(dir, 'bukan-digest.json');
      writeFileSync(notADigest, JSON.stringify({ laporan: 'LKj 2025', halaman: 42 }));
      expect(await run({ satker: 'kpu-cli', digest: notADigest })).toBe(64);
      expect(err[0]).toMatch(/^DITOLAK: berkas .*bukan-digest\.json tidak dapat dipakai: berkas digest tidak lengkap\..*Tidak ada yang dicatat\.$/);
      const otherKind = join(dir, 'jenis-lain.json');
      writeFileSync(otherKind, JSON.stringify({ ...JSON.parse(readFileSync(digestPath, 'utf8')), payload: { ...JSON.parse(readFileSync(digestPath, 'utf8')).payload, kind: 'lain' } }));
      expect(await run({ satker: 'kpu-cli', digest: otherKind })).toBe(64);
      expect(err[1]).toContain('berkas bukan digest rantai Kinerja versi 1');
      const rsa = join(dir, 'rsa.pem');
      writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
      expect(await run({ satker: 'kpu-cli', digest: digestPath, 'public-key': rsa })).toBe(64);
      expect(err[2]).toMatch(/^DITOLAK: kunci publik tidak dapat dipakai: kunci publik yang dipercaya tidak dapat dibaca/);
      expect(await alertsOf('kpu-cli')).toBe(0);
    });

    it('a wrong digest or key file is refused before the chain is verified: a damaged chain neither answers first nor is recorded (QA5 finding B)', async () => {
      const store = new EventStore(db.dataSource);
      await appendOfficeHistory(store, 'kpu-rusak-masukan');
      await tamper('kpu-rusak-masukan', '66');
      const empty = join(dir, 'kosong.json');
      writeFileSync(empty, '{}');
      const rsa = join(dir, 'rsa-rusak.pem');
      writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
      // This office's digest, edited (damage, recorded, had the key been usable): the key is refused first.
      const edited = join(dir, 'digest-rusak-masukan.json');
      writeFileSync(edited, JSON.stringify({ ...JSON.parse(readFileSync(digestPath, 'utf8')), payload: { ...JSON.parse(readFileSync(digestPath, 'utf8')).payload, tenant: 'kpu-rusak-masukan' } }));

      expect(await run({ satker: 'kpu-rusak-masukan', digest: empty })).toBe(64);
      expect(err[0]).toMatch(/^DITOLAK: berkas .*kosong\.json tidak dapat dipakai: berkas digest tidak lengkap\..*Tidak ada yang dicatat\.$/);
      // Refused as wrong input before the office's keys are even looked for.
      expect(await run({ satker: 'kpu-rusak-masukan', digest: empty, json: true }, null)).toBe(64);
      expect(JSON.parse(out[0])).toMatchObject({ ok: false, summary: expect.stringContaining('berkas digest tidak lengkap') });
      expect(await run({ satker: 'kpu-rusak-masukan', digest: edited, 'public-key': rsa })).toBe(64);
      expect(err[1]).toMatch(/^DITOLAK: kunci publik tidak dapat dipakai: kunci publik yang dipercaya tidak dapat dibaca/);
      expect(err.join('\n')).not.toContain('RUSAK');
      expect(await alertsOf('kpu-rusak-masukan')).toBe(0);

      // The chain is damaged indeed: checked without the wrong file, it says so and records it.
      expect(await run({ satker: 'kpu-rusak-masukan' })).toBe(1);
      expect(out[out.length - 1]).toMatch(/^RUSAK: rantai kpu-rusak-masukan putus pada urutan /);
      expect(err).toHaveLength(2);
      expect(await alertsOf('kpu-rusak-masukan')).toBe(1);
    });

    it('a digest or key file that cannot be read: refused (DITOLAK) saying why in Indonesian, never Node\'s English errno text', async () => {
      expect(await run({ satker: 'kpu-cli', digest: join(dir, 'tidak-ada.json') })).toBe(64);
      expect(err[0]).toBe(`DITOLAK: berkas digest ${join(dir, 'tidak-ada.json')} tidak dapat dibaca: berkas tidak ada (ENOENT). Tidak ada yang dicatat.`);
      expect(await run({ satker: 'kpu-cli', digest: digestPath, 'public-key': join(dir, 'tidak-ada.pem') })).toBe(64);
      expect(err[1]).toBe(`DITOLAK: berkas kunci publik ${join(dir, 'tidak-ada.pem')} tidak dapat dibaca: berkas tidak ada (ENOENT). Tidak ada yang dicatat.`);
      expect(await run({ satker: 'kpu-cli', digest: dir })).toBe(64);
      expect(err[2]).toBe(`DITOLAK: berkas digest ${dir} tidak dapat dibaca: itu sebuah direktori, bukan berkas (EISDIR). Tidak ada yang dicatat.`);
      const notJson = join(dir, 'bukan-json.json');
      writeFileSync(notJson, 'bukan json');
      expect(await run({ satker: 'kpu-cli', digest: notJson })).toBe(64);
      expect(err[3]).toBe(`DITOLAK: berkas digest ${notJson} tidak dapat dibaca: isinya bukan JSON yang sah. Tidak ada yang dicatat.`);
      expect(err.join('\n')).not.toMatch(/no such file|illegal operation|Unexpected token/);
      expect(await alertsOf('kpu-cli')).toBe(0);
    });
  });

  describe('the same damage is one alert while it is open', () => {
    const logger = pino({ level: 'silent' });
    const openAlerts = async (satker: string) =>
      (await db.dataSource.query(`SELECT id, source FROM integrity_alerts WHERE satker_code = $1 AND resolved_at IS NULL ORDER BY id`, [satker]))
        .map((r: { id: string; source: string }) => ({ id: Number(r.id), source: r.source }));

    beforeAll(async () => {
      const store = new EventStore(db.dataSource);
      await appendOfficeHistory(store, 'kpu-rusak');
      await appendOfficeHistory(store, 'kpu-serentak');
    });

    it('verifying a tampered chain again (CLI or API) names the open alert instead of recording another; after it is closed, the damage found again is a new one', async () => {
      const original = await tamper('kpu-rusak', '99');
      expect(await run({ satker: 'kpu-rusak' })).toBe(1);
      const [first] = await openAlerts('kpu-rusak');
      // In Indonesian throughout, "peristiwa" as the trail and the banner say it; the verifier's kind stays in --json.
      expect(err).toEqual([]);
      expect(out[0]).toMatch(new RegExp(
        `^RUSAK: rantai kpu-rusak putus pada urutan ${original.sequence}: peristiwa [0-9a-f-]{36} diubah — isi peristiwa tidak cocok dengan hash-nya; `
          + `dicatat sebagai peringatan integritas #${first.id}$`,
      ));
      expect(out[0]).not.toMatch(/modified|kejadian/);
      expect(await run({ satker: 'kpu-rusak' })).toBe(1);
      expect(out[1]).toMatch(new RegExp(`; sudah tercatat sebagai peringatan integritas #${first.id} yang masih terbuka \\(tidak dicatat ulang\\)$`));
      expect(await run({ satker: 'kpu-rusak', json: true })).toBe(1);
      expect(JSON.parse(out[2])).toMatchObject({ ok: false, brokenLink: { kind: 'modified' }, alert: { id: first.id, recorded: false } });
      // The API's GET audit/verify and the digest job record through the same service.
      const integrity = new IntegrityService(db.dataSource, new EventStore(db.dataSource), logger);
      expect((await integrity.verify('kpu-rusak', 'api', 'u-insp')).intact).toBe(false);
      expect(await integrity.verifyAndRecord('kpu-rusak', 'digest', 'system')).toMatchObject({ alert: { id: first.id, recorded: false } });
      expect(await openAlerts('kpu-rusak')).toEqual([{ id: first.id, source: 'cli' }]);

      // Restored, closed by the Inspektorat, then tampered with again: that is news, and a new alert.
      await db.dataSource.transaction(async (m) => {
        await m.query('ALTER TABLE events DISABLE TRIGGER USER');
        await m.query(`UPDATE events SET data = $3 WHERE tenant_id = $1 AND tenant_sequence = $2`, ['kpu-rusak', original.sequence, JSON.stringify(original.data)]);
        await m.query('ALTER TABLE events ENABLE TRIGGER USER');
      });
      await integrity.resolve('kpu-rusak', first.id, 'Dipulihkan dari cadangan.', { id: 'u-insp', role: 'INSPEKTORAT' }, {
        subject: async () => 'tidak dipakai', chain: (s) => integrity.chainProblem(s),
      });
      await tamper('kpu-rusak', '77');
      expect(await run({ satker: 'kpu-rusak' })).toBe(1);
      const [again] = await openAlerts('kpu-rusak');
      expect(again.id).toBeGreaterThan(first.id);
      expect(out[out.length - 1]).toMatch(new RegExp(`; dicatat sebagai peringatan integritas #${again.id}$`));
      expect(await openAlerts('kpu-rusak')).toHaveLength(1);
    });

    it('checks running at the same time record one alert between them', async () => {
      await tamper('kpu-serentak', '55');
      const integrity = new IntegrityService(db.dataSource, new EventStore(db.dataSource), logger);
      const codes = await Promise.all([
        run({ satker: 'kpu-serentak' }), run({ satker: 'kpu-serentak' }), run({ satker: 'kpu-serentak' }),
        integrity.verify('kpu-serentak', 'api', 'u-insp').then((r) => (r.intact ? 0 : 1)),
        integrity.verify('kpu-serentak', 'digest', 'system').then((r) => (r.intact ? 0 : 1)),
      ]);
      expect(codes).toEqual([1, 1, 1, 1, 1]);
      const alerts = await openAlerts('kpu-serentak');
      expect(alerts).toHaveLength(1);
      expect(out).toHaveLength(3);
      for (const line of out) expect(line).toMatch(new RegExp(`peringatan integritas #${alerts[0].id}( |$)`));
    });
  });

  it('exits 1 with the reason when history was rewritten and every hash recomputed', async () => {
    await db.dataSource.transaction(async (m) => {
      // The crudest full rewrite: drop the whole chain and append a different history under the same office.
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(`DELETE FROM events WHERE tenant_id = 'kpu-cli'`);
      await m.query(`DELETE FROM tenant_chain_heads WHERE tenant_id = 'kpu-cli'`);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
    const store = new EventStore(db.dataSource);
    await appendOfficeHistory(store, 'kpu-cli');
    expect(await run({ satker: 'kpu-cli' })).toBe(0);
    expect(await run({ satker: 'kpu-cli', digest: digestPath })).toBe(1);
    expect(out[1]).toMatch(/^TIDAK COCOK dengan digest .*: hash peristiwa urutan 14 tidak sama dengan digest bertanda tangan 2026-01-01: .*; dicatat sebagai peringatan integritas #\d+$/);
    const alerts = await db.dataSource.query(`SELECT kind, source FROM integrity_alerts WHERE satker_code = 'kpu-cli'`);
    expect(alerts).toEqual([{ kind: 'digest_mismatch', source: 'cli-digest' }]);
    // Checked against the same digest again: the same damage, its alert still open.
    expect(await run({ satker: 'kpu-cli', digest: digestPath })).toBe(1);
    expect(out[2]).toMatch(/^TIDAK COCOK dengan digest .*; sudah tercatat sebagai peringatan integritas #\d+ yang masih terbuka \(tidak dicatat ulang\)$/);
    expect(await db.dataSource.query(`SELECT kind, source FROM integrity_alerts WHERE satker_code = 'kpu-cli'`)).toEqual(alerts);
  });
});
