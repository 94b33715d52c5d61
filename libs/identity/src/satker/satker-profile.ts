import { canonicalize } from 'json-canonicalize';
import { DomainError, normalizedText } from '@kinerja/domain';

/**
 * What an office's LKj says of it that its name cannot: the kind of institution, the institution
 * line, the head's title over the signature, the signing town, the address, the tasks and functions,
 * each subbagian's duties and the staff table (BAB I). Kept by the office's ADMIN; every field is
 * optional. A KPU office without a field keeps the text the LKj derives from its name and place in
 * the hierarchy; any other office gets neutral text (its name; "belum dicatat").
 */
export const INSTITUTION_KINDS = ['KPU', 'LAINNYA'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export interface SatkerSubbagianDuties {
  code: string;
  /** Tugas of the subbagian, one item each. */
  duties: string[];
}

/** Tabel 1.1: head counts per status (ASN, PPNPN, PPPK…) and education level, `counts` in the order of `educationLevels`. */
export interface SatkerStaffTable {
  educationLevels: string[];
  rows: Array<{ status: string; counts: number[] }>;
}

export interface SatkerProfile {
  /** KPU (the default, offices created before the profile existed too) or LAINNYA: any other government office. */
  institutionKind: InstitutionKind;
  /** Institution line of the cover and the signature: "Dinas Kesehatan Kabupaten Kupang". */
  institutionName: string | null;
  /** Name in running text: "Dinas Kesehatan Kabupaten Kupang", "KPU Kabupaten Jember". */
  shortName: string | null;
  /** The head's title over the signature: "Kepala Dinas Kesehatan Kabupaten Kupang"; for a KPU office "Ketua". */
  headTitle: string | null;
  /** The town the LKj is signed in: "Oelamasi". */
  signingPlace: string | null;
  address: string | null;
  /** Region line of the cover: "Kabupaten Kupang, Provinsi Nusa Tenggara Timur". */
  region: string | null;
  /** Empty: not recorded. */
  tasks: string[];
  functions: string[];
  /** The subbagian whose duties are recorded, in the order the LKj lists them. */
  subbagian: SatkerSubbagianDuties[];
  /** Null: not recorded. */
  staff: SatkerStaffTable | null;
}

export type SatkerProfileField = keyof SatkerProfile;

/** The profile of an office nobody has described: a KPU office whose LKj reads everything from its name. */
export const EMPTY_SATKER_PROFILE: Readonly<SatkerProfile> = Object.freeze({
  institutionKind: 'KPU', institutionName: null, shortName: null, headTitle: null, signingPlace: null, address: null, region: null,
  tasks: Object.freeze([]) as unknown as string[], functions: Object.freeze([]) as unknown as string[],
  subbagian: Object.freeze([]) as unknown as SatkerSubbagianDuties[], staff: null,
});

/** A PUT's body: each field left out (or null, or an empty list) is not recorded. */
export type SatkerProfileInput = { [F in SatkerProfileField]?: SatkerProfile[F] | null };

const TEXT_FIELDS = ['institutionName', 'shortName', 'headTitle', 'signingPlace', 'address', 'region'] as const;

function text(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = normalizedText(value);
  return t === '' ? null : t;
}

function items(values: readonly string[] | null | undefined): string[] {
  return (values ?? []).map((v) => normalizedText(v)).filter((v) => v !== '');
}

/**
 * The profile a PUT sets: texts stored as people read them (NFKC, single spaces, trimmed), blank
 * items dropped. Refused (422) when a subbagian is named twice or is not the office's
 * (`subbagianCodes`: every subbagian of the office, active or not), or when the staff table does not
 * add up as a table (a row's counts not one per education level, a level or a status twice).
 */
export function profileOf(input: SatkerProfileInput, satker: string, subbagianCodes: readonly string[]): SatkerProfile {
  const profile: SatkerProfile = { ...EMPTY_SATKER_PROFILE, institutionKind: input.institutionKind ?? 'KPU', subbagian: [] };
  for (const field of TEXT_FIELDS) profile[field] = text(input[field]);
  profile.tasks = items(input.tasks);
  profile.functions = items(input.functions);
  const seen = new Set<string>();
  for (const s of input.subbagian ?? []) {
    if (seen.has(s.code)) throw satkerProfileErrors.subbagianTwice(s.code);
    seen.add(s.code);
    if (!subbagianCodes.includes(s.code)) throw satkerProfileErrors.subbagianUnknown(satker, s.code, subbagianCodes);
    const duties = items(s.duties);
    if (duties.length > 0) profile.subbagian.push({ code: s.code, duties });
  }
  profile.staff = staffOf(input.staff ?? null);
  return profile;
}

function staffOf(staff: SatkerStaffTable | null): SatkerStaffTable | null {
  if (staff === null || staff.rows.length === 0) return null;
  const levels = staff.educationLevels.map((l) => normalizedText(l));
  const twice = levels.find((l, i) => levels.indexOf(l) !== i);
  if (twice !== undefined) throw satkerProfileErrors.staffTwice('educationLevels', twice);
  const rows = staff.rows.map((r, i) => {
    if (r.counts.length !== levels.length) throw satkerProfileErrors.staffCounts(i, r.counts.length, levels.length);
    return { status: normalizedText(r.status), counts: [...r.counts] };
  });
  const statuses = rows.map((r) => r.status);
  const status = statuses.find((s, i) => statuses.indexOf(s) !== i);
  if (status !== undefined) throw satkerProfileErrors.staffTwice('rows', status);
  return { educationLevels: levels, rows };
}

/** The fields whose value differs, with their new value: what `SatkerProfileChanged` records. */
export function profileChanges(before: SatkerProfile, after: SatkerProfile): Partial<SatkerProfile> {
  const changes: Partial<SatkerProfile> = {};
  for (const field of Object.keys(after) as SatkerProfileField[]) {
    // Compared whatever the order of their keys (jsonb stores an object's keys in an order of its own).
    if (canonicalize(before[field]) !== canonicalize(after[field])) (changes as Record<string, unknown>)[field] = after[field];
  }
  return changes;
}

/** A stored profile read back: fields it lacks (stored before they existed) stand at their empty value. */
export function storedProfile(value: Partial<SatkerProfile> | null | undefined): SatkerProfile {
  const profile = { ...EMPTY_SATKER_PROFILE, ...(value ?? {}) };
  const staff = profile.staff;
  // Keys in the order the API documents them (jsonb keeps its own).
  return {
    ...profile,
    subbagian: profile.subbagian.map((s) => ({ code: s.code, duties: s.duties })),
    staff: staff && { educationLevels: staff.educationLevels, rows: staff.rows.map((r) => ({ status: r.status, counts: r.counts })) },
  };
}

export const satkerProfileErrors = {
  subbagianTwice: (code: string) =>
    new DomainError(
      'SATKER_PROFILE.SUBBAGIAN_TWICE',
      `Subbagian "${code}" disebut lebih dari satu kali pada profil; satukan uraian tugasnya dalam satu butir.`,
      'validation',
      { subbagian: code },
    ),
  subbagianUnknown: (satker: string, code: string, codes: readonly string[]) =>
    new DomainError(
      'SATKER_PROFILE.SUBBAGIAN_NOT_FOUND',
      `Subbagian "${code}" tidak ada pada satker "${satker}".` +
        (codes.length > 0 ? ` Subbagian satker ini: ${codes.join(', ')}. Periksa kode subbagian yang diisi.` : ' Satker ini belum memiliki subbagian: tambahkan subbagiannya terlebih dahulu.'),
      'validation',
      { satker, subbagian: code, subbagianCodes: [...codes] },
    ),
  staffCounts: (row: number, given: number, levels: number) =>
    new DomainError(
      'SATKER_PROFILE.STAFF_COUNTS_MISMATCH',
      `Tabel SDM baris ke-${row + 1} berisi ${given} angka, sedangkan jenjang pendidikannya ${levels}; isi satu angka untuk setiap jenjang pendidikan, sesuai urutannya.`,
      'validation',
      { row, counts: given, educationLevels: levels },
    ),
  staffTwice: (what: 'educationLevels' | 'rows', value: string) =>
    new DomainError(
      'SATKER_PROFILE.STAFF_DUPLICATE',
      what === 'educationLevels'
        ? `Jenjang pendidikan "${value}" disebut lebih dari satu kali pada tabel SDM; setiap jenjang satu kolom.`
        : `Status pegawai "${value}" disebut lebih dari satu kali pada tabel SDM; setiap status satu baris.`,
      'validation',
      { field: what, value },
    ),
};
