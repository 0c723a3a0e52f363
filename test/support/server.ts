import path from 'node:path';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import type { Dialect } from '../../src/db/database.ts';
import { createTestDatabase } from './db.ts';
import { TEST_LOG_N, testConfig } from './app.ts';

/** A real server on a random local port, fresh SQLite database with the Ilo demo, serving the built web app. */
/** `full: true` loads the whole Ilo demo (processes, registrations, trainings), as `npm start` does. */
export async function startTestServer(opts: { seed?: boolean; full?: boolean; dialect?: Dialect } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const db = await createTestDatabase(opts.dialect ?? 'sqlite');
  if (opts.seed !== false) await seedDemo(db, { passwordLogN: TEST_LOG_N, full: opts.full ?? false });
  const app = await build({
    db, config: testConfig({ webDist: path.resolve('web/dist') }), passwordLogN: TEST_LOG_N, logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: async () => { await app.close(); await db.drop(); } };
}
