import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../shared/actor';
import { foldEvents } from '../shared/decider';
import { perjanjianKinerjaDecider } from '../perjanjian-kinerja/pk.decider';
import { pkInForce } from '../perjanjian-kinerja/pk.state';
import { indicatorsOf } from '../perjanjian-kinerja/pk-structure.validate';
import { pkFromFixture, type PkFixture } from '../perjanjian-kinerja/pk-from-fixture';
import type { PkEvent } from '../perjanjian-kinerja/pk.events';
import type { PkVersionInForce } from '../perjanjian-kinerja/pk-structure.types';
import { realisasiDecider } from '../realisasi/realisasi.decider';
import { approvedRealisasiOf } from '../realisasi/realisasi.state';
import type { RealisasiEvent } from '../realisasi/realisasi.events';
import type { ApprovedRealisasi } from '../realisasi/realisasi.types';
import { computeKinerja } from './compute-kinerja';

type FixtureIndicator = PkFixture['programs'][number]['kegiatan'][number]['indikator'][number] & { realisasi: number; capaian: number };
const fixture: PkFixture = JSON.parse(readFileSync(join(__dirname, '../../../../data/pk-kpu-jember-2024.json'), 'utf8'));
const sekretaris: Actor = { userId: 'sekretaris', role: 'SEKRETARIS', subbagian: null };
const ketua: Actor = { userId: 'ketua', role: 'KETUA', subbagian: null };

function approvedPk(): PkVersionInForce {
  const events: PkEvent[] = [];
  const step = (type: 'DraftPk' | 'SubmitPk' | 'ApprovePk', who: Actor, data: object) =>
    events.push(...perjanjianKinerjaDecider.decide({ type, data, metadata: { actor: who, now: '2024-01-16T03:00:00.000Z' } } as never, foldEvents(perjanjianKinerjaDecider, events)));
  step('DraftPk', sekretaris, pkFromFixture(fixture));
  step('SubmitPk', sekretaris, {});
  step('ApprovePk', ketua, {});
  return pkInForce(foldEvents(perjanjianKinerjaDecider, events))!;
}

/** The 12-a-month indicators report 1 every month; the others their whole target in December, 0 before. */
function monthValue(target: string, month: number): string {
  if (target === '12') return '1';
  return month === 12 ? target : '0';
}

function yearOfReports(pk: PkVersionInForce): ApprovedRealisasi[] {
  const reports: ApprovedRealisasi[] = [];
  const all = indicatorsOf(pk.structure);
  for (let month = 1; month <= 12; month++) {
    for (const sub of ['PDI', 'KUL', 'HSDM', 'TPH']) {
      const owned = all.filter((e) => e.indicator.picSubbagian === sub);
      const lines = owned.map(({ indicator }) => ({
        indicatorCode: indicator.code, value: monthValue(indicator.target.kind === 'SINGLE' ? indicator.target.value : '', month),
        narrative: 'Terlaksana', kendala: '', solusi: '', evidence: [],
      }));
      const kasubbag: Actor = { userId: `kasubbag.${sub.toLowerCase()}`, role: 'KASUBBAG', subbagian: sub };
      const submittedAt = new Date(Date.UTC(2024, month, 2)).toISOString(); // the 2nd of the next month
      const context = { pkInForce: pk, timezone: 'Asia/Jakarta' };
      const key = { satker: pk.satker, year: 2024, month, subbagian: sub };
      const events: RealisasiEvent[] = realisasiDecider.decide(
        { type: 'SubmitRealisasi', data: { key, context, content: { lines, budget: [] } }, metadata: { actor: kasubbag, now: submittedAt } },
        realisasiDecider.initialState(),
      );
      events.push(...realisasiDecider.decide({ type: 'ApproveRealisasi', data: {}, metadata: { actor: sekretaris, now: submittedAt } }, foldEvents(realisasiDecider, events)));
      reports.push(approvedRealisasiOf(foldEvents(realisasiDecider, events))!);
    }
  }
  return reports;
}

describe('Tabel 3.2 of KPU Kabupaten Jember 2024 from the PK and twelve approved months', () => {
  const pk = approvedPk();
  const table = computeKinerja(pk, yearOfReports(pk));
  const rows = table.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => ({ program: p.name, kegiatan: k.name, ...i }))));
  const expected = fixture.programs.flatMap((p) => p.kegiatan.flatMap((k) => (k.indikator as FixtureIndicator[]).map((i) => ({ program: p.name, kegiatan: k.name, ...i }))));

  it('given the year, then 18 indicators in the order of the report', () => {
    expect(rows.map((r) => r.code)).toEqual(expected.map((e) => e.code));
  });

  it('given the year, then program, kegiatan, name, target, unit and realisasi reproduce the reference', () => {
    expect(rows.map((r) => [r.program, r.kegiatan, r.name, r.targetText, r.unit, r.realisasi])).toEqual(
      expected.map((e) => [e.program, e.kegiatan, e.name, String(e.target), e.unit, String(e.realisasi)]),
    );
  });

  it('given the year, then 18 × 100.00 "Berhasil"', () => {
    expect(rows.map((r) => [r.capaian, r.category])).toEqual(expected.map((e) => [e.capaian.toFixed(2), 'Berhasil']));
    expect(rows.every((r) => r.capaian === '100.00' && r.category === 'Berhasil')).toBe(true);
  });

  it('given the year, then every average is 100.00 Berhasil and absorption is not available (no pagu)', () => {
    expect(table.office).toMatchObject({ capaianAverage: '100.00', category: 'Berhasil', measuredCount: 18, indicatorCount: 18, pagu: null, budgetAbsorption: null });
    expect(table.programs.map((p) => p.capaianAverage)).toEqual(['100.00', '100.00']);
    expect(table.programs.flatMap((p) => p.kegiatan.map((k) => [k.no, k.capaianAverage]))).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, '100.00']));
  });

  it('given June to date, then the 12-Layanan indicators are on plan (6 of 6) and the yearly ones not yet reached', () => {
    const june = computeKinerja(pk, yearOfReports(pk), { month: 6 });
    const byCode = new Map(june.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators)).map((i) => [i.code, i]));
    expect(byCode.get('K4.1')).toMatchObject({ targetApplied: { kind: 'SINGLE', value: '6' }, realisasi: '6', capaian: '100.00' });
    expect(byCode.get('K1.1')).toMatchObject({ realisasi: '0', capaian: '0.00', category: 'Tidak Berhasil' });
  });
});
