import { deciderSpec } from '../../testing/decider-spec';
import { DEFAULT_RATING_SCALE, ratingOf, type RatingRow } from '../capaian/rating-scale';
import type { CommandMetadata, Role } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import { foldEvents } from '../shared/decider';
import type { RatingScaleCommand } from './rating-scale.commands';
import { ratingScaleDecider } from './rating-scale.decider';
import type { RatingScaleEvent } from './rating-scale.events';
import { initialRatingScaleState, ratingScaleInForce } from './rating-scale.state';

const given = deciderSpec(ratingScaleDecider);
const NOW = '2025-01-06T03:00:00.000Z';
const meta = (role: Role = 'ADMIN'): CommandMetadata => ({ actor: { userId: 'admin-1', role, subbagian: role === 'KASUBBAG' ? 'KUL' : null }, now: NOW });

/** "Berhasil" only above 100: the stricter scale of the e2e, three rows. */
const STRICT: RatingRow[] = [
  { minExclusive: '100', maxInclusive: null, category: 'Berhasil', meaning: 'Melampaui target' },
  { minExclusive: '80', maxInclusive: '100', category: 'Cukup Berhasil', meaning: 'Mendekati target' },
  { minExclusive: null, maxInclusive: '80', category: 'Tidak Berhasil', meaning: 'Jauh dari target' },
];

const set = (label: string, rows: RatingRow[], role: Role = 'ADMIN', reason: string | null = null): RatingScaleCommand => ({
  type: 'SetRatingScale', data: { satker: 's1', scale: { label, rows }, reason }, metadata: meta(role),
});
/** The refusal of a command, to read its message and details. */
const refusalOf = (command: RatingScaleCommand, ...history: RatingScaleEvent[]): DomainError => {
  try {
    ratingScaleDecider.decide(command, foldEvents(ratingScaleDecider, history));
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
};
const wasSet = (version: number, label: string, rows: RatingRow[], reason: string | null = null): RatingScaleEvent => ({
  type: 'RatingScaleSet', data: { satker: 's1', version, label, rows, reason, setBy: 'admin-1', setAt: NOW },
});

describe("an office's rating scale as a decider", () => {
  it('rates with Tabel 3.1 of the reference until the office sets its own', () => {
    expect(ratingScaleInForce(initialRatingScaleState())).toBe(DEFAULT_RATING_SCALE);
  });

  it('records the first scale of the office as version 1, with its reason', () => {
    given().when(set('ketat-2025', STRICT, 'ADMIN', ' Keputusan rapat ')).then([wasSet(1, 'ketat-2025', STRICT, 'Keputusan rapat')]);
  });

  it('numbers the next scale version 2 and puts the latest in force', () => {
    const next = given(wasSet(1, 'ketat-2025', STRICT)).when(set('tabel-3.1-2024', DEFAULT_RATING_SCALE.rows)).events();
    expect(next).toEqual([wasSet(2, 'tabel-3.1-2024', DEFAULT_RATING_SCALE.rows)]);
    const inForce = ratingScaleInForce(foldEvents(ratingScaleDecider, [wasSet(1, 'ketat-2025', STRICT), ...next]));
    expect(inForce).toEqual({ version: 'tabel-3.1-2024', rows: DEFAULT_RATING_SCALE.rows });
    expect(ratingOf('100.00', inForce).category).toBe('Berhasil');
    expect(ratingOf('100.00', { version: 'ketat-2025', rows: STRICT }).category).toBe('Cukup Berhasil');
  });

  it.each<Role>(['SEKRETARIS', 'KETUA', 'KASUBBAG', 'INSPEKTORAT'])('refuses a %s: only the ADMIN manages the scale', (role) => {
    given().when(set('ketat-2025', STRICT, role)).thenThrows('RATING_SCALE.FORBIDDEN', 'forbidden');
  });

  it('refuses a gap between two rows', () => {
    const gap = STRICT.map((r, i) => (i === 1 ? { ...r, minExclusive: '85' } : r));
    given().when(set('celah', gap)).thenThrows('RATING_SCALE.INVALID', 'validation');
  });

  it('refuses an overlap between two rows', () => {
    const overlap = STRICT.map((r, i) => (i === 2 ? { ...r, maxInclusive: '90' } : r));
    given().when(set('tumpang', overlap)).thenThrows('RATING_SCALE.INVALID', 'validation');
  });

  it('refuses a scale bounded above, an empty label, and a row without its meaning', () => {
    given().when(set('atas', [{ ...STRICT[0], maxInclusive: '200' }, ...STRICT.slice(1)])).thenThrows('RATING_SCALE.INVALID');
    given().when(set('  ', STRICT)).thenThrows('RATING_SCALE.INVALID');
    given().when(set('arti', STRICT.map((r) => ({ ...r, meaning: undefined as unknown as string })))).thenThrows('RATING_SCALE.INVALID');
  });

  it('changes nothing when the scale in force is sent again (the same bounds written differently)', () => {
    const same = STRICT.map((r) => ({ ...r, maxInclusive: r.maxInclusive === null ? null : `${r.maxInclusive}.00` }));
    given(wasSet(1, 'ketat-2025', STRICT)).when(set('ketat-2025', same)).then([]);
    given().when(set(DEFAULT_RATING_SCALE.version, DEFAULT_RATING_SCALE.rows)).then([]);
  });

  it('refuses a label already used for other rows, the default one included', () => {
    const looser = STRICT.map((r, i) => (i === 0 ? r : i === 1 ? { ...r, minExclusive: '60' } : { ...r, maxInclusive: '60' }));
    given(wasSet(1, 'ketat-2025', STRICT)).when(set('ketat-2025', looser)).thenThrows('RATING_SCALE.LABEL_IN_USE', 'conflict');
    given().when(set(DEFAULT_RATING_SCALE.version, STRICT)).thenThrows('RATING_SCALE.LABEL_IN_USE', 'conflict');
  });

  it('lets an earlier label come back with its own rows', () => {
    const history = [wasSet(1, 'ketat-2025', STRICT), wasSet(2, 'tabel-3.1-2024', DEFAULT_RATING_SCALE.rows)];
    given(...history).when(set('ketat-2025', STRICT)).then([wasSet(3, 'ketat-2025', STRICT)]);
  });

  it('keeps only the four fields of a row', () => {
    const extra = STRICT.map((r) => ({ ...r, colour: 'merah' }) as RatingRow);
    given().when(set('ketat-2025', extra)).then([wasSet(1, 'ketat-2025', STRICT)]);
  });

  describe('input that cannot be meant is refused before anything is recorded', () => {
    it.each([
      ['the same name', 'Cukup Berhasil'],
      ['another case', 'cukup berhasil'],
      ['other spacing', '  Cukup   Berhasil '],
      ['a fullwidth letter', 'Ｃukup Berhasil'],
      ['a Greek look-alike letter', 'Cukup \u0392erhasil'],
      ['a Cyrillic look-alike letter', 'Cukup B\u0435rhasil'],
      ['an accent', 'Cukup Bérhasil'],
    ])('given two rows with one category written with %s, when the ADMIN sets the scale, then 422 RATING_SCALE.DUPLICATE_CATEGORY naming both rows', (_, written) => {
      const twice = STRICT.map((r, i) => (i === 2 ? { ...r, category: written } : r));
      given(wasSet(1, 'ketat-2025', STRICT)).when(set('ganda', twice)).thenThrows('RATING_SCALE.DUPLICATE_CATEGORY', 'validation');
      const refusal = refusalOf(set('ganda', twice), wasSet(1, 'ketat-2025', STRICT));
      expect(refusal.message).toContain('Kategori baris 3');
      expect(refusal.message).toContain('baris 2 ("Cukup Berhasil")');
      expect(refusal.details).toMatchObject({ row: 3, sameAsRow: 2 });
    });

    it.each([
      ['a zero-width space', 'Berhasil\u200b'],
      ['a bidi override', 'A\u202eB'],
      ['a byte order mark', '\ufeffBerhasil'],
    ])('given a category holding %s, when the ADMIN sets the scale, then 422 RATING_SCALE.HIDDEN_CHARACTERS naming the row', (_, category) => {
      const rows = STRICT.map((r, i) => (i === 1 ? { ...r, category } : r));
      given().when(set('tersembunyi', rows)).thenThrows('RATING_SCALE.HIDDEN_CHARACTERS', 'validation');
      expect(refusalOf(set('tersembunyi', rows)).message).toMatch(/^Kategori baris 2 berisi karakter yang tidak terlihat/);
    });

    it.each([
      ['a zero-width space', 'Melampaui\u200b target', 'RATING_SCALE.HIDDEN_CHARACTERS', /^Keterangan baris 2 berisi karakter yang tidak terlihat/],
      ['a bidi override', 'Melampaui \u202etarget', 'RATING_SCALE.HIDDEN_CHARACTERS', /^Keterangan baris 2 berisi karakter yang tidak terlihat/],
      ['stacked combining marks', 'Melampaui ta\u0338\u0322\u034e\u0317rget', 'RATING_SCALE.STACKED_MARKS', /^Keterangan baris 2 menumpuk tanda diakritik/],
    ])('given a meaning (Keterangan) holding %s, when the ADMIN sets the scale, then it is refused naming the row and field, as a category is', (_, meaning, code, message) => {
      const rows = STRICT.map((r, i) => (i === 1 ? { ...r, meaning } : r));
      given().when(set('keterangan', rows)).thenThrows(code, 'validation');
      const refusal = refusalOf(set('keterangan', rows));
      expect(refusal.message).toMatch(message);
      expect(refusal.details).toMatchObject({ row: 2, field: 'meaning' });
    });

    it('given a meaning pasted with line breaks and tabs, when the ADMIN sets the scale, then it is recorded on one line; accents are kept', () => {
      const rows = STRICT.map((r, i) => (i === 1 ? { ...r, meaning: ' Mendekati\r\ntarget\t(± 10%) ' } : i === 2 ? { ...r, meaning: 'Jauh dari target, pe\u0301nilaian ulang' } : r));
      const recorded = given().when(set('satu-baris', rows)).events()[0].data.rows;
      expect(recorded[1].meaning).toBe('Mendekati target (± 10%)');
      expect(recorded[2].meaning).toBe('Jauh dari target, pe\u0301nilaian ulang');
    });

    it('given a label holding a zero-width space, when the ADMIN sets the scale, then 422 RATING_SCALE.HIDDEN_CHARACTERS', () => {
      given().when(set('ketat\u200b-2025', STRICT)).thenThrows('RATING_SCALE.HIDDEN_CHARACTERS', 'validation');
    });

    it('given a category in fullwidth letters, when the ADMIN sets the scale, then it is recorded in NFKC ("Ｂerhasil" is "Berhasil")', () => {
      const rows = STRICT.map((r, i) => (i === 1 ? { ...r, category: 'Ｓangat  Ketat' } : r));
      expect(given().when(set('lebar', rows)).events()[0].data.rows[1].category).toBe('Sangat Ketat');
    });

    it('given no row at all, when the ADMIN sets the scale, then 422 RATING_SCALE.TOO_FEW_ROWS, as for one row', () => {
      given().when(set('kosong', [])).thenThrows('RATING_SCALE.TOO_FEW_ROWS', 'validation');
      expect(refusalOf(set('kosong', [])).message).toContain('tidak memiliki baris');
    });

    it('given categories that only share words, when the ADMIN sets the scale, then it is recorded', () => {
      const rows = STRICT.map((r, i) => (i === 1 ? { ...r, category: 'Berhasil Sebagian' } : r));
      given().when(set('sebagian', rows)).then([wasSet(1, 'sebagian', rows)]);
    });

    it('given a scale of a single row, when the ADMIN sets it, then 422 RATING_SCALE.TOO_FEW_ROWS naming the row', () => {
      const single: RatingRow[] = [{ minExclusive: null, maxInclusive: null, category: 'Berhasil', meaning: 'Semua capaian' }];
      given().when(set('tunggal', single)).thenThrows('RATING_SCALE.TOO_FEW_ROWS', 'validation');
      expect(refusalOf(set('tunggal', single)).message).toContain('hanya memiliki satu baris ("Berhasil")');
    });

    it('given a scale of two rows, when the ADMIN sets it, then it is recorded: two categories are told apart', () => {
      const two: RatingRow[] = [STRICT[0], { ...STRICT[2], maxInclusive: '100' }];
      given().when(set('dua', two)).then([wasSet(1, 'dua', two)]);
    });

    it('given bounds written with trailing zeros ("80.0", "100.00"), when the ADMIN sets the scale, then they are recorded as Tabel 3.1 writes them ("80", "100")', () => {
      const written = [
        { ...STRICT[0], minExclusive: '100.00' },
        { ...STRICT[1], minExclusive: '80.0', maxInclusive: '100.0' },
        { ...STRICT[2], maxInclusive: '80.000' },
      ];
      given().when(set('ketat-2025', written)).then([wasSet(1, 'ketat-2025', STRICT)]);
      const fractions = [{ ...STRICT[0], minExclusive: '87.50' }, { ...STRICT[2], maxInclusive: '87.5' }];
      expect(given().when(set('pecahan', fractions)).events()[0].data.rows.map((r) => [r.minExclusive, r.maxInclusive])).toEqual([['87.5', null], [null, '87.5']]);
    });

    it.each(['085', '+85', '85,5', ' 85', '8.5e1', '85.1234567'])('given a bound written %j, when the ADMIN sets the scale, then 422 RATING_SCALE.INVALID_BOUND naming the row and side', (bound) => {
      const rows = STRICT.map((r, i) => (i === 1 ? { ...r, minExclusive: bound } : i === 2 ? { ...r, maxInclusive: bound } : r));
      given().when(set('nol-depan', rows)).thenThrows('RATING_SCALE.INVALID_BOUND', 'validation');
      const refusal = refusalOf(set('nol-depan', rows));
      expect(refusal.message).toContain('Batas bawah baris 2');
      expect(refusal.message).toContain(`(nilai yang dikirim: ${JSON.stringify(bound)})`);
    });
  });
});
