export * from './report-deadline-extension.events';
export * from './report-deadline-extension.commands';
export * from './report-deadline-extension.state';
export * from './report-deadline-extension.decider';
export * from './deadline-of-report';
export * from './report-timeliness';
