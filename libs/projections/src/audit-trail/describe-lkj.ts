import type { RecordedEvent } from '@kinerja/event-store';
import type { LkjEvent, LkjRequestReason } from '@kinerja/domain/lkj/lkj.events';
import type { AuditTrailState } from './audit-trail.state';
import type { AuditChange } from './audit-trail.types';
import type { Description } from './describe.types';

export const LKJ_TYPES: ReadonlySet<string> = new Set<string>(['LkjRequested', 'LkjProduced', 'LkjMarkedStale', 'LkjSigned']);

/** Why a version was asked for, after "Meminta LKj 2024 versi 2 (final)". */
const REASON_WORDS: Record<LkjRequestReason, string> = {
  ALL_APPROVED: ' karena seluruh laporan bulanan tahun ini telah disetujui',
  REVISION_APPROVED: ' karena ada perubahan yang disetujui setelah LKj final dibuat',
  CAPAIAN_TAHUN_LALU_CHANGED: ' karena capaian tahun lalu diimpor ulang setelah LKj final dibuat',
  RATING_SCALE_CHANGED: ' karena skala penilaian capaian diubah setelah LKj final dibuat',
  REQUESTED: '',
};

/** `lkj:<satker>:<year>`: only the request repeats the year. */
function yearOfStream(streamId: string): number | null {
  const year = Number(streamId.split(':')[2]);
  return Number.isInteger(year) ? year : null;
}

function change(field: string, before: string | null, after: string | null): AuditChange {
  return { indicatorCode: null, indicatorName: null, field, before, after };
}

/** "1. …; 2. …", or null for none. */
function saranText(suggestions: readonly string[]): string | null {
  return suggestions.length === 0 ? null : suggestions.map((s, i) => `${i + 1}. ${s}`).join('; ');
}

/** The saran for BAB IV as this request sets them, against the previous request's (remembered per stream). */
function saranChanged(event: RecordedEvent, state: AuditTrailState, suggestions: string[]): AuditChange[] {
  const before = saranText(state.recall<string[]>(event.tenantId, event.streamId, 'saran') ?? []);
  state.remember(event.tenantId, event.streamId, 'saran', suggestions);
  const after = saranText(suggestions);
  return before === after ? [] : [change('saran', before, after)];
}

/** The annual report asked for, produced, signed by the Ketua, or gone stale after a later correction or rating scale change. */
export function describeLkj(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (!LKJ_TYPES.has(event.type)) return null;
  const year = yearOfStream(event.streamId);
  if (year === null) return null;
  const lkj = event as unknown as LkjEvent;
  const base = { subjectKind: 'LKJ' as const, year, month: null };
  switch (lkj.type) {
    case 'LkjRequested': {
      const d = lkj.data;
      return { ...base, changes: saranChanged(event, state, d.suggestions),
        summary: `Meminta LKj ${year} versi ${d.version} (${d.draft ? 'draf' : 'final'})${REASON_WORDS[d.reason]}.` };
    }
    case 'LkjProduced': {
      const d = lkj.data;
      const files = d.files.map((f) => change(`berkas ${f.format}`, null, `SHA-256 ${f.sha256} (${f.size} bita)`));
      // The label of the scale that rated it, when recorded (a later scale change is compared with it).
      const scale = d.ratingScaleVersion === undefined ? [] : [change('skala penilaian', null, d.ratingScaleVersion)];
      const signature = d.signatureRequired ? [change('tanda tangan Ketua', null, 'menunggu')] : [];
      const awaits = d.signatureRequired ? '; menunggu tanda tangan Ketua' : '';
      return { ...base, changes: [...files, change('digest model', null, d.modelDigest), ...scale, ...signature],
        summary: `LKj ${year} versi ${d.version} (${d.draft ? 'draf' : 'final'}) selesai dibuat: ${d.files.map((f) => f.format).join(' dan ')}${awaits}.` };
    }
    case 'LkjMarkedStale':
      return { ...base, reason: lkj.data.reason, changes: [change('status', 'mutakhir', 'usang')],
        summary: `Menandai LKj ${year} versi ${lkj.data.version} (final) usang: isinya tidak lagi sesuai data terkini.` };
    case 'LkjSigned':
      return { ...base, changes: [change('tanda tangan Ketua', 'menunggu', 'ditandatangani')],
        summary: `Menandatangani LKj ${year} versi ${lkj.data.version} (final).` };
    default: {
      const _exhaustive: never = lkj;
      return _exhaustive;
    }
  }
}
