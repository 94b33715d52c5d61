import type { PkEvent, PkStructure } from '@kinerja/domain';

/** One PK version as `rm_perf_pk_versions` keeps it; the APPROVED one is in force. */
export interface PkVersionRow {
  satker: string;
  year: number;
  version: number;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'SUPERSEDED' | 'WITHDRAWN';
  structure: PkStructure;
  approved_at: string | null;
}

/** The versions of one PK (by version number) after one of its events. Pure; mutates and returns `versions`. */
export function evolvePkVersions(versions: Map<number, PkVersionRow>, office: { satker: string; year: number }, event: PkEvent): Map<number, PkVersionRow> {
  const change = (version: number, patch: Partial<PkVersionRow>) => {
    const row = versions.get(version);
    if (!row) throw new Error(`current-performance: ${event.type} for unknown PK version ${version}`);
    versions.set(version, { ...row, ...patch });
  };
  switch (event.type) {
    case 'PkDrafted':
    case 'PkRevisionOpened': {
      const d = event.data;
      versions.set(d.version, { ...office, version: d.version, status: 'DRAFT', structure: d.structure, approved_at: null });
      break;
    }
    case 'PkIndicatorsChanged':
      change(event.data.version, { structure: event.data.structure });
      break;
    case 'PkSubmitted':
      change(event.data.version, { status: 'SUBMITTED' });
      break;
    case 'PkReturned':
      change(event.data.version, { status: 'DRAFT' });
      break;
    case 'PkRevisionWithdrawn':
      change(event.data.version, { status: 'WITHDRAWN' });
      break;
    case 'PkApproved': {
      const d = event.data;
      change(d.version, { status: 'APPROVED', approved_at: d.approvedAt });
      if (d.supersedesVersion !== null && versions.has(d.supersedesVersion)) change(d.supersedesVersion, { status: 'SUPERSEDED' });
      break;
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
  return versions;
}
