import { DomainError } from '../shared/domain-error';
import type { ExistingRealisasiState } from './realisasi.state';
import type { RealisasiContent } from './realisasi.types';
import { sameContentAsRead } from './realisasi-content.compare';

/**
 * A correction sent with the very content already approved changes no figure, yet its approval
 * would mark the final LKj stale and produce a new version with nothing changed. Refused, nothing
 * recorded. A correction opened by mistake is withdrawn instead (`WithdrawRealisasiRevision`).
 */
export function requireRevisionChanged(state: ExistingRealisasiState, content: RealisasiContent): void {
  const approved = state.approved;
  if (approved === null || state.revision <= approved.revision) return;
  // Compared as read (`sameContentAsRead`): the order of lines and white space nobody sees are no correction.
  if (!sameContentAsRead(content, { lines: approved.lines, budget: approved.budget })) return;
  throw new DomainError(
    'REALISASI.REVISION_UNCHANGED',
    `Isi revisi ke-${state.revision} sama persis dengan laporan yang sudah disetujui (revisi ${approved.revision}); tidak ada yang perlu disetujui ulang. `
      + 'Ubah nilai, uraian, kendala, solusi, bukti dukung atau anggaran yang hendak dikoreksi, lalu ajukan lagi; '
      + 'bila ternyata tidak ada yang perlu dikoreksi, batalkan revisinya: laporan kembali ke isi yang sudah disetujui.',
    'validation',
    { revision: state.revision, approvedRevision: approved.revision },
  );
}
