import { ApprovalInboxProjection } from './approval-inbox/approval-inbox.projection';
import { AuditTrailProjection } from './audit-trail/audit-trail.projection';
import { CatatanReviuListProjection } from './audit-trail/catatan-reviu-list.projection';
import { CurrentPerformanceProjection } from './current-performance/current-performance.projection';
import { Projection } from './runner/projection';
import { ProjectionRegistry } from './runner/projection-registry';
import { SubmissionStatusProjection } from './submission-status/submission-status.projection';

/** Every projection Kinerja runs, in the order the runner visits them. Add new ones here. */
export function builtInProjections(): Projection[] {
  return [
    new CurrentPerformanceProjection(),
    new SubmissionStatusProjection(),
    new ApprovalInboxProjection(),
    new AuditTrailProjection(),
    new CatatanReviuListProjection(),
  ];
}

export function builtInRegistry(): ProjectionRegistry {
  return new ProjectionRegistry(builtInProjections());
}
