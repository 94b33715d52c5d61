import type { Satker, TimeZone } from '../identity.types';

export const SATKER_COLUMNS = `code, name, parent_code, time_zone, report_deadline_day, ketua_signs_lkj, active, version, created_at, updated_at`;

export interface SatkerRow {
  code: string;
  name: string;
  parent_code: string | null;
  time_zone: string;
  report_deadline_day: number;
  ketua_signs_lkj: boolean;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toSatker(row: SatkerRow): Satker {
  return {
    code: row.code,
    name: row.name,
    parentCode: row.parent_code,
    timeZone: row.time_zone as TimeZone,
    reportDeadlineDay: Number(row.report_deadline_day),
    ketuaSignsLkj: row.ketua_signs_lkj === true,
    active: row.active,
    version: Number(row.version),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
