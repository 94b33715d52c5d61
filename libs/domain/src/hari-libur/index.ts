export * from './hari-libur';
