import { deciderSpec } from '../../testing/decider-spec';
import { aPkInForce, actor, kasubbagKul, kasubbagPdi, meta, sekretaris } from '../../testing/builders';
import { realisasiDecider } from './realisasi.decider';
import { validateRealisasiContent } from './realisasi-content.validate';
import { realisasiStreamId } from './realisasi-stream-id';
import { approved, content, context, evidence, FEB_1, FEB_5, key, line, returned, saved, submitted } from './realisasi-spec.fixtures';

const spec = deciderSpec(realisasiDecider);
const save = (now = FEB_1, who = kasubbagKul, c = content, ctx = context) =>
  ({ type: 'SaveRealisasiDraft' as const, data: { key, context: ctx, ...c }, metadata: meta(who, now) });
const submitWith = (c = content, now = FEB_1) => ({ type: 'SubmitRealisasi' as const, data: { key, context, content: c }, metadata: meta(kasubbagKul, now) });

describe('Monthly realisasi: drafting and submission', () => {
  it('stream id is realisasi:<satker>:<year>:<MM>:<subbagian>', () => {
    expect(realisasiStreamId('kpu-kab-jember', 2024, 1, 'KUL')).toBe('realisasi:kpu-kab-jember:2024:01:KUL');
  });

  it('given nothing, when the Kasubbag saves a draft after the month ended, then the draft is saved against the PK version in force', () => {
    spec().when(save()).then([saved]);
  });

  it('given nothing, when saved at 23:59 on 31 January in Jakarta, then the month has not ended', () => {
    spec().when(save('2024-01-31T16:59:59.000Z')).thenThrows('REALISASI.MONTH_NOT_ENDED', 'validation');
  });

  it('given nothing, when saved before the month ended, then the refusal names the month and the moment it ends in the office\'s time', () => {
    const messageOf = (now: string, timezone: string, month = 1) => {
      try {
        const command = save(now, kasubbagKul, content, { ...context, timezone });
        realisasiDecider.decide({ ...command, data: { ...command.data, key: { ...key, month } } }, realisasiDecider.initialState());
      } catch (error) {
        return (error as Error).message;
      }
      return null;
    };
    expect(messageOf('2024-01-31T16:59:59.000Z', 'Asia/Jakarta')).toBe('Bulan Januari 2024 belum berakhir; laporan dapat dikirim mulai 1 Februari 2024 pukul 00.00 WIB.');
    // 14.59 UTC on 31 December is 23.59 in Jayapura: December has not ended there, and the next month is in the next year.
    expect(messageOf('2024-12-31T14:59:00.000Z', 'Asia/Jayapura', 12)).toBe('Bulan Desember 2024 belum berakhir; laporan dapat dikirim mulai 1 Januari 2025 pukul 00.00 WIT.');
    expect(messageOf('2024-12-31T15:00:00.000Z', 'Asia/Makassar', 12)).toBe('Bulan Desember 2024 belum berakhir; laporan dapat dikirim mulai 1 Januari 2025 pukul 00.00 WITA.');
  });

  it('given nothing, when saved at 00:00 on 1 February in Jakarta (still 31 January in UTC), then the month has ended', () => {
    expect(spec().when(save('2024-01-31T17:00:00.000Z')).events()).toHaveLength(1);
  });

  it('given month 13, when a report is saved, then the period is refused', () => {
    spec().when({ ...save(), data: { ...save().data, key: { ...key, month: 13 } } }).thenThrows('REALISASI.INVALID_PERIOD', 'validation');
  });

  it('given a report of one subbagian, when a command names another period, then it is refused', () => {
    spec(saved).when({ ...save(), data: { ...save().data, key: { ...key, month: 2 } } }).thenThrows('REALISASI.KEY_MISMATCH');
  });

  it('given no approved PK, when a report is saved, then it is refused', () => {
    spec().when(save(FEB_1, kasubbagKul, content, { ...context, pkInForce: null })).thenThrows('REALISASI.NO_APPROVED_PK', 'conflict');
  });

  it('given only the PK of another year, when a report is saved, then it is refused', () => {
    spec().when(save(FEB_1, kasubbagKul, content, { ...context, pkInForce: { ...aPkInForce(), year: 2023 } })).thenThrows('REALISASI.NO_APPROVED_PK');
  });

  it('given nothing, when the Kasubbag of another subbagian saves, then it is forbidden', () => {
    spec().when(save(FEB_1, kasubbagPdi)).thenThrows('REALISASI.OTHER_SUBBAGIAN', 'forbidden');
  });

  it('given nothing, when the Sekretaris saves a report, then it is forbidden', () => {
    spec().when(save(FEB_1, sekretaris)).thenThrows('REALISASI.FORBIDDEN', 'forbidden');
  });

  it('given nothing, when a line names an indicator of another subbagian, then it is forbidden', () => {
    spec().when(save(FEB_1, kasubbagKul, { lines: [line('K2.1', '1')], budget: [] })).thenThrows('REALISASI.INDICATOR_NOT_OWNED', 'forbidden');
  });

  it('given a line naming another subbagian\'s indicator, then the refusal names the PK version of the month and who owns it', () => {
    expect(() => validateRealisasiContent({ lines: [line('K2.1', '1')], budget: [] }, aPkInForce(undefined, 2), 'KUL')).toThrow(
      expect.objectContaining({
        code: 'REALISASI.INDICATOR_NOT_OWNED',
        message: 'Indikator K2.1 bukan tanggung jawab subbagian KUL menurut PK 2024 versi 2 yang berlaku untuk bulan laporan ini; penanggung jawabnya subbagian PDI.',
        details: { indicator: 'K2.1', pkVersion: 2, picSubbagian: 'PDI' },
      }),
    );
  });

  it('given nothing, when a line names an indicator not in the PK, then it is refused', () => {
    spec().when(save(FEB_1, kasubbagKul, { lines: [line('K9.9', '1')], budget: [] })).thenThrows('REALISASI.UNKNOWN_INDICATOR');
  });

  it('given nothing, when budget is reported for a kegiatan the subbagian has no indicator in, then it is forbidden', () => {
    spec().when(save(FEB_1, kasubbagKul, { lines: [], budget: [{ kegiatanCode: 'K2', spent: '1' }] })).thenThrows('REALISASI.KEGIATAN_NOT_OWNED', 'forbidden');
  });

  it('given nothing, when a value is not a decimal string, then it is refused', () => {
    spec().when(save(FEB_1, kasubbagKul, { lines: [line('K1.1', '1,5')], budget: [] })).thenThrows('REALISASI.INVALID_VALUE');
    spec().when(save(FEB_1, kasubbagKul, { lines: [line('K1.1', 1 as never)], budget: [] })).thenThrows('REALISASI.INVALID_VALUE');
  });

  it('given nothing, when the same indicator appears twice, then it is refused', () => {
    spec().when(save(FEB_1, kasubbagKul, { lines: [line('K1.1', '1'), line('K1.1', '2')], budget: [] })).thenThrows('REALISASI.DUPLICATE_LINE');
  });

  it('given nothing, when submitted with content, then the content is saved and submitted in one decision', () => {
    spec().when(submitWith()).then([saved, submitted]);
  });

  it('given a draft, when the same content is saved again (keys in another order), then nothing is recorded', () => {
    const reordered = {
      lines: content.lines.map(({ evidence: e, solusi, kendala, narrative, value, indicatorCode }) => ({ evidence: e, solusi, kendala, narrative, value, indicatorCode })),
      budget: content.budget.map(({ spent, kegiatanCode }) => ({ spent, kegiatanCode })),
    };
    spec(saved).when(save(FEB_1, kasubbagKul, reordered)).then([]);
  });

  it('given a returned report, when its content is saved again unchanged (many times), then nothing is recorded; a change is', () => {
    spec(saved, submitted, returned).when(save(FEB_5)).then([]);
    const changed = { ...content, lines: [line('K1.1', '2'), line('K1.2', null)] };
    const fixed = spec(saved, submitted, returned).when(save(FEB_5, kasubbagKul, changed)).events();
    expect(fixed.map((e) => e.type)).toEqual(['RealisasiDraftSaved']);
  });

  it('given a draft, when the same content is saved again by a request that must be recorded (an Idempotency-Key), then it is recorded', () => {
    const keyed = { ...save(FEB_1), metadata: { ...meta(kasubbagKul, FEB_1), recordUnchanged: true } };
    spec(saved).when(keyed).then([saved]);
  });

  it('given a draft, when a changed content is saved, then the new draft is recorded', () => {
    const changed = { ...content, lines: [line('K1.1', '2'), line('K1.2', null)] };
    spec(saved).when(save(FEB_1, kasubbagKul, changed)).then([{ ...saved, data: { ...saved.data, lines: changed.lines } } as typeof saved]);
  });

  it('given a draft, when submitted without content, then the saved draft is submitted', () => {
    spec(saved).when({ type: 'SubmitRealisasi', data: { key, context }, metadata: meta(kasubbagKul, FEB_1) }).then([submitted]);
  });

  it('given nothing, when submitted without a line for every owned indicator, then it is refused', () => {
    spec().when(submitWith({ lines: [line('K1.1', '1')], budget: [] })).thenThrows('REALISASI.MISSING_LINES');
  });

  it('given an indicator that requires evidence, when a value is submitted without evidence, then it is refused', () => {
    spec().when(submitWith({ lines: [line('K1.1', '1'), line('K1.2', '1')], budget: [] })).thenThrows('REALISASI.EVIDENCE_REQUIRED');
  });

  it('given an indicator that requires evidence, when a value is submitted with evidence, then it is accepted', () => {
    const c = { lines: [line('K1.1', '1'), line('K1.2', '1', { evidence: [evidence] })], budget: [] };
    expect(spec().when(submitWith(c)).events().map((e) => e.type)).toEqual(['RealisasiDraftSaved', 'RealisasiSubmitted']);
  });

  it('given an indicator that requires evidence, when it is left blank (not reported), then no evidence is needed', () => {
    const c = { lines: [line('K1.1', '1'), line('K1.2', null)], budget: [] };
    expect(spec().when(submitWith(c)).events()).toHaveLength(2);
  });

  it('given malformed evidence, when saved, then it is refused', () => {
    const c = { lines: [line('K1.2', '1', { evidence: [{ ...evidence, sha256: 'abc' }] })], budget: [] };
    spec().when(save(FEB_1, kasubbagKul, c)).thenThrows('REALISASI.INVALID_EVIDENCE');
  });

  it('given the same file attached twice to one line (under any name), when saved, then it is refused naming the indicator and the file', () => {
    const c = { lines: [line('K1.2', '1', { evidence: [evidence, { ...evidence, fileName: 'salinan.pdf' }] })], budget: [] };
    spec().when(save(FEB_1, kasubbagKul, c)).thenThrows('REALISASI.DUPLICATE_EVIDENCE');
    try {
      realisasiDecider.decide(save(FEB_1, kasubbagKul, c), realisasiDecider.initialState());
    } catch (error) {
      expect((error as Error).message).toMatch(/^Bukti dukung indikator K1\.2: file "salinan\.pdf" dilampirkan lebih dari sekali/);
    }
  });

  it('given two different files on one line, when saved, then both are kept', () => {
    const other = { ...evidence, sha256: 'f'.repeat(64), fileName: 'foto.jpg' };
    const c = { lines: [line('K1.2', '1', { evidence: [evidence, other] })], budget: [] };
    expect(spec().when(save(FEB_1, kasubbagKul, c)).events()).toHaveLength(1);
  });

  it.each(['../../spj.pdf', 'C:\\Users\\spj.pdf', 'spj\u0007.pdf', 'spj".pdf'])(
    'given an evidence file name with a folder, a control character or a quote (%j), when saved, then it is refused',
    (fileName) => {
      const c = { lines: [line('K1.2', '1', { evidence: [{ ...evidence, fileName }] })], budget: [] };
      spec().when(save(FEB_1, kasubbagKul, c)).thenThrows('REALISASI.INVALID_EVIDENCE');
    },
  );

  it('given a submitted report, when saved or submitted again, then it conflicts', () => {
    spec(saved, submitted).when(save()).thenThrows('REALISASI.ALREADY_SUBMITTED', 'conflict');
    spec(saved, submitted).when(submitWith()).thenThrows('REALISASI.ALREADY_SUBMITTED', 'conflict');
  });

  it('given an approved report, when saved, then it conflicts: a correction is a revision', () => {
    spec(saved, submitted, approved).when(save()).thenThrows('REALISASI.ALREADY_APPROVED', 'conflict');
  });

  it('given nothing, when an ADMIN submits, then it is forbidden', () => {
    spec().when({ ...submitWith(), metadata: meta(actor('ADMIN')) }).thenThrows('REALISASI.FORBIDDEN', 'forbidden');
  });
});
