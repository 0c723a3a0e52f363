import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * Every data-access test runs against every database Concerta ships: SQLite always, PostgreSQL when DATABASE_URL
 * is a postgres URL. Under CI a missing PostgreSQL is a failure, not a skip.
 */
export function testDialects(): Dialect[] {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error('CI is set but DATABASE_URL is not a postgres:// URL: the PostgreSQL tests cannot run');
  return ['sqlite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

/** A fresh, empty, migrated database of the given dialect, private to the caller. */
export async function createTestDatabase(dialect: Dialect, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `concerta_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concerta-'));
    handle = openDatabase(path.join(dir, `${name}.sqlite`));
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const adminUrl = process.env.DATABASE_URL!;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle = openDatabase(url.toString());
    cleanup = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        // The pool has been ended, but its sockets may take a moment to close: wait for them rather than kill them,
        // since a killed idle connection surfaces as an uncaught error in the process that owned it.
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    };
  }
  if (opts.migrate !== false) await migrateToLatest(handle);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await cleanup();
    },
  };
}
