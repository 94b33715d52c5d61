import type { RecordedEvent } from '@kinerja/event-store';
import type { RealisasiEvent } from '@kinerja/domain/realisasi/realisasi.events';
import type { AuditTrailState } from './audit-trail.state';
import { type AuditChange, monthName, type ReportLines } from './audit-trail.types';
import { type Description, shown } from './describe.types';

export const REALISASI_TYPES: ReadonlySet<string> = new Set<string>(['RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiApproved', 'RealisasiReturned', 'RealisasiRevisionOpened']);

interface ReportKey {
  year: number;
  month: number;
  subbagian: string;
}

/** `realisasi:<satker>:<year>:<MM>:<subbagian>`: the later events of a report do not repeat its key. */
function keyOfStream(streamId: string): ReportKey | null {
  const parts = streamId.split(':');
  if (parts.length < 5) return null;
  const year = Number(parts[2]);
  const month = Number(parts[3]);
  if (!Number.isInteger(year) || !Number.isInteger(month)) return null;
  return { year, month, subbagian: parts.slice(4).join(':') };
}

/** What a report's slot remembers besides its lines: the values last approved (`__approved`), the PK version of its last save. */
const APPROVED = 'approved';
const PK_VERSION = 'pkVersion';
const isMemo = (key: string) => key.startsWith('__');

/** The report's values as last saved, without what is remembered beside them; null before the first save. */
function savedLines(state: AuditTrailState, event: RecordedEvent): ReportLines | null {
  const slot = state.reportLines(event.tenantId, event.streamId);
  if (slot === null) return null;
  return Object.fromEntries(Object.entries(slot).filter(([key]) => !isMemo(key)));
}

function figuresOf(lines: ReportLines, previous: ReportLines | null, month: number) {
  return Object.entries(lines).map(([indicatorCode, after]) => ({
    indicatorCode, month, field: 'realisasi', before: previous ? (previous[indicatorCode] ?? null) : null, after,
  }));
}

function changesOf(satker: string, key: ReportKey, figures: ReturnType<typeof figuresOf>, state: AuditTrailState): AuditChange[] {
  const indicators = state.indicatorsOf(satker, key.year);
  return figures.map((f) => ({
    indicatorCode: f.indicatorCode, indicatorName: indicators.get(f.indicatorCode)?.name ?? null,
    field: f.field, before: f.before, after: f.after,
  }));
}

function saved(event: RecordedEvent, state: AuditTrailState, key: ReportKey, data: Extract<RealisasiEvent, { type: 'RealisasiDraftSaved' }>['data']) {
  const slot = state.reportLines(event.tenantId, event.streamId);
  const previous = savedLines(state, event);
  const lines: ReportLines = {};
  for (const line of data.lines) lines[line.indicatorCode] = line.value;
  const remembered = Object.fromEntries(Object.entries(slot ?? {}).filter(([key]) => isMemo(key)));
  state.setReportLines(event.tenantId, event.streamId, { ...remembered, ...lines });
  const all = figuresOf(lines, previous, key.month);
  // Only what this save changed; the first save of a revision shows every value entered.
  const figures = previous ? all.filter((f) => f.before !== f.after) : all;
  const changes = changesOf(event.tenantId, key, figures, state);
  for (const b of data.budget) changes.push({ indicatorCode: null, indicatorName: null, field: `anggaran:${b.kegiatanCode}`, before: null, after: b.spent });
  const listed = figures.map((f) => `${f.indicatorCode} ${shown(f.before)} → ${shown(f.after)}`).join('; ');
  return { figures, changes, listed };
}

export function describeRealisasi(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (!REALISASI_TYPES.has(event.type)) return null;
  const key = keyOfStream(event.streamId);
  if (key === null) return null;
  const r = event as unknown as RealisasiEvent;
  const report = `laporan realisasi ${monthName(key.month)} ${key.year} subbagian ${key.subbagian}`;
  const base = { subjectKind: 'REALISASI' as const, year: key.year, month: key.month, subbagian: key.subbagian, reportRevision: r.data.revision };
  // Submitting, approving and returning concern the values as last saved, against the figures as
  // last approved: before the first approval there is none ("kosong → 1", as a first save says),
  // after it the approval changes the figure ("1 → 3"). Opening a revision changes no value: the
  // approved ones are shown unchanged, so that the figure history lists the event.
  // ... and under the PK version its lines were last saved against (only a save names it).
  const current = (against: 'approved' | 'unchanged') => {
    const lines = savedLines(state, event) ?? {};
    const approved = state.recall<ReportLines>(event.tenantId, event.streamId, APPROVED);
    const figures = figuresOf(lines, against === 'approved' ? (approved ?? {}) : lines, key.month);
    const pkVersion = state.recall<number>(event.tenantId, event.streamId, PK_VERSION);
    return { figures, changes: changesOf(event.tenantId, key, figures, state), pkVersion };
  };
  switch (r.type) {
    case 'RealisasiDraftSaved': {
      const s = saved(event, state, key, r.data);
      state.remember(event.tenantId, event.streamId, PK_VERSION, r.data.pkVersion);
      return { ...base, pkVersion: r.data.pkVersion, figures: s.figures, changes: s.changes,
        summary: `Menyimpan ${report} (revisi ${r.data.revision})${s.listed ? `: ${s.listed}` : '; tidak ada nilai yang berubah'}.` };
    }
    case 'RealisasiSubmitted':
      return { ...base, ...current('approved'),
        summary: `${r.data.resubmission ? 'Mengajukan kembali' : 'Mengajukan'} ${report} (revisi ${r.data.revision}) untuk disetujui.` };
    case 'RealisasiApproved': {
      const described = { ...base, ...current('approved'), summary: `Menyetujui ${report} (revisi ${r.data.revision}).` };
      state.remember(event.tenantId, event.streamId, APPROVED, savedLines(state, event) ?? {});
      return described;
    }
    case 'RealisasiReturned':
      return { ...base, ...current('approved'), reason: r.data.reason, summary: `Mengembalikan ${report} (revisi ${r.data.revision}) untuk diperbaiki.` };
    case 'RealisasiRevisionOpened':
      return { ...base, ...current('unchanged'), reason: r.data.reason, summary: `Membuka perbaikan (revisi ${r.data.revision}) atas ${report} yang sudah disetujui.` };
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
