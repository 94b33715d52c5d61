import type { DataSource } from 'typeorm';
import { DomainError, echoedInput } from '@kinerja/domain';
import { storedProfile, type SatkerProfile, type SatkerStaffTable } from '@kinerja/identity/satker/satker-profile';
import { subbagianNames } from '@kinerja/identity/subbagian/subbagian-names';
import { officeIdentity, type OfficeProfileInput, type StaffInput, type SubbagianInput } from '@kinerja/reporting';

export interface OfficeFacts {
  profile: OfficeProfileInput;
  /** Where the LKj is signed (the town of the office); null when unknown: a blank is printed. */
  place: string | null;
  /** User id → full name, for the approval history. */
  names: Map<string, string>;
  /**
   * An office that is not KPU (kind LAINNYA): its subbagian names by code, inactive ones too, by which
   * the approval history names a report's unit ("Bidang Pelayanan Kesehatan"). Absent for a KPU office,
   * whose history keeps "Sub. Bagian <code>".
   */
  unitNames?: Map<string, string>;
}

const MONTHLESS_LEVELS = ['SLTA', 'Diploma', 'Sarjana', 'Magister'];

interface OfficeRow { name: string; time_zone: string; depth: number | null; parent_name: string | null; profile: Partial<SatkerProfile> | null }
interface UserRow { id: string; full_name: string; role: string; active: boolean }

/**
 * BAB I's office profile, from the office's own records: identity knows the name, its place in the
 * hierarchy, time zone, subbagian and the people, and the profile its ADMIN set (`PUT
 * satker/{code}/profile`). A field the profile records wins. Otherwise a KPU office's level, names,
 * tasks of the Sekretariat and signing town follow from its name and depth (`officeIdentity`), as
 * they always have; another office's are its name, or said to be not recorded: never KPU's.
 */
export async function readOfficeFacts(dataSource: DataSource, satker: string): Promise<OfficeFacts> {
  const offices: OfficeRow[] = await dataSource.query(
    `WITH RECURSIVE up (code, parent_code, depth) AS (
       SELECT code, parent_code, 0 FROM satker WHERE code = $1
       UNION ALL
       SELECT s.code, s.parent_code, up.depth + 1 FROM satker s JOIN up ON s.code = up.parent_code WHERE up.depth < 16
     )
     SELECT s.name, s.time_zone, p.name AS parent_name, pr.profile,
            (SELECT max(depth)::int FROM up) AS depth
       FROM satker s LEFT JOIN satker p ON p.code = s.parent_code LEFT JOIN satker_profiles pr ON pr.satker_code = s.code
      WHERE s.code = $1`, [satker],
  );
  if (offices.length === 0) throw new DomainError('SATKER.NOT_FOUND', `Satker ${echoedInput(satker)} tidak ditemukan.`, 'not_found', { satker: echoedInput(satker) });
  const subbagian: Array<{ code: string; name: string }> = await dataSource.query(
    `SELECT code, name FROM subbagian WHERE satker_code = $1 AND active ORDER BY code`, [satker],
  );
  const users: UserRow[] = await dataSource.query(
    `SELECT id::text AS id, full_name, role, active FROM users WHERE satker_code = $1 ORDER BY full_name`, [satker],
  );
  const names = new Map(users.map((u) => [u.id, u.full_name]));
  // The holder of the post: an active account first; a deactivated one only where no other holds it (as before).
  const person = (role: string) => (users.find((u) => u.role === role && u.active) ?? users.find((u) => u.role === role))?.full_name ?? null;
  const office = offices[0];
  const recorded = storedProfile(office.profile);
  const common = {
    code: satker,
    name: office.name,
    address: recorded.address,
    timeZone: office.time_zone,
    subbagian: subbagianOf(subbagian, recorded),
    staff: staffOf(recorded.staff),
  };
  if (recorded.institutionKind === 'LAINNYA') {
    const institutionName = recorded.institutionName ?? office.name;
    const profile: OfficeProfileInput = {
      ...common,
      kind: 'LAINNYA',
      headTitle: recorded.headTitle ?? `Pimpinan ${institutionName}`,
      shortName: recorded.shortName ?? office.name,
      institutionName,
      region: recorded.region ?? '',
      // No account holds the post: a blank line, signed and named by hand.
      ketua: person('KETUA') ?? '',
      sekretaris: person('SEKRETARIS') ?? '',
      tasks: recorded.tasks,
      functions: recorded.functions,
    };
    return { profile, place: recorded.signingPlace, names, unitNames: await subbagianNames(dataSource, satker) };
  }
  const id = officeIdentity(office.name, { depth: office.depth === null ? null : Number(office.depth), parentName: office.parent_name });
  const profile: OfficeProfileInput = {
    ...common,
    level: id.level,
    ...(recorded.headTitle ? { headTitle: recorded.headTitle } : {}),
    shortName: recorded.shortName ?? id.shortName,
    institutionName: recorded.institutionName ?? id.institutionName,
    region: recorded.region ?? id.region,
    ketua: person('KETUA') ?? `Ketua ${id.commission}`,
    sekretaris: person('SEKRETARIS') ?? (id.level === 'PUSAT' ? 'Sekretaris Jenderal KPU RI' : `Sekretaris ${id.commission}`),
    tasks: recorded.tasks.length > 0 ? recorded.tasks : id.tasks,
    functions: recorded.functions.length > 0 ? recorded.functions : id.functions,
  };
  return { profile, place: recorded.signingPlace ?? id.place, names };
}

/** The active subbagian: those whose duties the profile records first, in its order, then the others by code. */
function subbagianOf(active: Array<{ code: string; name: string }>, recorded: SatkerProfile): SubbagianInput[] {
  const duties = new Map(recorded.subbagian.map((s, i) => [s.code, { duties: s.duties, order: i }]));
  const order = (code: string) => duties.get(code)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...active]
    .sort((a, b) => order(a.code) - order(b.code)) // stable: the others keep the query's order
    .map((s) => ({ code: s.code, name: s.name, duties: duties.get(s.code)?.duties ?? [] }));
}

/** Tabel 1.1 as recorded; none: no rows (BAB I says the data is not recorded). */
function staffOf(staff: SatkerStaffTable | null): StaffInput {
  if (!staff) return { educationLevels: MONTHLESS_LEVELS, rows: [] };
  return {
    educationLevels: staff.educationLevels,
    rows: staff.rows.map((r) => ({ status: r.status, counts: Object.fromEntries(staff.educationLevels.map((l, i) => [l, r.counts[i] ?? 0])) })),
  };
}

/** `YYYY-MM-DD` of an instant in the office's time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
