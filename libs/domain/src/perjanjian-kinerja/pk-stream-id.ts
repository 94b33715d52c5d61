/** One stream per office and year: `pk:<satker>:<year>`. */
export function pkStreamId(satker: string, year: number): string {
  return `pk:${satker}:${year}`;
}
