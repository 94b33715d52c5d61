export * from './catatan-reviu.types';
export * from './catatan-reviu.events';
export * from './catatan-reviu.commands';
export * from './catatan-reviu.state';
export * from './catatan-reviu.decide';
export * from './catatan-reviu.decider';
export * from './catatan-reviu-target.check';
