import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { sectionOf, tableRows, textsOf } from '../testing/document-blocks';

const HEAD = { sequence: '2417', hash: '9c1f4e2b7a3d8e6f5b0c2a1d4e7f8a9b3c6d5e4f1a2b3c4d5e6f7a8b9c0d1e2f' };
const DIGEST_HASH = '3b8e1d7c2f4a6b9e0d5c8f1a2e4b7d9c6f3a0e8b5d2c7f4a1e9b6d3c0f8a5e2b';
const audit = (digest: { eventCount: number } | null, nextDigestAt: string | null = '2025-01-18T00:05:00.000Z') => ({
  chainHead: HEAD,
  digest: digest && { algorithm: 'Ed25519, digest harian 2025-01-17', value: DIGEST_HASH, eventCount: digest.eventCount },
  nextDigestAt,
});
const rowsOf = (model: ReturnType<typeof buildLkjModel>) => Object.fromEntries(tableRows(model, 'lampiran-2-integritas').map(([k, v]) => [k, v]));

/** Lampiran 2 says what is true of the chain when the report was produced; never "tidak tersedia". */
describe('Lampiran 2 Integritas Jejak Audit', () => {
  it('given no signed digest yet, then it counts the events the head covers and says when the first digest covering them is due', () => {
    const model = buildLkjModel(jember2024LkjInput({ audit: audit(null) }));
    const rows = rowsOf(model);
    expect(rows['Jumlah peristiwa tercakup']).toBe('2417 peristiwa (urutan 1 sampai dengan 2417)');
    expect(rows['Digest harian bertanda tangan']).toBe(
      'Belum ada digest harian bertanda tangan saat laporan ini dihasilkan; digest pertama yang mencakup peristiwa di atas ' +
        'dijadwalkan dibuat pada 18 Januari 2025 07.05 WIB (jadwal harian 00.05 UTC).',
    );
    expect(Object.values(rows).join(' ')).not.toMatch(/tidak tersedia/);
    expect(textsOf(sectionOf(model, 'lampiran-2')).at(-1)).toBe(
      'Verifikasi: perintah "npm run cli -- audit:verify --satker kpu-kab-jember" menghitung ulang seluruh rantai; dengan ' +
        '"--digest <berkas>" berisi digest harian tanggal 2025-01-18 (UTC) atau sesudahnya ' +
        '(GET /api/v1/satker/kpu-kab-jember/audit/digests/{tanggal}), perintah itu juga memastikan riwayat tidak ditulis ulang. ' +
        'Pada jejak audit, peristiwa urutan 2417 harus tetap ber-hash sama dengan hash kepala rantai di atas.',
    );
  });

  it('given a digest signed before the last events, then it says which events it covers and that the rest come with the next one', () => {
    const rows = rowsOf(buildLkjModel(jember2024LkjInput({ audit: audit({ eventCount: 2409 }) })));
    expect(rows['Digest harian bertanda tangan']).toBe(
      `Ed25519, digest harian 2025-01-17: mencakup peristiwa urutan 1 sampai dengan 2409; hash ${DIGEST_HASH}. Peristiwa urutan ` +
        '2410 sampai dengan 2417 tercakup dalam digest harian berikutnya, dijadwalkan pada 18 Januari 2025 07.05 WIB.',
    );
  });

  it('given a digest that covers the head, then it says so, and the verification names that digest', () => {
    const model = buildLkjModel(jember2024LkjInput({ audit: audit({ eventCount: 2417 }) }));
    expect(rowsOf(model)['Digest harian bertanda tangan']).toBe(`Ed25519, digest harian 2025-01-17: mencakup seluruh 2417 peristiwa; hash ${DIGEST_HASH}`);
    expect(textsOf(sectionOf(model, 'lampiran-2')).at(-1)).toContain('berisi digest harian yang tercantum di atas');
  });

  it('keeps the head, the version and the report\'s own digest', () => {
    const model = buildLkjModel(jember2024LkjInput());
    expect(rowsOf(model)).toMatchObject({
      'Dihasilkan pada': '17 Januari 2025 08.00 WIB',
      'Versi laporan': '1 (final)',
      'Urutan peristiwa terakhir': '2417',
      'Hash kepala rantai': HEAD.hash,
      'Sidik data laporan (SHA-256)': model.integrity.modelDigest,
    });
  });
});
