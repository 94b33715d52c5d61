import { REPORT_KEY_COLUMNS } from '../shared/report-key';
import type { Column } from '../shared/sql-rows';

export const PERF_PK_TABLE = 'rm_perf_pk_versions';
export const PERF_REPORTS_TABLE = 'rm_perf_reports';
export const PERF_VALUES_TABLE = 'rm_perf_values';

export const PK_OFFICE_COLUMNS: readonly Column[] = [
  { name: 'satker', type: 'text' },
  { name: 'year', type: 'integer' },
];

export const PK_COLUMNS: readonly Column[] = [
  ...PK_OFFICE_COLUMNS,
  { name: 'version', type: 'integer' },
  { name: 'status', type: 'text' },
  { name: 'structure', type: 'jsonb' },
  { name: 'approved_at', type: 'text' },
];

export const REPORT_COLUMNS: readonly Column[] = [
  ...REPORT_KEY_COLUMNS,
  { name: 'status', type: 'text' },
  { name: 'revision', type: 'integer' },
  { name: 'pk_version', type: 'integer' },
  { name: 'lines', type: 'jsonb' },
  { name: 'budget', type: 'jsonb' },
  { name: 'approved', type: 'jsonb' },
];

export const VALUE_COLUMNS: readonly Column[] = [
  { name: 'satker', type: 'text' },
  { name: 'year', type: 'integer' },
  { name: 'indicator_code', type: 'text' },
  { name: 'month', type: 'smallint' },
  { name: 'subbagian', type: 'text' },
  { name: 'in_working', type: 'boolean' },
  { name: 'value', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'revision', type: 'integer' },
  { name: 'approved', type: 'boolean' },
  { name: 'approved_value', type: 'text' },
  { name: 'approved_revision', type: 'integer' },
];
