import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@kinerja/event-store';
import { ProjectionsModule } from '@kinerja/projections';
import { EvidenceService } from './evidence/evidence.service';
import { EvidenceUploadLimiter } from './evidence/evidence-upload.limiter';
import { GetKinerjaHandler } from './kinerja/get-kinerja/get-kinerja.query';
import { ApprovePkHandler } from './perjanjian-kinerja/approve-pk/approve-pk.handler';
import { ChangePkIndicatorsHandler } from './perjanjian-kinerja/change-pk-indicators/change-pk-indicators.handler';
import { DraftPkHandler } from './perjanjian-kinerja/draft-pk/draft-pk.handler';
import { GetPkHandler } from './perjanjian-kinerja/get-pk/get-pk.query';
import { ListPkVersionsHandler } from './perjanjian-kinerja/list-pk-versions/list-pk-versions.query';
import { OpenPkRevisionHandler } from './perjanjian-kinerja/open-pk-revision/open-pk-revision.handler';
import { PkReader } from './perjanjian-kinerja/pk-reader';
import { PkWriter } from './perjanjian-kinerja/pk-writer';
import { ReturnPkHandler } from './perjanjian-kinerja/return-pk/return-pk.handler';
import { SubmitPkHandler } from './perjanjian-kinerja/submit-pk/submit-pk.handler';
import { SubbagianObligations } from './perjanjian-kinerja/subbagian-obligations';
import { ApproveRealisasiHandler } from './realisasi/approve-realisasi/approve-realisasi.handler';
import { GetApprovalInboxHandler } from './realisasi/get-approval-inbox/get-approval-inbox.query';
import { GetRealisasiHandler } from './realisasi/get-realisasi/get-realisasi.query';
import { GetRealisasiHistoryHandler } from './realisasi/get-realisasi-history/get-realisasi-history.query';
import { GetStatusMatrixHandler } from './realisasi/get-status-matrix/get-status-matrix.query';
import { GetStatusSummaryHandler } from './realisasi/get-status-summary/get-status-summary.query';
import { StatusSummaryCache } from './realisasi/get-status-summary/status-summary-cache';
import { ListRealisasiHandler } from './realisasi/list-realisasi/list-realisasi.query';
import { RealisasiReader } from './realisasi/realisasi-reader';
import { RealisasiWriter } from './realisasi/realisasi-writer';
import { ReturnRealisasiHandler } from './realisasi/return-realisasi/return-realisasi.handler';
import { ReviseRealisasiHandler } from './realisasi/revise-realisasi/revise-realisasi.handler';
import { WithdrawRealisasiRevisionHandler } from './realisasi/withdraw-realisasi-revision/withdraw-realisasi-revision.handler';
import { WithdrawPkRevisionHandler } from './perjanjian-kinerja/withdraw-pk-revision/withdraw-pk-revision.handler';
import { SaveRealisasiDraftHandler } from './realisasi/save-realisasi-draft/save-realisasi-draft.handler';
import { SubmitRealisasiHandler } from './realisasi/submit-realisasi/submit-realisasi.handler';
import { GetRatingScaleHandler, GetRatingScaleHistoryHandler } from './rating-scale/get-rating-scale/get-rating-scale.query';
import { RatingScaleReader } from './rating-scale/rating-scale.reader';
import { SetRatingScaleHandler } from './rating-scale/set-rating-scale/set-rating-scale.handler';
import { ExtendReportDeadlineHandler } from './realisasi/extend-report-deadline/extend-report-deadline.handler';
import { ListReportDeadlineExtensionsHandler } from './realisasi/list-report-deadline-extensions/list-report-deadline-extensions.query';
import { AggregateRunner } from './shared/aggregate-runner';
import { SatkerDirectory } from './shared/satker-directory';

const commandHandlers = [
  DraftPkHandler, ChangePkIndicatorsHandler, SubmitPkHandler, ApprovePkHandler, ReturnPkHandler, OpenPkRevisionHandler, WithdrawPkRevisionHandler,
  SaveRealisasiDraftHandler, SubmitRealisasiHandler, ApproveRealisasiHandler, ReturnRealisasiHandler, ReviseRealisasiHandler,
  WithdrawRealisasiRevisionHandler,
  SetRatingScaleHandler,
  ExtendReportDeadlineHandler,
];
const queryHandlers = [
  GetPkHandler, ListPkVersionsHandler, GetRealisasiHandler, GetRealisasiHistoryHandler, ListRealisasiHandler, GetKinerjaHandler,
  GetRatingScaleHandler, GetRatingScaleHistoryHandler, GetApprovalInboxHandler, GetStatusMatrixHandler, GetStatusSummaryHandler,
  ListReportDeadlineExtensionsHandler,
];

/**
 * The SAKIP workflow's application layer: commands and queries on the PK and monthly realisasi
 * streams, Tabel 3.2, the approval inbox and submission-status matrix (read models), each office's
 * rating scale, and evidence files. Stands on the platform (DataSource, Clock, AppConfig).
 */
@Module({
  imports: [CqrsModule, EventStoreModule, ProjectionsModule],
  providers: [
    // One per application: the national summaries its readers share (see GetStatusSummaryHandler).
    { provide: StatusSummaryCache, useFactory: () => new StatusSummaryCache() },
    AggregateRunner, SatkerDirectory, PkReader, SubbagianObligations, PkWriter, RealisasiReader, RealisasiWriter, RatingScaleReader, EvidenceService, EvidenceUploadLimiter,
    ...commandHandlers, ...queryHandlers,
  ],
  exports: [CqrsModule, EvidenceService, PkReader, SubbagianObligations, RealisasiReader, RatingScaleReader, SatkerDirectory],
})
export class WorkflowModule {}
