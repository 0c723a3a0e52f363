import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/app.ts';
import { newId, now } from '../../src/shared/clock.ts';
import { as, TEST_LOG_N, testConfig, type Agent } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { approvedOrganization, auditCount, countRows, createWorld, fixture, get, newProcess, orgPayload, post, registerAgent, url, type World } from './helpers.ts';

interface Job {
  id: string;
  mode: string;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  progress: { stage: string; chars: number; charsParsed: number; total: number | null; parsed: number; validated: number; toWrite: number | null; written: number };
  report: { mode: string; total: number; valid: number; invalid: number; written: number; errors: { line: number; field: string | null; code: string; message: string }[] } | null;
  error: { code: string; message: string; details?: Record<string, unknown> } | null;
}

/** A registration day's sheet of `rows` rows (DNIs from 40,000,000), every row valid unless `ageBand` says otherwise. */
function sheet(rows: number, ageBand = '30-44'): string {
  const lines = ['dni,nombres,sexo,rango_edad,zona,telefono'];
  for (let i = 0; i < rows; i++) lines.push(`${40_000_000 + i},Persona Número ${i},${i % 2 ? 'F' : 'M'},${ageBand},Z0${1 + (i % 3)},9870${String(i).padStart(5, '0')}`);
  return lines.join('\n') + '\n';
}

describe.each(testDialects())('CSV imports as jobs on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await createWorld(dialect); });
  afterAll(async () => { await w.t.close(); });

  function start(who: Agent, processId: string, body: Buffer | string, mode?: string, lang: 'es' | 'en' = 'es') {
    return w.t.app.inject({
      method: 'POST', url: url(processId, `/agents/import-jobs${mode ? `?mode=${mode}` : ''}`),
      headers: { ...as(who, lang), 'content-type': 'text/csv' }, payload: body,
    });
  }

  async function finished(processId: string, jobId: string, lang: 'es' | 'en' = 'es'): Promise<Job> {
    for (;;) {
      const res = await get(w, w.facilitator, url(processId, `/agents/import-jobs/${jobId}`), lang);
      expect(res.statusCode).toBe(200);
      const job = res.json() as Job;
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** A process with what the bad-rows file refers to (as in import.test.ts). */
  async function badRowsProcess(): Promise<string> {
    const p = await newProcess(w);
    await approvedOrganization(w, p, { registryNumber: '11012345' });
    await post(w, w.facilitator, url(p, '/organizations/in-person'), orgPayload(w, { name: 'Club de Madres', registryNumber: '22000001' }));
    await registerAgent(w, p, { dni: '40567890' });
    return p;
  }

  it('answers 202 with the job at once; polled, the job ends with the report the plain import answers', async () => {
    const p = await badRowsProcess();
    const [agents, audit] = [await countRows(w, 'agents'), await auditCount(w)];
    const res = await start(w.facilitator, p, fixture('bad-rows.csv'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ mode: 'dry-run', status: 'running', report: null, error: null, finishedAt: null });
    const job = await finished(p, res.json().id);
    const plain = (await w.t.app.inject({ method: 'POST', url: url(p, '/agents/import'), headers: { ...as(w.facilitator), 'content-type': 'text/csv' }, payload: fixture('bad-rows.csv') })).json();
    expect(job).toMatchObject({ status: 'done', error: null, report: plain });
    expect(job.report).toMatchObject({ total: 15, valid: 3, invalid: 12, written: 0 });
    expect(job.progress).toMatchObject({ stage: 'finished', total: 15, parsed: 15, validated: 15, toWrite: null, written: 0 });
    expect(job.progress.charsParsed).toBe(job.progress.chars);
    expect([await countRows(w, 'agents'), await auditCount(w)]).toEqual([agents, audit]);
  });

  it('keeps the server responsive during a 50,000-row dry run: /api/health answers while the job is half-way', async () => {
    const p = await newProcess(w);
    const base = await w.t.app.listen({ host: '127.0.0.1', port: 0 });
    const headers = as(w.facilitator);
    const started = await fetch(`${base}${url(p, '/agents/import-jobs?mode=dry-run')}`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: sheet(50_000, '30-45') });
    expect(started.status).toBe(202);
    const { id } = await started.json() as Job;
    // Over real sockets, a request is served only when the import hands the event loop back: each round asks for the
    // health, then where the job stands. Without the slices, the job would go from nothing done to finished at once.
    const halfWay = new Set<number>();
    let job: Job;
    for (;;) {
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      job = await (await fetch(`${base}${url(p, `/agents/import-jobs/${id}`)}`, { headers })).json() as Job;
      if (job.status !== 'running') break;
      const done = job.progress.parsed + job.progress.validated;
      if (done > 0 && done < 100_000) halfWay.add(done);
    }
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ total: 50_000, valid: 0, invalid: 50_000 });
    expect(job.report!.errors).toHaveLength(50_000);
    expect(halfWay.size).toBeGreaterThanOrEqual(5);
  });

  it('all-or-nothing as a job: fails with the report of every bad row and writes nothing, durably recorded', async () => {
    const p = await badRowsProcess();
    const [agents, audit] = [await countRows(w, 'agents'), await auditCount(w)];
    const res = await start(w.facilitator, p, fixture('bad-rows.csv'), 'all-or-nothing');
    expect(res.statusCode).toBe(202);
    const job = await finished(p, res.json().id);
    expect(job).toMatchObject({ status: 'failed', report: null, error: { code: 'CSV_INVALID_ROWS', message: 'Filas con errores: 12. No se importó nada.' } });
    expect(job.error!.details!.report).toMatchObject({ mode: 'all-or-nothing', total: 15, invalid: 12, written: 0 });
    expect([await countRows(w, 'agents'), await auditCount(w)]).toEqual([agents, audit]);
    const row = await w.t.db.db.selectFrom('agent_imports').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', mode: 'all-or-nothing', process_id: p, created_by: w.facilitator.userId });
  });

  it('valid-rows as a job: writes the good rows, and its outcome commits with them and outlives the server', async () => {
    const p = await badRowsProcess();
    const res = await start(w.facilitator, p, fixture('bad-rows.csv'), 'valid-rows', 'en');
    const job = await finished(p, res.json().id);
    expect(job).toMatchObject({ status: 'done', report: { mode: 'valid-rows', total: 15, valid: 3, invalid: 12, written: 3 } });
    expect(job.progress).toMatchObject({ stage: 'finished', toWrite: 3, written: 3 });
    const written = await w.t.db.db.selectFrom('agents').select('id').where('process_id', '=', p).where('source', '=', 'import').execute();
    expect(written).toHaveLength(3);
    const entry = await w.t.db.db.selectFrom('audit_log').selectAll().where('scope', '=', w.mId).where('action', '=', 'registration.import').where('entity_id', '=', job.id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data)).toMatchObject({ mode: 'valid-rows', written: 3 });

    // Another server on the same database (a restart) has no job in memory: it reads the outcome from the table.
    const again = await build({ db: w.t.db, config: testConfig(), passwordLogN: TEST_LOG_N, logger: false });
    try {
      const read = await again.inject({ method: 'GET', url: url(p, `/agents/import-jobs/${job.id}`), headers: as(w.facilitator, 'en') });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: job.id, status: 'done', report: job.report, progress: { stage: 'finished', total: 15, written: 3 } });
      // A writing job still marked running that no server runs was cut short before it committed.
      const cut = newId();
      await w.t.db.db.insertInto('agent_imports').values({
        municipality_id: w.mId, id: cut, process_id: p, mode: 'all-or-nothing', status: 'running', file_sha256: '0'.repeat(64), file_bytes: 10,
        outcome: null, created_by: w.facilitator.userId, created_at: now(), finished_at: null,
      }).execute();
      const interrupted = await again.inject({ method: 'GET', url: url(p, `/agents/import-jobs/${cut}`), headers: as(w.facilitator, 'en') });
      expect(interrupted.json()).toMatchObject({ status: 'interrupted', report: null, error: { code: 'IMPORT_INTERRUPTED', message: expect.stringMatching(/before anything was saved/) } });
    } finally {
      await again.close();
    }
  });

  it('a file-level error ends the job with the coded error, in the language of whoever reads it', async () => {
    const p = await newProcess(w);
    const res = await start(w.facilitator, p, fixture('wrong-columns.csv'), 'all-or-nothing');
    const job = await finished(p, res.json().id, 'en');
    expect(job).toMatchObject({ status: 'failed', error: { code: 'CSV_COLUMNS', message: expect.stringMatching(/^Wrong columns\./) } });
    expect(job.error!.details).toMatchObject({ missingColumns: ['nombres', 'rango_edad'] });
    const es = await get(w, w.facilitator, url(p, `/agents/import-jobs/${job.id}`), 'es');
    expect(es.json().error.message).toMatch(/^Columnas incorrectas\./);
  });

  it('refuses a closed process at once, people without the import action, and jobs of another process', async () => {
    const closed = await newProcess(w, { deadlineInDays: -1 });
    const refused = await start(w.facilitator, closed, fixture('good.csv'), 'valid-rows');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('REGISTRATION_CLOSED');
    expect(await w.t.db.db.selectFrom('agent_imports').select('id').where('process_id', '=', closed).execute()).toEqual([]);

    const p = await newProcess(w);
    expect((await start(w.agent, p, fixture('good.csv'))).statusCode).toBe(403);
    const job = (await start(w.facilitator, p, fixture('good.csv'), 'valid-rows')).json() as Job;
    await finished(p, job.id);
    expect((await get(w, w.agent, url(p, `/agents/import-jobs/${job.id}`))).statusCode).toBe(403);
    const other = await newProcess(w);
    const foreign = await get(w, w.facilitator, url(other, `/agents/import-jobs/${job.id}`));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    expect((await get(w, w.facilitator, url(p, `/agents/import-jobs/${newId()}`))).statusCode).toBe(404);
  });
});
