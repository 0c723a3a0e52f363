import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database.ts';

/** SQLite's online backup copies a consistent snapshot while the server keeps writing. */
export async function backup(databaseUrl: string, file: string): Promise<number> {
  const handle = openDatabase(databaseUrl);
  try {
    if (!handle.sqlite) {
      process.stdout.write(
        'PostgreSQL is backed up with its own tools, e.g.:\n' +
        `  pg_dump --format=custom --file=${JSON.stringify(file)} "${handle.location}"\n` +
        'and restored with pg_restore --clean --dbname=<url> <file>.\n',
      );
      return 3;
    }
    const target = path.resolve(file);
    if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const { totalPages } = await handle.sqlite.backup(target);
    process.stdout.write(`backup written: ${target} (${totalPages} pages)\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
