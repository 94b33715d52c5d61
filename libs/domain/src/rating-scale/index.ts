export * from './rating-scale.events';
export * from './rating-scale.commands';
export * from './rating-scale.state';
export * from './rating-scale.decider';
