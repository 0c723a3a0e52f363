import type { Config } from '../config.ts';
import { build } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';
import { DEMO_PASSWORD } from '../demo/ilo.ts';

export async function serve(config: Config, opts: { demo: boolean }): Promise<void> {
  const handle = openDatabase(config.databaseUrl);
  const applied = await migrateToLatest(handle);
  const demo = opts.demo ? await seedDemo(handle) : null;
  const app = await build({ db: handle, config });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ host: config.host, port: config.port });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${(app.server.address() as { port: number }).port}`;
  const lines = [
    '',
    `Concerta is running at ${url}`,
    `  database: ${handle.dialect} (${handle.location})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (demo) {
    lines.push(`  demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of demo.accounts) lines.push(`    ${a.email.padEnd(26)} ${a.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
