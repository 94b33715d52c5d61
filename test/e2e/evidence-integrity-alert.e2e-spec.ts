import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDateTimeId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy, uploadEvidence } from './workflow/jember-office.fixture';

/**
 * A stored bukti dukung file that no longer matches its SHA-256 is refused (409) and shown to the
 * Inspektorat as an integrity alert of the office: one open alert per file, however many times it
 * is downloaded, naming the file, its recorded hash and the reports that reference it.
 * The clock stands on 15 June 2024 (Asia/Jakarta), so May can be reported.
 */
describe('evidence swapped on disk, as an integrity alert', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const evidenceUrl = (sha: string) => `/api/v1/satker/${JEMBER}/evidence/${sha}`;
  const stored = (sha: string) => join(dataDir, 'evidence', JEMBER, sha.slice(0, 2), sha);

  const upload = (label: string, fileName: string) => uploadEvidence(t, tokens.kasubbag.KUL, evidencePdf(label), fileName);

  async function evidenceAlerts(): Promise<Array<Record<string, unknown>>> {
    const r = await t.http.get(`/api/v1/satker/${JEMBER}/audit/verify`).set(as(tokens.inspektorat));
    expect(r.status).toBe(200);
    return (r.body.integrity.alerts as Array<Record<string, unknown>>).filter((a) => a.kind === 'evidence_mismatch');
  }

  /** A moment as the office's clock shows it, as Indonesian messages name it ("8 Desember 2026 00.38 WIB"). */
  async function onOfficeClock(instant: string): Promise<string> {
    const [office] = await t.db.dataSource.query(`SELECT time_zone FROM satker WHERE code = $1`, [JEMBER]);
    return formatDateTimeId(instant, office.time_zone);
  }

  async function userId(username: string): Promise<string> {
    const rows = await t.db.dataSource.query(`SELECT id FROM users WHERE username = $1`, [username]);
    return rows[0].id as string;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-evidence-alert-'));
    t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records one alert the Inspektorat sees, however often the damaged file is downloaded', async () => {
    const evidence = await upload('SPJ Mei asli', 'spj-mei.pdf');
    const { indicators, kegiatan } = ownedBy('KUL');
    const saved = await t.http.put(`/api/v1/satker/${JEMBER}/realisasi/2024/5/KUL`).set(as(tokens.kasubbag.KUL)).send({
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Realisasi Mei.', kendala: '-', solusi: '-', evidence: [evidence] })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '250000' })),
    });
    expect(saved.status).toBe(200);
    expect((await t.http.get('/health')).body.integrity).toEqual({ status: 'OK', damagedOffices: 0 });

    writeFileSync(stored(evidence.sha256), '%PDF-1.4\n% ditukar\n');
    const first = await t.http.get(evidenceUrl(evidence.sha256)).set(as(tokens.inspektorat));
    expect({ status: first.status, code: first.body.code }).toEqual({ status: 409, code: 'EVIDENCE.INTEGRITY_FAILED' });

    const [alert, ...others] = await evidenceAlerts();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      source: 'evidence-download',
      subject: `evidence:${evidence.sha256}`,
      detectedBy: await userId('inspektorat'),
      brokenSequence: null,
      brokenEventId: null,
    });
    expect(alert.detail).toContain('"spj-mei.pdf"');
    expect(alert.detail).toContain(`SHA-256 tercatat ${evidence.sha256}`);
    expect(alert.detail).toContain('Dirujuk oleh laporan realisasi Mei 2024 subbagian KUL.');

    const second = await t.http.get(evidenceUrl(evidence.sha256)).set(as(tokens.sekretaris));
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'EVIDENCE.INTEGRITY_FAILED' });
    expect(await evidenceAlerts()).toEqual([alert]);

    const verify = await t.http.get(`/api/v1/satker/${JEMBER}/audit/verify`).set(as(tokens.inspektorat));
    expect(verify.body.result).toMatchObject({ intact: true });
    expect(verify.body.integrity).toMatchObject({ status: 'DAMAGED', message: expect.stringContaining('berkas bukti dukung') });
    // The banner says when on the office's clock, never a UTC instant; the alert keeps its ISO detectedAt.
    expect(verify.body.integrity.message).toContain(`(terdeteksi ${await onOfficeClock(alert.detectedAt as string)}; rinciannya pada daftar peringatan)`);
    expect(verify.body.integrity.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(alert.detectedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect((await t.http.get('/health')).body.integrity).toMatchObject({ status: 'DAMAGED', damagedOffices: 1 });
  });

  it('records a second damaged file, and a missing one, as alerts of their own; repairing a file does not clear its alert', async () => {
    const other = await upload('daftar hadir', 'daftar-hadir.pdf');
    rmSync(stored(other.sha256));
    const missing = await t.http.get(evidenceUrl(other.sha256)).set(as(tokens.ketua));
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 409, code: 'EVIDENCE.INTEGRITY_FAILED' });
    const alerts = await evidenceAlerts();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({ subject: `evidence:${other.sha256}`, detectedBy: await userId('ketua') });
    expect(alerts[0].detail).toContain('tidak ditemukan di penyimpanan');
    expect(alerts[0].detail).toContain('Belum dirujuk oleh laporan realisasi mana pun.');

    await upload('daftar hadir', 'daftar-hadir.pdf');
    expect((await t.http.get(evidenceUrl(other.sha256)).set(as(tokens.ketua))).status).toBe(200);
    expect(await evidenceAlerts()).toEqual(alerts);
  });

  describe('closing an alert', () => {
    const alertsUrl = `/api/v1/satker/${JEMBER}/audit/alerts`;
    const resolve = (id: unknown, token: string, body: object = { reason: 'Berkas diunggah ulang dari arsip; SHA-256 kembali cocok.' }) =>
      t.http.post(`${alertsUrl}/${id}/resolve`).set(as(tokens[token as 'inspektorat'] ?? token)).send(body);

    it('is the Inspektorat\'s alone, needs a reason, and is refused while the file is still damaged', async () => {
      const [swapped] = (await evidenceAlerts()).filter((a) => String(a.detail).includes('spj-mei.pdf'));
      for (const role of ['sekretaris', 'ketua'] as const) {
        const r = await resolve(swapped.id, tokens[role]);
        expect({ role, status: r.status, code: r.body.code }).toEqual({ role, status: 403, code: 'AUTH.FORBIDDEN' });
      }
      const blank = await resolve(swapped.id, tokens.inspektorat, { reason: '  ' });
      expect({ status: blank.status, code: blank.body.code }).toEqual({ status: 422, code: 'AUDIT.REASON_REQUIRED' });
      const still = await resolve(swapped.id, tokens.inspektorat);
      expect({ status: still.status, code: still.body.code }).toEqual({ status: 409, code: 'AUDIT.DAMAGE_STILL_PRESENT' });
      expect(still.body.message).toContain('masih ber-SHA-256');
      const unknown = await resolve(999999, tokens.inspektorat);
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'AUDIT.ALERT_NOT_FOUND' });
      expect((await evidenceAlerts()).map((a) => a.id)).toContain(swapped.id);
    });

    it('closes a repaired file\'s alert once, keeps who and why, and writes the closing into the audit trail', async () => {
      const open = await t.http.get(alertsUrl).set(as(tokens.inspektorat));
      expect(open.status).toBe(200);
      const repaired = open.body.items.find((a: { detail: string }) => a.detail.includes('daftar-hadir.pdf'));
      const swapped = open.body.items.find((a: { detail: string }) => a.detail.includes('spj-mei.pdf'));
      const closed = await resolve(repaired.id, tokens.inspektorat);
      expect(closed.status).toBe(200);
      expect(closed.body.alert).toMatchObject({
        id: repaired.id, resolvedBy: await userId('inspektorat'), resolutionReason: 'Berkas diunggah ulang dari arsip; SHA-256 kembali cocok.',
        resolvedAt: expect.any(String),
      });
      expect(closed.body.integrity.alerts.map((a: { id: number }) => a.id)).toEqual([swapped.id]);
      const again = await resolve(repaired.id, tokens.inspektorat);
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'AUDIT.ALERT_ALREADY_RESOLVED' });
      expect(again.body.message).toBe(`Peringatan integritas #${repaired.id} sudah ditutup pada ${await onOfficeClock(closed.body.alert.resolvedAt)}.`);
      expect(again.body.details).toMatchObject({ id: repaired.id, resolvedAt: closed.body.alert.resolvedAt });

      const resolved = await t.http.get(`${alertsUrl}?status=resolved`).set(as(tokens.sekretaris));
      expect(resolved.body.items.map((a: { id: number }) => a.id)).toEqual([repaired.id]);
      const all = await t.http.get(`${alertsUrl}?status=all`).set(as(tokens.ketua));
      expect(all.body.items).toHaveLength(2);

      // The closing is an event of the office's chain; the chain still verifies.
      const events = await t.db.dataSource.query(`SELECT type, stream_id, data FROM events WHERE tenant_id = $1 AND type = 'IntegrityAlertResolved'`, [JEMBER]);
      expect(events).toEqual([expect.objectContaining({ stream_id: `integrity:${JEMBER}`, data: expect.objectContaining({ alertId: repaired.id, kind: 'evidence_mismatch' }) })]);
      const verify = await t.http.get(`/api/v1/satker/${JEMBER}/audit/verify`).set(as(tokens.inspektorat));
      expect(verify.body.result).toMatchObject({ intact: true });

      // In the Inspektorat's trail, in words, once the worker's projection has applied it.
      await new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
      const trail = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail?type=IntegrityAlertResolved`).set(as(tokens.inspektorat));
      expect(trail.status).toBe(200);
      expect(trail.body.items).toEqual([expect.objectContaining({
        eventType: 'IntegrityAlertResolved', reason: 'Berkas diunggah ulang dari arsip; SHA-256 kembali cocok.',
        summary: expect.stringMatching(new RegExp(`^Menutup peringatan integritas #${repaired.id}: berkas bukti dukung tidak cocok dengan SHA-256-nya`)),
        actor: expect.objectContaining({ role: 'INSPEKTORAT' }),
      })]);
      expect(trail.body.items[0].summary).toContain(`, terdeteksi ${await onOfficeClock(repaired.detectedAt)}.`);
    });

    it('turns the banner and /health back to OK once every alert is closed', async () => {
      const [swapped] = (await t.http.get(alertsUrl).set(as(tokens.inspektorat))).body.items;
      writeFileSync(stored(swapped.subject.slice('evidence:'.length)), evidencePdf('SPJ Mei asli'));
      const closed = await resolve(swapped.id, tokens.inspektorat);
      expect(closed.status).toBe(200);
      expect(closed.body.integrity).toMatchObject({ status: 'OK', alerts: [] });
      expect((await t.http.get('/health')).body.integrity).toEqual({ status: 'OK', damagedOffices: 0 });
    });
  });
});
