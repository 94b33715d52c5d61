import { ROLES } from '@kinerja/domain';
import type { Role } from '@kinerja/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice } from '../support/identity-fixtures';

/**
 * Every endpoint, with every role of the office it names, with every role of another office, and
 * without a token. One row per endpoint: adding an endpoint means adding its row here (the last test
 * fails when a route of the OpenAPI document has none).
 *
 * Paths are written as in the OpenAPI document; `{satker}` is the caller's own office and the other
 * placeholders come from `placeholders` below. Writes are sent with `body` (default `{}`): a body
 * the DTO refuses is the safest probe, since the guard runs before validation — an allowed role gets
 * past it (400 VALIDATION.FAILED, or the handler's answer) and changes nothing.
 *
 * Expected: allowed role → anything but 401/403/404-of-scope; other role → 403 AUTH.FORBIDDEN;
 * any role of another office → 404 SATKER.NOT_FOUND (existence does not leak); no token → 401.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface RouteRule {
  method: Method;
  path: string;
  allowed: readonly Role[] | 'public';
  body?: Record<string, unknown>;
  /**
   * For a route only the root office's holder of an allowed role may use: the code an office below
   * it (the fixture's own) is refused with, 403, before its body is judged.
   */
  rootOnly?: string;
}

const ANY: readonly Role[] = ROLES;

const routes: RouteRule[] = [
  { method: 'post', path: '/api/v1/auth/login', allowed: 'public' },
  { method: 'get', path: '/api/v1/auth/me', allowed: ANY },
  { method: 'post', path: '/api/v1/auth/password', allowed: ANY },
  { method: 'get', path: '/api/v1/satker', allowed: ANY },
  { method: 'post', path: '/api/v1/satker', allowed: ['ADMIN'] },
  { method: 'get', path: '/api/v1/satker/{satker}', allowed: ANY },
  { method: 'patch', path: '/api/v1/satker/{satker}', allowed: ['ADMIN'], body: { reportDeadlineDay: 'lima' } },
  { method: 'get', path: '/api/v1/satker/{satker}/profile', allowed: ANY },
  { method: 'put', path: '/api/v1/satker/{satker}/profile', allowed: ['ADMIN'], body: { institutionKind: 'DINAS' } },
  { method: 'get', path: '/api/v1/satker/{satker}/subbagian', allowed: ANY },
  { method: 'post', path: '/api/v1/satker/{satker}/subbagian', allowed: ['ADMIN'] },
  { method: 'patch', path: '/api/v1/satker/{satker}/subbagian/{subbagian}', allowed: ['ADMIN'], body: { active: 'tidak' } },
  { method: 'get', path: '/api/v1/satker/{satker}/users', allowed: ['ADMIN'] },
  { method: 'post', path: '/api/v1/satker/{satker}/users', allowed: ['ADMIN'] },
  { method: 'get', path: '/api/v1/satker/{satker}/users/{userId}', allowed: ['ADMIN'] },
  { method: 'patch', path: '/api/v1/satker/{satker}/users/{userId}', allowed: ['ADMIN'], body: { role: 'RAJA' } },
  { method: 'post', path: '/api/v1/satker/{satker}/users/{userId}/password', allowed: ['ADMIN'] },
  { method: 'post', path: '/api/v1/satker/{satker}/users/{userId}/unlock', allowed: ['ADMIN'] },
  // SAKIP workflow: PK, monthly realisasi, Tabel 3.2, evidence (ADMIN sees no figures).
  { method: 'post', path: '/api/v1/satker/{satker}/pk/{year}', allowed: ['SEKRETARIS'] },
  { method: 'get', path: '/api/v1/satker/{satker}/pk/{year}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'put', path: '/api/v1/satker/{satker}/pk/{year}/draft', allowed: ['SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/pk/{year}/submit', allowed: ['SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/pk/{year}/approve', allowed: ['KETUA', 'SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/pk/{year}/return', allowed: ['KETUA', 'SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/pk/{year}/revisions', allowed: ['SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/pk/{year}/revisions/withdraw', allowed: ['SEKRETARIS'] },
  { method: 'get', path: '/api/v1/satker/{satker}/pk/{year}/versions', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'get', path: '/api/v1/satker/{satker}/realisasi/{year}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'get', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'put', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}', allowed: ['KASUBBAG'] },
  { method: 'post', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}/submit', allowed: ['KASUBBAG'] },
  { method: 'post', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}/approve', allowed: ['SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/report-deadlines/{year}/{month}/extension', allowed: ['SEKRETARIS', 'ADMIN'], body: { until: 'besok' } },
  { method: 'get', path: '/api/v1/satker/{satker}/report-deadlines/{year}', allowed: ['SEKRETARIS', 'KETUA', 'ADMIN', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'post', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}/return', allowed: ['SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}/revise', allowed: ['KASUBBAG'] },
  { method: 'post', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}/revise/withdraw', allowed: ['KASUBBAG'] },
  { method: 'get', path: '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}/history', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  // Read models of the monthly reports: the Sekretaris's approval inbox and the status matrix (the Ketua and the Inspektorat look on).
  { method: 'get', path: '/api/v1/satker/{satker}/approval-inbox', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT'] },
  { method: 'get', path: '/api/v1/satker/{satker}/status-matrix/{year}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT'] },
  // Every office in the caller's scope on one page (an Inspektorat above many; the others, their own).
  { method: 'get', path: '/api/v1/status-summary/{year}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT'] },
  { method: 'get', path: '/api/v1/satker/{satker}/kinerja/{year}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'post', path: '/api/v1/satker/{satker}/evidence', allowed: ['KASUBBAG', 'SEKRETARIS'] },
  { method: 'get', path: '/api/v1/satker/{satker}/evidence/{sha256}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  // The Inspektorat's workbench: audit trail, integrity, digests (the Sekretaris and Ketua see their own office's).
  { method: 'get', path: '/api/v1/satker/{satker}/audit/trail', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'get', path: '/api/v1/satker/{satker}/audit/trail/export', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'get', path: '/api/v1/satker/{satker}/audit/figures/{year}/{month}/{indicator}', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'get', path: '/api/v1/satker/{satker}/audit/verify', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'get', path: '/api/v1/satker/{satker}/audit/alerts', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'post', path: '/api/v1/satker/{satker}/audit/alerts/{alertId}/resolve', allowed: ['INSPEKTORAT'], body: { reason: 'Dipulihkan dari cadangan.' } },
  { method: 'get', path: '/api/v1/satker/{satker}/audit/digests', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'get', path: '/api/v1/satker/{satker}/audit/digests/{day}', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'get', path: '/api/v1/audit/public-key', allowed: 'public' },
  { method: 'get', path: '/api/v1/audit/public-keys', allowed: 'public' },
  // The trail across the offices in the caller's scope (an office named outside it is 404: audit-workbench e2e).
  { method: 'get', path: '/api/v1/audit/trail', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'get', path: '/api/v1/audit/trail/export', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  // Catatan reviu: written and settled by the Inspektorat, answered by the Sekretaris.
  { method: 'get', path: '/api/v1/satker/{satker}/catatan-reviu', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'post', path: '/api/v1/satker/{satker}/catatan-reviu', allowed: ['INSPEKTORAT'] },
  { method: 'get', path: '/api/v1/satker/{satker}/catatan-reviu/{noteId}', allowed: ['INSPEKTORAT', 'SEKRETARIS', 'KETUA'] },
  { method: 'post', path: '/api/v1/satker/{satker}/catatan-reviu/{noteId}/tindak-lanjut', allowed: ['SEKRETARIS'] },
  { method: 'post', path: '/api/v1/satker/{satker}/catatan-reviu/{noteId}/close', allowed: ['INSPEKTORAT'] },
  { method: 'post', path: '/api/v1/satker/{satker}/catatan-reviu/{noteId}/reopen', allowed: ['INSPEKTORAT'] },
  // Each user's own inbox of reminders (no office in the path: the token says whose).
  { method: 'get', path: '/api/v1/me/notifications', allowed: ANY },
  { method: 'post', path: '/api/v1/me/notifications/read-all', allowed: ANY },
  { method: 'post', path: '/api/v1/me/notifications/{id}/read', allowed: ANY },
  // The annual LKj: asked for by the Sekretaris, read and downloaded by the office; last year's capaian imported.
  { method: 'get', path: '/api/v1/satker/{satker}/lkj/{year}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'post', path: '/api/v1/satker/{satker}/lkj/{year}', allowed: ['SEKRETARIS'], body: { suggestions: 'bukan daftar' } },
  { method: 'get', path: '/api/v1/satker/{satker}/lkj/{year}/versions/{version}/{format}', allowed: ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] },
  { method: 'post', path: '/api/v1/satker/{satker}/lkj/{year}/versions/{version}/sign', allowed: ['KETUA'] },
  { method: 'get', path: '/api/v1/satker/{satker}/capaian-tahun-lalu/{year}', allowed: ANY },
  { method: 'put', path: '/api/v1/satker/{satker}/capaian-tahun-lalu/{year}', allowed: ['SEKRETARIS', 'ADMIN'], body: { entries: 'bukan daftar' } },
  { method: 'post', path: '/api/v1/satker/{satker}/capaian-tahun-lalu/{year}/csv', allowed: ['SEKRETARIS', 'ADMIN'] },
  // Each office's rating scale (Tabel 3.1): read by the office and its Inspektorat, set by its ADMIN.
  { method: 'get', path: '/api/v1/satker/{satker}/rating-scale', allowed: ANY },
  { method: 'put', path: '/api/v1/satker/{satker}/rating-scale', allowed: ['ADMIN'], body: { rows: 'bukan daftar' } },
  { method: 'get', path: '/api/v1/satker/{satker}/rating-scale/history', allowed: ANY },
  // The national holidays, one calendar for every office: read by all, set by an ADMIN (the root office's only: hari-libur e2e).
  { method: 'get', path: '/api/v1/hari-libur/{year}', allowed: ANY },
  { method: 'put', path: '/api/v1/hari-libur/{year}', allowed: ['ADMIN'], body: { holidays: 'bukan daftar' }, rootOnly: 'HARI_LIBUR.ROOT_ADMIN_ONLY' },
  { method: 'get', path: '/api/v1/hari-libur/{year}/history', allowed: ANY },
  // Last: it ends the caller's sessions, so each role's token is revoked once its row has run.
  { method: 'post', path: '/api/v1/auth/logout', allowed: ANY },
];

/** Routes outside /api/v1 that the table does not walk. */
const UNVERSIONED = ['/health'];

/** Values for the placeholders of `routes`, taken from the caller's own office. */
function placeholders(office: FixtureOffice): Record<string, string> {
  return {
    satker: office.code,
    subbagian: 'PDI',
    userId: office.users.KASUBBAG.id,
    year: '2024',
    month: '1',
    sha256: 'a'.repeat(64),
    indicator: 'K1.1',
    day: '2026-01-01',
    noteId: '00000000-0000-4000-8000-000000000000',
    alertId: '1',
    id: '00000000-0000-4000-8000-000000000001',
    version: '1',
    format: 'pdf',
  };
}

function fill(path: string, office: FixtureOffice): string {
  const values = placeholders(office);
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No placeholder value for {${name}} in ${path}`);
    return encodeURIComponent(values[name]);
  });
}

describe('authorisation of every endpoint', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let other: FixtureOffice;

  beforeAll(async () => {
    t = await createTestApp();
    ({ own, other } = await createTwoOffices(t));
  });

  afterAll(() => t?.close());

  function call(rule: RouteRule, office: FixtureOffice, token?: string) {
    const request = t.http[rule.method](fill(rule.path, office));
    if (token) request.set('Authorization', `Bearer ${token}`);
    return rule.method === 'get' || rule.method === 'delete' ? request : request.send(rule.body ?? {});
  }

  const protectedRoutes = routes.filter((r) => r.allowed !== 'public');

  describe.each(protectedRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_, rule) => {
    it('refuses a caller without a token with 401', async () => {
      const response = await call(rule, own);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('AUTH.UNAUTHENTICATED');
    });

    it.each(ROLES)('answers a %s of the office by the table', async (role) => {
      const response = await call(rule, own, own.users[role].token);
      if ((rule.allowed as readonly Role[]).includes(role) && rule.rootOnly) {
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: rule.rootOnly });
      } else if ((rule.allowed as readonly Role[]).includes(role)) {
        expect([401, 403]).not.toContain(response.status);
        expect(response.body?.code).not.toBe('SATKER.NOT_FOUND');
        expect(response.status).toBeLessThan(500);
      } else {
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
      }
    });

    if (rule.path.includes('{satker}')) {
      it.each(ROLES)('answers a %s of another office 404, as if the office did not exist', async (role) => {
        const response = await call(rule, own, other.users[role].token);
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'SATKER.NOT_FOUND' });
      });
    }
  });

  it('lets anyone reach the public routes without a token', async () => {
    for (const rule of routes.filter((r) => r.allowed === 'public')) {
      const response = await call(rule, own);
      expect([401, 403]).not.toContain(response.status);
    }
  });

  it('has a row for every route of the OpenAPI document', async () => {
    const document = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths)
      .filter(([path]) => !UNVERSIONED.includes(path))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    const tabled = routes.map((r) => `${r.method} ${r.path}`);
    expect(documented.filter((route) => !tabled.includes(route))).toEqual([]);
    expect(tabled.filter((route) => !documented.includes(route))).toEqual([]);
  });
});
