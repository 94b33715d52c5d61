export * from './catatan-reviu.view';
export * from './catatan-reviu.handlers';
export * from './catatan-reviu.module';
export * from '../kinerja/get-kinerja-as-of/get-kinerja-as-of.query';
