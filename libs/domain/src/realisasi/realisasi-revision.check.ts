import { DomainError } from '../shared/domain-error';
import { sameJson } from '../shared/same-json';
import type { ExistingRealisasiState } from './realisasi.state';
import type { RealisasiContent } from './realisasi.types';

/** A text as a reader sees it: spaces at either end and runs of white space (line breaks too) are not read. */
function asRead(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lines by indicator and budget by kegiatan: the order a client lists them in changes nothing; nor
 * does white space a reader does not see in the uraian, kendala and solusi (a trailing space is no
 * correction). Stored texts stay as typed: only this comparison reads them so.
 */
function inCodeOrder(content: RealisasiContent): RealisasiContent {
  return {
    lines: [...content.lines]
      .map((l) => ({ ...l, narrative: asRead(l.narrative), kendala: asRead(l.kendala), solusi: asRead(l.solusi) }))
      .sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode)),
    budget: [...content.budget].sort((a, b) => a.kegiatanCode.localeCompare(b.kegiatanCode)),
  };
}

/**
 * A correction sent with the very content already approved changes no figure, yet its approval
 * would mark the final LKj stale and produce a new version with nothing changed. Refused, nothing
 * recorded. A correction opened by mistake is withdrawn instead (`WithdrawRealisasiRevision`).
 */
export function requireRevisionChanged(state: ExistingRealisasiState, content: RealisasiContent): void {
  const approved = state.approved;
  if (approved === null || state.revision <= approved.revision) return;
  if (!sameJson(inCodeOrder(content), inCodeOrder({ lines: approved.lines, budget: approved.budget }))) return;
  throw new DomainError(
    'REALISASI.REVISION_UNCHANGED',
    `Isi revisi ke-${state.revision} sama persis dengan laporan yang sudah disetujui (revisi ${approved.revision}); tidak ada yang perlu disetujui ulang. `
      + 'Ubah nilai, uraian, kendala, solusi, bukti dukung atau anggaran yang hendak dikoreksi, lalu ajukan lagi; '
      + 'bila ternyata tidak ada yang perlu dikoreksi, batalkan revisinya: laporan kembali ke isi yang sudah disetujui.',
    'validation',
    { revision: state.revision, approvedRevision: approved.revision },
  );
}
