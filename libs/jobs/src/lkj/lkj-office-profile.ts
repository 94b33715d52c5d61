import type { DataSource } from 'typeorm';
import { DomainError, echoedInput } from '@kinerja/domain';
import { JEMBER_OFFICE, officeIdentity, type OfficeProfileInput } from '@kinerja/reporting';

export interface OfficeFacts {
  profile: OfficeProfileInput;
  /** Where the LKj is signed (the town of the office); null when unknown: a blank is printed. */
  place: string | null;
  /** User id → full name, for the approval history. */
  names: Map<string, string>;
}

const MONTHLESS_LEVELS = ['SLTA', 'Diploma', 'Sarjana', 'Magister'];

/**
 * BAB I's office profile. Identity knows the name, its place in the hierarchy, time zone, subbagian
 * and the people; the level (KPU RI, provinsi, kabupaten/kota), the names, the tasks of the
 * Sekretariat and the signing town follow from the name and the depth (`officeIdentity`). Jember
 * itself gets its published profile (staff table included).
 */
export async function readOfficeFacts(dataSource: DataSource, satker: string): Promise<OfficeFacts> {
  const offices: Array<{ name: string; time_zone: string; depth: number | null; parent_name: string | null }> = await dataSource.query(
    `WITH RECURSIVE up (code, parent_code, depth) AS (
       SELECT code, parent_code, 0 FROM satker WHERE code = $1
       UNION ALL
       SELECT s.code, s.parent_code, up.depth + 1 FROM satker s JOIN up ON s.code = up.parent_code WHERE up.depth < 16
     )
     SELECT s.name, s.time_zone, p.name AS parent_name,
            (SELECT max(depth)::int FROM up) AS depth
       FROM satker s LEFT JOIN satker p ON p.code = s.parent_code
      WHERE s.code = $1`, [satker],
  );
  if (offices.length === 0) throw new DomainError('SATKER.NOT_FOUND', `Satker ${echoedInput(satker)} tidak ditemukan.`, 'not_found', { satker: echoedInput(satker) });
  const subbagian: Array<{ code: string; name: string }> = await dataSource.query(
    `SELECT code, name FROM subbagian WHERE satker_code = $1 AND active ORDER BY code`, [satker],
  );
  const users: Array<{ id: string; full_name: string; role: string }> = await dataSource.query(
    `SELECT id::text AS id, full_name, role FROM users WHERE satker_code = $1 ORDER BY full_name`, [satker],
  );
  const names = new Map(users.map((u) => [u.id, u.full_name]));
  const person = (role: string) => users.find((u) => u.role === role)?.full_name ?? null;
  const office = offices[0];
  if (satker === JEMBER_OFFICE.code) return { profile: JEMBER_OFFICE, place: 'Jember', names };
  const id = officeIdentity(office.name, { depth: office.depth === null ? null : Number(office.depth), parentName: office.parent_name });
  const profile: OfficeProfileInput = {
    code: satker,
    name: office.name,
    level: id.level,
    shortName: id.shortName,
    institutionName: id.institutionName,
    region: id.region,
    address: null,
    timeZone: office.time_zone,
    ketua: person('KETUA') ?? `Ketua ${id.commission}`,
    sekretaris: person('SEKRETARIS') ?? (id.level === 'PUSAT' ? 'Sekretaris Jenderal KPU RI' : `Sekretaris ${id.commission}`),
    tasks: id.tasks,
    functions: id.functions,
    subbagian: subbagian.map((s) => ({ code: s.code, name: s.name, duties: [] })),
    staff: { educationLevels: MONTHLESS_LEVELS, rows: [] },
  };
  return { profile, place: id.place, names };
}

/** `YYYY-MM-DD` of an instant in the office's time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
