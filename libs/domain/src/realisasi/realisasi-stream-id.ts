/** `realisasi:<satker>:<year>:<MM>:<subbagian>`, the month zero-padded so streams sort. */
export function realisasiStreamId(satker: string, year: number, month: number, subbagian: string): string {
  return `realisasi:${satker}:${year}:${String(month).padStart(2, '0')}:${subbagian}`;
}
