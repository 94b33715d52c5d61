// Public API of the annual Laporan Kinerja's production (process manager, job, storage, services).
export * from './lkj.module';
export * from './lkj.service';
export * from './lkj-views';
export * from './lkj-file-integrity';
export * from './lkj-chain-integrity';
export * from './lkj-jobs';
export * from './lkj-producer';
export * from './lkj-process-manager';
export * from './lkj-facts.reader';
export * from './lkj-outbox';
export * from './lkj-enqueuer';
export * from './lkj-stream';
export * from './capaian-tahun-lalu.service';
export * from './demo-lkj';
