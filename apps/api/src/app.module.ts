import { DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from '@kinerja/identity';
import { PlatformModule, PlatformOptions } from '@kinerja/platform';
import { ProjectionsModule } from '@kinerja/projections';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { LkjHttpModule } from './lkj/lkj-http.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WorkflowHttpModule } from './workflow-http/workflow-http.module';

/** The HTTP application: the platform plus every feature module. */
@Module({})
export class AppModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), ProjectionsModule, IdentityModule, AuthModule, AdminModule, WorkflowHttpModule, AuditModule, NotificationsModule, LkjHttpModule],
      controllers: [HealthController],
    };
  }
}
