/**
 * Who an office is, for the LKj: its level in the KPU hierarchy and the names, duties and signing
 * place that follow from it. The name decides when it says the level ("KPU Provinsi Papua", "KPU
 * Kabupaten Jember", "KPU Kota Surabaya", "Sekretariat Jenderal KPU RI"); otherwise the office's
 * depth in the hierarchy does (root: KPU RI, below it: provinsi, below those: kabupaten/kota).
 */

/** PUSAT: Sekretariat Jenderal KPU RI; PROVINSI: Sekretariat KPU Provinsi; KABUPATEN_KOTA: Sekretariat KPU Kabupaten/Kota. */
export type OfficeLevel = 'PUSAT' | 'PROVINSI' | 'KABUPATEN_KOTA';

export interface OfficeIdentity {
  level: OfficeLevel;
  /** Name used in running text and on the cover: "KPU Kabupaten Jember", "Sekretariat Jenderal KPU RI". */
  shortName: string;
  /** The commission the office serves, in short: "KPU Kabupaten Jember", "KPU Provinsi Papua", "KPU RI". */
  commission: string;
  /** Institution line on the cover and signature: "Komisi Pemilihan Umum Kabupaten Jember". */
  institutionName: string;
  /** "Kabupaten Jember, Provinsi Jawa Timur", "Provinsi Papua", "Republik Indonesia". */
  region: string;
  /**
   * The town the LKj is signed in: the kabupaten/kota's own name, Jakarta for KPU RI (and DKI
   * Jakarta), Yogyakarta for DI Yogyakarta. Null when the name does not give it (a province: its KPU
   * sits in a town the data does not record, and the province is not a town): left blank to fill in.
   */
  place: string | null;
  /** Tugas of the Sekretariat at this level, one item each. */
  tasks: string[];
  /** Kewenangan dan kewajiban of the Sekretariat at this level, one item each. */
  functions: string[];
}

/** Where the office sits: 0 for the root office, 1 below it, …; null when unknown. */
export interface OfficeHierarchy {
  depth: number | null;
  /** The parent office's name ("Sekretariat KPU Provinsi Jawa Timur"), to name a kabupaten/kota's province. */
  parentName?: string | null;
}

const COMMISSION = /^(?:Sekretariat\s+)?(?:KPU|Komisi Pemilihan Umum)\s+/i;

export function officeLevelOf(name: string, hierarchy: OfficeHierarchy = { depth: null }): OfficeLevel {
  if (/\bProvinsi\b/i.test(name)) return 'PROVINSI';
  if (/\b(?:Kabupaten|Kota)\b/i.test(name)) return 'KABUPATEN_KOTA';
  if (/\bSekretariat\s+Jenderal\b|\bRI\b|\bRepublik\s+Indonesia\b/i.test(name)) return 'PUSAT';
  if (hierarchy.depth === 0) return 'PUSAT';
  if (hierarchy.depth === 1) return 'PROVINSI';
  return 'KABUPATEN_KOTA';
}

/** "Provinsi Jawa Timur" of "Sekretariat KPU Provinsi Jawa Timur"; null when the name has no province. */
function provinceOf(name: string | null | undefined): string | null {
  const m = name?.match(/\bProvinsi\s+(.+)$/i);
  return m ? `Provinsi ${m[1].trim()}` : null;
}

/** The town of a province whose name is its town (DKI Jakarta, DI Yogyakarta); null for the others. */
function provinceTown(province: string): string | null {
  const p = province.replace(/^Provinsi\s+/i, '').replace(/\s+/g, ' ').trim();
  if (/^(?:DKI|Daerah Khusus Ibukota|Daerah Khusus Ibu Kota)\s+Jakarta$/i.test(p)) return 'Jakarta';
  if (/^(?:DI|D\.I\.|DIY|Daerah Istimewa)\s+Yogyakarta$/i.test(p)) return 'Yogyakarta';
  return null;
}

export function officeIdentity(name: string, hierarchy: OfficeHierarchy = { depth: null }): OfficeIdentity {
  const formal = name.replace(/\s+/g, ' ').trim();
  const level = officeLevelOf(formal, hierarchy);
  if (level === 'PUSAT') {
    return {
      level,
      // "Sekretariat Jenderal" is part of the institution's name: never shortened.
      shortName: formal.replace(/^Sekretariat\s+(?!Jenderal\b)/i, ''),
      commission: 'KPU RI',
      institutionName: 'Komisi Pemilihan Umum Republik Indonesia',
      region: 'Republik Indonesia',
      place: 'Jakarta',
      tasks: PUSAT_TASKS,
      functions: PUSAT_FUNCTIONS,
    };
  }
  const shortName = formal.replace(/^Sekretariat\s+(?=KPU\b|Komisi Pemilihan Umum\b)/i, '');
  const area = shortName.replace(COMMISSION, '').trim() || shortName;
  const commission = `KPU ${area}`;
  const institutionName = `Komisi Pemilihan Umum ${area}`;
  if (level === 'PROVINSI') {
    const region = provinceOf(formal) ?? area;
    return { level, shortName, commission, institutionName, region, place: provinceTown(region), tasks: PROVINSI_TASKS, functions: PROVINSI_FUNCTIONS };
  }
  const town = area.replace(/^(?:Kabupaten|Kota)\s+/i, '').trim();
  const province = provinceOf(hierarchy.parentName);
  return {
    level,
    shortName,
    commission,
    institutionName,
    region: province ? `${area}, ${province}` : area,
    place: town || null,
    tasks: KABUPATEN_KOTA_TASKS,
    functions: KABUPATEN_KOTA_FUNCTIONS,
  };
}

/** Tugas of a Sekretariat KPU Kabupaten/Kota, as in the reference (LKj 2024 of KPU Kabupaten Jember). */
export const KABUPATEN_KOTA_TASKS: string[] = [
  'Membantu penyusunan program dan anggaran Pemilu;',
  'Memberikan dukungan teknis administratif;',
  'Membantu pelaksanaan tugas KPU Kabupaten/Kota dalam menyelenggarakan Pemilu;',
  'Membantu pendistribusian perlengkapan Penyelenggaraan Pemilu anggota DPR, DPD, Presiden dan Wakil Presiden, serta DPRD;',
  'Membantu perumusan dan penyusunan rancangan keputusan KPU Kabupaten/Kota;',
  'Membantu penyusunan laporan penyelenggaraan kegiatan dan pertanggungjawaban KPU Kabupaten/Kota; dan',
  'Membantu pelaksanaan tugas-tugas lainnya sesuai dengan ketentuan peraturan perundang-undangan.',
];

export const KABUPATEN_KOTA_FUNCTIONS: string[] = [
  'Memberikan layanan administrasi, ketatausahaan, dan kepegawaian sesuai dengan ketentuan peraturan perundang-undangan;',
  'Menyusun laporan pertanggungjawaban keuangan;',
  'Memelihara arsip dan dokumen Pemilu; dan',
  'Mengelola barang inventaris KPU Kabupaten/Kota.',
];

/** Tugas of a Sekretariat KPU Provinsi: the reference's list at provincial level, with the coordination of the kabupaten/kota. */
export const PROVINSI_TASKS: string[] = [
  'Membantu penyusunan program dan anggaran Pemilu;',
  'Memberikan dukungan teknis administratif;',
  'Membantu pelaksanaan tugas KPU Provinsi dalam menyelenggarakan Pemilu;',
  'Membantu pendistribusian perlengkapan Penyelenggaraan Pemilu anggota DPR, DPD, Presiden dan Wakil Presiden, serta DPRD;',
  'Membantu perumusan dan penyusunan rancangan keputusan KPU Provinsi;',
  'Membantu pengoordinasian dan fasilitasi pelaksanaan tugas KPU Kabupaten/Kota dan Sekretariatnya di wilayah provinsi;',
  'Membantu penyusunan laporan penyelenggaraan kegiatan dan pertanggungjawaban KPU Provinsi; dan',
  'Membantu pelaksanaan tugas-tugas lainnya sesuai dengan ketentuan peraturan perundang-undangan.',
];

export const PROVINSI_FUNCTIONS: string[] = [
  'Memberikan layanan administrasi, ketatausahaan, dan kepegawaian sesuai dengan ketentuan peraturan perundang-undangan;',
  'Menyusun laporan pertanggungjawaban keuangan;',
  'Memelihara arsip dan dokumen Pemilu; dan',
  'Mengelola barang inventaris KPU Provinsi.',
];

/** Tugas of the Sekretariat Jenderal KPU RI: supporting KPU RI nationally and guiding the secretariats below it. */
export const PUSAT_TASKS: string[] = [
  'Membantu penyusunan program dan anggaran Pemilu;',
  'Memberikan dukungan teknis administratif kepada KPU RI;',
  'Membantu pelaksanaan tugas KPU RI dalam menyelenggarakan Pemilu secara nasional;',
  'Membantu pendistribusian perlengkapan Penyelenggaraan Pemilu anggota DPR, DPD, Presiden dan Wakil Presiden, serta DPRD;',
  'Membantu perumusan dan penyusunan rancangan peraturan dan keputusan KPU RI;',
  'Membantu pembinaan dan pengoordinasian pelaksanaan tugas Sekretariat KPU Provinsi dan Sekretariat KPU Kabupaten/Kota;',
  'Membantu penyusunan laporan penyelenggaraan kegiatan dan pertanggungjawaban KPU RI; dan',
  'Membantu pelaksanaan tugas-tugas lainnya sesuai dengan ketentuan peraturan perundang-undangan.',
];

export const PUSAT_FUNCTIONS: string[] = [
  'Memberikan layanan administrasi, ketatausahaan, dan kepegawaian sesuai dengan ketentuan peraturan perundang-undangan;',
  'Menyusun laporan pertanggungjawaban keuangan;',
  'Memelihara arsip dan dokumen Pemilu; dan',
  'Mengelola barang milik negara di lingkungan KPU RI.',
];
