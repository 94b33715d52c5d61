export * from './lkj.events';
export * from './lkj.commands';
export * from './lkj.state';
export * from './lkj.decider';
export * from './capaian-tahun-lalu';
