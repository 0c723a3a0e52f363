import type { Config } from '../config.ts';
import { build } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../seed.ts';
import { DEMO_PASSWORD } from '../demo/ilo.ts';
import { LogAdapter } from '../communication/adapters.ts';
import { dispatchPending } from '../communication/dispatcher.ts';
import { loadAuditKey } from '../audit/audit-signing.ts';
import { writeCheckpoints } from '../audit/audit-checkpoints.ts';
import { describeBreak } from '../audit/audit-log.ts';

export async function serve(config: Config, opts: { demo: boolean; dev?: boolean }): Promise<void> {
  // The key that signs the audit checkpoints: AUDIT_SIGNING_KEY, else the key file, created now on first start.
  const auditKey = loadAuditKey(config, { create: true });
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
  // Sign each audit chain's head when it moved: now, then hourly (so at least daily while the server runs).
  const checkpoint = () => writeCheckpoints(handle.db, auditKey).then((run) => {
    if (run.written.length) app.log.info({ chains: run.written.length, keyId: auditKey.id }, 'audit checkpoints signed');
    for (const b of run.refused) app.log.error({ scope: b.scope, seq: b.seq, problem: b.problem }, `audit chain not signed: ${describeBreak(b)}`);
  }).catch((err: unknown) => app.log.error({ err }, 'audit checkpoint failed'));
  await checkpoint();
  const checkpoints = setInterval(() => { void checkpoint(); }, 60 * 60 * 1000);
  checkpoints.unref();
  // Development: Vite serves the web app from its sources with hot reload and proxies /api here (web/vite.config.ts).
  const vite = opts.dev ? await (await import('vite')).createServer({ configFile: 'web/vite.config.ts' }) : null;
  const shutdown = async () => {
    clearInterval(outbox);
    clearInterval(checkpoints);
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
    `  audit checkpoints signed with key ${auditKey.id}${config.auditSigningKey ? ' (AUDIT_SIGNING_KEY)' : ` (${config.auditKeyFile})`}`,
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
