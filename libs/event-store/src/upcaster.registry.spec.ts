import { UpcasterRegistry } from './upcaster.registry';

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register('RealisasiSubmitted', 1, (data: { nilai: number }) => ({ nilai: String(data.nilai) }))
    .register('RealisasiSubmitted', 2, (data: { nilai: string }) => ({ nilai: data.nilai, satuan: null }));

  it('runs every step from the stored version to the current one', () => {
    expect(registry.upcast('RealisasiSubmitted', 1, { nilai: 3 })).toEqual({ schemaVersion: 3, data: { nilai: '3', satuan: null } });
    expect(registry.upcast('RealisasiSubmitted', 2, { nilai: '4' })).toEqual({ schemaVersion: 3, data: { nilai: '4', satuan: null } });
  });

  it('leaves types without steps alone and reports their current version as 1', () => {
    expect(registry.upcast('PkApproved', 1, { a: 1 })).toEqual({ schemaVersion: 1, data: { a: 1 } });
    expect(registry.currentVersion('PkApproved')).toBe(1);
    expect(registry.currentVersion('RealisasiSubmitted')).toBe(3);
  });

  it('refuses a second step for the same type and version', () => {
    expect(() => registry.register('RealisasiSubmitted', 1, (d) => d)).toThrow(/twice/);
  });
});
