export * from './audit-trail.types';
export * from './audit-trail.projection';
export * from './audit-trail.query';
export * from './integrity.service';
export { describeEvent } from './describe-event';
export { targetWords } from './describe-catatan-reviu';
export * from './catatan-reviu-list.projection';
export * from './integrity.events';
