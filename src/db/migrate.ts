import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Plain SQL migrations: every `NNNN_name.sql` file in `migrations/`, applied in name order.
 * A file may have a dialect-specific twin (`NNNN_name.postgres.sql`) that replaces it on that dialect.
 */
export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DatabaseHandle['dialect']) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f));
    const migrations: Record<string, Migration> = {};
    for (const file of files.sort()) {
      const name = file.replace(/\.sql$/, '');
      const twin = path.join(MIGRATIONS_DIR, `${name}.${this.dialect}.sql`);
      const source = await fs.readFile(await exists(twin) ? twin : path.join(MIGRATIONS_DIR, file), 'utf8');
      migrations[name] = {
        up: async (db) => {
          for (const statement of splitStatements(source)) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

/** Splits a migration file into statements: a statement ends with `;` at the end of a line. Comments are dropped. */
export function splitStatements(source: string): string[] {
  const withoutComments = source
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function migrator(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: new SqlFileMigrationProvider(handle.dialect),
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

export class MigrationError extends Error {}

/** Brings the schema up to date; throws naming the migration that failed. Returns the names applied now. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const result: MigrationResultSet = await migrator(handle).migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error ?? 'unknown error');
    throw new MigrationError(`migration ${failed?.migrationName ?? '(none)'} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The name of the newest applied migration, or null on an empty database. One indexed read: health checks call it. */
export async function schemaVersion(handle: DatabaseHandle): Promise<string | null> {
  try {
    const row = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1`.execute(handle.db);
    return row.rows[0]?.name ?? null;
  } catch {
    return null; // no migration table yet
  }
}
