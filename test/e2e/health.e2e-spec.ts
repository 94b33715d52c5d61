import { createTestApp, TestApp } from '../support/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is public and reports the database, Redis, integrity and the lag of every projection', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', embedded: false },
      redis: { status: 'up' },
      integrity: { status: 'OK', damagedOffices: 0 },
    });
    const names = (res.body.projections as Array<{ name: string; eventsBehind: number }>).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['current-performance', 'submission-status', 'approval-inbox', 'audit-trail']));
    // The first administrator was recorded as events and no runner runs in the API: the read models trail.
    expect(res.body.projections.every((p: { eventsBehind: number }) => p.eventsBehind > 0)).toBe(true);
    expect(res.headers['x-correlation-id']).toEqual(expect.any(String));
  });

  it('echoes a well-formed correlation id the caller sent', async () => {
    const res = await t.http.get('/health').set('X-Correlation-Id', 'reviu-2025-abc123').expect(200);
    expect(res.headers['x-correlation-id']).toBe('reviu-2025-abc123');
  });
});
