import { normaliseJson } from './event-envelope';
import { prepareEvent, toEnvelopeMetadata } from './append-input';
import { eventUpcasters } from './upcaster.registry';

describe('append input', () => {
  it('given text and absent metadata fields, when enveloped, then it equals the JSON round trip with absent as null', () => {
    const metadata = { tenantId: 'kpu-a', actorId: 'u-1', actorRole: 'KASUBBAG', correlationId: 'c-1', clientAddress: '10.0.0.1' };
    const envelope = toEnvelopeMetadata(metadata);
    expect(envelope).toEqual({ actorId: 'u-1', actorRole: 'KASUBBAG', correlationId: 'c-1', causationId: null, clientAddress: '10.0.0.1', userAgent: null });
    expect(Object.keys(envelope)).toEqual(Object.keys(normaliseJson(envelope)));
  });

  it('given a field that is not text, when enveloped, then it is normalised as JSONB would store it', () => {
    const envelope = toEnvelopeMetadata({ tenantId: 'kpu-a', actorId: 'u-1', actorRole: 'KASUBBAG', correlationId: 'c-1', userAgent: new Date(0) as unknown as string });
    expect(envelope.userAgent).toBe('1970-01-01T00:00:00.000Z');
  });

  it('given event data with undefined fields and dates, when prepared, then data and its JSON text are what JSONB gives back', () => {
    const metadata = toEnvelopeMetadata({ tenantId: 'kpu-a', actorId: 'u-1', actorRole: 'KASUBBAG', correlationId: 'c-1' });
    const event = prepareEvent({ type: 'RealisasiSubmitted', data: { nilai: '12.50', kosong: undefined, pada: new Date(0) } }, 's-1', 'kpu-a', metadata, eventUpcasters);
    expect(event.data).toEqual({ nilai: '12.50', pada: '1970-01-01T00:00:00.000Z' });
    expect(JSON.parse(event.dataJson)).toEqual(event.data);
    expect(() => prepareEvent({ type: 'X', data: undefined }, 's-1', 'kpu-a', metadata, eventUpcasters)).toThrow('event data must be JSON');
  });
});
