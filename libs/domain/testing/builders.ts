// Small builders for specs: a valid PK structure and command metadata.
import type { Actor, CommandMetadata, Role } from '../src/shared/actor';
import type { PkIndicator, PkStructure, PkVersionInForce } from '../src/perjanjian-kinerja/pk-structure.types';

export const SUBBAGIAN = ['PDI', 'KUL', 'HSDM', 'TPH'];

export const sekretaris: Actor = { userId: 'u-sekretaris', role: 'SEKRETARIS', subbagian: null };
export const sekretarisPlh: Actor = { userId: 'u-sekretaris-plh', role: 'SEKRETARIS', subbagian: null };
export const ketua: Actor = { userId: 'u-ketua', role: 'KETUA', subbagian: null };
export const kasubbagKul: Actor = { userId: 'u-kasubbag-kul', role: 'KASUBBAG', subbagian: 'KUL' };
export const kasubbagPdi: Actor = { userId: 'u-kasubbag-pdi', role: 'KASUBBAG', subbagian: 'PDI' };

export function actor(role: Role, userId = `u-${role.toLowerCase()}`, subbagian: string | null = null): Actor {
  return { userId, role, subbagian };
}

export function meta(who: Actor, now = '2024-01-16T03:00:00.000Z'): CommandMetadata {
  return { actor: who, now };
}

export function anIndicator(overrides: Partial<PkIndicator> = {}): PkIndicator {
  return {
    code: 'K1.1', name: 'Layanan Perkantoran', unit: 'Layanan', target: { kind: 'SINGLE', value: '12' },
    polarity: 'HIGHER_IS_BETTER', lowerIsBetterFormula: 'INVERSE_DIFFERENCE', aggregation: 'SUM',
    monthlyPlan: null, evidenceRequired: false, picSubbagian: 'KUL', sasaran: null,
    ...overrides,
  };
}

/** One program, kegiatan K1 (KUL: K1.1, K1.2 with evidence) and K2 (PDI: K2.1). */
export function aStructure(indicatorsOfK1: PkIndicator[] = [
  anIndicator(),
  anIndicator({ code: 'K1.2', name: 'Layanan Pengawasan Internal', unit: 'Laporan', target: { kind: 'SINGLE', value: '1' }, evidenceRequired: true }),
]): PkStructure {
  return {
    programs: [{
      code: 'P1', name: 'Program Dukungan Manajemen',
      kegiatan: [
        { code: 'K1', name: 'Pengelolaan Keuangan', pagu: '1000000', indicators: indicatorsOfK1 },
        { code: 'K2', name: 'Manajemen Perencanaan dan Data', pagu: null, indicators: [anIndicator({ code: 'K2.1', name: 'Layanan Data', picSubbagian: 'PDI' })] },
      ],
    }],
  };
}

export function aPkInForce(structure: PkStructure = aStructure(), version = 1): PkVersionInForce {
  return { satker: 'kpu-kab-jember', year: 2024, version, structure, approvedAt: '2024-01-16T03:00:00.000Z' };
}
