import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { FileSweep } from '@kinerja/jobs/files/file-sweep';
import { LkjOutbox, LkjProducer, lkjFileStore, LkjStreams } from '@kinerja/jobs';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, EvidenceReference as Reference, JEMBER, JemberTokens, ownedBy, uploadEvidence } from './workflow/jember-office.fixture';

const DAY = 24 * 60 * 60 * 1000;

/**
 * After the file sweep, through HTTP: the bukti dukung a report refers to and the LKj files an
 * `LkjProduced` names are still served, re-hashed; an upload no report refers to, past the
 * retention, answers as a file never uploaded (404, no integrity alert); the files of a producer
 * that lost the race are gone.
 */
describe('what the file sweep leaves, over HTTP', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const evidenceUrl = (sha: string) => `/api/v1/satker/${JEMBER}/evidence/${sha}`;
  const lkjBase = `/api/v1/satker/${JEMBER}/lkj/2024`;

  const upload = (token: string, label: string): Promise<Reference> => uploadEvidence(t, token, evidencePdf(label), `${label}.pdf`);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-sweep-e2e-'));
    t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
  });

  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the referenced evidence and the produced LKj files after a sweep; the rest is gone, without an alert', async () => {
    const kasubbag = tokens.kasubbag.TPH;
    const referenced = await upload(kasubbag, 'laporan-mei');
    const forgotten = await upload(kasubbag, 'terlupa');
    const { indicators, kegiatan } = ownedBy('TPH');
    const saved = await t.http.put(`/api/v1/satker/${JEMBER}/realisasi/2024/5/TPH`).set(as(kasubbag)).send({
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Realisasi Mei.', kendala: '-', solusi: '-', evidence: [referenced] })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '250000' })),
    });
    expect(saved.status).toBe(200);

    expect((await t.http.post(`${lkjBase}?draft=true`).set(as(tokens.sekretaris)).send({})).status).toBe(202);
    const producer = t.app.get(LkjProducer);
    const [intent] = await new LkjOutbox(t.db.dataSource).pending();
    // The loser of two producers: its files are written, its LkjProduced never appended.
    const requested = (await new LkjStreams(new EventStore(t.db.dataSource)).load(JEMBER, 2024)).state.versions[0];
    const loser = await producer.render(JEMBER, 2024, requested, new Date(clock.now().getTime() - 1000));
    expect((await producer.produce(intent.satker, intent.year, intent.version)).outcome).toBe('produced');
    const lkj = lkjFileStore(dataDir);
    for (const f of loser.files) {
      const written = new Date(clock.now().getTime() + 29 * DAY);
      await utimes(lkj.pathOf(JEMBER, f.sha256), written, written);
    }

    clock.advance(31 * DAY);
    const report = await new FileSweep(t.db.dataSource, { dataDir, retentionDays: 30 }, clock, pino({ level: 'silent' })).run();
    expect(report.unreferencedUploads.files).toBe(1);
    expect(report.orphanLkjFiles.files).toBe(2);

    const kept = await t.http.get(evidenceUrl(referenced.sha256)).set(as(kasubbag)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(kept.status).toBe(200);
    expect(createHash('sha256').update(kept.body as Buffer).digest('hex')).toBe(referenced.sha256);
    const sweptAway = await t.http.get(evidenceUrl(forgotten.sha256)).set(as(tokens.sekretaris));
    expect({ status: sweptAway.status, code: sweptAway.body.code }).toEqual({ status: 404, code: 'EVIDENCE.NOT_FOUND' });
    for (const format of ['pdf', 'docx']) {
      expect((await t.http.get(`${lkjBase}/versions/1/${format}`).set(as(tokens.sekretaris))).status).toBe(200);
    }
    for (const f of loser.files) await expect(stat(lkj.pathOf(JEMBER, f.sha256))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await t.db.dataSource.query(`SELECT kind FROM integrity_alerts WHERE satker_code = $1`, [JEMBER])).toEqual([]);

    // Attached after it was swept: its own subbagian is told to upload it again; another one hears
    // that it was never uploaded, as for any file it does not hold.
    const attach = (subbagian: 'TPH' | 'KUL', token: string) => {
      const owned = ownedBy(subbagian);
      return t.http.put(`/api/v1/satker/${JEMBER}/realisasi/2024/6/${subbagian}`).set(as(token)).send({
        lines: owned.indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Realisasi Juni.', kendala: '-', solusi: '-', evidence: [forgotten] })),
        budget: owned.kegiatan.map((code) => ({ kegiatanCode: code, spent: '1000' })),
      });
    };
    const expired = await attach('TPH', kasubbag);
    expect({ status: expired.status, code: expired.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_EXPIRED' });
    expect(expired.body.message).toMatch(/^Bukti dukung indikator .+ sudah kedaluwarsa: diunggah lebih dari 30 hari lalu dan belum pernah dilampirkan ke laporan\. Unggah ulang berkas itu, lalu lampirkan lagi ke laporan\.$/);
    const stranger = await attach('KUL', tokens.kasubbag.KUL);
    expect({ status: stranger.status, code: stranger.body.code, expired: stranger.body.details.expired }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_NOT_UPLOADED', expired: [] });
    expect(stranger.body.message).not.toMatch(/POST|kedaluwarsa/);
  });
});
