import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { sectionOf, textsOf } from '../testing/document-blocks';

const NONE = 'Kendala: Kepala Subbagian penanggung jawab menyatakan tidak ada kendala.';

/** Jember 2024 with K1.1's notes replaced: its kendala `kendala`, and whether a report said "none". */
function section32(kendala: string[], kendalaNoneSaid: boolean) {
  const input = jember2024LkjInput();
  const indicatorNotes = input.indicatorNotes.map((n) => (n.indicatorCode === 'K1.1' ? { ...n, kendala, kendalaNoneSaid } : { ...n, kendala: ['Kendala lain.'], kendalaNoneSaid: false }));
  return textsOf(sectionOf(buildLkjModel({ ...input, indicatorNotes }), 'bab-3-2'));
}

describe('3.2 per indicator: a kendala said to be none is printed as none, not left out', () => {
  it('given a Kasubbag who wrote "Tidak ada" and no other kendala, then the indicator says so', () => {
    expect(section32([], true).filter((t) => t === NONE)).toHaveLength(1);
  });

  it('given kendala recorded, or nothing said at all, then no such sentence', () => {
    expect(section32(['Jaringan terganggu.'], true)).not.toContain(NONE);
    expect(section32([], false)).not.toContain(NONE);
  });
});
