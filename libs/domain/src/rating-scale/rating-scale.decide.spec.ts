import { deciderSpec } from '../../testing/decider-spec';
import { DEFAULT_RATING_SCALE, ratingOf, type RatingRow } from '../capaian/rating-scale';
import type { CommandMetadata, Role } from '../shared/actor';
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
});
