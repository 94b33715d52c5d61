// Test support for the pure specs of the trail's words: recorded events and a small PK.
import type { PkIndicator, PkStructure } from '@kinerja/domain/perjanjian-kinerja/pk-structure.types';
import type { RecordedEvent } from '@kinerja/event-store';

let sequence = 0;

/** One event as the store hands it to the projection, of office `kpu-a` unless told. */
export function recorded(type: string, data: unknown, streamId: string, actor: { id: string; role: string } = { id: 'u-admin', role: 'ADMIN' }): RecordedEvent {
  sequence += 1;
  return {
    eventId: `e-${sequence}`, streamId, streamVersion: 0, tenantId: 'kpu-a', tenantSequence: sequence, globalPosition: String(sequence),
    type, schemaVersion: 1, data, metadata: { actorId: actor.id, actorRole: actor.role, correlationId: 'c-1' },
    recordedAt: new Date('2025-01-06T03:00:00Z'), previousHash: 'p', hash: `h-${sequence}`,
  };
}

export function indicator(code: string, overrides: Partial<PkIndicator> = {}): PkIndicator {
  return {
    code, name: `Indikator ${code}`, unit: 'Layanan', target: { kind: 'SINGLE', value: '12' }, polarity: 'HIGHER_IS_BETTER',
    lowerIsBetterFormula: 'INVERSE_DIFFERENCE', aggregation: 'SUM', monthlyPlan: null, evidenceRequired: false, picSubbagian: 'HSDM',
    ...overrides,
  };
}

/** One program `P1` with kegiatan `K1` (pagu 1000000) holding `indicators`, and any `more` kegiatan. */
export function structure(indicators: PkIndicator[], more: PkStructure['programs'][number]['kegiatan'] = []): PkStructure {
  return { programs: [{ code: 'P1', name: 'Program Dukungan', kegiatan: [{ code: 'K1', name: 'Kegiatan Satu', pagu: '1000000', indicators }, ...more] }] };
}
