import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, rowCounts } from '../support/fixtures.ts';
import { votedProcess, type VotedFixtureProject, type VotedProjectName } from '../support/voted-process.ts';
import { accountWithRole } from '../training/registrations.ts';
import { formalizedList } from '../../src/approval/approval.queries.ts';
import { snapshotDigest } from '../../src/approval/approval.service.ts';
import { votedList } from '../../src/voting/voting.queries.ts';
import { localDate, addDays } from '../../src/shared/clock.ts';

const TABLES = ['approval_sessions', 'approval_answers', 'approval_snapshots', 'approval_amendments', 'approval_investment_codes'] as const;
const FINANCING = ['participatory_budget', 'regional_government', 'provincial_municipality', 'national_programme', 'ngo', 'company', 'community_money', 'community_in_kind', 'other'];

type Project = { proposalId: string; number: number; priority: number; costCents: number; investmentCode: string | null; financing: { totalCents: number; municipalityCents: number; sources: { source: string; amountCents: number }[] } };
type Envelope = { key: string; funded: Project[]; alternates: Project[]; withdrawn: (Project & { amendment: number })[] };

describe.each(testDialects())('the approval chain on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, facilitator: Agent, citizen: Agent, foreignAdmin: Agent;
  let processId: string, iloId: string;
  let projects: Record<VotedProjectName, VotedFixtureProject>;
  let base: string;
  const today = localDate();
  const yesterday = addDays(today, -1);

  async function send(method: 'GET' | 'POST' | 'PUT', who: Agent | null, url: string, payload?: unknown, lang: 'es' | 'en' = 'es') {
    return t.app.inject({ method, url, headers: who ? as(who, lang) : { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  async function unchanged(run: () => Promise<unknown>): Promise<void> {
    const before = await rowCounts(t.db, TABLES);
    await run();
    expect(await rowCounts(t.db, TABLES)).toEqual(before);
  }
  const session = (over: Record<string, unknown> = {}) => ({
    body: 'ccl', heldOn: today, reference: 'Sesión ordinaria N.° 12-2026', decision: 'approved', reason: 'acta de la sesión', ...over,
  });
  const amendment = (over: Record<string, unknown> = {}) => ({
    kind: 'withdraw', proposalId: projects.aulas.id, reason: 'la obra ya la ejecuta el gobierno regional',
    vote: { heldOn: today, reference: 'Sesión extraordinaria N.° 3-2026', votesFor: 7, votesAgainst: 2, abstentions: 1 }, ...over,
  });
  const gateFailures = async () => (await send('GET', admin, `/api/municipalities/ilo/processes/${processId}/phase`, undefined, 'en')).json().failures as { code: string; message: string }[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    citizen = await signIn(t.app, 'agente@ilo.gob.pe');
    await accountWithRole(t.app, t.db, { name: 'Ana Admin de Pacocha', email: 'admin@pacocha.gob.pe', role: 'administrator', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignAdmin = await signIn(t.app, 'admin@pacocha.gob.pe', 'una-clave-larga');
    const fixture = await votedProcess(t.db, async (who, method, url, payload) => {
      const res = await t.app.inject({ method, url, headers: as(who === 'admin' ? admin : facilitator), ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.body };
    });
    ({ processId, iloId, projects } = fixture);
    base = `/api/municipalities/ilo/processes/${processId}/approval`;
    // The vote closed some days ago, so sessions may be dated before today.
    await t.db.db.updateTable('votes').set({ closed_at: new Date(Date.now() - 5 * 24 * 3600_000).toISOString() }).where('process_id', '=', processId).execute();
  });
  afterAll(async () => { await t.close(); });

  it('has nothing to approve before the vote is closed', async () => {
    const { processId: open } = await createProcessFixture(t.db, { phase: 'formalization', fiscalYear: 2031 });
    const url = `/api/municipalities/ilo/processes/${open}/approval`;
    expect((await send('GET', null, url)).json()).toMatchObject({ voteClosed: false, step: 'ccl_pending', envelopes: null, formalized: null, exports: null });
    await unchanged(async () => {
      const res = await send('POST', admin, `${url}/sessions`, session(), 'en');
      expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([409, 'APPROVAL_VOTE_NOT_CLOSED', 'There is no list yet: the vote of Formalization is not closed.']);
    });
  });

  it('shows the list the vote adopted, with its financing as Coordination left it, awaiting the CCL', async () => {
    const res = await send('GET', null, base, undefined, 'en');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ voteClosed: true, step: 'ccl_pending', nextBody: 'ccl', sessions: [], formalized: null, exports: null });
    expect(c.stepText).toBe('the Local Coordination Council (CCL) has not approved it yet');
    const numbers = (ps: Project[]) => ps.map((p) => p.number);
    const [zone, district] = c.envelopes as Envelope[];
    expect([numbers(zone!.funded).sort(), numbers(zone!.alternates), numbers(district!.funded), numbers(district!.alternates)])
      .toEqual([[projects.pistas.number, projects.aulas.number].sort(), [projects.agua.number], [projects.mercado.number], [projects.parque.number]]);
    // The vote's answer, untouched: the same list votedList gives.
    const voted = await votedList(t.db.db, iloId, processId);
    expect(zone!.funded.map((p) => p.financing)).toEqual(voted!.envelopes[0]!.funded.map((p) => p.financing));
    const mercado = district!.funded[0]!;
    expect(mercado.financing.sources.map((s) => [s.source, s.amountCents])).toEqual([['participatory_budget', 160_000_00], ['agreement', 40_000_00]]);
    const failures = await gateFailures();
    expect(failures.find((f) => f.code === 'LIST_NOT_FORMALIZED')?.message).toBe('the list is not formalized: the Local Coordination Council (CCL) has not approved it yet');
    const csv = await send('GET', null, `${base}/export.csv`, undefined, 'en');
    expect([csv.statusCode, csv.json().error.code, csv.json().error.message]).toEqual([409, 'LIST_NOT_FORMALIZED', 'The list is not formalized yet: the Local Coordination Council (CCL) has not approved it yet.']);
  });

  it('lets only the municipality\'s administrator record, and refuses what breaks the chain, writing nothing', async () => {
    await unchanged(async () => {
      expect((await send('POST', null, `${base}/sessions`, session())).statusCode).toBe(401);
      expect((await send('POST', citizen, `${base}/sessions`, session())).statusCode).toBe(403);
      expect((await send('POST', facilitator, `${base}/sessions`, session())).statusCode).toBe(403);
      expect((await send('POST', foreignAdmin, `${base}/sessions`, session())).statusCode).toBe(403);
      expect((await send('PUT', citizen, `${base}/projects/${projects.pistas.id}/investment-code`, { investmentCode: '2345678', reason: 'código del banco de inversiones' })).statusCode).toBe(403);
      expect((await send('GET', foreignAdmin, `/api/municipalities/pacocha/processes/${processId}/approval`)).statusCode).toBe(404);
      const council = await send('POST', admin, `${base}/sessions`, session({ body: 'council' }), 'en');
      expect([council.statusCode, council.json().error.code]).toEqual([409, 'APPROVAL_CCL_FIRST']);
      const bare = await send('POST', admin, `${base}/sessions`, session({ decision: 'returned' }), 'en');
      expect([bare.statusCode, bare.json().error.code, bare.json().error.field]).toEqual([400, 'APPROVAL_OBSERVATIONS_REQUIRED', 'observations']);
      const later = await send('POST', admin, `${base}/sessions`, session({ heldOn: addDays(today, 2) }));
      expect([later.statusCode, later.json().error.code]).toEqual([400, 'APPROVAL_HELD_LATER']);
      const before = await send('POST', admin, `${base}/sessions`, session({ heldOn: addDays(today, -30) }));
      expect([before.statusCode, before.json().error.code]).toEqual([400, 'APPROVAL_SESSION_BEFORE_VOTE']);
      const noReason = await send('POST', admin, `${base}/sessions`, session({ reason: '' }));
      expect(noReason.statusCode).toBe(400);
      const nothing = await send('POST', admin, `${base}/answers`, { answerText: 'No hay nada que responder aún.' });
      expect(nothing.json().error.code).toBe('APPROVAL_NOTHING_TO_ANSWER');
      const amend = await send('POST', admin, `${base}/amendments`, amendment(), 'en');
      expect([amend.statusCode, amend.json().error.code]).toEqual([409, 'LIST_NOT_FORMALIZED']);
    });
  });

  it('takes an investment code before formalization, checked, set and cleared with a reason, audited', async () => {
    const url = `${base}/projects/${projects.pistas.id}/investment-code`;
    await unchanged(async () => {
      const bad = await send('PUT', admin, url, { investmentCode: 'SNIP-12', reason: 'código del banco de inversiones' }, 'en');
      expect([bad.statusCode, bad.json().error.code, bad.json().error.field]).toEqual([400, 'VALIDATION', 'investmentCode']);
      const stranger = await send('PUT', admin, `${base}/projects/nobody/investment-code`, { investmentCode: '2345678', reason: 'código del banco de inversiones' });
      expect(stranger.statusCode).toBe(404);
      const clearNone = await send('PUT', admin, url, { investmentCode: null, reason: 'no tenía código' });
      expect(clearNone.json().error.code).toBe('INVESTMENT_CODE_UNCHANGED');
    });
    const set = await send('PUT', admin, url, { investmentCode: '2345678', reason: 'código asignado en Invierte.pe' });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json().envelopes as Envelope[]).flatMap((e) => e.funded).find((p) => p.proposalId === projects.pistas.id)!.investmentCode).toBe('2345678');
    const alt = await send('PUT', admin, `${base}/projects/${projects.agua.id}/investment-code`, { investmentCode: '2400001', reason: 'el alterno también tiene perfil' });
    expect(alt.statusCode).toBe(200);
    const cleared = await send('PUT', admin, `${base}/projects/${projects.agua.id}/investment-code`, { investmentCode: null, reason: 'el código era de otro proyecto' });
    expect((cleared.json().envelopes as Envelope[])[0]!.alternates[0]!.investmentCode).toBeNull();
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'reason']).where('action', 'in', ['approval.set_code', 'approval.clear_code']).orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'approval.set_code', reason: 'código asignado en Invierte.pe' },
      { action: 'approval.set_code', reason: 'el alterno también tiene perfil' },
      { action: 'approval.clear_code', reason: 'el código era de otro proyecto' },
    ]);
  });

  it('goes CCL then council: a returned list is answered and resubmitted to the same body as a new session', async () => {
    const returned = await send('POST', admin, `${base}/sessions`, session({ heldOn: yesterday, decision: 'returned', observations: 'Falta el perfil del proyecto de agua.' }));
    expect(returned.statusCode, returned.body).toBe(201);
    expect(returned.json()).toMatchObject({ step: 'ccl_returned', nextBody: 'ccl' });
    expect((await gateFailures()).find((f) => f.code === 'LIST_NOT_FORMALIZED')?.message).toContain('returned it with observations the municipality has not answered yet');
    await unchanged(async () => {
      const again = await send('POST', admin, `${base}/sessions`, session(), 'en');
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'APPROVAL_ANSWER_PENDING']);
      expect(again.json().error.message).toContain('The Local Coordination Council returned the list with observations in its session of');
      const earlier = await send('POST', admin, `${base}/answers`, { answerText: 'x' });
      expect(earlier.statusCode).toBe(400);
    });
    const answered = await send('POST', admin, `${base}/answers`, { answerText: 'Se adjunta el perfil técnico del proyecto de agua.' });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({ step: 'ccl_pending' });
    await unchanged(async () => {
      const twice = await send('POST', admin, `${base}/answers`, { answerText: 'Otra respuesta a lo mismo.' });
      expect(twice.json().error.code).toBe('APPROVAL_NOTHING_TO_ANSWER');
      const older = await send('POST', admin, `${base}/sessions`, session({ heldOn: addDays(yesterday, -1) }));
      expect(older.json().error.code).toBe('APPROVAL_SESSION_BEFORE_LAST');
    });
    const approved = await send('POST', admin, `${base}/sessions`, session());
    expect(approved.statusCode, approved.body).toBe(201);
    const c = approved.json();
    expect(c).toMatchObject({ step: 'council_pending', nextBody: 'council', formalized: null });
    expect(c.sessions.map((s: { body: string; seq: number; decision: string }) => [s.body, s.seq, s.decision])).toEqual([['ccl', 1, 'returned'], ['ccl', 2, 'approved']]);
    expect(c.sessions[0].answer).toMatchObject({ text: 'Se adjunta el perfil técnico del proyecto de agua.', answeredByName: 'Rosa Quispe Mamani' });
    await unchanged(async () => {
      const ccl = await send('POST', admin, `${base}/sessions`, session());
      expect(ccl.json().error.code).toBe('APPROVAL_CCL_ALREADY_APPROVED');
    });
    expect((await gateFailures()).find((f) => f.code === 'LIST_NOT_FORMALIZED')?.message).toBe('the list is not formalized: the municipal council has not approved it yet');
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', 'in', ['approval.record_session', 'approval.answer']).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['approval.record_session', 'approval.answer', 'approval.record_session']);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([admin.userId]));
  });

  it('lets one of two recordings made at the same moment through', async () => {
    const both = await Promise.all([
      send('POST', admin, `${base}/sessions`, session({ body: 'council', decision: 'returned', observations: 'Revisar el monto del mercado.' })),
      send('POST', admin, `${base}/sessions`, session({ body: 'council', decision: 'returned', observations: 'Revisar las pistas.' })),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(['APPROVAL_ANSWER_PENDING', 'APPROVAL_RECORDED_MEANWHILE']).toContain(both.find((r) => r.statusCode === 409)!.json().error.code);
    expect(await t.db.db.selectFrom('approval_sessions').select('seq').where('process_id', '=', processId).where('body', '=', 'council').execute()).toHaveLength(1);
    expect((await send('POST', admin, `${base}/answers`, { answerText: 'El monto del mercado se sustenta en el expediente.' })).statusCode).toBe(201);

    const approvals = await Promise.all([0, 1].map(() => send('POST', admin, `${base}/sessions`, session({ body: 'council', reference: 'Sesión extraordinaria N.° 5-2026' }))));
    expect(approvals.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(['APPROVAL_ALREADY_FORMALIZED', 'APPROVAL_RECORDED_MEANWHILE']).toContain(approvals.find((r) => r.statusCode === 409)!.json().error.code);
    expect(await t.db.db.selectFrom('approval_snapshots').select('sha256').where('process_id', '=', processId).execute()).toHaveLength(1);
    expect(await t.db.db.selectFrom('audit_log').select('seq').where('action', '=', 'approval.freeze').execute()).toHaveLength(1);
  });

  it('freezes the list the council approved with the SHA-256 of its canonical JSON, and the gate lets Formalization end', async () => {
    const c = (await send('GET', null, base)).json();
    expect(c).toMatchObject({ step: 'formalized', nextBody: null, stepText: '', formalized: { formalizedOn: today } });
    expect(c.exports).toEqual({ csv: `${base}/export.csv`, json: `${base}/export.json` });
    const stored = await t.db.db.selectFrom('approval_snapshots').select(['content', 'sha256']).where('process_id', '=', processId).executeTakeFirstOrThrow();
    expect(createHash('sha256').update(stored.content).digest('hex')).toBe(stored.sha256);
    expect(c.formalized.sha256).toBe(stored.sha256);
    expect(snapshotDigest((await votedList(t.db.db, iloId, processId))!).sha256).toBe(stored.sha256);
    const audit = await t.db.db.selectFrom('audit_log').select(['data', 'actor_id']).where('action', '=', 'approval.freeze').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data as unknown as string)).toMatchObject({ sha256: stored.sha256, formalizedOn: today, totalCents: 290_000_00 });
    expect((await gateFailures()).map((f) => f.code)).not.toContain('LIST_NOT_FORMALIZED');
    await unchanged(async () => {
      const more = await send('POST', admin, `${base}/sessions`, session({ body: 'council' }), 'en');
      expect([more.statusCode, more.json().error.code]).toEqual([409, 'APPROVAL_ALREADY_FORMALIZED']);
    });
  });

  it('changes the formalized list only by voted amendments, applied in order over the untouched snapshot', async () => {
    const url = `${base}/amendments`;
    const sha = (await t.db.db.selectFrom('approval_snapshots').select('sha256').where('process_id', '=', processId).executeTakeFirstOrThrow()).sha256;
    await unchanged(async () => {
      const tie = await send('POST', admin, url, amendment({ vote: { heldOn: today, reference: 'Sesión N.° 3', votesFor: 4, votesAgainst: 4, abstentions: 1 } }), 'en');
      expect([tie.statusCode, tie.json().error.code, tie.json().error.message]).toEqual([409, 'AMENDMENT_NOT_ADOPTED', 'The amendment was not adopted: 4 votes for and 4 against (more votes for than against are required).']);
      const lost = await send('POST', admin, url, amendment({ vote: { heldOn: today, reference: 'Sesión N.° 3', votesFor: 2, votesAgainst: 5, abstentions: 0 } }));
      expect(lost.json().error.code).toBe('AMENDMENT_NOT_ADOPTED');
      const negative = await send('POST', admin, url, amendment({ vote: { heldOn: today, reference: 'Sesión N.° 3', votesFor: 5, votesAgainst: -1, abstentions: 0 } }));
      expect([negative.statusCode, negative.json().error.code]).toEqual([400, 'VALIDATION']);
      const otherEnvelope = await send('POST', admin, url, amendment({ kind: 'replace', proposalId: projects.pistas.id, replacementId: projects.parque.id }), 'en');
      expect([otherEnvelope.statusCode, otherEnvelope.json().error.code, otherEnvelope.json().error.field]).toEqual([409, 'AMENDMENT_NOT_AN_ALTERNATE', 'replacementId']);
      const alternate = await send('POST', admin, url, amendment({ proposalId: projects.agua.id }));
      expect(alternate.json().error.code).toBe('AMENDMENT_NOT_FUNDED');
      const missing = await send('POST', admin, url, amendment({ kind: 'replace', proposalId: projects.pistas.id }));
      expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'VALIDATION']);
      const below = await send('POST', admin, url, amendment({ kind: 'change_amount', proposalId: projects.mercado.id, amountCents: 30_000_00 }));
      expect(below.json().error.code).toBe('AMENDMENT_BELOW_COFINANCING');
      expect((await send('POST', citizen, url, amendment())).statusCode).toBe(403);
    });

    const replaced = await send('POST', admin, url, amendment({ kind: 'replace', proposalId: projects.pistas.id, replacementId: projects.agua.id, reason: 'la pista la asume el gobierno regional' }));
    expect(replaced.statusCode, replaced.body).toBe(201);
    const amount = await send('POST', admin, url, amendment({ kind: 'change_amount', proposalId: projects.mercado.id, amountCents: 180_000_00, reason: 'el expediente técnico ajustó el costo' }));
    expect(amount.statusCode, amount.body).toBe(201);
    const withdrawn = await send('POST', admin, url, amendment());
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);

    const formal = (await formalizedList(t.db.db, iloId, processId))!;
    expect(formal.sha256).toBe(sha);
    const [zone, district] = formal.envelopes;
    // agua took pistas's place: financed as funded now, the participatory budget paying what the pledge leaves.
    expect(zone!.funded.map((p) => [p.number, p.priority])).toEqual([[projects.agua.number, 1]]);
    expect(zone!.funded[0]!.financing).toMatchObject({ costCents: 50_000_00, municipalityCents: 45_000_00, totalCents: 50_000_00, gapCents: 0 });
    expect(zone!.alternates).toEqual([]);
    expect(zone!.withdrawn.map((p) => [p.number, p.amendment])).toEqual([[projects.pistas.number, 1], [projects.aulas.number, 3]]);
    expect(district!.funded[0]!.financing).toMatchObject({ costCents: 180_000_00, municipalityCents: 140_000_00, totalCents: 180_000_00 });
    expect(formal.amendments.map((a) => [a.seq, a.kind, a.project.number])).toEqual([[1, 'replace', projects.pistas.number], [2, 'change_amount', projects.mercado.number], [3, 'withdraw', projects.aulas.number]]);
    expect(formal.amendments[1]).toMatchObject({ previousAmountCents: 200_000_00, amountCents: 180_000_00, vote: { votesFor: 7, votesAgainst: 2, abstentions: 1 } });
    // The snapshot itself never changes.
    expect(formal.snapshot.envelopes[0]!.funded.map((p) => p.number).sort()).toEqual([projects.pistas.number, projects.aulas.number].sort());
    await unchanged(async () => {
      const gone = await send('POST', admin, url, amendment());
      expect(gone.json().error.code).toBe('AMENDMENT_NOT_FUNDED');
    });
    const audit = await t.db.db.selectFrom('audit_log').select(['reason', 'data']).where('action', '=', 'approval.amend').orderBy('seq').execute();
    expect(audit.map((a) => a.reason)).toEqual(['la pista la asume el gobierno regional', 'el expediente técnico ajustó el costo', 'la obra ya la ejecuta el gobierno regional']);
    expect(JSON.parse(audit[1]!.data as unknown as string)).toMatchObject({ kind: 'change_amount', previousCostCents: 200_000_00, amountCents: 180_000_00 });
  });

  it('exports the formalized list for the MEF as CSV and JSON: every funded project, its financing by source summing to its total', async () => {
    await send('PUT', admin, `${base}/projects/${projects.mercado.id}/investment-code`, { investmentCode: '2501234', reason: 'código asignado tras la formalización' });
    const json = await send('GET', null, `${base}/export.json`);
    expect(json.statusCode, json.body).toBe(200);
    const data = json.json();
    expect(data.schema).toMatchObject({ name: 'concerta/mef-formalized-list', version: 1 });
    expect(data.schema.fields.map((f: { key: string }) => f.key)).toContain('investment_code');
    expect(data.schema.fields.every((f: { es: string; en: string }) => f.es.length > 0 && f.en.length > 0)).toBe(true);
    expect(data.municipality).toMatchObject({ slug: 'ilo' });
    expect(data.municipality.ubigeo).toMatch(/^\d{6}$/);
    expect(data).toMatchObject({ formalizedOn: today, amendments: 3 });
    const formal = (await formalizedList(t.db.db, iloId, processId))!;
    expect(data.snapshotSha256).toBe(formal.sha256);
    const funded = formal.envelopes.flatMap((e) => e.funded);
    expect(data.projects.map((p: { projectNumber: number }) => p.projectNumber)).toEqual(funded.map((p) => p.number));
    for (const row of data.projects as { projectNumber: number; financingCents: Record<string, number>; totalCents: number; costCents: number }[]) {
      expect(Object.values(row.financingCents).reduce((s, n) => s + n, 0)).toBe(row.totalCents);
      expect(row.totalCents).toBe(funded.find((p) => p.number === row.projectNumber)!.financing.totalCents);
    }
    const mercado = data.projects.find((p: { projectNumber: number }) => p.projectNumber === projects.mercado.number);
    expect(mercado).toMatchObject({ investmentCode: '2501234', costCents: 180_000_00, financingCents: { participatory_budget: 140_000_00, regional_government: 40_000_00 } });
    const agua = data.projects.find((p: { projectNumber: number }) => p.projectNumber === projects.agua.number);
    expect(agua.financingCents).toMatchObject({ participatory_budget: 45_000_00, community_money: 5_000_00, community_in_kind: 0 });

    const csv = await send('GET', null, `${base}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(funded.length);
    const cents = (s: string) => Math.round(Number(s) * 100);
    for (const row of rows) {
      const project = funded.find((p) => p.number === Number(row.project_number))!;
      expect(FINANCING.reduce((s, k) => s + cents(row[k]!), 0)).toBe(cents(row.total!));
      expect(cents(row.total!)).toBe(project.financing.totalCents);
      expect(cents(row.cost!)).toBe(project.costCents);
      expect(row).toMatchObject({ process_id: processId, municipality: data.municipality.name, ubigeo: data.municipality.ubigeo, formalized_on: today, snapshot_sha256: formal.sha256 });
    }
    expect(rows.find((r) => Number(r.project_number) === projects.mercado.number)).toMatchObject({ investment_code: '2501234', regional_government: '40000.00', participatory_budget: '140000.00', reach: 'district' });
  });

  it('takes amendments and codes in Execution too, sessions only in Formalization, and nothing once the process is closed', async () => {
    const phase = (to: 'execution' | 'closed') => t.db.db.updateTable('processes').set({ phase: to }).where('id', '=', processId).execute();
    await phase('execution');
    const amount = await send('POST', admin, `${base}/amendments`, amendment({ kind: 'change_amount', proposalId: projects.agua.id, amountCents: 52_000_00, reason: 'reajuste del expediente técnico' }));
    expect(amount.statusCode, amount.body).toBe(201);
    expect((await send('PUT', admin, `${base}/projects/${projects.agua.id}/investment-code`, { investmentCode: '2509876', reason: 'código asignado en Invierte.pe' })).statusCode).toBe(200);
    await phase('closed');
    await unchanged(async () => {
      const late = await send('POST', admin, `${base}/amendments`, amendment({ kind: 'change_amount', proposalId: projects.agua.id, amountCents: 53_000_00 }), 'en');
      expect([late.statusCode, late.json().error.code, late.json().error.message]).toEqual([409, 'AMENDMENT_AFTER_EXECUTION', 'The list is amended during Formalization or Execution (current phase: Closed).']);
      const code = await send('PUT', admin, `${base}/projects/${projects.agua.id}/investment-code`, { investmentCode: null, reason: 'se retira el código' });
      expect(code.json().error.code).toBe('INVESTMENT_CODE_NOT_OPEN');
    });
    const { processId: early } = await createProcessFixture(t.db, { phase: 'coordination', fiscalYear: 2032 });
    const tooEarly = await send('POST', admin, `/api/municipalities/ilo/processes/${early}/approval/sessions`, session(), 'en');
    expect([tooEarly.statusCode, tooEarly.json().error.code]).toEqual([409, 'APPROVAL_NOT_OPEN']);
  });
});
