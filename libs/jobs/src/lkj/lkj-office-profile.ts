import type { DataSource } from 'typeorm';
import { DomainError } from '@kinerja/domain';
import { JEMBER_OFFICE, type OfficeProfileInput } from '@kinerja/reporting';

export interface OfficeFacts {
  profile: OfficeProfileInput;
  /** Where the LKj is signed (the town of the office). */
  place: string;
  /** User id → full name, for the approval history. */
  names: Map<string, string>;
}

const MONTHLESS_LEVELS = ['SLTA', 'Diploma', 'Sarjana', 'Magister'];

/**
 * BAB I's office profile. Identity knows the name, time zone, subbagian and the people; the tasks
 * of a KPU secretariat are the same for every kabupaten/kota (PKPU), so the Jember reference text
 * serves them all. Jember itself gets its published profile (staff table included).
 */
export async function readOfficeFacts(dataSource: DataSource, satker: string): Promise<OfficeFacts> {
  const offices: Array<{ name: string; time_zone: string }> = await dataSource.query(
    `SELECT name, time_zone FROM satker WHERE code = $1`, [satker],
  );
  if (offices.length === 0) throw new DomainError('SATKER.NOT_FOUND', `Satker ${satker} tidak ditemukan.`, 'not_found', { satker });
  const subbagian: Array<{ code: string; name: string }> = await dataSource.query(
    `SELECT code, name FROM subbagian WHERE satker_code = $1 AND active ORDER BY code`, [satker],
  );
  const users: Array<{ id: string; full_name: string; role: string }> = await dataSource.query(
    `SELECT id::text AS id, full_name, role FROM users WHERE satker_code = $1 ORDER BY full_name`, [satker],
  );
  const names = new Map(users.map((u) => [u.id, u.full_name]));
  const person = (role: string) => users.find((u) => u.role === role)?.full_name ?? null;
  const office = offices[0];
  const shortName = office.name.replace(/^Sekretariat\s+/i, '');
  const place = shortName.replace(/^(KPU|Komisi Pemilihan Umum)\s+(Kabupaten|Kota|Provinsi)?\s*/i, '').trim() || shortName;
  if (satker === JEMBER_OFFICE.code) return { profile: JEMBER_OFFICE, place: 'Jember', names };
  const profile: OfficeProfileInput = {
    code: satker,
    name: office.name,
    shortName,
    institutionName: shortName.replace(/^KPU\b/, 'Komisi Pemilihan Umum'),
    region: shortName.replace(/^KPU\s+/, ''),
    address: null,
    timeZone: office.time_zone,
    ketua: person('KETUA') ?? `Ketua ${shortName}`,
    sekretaris: person('SEKRETARIS') ?? `Sekretaris ${shortName}`,
    tasks: JEMBER_OFFICE.tasks,
    functions: JEMBER_OFFICE.functions,
    subbagian: subbagian.map((s) => ({ code: s.code, name: s.name, duties: [] })),
    staff: { educationLevels: MONTHLESS_LEVELS, rows: [] },
  };
  return { profile, place, names };
}

/** `YYYY-MM-DD` of an instant in the office's time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
