import { ROLE_LABELS as PERSON_ROLE_LABELS } from '@kinerja/domain';
import { periodOf } from '../conclusions/generate-conclusions';
import { formatDateTimeId } from '../format/format-id';
import { LkjModel } from '../model/lkj-model.types';
import { col, dataRow, h1, h2, italic, keptWithNext, list, p, spacer, table } from './blocks';
import { signatureBlock } from './front-matter.part';
import { Block } from './lkj-document.types';

/** The roles as people read them, and the system (the process manager's own requests). */
const ROLE_LABELS: Record<string, string> = { ...PERSON_ROLE_LABELS, SYSTEM: 'Sistem' };

export function bab4Blocks(m: LkjModel): Block[] {
  return [
    h1('bab-4', 'BAB IV PENUTUP'),
    h2('bab-4-1', '4.1 Kesimpulan'),
    ...m.conclusions.map((c) => p(c)),
    h2('bab-4-2', '4.2 Saran'),
    p(
      m.suggestionsFrom === 'SEKRETARIS'
        ? `Untuk meningkatkan kinerja ${m.office.shortName} di masa yang akan datang, disarankan sebagai berikut:`
        : `Berdasarkan hasil pengukuran dan analisis capaian kinerja ${periodOf(m.year, m.measurement.throughMonth)} di atas, ` +
            `untuk meningkatkan kinerja ${m.office.shortName} di masa yang akan datang disarankan sebagai berikut:`,
    ),
    list(m.suggestions, 'number'),
    // The signature never stands alone on the last page: its closing paragraph goes with it.
    keptWithNext(p(
      `Demikian Laporan Kinerja ini dibuat sebagai pertanggungjawaban atas capaian kinerja ${m.office.name} ` +
        `Tahun ${m.year}. Kritik dan saran yang membangun dari semua pihak sangat kami harapkan.`,
    )),
    keptWithNext(spacer(1)),
    signatureBlock(m),
  ];
}

export function annexBlocks(m: LkjModel): Block[] {
  const tz = m.office.timeZone;
  const i = m.integrity;
  return [
    h1('lampiran', 'LAMPIRAN'),
    h2('lampiran-1', 'Lampiran 1 Riwayat Persetujuan'),
    p(`Riwayat pengajuan dan persetujuan Perjanjian Kinerja dan laporan realisasi Tahun ${m.year}, urut menurut waktu:`),
    m.approvals.length === 0
      ? italic('Belum ada riwayat persetujuan.')
      : table(
          'lampiran-1-persetujuan',
          ['Tabel L.1', 'Riwayat Persetujuan'],
          [col('No', 0.5, 'center'), col('Waktu', 1.8), col('Oleh', 1.8), col('Peran', 1.3), col('Tindakan', 3)],
          m.approvals.map((a) =>
            dataRow(String(a.no), formatDateTimeId(a.at, tz), a.actorName, ROLE_LABELS[a.role] ?? a.role, a.action),
          ),
        ),
    h2('lampiran-2', 'Lampiran 2 Integritas Jejak Audit'),
    p(
      'Setiap perubahan data kinerja dicatat sebagai peristiwa yang dirantai dengan hash. Keadaan rantai pada saat ' +
        'laporan ini dihasilkan adalah sebagai berikut; perubahan atau penghapusan data setelahnya dapat dideteksi ' +
        'dengan membandingkan nilai-nilai ini.',
    ),
    table(
      'lampiran-2-integritas',
      ['Tabel L.2', 'Integritas Jejak Audit'],
      [col('Keterangan', 2), col('Nilai', 5)],
      [
        dataRow('Dihasilkan pada', formatDateTimeId(i.producedAt, tz)),
        dataRow('Versi laporan', `${m.version}${m.draft ? ' (draf)' : ' (final)'}`),
        ...(i.chainHead
          ? [dataRow('Urutan peristiwa terakhir', i.chainHead.sequence), dataRow('Hash kepala rantai', i.chainHead.hash)]
          : []),
        dataRow('Jumlah peristiwa tercakup', coveredEvents(m)),
        dataRow('Digest harian bertanda tangan', digestText(m)),
        dataRow('Sidik data laporan (SHA-256)', i.modelDigest),
      ],
    ),
    p(verificationText(m)),
  ];
}

function coveredEvents(m: LkjModel): string {
  const head = m.integrity.chainHead;
  if (head === null || head.sequence === '0') return '0 (belum ada peristiwa yang tercatat pada rantai satker ini)';
  return `${head.sequence} peristiwa (urutan 1 sampai dengan ${head.sequence})`;
}

/** The signed digest as it stood at production: covering the whole head, part of it, or not yet made. */
function digestText(m: LkjModel): string {
  const { chainHead: head, digest, nextDigestAt } = m.integrity;
  const next = nextDigestAt === null ? '' : `, dijadwalkan pada ${formatDateTimeId(nextDigestAt, m.office.timeZone)}`;
  const headCount = head === null ? 0 : Number(head.sequence);
  if (digest === null) {
    return nextDigestAt === null
      ? 'Belum ada digest harian bertanda tangan saat laporan ini dihasilkan; digest dibuat setiap hari oleh worker.'
      : `Belum ada digest harian bertanda tangan saat laporan ini dihasilkan; digest pertama yang mencakup peristiwa ` +
          `di atas dijadwalkan dibuat pada ${formatDateTimeId(nextDigestAt, m.office.timeZone)} (jadwal harian 00.05 UTC).`;
  }
  if (digest.eventCount >= headCount) return `${digest.algorithm}: mencakup seluruh ${digest.eventCount} peristiwa; hash ${digest.value}`;
  return (
    `${digest.algorithm}: mencakup peristiwa urutan 1 sampai dengan ${digest.eventCount}; hash ${digest.value}. ` +
    `Peristiwa urutan ${digest.eventCount + 1} sampai dengan ${headCount} tercakup dalam digest harian berikutnya${next}.`
  );
}

/** How a reader checks the values above later, with the CLI and a signed digest. */
function verificationText(m: LkjModel): string {
  const { chainHead: head, digest, nextDigestAt } = m.integrity;
  const code = m.office.code;
  const covered = digest !== null && head !== null && digest.eventCount >= Number(head.sequence);
  const which = covered
    ? 'digest harian yang tercantum di atas'
    : nextDigestAt === null
      ? 'digest harian yang dibuat sesudah laporan ini dihasilkan'
      : `digest harian tanggal ${nextDigestAt.slice(0, 10)} (UTC) atau sesudahnya`;
  const headCheck = head === null ? '' : ` Pada jejak audit, peristiwa urutan ${head.sequence} harus tetap ber-hash sama dengan hash kepala rantai di atas.`;
  return (
    `Verifikasi: perintah "npm run cli -- audit:verify --satker ${code}" menghitung ulang seluruh rantai; dengan ` +
    `"--digest <berkas>" berisi ${which} (GET /api/v1/satker/${code}/audit/digests/{tanggal}), perintah itu juga ` +
    `memastikan riwayat tidak ditulis ulang.${headCheck}`
  );
}
