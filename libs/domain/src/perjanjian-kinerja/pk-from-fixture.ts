import type { PkIndicator, PkStructure } from './pk-structure.types';

/** The parts of data/pk-kpu-jember-2024.json the PK is made of (the LKj transcription format). */
export interface PkFixture {
  satker: { code: string; name: string; timezone: string; subbagian: { code: string; name: string }[] };
  year: number;
  programs: {
    code: string;
    name: string;
    kegiatan: {
      code: string;
      name: string;
      pic: string;
      pagu?: number | string | null;
      indikator: { code: string; name: string; sasaranRkt?: string; target: number | string; unit: string; realisasi?: number | string }[];
    }[];
  }[];
}

/** The payload of a DraftPk command (satker, year, structure, subbagianCodes). */
export interface PkDraftPayload {
  satker: string;
  year: number;
  structure: PkStructure;
  subbagianCodes: string[];
}

/**
 * Maps the transcribed PK to a DraftPk payload. The report only knows counts achieved over the
 * year, so every indicator is higher-is-better and SUM; a target of 12 is "one each month" (12
 * Layanan), so it gets a rencana aksi of 1 per month; other targets have no plan. Pagu is not in
 * the report: null, and absorption is then "not available". The PIC is the kegiatan's.
 */
export function pkFromFixture(fixture: PkFixture, options: { evidenceRequired?: boolean } = {}): PkDraftPayload {
  const structure: PkStructure = {
    programs: fixture.programs.map((program) => ({
      code: program.code,
      name: program.name,
      kegiatan: program.kegiatan.map((kegiatan) => ({
        code: kegiatan.code,
        name: kegiatan.name,
        pagu: kegiatan.pagu === undefined || kegiatan.pagu === null ? null : String(kegiatan.pagu),
        indicators: kegiatan.indikator.map((ind): PkIndicator => {
          const target = String(ind.target);
          return {
            code: ind.code,
            name: ind.name,
            unit: ind.unit,
            target: { kind: 'SINGLE', value: target },
            polarity: 'HIGHER_IS_BETTER',
            lowerIsBetterFormula: 'INVERSE_DIFFERENCE',
            aggregation: 'SUM',
            monthlyPlan: target === '12' ? Array.from({ length: 12 }, () => '1') : null,
            evidenceRequired: options.evidenceRequired ?? false,
            picSubbagian: kegiatan.pic,
            sasaran: ind.sasaranRkt ?? null,
          };
        }),
      })),
    })),
  };
  return { satker: fixture.satker.code, year: fixture.year, structure, subbagianCodes: fixture.satker.subbagian.map((s) => s.code) };
}
