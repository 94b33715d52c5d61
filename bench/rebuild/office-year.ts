import {
  perjanjianKinerjaDecider, pkInForce, pkStreamId, realisasiDecider, realisasiStreamId,
  type Actor, type CommandMetadata, type PkCommand, type PkDraftPayload, type PkState, type RealisasiCommand,
  type RealisasiContent, type RealisasiState,
} from '../../libs/domain/src';

/** One event as the office's commands produced it, before the chain fields are added. */
export interface GeneratedEvent {
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  actor: Actor;
  at: string;
}

const sekretaris: Actor = { userId: 'u-sekretaris', role: 'SEKRETARIS', subbagian: null };
const ketua: Actor = { userId: 'u-ketua', role: 'KETUA', subbagian: null };

function contentFor(pk: PkDraftPayload, subbagian: string, random: () => number): RealisasiContent {
  const kegiatan = pk.structure.programs.flatMap((p) => p.kegiatan);
  const lines = kegiatan.flatMap((k) => k.indicators).filter((i) => i.picSubbagian === subbagian).map((i) => ({
    indicatorCode: i.code, value: random() < 0.05 ? null : (random() * 3).toFixed(random() < 0.5 ? 0 : 2),
    narrative: 'Kegiatan terlaksana sesuai rencana aksi bulan ini.', kendala: random() < 0.3 ? 'Keterlambatan data dari satker' : '',
    solusi: random() < 0.3 ? 'Koordinasi intensif' : '', evidence: [],
  }));
  const budget = kegiatan.filter((k) => k.indicators.some((i) => i.picSubbagian === subbagian))
    .map((k) => ({ kegiatanCode: k.code, spent: (random() * 25_000_000).toFixed(2) }));
  return { lines, budget };
}

/**
 * A year of one office through the real deciders: the PK drafted, submitted and approved; every
 * month, each subbagian saves its draft a few times, submits, is sometimes returned and fixes it,
 * and is approved. Pure: times come from the calendar, randomness from `random`.
 */
export function officeYear(satker: string, year: number, pkTemplate: PkDraftPayload, random: () => number): GeneratedEvent[] {
  const out: GeneratedEvent[] = [];
  let minute = 0;
  const meta = (actor: Actor, month: number): CommandMetadata => ({
    actor, now: new Date(Date.UTC(year, month, 2 + Math.floor(minute / 600), 1, 0) + (minute++ % 600) * 60_000).toISOString(),
  });
  const pk = { ...pkTemplate, satker, year };
  let pkState: PkState = perjanjianKinerjaDecider.initialState();
  let pkVersion = -1;
  const runPk = (cmd: Omit<PkCommand, 'metadata'>, actor: Actor) => {
    const metadata = meta(actor, 0);
    const events = perjanjianKinerjaDecider.decide({ ...cmd, metadata } as PkCommand, pkState);
    for (const e of events) {
      pkState = perjanjianKinerjaDecider.evolve(pkState, e);
      out.push({ streamId: pkStreamId(satker, year), streamVersion: ++pkVersion, type: e.type, data: e.data, actor, at: metadata.now });
    }
  };
  runPk({ type: 'DraftPk', data: pk }, sekretaris);
  runPk({ type: 'SubmitPk', data: {} }, sekretaris);
  runPk({ type: 'ApprovePk', data: {} }, ketua);
  const context = { pkInForce: pkInForce(pkState), timezone: 'Asia/Jakarta' };
  for (let month = 1; month <= 12; month++) {
    for (const subbagian of pk.subbagianCodes) {
      const key = { satker, year, month, subbagian };
      const owner: Actor = { userId: `u-kasubbag-${subbagian.toLowerCase()}`, role: 'KASUBBAG', subbagian };
      const streamId = realisasiStreamId(satker, year, month, subbagian);
      let state: RealisasiState = realisasiDecider.initialState();
      let version = -1;
      const run = (cmd: Omit<RealisasiCommand, 'metadata'>, actor: Actor) => {
        const metadata = meta(actor, month);
        const events = realisasiDecider.decide({ ...cmd, metadata } as RealisasiCommand, state);
        for (const e of events) {
          state = realisasiDecider.evolve(state, e);
          out.push({ streamId, streamVersion: ++version, type: e.type, data: e.data, actor, at: metadata.now });
        }
      };
      const drafts = 3 + Math.floor(random() * 4);
      for (let d = 0; d < drafts; d++) run({ type: 'SaveRealisasiDraft', data: { key, context, ...contentFor(pk, subbagian, random) } }, owner);
      run({ type: 'SubmitRealisasi', data: { key, context } }, owner);
      if (random() < 0.2) {
        run({ type: 'ReturnRealisasi', data: { reason: 'Bukti dukung belum lengkap' } }, sekretaris);
        run({ type: 'SaveRealisasiDraft', data: { key, context, ...contentFor(pk, subbagian, random) } }, owner);
        run({ type: 'SubmitRealisasi', data: { key, context } }, owner);
      }
      run({ type: 'ApproveRealisasi', data: {} }, sekretaris);
    }
  }
  return out;
}
