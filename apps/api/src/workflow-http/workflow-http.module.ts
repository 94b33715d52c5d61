import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@kinerja/projections';
import { IdentityModule, IdentityUnitOfWork } from '@kinerja/identity';
import { OFFICE_CLOCK_CHANGES_CHANNEL, SatkerDirectory, WorkflowModule } from '@kinerja/workflow';
import { DatabaseChangeListener } from '../database-changes/database-change-listener';
import { DatabaseChangesModule } from '../database-changes/database-changes.module';
import { EvidenceController } from '../evidence/evidence.controller';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { KinerjaController } from '../kinerja/kinerja.controller';
import { PkController } from '../perjanjian-kinerja/pk.controller';
import { RatingScaleController } from '../rating-scale/rating-scale.controller';
import { ReportDeadlineController } from '../realisasi/report-deadline.controller';
import { RealisasiController } from '../realisasi/realisasi.controller';
import { RealisasiReadModelsController, StatusSummaryController } from '../realisasi/realisasi-read-models.controller';

/** The SAKIP workflow over HTTP: thin controllers that hand requests to the command and query buses. */
@Module({
  imports: [WorkflowModule, IdentityModule, ProjectionsModule, DatabaseChangesModule],
  controllers: [PkController, RealisasiController, RealisasiReadModelsController, StatusSummaryController, KinerjaController, EvidenceController, RatingScaleController, ReportDeadlineController],
  providers: [EvidenceUploadInterceptor],
})
export class WorkflowHttpModule {
  /**
   * An office's clock (time zone, deadline days) is cached by the workflow while the database tells
   * this process of every change to it (`kinerja_clock_changed`, whoever makes it); an identity
   * change committed here drops the clocks at once as well, before its request is answered (the
   * notification arrives a moment after the commit).
   */
  constructor(unitOfWork: IdentityUnitOfWork, directory: SatkerDirectory, changes: DatabaseChangeListener) {
    changes.follow(OFFICE_CLOCK_CHANGES_CHANNEL, directory.clocks);
    unitOfWork.onCommitted(() => directory.forgetClocks());
  }
}
