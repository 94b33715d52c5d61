import { deciderSpec } from '../../testing/decider-spec';
import { kasubbagKul, meta, sekretaris } from '../../testing/builders';
import type { DomainError } from '../shared/domain-error';
import { realisasiDecider } from './realisasi.decider';
import type { RealisasiEvent } from './realisasi.events';
import type { RealisasiContent } from './realisasi.types';
import { approved, content, context, FEB_5, key, line, saved, submitted } from './realisasi-spec.fixtures';

const spec = deciderSpec(realisasiDecider);
const opened: RealisasiEvent = { type: 'RealisasiRevisionOpened', data: { revision: 1, reason: 'Salah ketik K1.1', openedBy: kasubbagKul.userId, openedAt: FEB_5 } };
const submitWith = (c?: RealisasiContent) => ({ type: 'SubmitRealisasi' as const, data: c ? { key, context, content: c } : { key, context }, metadata: meta(kasubbagKul, FEB_5) });

describe('Monthly realisasi: a correction must change something', () => {
  it('given an opened revision, when submitted with the content already approved, then it is refused and nothing is recorded', () => {
    spec(saved, submitted, approved, opened).when(submitWith(content)).thenThrows('REALISASI.REVISION_UNCHANGED', 'validation');
    let error: DomainError | undefined;
    try {
      realisasiDecider.decide(submitWith(content), [saved, submitted, approved, opened].reduce(realisasiDecider.evolve, realisasiDecider.initialState()));
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.message).toMatch(/^Isi revisi ke-1 sama persis dengan laporan yang sudah disetujui \(revisi 0\)/);
    expect(error?.message).toContain('batalkan revisinya: laporan kembali ke isi yang sudah disetujui');
    expect(error?.details).toEqual({ revision: 1, approvedRevision: 0 });
  });

  it('given an opened revision whose draft was never changed, when submitted without content, then it is refused', () => {
    spec(saved, submitted, approved, opened).when(submitWith()).thenThrows('REALISASI.REVISION_UNCHANGED');
  });

  it('given an opened revision, when the approved content is sent with its lines and budget in another order, then it is still unchanged', () => {
    const reordered = { lines: [...content.lines].reverse(), budget: content.budget };
    spec(saved, submitted, approved, opened).when(submitWith(reordered)).thenThrows('REALISASI.REVISION_UNCHANGED');
  });

  it('given an opened revision, when the approved content is sent with only white space a reader does not see added to its texts, then it is still unchanged', () => {
    const [k11, k12] = content.lines;
    const spaced = {
      ...content,
      lines: [
        { ...k11, narrative: `  ${k11.narrative}  \t`, kendala: `${k11.kendala}\n`, solusi: ` ${k11.solusi}` },
        { ...k12, narrative: `${k12.narrative} ` },
      ],
    };
    spec(saved, submitted, approved, opened).when(submitWith(spaced)).thenThrows('REALISASI.REVISION_UNCHANGED', 'validation');
  });

  it('given an opened revision, when a word of a text changed (not only its spacing), then it is submitted', () => {
    const [k11, k12] = content.lines;
    const reworded = { ...content, lines: [{ ...k11, narrative: `${k11.narrative} ` }, { ...k12, kendala: `${k12.kendala} lagi` }] };
    expect(spec(saved, submitted, approved, opened).when(submitWith(reworded)).events().map((e) => e.type)).toEqual(['RealisasiDraftSaved', 'RealisasiSubmitted']);
  });

  it('given a revision returned by the Sekretaris, when resubmitted back to the approved content, then it is refused too', () => {
    const changed = { ...content, lines: [line('K1.1', '2'), line('K1.2', null)] };
    const events = spec(saved, submitted, approved, opened).when(submitWith(changed)).events();
    const returned: RealisasiEvent = { type: 'RealisasiReturned', data: { revision: 1, reason: 'Angka lama sudah benar', returnedBy: sekretaris.userId, returnedAt: FEB_5 } };
    spec(saved, submitted, approved, opened, ...events, returned).when(submitWith(content)).thenThrows('REALISASI.REVISION_UNCHANGED');
  });

  it('given an opened revision, when a narrative, a budget or a value changed, then it is submitted', () => {
    const variants: RealisasiContent[] = [
      { ...content, lines: [line('K1.1', '1', { narrative: 'Terlaksana, dengan catatan' }), line('K1.2', null)] },
      { ...content, budget: [{ kegiatanCode: 'K1', spent: '90000' }] },
      { ...content, lines: [line('K1.1', '2'), line('K1.2', null)] },
    ];
    for (const c of variants) {
      expect(spec(saved, submitted, approved, opened).when(submitWith(c)).events().map((e) => e.type)).toEqual(['RealisasiDraftSaved', 'RealisasiSubmitted']);
    }
  });

  it('given a first report returned unchanged, when resubmitted as it was, then it is accepted (the unchanged content is no save): only a correction of an approved report is compared', () => {
    const returned: RealisasiEvent = { type: 'RealisasiReturned', data: { revision: 0, reason: 'Periksa lagi', returnedBy: sekretaris.userId, returnedAt: FEB_5 } };
    expect(spec(saved, submitted, returned).when(submitWith(content)).events().map((e) => e.type)).toEqual(['RealisasiSubmitted']);
  });
});
