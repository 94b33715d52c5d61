import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkFromFixture, picsOwingByMonth, reportingSubbagian, subbagianOwingByMonth, type PkFixture, type PkStructure } from '@kinerja/domain';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { readApprovedPkPicsOf, readApprovedPkVersionsOf } from './kinerja.read-model';
import { PERF_PK_TABLE } from './current-performance.tables';

const fixture: PkFixture = JSON.parse(readFileSync(join(__dirname, '../../../../data/pk-kpu-jember-2024.json'), 'utf8'));
const JEMBER = pkFromFixture(fixture).structure;

/** The Jember structure with the PIC of every `step`-th indicator handed to `pic`. */
function handedTo(pic: string, step: number): PkStructure {
  let n = 0;
  return {
    ...JEMBER,
    programs: JEMBER.programs.map((program) => ({
      ...program,
      kegiatan: program.kegiatan.map((kegiatan) => ({
        ...kegiatan,
        indicators: kegiatan.indicators.map((indicator) => (n++ % step === 0 ? { ...indicator, picSubbagian: pic } : indicator)),
      })),
    })),
  };
}

describe('The PICs of each approved PK version, read for many offices without their structures (readApprovedPkPicsOf)', () => {
  let db: TestDatabase;
  const amended = handedTo('HUMAS', 3);

  beforeAll(async () => {
    db = await createTestDatabase();
    const rows: Array<[string, number, string, PkStructure, string | null]> = [
      ['kpu-kab-a', 1, 'SUPERSEDED', JEMBER, '2024-01-16T03:00:00.000Z'],
      ['kpu-kab-a', 2, 'APPROVED', amended, '2024-06-30T17:30:00.000Z'],
      // Neither in force yet nor ever: not read.
      ['kpu-kab-a', 3, 'DRAFT', handedTo('ZZZ', 1), null],
      ['kpu-kab-b', 1, 'APPROVED', handedTo('AAA', 2), '2024-02-01T00:00:00.000Z'],
      ['kpu-kab-c', 1, 'DRAFT', JEMBER, null],
    ];
    for (const [satker, version, status, structure, approvedAt] of rows) {
      await db.dataSource.query(
        `INSERT INTO ${PERF_PK_TABLE} (satker, year, version, status, structure, approved_at) VALUES ($1, 2024, $2, $3, $4, $5)`,
        [satker, version, status, JSON.stringify(structure), approvedAt],
      );
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('given versions approved, superseded and in draft, then each one that has been in force comes with reportingSubbagian of its structure', async () => {
    const pics = await readApprovedPkPicsOf(db.dataSource, ['kpu-kab-a', 'kpu-kab-b', 'kpu-kab-c'], 2024);
    expect(Object.fromEntries(pics)).toEqual({
      'kpu-kab-a': [
        { version: 1, approvedAt: '2024-01-16T03:00:00.000Z', pics: reportingSubbagian(JEMBER) },
        { version: 2, approvedAt: '2024-06-30T17:30:00.000Z', pics: reportingSubbagian(amended) },
      ],
      'kpu-kab-b': [{ version: 1, approvedAt: '2024-02-01T00:00:00.000Z', pics: reportingSubbagian(handedTo('AAA', 2)) }],
    });
    // The structures differ where it matters: the amendment added a PIC, and the list is sorted.
    expect(reportingSubbagian(amended)).toContain('HUMAS');
    expect(pics.get('kpu-kab-b')?.[0].pics[0]).toBe('AAA');
  });

  it('given the same offices read whole, then every month is owed by the same subbagian', async () => {
    const satkers = ['kpu-kab-a', 'kpu-kab-b', 'kpu-kab-c'];
    const [pics, whole] = await Promise.all([readApprovedPkPicsOf(db.dataSource, satkers, 2024), readApprovedPkVersionsOf(db.dataSource, satkers, 2024)]);
    for (const satker of satkers) {
      expect(picsOwingByMonth(pics.get(satker) ?? [], 2024, 'Asia/Jakarta')).toEqual(subbagianOwingByMonth(whole.get(satker) ?? [], 2024, 'Asia/Jakarta'));
    }
    expect(picsOwingByMonth(pics.get('kpu-kab-a') ?? [], 2024, 'Asia/Jakarta')[6]).toContain('HUMAS');
  });
});
