import type { RecordedEvent } from '@kinerja/event-store';
import type { PkEvent } from '@kinerja/domain/perjanjian-kinerja/pk.events';
import type { PkStructure } from '@kinerja/domain/perjanjian-kinerja/pk-structure.types';
import { targetText } from '@kinerja/domain/capaian/target-to-date';
import type { AuditTrailState } from './audit-trail.state';
import type { IndicatorInfo } from './audit-trail.types';
import type { Description } from './describe.types';
import { countedChanges, structureChanges } from './pk-structure-changes';

export const PK_TYPES: ReadonlySet<string> = new Set<string>(['PkDrafted', 'PkIndicatorsChanged', 'PkSubmitted', 'PkApproved', 'PkReturned', 'PkRevisionOpened', 'PkRevisionWithdrawn']);

/** The stream's memory of the last version the Ketua returned. */
const RETURNED_VERSION = 'returnedVersion';

/**
 * A version of the year's PK as the notices, e-mails and the opening of a revision name it: every
 * version after the first is a PK Perubahan.
 */
function pkName(year: number, version: number): string {
  return `${version > 1 ? 'PK Perubahan' : 'PK'} ${year} versi ${version}`;
}

/** `pk:<satker>:<year>`. */
function yearOfStream(streamId: string): number | null {
  const year = Number(streamId.split(':')[2]);
  return Number.isInteger(year) ? year : null;
}

function indicatorsOf(structure: PkStructure): Map<string, IndicatorInfo> {
  const map = new Map<string, IndicatorInfo>();
  for (const program of structure.programs) {
    for (const kegiatan of program.kegiatan) {
      for (const ind of kegiatan.indicators) {
        map.set(ind.code, { name: ind.name, target: targetText(ind.target), picSubbagian: ind.picSubbagian });
      }
    }
  }
  return map;
}

/**
 * What a new structure changed against the last one of the stream (remembered whole: every
 * property is compared), and the indicators the trail names, kept for older history too.
 */
function structureChanged(event: RecordedEvent, state: AuditTrailState, year: number, structure: PkStructure) {
  const previous = state.recall<PkStructure>(event.tenantId, event.streamId, 'structure');
  const s = structureChanges(previous, structure);
  state.remember(event.tenantId, event.streamId, 'structure', structure);
  const next = indicatorsOf(structure);
  // Names of removed indicators stay known, so older history still reads with names.
  state.setIndicators(event.tenantId, year, new Map([...state.indicatorsOf(event.tenantId, year), ...next]));
  const figures = s.changes.filter((c) => c.field === 'target')
    .map((c) => ({ indicatorCode: c.indicatorCode as string, month: 0, field: 'target', before: c.before, after: c.after }));
  return { changes: s.changes, figures, count: next.size, counted: countedChanges(s) };
}

export function describePk(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (!PK_TYPES.has(event.type)) return null;
  const pk = event as unknown as PkEvent;
  const year = yearOfStream(event.streamId);
  if (year === null) return null;
  const base = { subjectKind: 'PK' as const, year, month: null };
  switch (pk.type) {
    case 'PkDrafted': {
      const s = structureChanged(event, state, year, pk.data.structure);
      return { ...base, pkVersion: pk.data.version, changes: s.changes, figures: s.figures,
        summary: `Menyusun draf Perjanjian Kinerja ${year} versi ${pk.data.version} (${s.count} indikator).` };
    }
    case 'PkIndicatorsChanged': {
      const s = structureChanged(event, state, year, pk.data.structure);
      return { ...base, pkVersion: pk.data.version, changes: s.changes, figures: s.figures,
        summary: `Mengubah indikator draf ${pkName(year, pk.data.version)}: ${s.counted}.` };
    }
    case 'PkSubmitted':
      return { ...base, pkVersion: pk.data.version, summary: `Mengajukan ${pkName(year, pk.data.version)} untuk disetujui.` };
    case 'PkApproved': {
      const replaced = pk.data.supersedesVersion === null ? '' : ` menggantikan versi ${pk.data.supersedesVersion}`;
      return { ...base, pkVersion: pk.data.version, summary: `Menyetujui ${pkName(year, pk.data.version)}${replaced}; PK ini berlaku.` };
    }
    case 'PkReturned':
      // A PK Perubahan withdrawn later was submitted and returned, not dropped before its submission.
      state.remember(event.tenantId, event.streamId, RETURNED_VERSION, pk.data.version);
      return { ...base, pkVersion: pk.data.version, reason: pk.data.reason,
        summary: `Mengembalikan ${pkName(year, pk.data.version)} untuk diperbaiki.` };
    case 'PkRevisionOpened': {
      const s = structureChanged(event, state, year, pk.data.structure);
      return { ...base, pkVersion: pk.data.version, reason: pk.data.reason, changes: s.changes, figures: s.figures,
        summary: `Membuka ${pkName(year, pk.data.version)} berdasarkan versi ${pk.data.basedOnVersion}.` };
    }
    case 'PkRevisionWithdrawn': {
      // The PK reads as the version in force again: the next PK Perubahan is compared with it, and
      // the indicators are named as it names them.
      state.remember(event.tenantId, event.streamId, 'structure', pk.data.inForceStructure);
      state.setIndicators(event.tenantId, year, new Map([...state.indicatorsOf(event.tenantId, year), ...indicatorsOf(pk.data.inForceStructure)]));
      const returned = state.recall<number>(event.tenantId, event.streamId, RETURNED_VERSION) === pk.data.version;
      return { ...base, pkVersion: pk.data.version, reason: pk.data.reason,
        summary: `Membatalkan ${pkName(year, pk.data.version)} ${returned ? 'setelah dikembalikan' : 'sebelum diajukan'}; ` +
          `versi ${pk.data.inForceVersion} tetap berlaku.` };
    }
    default: {
      const _exhaustive: never = pk;
      return _exhaustive;
    }
  }
}
