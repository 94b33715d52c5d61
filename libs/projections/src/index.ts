// Public API of the projection engine and the workflow read models.
export * from './runner/projection';
export * from './runner/projection-registry';
export * from './runner/projection-runner';
export * from './runner/projection-rebuilder';
export * from './runner/projection-lag';
export { tryLockProjection, lockProjection } from './runner/projection-lock';
export { shadowName } from './runner/shadow-tables';
