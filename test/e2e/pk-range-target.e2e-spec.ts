import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, jemberPkBody, JemberTokens } from './workflow/jember-office.fixture';

/**
 * Range targets as a Sekretaris drafting a PK meets them over HTTP: a range from 0 where higher is
 * better would rate a realisasi of 0 as met, so it is refused with a stable code and nothing is
 * recorded; where lower is better ("paling banyak 2 temuan") it is a sound target.
 */
describe('range targets of a PK at the HTTP edge', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const base = `/api/v1/satker/${JEMBER}/pk/2025`;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** The Jember PK with the first indicator's target, polarity and no monthly plan replaced. */
  function bodyWith(target: unknown, polarity: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' = 'HIGHER_IS_BETTER') {
    const body = jemberPkBody();
    Object.assign(body.programs[0].kegiatan[0].indicators[0], { target, polarity, monthlyPlan: null });
    return { body, code: body.programs[0].kegiatan[0].indicators[0].code };
  }

  async function pkEvents(): Promise<number> {
    const [row] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`pk:${JEMBER}:2025`]);
    return row.n;
  }

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await createJemberOffice(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a range 0–8 where higher is better (422 PK.RANGE_MIN_ZERO), saying what to use instead, and records nothing', async () => {
    const { body, code } = bodyWith({ kind: 'RANGE', min: '0', max: '8' });
    const response = await t.http.post(base).set(as(tokens.sekretaris)).send(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'PK.RANGE_MIN_ZERO' });
    expect(response.body.details).toEqual({ indicator: code, min: '0', max: '8' });
    expect(response.body.message).toBe(
      `Target indikator ${code}: rentang 0–8 tidak boleh berbatas bawah 0 bila semakin tinggi semakin baik, karena realisasi 0 akan dinilai tercapai 100%. `
        + 'Gunakan target tunggal (mis. 8) atau batas bawah lebih dari 0.',
    );
    expect(await pkEvents()).toBe(0);
  });

  it('refuses a range whose ends are equal (422 PK.INVALID_RANGE), pointing to a single target', async () => {
    const response = await t.http.post(base).set(as(tokens.sekretaris)).send(bodyWith({ kind: 'RANGE', min: '8', max: '8' }).body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'PK.INVALID_RANGE' });
    expect(response.body.message).toContain('gunakan target tunggal 8');
    expect(await pkEvents()).toBe(0);
  });

  it('accepts a range 0–2 where lower is better', async () => {
    const response = await t.http.post(base).set(as(tokens.sekretaris)).send(bodyWith({ kind: 'RANGE', min: '0', max: '2' }, 'LOWER_IS_BETTER').body);
    expect(response.status).toBe(201);
    expect(response.body.working.structure.programs[0].kegiatan[0].indicators[0]).toMatchObject({
      target: { kind: 'RANGE', min: '0', max: '2' }, polarity: 'LOWER_IS_BETTER',
    });
    expect(await pkEvents()).toBe(1);
  });
});
