import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.ts';

/** The src folder, found from this module whether it runs from the sources or from the compiled bundle (dist/server). */
function sourceFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'db', 'migrations'))) return dir;
    if (existsSync(path.join(dir, 'src', 'db', 'migrations'))) return path.join(dir, 'src');
    const up = path.dirname(dir);
    if (up === dir) throw new Error('src/db/migrations not found');
    dir = up;
  }
}

const SRC_DIR = sourceFolder();

/** Every `migrations/` folder of src: the shared history in `db/migrations`, and each area's own. */
async function migrationFolders(): Promise<string[]> {
  const entries = await fs.readdir(SRC_DIR, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => path.join(SRC_DIR, e.name, 'migrations'));
  return (await Promise.all(folders.map(async (f) => (await exists(f) ? f : null)))).filter((f): f is string => f !== null);
}

/**
 * Plain SQL migrations: every `NNNN_name.sql` file in a `migrations/` folder of src (db/ or an area's own), applied
 * in name order across all folders, so the number says when it comes. A file may have a dialect-specific twin
 * (`NNNN_name.postgres.sql`) beside it that replaces it on that dialect. Two files with one name is an error.
 */
export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DatabaseHandle['dialect']) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const found: { name: string; folder: string }[] = [];
    for (const folder of await migrationFolders()) {
      for (const file of await fs.readdir(folder)) {
        if (/^\d{4}_[\w-]+\.sql$/.test(file)) found.push({ name: file.replace(/\.sql$/, ''), folder });
      }
    }
    const migrations: Record<string, Migration> = {};
    for (const { name, folder } of found.sort((a, b) => a.name.localeCompare(b.name))) {
      if (migrations[name]) throw new Error(`migration ${name} exists twice`);
      const twin = path.join(folder, `${name}.${this.dialect}.sql`);
      const source = await fs.readFile(await exists(twin) ? twin : path.join(folder, `${name}.sql`), 'utf8');
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
