import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('test database support', () => {
  let db: TestDatabase;
  afterAll(() => db?.drop());

  it('gives each test file a fresh, migrated database of its own', async () => {
    db = await createTestDatabase();
    expect(db.name).toMatch(/^kinerja_test_[0-9a-f]{12}$/);
    const [row] = await db.dataSource.query('SELECT current_database() AS name');
    expect(row.name).toBe(db.name);
  });
});
