import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { migrateToLatest, schemaVersion, splitStatements } from '../../src/db/migrate.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

describe.each(testDialects())('database on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(dialect, { migrate: false }); });
  afterAll(async () => { await db.drop(); });

  it('applies every migration once, then none', async () => {
    expect(await schemaVersion(db)).toBeNull();
    const first = await migrateToLatest(db);
    expect(first[0]).toBe('0001_foundation');
    expect(await migrateToLatest(db)).toEqual([]);
    expect(await schemaVersion(db)).toBe(first.at(-1));
  });

  it('enforces foreign keys', async () => {
    await expect(db.db.insertInto('memberships').values({
      municipality_id: 'nope', user_id: 'nobody', role: 'administrator', granted_at: '2026-01-01', granted_by: null,
    }).execute()).rejects.toThrow();
  });

  it('leads every tenant-owned key with municipality_id', async () => {
    // Tenant-owned tables carry municipality_id and it is the first column of their primary key (Citus-ready).
    const tables = dialect === 'sqlite'
      ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(db.db)).rows.map((r) => r.name);
    const platformTables = new Set(['jurisdictions', 'municipalities', 'users', 'sessions', 'audit_log', 'audit_checkpoints', 'schema_migrations', 'schema_migrations_lock', 'sqlite_sequence']);
    const tenantTables = tables.filter((t) => !platformTables.has(t));
    expect(tenantTables.length).toBeGreaterThan(0);
    for (const table of tenantTables) {
      const firstKeyColumn = dialect === 'sqlite'
        ? (await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${table})`.execute(db.db)).rows.find((c) => c.pk === 1)?.name
        : (await sql<{ name: string }>`
            SELECT a.attname AS name FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
            WHERE i.indrelid = ${table}::regclass AND i.indisprimary`.execute(db.db)).rows[0]?.name;
      expect(firstKeyColumn, `primary key of ${table}`).toBe('municipality_id');
    }
  });

  if (dialect === 'sqlite') {
    it('runs SQLite in WAL mode with foreign keys on', () => {
      expect(db.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
    });
  }
});

describe.each(testDialects())('health on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect, { seed: false }); });
  afterAll(async () => { await t.close(); });

  it('answers with the dialect and the schema version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', dialect, schemaVersion: await schemaVersion(t.db) });
  });
});

describe('migration files', () => {
  it('split into statements at line-ending semicolons, comments dropped', () => {
    expect(splitStatements('-- c;\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i ON a (x);\n')).toEqual([
      'CREATE TABLE a (x TEXT)', 'CREATE INDEX i ON a (x)',
    ]);
  });
});
