import { canonicalize } from 'json-canonicalize';
import { ChainEnvelope, DATABASE_FIELDS, envelopeSegments, hashEnvelope, sha256Hex, spliceSegments } from './event-envelope';

const envelope: ChainEnvelope = {
  eventId: '6f1c2b9e-8a4d-4b1e-9c3a-2f5e7d8c9b10',
  streamId: 'realisasi:kpu-jember:2024-03:UMUM',
  streamVersion: 7,
  tenantId: 'kpu-jember',
  tenantSequence: 1234,
  type: 'RealisasiSubmitted',
  schemaVersion: 2,
  data: { nilai: '12.50', b: [3, 1.5, 1e21, -0, null, true], 'é': 'Kendala: “hujan” 🌧', a: { z: 1, y: [] } },
  metadata: {
    actorId: 'u-1',
    actorRole: 'KASUBBAG',
    correlationId: 'c-1',
    causationId: null,
    clientAddress: '10.0.0.1',
    userAgent: 'Mozilla/5.0 "quoted"',
  },
  recordedAt: '2024-04-03T02:15:00.123Z',
  previousHash: 'ab'.repeat(32),
};

describe('envelope segments (what the append function splices in SQL)', () => {
  it('splice to exactly the RFC 8785 canonical form of the whole envelope', () => {
    const { previousHash, recordedAt, streamVersion, tenantSequence, ...known } = envelope;
    const segments = envelopeSegments(known);
    expect(segments).toHaveLength(5);
    expect(spliceSegments(segments, { previousHash, recordedAt, streamVersion, tenantSequence })).toBe(canonicalize(envelope));
  });

  it('keep the database fields in sorted key order, the order the SQL splices them', () => {
    expect([...DATABASE_FIELDS]).toEqual([...DATABASE_FIELDS].sort());
  });

  it('hash the canonical text with SHA-256, so any changed field changes the hash', () => {
    expect(hashEnvelope(envelope)).toBe(sha256Hex(canonicalize(envelope)));
    expect(hashEnvelope({ ...envelope, data: { ...(envelope.data as object), nilai: '12.51' } })).not.toBe(hashEnvelope(envelope));
    expect(hashEnvelope({ ...envelope, previousHash: 'cd'.repeat(32) })).not.toBe(hashEnvelope(envelope));
  });
});
