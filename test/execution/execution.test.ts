import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { municipalityId, rowCounts } from '../support/fixtures.ts';
import { SAMPLES, multipartBody } from '../files/multipart.ts';
import { accountWithRole } from '../training/registrations.ts';
import { votedList } from '../../src/voting/voting.queries.ts';
import { addDays, localDate } from '../../src/shared/clock.ts';
import type { FixtureProject } from '../coordination/projects.ts';
import { executionFixture } from './fixture.ts';

const TABLES = ['execution_projects', 'execution_budget_lines', 'execution_milestones', 'execution_documents', 'execution_reports'] as const;
const SAMPLE = readFileSync(path.join(import.meta.dirname, 'fixtures/avance-sigma.csv'));

type Line = { code: string; kind: string; budgetedCents: number; executedCents: number; contribution: string };
type Project = {
  id: string; number: number; status: string; physicalPercent: number; financialPercent: number; behindSchedule: boolean; investmentCode: string | null;
  lines: Line[]; milestones: { id: string; overdue: boolean }[]; reports: { kind: string; reason: string | null; fromImport: boolean; changes: Record<string, unknown> }[];
  documents: { url: string; kind: string }[];
};

describe.each(testDialects())('execution on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, facilitator: Agent, citizen: Agent, foreignAdmin: Agent;
  let processId: string, iloId: string;
  let projects: Record<string, FixtureProject>;
  let base: string;
  let funded: string[];
  const ids = new Map<string, string>();

  const send = (method: 'GET' | 'POST' | 'PUT', who: Agent | null, url: string, payload?: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method, url, headers: who ? as(who, lang) : { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const csv = (who: Agent, body: string | Buffer, mode: 'dry-run' | 'all-or-nothing', lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method: 'POST', url: `${base}/import?mode=${mode}`, headers: { ...as(who, lang), 'content-type': 'text/csv' }, payload: body });
  const detail = async (name: string): Promise<Project> => (await send('GET', null, `${base}/projects/${ids.get(name)}`)).json();
  async function unchanged(run: () => Promise<unknown>): Promise<void> {
    const before = await rowCounts(t.db, TABLES);
    await run();
    expect(await rowCounts(t.db, TABLES)).toEqual(before);
  }
  const tracks = async () => (await t.db.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'execution.track').where('scope', '=', iloId).execute()).length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    ({ processId, iloId, projects } = await executionFixture(t.app, t.db, admin, facilitator));
    base = `/api/municipalities/ilo/processes/${processId}/execution`;
    funded = (await votedList(t.db.db, iloId, processId))!.envelopes.flatMap((e) => e.funded.map((p) => p.proposalId));
    await accountWithRole(t.app, t.db, { name: 'Vecina Curiosa', email: 'vecina@correo.pe' });
    citizen = await signIn(t.app, 'vecina@correo.pe', 'una-clave-larga');
    await accountWithRole(t.app, t.db, { name: 'Admin de Pacocha', email: 'admin-pacocha@correo.pe', role: 'administrator', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignAdmin = await signIn(t.app, 'admin-pacocha@correo.pe', 'una-clave-larga');
  });
  afterAll(async () => { await t.close(); });

  it('tracks nothing before Execution, and refuses reports then', async () => {
    await t.db.db.updateTable('processes').set({ phase: 'formalization' }).where('id', '=', processId).execute();
    const list = await send('GET', null, base);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ tracking: false, total: 0, projects: [] });
    await unchanged(async () => {
      const res = await send('POST', admin, `${base}/projects/any/reports`, { reportedOn: localDate(), physicalPercent: 10 }, 'en');
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'EXECUTION_NOT_OPEN']);
    });
    expect(await tracks()).toBe(0);
    await t.db.db.updateTable('processes').set({ phase: 'execution' }).where('id', '=', processId).execute();
  });

  it('makes every funded project a tracked project by itself, exactly once under two simultaneous first reads', async () => {
    expect(funded.length).toBeGreaterThanOrEqual(2);
    expect(funded).toContain(projects.pistas!.id);
    const [a, b] = await Promise.all([send('GET', null, base), send('GET', null, `${base}?lang=en`)]);
    expect([a.statusCode, b.statusCode], a.body + b.body).toEqual([200, 200]);
    const rows = await t.db.db.selectFrom('execution_projects').select(['id', 'proposal_id']).where('process_id', '=', processId).execute();
    expect(rows.map((r) => r.proposal_id).sort()).toEqual([...funded].sort());
    expect(await tracks()).toBe(funded.length);
    expect(a.json()).toMatchObject({ tracking: true, total: funded.length, counts: { in_design: funded.length, completed: 0 } });
    for (const [name, p] of Object.entries(projects)) {
      const row = rows.find((r) => r.proposal_id === p.id);
      if (row) ids.set(name, row.id);
    }
    // A third read finds them all and writes nothing.
    await unchanged(() => send('GET', null, base));
    expect(await tracks()).toBe(funded.length);
    // The alternate and the not viable project are not tracked.
    expect(ids.has('muro')).toBe(false);

    const pistas = await detail('pistas');
    expect(pistas).toMatchObject({ status: 'in_design', physicalPercent: 0, financialPercent: 0, behindSchedule: false });
    expect(pistas.lines).toEqual([
      expect.objectContaining({ code: 'pp', kind: 'participatory_budget', budgetedCents: 140_000_00, executedCents: 0, contribution: 'money' }),
      expect.objectContaining({ code: 'aporte1', kind: 'pledge', budgetedCents: 10_000_00, executedCents: 0, contribution: 'in_kind' }),
    ]);
    expect(pistas.reports.map((r) => r.kind)).toEqual(['track']);
  });

  it('lets no citizen and no other municipality\'s administrator write, and the public read without an account', async () => {
    await unchanged(async () => {
      for (const who of [citizen, foreignAdmin, facilitator]) {
        const res = await send('POST', who, `${base}/projects/${ids.get('pistas')}/reports`, { reportedOn: localDate(), physicalPercent: 10 });
        expect(res.statusCode).toBe(403);
        expect((await send('POST', who, `${base}/projects/${ids.get('pistas')}/milestones`, { name: 'Inicio de obra', plannedOn: localDate() })).statusCode).toBe(403);
        expect((await csv(who, SAMPLE, 'dry-run')).statusCode).toBe(403);
      }
      const anonymous = await send('POST', null, `${base}/projects/${ids.get('pistas')}/reports`, { reportedOn: localDate(), physicalPercent: 10 });
      expect(anonymous.statusCode).toBe(401);
    });
    expect((await send('GET', null, `${base}/projects/${ids.get('pistas')}`)).statusCode).toBe(200);
    expect((await send('GET', null, `/api/municipalities/pacocha/processes/${processId}/execution`)).statusCode).toBe(404);
  });

  it('reports progress: status by the transition table, physical %, executed per source (a warning above budget), kept in the history and audited', async () => {
    const url = `${base}/projects/${ids.get('pistas')}/reports`;
    const res = await send('POST', admin, url, {
      reportedOn: localDate(), status: 'in_execution', physicalPercent: 25.5, executed: [{ code: 'pp', executedCents: 35_000_00 }], reason: 'Valorización N.° 1',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toEqual([]);
    expect(res.json().project).toMatchObject({ status: 'in_execution', physicalPercent: 25.5, executedCents: 35_000_00, financialPercent: 23.3 });
    const audit = await t.db.db.selectFrom('audit_log').select(['actor_id', 'reason', 'data']).where('action', '=', 'execution.report').where('entity_id', '=', ids.get('pistas')!).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.userId, reason: 'Valorización N.° 1' });
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ changes: { status: { from: 'in_design', to: 'in_execution' }, physicalPercent: { from: 0, to: 25.5 }, executed: [{ code: 'pp', fromCents: 0, toCents: 35_000_00 }] } });

    const over = await send('POST', admin, url, { reportedOn: localDate(), executed: [{ code: 'aporte1', executedCents: 12_000_00 }] }, 'en');
    expect(over.statusCode, over.body).toBe(201);
    expect(over.json().warnings).toEqual(['What was executed of source aporte1 (S/ 12,000.00) exceeds its budget (S/ 10,000.00).']);

    await unchanged(async () => {
      const back = await send('POST', admin, url, { reportedOn: localDate(), status: 'tendering' }, 'en');
      expect([back.statusCode, back.json().error.code, back.json().error.message]).toEqual([409, 'EXECUTION_TRANSITION', `Project no. ${projects.pistas!.number} cannot go from "in execution" to "tendering".`]);
      const cancel = await send('POST', admin, url, { reportedOn: localDate(), status: 'cancelled' });
      expect([cancel.statusCode, cancel.json().error.code, cancel.json().error.field]).toEqual([400, 'EXECUTION_REASON_REQUIRED', 'reason']);
      const suspend = await send('POST', admin, url, { reportedOn: localDate(), status: 'suspended', reason: '  ' });
      expect(suspend.json().error.code).toBe('EXECUTION_REASON_REQUIRED');
      const negative = await send('POST', admin, url, { reportedOn: localDate(), executed: [{ code: 'pp', executedCents: -1 }] });
      expect([negative.statusCode, negative.json().error.code, negative.json().error.field]).toEqual([400, 'EXECUTION_AMOUNT_NEGATIVE', 'executed']);
      const unknown = await send('POST', admin, url, { reportedOn: localDate(), executed: [{ code: 'convenio1', executedCents: 1 }] });
      expect(unknown.json().error.code).toBe('EXECUTION_UNKNOWN_SOURCE');
      const range = await send('POST', admin, url, { reportedOn: localDate(), physicalPercent: 100.05 });
      expect([range.statusCode, range.json().error.code]).toEqual([400, 'EXECUTION_PHYSICAL_RANGE']);
      const later = await send('POST', admin, url, { reportedOn: addDays(localDate(), 2), physicalPercent: 30 });
      expect([later.statusCode, later.json().error.code, later.json().error.field]).toEqual([400, 'EXECUTION_REPORTED_LATER', 'reportedOn']);
      const same = await send('POST', admin, url, { reportedOn: localDate(), physicalPercent: 25.5 });
      expect(same.json().error.code).toBe('EXECUTION_NOTHING_CHANGES');
    });

    const done = await send('POST', admin, url, { reportedOn: localDate(), status: 'completed', physicalPercent: 100 });
    expect(done.statusCode, done.body).toBe(201);
    await unchanged(async () => {
      const reopen = await send('POST', admin, url, { reportedOn: localDate(), status: 'in_execution', reason: 'se reabre la obra' });
      expect([reopen.statusCode, reopen.json().error.code]).toEqual([409, 'EXECUTION_STATUS_FINAL']);
    });
    const p = await detail('pistas');
    expect(p.reports.map((r) => r.kind)).toEqual(['progress', 'progress', 'progress', 'track']);

  });

  it('gives an investment code to one project of the process only', async () => {
    const first = await send('POST', admin, `${base}/projects/${ids.get('pistas')}/reports`, { reportedOn: localDate(), investmentCode: '2456789' });
    expect(first.statusCode, first.body).toBe(201);
    await unchanged(async () => {
      const taken = await send('POST', admin, `${base}/projects/${ids.get('aulas')}/reports`, { reportedOn: localDate(), investmentCode: '2456789' }, 'en');
      expect([taken.statusCode, taken.json().error.code, taken.json().error.field, taken.json().error.message])
        .toEqual([409, 'EXECUTION_INVESTMENT_CODE_TAKEN', 'investmentCode', `Investment code 2456789 already belongs to project no. ${projects.pistas!.number} of this process.`]);
    });
  });

  it('flags a project behind schedule while a milestone is past its planned date without an actual date', async () => {
    const name = 'aulas';
    const url = `${base}/projects/${ids.get(name)}/milestones`;
    const added = await send('POST', admin, url, { name: 'Expediente técnico aprobado', plannedOn: addDays(localDate(), -3) });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ behindSchedule: true, milestones: [{ overdue: true, actualOn: null }] });
    const list = (await send('GET', null, `${base}?status=in_design`)).json();
    expect(list.projects.find((p: { id: string }) => p.id === ids.get(name))).toMatchObject({ behindSchedule: true });
    const milestoneId = added.json().milestones[0].id;
    const noReason = await send('PUT', admin, `${url}/${milestoneId}`, { name: 'Expediente técnico aprobado', plannedOn: addDays(localDate(), -3), actualOn: localDate() });
    expect(noReason.statusCode).toBe(400);
    const reached = await send('PUT', admin, `${url}/${milestoneId}`, { name: 'Expediente técnico aprobado', plannedOn: addDays(localDate(), -3), actualOn: localDate(), reason: 'Resolución de aprobación del expediente' });
    expect(reached.statusCode, reached.body).toBe(200);
    expect(reached.json()).toMatchObject({ behindSchedule: false, milestones: [{ overdue: false, actualOn: localDate() }] });
    const later = await send('POST', admin, url, { name: 'Inicio de obra', plannedOn: localDate(), actualOn: addDays(localDate(), 1) });
    expect([later.statusCode, later.json().error.code]).toEqual([400, 'EXECUTION_ACTUAL_LATER']);

    // Cancelling says why, the reason is shown, and a cancelled project is not behind schedule.
    await send('POST', admin, url, { name: 'Inicio de obra', plannedOn: addDays(localDate(), -1) });
    expect((await send('GET', null, `${base}/projects/${ids.get(name)}`)).json().behindSchedule).toBe(true);
    const cancelled = await send('POST', admin, `${base}/projects/${ids.get(name)}/reports`, { reportedOn: localDate(), status: 'cancelled', reason: 'El terreno no se pudo sanear' });
    expect(cancelled.json().project).toMatchObject({ status: 'cancelled', statusReason: 'El terreno no se pudo sanear', behindSchedule: false });
    const final = await send('POST', admin, `${base}/projects/${ids.get(name)}/reports`, { reportedOn: localDate(), status: 'in_design' });
    expect(final.json().error.code).toBe('EXECUTION_STATUS_FINAL');
  });

  it('shows photos and documents to the public once attached', async () => {
    const up = multipartBody([{ name: 'file', filename: 'obra.png', content: SAMPLES.png, contentType: 'image/png' }]);
    const file = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', headers: { ...as(admin), ...up.headers }, payload: up.payload });
    expect(file.statusCode, file.body).toBe(201);
    const fileUrl = `/api/municipalities/ilo/files/${file.json().id}`;
    expect((await send('GET', null, fileUrl)).statusCode).toBe(404);
    const url = `${base}/projects/${ids.get('pistas')}/documents`;
    const added = await send('POST', admin, url, { fileId: file.json().id, kind: 'photo', caption: 'Losa deportiva terminada' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().documents).toEqual([expect.objectContaining({ kind: 'photo', caption: 'Losa deportiva terminada', url: fileUrl })]);
    expect((await send('GET', null, fileUrl)).statusCode).toBe(200);
    await unchanged(async () => {
      expect((await send('POST', admin, url, { fileId: file.json().id, kind: 'photo', caption: 'Otra vez' })).json().error.code).toBe('EXECUTION_DOCUMENT_TWICE');
      expect((await send('POST', admin, url, { fileId: 'no-such-file', kind: 'document', caption: 'Informe' })).json().error.code).toBe('UNKNOWN_REFERENCE');
    });
  });

  it('filters by status and zone and pages on the server', async () => {
    const all = (await send('GET', null, base)).json();
    expect(all.counts).toMatchObject({ completed: 1, cancelled: 1 });
    const completed = (await send('GET', null, `${base}?status=completed`)).json();
    expect(completed.projects.map((p: { id: string }) => p.id)).toEqual([ids.get('pistas')]);
    const zone = all.zones[0].id;
    const inZone = (await send('GET', null, `${base}?zoneId=${zone}`)).json();
    expect(inZone.projects.every((p: { zoneId: string }) => p.zoneId === zone)).toBe(true);
    expect((await send('GET', null, `${base}?zoneId=nowhere`)).json()).toMatchObject({ total: 0, projects: [] });
    const first = (await send('GET', null, `${base}?pageSize=1`)).json();
    const second = (await send('GET', null, `${base}?pageSize=1&page=2`)).json();
    expect([first.projects.length, second.projects.length, first.total]).toEqual([1, 1, all.total]);
    expect(first.projects[0].id).not.toBe(second.projects[0].id);
  });
});
