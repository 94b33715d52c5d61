import type { RecordedEvent } from '@kinerja/event-store';
import { formatNumberId, textAsRead } from '@kinerja/domain';
import type { RealisasiEvent } from '@kinerja/domain/realisasi/realisasi.events';
import { type RealisasiContent, TEXT_FIELD_LABEL } from '@kinerja/domain/realisasi/realisasi.types';
import type { AuditTrailState } from './audit-trail.state';
import { type AuditChange, monthName, type ReportLines } from './audit-trail.types';
import { type Description, shown } from './describe.types';

/** A figure in a summary as the LKj prints it ("1,5", "1.250"); blank is "kosong". */
function shownFigure(value: string | null): string {
  return value === null ? shown(value) : formatNumberId(value);
}

/** An amount of budget in a summary as the LKj prints rupiah ("Rp 12.000.000"); blank is "kosong". */
function shownRupiah(value: string | null): string {
  return value === null ? shown(value) : `Rp ${formatNumberId(value)}`;
}

export const REALISASI_TYPES: ReadonlySet<string> = new Set<string>([
  'RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiApproved', 'RealisasiReturned', 'RealisasiRevisionOpened', 'RealisasiRevisionWithdrawn',
]);

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

/**
 * What a report's slot remembers besides its lines: the values last approved (`__approved`), the PK
 * version of its last save, and the rest of its last save (`__saved`: budget, texts, evidence), the
 * "before" of the next save.
 */
const APPROVED = 'approved';
const PK_VERSION = 'pkVersion';
const SAVED = 'saved';
const isMemo = (key: string) => key.startsWith('__');

/** A line's texts and files as last saved; an empty text is kept as null ("kosong"). */
interface SavedLine {
  narrative: string | null;
  kendala: string | null;
  solusi: string | null;
  /** [sha256, fileName] of each bukti dukung file. */
  evidence: Array<[string, string]>;
}

/** The content of a save besides its figures: kegiatan code → budget spent, indicator code → texts. */
interface SavedRest {
  budget: Record<string, string>;
  lines: Record<string, SavedLine>;
}

const TEXT_FIELDS = ['narrative', 'kendala', 'solusi'] as const;
const EVIDENCE_LABEL = 'bukti dukung';
const NO_LINE: SavedLine = { narrative: null, kendala: null, solusi: null, evidence: [] };

/** The report's values as last saved, without what is remembered beside them; null before the first save. */
function savedLines(state: AuditTrailState, event: RecordedEvent): ReportLines | null {
  const slot = state.reportLines(event.tenantId, event.streamId);
  if (slot === null) return null;
  return Object.fromEntries(Object.entries(slot).filter(([key]) => !isMemo(key)));
}

/**
 * Each figure of `lines` against `previous`, and each figure `previous` had that `lines` no longer
 * carries (a line removed: its value goes to null, "kosong").
 */
function figuresOf(lines: ReportLines, previous: ReportLines | null, month: number) {
  const codes = [...new Set([...Object.keys(lines), ...Object.keys(previous ?? {})])];
  return codes.map((indicatorCode) => ({
    indicatorCode, month, field: 'realisasi', before: previous ? (previous[indicatorCode] ?? null) : null, after: lines[indicatorCode] ?? null,
  }));
}

function changesOf(satker: string, key: ReportKey, figures: ReturnType<typeof figuresOf>, state: AuditTrailState): AuditChange[] {
  const indicators = state.indicatorsOf(satker, key.year);
  return figures.map((f) => ({
    indicatorCode: f.indicatorCode, indicatorName: indicators.get(f.indicatorCode)?.name ?? null,
    field: f.field, before: f.before, after: f.after,
  }));
}

function restOf(data: RealisasiContent): SavedRest {
  const text = (value: string) => (value.trim() === '' ? null : value);
  return {
    budget: Object.fromEntries(data.budget.map((b) => [b.kegiatanCode, b.spent])),
    lines: Object.fromEntries(data.lines.map((l) => [l.indicatorCode, {
      narrative: text(l.narrative), kendala: text(l.kendala), solusi: text(l.solusi),
      evidence: l.evidence.map((e): [string, string] => [e.sha256, e.fileName]),
    }])),
  };
}

/** The files of a line as a person reads them: their names, in the order given; null when none. */
function filesShown(evidence: Array<[string, string]>): string | null {
  return evidence.length === 0 ? null : evidence.map(([, fileName]) => fileName).join(', ');
}

const sameFiles = (a: Array<[string, string]>, b: Array<[string, string]>) =>
  a.map(([sha]) => sha).sort().join(',') === b.map(([sha]) => sha).sort().join(',');

/**
 * What a save changed besides the figures, against the save before it (`previous`, empty before the
 * first save): each budget line from the amount last saved (a line removed goes to null, "kosong"),
 * each text of each indicator line as read, and its bukti dukung files (by content: a file renamed
 * is the same file). With the words the summary lists.
 */
function restChanges(previous: SavedRest, next: SavedRest, indicators: Map<string, { name: string }>) {
  const changes: AuditChange[] = [];
  const listed: string[] = [];
  for (const kegiatan of [...new Set([...Object.keys(previous.budget), ...Object.keys(next.budget)])]) {
    const before = previous.budget[kegiatan] ?? null;
    const after = next.budget[kegiatan] ?? null;
    if (before === after) continue;
    changes.push({ indicatorCode: null, indicatorName: null, field: `anggaran:${kegiatan}`, before, after });
    listed.push(`anggaran ${kegiatan} ${shownRupiah(before)} → ${shownRupiah(after)}`);
  }
  for (const code of [...new Set([...Object.keys(previous.lines), ...Object.keys(next.lines)])]) {
    const [was, now] = [previous.lines[code] ?? NO_LINE, next.lines[code] ?? NO_LINE];
    const indicatorName = indicators.get(code)?.name ?? null;
    for (const field of TEXT_FIELDS) {
      // As read (`textAsRead`): white space nobody sees (a trailing space, a double line break) is no change.
      if (textAsRead(was[field] ?? '') === textAsRead(now[field] ?? '')) continue;
      changes.push({ indicatorCode: code, indicatorName, field: TEXT_FIELD_LABEL[field], before: was[field], after: now[field] });
      listed.push(`${TEXT_FIELD_LABEL[field]} ${code} ${verb(was[field], now[field])}`);
    }
    if (!sameFiles(was.evidence, now.evidence)) {
      const [before, after] = [filesShown(was.evidence), filesShown(now.evidence)];
      changes.push({ indicatorCode: code, indicatorName, field: EVIDENCE_LABEL, before, after });
      listed.push(`${EVIDENCE_LABEL} ${code} ${verb(before, after)}`);
    }
  }
  return { changes, listed };
}

/** "diisi" (was empty), "dikosongkan" (is empty now), else "diubah". */
function verb(before: string | null, after: string | null): string {
  if (before === null) return 'diisi';
  return after === null ? 'dikosongkan' : 'diubah';
}

function saved(event: RecordedEvent, state: AuditTrailState, key: ReportKey, data: RealisasiContent) {
  const slot = state.reportLines(event.tenantId, event.streamId);
  const previous = savedLines(state, event);
  const previousRest = state.recall<SavedRest>(event.tenantId, event.streamId, SAVED) ?? { budget: {}, lines: {} };
  const lines: ReportLines = {};
  for (const line of data.lines) lines[line.indicatorCode] = line.value;
  const rest = restOf(data);
  const remembered = Object.fromEntries(Object.entries(slot ?? {}).filter(([key]) => isMemo(key)));
  state.setReportLines(event.tenantId, event.streamId, { ...remembered, ...lines });
  state.remember(event.tenantId, event.streamId, SAVED, rest);
  const all = figuresOf(lines, previous, key.month);
  // Only what this save changed; the first save of a report shows every value entered (a line
  // left blank is no value: "kosong → kosong" changed nothing).
  const figures = all.filter((f) => f.before !== f.after);
  const changes = changesOf(event.tenantId, key, figures, state);
  const others = restChanges(previousRest, rest, state.indicatorsOf(event.tenantId, key.year));
  changes.push(...others.changes);
  const listed = [...figures.map((f) => `${f.indicatorCode} ${shownFigure(f.before)} → ${shownFigure(f.after)}`), ...others.listed].join('; ');
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
        summary: `Menyimpan ${report} (revisi ${r.data.revision})${s.listed ? `: ${s.listed}` : '; tidak ada isi yang berubah'}.` };
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
    case 'RealisasiRevisionWithdrawn': {
      // The working content goes back to the approved one: what the withdrawn draft had changed is
      // listed undone, and the next save is compared with the approved content.
      const s = saved(event, state, key, r.data);
      state.remember(event.tenantId, event.streamId, PK_VERSION, r.data.pkVersion);
      return { ...base, pkVersion: r.data.pkVersion, figures: s.figures, changes: s.changes, reason: r.data.reason,
        summary: `Membatalkan revisi ${report} (revisi ${r.data.revision}); laporan kembali ke isi yang sudah disetujui `
          + `(revisi ${r.data.approvedRevision})${s.listed ? `: ${s.listed}` : ''}.` };
    }
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
