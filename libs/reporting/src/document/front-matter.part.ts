import { formatDateId, formatPercentId } from '../format/format-id';
import { LkjModel } from '../model/lkj-model.types';
import { h1, keptWithNext, list, p, spacer } from './blocks';
import { Block } from './lkj-document.types';

export function coverBlocks(m: LkjModel): Block[] {
  const blocks: Block[] = [
    spacer(6),
    { kind: 'title', text: 'LAPORAN KINERJA', size: 'xl' },
    { kind: 'title', text: m.office.institutionName, size: 'lg' },
    { kind: 'title', text: `Tahun ${m.year}`, size: 'lg' },
    spacer(8),
    { kind: 'title', text: m.office.name.toUpperCase(), size: 'md' },
    // An office whose region nobody recorded (not a KPU office: the name gives it there) prints no empty line.
    ...(m.office.region ? [{ kind: 'title' as const, text: m.office.region, size: 'md' as const }] : []),
    ...(m.office.address ? [p(m.office.address, 'center')] : []),
    // The year the report is signed in, as under the signature: not year + 1, which a report produced
    // or corrected later (or a draft during the year) would contradict.
    { kind: 'title', text: m.signing.date.slice(0, 4), size: 'md' },
    spacer(2),
    p(`Versi ${m.version}${m.draft ? ' — DRAF, bukan dokumen final' : ''}`, 'center'),
  ];
  return blocks;
}

/** Printed where the town is unknown (a KPU Provinsi): a blank the signer fills in by hand. */
export const PLACE_BLANK = '....................';

/** Printed where nobody holds the head's account: a line the head signs and names by hand. */
export const NAME_BLANK = '(........................................)';

/**
 * Place and date, the institution line and the head's title (KETUA, as a KPU office signs, unless
 * another is given), the name. A title that already names the institution ("KEPALA DINAS KESEHATAN
 * KABUPATEN KUPANG") stands alone.
 */
export function signatureBlock(m: LkjModel): Block {
  const institution = m.office.institutionName.toUpperCase();
  const title = (m.office.headTitle ?? 'KETUA').toUpperCase();
  const office = title.includes(institution) ? [] : [institution];
  return {
    kind: 'signature',
    lines: [`${m.signing.place ?? PLACE_BLANK}, ${formatDateId(m.signing.date)}`, ...office, title],
    name: m.signing.signerName.trim() === '' ? NAME_BLANK : m.signing.signerName.toUpperCase(),
  };
}

export function kataPengantarBlocks(m: LkjModel): Block[] {
  const o = m.office.shortName;
  return [
    h1('kata-pengantar', 'KATA PENGANTAR'),
    p(
      `Puji dan syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya kami dapat menyusun ` +
        `Laporan Kinerja ${o} Tahun ${m.year}. Penyusunan Laporan Kinerja ini berpedoman pada Peraturan Pemerintah ` +
        `Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah sebagai wujud pelaksanaan amanat ` +
        `Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.`,
    ),
    p(
      `Laporan Kinerja ini merupakan bentuk akuntabilitas atas pelaksanaan tugas dan fungsi ${o} serta penggunaan ` +
        `anggaran Tahun ${m.year}, disusun melalui pengukuran kinerja, evaluasi, dan analisis terhadap pencapaian ` +
        `sasaran yang ditetapkan dalam Perjanjian Kinerja Tahun ${m.year}.`,
    ),
    keptWithNext(p(
      `Hasil kinerja ini diharapkan menjadi pendorong peningkatan efektivitas, efisiensi, dan produktivitas seluruh ` +
        `jajaran ${o} pada tahun berikutnya, dalam mewujudkan tata kelola pemerintahan yang baik dan bersih.`,
    )),
    keptWithNext(spacer(1)),
    signatureBlock(m),
  ];
}

export function ikhtisarBlocks(m: LkjModel): Block[] {
  const o = m.office.shortName;
  const avg = m.measurement.office.capaian;
  return [
    h1('ikhtisar-eksekutif', 'IKHTISAR EKSEKUTIF'),
    p(
      `Laporan Kinerja ${m.office.name} Tahun ${m.year} memberikan gambaran yang jelas, transparan, dan dapat ` +
        `dipertanggungjawabkan tentang kinerja ${o} dalam melaksanakan Perjanjian Kinerja yang ditetapkan pada ` +
        `tanggal ${formatDateId(m.pk.signedOn)}.`,
    ),
    p(
      avg === null
        ? `Capaian rata-rata kinerja Tahun ${m.year} belum dapat dihitung.`
        : `Secara umum capaian kinerja ${o} Tahun ${m.year} rata-rata sebesar ${formatPercentId(avg)} ` +
            `dengan kategori ${m.measurement.office.category}. Ringkasan hasil pengukuran kinerja adalah sebagai berikut:`,
    ),
    list(m.conclusions, 'number'),
    p(
      `Laporan ini diharapkan menjadi bahan evaluasi dan acuan dalam menyusun Perjanjian Kinerja tahun berikutnya ` +
        `agar lebih efektif, efisien, akuntabel, dan transparan.`,
    ),
  ];
}

export function daftarIsiBlocks(): Block[] {
  return [h1('daftar-isi', 'DAFTAR ISI'), { kind: 'toc' }];
}
