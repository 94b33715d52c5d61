// Public API of the projection engine and the workflow read models.
export * from './runner/projection';
export * from './runner/projection-registry';
export * from './runner/projection-runner';
export * from './runner/projection-rebuilder';
export * from './runner/projection-lag';
export * from './runner/projection-versions';
export { tryLockProjection, lockProjection } from './runner/projection-lock';
export { shadowName } from './runner/shadow-tables';
export * from './projection-list';
export * from './projections.module';
export * from './projection-worker.module';

export * from './current-performance/current-performance.projection';
export * from './current-performance/kinerja.read-model';
export * from './submission-status/submission-status.projection';
export * from './submission-status/submission-status.query';
export { submissionMatricesVersion } from './submission-status/matrices-version';
export { statusShown } from './submission-status/overdue.rule';
export { deadlineExtensionsSql, toDeadlineExtensions } from './submission-status/deadline-extensions';
export type { SubmissionStatus } from './submission-status/overdue.rule';
export * from './approval-inbox/approval-inbox.projection';
export * from './approval-inbox/approval-inbox.query';
export * from './audit-trail';
