import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { createTestDatabase, testDialects } from '../support/db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { iloDefaultRules } from '../../src/processes/process-rules.ts';

const calendar = [
  { phase: 'preparation', startsOn: '2026-02-02', endsOn: '2026-03-13' },
  { phase: 'concertation', startsOn: '2026-03-16', endsOn: '2026-05-15' },
  { phase: 'coordination', startsOn: '2026-05-18', endsOn: '2026-06-05' },
  { phase: 'formalization', startsOn: '2026-06-08', endsOn: '2026-06-30' },
  { phase: 'execution', startsOn: '2027-01-01', endsOn: '2027-12-31' },
];

function body(fiscalYear: number, rules: Record<string, unknown>) {
  return { name: `Presupuesto Participativo ${fiscalYear}`, fiscalYear, envelopeCents: 42_000_000, investmentBudgetCents: 280_000_000, calendar, rules };
}

describe.each(testDialects())('ballot kinds and outcome rules under the voting rules names, on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
  });
  afterAll(async () => { await t.close(); });
  const url = '/api/municipalities/ilo/processes';

  it('takes `single` and refuses the old `single_choice`, naming the field', async () => {
    const old = await t.app.inject({ method: 'POST', url, headers: as(admin, 'en'), payload: body(2040, { ...iloDefaultRules('2026-03-06'), ballotKind: 'single_choice' }) });
    expect(old.statusCode).toBe(400);
    expect(old.json().error).toMatchObject({ code: 'VALIDATION', field: 'rules.ballotKind' });
    const ok = await t.app.inject({ method: 'POST', url, headers: as(admin), payload: body(2040, iloDefaultRules('2026-03-06')) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().rules).toMatchObject({ ballotKind: 'single', outcomeRule: 'greedy', threshold: null });
  });

  it('asks for a threshold with greedy-threshold, and only with it', async () => {
    const rules = iloDefaultRules('2026-03-06');
    const missing = await t.app.inject({ method: 'POST', url, headers: as(admin, 'es'), payload: body(2041, { ...rules, outcomeRule: 'greedy-threshold', threshold: null }) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION', field: 'rules.threshold' });
    expect(missing.json().error.message).toContain('mínimo de votos');
    const stray = await t.app.inject({ method: 'POST', url, headers: as(admin), payload: body(2041, { ...rules, threshold: 30 }) });
    expect(stray.json().error).toMatchObject({ code: 'VALIDATION', field: 'rules.threshold' });
    const ok = await t.app.inject({ method: 'POST', url, headers: as(admin), payload: body(2041, { ...rules, outcomeRule: 'greedy-threshold', threshold: 30 }) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().rules).toMatchObject({ outcomeRule: 'greedy-threshold', threshold: 30 });
  });
});

describe.each(testDialects())('migration 0006 on %s', (dialect) => {
  it('renames a stored single_choice ballot to single and leaves the rest of the rules as they were', async () => {
    const db = await createTestDatabase(dialect, { migrate: false });
    try {
      // Bring the schema to 0005 by applying everything, then put back an old row and apply 0006 again by hand.
      await migrateToLatest(db);
      const old = JSON.stringify({ ...iloDefaultRules('2026-03-06'), ballotKind: 'single_choice', threshold: undefined });
      await sql`INSERT INTO jurisdictions (id, parent_id, level, name, ubigeo) VALUES ('j', NULL, 'region', 'Moquegua', '18')`.execute(db.db);
      await sql`INSERT INTO municipalities (id, jurisdiction_id, slug, name, kind, created_at) VALUES ('m', 'j', 'ilo', 'Ilo', 'provincial', '2026-01-01')`.execute(db.db);
      await sql`INSERT INTO processes (municipality_id, id, fiscal_year, name, phase, envelope_cents, investment_budget_cents, rules, copied_from_id, created_at, created_by)
        VALUES ('m', 'p', 2027, 'PP 2027', 'preparation', 1, 2, ${old}, NULL, '2026-01-01', NULL)`.execute(db.db);
      const { readFileSync } = await import('node:fs');
      const statement = readFileSync(new URL('../../src/processes/migrations/0006_pb_rules_names.sql', import.meta.url), 'utf8')
        .split('\n').filter((l) => !l.startsWith('--')).join('\n');
      await sql.raw(statement).execute(db.db);
      const row = await sql<{ rules: string }>`SELECT rules FROM processes WHERE id = 'p'`.execute(db.db);
      expect(JSON.parse(row.rows[0]!.rules)).toEqual({ ...JSON.parse(old), ballotKind: 'single' });
    } finally { await db.drop(); }
  });
});
