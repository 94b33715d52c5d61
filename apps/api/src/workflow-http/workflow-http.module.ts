import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@kinerja/projections';
import { IdentityModule, IdentityUnitOfWork } from '@kinerja/identity';
import { SatkerDirectory, WorkflowModule } from '@kinerja/workflow';
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
  imports: [WorkflowModule, IdentityModule, ProjectionsModule],
  controllers: [PkController, RealisasiController, RealisasiReadModelsController, StatusSummaryController, KinerjaController, EvidenceController, RatingScaleController, ReportDeadlineController],
  providers: [EvidenceUploadInterceptor],
})
export class WorkflowHttpModule {
  /** An office's clock (time zone, deadline days) is cached by the workflow: an identity change committed here drops it at once. */
  constructor(unitOfWork: IdentityUnitOfWork, directory: SatkerDirectory) {
    unitOfWork.onCommitted(() => directory.forgetClocks());
  }
}
