import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FirstAdminService } from '@kinerja/identity';
import { AppConfig } from '@kinerja/platform';
import { firstAdminPassword } from './jwt-secret';

/** The first administrator and the root office, from configuration, when the database has no user. */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly firstAdmin: FirstAdminService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.firstAdmin.ensure({
      rootSatkerCode: this.config.ROOT_SATKER_CODE,
      rootSatkerName: this.config.ROOT_SATKER_NAME,
      username: this.config.ADMIN_USERNAME,
      password: firstAdminPassword(this.config),
      checkPassword: this.config.isProduction,
    });
  }
}
