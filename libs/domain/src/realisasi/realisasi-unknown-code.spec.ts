import { deciderSpec } from '../../testing/decider-spec';
import { kasubbagKul, meta } from '../../testing/builders';
import type { DomainError } from '../shared/domain-error';
import { realisasiDecider } from './realisasi.decider';
import type { RealisasiContent } from './realisasi.types';
import { context, FEB_1, key, line } from './realisasi-spec.fixtures';

const spec = deciderSpec(realisasiDecider);
const save = (c: RealisasiContent) => ({ type: 'SaveRealisasiDraft' as const, data: { key, context, ...c }, metadata: meta(kasubbagKul, FEB_1) });

function refusal(c: RealisasiContent): DomainError {
  try {
    realisasiDecider.decide(save(c), realisasiDecider.initialState());
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('Monthly realisasi: codes the PK does not have', () => {
  it('given nothing, when budget names a kegiatan not in the PK, then it is refused as unknown (422), not as another subbagian\'s', () => {
    spec().when(save({ lines: [], budget: [{ kegiatanCode: 'K99', spent: '1' }] })).thenThrows('REALISASI.UNKNOWN_KEGIATAN', 'validation');
    const error = refusal({ lines: [], budget: [{ kegiatanCode: 'K99', spent: '1' }] });
    expect(error.message).toBe('Kegiatan K99 tidak ada dalam PK yang berlaku.');
    expect(error.details).toEqual({ kegiatan: 'K99', alike: [] });
  });

  it('given nothing, when budget names a kegiatan differing from one in the PK only in case, then the refusal names the one meant', () => {
    const error = refusal({ lines: [], budget: [{ kegiatanCode: 'k1', spent: '1' }] });
    expect(error.code).toBe('REALISASI.UNKNOWN_KEGIATAN');
    expect(error.message).toBe('Kegiatan k1 (maksud Anda K1? huruf besar dan kecil dibedakan) tidak ada dalam PK yang berlaku.');
  });

  it('given nothing, when a line names an indicator differing from one in the PK only in case, then the refusal names the one meant', () => {
    const error = refusal({ lines: [line('k1.1', '1')], budget: [] });
    expect(error.code).toBe('REALISASI.UNKNOWN_INDICATOR');
    expect(error.message).toBe('Indikator k1.1 (maksud Anda K1.1? huruf besar dan kecil dibedakan) tidak ada dalam PK yang berlaku.');
  });

  it('given nothing, when budget names a kegiatan of the PK the subbagian has no indicator in, then it is still forbidden as not owned', () => {
    spec().when(save({ lines: [], budget: [{ kegiatanCode: 'K2', spent: '1' }] })).thenThrows('REALISASI.KEGIATAN_NOT_OWNED', 'forbidden');
  });
});
