import { formatDateTimeId } from '../format/format-id';
import { LkjModel } from '../model/lkj-model.types';
import { col, dataRow, h1, h2, italic, list, p, spacer, table } from './blocks';
import { signatureBlock } from './front-matter.part';
import { Block } from './lkj-document.types';

const ROLE_LABELS: Record<string, string> = {
  KASUBBAG: 'Kepala Subbagian',
  SEKRETARIS: 'Sekretaris',
  KETUA: 'Ketua',
  INSPEKTORAT: 'Inspektorat',
  ADMIN: 'Administrator',
  SYSTEM: 'Sistem',
};

export function bab4Blocks(m: LkjModel): Block[] {
  return [
    h1('bab-4', 'BAB IV PENUTUP'),
    h2('bab-4-1', '4.1 Kesimpulan'),
    ...m.conclusions.map((c) => p(c)),
    h2('bab-4-2', '4.2 Saran'),
    ...(m.suggestions.length > 0
      ? [
          p(`Untuk meningkatkan kinerja ${m.office.shortName} di masa yang akan datang, disarankan sebagai berikut:`),
          list(m.suggestions, 'number'),
        ]
      : [italic('Belum ada saran yang dicatat oleh Sekretaris.')]),
    p(
      `Demikian Laporan Kinerja ini dibuat sebagai pertanggungjawaban atas capaian kinerja ${m.office.name} ` +
        `Tahun ${m.year}. Kritik dan saran yang membangun dari semua pihak sangat kami harapkan.`,
    ),
    spacer(1),
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
        dataRow('Urutan peristiwa terakhir', i.chainHead?.sequence ?? 'tidak tersedia'),
        dataRow('Hash kepala rantai', i.chainHead?.hash ?? 'tidak tersedia'),
        dataRow('Jumlah peristiwa tercakup', i.digest ? String(i.digest.eventCount) : 'tidak tersedia'),
        dataRow(`Digest peristiwa (${i.digest?.algorithm ?? '-'})`, i.digest?.value ?? 'tidak tersedia'),
        dataRow('Sidik data laporan (SHA-256)', i.modelDigest),
      ],
    ),
  ];
}
