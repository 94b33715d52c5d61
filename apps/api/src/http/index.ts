export * from './configure-http';
export * from './current-user.decorator';
export * from './error-body';
export * from './error-response';
export * from './public.decorator';
export * from './roles.decorator';
export * from './uuid-param.pipe';
export * from './instant.validator';
