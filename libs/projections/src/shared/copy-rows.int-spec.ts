import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { copyNumber, copyText, CopyWriter } from './copy-rows';

// Values that COPY's text format must escape, or that look like its own markers.
const AWKWARD = ['', 'a\tb', 'baris 1\nbaris 2', 'cr\r\nlf', 'C:\\data\\N', '\\N', 'kutip "ganda" dan \'tunggal\'', 'Rp 1.000 → 2.000 ✓', ' spasi '];

describe('CopyWriter: rows through COPY … FROM STDIN', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await db.dataSource.query(`CREATE TABLE copy_probe (id integer PRIMARY KEY, label text, doc jsonb, amount integer)`);
  });

  afterAll(async () => {
    await db?.drop();
  });

  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE copy_probe');
  });

  it('stores every value exactly as given, nulls as NULL, over many flushes', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => ({
      id: i,
      label: i % 7 === 0 ? null : AWKWARD[i % AWKWARD.length],
      doc: { note: AWKWARD[(i + 3) % AWKWARD.length], nested: [AWKWARD[i % AWKWARD.length]] },
      amount: i % 5 === 0 ? null : i * 3,
    }));
    await db.dataSource.transaction(async (m) => {
      const copy = await CopyWriter.open(m, 'copy_probe', ['id', 'label', 'doc', 'amount']);
      for (const r of rows) {
        copy.line(`${r.id}\t${copyText(r.label)}\t${copyText(JSON.stringify(r.doc))}\t${copyNumber(r.amount)}\n`);
        if (copy.full) await copy.flush();
      }
      expect(await copy.end()).toBe(rows.length);
    });
    const stored = await db.dataSource.query('SELECT id, label, doc, amount FROM copy_probe ORDER BY id');
    expect(stored).toEqual(rows);
  });

  it('rejects (and the transaction rolls back) when the server refuses a row', async () => {
    const attempt = db.dataSource.transaction(async (m) => {
      const copy = await CopyWriter.open(m, 'copy_probe', ['id', 'label', 'doc', 'amount']);
      copy.line('1\tpertama\t{}\t1\n');
      copy.line('1\tkunci sama\t{}\t2\n');
      await copy.end();
    });
    await expect(attempt).rejects.toThrow(/duplicate key/);
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM copy_probe')).toEqual([{ n: 0 }]);
    // The pool's connection is usable again after the failed COPY.
    expect(await db.dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
