import { Module } from '@nestjs/common';
import { WorkflowModule } from '@kinerja/workflow';
import { EvidenceController } from '../evidence/evidence.controller';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { KinerjaController } from '../kinerja/kinerja.controller';
import { PkController } from '../perjanjian-kinerja/pk.controller';
import { RatingScaleController } from '../rating-scale/rating-scale.controller';
import { RealisasiController } from '../realisasi/realisasi.controller';
import { RealisasiReadModelsController } from '../realisasi/realisasi-read-models.controller';

/** The SAKIP workflow over HTTP: thin controllers that hand requests to the command and query buses. */
@Module({
  imports: [WorkflowModule],
  controllers: [PkController, RealisasiController, RealisasiReadModelsController, KinerjaController, EvidenceController, RatingScaleController],
  providers: [EvidenceUploadInterceptor],
})
export class WorkflowHttpModule {}
