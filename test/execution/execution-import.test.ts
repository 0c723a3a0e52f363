import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { rowCounts } from '../support/fixtures.ts';
import { localDate, addDays } from '../../src/shared/clock.ts';
import type { FixtureProject } from '../coordination/projects.ts';
import { executionFixture } from './fixture.ts';

const TABLES = ['execution_projects', 'execution_budget_lines', 'execution_milestones', 'execution_documents', 'execution_reports'] as const;
/** The sample export of the budget system (Spanish headers, `;`, dates as DD/MM/AAAA, decimal commas). */
const SAMPLE = readFileSync(path.join(import.meta.dirname, 'fixtures/avance-sigma.csv'));

describe.each(testDialects())('the progress CSV import on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let base: string;
  let projects: Record<string, FixtureProject>;

  const csv = (body: string | Buffer, mode: 'dry-run' | 'all-or-nothing', lang: 'es' | 'en' = 'es', jobs = false) =>
    t.app.inject({ method: 'POST', url: `${base}/${jobs ? 'import-jobs' : 'import'}?mode=${mode}`, headers: { ...as(admin, lang), 'content-type': 'text/csv' }, payload: body });
  const list = async () => (await t.app.inject({ method: 'GET', url: base })).json() as { projects: { number: number; status: string; physicalPercent: number; executedCents: number; investmentCode: string | null }[] };
  async function unchanged(run: () => Promise<unknown>): Promise<void> {
    const before = await rowCounts(t.db, TABLES);
    await run();
    expect(await rowCounts(t.db, TABLES)).toEqual(before);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    const facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    let processId: string;
    ({ processId, projects } = await executionFixture(t.app, t.db, admin, facilitator));
    base = `/api/municipalities/ilo/processes/${processId}/execution`;
    // The sample file names projects 1 and 2 dated 31/07/2027: the fixture's first two proposals, reported as of today.
    expect([projects.pistas!.number, projects.aulas!.number]).toEqual([1, 2]);
    await list();
  });
  afterAll(async () => { await t.close(); });

  it('dry-runs the file: every bad row with its line, column and rule, what the good rows would change, nothing written', async () => {
    const today = localDate();
    const file = [
      'Proyecto,Fecha,Avance físico,Ejecutado_PP,Estado,Motivo',
      `1,${today},40,"50000,5",en ejecución,`,
      `2,${addDays(today, 3)},120,abc,cancelado,`,
      '9,31/02/2027,10,,,',
      `1,${today},45,,,`,
      `,${today},,,,`,
    ].join('\n');
    await unchanged(async () => {
      const res = await csv(file, 'dry-run', 'en');
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ mode: 'dry-run', total: 5, valid: 1, invalid: 4, written: 0, sha256: createHash('sha256').update(file).digest('hex') });
      expect(r.errors.map((e: { line: number; column: string | null; code: string }) => [e.line, e.column, e.code])).toEqual([
        [3, 'avance_fisico', 'EXECUTION_CSV_PERCENT'], [3, 'ejecutado_pp', 'EXECUTION_CSV_AMOUNT'],
        [4, 'proyecto', 'EXECUTION_CSV_UNKNOWN_PROJECT'], [4, 'fecha', 'EXECUTION_CSV_DATE'],
        [5, 'proyecto', 'EXECUTION_CSV_DUPLICATE_PROJECT'],
        [6, 'proyecto', 'EXECUTION_CSV_NO_PROJECT'],
      ]);
      expect(r.errors.find((e: { line: number }) => e.line === 5).message).toBe('Project no. 1 appears twice in the file (already on line 2).');
      expect(r.changes).toEqual([expect.objectContaining({
        line: 2, number: 1, changes: { status: { from: 'in_design', to: 'in_execution' }, physicalPercent: { from: 0, to: 40 }, executed: [{ code: 'pp', fromCents: 0, toCents: 50_000_50 }] },
      })]);
    });
    const res = await csv(file, 'dry-run');
    expect(res.json().errors.find((e: { line: number }) => e.line === 6).message).toBe('La fila no indica el proyecto: escribe su N.° o su código de inversión.');
    // The rules of a report typed by hand hold for each row: the transition table, the reason to cancel, the date.
    const rules = await csv(`proyecto,fecha,estado,motivo\n1,${today},concluido,\n2,${today},cancelado,\n`, 'dry-run', 'en');
    expect(rules.json().errors.map((e: { line: number; column: string; code: string; message: string }) => [e.line, e.column, e.code, e.message])).toEqual([
      [2, 'estado', 'EXECUTION_TRANSITION', 'Project no. 1 cannot go from "in design" to "completed".'],
      [3, 'motivo', 'EXECUTION_REASON_REQUIRED', 'To move project no. 2 to "cancelled", give the reason in the "reason" field (at least 5 characters).'],
    ]);
    const later = await csv(`proyecto,fecha\n1,${addDays(today, 3)}\n`, 'dry-run');
    expect(later.json().errors.map((e: { column: string; code: string }) => [e.column, e.code])).toEqual([['fecha', 'EXECUTION_REPORTED_LATER']]);
  });

  it('refuses a file without its columns, naming what is missing', async () => {
    await unchanged(async () => {
      const noDate = await csv('proyecto,avance_fisico\n1,10\n', 'dry-run');
      expect([noDate.statusCode, noDate.json().error.code, noDate.json().error.details.missingColumns]).toEqual([400, 'CSV_COLUMNS', ['fecha']]);
      const noProject = await csv(`fecha,avance_fisico\n${localDate()},10\n`, 'dry-run');
      expect([noProject.statusCode, noProject.json().error.code]).toEqual([400, 'EXECUTION_CSV_NO_PROJECT_COLUMN']);
      const extra = await csv(`proyecto,fecha,color\n1,${localDate()},azul\n`, 'dry-run');
      expect(extra.json().error.details.unexpectedColumns).toEqual(['color']);
    });
  });

  it('applies all or nothing: one bad row and nothing is written', async () => {
    const today = localDate();
    const file = `proyecto;fecha;avance_fisico;ejecutado_pp\n1;${today};30;1000\n2;${today};300;\n`;
    await unchanged(async () => {
      const res = await csv(file, 'all-or-nothing');
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'EXECUTION_CSV_INVALID_ROWS', details: { count: 1, report: { invalid: 1, written: 0 } } });
    });
    expect((await list()).projects.map((p) => p.physicalPercent)).toEqual([0, 0]);
    expect(await t.db.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'execution.import').execute()).toHaveLength(0);
  });

  it('applies the sample export as a job, showing its progress, audited once with the file hash', async () => {
    // The sample is dated 31/07/2027; a report may not be dated after today.
    const sample = SAMPLE.toString('utf8').replaceAll('31/07/2027', localDate().split('-').reverse().join('/'));
    const started = await csv(sample, 'all-or-nothing', 'es', true);
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json();
    expect(job).toMatchObject({ status: 'running', mode: 'all-or-nothing' });
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await t.app.inject({ method: 'GET', url: `${base}/import-jobs/${job.id}`, headers: as(admin) })).json();
    }
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    expect(job.progress).toMatchObject({ stage: 'finished', total: 2, validated: 2, toWrite: 2, written: 2 });
    expect(job.report).toMatchObject({ total: 2, valid: 2, invalid: 0, written: 2 });
    expect(job.report.changes[0].warnings).toEqual([]);
    const after = (await list()).projects;
    expect(after.map((p) => [p.number, p.status, p.physicalPercent, p.executedCents, p.investmentCode])).toEqual([
      [1, 'in_execution', 35.5, 56_000_00, '2456789'],
      [2, 'tendering', 12, 10_800_50, '2456790'],
    ]);
    const audit = await t.db.db.selectFrom('audit_log').select(['entity_id', 'data', 'actor_id']).where('action', '=', 'execution.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_id: job.id, actor_id: admin.userId });
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ sha256: createHash('sha256').update(sample).digest('hex'), rows: 2, written: 2 });
    const reports = await t.db.db.selectFrom('execution_reports').select(['import_id']).where('kind', '=', 'progress').execute();
    expect(reports.map((r) => r.import_id)).toEqual([job.id, job.id]);

    // The investment code now names the project in a later export.
    const byCode = await csv(`codigo_inversion,fecha,avance_fisico\n2456790,${localDate()},20\n`, 'all-or-nothing');
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect((await list()).projects[1]!.physicalPercent).toBe(20);
  });
});
