// Shared givens for the realisasi specs (KUL's January 2024 report under the builders' PK).
import { aPkInForce, kasubbagKul, sekretaris } from '../../testing/builders';
import type { RealisasiEvent } from './realisasi.events';
import type { RealisasiContext } from './realisasi.commands';
import type { RealisasiContent, RealisasiKey, RealisasiLine } from './realisasi.types';

export const key: RealisasiKey = { satker: 'kpu-kab-jember', year: 2024, month: 1, subbagian: 'KUL' };
export const context: RealisasiContext = { pkInForce: aPkInForce(), timezone: 'Asia/Jakarta' };
/** 1 February 2024, 09:00 in Jakarta: January has ended. */
export const FEB_1 = '2024-02-01T02:00:00.000Z';
export const FEB_3 = '2024-02-03T02:00:00.000Z';
export const FEB_5 = '2024-02-05T02:00:00.000Z';

export const evidence = { sha256: 'a'.repeat(64), fileName: 'sp2d-januari.pdf', contentType: 'application/pdf', size: 2048 };

export function line(indicatorCode: string, value: string | null, overrides: Partial<RealisasiLine> = {}): RealisasiLine {
  return { indicatorCode, value, narrative: 'Terlaksana', kendala: '', solusi: '', evidence: [], ...overrides };
}

export const content: RealisasiContent = {
  lines: [line('K1.1', '1'), line('K1.2', null)],
  budget: [{ kegiatanCode: 'K1', spent: '83333.33' }],
};

export const saved: RealisasiEvent = {
  type: 'RealisasiDraftSaved',
  data: { key, revision: 0, pkVersion: 1, lines: content.lines, budget: content.budget, savedBy: kasubbagKul.userId, savedAt: FEB_1 },
};
export const submitted: RealisasiEvent = { type: 'RealisasiSubmitted', data: { revision: 0, resubmission: false, submittedBy: kasubbagKul.userId, submittedAt: FEB_1 } };
export const approved: RealisasiEvent = { type: 'RealisasiApproved', data: { revision: 0, approvedBy: sekretaris.userId, approvedAt: FEB_3 } };
export const returned: RealisasiEvent = { type: 'RealisasiReturned', data: { revision: 0, reason: 'Lampirkan SP2D', returnedBy: sekretaris.userId, returnedAt: FEB_3 } };
