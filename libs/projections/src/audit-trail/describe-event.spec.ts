import type { RecordedEvent } from '@kinerja/event-store';
import { AuditTrailState } from './audit-trail.state';
import { describeEvent } from './describe-event';
import { statedTimeOf } from './stated-time';

let sequence = 0;
function event(type: string, data: unknown, streamId: string, actorId = 'u-admin', actorRole = 'ADMIN', loadedBy?: string): RecordedEvent {
  sequence += 1;
  return {
    eventId: `e-${sequence}`, streamId, streamVersion: 0, tenantId: 'kpu-a', tenantSequence: sequence, globalPosition: String(sequence),
    type, schemaVersion: 1, data, metadata: { actorId, actorRole, correlationId: 'c-1', ...(loadedBy ? { loadedBy } : {}) },
    recordedAt: new Date('2025-01-01T00:00:00Z'), previousHash: 'p', hash: `h-${sequence}`,
  };
}

describe('the audit trail in words', () => {
  it('names actors as they were called when they acted, even after a rename', () => {
    const state = new AuditTrailState();
    describeEvent(event('UserCreated', { userId: 'u-sek', username: 'sekretaris', fullName: 'Siti', email: null, role: 'SEKRETARIS', satker: 'kpu-a', subbagian: null }, 'identity:kpu-a'), state);
    const before = describeEvent(event('PkSubmitted', { version: 1, submittedBy: 'u-sek', submittedAt: 'x' }, 'pk:kpu-a:2024', 'u-sek', 'SEKRETARIS'), state);
    const renamed = describeEvent(event('UserUpdated', { userId: 'u-sek', satker: 'kpu-a', changes: { fullName: 'Siti Aminah' } }, 'identity:kpu-a'), state);
    const after = describeEvent(event('PkSubmitted', { version: 2, submittedBy: 'u-sek', submittedAt: 'x' }, 'pk:kpu-a:2024', 'u-sek', 'SEKRETARIS'), state);
    expect(before.row).toMatchObject({ actorName: 'Siti', actorRole: 'SEKRETARIS', summary: 'Mengajukan PK 2024 versi 1 untuk disetujui.', year: 2024 });
    expect(renamed.row.summary).toBe('Mengubah data pengguna Siti (sekretaris).');
    expect(after.row.actorName).toBe('Siti Aminah');
  });

  it('given events of Kinerja itself (a reminder, an LKj job, the first office), then the actor is named "Sistem Kinerja", not left blank', () => {
    const state = new AuditTrailState();
    const reminder = describeEvent(event('SomethingNewOfAJob', {}, 'reminders:kpu-a', 'system', 'SYSTEM'), state);
    const lkj = describeEvent(event('LkjRequested', {
      satker: 'kpu-a', year: 2024, version: 1, draft: true, reason: 'REQUESTED', suggestions: [], requestedBy: 'system:lkj', requestedAt: 'x',
    }, 'lkj:kpu-a:2024', 'system:lkj', 'SYSTEM'), state);
    const office = describeEvent(event('SatkerCreated', { code: 'kpu-a', name: 'KPU A', parentCode: null, timeZone: 'Asia/Jakarta', reportDeadlineDay: 10 }, 'identity:kpu-a', 'system', 'SYSTEM'), state);
    for (const { row } of [reminder, lkj, office]) expect({ name: row.actorName, username: row.actorUsername }).toEqual({ name: 'Sistem Kinerja', username: null });
  });

  it('given an office created by seed:demo, then the actor is the seed as it records itself', () => {
    const { row } = describeEvent(event('SubbagianCreated', { satker: 'kpu-a', code: 'KUL', name: 'Keuangan' }, 'identity:kpu-a', 'seed-demo', 'ADMIN'), new AuditTrailState());
    expect({ id: row.actorId, name: row.actorName, username: row.actorUsername }).toEqual({ id: 'seed-demo', name: 'Seed demo', username: 'seed-demo' });
  });

  it("given last year's capaian imported by seed:demo, as it records itself now or as it did before (system:seed), then the actor is the seed, not Kinerja", () => {
    const data = { satker: 'kpu-a', forYear: 2024, entries: [{ indicatorCode: 'K1.1', capaian: '100.00' }], source: 'CSV', importedBy: 'x', importedAt: 'x' };
    for (const actorId of ['seed-demo', 'system:seed']) {
      const { row } = describeEvent(event('CapaianTahunLaluImported', data, 'capaian-tahun-lalu:kpu-a:2024', actorId, 'ADMIN'), new AuditTrailState());
      expect({ name: row.actorName, username: row.actorUsername, role: row.actorRole }).toEqual({ name: 'Seed demo', username: 'seed-demo', role: 'ADMIN' });
    }
  });

  it('given a PK approval seed:demo loaded for the Ketua, then the row keeps both times and says who loaded it (QA7 finding 2)', () => {
    const state = new AuditTrailState();
    describeEvent(event('UserCreated', { userId: 'u-ketua', username: 'ketua', fullName: 'Ketua Demo', email: null, role: 'KETUA', satker: 'kpu-a', subbagian: null }, 'identity:kpu-a', 'seed-demo'), state);
    const approved = { version: 1, approvedBy: 'u-ketua', approvedByRole: 'KETUA', approvedAt: '2024-01-16T02:00:00.000Z', supersedesVersion: null };
    const { row } = describeEvent(event('PkApproved', approved, 'pk:kpu-a:2024', 'u-ketua', 'KETUA', 'seed:demo'), state);
    expect(row).toMatchObject({
      actorId: 'u-ketua', actorName: 'Ketua Demo', loadedBy: 'seed:demo',
      recordedAt: new Date('2025-01-01T00:00:00Z'), occurredAt: new Date('2024-01-16T02:00:00.000Z'),
    });
    // The Ketua's own approval through Kinerja: nobody loaded it.
    expect(describeEvent(event('PkApproved', approved, 'pk:kpu-a:2024', 'u-ketua', 'KETUA'), state).row.loadedBy).toBeNull();
  });

  it('states no time for an event that carries none (identity), nor for a value that is no moment', () => {
    const state = new AuditTrailState();
    expect(describeEvent(event('SubbagianCreated', { satker: 'kpu-a', code: 'KUL', name: 'Keuangan' }, 'identity:kpu-a'), state).row.occurredAt).toBeNull();
    expect(describeEvent(event('PkSubmitted', { version: 1, submittedBy: 'u', submittedAt: 'x' }, 'pk:kpu-a:2024'), state).row.occurredAt).toBeNull();
    expect(statedTimeOf({ type: 'ReminderSent', data: { sentAt: '2025-02-11T01:00:00.000Z' } })).toEqual(new Date('2025-02-11T01:00:00.000Z'));
    expect(statedTimeOf({ type: 'LkjProduced', data: {} })).toBeNull();
  });

  it('given a person the trail has no identity event of, then the name stays empty rather than guessed', () => {
    const { row } = describeEvent(event('PkSubmitted', { version: 1, submittedBy: 'u-x', submittedAt: 'x' }, 'pk:kpu-a:2024', 'u-x', 'SEKRETARIS'), new AuditTrailState());
    expect(row.actorName).toBeNull();
  });

  it('says from which parent office to which an office was moved', () => {
    const moved = describeEvent(event('SatkerMoved', { code: 'kpu-kab-merauke', fromParentCode: 'kpu-prov-papua', toParentCode: 'kpu-prov-papua-selatan' }, 'identity:kpu-kab-merauke'), new AuditTrailState());
    expect(moved.row).toMatchObject({
      subjectKind: 'IDENTITAS',
      summary: 'Memindahkan satker kpu-kab-merauke dari bawah kpu-prov-papua ke bawah kpu-prov-papua-selatan.',
      changes: [{ indicatorCode: null, indicatorName: null, field: 'satker induk', before: 'kpu-prov-papua', after: 'kpu-prov-papua-selatan' }],
    });
  });

  it('shows a blank realisasi as "kosong", never as 0, and lists only what changed on a later save', () => {
    const state = new AuditTrailState();
    const key = { satker: 'kpu-a', year: 2024, month: 1, subbagian: 'KUL' };
    const line = (indicatorCode: string, value: string | null) => ({ indicatorCode, value, narrative: '', kendala: '', solusi: '', evidence: [] });
    const stream = 'realisasi:kpu-a:2024:01:KUL';
    const first = describeEvent(event('RealisasiDraftSaved', { key, revision: 0, pkVersion: 1, lines: [line('A', null), line('B', '0')], budget: [], savedBy: 'u', savedAt: 'x' }, stream), state);
    const second = describeEvent(event('RealisasiDraftSaved', { key, revision: 0, pkVersion: 1, lines: [line('A', '5'), line('B', '0')], budget: [], savedBy: 'u', savedAt: 'x' }, stream), state);
    // A line first saved blank changed nothing ("A kosong → kosong" is no change); a 0 is a value.
    expect(first.row.summary).toBe('Menyimpan laporan realisasi Januari 2024 subbagian KUL (revisi 0): B kosong → 0.');
    expect(first.figures).toEqual([expect.objectContaining({ indicatorCode: 'B', before: null, after: '0' })]);
    expect(second.row.summary).toBe('Menyimpan laporan realisasi Januari 2024 subbagian KUL (revisi 0): A kosong → 5.');
    expect(second.figures).toEqual([expect.objectContaining({ indicatorCode: 'A', month: 1, before: null, after: '5' })]);
  });

  it('touches each figure at most once per event, the key of audit_trail_figure (no field in it)', () => {
    const state = new AuditTrailState();
    const key = { satker: 'kpu-a', year: 2024, month: 2, subbagian: 'KUL' };
    const stream = 'realisasi:kpu-a:2024:02:KUL';
    const line = (indicatorCode: string, value: string | null, narrative: string) => ({ indicatorCode, value, narrative, kendala: '', solusi: '', evidence: [] });
    describeEvent(event('RealisasiDraftSaved', { key, revision: 0, pkVersion: 1, lines: [line('A', '1', 'lama'), line('B', '2', 'lama')], budget: [], savedBy: 'u', savedAt: 'x' }, stream), state);
    // Value and narrative of A change together: still one figure (the narrative is not one).
    const saved = describeEvent(event('RealisasiDraftSaved', { key, revision: 0, pkVersion: 1, lines: [line('A', '3', 'baru'), line('B', '2', 'baru')], budget: [{ kegiatanCode: 'K', spent: '9' }], savedBy: 'u', savedAt: 'x' }, stream), state);
    const submitted = describeEvent(event('RealisasiSubmitted', { revision: 0, resubmission: false, submittedBy: 'u', submittedAt: 'x' }, stream), state);
    for (const { figures } of [saved, submitted]) {
      const keys = figures.map((f) => `${f.indicatorCode}|${f.month}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(saved.figures).toEqual([expect.objectContaining({ indicatorCode: 'A', field: 'realisasi', before: '1', after: '3' })]);
    expect(submitted.figures.map((f) => f.indicatorCode)).toEqual(['A', 'B']);
  });

  it('still records an event of a type it has no words for yet, by its type', () => {
    const described = describeEvent(event('SomethingNewHappened', { to: 'x' }, 'something:kpu-a'), new AuditTrailState());
    expect(described.row).toMatchObject({ subjectKind: 'LAINNYA', summary: 'Peristiwa SomethingNewHappened tercatat pada something:kpu-a.', hash: expect.any(String) });
    expect(described.figures).toEqual([]);
  });
});
