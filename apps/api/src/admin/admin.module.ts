import { Module } from '@nestjs/common';
import { IdentityModule } from '@kinerja/identity';
import { WorkflowModule } from '@kinerja/workflow';
import { AuthModule } from '../auth/auth.module';
import { HariLiburController } from './hari-libur.controller';
import { SatkerController } from './satker.controller';
import { SatkerProfileController } from './satker-profile.controller';
import { SubbagianController } from './subbagian.controller';
import { UsersController } from './users.controller';

/** Offices, subbagian and users over HTTP (writes: ADMIN, within its office scope); the national holidays (writes: the root office's ADMIN). */
@Module({
  imports: [IdentityModule, WorkflowModule, AuthModule],
  controllers: [SatkerController, SatkerProfileController, SubbagianController, UsersController, HariLiburController],
})
export class AdminModule {}
