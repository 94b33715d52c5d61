import { Module } from '@nestjs/common';
import { EventStoreModule } from '@kinerja/event-store';
import { IdentityModule } from '@kinerja/identity';
import { ProjectionsModule } from '@kinerja/projections';
import { WorkflowModule } from '@kinerja/workflow';
import { CatatanReviuModule } from '@kinerja/workflow/catatan-reviu';
import { AuditAcrossOfficesController } from './audit-across-offices.controller';
import { AuditController } from './audit.controller';
import { AUDIT_PROVIDERS } from './audit.providers';
import { CatatanReviuController } from './catatan-reviu.controller';
import { PublicKeyController } from './public-key.controller';

/** The Inspektorat's workbench over HTTP: audit trail, integrity, digests, review notes. */
@Module({
  imports: [EventStoreModule, ProjectionsModule, CatatanReviuModule, IdentityModule, WorkflowModule],
  controllers: [AuditController, AuditAcrossOfficesController, CatatanReviuController, PublicKeyController],
  providers: AUDIT_PROVIDERS,
  exports: AUDIT_PROVIDERS,
})
export class AuditModule {}
