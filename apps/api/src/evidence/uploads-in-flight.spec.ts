import { UploadsInFlight } from './uploads-in-flight';

describe('uploads read into memory at a time', () => {
  it('given an account at its limit, when it sends another, then 429 EVIDENCE.UPLOAD_IN_PROGRESS; once one is done, it may', () => {
    const inFlight = new UploadsInFlight(2, 10);
    const first = inFlight.enter('budi');
    inFlight.enter('budi');
    expect(() => inFlight.enter('budi')).toThrow(expect.objectContaining({ code: 'EVIDENCE.UPLOAD_IN_PROGRESS', details: { inFlight: 2, max: 2, retryAfterSeconds: 5 } }));
    expect(() => inFlight.enter('siti')).not.toThrow();
    first();
    first(); // given back once only
    expect(() => inFlight.enter('budi')).not.toThrow();
    expect(() => inFlight.enter('budi')).toThrow(expect.objectContaining({ code: 'EVIDENCE.UPLOAD_IN_PROGRESS' }));
  });

  it('given the process at its limit, when anyone sends one, then 503 EVIDENCE.UPLOADS_BUSY', () => {
    const inFlight = new UploadsInFlight(5, 2);
    inFlight.enter('budi');
    const siti = inFlight.enter('siti');
    expect(() => inFlight.enter('andi')).toThrow(expect.objectContaining({ code: 'EVIDENCE.UPLOADS_BUSY', kind: 'unavailable' }));
    siti();
    expect(() => inFlight.enter('andi')).not.toThrow();
  });
});
