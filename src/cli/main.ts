/**
 * The `concerta` command. Each command loads its modules only when it runs (dynamic imports, kept as
 * separate chunks by the build), so `concerta --help` starts without the server, the database drivers or
 * the voting rules.
 */
import { Command, CommanderError } from 'commander';
import { outcomeCommand } from '@concerta/pb-rules/cli';

const config = async () => (await import('../config.ts')).loadConfig();
const database = async () => {
  const [{ openDatabase }, { migrateToLatest }] = await Promise.all([import('../db/database.ts'), import('../db/migrate.ts')]);
  return { openDatabase, migrateToLatest };
};

/** Runs a command body; any failure becomes one clear line on stderr and exit code 1. */
function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void>) {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number' && code !== 0) process.exitCode = code;
    } catch (err) {
      process.stderr.write(`concerta: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  };
}

const program = new Command('concerta')
  .description('Concerta: participatory budgeting for municipalities')
  .showHelpAfterError()
  .exitOverride();

program.command('serve')
  .description('migrate, load the Ilo demo on first start, and serve the API and web app')
  .option('--no-demo', 'do not load the demo data on an empty database')
  .option('--dev', 'also start the web app\'s Vite dev server (hot reload), which sends /api to this server')
  .action(action(async (opts: { demo: boolean; dev?: boolean }) => {
    const { serve } = await import('./serve.ts');
    await serve(await config(), { demo: opts.demo, dev: opts.dev === true });
  }));

program.command('migrate')
  .description('bring the database schema up to date')
  .action(action(async () => {
    const { openDatabase, migrateToLatest } = await database();
    const handle = openDatabase((await config()).databaseUrl);
    try {
      const applied = await migrateToLatest(handle);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema already up to date\n');
    } finally { await handle.close(); }
  }));

program.command('seed')
  .description('load data')
  .requiredOption('--demo', 'the Ilo demo municipality (skipped if already there)')
  .action(action(async () => {
    const { openDatabase, migrateToLatest } = await database();
    const [{ seedDemo }, { DEMO_PASSWORD }] = await Promise.all([import('../seed.ts'), import('../demo/ilo.ts')]);
    const handle = openDatabase((await config()).databaseUrl);
    try {
      await migrateToLatest(handle);
      const result = await seedDemo(handle, { full: true });
      process.stdout.write(result.seeded ? `demo loaded; accounts (password ${DEMO_PASSWORD}):\n${result.accounts.map((a) => `  ${a.email}  ${a.role}`).join('\n')}\n` : 'demo already loaded\n');
    } finally { await handle.close(); }
  }));

const audit = program.command('audit').description('the audit log');
audit.command('verify')
  .description('recompute every hash chain and check it against its signed checkpoints; names each break, exit 2')
  .option('--against <file...>', 'also check a kept copy of published checkpoints (JSON from /api/municipalities/:slug/audit/checkpoints)')
  .action(action(async (opts: { against?: string[] }) => {
    const { openDatabase } = await database();
    const [{ verifyAuditChains, describeBreak }, { loadAuditKey }, { parsePublishedCheckpoints }, fs] = await Promise.all([
      import('../audit/audit-log.ts'), import('../audit/audit-signing.ts'), import('../audit/audit-checkpoints.ts'), import('node:fs/promises'),
    ]);
    const settings = await config();
    const published = (await Promise.all((opts.against ?? []).map(async (file) => parsePublishedCheckpoints(await fs.readFile(file, 'utf8'))))).flat();
    const handle = openDatabase(settings.databaseUrl);
    try {
      const report = await verifyAuditChains(handle.db, { key: loadAuditKey(settings, { create: false }), published });
      if (report.breaks.length === 0) {
        process.stdout.write(`audit log intact: ${report.entries} entries in ${report.scopes} chains, ${report.checkpoints} signed checkpoints agree\n`);
        return 0;
      }
      for (const b of report.breaks) process.stdout.write(`${describeBreak(b)}\n`);
      return 2;
    } finally { await handle.close(); }
  }));
audit.command('checkpoint')
  .description('sign the head of every chain that moved since its last checkpoint (the server does it hourly)')
  .action(action(async () => {
    const { openDatabase, migrateToLatest } = await database();
    const [{ writeCheckpoints }, { loadAuditKey }, { describeBreak }] = await Promise.all([
      import('../audit/audit-checkpoints.ts'), import('../audit/audit-signing.ts'), import('../audit/audit-log.ts'),
    ]);
    const settings = await config();
    const key = loadAuditKey(settings, { create: true });
    const handle = openDatabase(settings.databaseUrl);
    try {
      await migrateToLatest(handle);
      const run = await writeCheckpoints(handle.db, key);
      for (const h of run.written) process.stdout.write(`signed chain ${h.scope} at entry ${h.seq}\n`);
      process.stdout.write(`checkpoints written: ${run.written.length} (key ${key.id})\n`);
      for (const b of run.refused) process.stdout.write(`not signed: ${describeBreak(b)}\n`);
      return run.refused.length ? 2 : 0;
    } finally { await handle.close(); }
  }));

program.command('verify-vote <export>')
  .description("check a closed vote's ballot log (JSON from /api/municipalities/:slug/processes/:processId/vote/ballot-log): chain, head, recount; exit 2 if it fails")
  .option('--receipt <code>', 'also say whether the ballot of this receipt code was recorded and counted (never what it says)')
  .action(action(async (file: string, opts: { receipt?: string }) => {
    const { verifyVote } = await import('./verify-vote.ts');
    return verifyVote(file, opts.receipt, (line) => process.stdout.write(`${line}\n`));
  }));

program.command('backup <file>')
  .description('copy the SQLite database while it runs (PostgreSQL: prints the pg_dump command)')
  .action(action(async (file: string) => {
    const { backup } = await import('./backup.ts');
    return backup((await config()).databaseUrl, file);
  }));

// The outcome of a Pabulib election, from the voting rules package.
program.addCommand(outcomeCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode;
  else throw err;
}
