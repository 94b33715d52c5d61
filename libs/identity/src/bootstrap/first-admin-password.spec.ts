import type { SatkerService } from '../satker/satker.service';
import type { UserService } from '../users/user.service';
import { FirstAdminService } from './first-admin.service';

describe('the first administrator’s configured password (production)', () => {
  it('given ADMIN_PASSWORD that names the root office, then start-up stops for naming the office, ADMIN_PASSWORD named', async () => {
    const noUsersYet = { count: async () => 0 } as unknown as UserService;
    const service = new FirstAdminService({} as SatkerService, noUsersYet);
    const start = service.ensure({
      rootSatkerCode: 'kpu-35',
      rootSatkerName: 'KPU Provinsi Jawa Timur',
      username: 'admin',
      password: 'JawaTimur-2026',
      checkPassword: true,
    });
    await expect(start).rejects.toThrow(/^ADMIN_PASSWORD is refused for the first administrator \(USER\.PASSWORD_CONTAINS_SERVICE_NAME\)/);
  });
});
