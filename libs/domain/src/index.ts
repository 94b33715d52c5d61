// Public API of the pure domain. Nothing here does I/O or reads a clock.
export * from './shared/domain-error';
export * from './shared/actor';
export * from './shared/decider';
export * from './shared/decimal';
export * from './shared/local-date';
export * from './shared/report-deadline';
export * from './shared/indonesian-time';
export * from './shared/indonesian-number';
export * from './shared/office-code';
export * from './shared/same-json';
export * from './shared/reason';
export * from './shared/free-text';
export * from './shared/person-name';
export * from './shared/echoed-input';
export * from './shared/case-hint';
export * from './shared/validation-failed';

export * from './perjanjian-kinerja/pk-structure.types';
export * from './perjanjian-kinerja/pk-stream-id';
export * from './perjanjian-kinerja/pk.events';
export * from './perjanjian-kinerja/pk.commands';
export * from './perjanjian-kinerja/pk.state';
export * from './perjanjian-kinerja/pk.decide';
export * from './perjanjian-kinerja/pk.decider';
export * from './perjanjian-kinerja/pk-structure.validate';
export * from './perjanjian-kinerja/pk-from-fixture';
export * from './perjanjian-kinerja/pk-queries';

export * from './realisasi/realisasi.types';
export * from './realisasi/realisasi-stream-id';
export * from './realisasi/realisasi.events';
export * from './realisasi/realisasi.commands';
export * from './realisasi/realisasi.state';
export * from './realisasi/realisasi.decide';
export * from './realisasi/realisasi.decider';
export * from './realisasi/realisasi-content.validate';
export * from './realisasi/realisasi-content.compare';
export * from './realisasi/budget-over-pagu';
export * from './realisasi/value-far-above-target';

export * from './capaian/aggregate';
export * from './capaian/capaian.rules';
export * from './capaian/rating-scale';
export * from './capaian/target-to-date';
export * from './capaian/kinerja-table.types';
export * from './capaian/compute-kinerja';

export * from './lkj';

export * from './rating-scale';

export * from './report-deadline-extension';

export * from './hari-libur';
