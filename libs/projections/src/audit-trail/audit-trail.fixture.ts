// Test support: a small office history appended through the real event store, then projected.
import type { DataSource } from 'typeorm';
import type { EventStore, NewEvent } from '@kinerja/event-store';
import { ProjectionRegistry } from '../runner/projection-registry';
import { ProjectionRunner } from '../runner/projection-runner';
import { AuditTrailProjection } from './audit-trail.projection';

export const SATKER = 'kpu-jember';
export const USERS = {
  admin: { id: '00000000-0000-4000-8000-000000000001', name: 'Admin Satu', username: 'admin', role: 'ADMIN' },
  sekretaris: { id: '00000000-0000-4000-8000-000000000002', name: 'Siti Sekretaris', username: 'sekretaris', role: 'SEKRETARIS' },
  kasubbag: { id: '00000000-0000-4000-8000-000000000003', name: 'Budi Kasubbag', username: 'kasubbag.kul', role: 'KASUBBAG' },
  inspektorat: { id: '00000000-0000-4000-8000-000000000004', name: 'Ina Inspektur', username: 'inspektorat', role: 'INSPEKTORAT' },
} as const;
type UserKey = keyof typeof USERS;

/** Program P1, kegiatan K1, indicators K1.1 (target `target11`) and K1.2, both of subbagian KUL. */
export const structure = (target11: string) => ({
  programs: [{ code: 'P1', name: 'Program Dukungan', kegiatan: [{ code: 'K1', name: 'Kegiatan Satu', pagu: '1000000', indicators: [
    { code: 'K1.1', name: 'Layanan keuangan', unit: 'Layanan', target: { kind: 'SINGLE', value: target11 }, polarity: 'HIGHER_IS_BETTER',
      lowerIsBetterFormula: 'INVERSE_DIFFERENCE', aggregation: 'SUM', monthlyPlan: null, evidenceRequired: false, picSubbagian: 'KUL' },
    { code: 'K1.2', name: 'Laporan keuangan', unit: 'Laporan', target: { kind: 'SINGLE', value: '12' }, polarity: 'HIGHER_IS_BETTER',
      lowerIsBetterFormula: 'INVERSE_DIFFERENCE', aggregation: 'SUM', monthlyPlan: null, evidenceRequired: false, picSubbagian: 'KUL' },
  ] }] }],
});

const line = (indicatorCode: string, value: string | null) => ({ indicatorCode, value, narrative: '', kendala: '', solusi: '', evidence: [] });

export async function append(store: EventStore, streamId: string, who: UserKey, events: NewEvent[], satker = SATKER, correlationId = 'corr-test') {
  const user = USERS[who];
  return store.append(streamId, 'any', events, { tenantId: satker, actorId: user.id, actorRole: user.role, correlationId });
}

/** A year in miniature: users, a PK drafted and approved, March 2024 entered, returned, corrected, approved. */
export async function appendOfficeHistory(store: EventStore, satker = SATKER): Promise<void> {
  const at = '2024-04-02T01:00:00.000Z';
  await append(store, `identity:${satker}`, 'admin', Object.entries(USERS).map(([, u]) => ({
    type: 'UserCreated', data: { userId: u.id, username: u.username, fullName: u.name, email: null, role: u.role, satker, subbagian: u.role === 'KASUBBAG' ? 'KUL' : null },
  })), satker);
  const pk = `pk:${satker}:2024`;
  await append(store, pk, 'sekretaris', [{ type: 'PkDrafted', data: { satker, year: 2024, version: 1, structure: structure('10'), draftedBy: USERS.sekretaris.id, draftedAt: at } }], satker);
  await append(store, pk, 'sekretaris', [{ type: 'PkIndicatorsChanged', data: { version: 1, structure: structure('12'), changedBy: USERS.sekretaris.id, changedAt: at } }], satker);
  await append(store, pk, 'sekretaris', [{ type: 'PkSubmitted', data: { version: 1, submittedBy: USERS.sekretaris.id, submittedAt: at } }], satker);
  await append(store, pk, 'admin', [{ type: 'PkApproved', data: { version: 1, approvedBy: USERS.admin.id, approvedByRole: 'KETUA', approvedAt: at, supersedesVersion: null } }], satker);
  const report = `realisasi:${satker}:2024:03:KUL`;
  const key = { satker, year: 2024, month: 3, subbagian: 'KUL' };
  await append(store, report, 'kasubbag', [{ type: 'RealisasiDraftSaved', data: { key, revision: 0, pkVersion: 1, lines: [line('K1.1', '1'), line('K1.2', null)], budget: [], savedBy: USERS.kasubbag.id, savedAt: at } }], satker);
  await append(store, report, 'kasubbag', [{ type: 'RealisasiSubmitted', data: { revision: 0, resubmission: false, submittedBy: USERS.kasubbag.id, submittedAt: at } }], satker);
  await append(store, report, 'sekretaris', [{ type: 'RealisasiReturned', data: { revision: 0, reason: 'Angka layanan belum sesuai SPJ.', returnedBy: USERS.sekretaris.id, returnedAt: at } }], satker);
  await append(store, report, 'kasubbag', [{ type: 'RealisasiDraftSaved', data: { key, revision: 0, pkVersion: 1, lines: [line('K1.1', '2'), line('K1.2', '1')], budget: [{ kegiatanCode: 'K1', spent: '5000' }], savedBy: USERS.kasubbag.id, savedAt: at } }], satker);
  await append(store, report, 'kasubbag', [{ type: 'RealisasiSubmitted', data: { revision: 0, resubmission: true, submittedBy: USERS.kasubbag.id, submittedAt: at } }], satker);
  await append(store, report, 'sekretaris', [{ type: 'RealisasiApproved', data: { revision: 0, approvedBy: USERS.sekretaris.id, approvedAt: at } }], satker);
}

/**
 * Follows the global log into the audit trail until nothing committed is left behind (a long
 * transaction elsewhere in the cluster only delays delivery, so wait it out rather than stop early).
 */
export async function projectAll(dataSource: DataSource, store: EventStore, batch = 4): Promise<void> {
  const registry = new ProjectionRegistry([new AuditTrailProjection()]);
  await new ProjectionRunner(dataSource, store, registry, { batchSize: batch }).drain();
}
