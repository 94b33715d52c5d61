import type { SatkerProfileInput } from '@kinerja/identity';
import { JEMBER_OFFICE } from '@kinerja/reporting';

/**
 * KPU Kabupaten Jember's profile as its 2024 LKj publishes it (the reporting fixture transcribes it):
 * tasks and functions of the Sekretariat, each Sub. Bagian's duties in the report's order, the staff
 * table and the town it is signed in (the head's title stays a KPU office's own, KETUA). seed:demo
 * records it through the profile command, as an ADMIN would, so that the demo's LKj reads it from the
 * office's records like any other office's.
 */
export function jemberPublishedProfile(): SatkerProfileInput {
  const o = JEMBER_OFFICE;
  return {
    institutionKind: 'KPU',
    institutionName: o.institutionName,
    shortName: o.shortName,
    signingPlace: 'Jember',
    address: o.address,
    region: o.region,
    tasks: o.tasks,
    functions: o.functions,
    subbagian: o.subbagian.map((s) => ({ code: s.code, duties: s.duties })),
    staff: {
      educationLevels: o.staff.educationLevels,
      rows: o.staff.rows.map((r) => ({ status: r.status, counts: o.staff.educationLevels.map((l) => r.counts[l] ?? 0) })),
    },
  };
}
