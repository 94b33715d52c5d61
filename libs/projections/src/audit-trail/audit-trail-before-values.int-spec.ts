import { EventStore } from '@kinerja/event-store';
import { snapshotReadModels } from '../../testing/table-snapshot';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ProjectionRebuilder } from '../runner/projection-rebuilder';
import { ProjectionRegistry } from '../runner/projection-registry';
import { AuditTrailProjection } from './audit-trail.projection';
import { AuditTrailQuery, type AuditTrailItem } from './audit-trail.query';
import { append, appendOfficeHistory, projectAll, structure, USERS } from './audit-trail.fixture';

const SATKER = 'kpu-bondowoso';
const AT = '2025-01-10T01:00:00.000Z';

/**
 * The values before each change come from what the trail kept of earlier events: one event per
 * batch here, so every one of them goes through the projection's tables and back.
 */
describe('audit trail: values before, kept across batches (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let query: AuditTrailQuery;
  const one = async (type: string) => (await query.page({ satker: SATKER, eventTypes: [type] }, { limit: 500 })).items;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    await appendOfficeHistory(store, SATKER);
    const moved = structure('12');
    moved.programs[0].kegiatan[0].indicators[0].picSubbagian = 'PDI';
    const pk = `pk:${SATKER}:2024`;
    await append(store, pk, 'sekretaris', [{ type: 'PkRevisionOpened', data: { version: 2, basedOnVersion: 1, reason: 'Tugas dipindah ke PDI.', structure: structure('12'), openedBy: USERS.sekretaris.id, openedAt: AT } }], SATKER);
    await append(store, pk, 'sekretaris', [{ type: 'PkIndicatorsChanged', data: { version: 2, structure: moved, changedBy: USERS.sekretaris.id, changedAt: AT } }], SATKER);
    await append(store, `identity:${SATKER}`, 'admin', [{ type: 'UserUpdated', data: { userId: USERS.kasubbag.id, satker: SATKER, changes: { role: 'SEKRETARIS', subbagian: null } } }], SATKER);
    const capaian = `capaian-tahun-lalu:${SATKER}:2024`;
    const imported = (entries: Array<[string, string]>) => ({ type: 'CapaianTahunLaluImported', data: {
      satker: SATKER, forYear: 2024, entries: entries.map(([indicatorCode, c]) => ({ indicatorCode, capaian: c })), source: 'CSV', importedBy: USERS.sekretaris.id, importedAt: AT,
    } });
    await append(store, capaian, 'sekretaris', [imported([['K1.1', '100.00'], ['K1.2', '95.00']])], SATKER);
    await append(store, capaian, 'sekretaris', [imported([['K1.2', '98.50']])], SATKER);
    const lkj = `lkj:${SATKER}:2024`;
    await append(store, lkj, 'sekretaris', [{ type: 'LkjRequested', data: { satker: SATKER, year: 2024, version: 1, draft: true, reason: 'REQUESTED', suggestions: ['Perkuat monitoring.'], requestedBy: USERS.sekretaris.id, requestedAt: AT } }], SATKER);
    await append(store, lkj, 'sekretaris', [{ type: 'LkjRequested', data: { satker: SATKER, year: 2024, version: 2, draft: true, reason: 'REQUESTED', suggestions: ['Perkuat monitoring.', 'Tambah pelatihan.'], requestedBy: USERS.sekretaris.id, requestedAt: AT } }], SATKER);
    await append(store, `notifications:${SATKER}`, 'admin', [{ type: 'ReminderSent', data: {
      key: 'before-deadline', kind: 'BEFORE_DEADLINE', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, dueAt: AT, localDate: '2024-04-01',
      period: { year: 2024, month: 3 }, deadline: { year: 2024, month: 4, day: 5 }, recipientIds: [USERS.kasubbag.id], sentAt: AT,
      reports: [{ year: 2024, month: 3, subbagian: 'KUL', status: 'NOT_STARTED', blankIndicators: ['K1.1'], submittedAt: null }],
    } }], SATKER);
    await projectAll(db.dataSource, store, 1);
    query = new AuditTrailQuery(db.dataSource);
  });
  afterAll(() => db.drop());

  it('says what a user\'s role and subbagian were before an administrator changed them', async () => {
    const [updated] = await one('UserUpdated');
    expect(updated.changes.map((c) => [c.field, c.before, c.after])).toEqual([['peran', 'Kepala Subbagian', 'Sekretaris'], ['subbagian', 'KUL', null]]);
  });

  it('lists a PIC subbagian moved in a PK Perubahan draft, counted in the summary', async () => {
    const changed = (await one('PkIndicatorsChanged')).find((i) => i.subject.pkVersion === 2) as AuditTrailItem;
    expect(changed.summary).toBe('Mengubah indikator draf PK Perubahan 2024 versi 2: 1 perubahan (PIC subbagian 1 indikator).');
    expect(changed.changes).toEqual([{ indicatorCode: 'K1.1', indicatorName: 'Layanan keuangan', field: 'PIC subbagian', before: 'KUL', after: 'PDI' }]);
  });

  it('gives last year\'s capaian the value the previous import left, written as the LKj writes it, and finds the import by indicator', async () => {
    const imports = await one('CapaianTahunLaluImported');
    expect(imports.map((i) => i.summary)).toEqual([
      'Mengimpor capaian 2023 (kolom "Capaian 2023" LKj 2024) dari berkas CSV untuk 2 indikator: K1.1 kosong → 100,00%; K1.2 kosong → 95,00%.',
      'Mengimpor capaian 2023 (kolom "Capaian 2023" LKj 2024) dari berkas CSV untuk 1 indikator: K1.2 95,00% → 98,50%.',
    ]);
    expect(imports[1].changes).toEqual([{ indicatorCode: 'K1.2', indicatorName: expect.any(String), field: 'capaian tahun lalu', before: '95,00%', after: '98,50%' }]);
    const byIndicator = await query.page({ satker: SATKER, indicator: 'K1.2', eventTypes: ['CapaianTahunLaluImported'] });
    expect(byIndicator.items.map((i) => i.sequence)).toEqual(imports.map((i) => i.sequence));
  });

  it('says in words what the LKj requests and the reminder were', async () => {
    const requests = await one('LkjRequested');
    expect(requests.map((i) => [i.summary, i.changes.map((c) => [c.before, c.after])])).toEqual([
      ['Meminta LKj 2024 versi 1 (draf).', [[null, '1. Perkuat monitoring.']]],
      ['Meminta LKj 2024 versi 2 (draf).', [['1. Perkuat monitoring.', '1. Perkuat monitoring.; 2. Tambah pelatihan.']]],
    ]);
    const [reminder] = await one('ReminderSent');
    expect(reminder.summary).toBe('Mengirim pengingat kepada Kasubbag KUL (1 penerima): laporan realisasi Maret 2024 belum diajukan, batas waktu 5 April 2024.');
    expect(reminder.changes[0]).toMatchObject({ field: 'penerima', after: 'Budi Kasubbag (kasubbag.kul)' });
  });

  it('writes the same rows when rebuilt from the first event in big batches', async () => {
    const registry = new ProjectionRegistry([new AuditTrailProjection()]);
    const live = await snapshotReadModels(db.dataSource, registry);
    await new ProjectionRebuilder(db.dataSource, store).rebuild(registry.all(), { batchSize: 500 });
    await projectAll(db.dataSource, store);
    expect(await snapshotReadModels(db.dataSource, registry)).toEqual(live);
  });
});
