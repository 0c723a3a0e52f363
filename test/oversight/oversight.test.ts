import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { municipalityId, rowCounts } from '../support/fixtures.ts';
import { SAMPLES, multipartBody } from '../files/multipart.ts';
import { accountWithRole } from '../training/registrations.ts';
import { pdfText } from '../acta/pdf-text.ts';
import { addDays, localDate } from '../../src/shared/clock.ts';
import { addWorkingDays } from '../../src/oversight/oversight.ts';
import { executionFixture } from '../execution/fixture.ts';

const TABLES = ['oversight_pia', 'oversight_observations', 'oversight_requests', 'oversight_files'] as const;

interface Workspace {
  projects: { id: string; number: number; title: string; agreedCents: number; piaCents: number | null; piaFlag: string; observations: number; status: string }[];
  pia: Record<string, number>;
  observations: { id: string; projectId: string; text: string; authorName: string; photos: { url: string; filename: string }[] }[];
  requests: { id: string; question: string; deadline: string; overdue: boolean; answer: null | { text: string; answeredByName: string; documents: { url: string }[] } }[];
  requestCounts: { total: number; answered: number; pending: number; overdue: number };
  reports: { year: number; half: number; url: string }[];
  earliestDeadline: string;
}

describe.each(testDialects())('oversight on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, facilitator: Agent, member: Agent, citizen: Agent, foreignMember: Agent, foreignAdmin: Agent;
  let processId: string, iloId: string;
  let base: string;
  let projects: Workspace['projects'];

  const send = (method: 'GET' | 'POST' | 'PUT', who: Agent | null, url: string, payload?: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method, url, headers: who ? as(who, lang) : { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const read = async (): Promise<Workspace> => (await send('GET', null, base)).json();
  const upload = async (who: Agent, filename: string, content: Buffer, contentType: string): Promise<string> => {
    const up = multipartBody([{ name: 'file', filename, content, contentType }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', headers: { ...as(who), ...up.headers }, payload: up.payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  async function unchanged(run: () => Promise<unknown>): Promise<void> {
    const before = await rowCounts(t.db, TABLES);
    const audits = (await t.db.db.selectFrom('audit_log').select('seq').where('action', 'like', 'oversight.%').execute()).length;
    await run();
    expect(await rowCounts(t.db, TABLES)).toEqual(before);
    expect((await t.db.db.selectFrom('audit_log').select('seq').where('action', 'like', 'oversight.%').execute()).length).toBe(audits);
  }
  const audited = async (action: string) => (await t.db.db.selectFrom('audit_log').select(['entity_id', 'actor_id']).where('action', '=', action).where('scope', '=', iloId).execute());

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    member = await signIn(t.app, 'vigilancia@ilo.gob.pe');
    ({ processId, iloId } = await executionFixture(t.app, t.db, admin, facilitator));
    base = `/api/municipalities/ilo/processes/${processId}/oversight`;
    await accountWithRole(t.app, t.db, { name: 'Vecina Curiosa', email: 'vecina@correo.pe' });
    citizen = await signIn(t.app, 'vecina@correo.pe', 'una-clave-larga');
    await accountWithRole(t.app, t.db, { name: 'Vigía de Pacocha', email: 'vigia-pacocha@correo.pe', role: 'oversight_committee', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignMember = await signIn(t.app, 'vigia-pacocha@correo.pe', 'una-clave-larga');
    await accountWithRole(t.app, t.db, { name: 'Admin de Pacocha', email: 'admin-pacocha@correo.pe', role: 'administrator', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignAdmin = await signIn(t.app, 'admin-pacocha@correo.pe', 'una-clave-larga');
    projects = (await read()).projects;
  });
  afterAll(async () => { await t.close(); });

  it('lists the tracked projects, none flagged as included before the PIA is recorded', async () => {
    expect(projects.length).toBeGreaterThanOrEqual(2);
    const ws = await read();
    expect(ws.projects.every((p) => p.piaFlag === 'missing' && p.piaCents === null && p.agreedCents > 0)).toBe(true);
    expect(ws.pia).toEqual({ included: 0, included_less: 0, missing: projects.length });
    expect(ws.requestCounts).toEqual({ total: 0, answered: 0, pending: 0, overdue: 0 });
  });

  it('refuses an observation before Execution with a coded error, writing nothing', async () => {
    await t.db.db.updateTable('processes').set({ phase: 'formalization' }).where('id', '=', processId).execute();
    await unchanged(async () => {
      const res = await send('POST', member, `${base}/observations`, { projectId: projects[0]!.id, observation: 'La obra no ha empezado todavía.' }, 'en');
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'OVERSIGHT_NOT_OPEN']);
      expect(res.json().error.message).toBe('Oversight of the projects is recorded from Execution on (current phase: Formalization).');
    });
    await t.db.db.updateTable('processes').set({ phase: 'execution' }).where('id', '=', processId).execute();
  });

  it('lets only the municipality\'s committee file observations: a citizen, an administrator, another municipality\'s member get a coded 403', async () => {
    const body = { projectId: projects[0]!.id, observation: 'La obra avanza sin cartel de obra ni señalización.' };
    await unchanged(async () => {
      for (const who of [citizen, admin, facilitator, foreignMember]) {
        const res = await send('POST', who, `${base}/observations`, body);
        expect([res.statusCode, res.json().error.code]).toEqual([403, 'FORBIDDEN']);
      }
      expect((await send('POST', null, `${base}/observations`, body)).statusCode).toBe(401);
      for (const who of [citizen, admin, foreignMember]) {
        const res = await send('POST', who, `${base}/requests`, { projectId: null, question: 'Pedimos el cronograma de todas las obras.' });
        expect([res.statusCode, res.json().error.code]).toEqual([403, 'FORBIDDEN']);
      }
    });
  });

  it('files a committee observation with a photo, public with its author\'s name; the photo becomes public', async () => {
    const photo = await upload(member, 'cartel.png', SAMPLES.png, 'image/png');
    const photoUrl = `/api/municipalities/ilo/files/${photo}`;
    expect((await send('GET', null, photoUrl)).statusCode).toBe(404);
    const res = await send('POST', member, `${base}/observations`, { projectId: projects[0]!.id, observation: 'La obra avanza sin cartel de obra ni señalización.', photoFileIds: [photo] });
    expect(res.statusCode, res.body).toBe(201);
    const ws = (await read());
    expect(ws.observations).toEqual([expect.objectContaining({
      id: res.json().id, projectId: projects[0]!.id, text: 'La obra avanza sin cartel de obra ni señalización.', authorName: 'Marta Huanca Choque',
      photos: [expect.objectContaining({ filename: 'cartel.png', url: photoUrl })],
    })]);
    expect(JSON.stringify(ws.observations)).not.toMatch(/dni|email|40456789/i);
    expect(ws.projects.find((p) => p.id === projects[0]!.id)!.observations).toBe(1);
    expect((await send('GET', null, photoUrl)).statusCode).toBe(200);
    expect(await audited('oversight.observe')).toEqual([{ entity_id: res.json().id, actor_id: member.userId }]);
  });

  it('refuses an unknown project, a photo that is no image, someone else\'s file, and empty text, writing nothing', async () => {
    const pdf = await upload(member, 'acta.pdf', SAMPLES.pdf, 'application/pdf');
    const adminPhoto = await upload(admin, 'obra.png', SAMPLES.png, 'image/png');
    await unchanged(async () => {
      const unknown = await send('POST', member, `${base}/observations`, { projectId: 'nada', observation: 'Observación sobre un proyecto inexistente.' }, 'en');
      expect([unknown.statusCode, unknown.json().error.code, unknown.json().error.field]).toEqual([400, 'OVERSIGHT_UNKNOWN_PROJECT', 'projectId']);
      const notImage = await send('POST', member, `${base}/observations`, { projectId: projects[0]!.id, observation: 'Adjuntamos el acta de visita.', photoFileIds: [pdf] });
      expect([notImage.statusCode, notImage.json().error.code]).toEqual([400, 'OVERSIGHT_PHOTO_NOT_IMAGE']);
      const notMine = await send('POST', member, `${base}/observations`, { projectId: projects[0]!.id, observation: 'Foto tomada por la municipalidad.', photoFileIds: [adminPhoto] });
      expect([notMine.statusCode, notMine.json().error.code, notMine.json().error.field]).toEqual([400, 'OVERSIGHT_FILE_NOT_YOURS', 'photoFileIds']);
      const empty = await send('POST', member, `${base}/observations`, { projectId: projects[0]!.id, observation: '   ' });
      expect([empty.statusCode, empty.json().error.code, empty.json().error.field]).toEqual([400, 'VALIDATION', 'observation']);
    });
    expect((await send('GET', null, `/api/municipalities/ilo/files/${adminPhoto}`)).statusCode).toBe(404);
  });

  it('records the PIA (administrators only) and flags each project: included, included with less, missing', async () => {
    const [a, b, c] = projects;
    const amounts = [{ projectId: a!.id, piaCents: a!.agreedCents }, { projectId: b!.id, piaCents: b!.agreedCents - 1_000_00 }];
    await unchanged(async () => {
      for (const who of [member, citizen, facilitator, foreignAdmin]) {
        expect((await send('PUT', who, `${base}/pia`, { amounts, reason: 'PIA aprobado por el concejo' })).statusCode).toBe(403);
      }
      const twice = await send('PUT', admin, `${base}/pia`, { amounts: [...amounts, amounts[0]], reason: 'PIA aprobado por el concejo' });
      expect([twice.statusCode, twice.json().error.code, twice.json().error.field]).toEqual([400, 'OVERSIGHT_PROJECT_TWICE', 'amounts.2.projectId']);
      const unknown = await send('PUT', admin, `${base}/pia`, { amounts: [{ projectId: 'otro', piaCents: 5 }], reason: 'PIA aprobado por el concejo' });
      expect(unknown.json().error).toMatchObject({ code: 'OVERSIGHT_UNKNOWN_PROJECT', field: 'amounts.0.projectId' });
      const negative = await send('PUT', admin, `${base}/pia`, { amounts: [{ projectId: a!.id, piaCents: -1 }], reason: 'PIA aprobado por el concejo' });
      expect(negative.json().error).toMatchObject({ code: 'VALIDATION', field: 'amounts.0.piaCents' });
      const noReason = await send('PUT', admin, `${base}/pia`, { amounts, reason: '' });
      expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    });
    const res = await send('PUT', admin, `${base}/pia`, { amounts, reason: 'PIA aprobado por acuerdo de concejo N.° 120' });
    expect(res.statusCode, res.body).toBe(200);
    const flags = (ws: Workspace) => Object.fromEntries(ws.projects.map((p) => [p.id, p.piaFlag]));
    expect(flags(res.json())).toMatchObject({ [a!.id]: 'included', [b!.id]: 'included_less', ...(c ? { [c.id]: 'missing' } : {}) });
    expect(res.json().pia).toEqual({ included: 1, included_less: 1, missing: projects.length - 2 });
    const zero = await send('PUT', admin, `${base}/pia`, { amounts: [{ projectId: b!.id, piaCents: 0 }], reason: 'Modificación presupuestal: el proyecto sale del PIA' });
    expect(zero.json().projects.find((p: { id: string }) => p.id === b!.id)).toMatchObject({ piaCents: 0, piaFlag: 'missing' });
    const cleared = await send('PUT', admin, `${base}/pia`, { amounts: [{ projectId: b!.id, piaCents: b!.agreedCents + 5 }, { projectId: a!.id, piaCents: null }], reason: 'Corrección del registro del PIA' });
    expect(flags(cleared.json())).toMatchObject({ [a!.id]: 'missing', [b!.id]: 'included' });
    expect((await audited('oversight.record_pia')).length).toBe(3);
  });

  let answeredId: string;
  let pendingId: string;

  it('sends requests with a deadline of at least seven working days, seven by default', async () => {
    const today = localDate();
    const earliest = addWorkingDays(today, 7);
    await unchanged(async () => {
      const soon = await send('POST', member, `${base}/requests`, { projectId: projects[0]!.id, question: 'Pedimos las valorizaciones de la obra.', deadline: addDays(earliest, -1) }, 'en');
      expect([soon.statusCode, soon.json().error.code, soon.json().error.field]).toEqual([400, 'OVERSIGHT_DEADLINE_TOO_SOON', 'deadline']);
      expect(soon.json().error.message).toMatch(/^The deadline \(.+\) must give the municipality at least 7 working days: .+ or later\.$/);
      expect(soon.json().error.details).toEqual({ deadline: addDays(earliest, -1), days: 7, earliest });
    });
    const first = await send('POST', member, `${base}/requests`, { projectId: projects[0]!.id, question: 'Pedimos las valorizaciones de la obra.' });
    expect(first.statusCode, first.body).toBe(201);
    answeredId = first.json().id;
    const second = await send('POST', member, `${base}/requests`, { projectId: null, question: 'Pedimos el cronograma de todas las obras del proceso.', deadline: addDays(earliest, 3) });
    expect(second.statusCode, second.body).toBe(201);
    pendingId = second.json().id;
    const ws: Workspace = second.json().workspace;
    expect(ws.earliestDeadline).toBe(earliest);
    expect(ws.requests.map((r) => [r.id, r.deadline, r.overdue])).toEqual([[answeredId, earliest, false], [pendingId, addDays(earliest, 3), false]]);
    expect((await audited('oversight.request')).length).toBe(2);
  });

  it('lets only the municipality\'s staff answer, once, with their documents', async () => {
    const url = `${base}/requests/${answeredId}/answer`;
    const doc = await upload(admin, 'valorizaciones.pdf', SAMPLES.pdf, 'application/pdf');
    const body = { response: 'Se adjuntan las valorizaciones de agosto y septiembre.', documentFileIds: [doc] };
    await unchanged(async () => {
      for (const who of [member, citizen, facilitator, foreignAdmin]) {
        const res = await send('POST', who, url, body);
        expect([res.statusCode, res.json().error.code]).toEqual([403, 'FORBIDDEN']);
      }
      expect((await send('POST', admin, `${base}/requests/nada/answer`, body)).statusCode).toBe(404);
    });
    const res = await send('POST', admin, url, body);
    expect(res.statusCode, res.body).toBe(200);
    const answered = (res.json() as Workspace).requests.find((r) => r.id === answeredId)!;
    expect(answered.answer).toMatchObject({ text: body.response, answeredByName: 'Rosa Quispe Mamani', documents: [{ url: `/api/municipalities/ilo/files/${doc}` }] });
    expect((await send('GET', null, `/api/municipalities/ilo/files/${doc}`)).statusCode).toBe(200);
    await unchanged(async () => {
      const again = await send('POST', admin, url, { response: 'Una segunda respuesta que no debe quedar.', documentFileIds: [] }, 'en');
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'OVERSIGHT_ALREADY_ANSWERED']);
    });
    expect((await audited('oversight.answer')).length).toBe(1);
  });

  it('computes overdue from the deadline: past and unanswered is overdue, listed first and counted', async () => {
    const today = localDate();
    await t.db.db.updateTable('oversight_requests').set({ deadline: today }).where('id', '=', pendingId).execute();
    let ws = await read();
    expect(ws.requests.find((r) => r.id === pendingId)!.overdue).toBe(false);
    await t.db.db.updateTable('oversight_requests').set({ deadline: addDays(today, -1) }).where('id', '=', pendingId).execute();
    await t.db.db.updateTable('oversight_requests').set({ deadline: addDays(today, -10) }).where('id', '=', answeredId).execute();
    ws = await read();
    expect(ws.requests.map((r) => [r.id, r.overdue])).toEqual([[pendingId, true], [answeredId, false]]);
    expect(ws.requestCounts).toEqual({ total: 2, answered: 1, pending: 1, overdue: 1 });
  });

  it('takes two PIA records at once one after the other, and lets one of two simultaneous answers in', async () => {
    const p = projects[0]!;
    const [one, two] = await Promise.all([100_00, 200_00].map((piaCents) => send('PUT', admin, `${base}/pia`, { amounts: [{ projectId: p.id, piaCents }], reason: 'Registro simultáneo del PIA' })));
    expect([one!.statusCode, two!.statusCode]).toEqual([200, 200]);
    const stored = await t.db.db.selectFrom('oversight_pia').select('pia_cents').where('project_id', '=', p.id).execute();
    expect(stored).toHaveLength(1);
    expect([100_00, 200_00]).toContain(Number(stored[0]!.pia_cents));
    const sent = await send('POST', member, `${base}/requests`, { projectId: p.id, question: 'Pedimos el acta de entrega de terreno.' });
    const url = `${base}/requests/${sent.json().id}/answer`;
    const answers = await Promise.all(['Primera respuesta de la municipalidad.', 'Segunda respuesta de la municipalidad.'].map((response) => send('POST', admin, url, { response })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('OVERSIGHT_ALREADY_ANSWERED');
  });

  it('draws the semi-annual vigilance report: a PDF naming every project, the observations and the requests', async () => {
    const ws = await read();
    expect(ws.reports.length).toBeGreaterThan(0);
    const res = await send('GET', null, ws.reports[0]!.url);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // Table cells wrap: their lines are drawn one after the other, so the text read with single spaces holds each cell whole.
    const text = (await pdfText(res.rawPayload)).join(' ').replace(/\s+/g, ' ');
    for (const p of ws.projects) expect(text).toContain(p.title);
    expect(text).toContain('Informe de vigilancia');
    expect(text).toContain('sin cartel de obra');
    expect(text).toContain('Marta Huanca Choque');
    expect(text).toContain('VENCIDO');
    expect(text).toContain('incluido con el monto acordado');
    const en = (await pdfText((await send('GET', null, `${ws.reports[0]!.url}&lang=en`)).rawPayload)).join('\n');
    expect(en).toContain('OVERDUE');
    const bad = await send('GET', null, `${base}/report.pdf?year=1999&half=1`, undefined, 'en');
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'OVERSIGHT_SEMESTER']);
  });

  it('gives the account of past agreements: done, in progress, not started, cancelled with the reason', async () => {
    const reason = 'El terreno no pudo sanearse; el monto se reasigna por acuerdo del concejo';
    const cancel = await send('POST', admin, `/api/municipalities/ilo/processes/${processId}/execution/projects/${projects[1]!.id}/reports`, { reportedOn: localDate(), status: 'cancelled', reason });
    expect(cancel.statusCode, cancel.body).toBe(201);
    const res = await send('GET', null, '/api/municipalities/ilo/accountability');
    expect(res.statusCode, res.body).toBe(200);
    const year = res.json().years.find((y: { processId: string }) => y.processId === processId);
    expect(year.counts).toEqual({ done: 0, in_progress: 0, not_started: projects.length - 1, cancelled: 1 });
    expect(year.projects.find((p: { id: string }) => p.id === projects[1]!.id)).toMatchObject({ state: 'cancelled', status: 'cancelled', reason });
    const pdf = (await pdfText((await send('GET', null, res.json().pdfUrl)).rawPayload)).join(' ').replace(/\s+/g, ' ');
    expect(pdf).toContain('Rendición de cuentas');
    expect(pdf).toContain(reason);
    for (const p of projects) expect(pdf).toContain(p.title);
  });
});
