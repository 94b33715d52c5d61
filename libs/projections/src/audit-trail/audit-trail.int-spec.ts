import { EventStore } from '@kinerja/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { AuditTrailQuery, type AuditTrailItem } from './audit-trail.query';
import { append, appendOfficeHistory, projectAll, SATKER, USERS } from './audit-trail.fixture';
import { identityStreamId } from '@kinerja/identity/events/identity.events';

describe('audit trail projection (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let query: AuditTrailQuery;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    await appendOfficeHistory(store);
    await appendOfficeHistory(store, 'kpu-lain');
    await projectAll(db.dataSource, store);
    query = new AuditTrailQuery(db.dataSource);
  });
  afterAll(() => db.drop());

  it('writes one row per event of the office, in chain order, with names, roles and hashes', async () => {
    const events = await store.readTenantEvents(SATKER);
    const page = await query.page({ satker: SATKER }, { limit: 500 });
    expect(page.items.map((i) => i.sequence)).toEqual(events.map((e) => e.tenantSequence));
    expect(page.items.map((i) => i.chain.hash)).toEqual(events.map((e) => e.hash));
    const approval = page.items.find((i) => i.eventType === 'RealisasiApproved') as AuditTrailItem;
    expect(approval.actor).toEqual({ id: USERS.sekretaris.id, name: 'Siti Sekretaris', username: 'sekretaris', role: 'SEKRETARIS', loadedBy: null });
    // When it says it happened (its approvedAt), beside when it was recorded; an identity event states no time.
    const approvedAt = (events.find((e) => e.type === 'RealisasiApproved')?.data as { approvedAt: string }).approvedAt;
    expect(approval.occurredAt).toBe(new Date(approvedAt).toISOString());
    expect(page.items.find((i) => i.eventType === 'UserCreated')?.occurredAt).toBeNull();
    expect(approval.summary).toBe('Menyetujui laporan realisasi Maret 2024 subbagian KUL (revisi 0).');
    expect(approval.correlationId).toBe('corr-test');
    // An approval names the PK version the report was saved against, as the save did.
    const reportRows = page.items.filter((i) => i.eventType.startsWith('Realisasi'));
    expect(reportRows.map((i) => [i.eventType, i.subject.pkVersion])).toEqual(reportRows.map((i) => [i.eventType, 1]));
  });

  it('says what changed, from which value to which, and why', async () => {
    const { items } = await query.page({ satker: SATKER, eventTypes: ['RealisasiDraftSaved', 'RealisasiReturned', 'PkIndicatorsChanged'] });
    expect(items.map((i) => i.summary)).toEqual([
      'Mengubah indikator draf PK 2024 versi 1: 1 perubahan (target 1 indikator).',
      'Menyimpan laporan realisasi Maret 2024 subbagian KUL (revisi 0): K1.1 kosong → 1.', // K1.2 saved blank: no change
      'Mengembalikan laporan realisasi Maret 2024 subbagian KUL (revisi 0) untuk diperbaiki.',
      // The second save also entered the first budget line: told from kosong, as every change of the save.
      'Menyimpan laporan realisasi Maret 2024 subbagian KUL (revisi 0): K1.1 1 → 2; K1.2 kosong → 1; anggaran K1 kosong → Rp 5.000.',
    ]);
    expect(items[3].changes.filter((c) => c.field.startsWith('anggaran:'))).toEqual([
      { indicatorCode: null, indicatorName: null, field: 'anggaran:K1', before: null, after: '5000' },
    ]);
    expect(items[0].changes).toEqual([{ indicatorCode: 'K1.1', indicatorName: 'Layanan keuangan', field: 'target', before: '10', after: '12' }]);
    expect(items[2].reason).toBe('Angka layanan belum sesuai SPJ.');
  });

  it('gives the complete history of one figure with its value before and after each event', async () => {
    const history = await query.figureHistory(SATKER, 2024, 3, 'K1.1');
    expect(history.map((h) => [h.eventType, h.actor.role, h.figure?.before ?? null, h.figure?.after ?? null])).toEqual([
      ['PkDrafted', 'SEKRETARIS', null, '10'],
      ['PkIndicatorsChanged', 'SEKRETARIS', '10', '12'],
      ['RealisasiDraftSaved', 'KASUBBAG', null, '1'],
      // Nothing was approved before: a first value, as the first save tells it, never "1 → 1".
      ['RealisasiSubmitted', 'KASUBBAG', null, '1'],
      ['RealisasiReturned', 'SEKRETARIS', null, '1'],
      ['RealisasiDraftSaved', 'KASUBBAG', '1', '2'],
      ['RealisasiSubmitted', 'KASUBBAG', null, '2'],
      ['RealisasiApproved', 'SEKRETARIS', null, '2'],
    ]);
  });

  it('filters by actor, role, period, subbagian, indicator and type, and never shows another office', async () => {
    const byActor = await query.page({ satker: SATKER, actor: 'kasubbag.kul' });
    expect(byActor.items.length).toBe(4);
    expect(new Set(byActor.items.map((i) => i.actor.id))).toEqual(new Set([USERS.kasubbag.id]));
    const byRole = await query.page({ satker: SATKER, role: 'SEKRETARIS' });
    expect(byRole.items.every((i) => i.actor.role === 'SEKRETARIS')).toBe(true);
    expect(byRole.items.length).toBe(5);
    const month = await query.page({ satker: SATKER, year: 2024, month: 3, subbagian: 'KUL' });
    expect(month.items.length).toBe(6);
    const indicator = await query.page({ satker: SATKER, indicator: 'K1.2' });
    expect(indicator.items.map((i) => i.eventType)).toEqual(['PkDrafted', ...month.items.map((i) => i.eventType)]);
    const indicatorAcross = await query.pageAcross({ satkers: [SATKER, 'kpu-lain'], indicator: 'K1.2' }, { limit: 500 });
    expect(indicatorAcross.items.filter((i) => i.satker === SATKER).map((i) => i.sequence)).toEqual(indicator.items.map((i) => i.sequence));
    const future = await query.page({ satker: SATKER, from: new Date(Date.now() + 86_400_000) });
    expect(future.items).toEqual([]);
    const other = await query.page({ satker: 'kpu-lain' }, { limit: 500 });
    expect(other.items.every((i) => i.subject.streamId.includes('kpu-lain') || i.eventType === 'UserCreated')).toBe(true);
    expect(other.items.length).toBe((await query.page({ satker: SATKER }, { limit: 500 })).items.length);
  });

  it('pages with an opaque cursor, forwards and backwards, without losing or repeating a row', async () => {
    const all = (await query.page({ satker: SATKER }, { limit: 500 })).items.map((i) => i.sequence);
    for (const order of ['asc', 'desc'] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await query.page({ satker: SATKER }, { limit: 3, cursor, order });
        seen.push(...page.items.map((i) => i.sequence));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(order === 'asc' ? all : [...all].reverse());
    }
    await expect(query.page({ satker: SATKER }, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'AUDIT.INVALID_CURSOR' });
  });

  it('reads several offices as one list ordered by time, office and sequence, paging through ties', async () => {
    // Rows written straight into the read model so that many share one instant across offices.
    const offices = ['kpu-tie-c', 'kpu-tie-a', 'kpu-tie-b'];
    const instants = ['2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.001Z'];
    let n = 0;
    for (const office of offices) {
      for (let sequence = 1; sequence <= 4; sequence += 1) {
        await db.dataSource.query(
          `INSERT INTO audit_trail (satker_code, tenant_sequence, event_id, stream_id, stream_version, event_type, recorded_at,
                                    actor_id, actor_role, subject_kind, summary, previous_hash, hash)
           VALUES ($1, $2::bigint, gen_random_uuid(), 's', $2::integer - 1, 'RealisasiDraftSaved', $3, 'u', 'KASUBBAG', 'REALISASI', 'x', 'p', $4)`,
          [office, sequence, instants[sequence <= 2 ? 0 : 1], `h${(n += 1)}`],
        );
      }
    }
    const key = (i: AuditTrailItem) => `${i.recordedAt.slice(-5)} ${i.satker} ${i.sequence}`;
    const expected = instants.flatMap((at, half) =>
      ['kpu-tie-a', 'kpu-tie-b', 'kpu-tie-c'].flatMap((office) => [1, 2].map((k) => `${at.slice(-5)} ${office} ${half * 2 + k}`)),
    );
    for (const order of ['asc', 'desc'] as const) {
      for (const limit of [1, 2, 5, 500]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await query.pageAcross({ satkers: [...offices, 'kpu-tie-a'] }, { limit, cursor, order });
          seen.push(...page.items.map(key));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(order === 'asc' ? expected : [...expected].reverse());
      }
    }
    const filtered = await query.pageAcross({ satkers: offices, from: new Date(instants[1]) }, { limit: 500 });
    expect(filtered.items.map(key)).toEqual(expected.slice(6));
    expect(await query.pageAcross({ satkers: [] })).toEqual({ items: [], nextCursor: null });
    const all: AuditTrailItem[] = [];
    for await (const item of query.allAcross({ satkers: offices }, 5)) all.push(item);
    expect(all.map(key)).toEqual(expected);
    const forged = (t: string) => Buffer.from(JSON.stringify({ t, k: 'kpu-tie-a', s: 1, o: 'asc' })).toString('base64url');
    for (const cursor of ['not-a-cursor', forged('1 2'), forged('2024-03-01'), forged('2024-02-30T00:00:00.000Z')]) {
      await expect(query.pageAcross({ satkers: offices }, { cursor })).rejects.toMatchObject({ code: 'AUDIT.INVALID_CURSOR' });
    }
  });

  it('follows new events after the first run without repeating rows', async () => {
    await append(store, `catatan-reviu:${SATKER}:11111111-1111-4111-8111-111111111111`, 'inspektorat', [{
      type: 'CatatanReviuWritten', data: {
        noteId: '11111111-1111-4111-8111-111111111111', satker: SATKER, category: 'TEMUAN', title: 'Bukti kurang',
        description: 'Daftar hadir tidak ada.', recommendation: 'Lengkapi.', target: { kind: 'INDICATOR', year: 2024, indicatorCode: 'K1.1', month: 3 },
        writtenBy: USERS.inspektorat.id, writtenAt: '2024-05-01T00:00:00.000Z',
      },
    }]);
    await projectAll(db.dataSource, store);
    const history = await query.figureHistory(SATKER, 2024, 3, 'K1.1');
    expect(history[history.length - 1].summary).toBe('Menulis temuan reviu "Bukti kurang" atas indikator K1.1 Maret 2024.');
    const events = await store.readTenantEvents(SATKER);
    expect((await query.page({ satker: SATKER }, { limit: 500 })).items.length).toBe(events.length);
  });

  it('given a WITA office, when an alert\'s closing is projected in a later batch, then it says when the damage was detected on the office\'s clock; Kinerja\'s own rows name it', async () => {
    const office = 'kpu-wita';
    const meta = (actorId: string, actorRole: string) => ({ tenantId: office, actorId, actorRole, correlationId: 'corr-wita' });
    await store.append(identityStreamId(office), 'any', [{
      type: 'SatkerCreated', data: { code: office, name: 'KPU WITA', parentCode: null, timeZone: 'Asia/Makassar', reportDeadlineDay: 10 },
    }], meta('system', 'SYSTEM'));
    await projectAll(db.dataSource, store, 1);
    await store.append(`integrity:${office}`, 'any', [{
      type: 'IntegrityAlertResolved', data: {
        satker: office, alertId: 3, kind: 'modified', subject: null, brokenSequence: 1, detectedAt: '2026-12-07T17:38:56.194Z',
        reason: 'Dipulihkan dari cadangan.', resolvedBy: USERS.inspektorat.id, resolvedAt: '2026-12-08T01:00:00.000Z',
      },
    }], meta(USERS.inspektorat.id, 'INSPEKTORAT'));
    await projectAll(db.dataSource, store, 1);
    const { items } = await query.page({ satker: office });
    expect(items.map((i) => [i.eventType, i.actor.name])).toEqual([['SatkerCreated', 'Sistem Kinerja'], ['IntegrityAlertResolved', USERS.inspektorat.name]]);
    expect(items[1].summary).toBe('Menutup peringatan integritas #3: rantai integritas rusak, peristiwa diubah pada urutan 1, terdeteksi 8 Desember 2026 01.38 WITA.');
  });
});
