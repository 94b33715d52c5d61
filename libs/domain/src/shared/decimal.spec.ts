import { DomainError } from './domain-error';
import { parseDecimal, RUPIAH_DECIMAL_PLACES } from './decimal';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('A decimal as people type it', () => {
  it('given a figure with up to six places, then it is read exactly', () => {
    expect(parseDecimal('7.123456', 'X.INVALID', 'Realisasi').toFixed()).toBe('7.123456');
  });

  it('given a figure that is not a decimal, then the refusal names the field, the six places a figure takes and what was sent', () => {
    const error = refusal(() => parseDecimal('1,5', 'X.INVALID', 'Realisasi indikator K1'));
    expect(error.code).toBe('X.INVALID');
    expect(error.message).toMatch(/^Realisasi indikator K1 harus berupa angka desimal .* 6 angka di belakang titik.*gunakan titik sebagai pemisah desimal, mis\. 1\.5; mis\. "12" atau "7\.5" \(nilai yang dikirim: "1,5"\)\.$/);
    expect(error.message).not.toContain('diterima');
    expect(error.details).toMatchObject({ maxDecimalPlaces: 6 });
  });

  it('given rupiah, then more than two places is refused, and any refusal says two places, never six', () => {
    expect(parseDecimal('1500000.50', 'X.INVALID', 'Pagu', RUPIAH_DECIMAL_PLACES).toFixed()).toBe('1500000.5');
    for (const sent of ['10.123', '-5', '1.500.000', 'Rp 5']) {
      const error = refusal(() => parseDecimal(sent, 'X.INVALID', 'Pagu kegiatan K1', RUPIAH_DECIMAL_PLACES));
      expect(error.message).toContain('2 angka di belakang titik');
      expect(error.message).not.toContain('6 angka');
      expect(error.message).toContain('mis. "1500000" atau "1500000.50"');
      expect(error.details).toMatchObject({ value: sent, maxDecimalPlaces: 2 });
    }
  });
});
