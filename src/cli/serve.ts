import type { Config } from '../config.ts';
import { build } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../seed.ts';
import { DEMO_PASSWORD } from '../demo/ilo.ts';
import { LogAdapter } from '../communication/adapters.ts';
import { dispatchPending } from '../communication/dispatcher.ts';

export async function serve(config: Config, opts: { demo: boolean; dev?: boolean }): Promise<void> {
  const handle = openDatabase(config.databaseUrl);
  const applied = await migrateToLatest(handle);
  const demo = opts.demo ? await seedDemo(handle, { full: true }) : null;
  const app = await build({ db: handle, config });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  // Deliver the notification outbox every few seconds; the default adapter writes to the log (and the table keeps all).
  const adapter = new LogAdapter(app.log);
  const outbox = setInterval(() => {
    dispatchPending(handle.db, adapter).catch((err: unknown) => app.log.error({ err }, 'notification dispatch failed'));
  }, 10_000);
  outbox.unref();
  // Development: Vite serves the web app from its sources with hot reload and proxies /api here (web/vite.config.ts).
  const vite = opts.dev ? await (await import('vite')).createServer({ configFile: 'web/vite.config.ts' }) : null;
  const shutdown = async () => {
    clearInterval(outbox);
    await vite?.close();
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
  if (vite) {
    await vite.listen();
    lines.push(`  web app (Vite dev server, hot reload): ${vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}`);
  }
  if (demo) {
    lines.push(`  demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of demo.accounts) lines.push(`    ${a.email.padEnd(26)} ${a.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
