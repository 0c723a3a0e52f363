import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, insertPlan, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent, insertOrganization } from '../training/registrations.ts';
import { evaluationProgress, processMatrix, publishedEvaluations } from '../../src/evaluation/evaluation.queries.ts';
import { PERUVIAN_TEMPLATE } from '../../src/evaluation/evaluation.ts';

const TABLES = ['evaluation_criteria', 'evaluation_criterion_levels', 'evaluation_assignments', 'evaluations', 'evaluation_scores', 'evaluation_observations'] as const;

/** Rows of the evaluation tables and the municipalities' audit entries: what "nothing written" means. */
async function snapshot(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    out[table] = Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  out.audit = Number((await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('scope', '!=', 'platform').executeTakeFirstOrThrow()).n);
  return out;
}

type Criterion = { id: string; name: string; weight: number; scaleMin: number; scaleMax: number };

describe.each(testDialects())('technical evaluation on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, tecnico: Agent, planeamiento: Agent, obras: Agent, agent: Agent, facilitator: Agent;
  let iloId: string;
  let processId: string;
  let base: string;
  let zones: { id: string; code: string; name: string }[];
  let plan: { axisId: string; objectiveId: string };
  /** P1: the agent's own; P2: for the Comité Vecinal; P3: brought on paper by planeamiento's own registration; P4 and P5: others'. */
  const p: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'withdrawn', { id: string; number: number }> = {} as never;
  let matrix: Criterion[];

  const content = (title: string, costCents = 100_000_00) => ({
    title, description: 'Pavimentación con concreto de 420 m de la calle, con veredas y sardineles.', zoneId: zones[1]!.id, axisId: plan.axisId,
    objectiveId: plan.objectiveId, problem: 'La calle es de tierra: polvo todo el año y barro en invierno.', beneficiariesCount: 850,
    beneficiaryGroups: 'familias del sector 3', costCents, location: 'Calle Los Pescadores, Pampa Inalámbrica',
  });
  const send = (method: 'POST' | 'PUT', who: Agent | null, path: string, payload: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method, url: path, headers: who ? as(who, lang) : { 'accept-language': lang }, payload: payload as object });
  const get = (who: Agent | null, path: string, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method: 'GET', url: path, headers: who ? as(who, lang) : { 'accept-language': lang } });
  const mine = (proposalId: string) => `/api/municipalities/ilo/processes/${processId}/proposals/${proposalId}/evaluation/mine`;
  const publicEvaluation = (proposalId: string) => `/api/municipalities/ilo/processes/${processId}/proposals/${proposalId}/evaluation`;
  const scores = (values: number[]) => matrix.map((c, i) => ({ criterionId: c.id, score: values[i]! }));
  const template = () => PERUVIAN_TEMPLATE.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l })) }));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    tecnico = await signIn(t.app, 'tecnico@ilo.gob.pe');
    planeamiento = await signIn(t.app, 'planeamiento@ilo.gob.pe');
    obras = await signIn(t.app, 'obras@ilo.gob.pe');
    agent = await signIn(t.app, 'agente@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    iloId = await municipalityId(t.db);
    zones = await zoneIds(t.db);
    plan = await insertPlan(t.db, iloId, 'EV');
    ({ processId } = await createProcessFixture(t.db, { phase: 'concertation' }));
    base = `/api/municipalities/ilo/processes/${processId}/evaluation`;
    const orgId = await insertOrganization(t.db, { municipalityId: iloId, processId, zoneId: zones[1]!.id, name: 'Comité Vecinal Sector 3' });
    // The technical team's account registered the organization; obras is its substitute delegate.
    await t.db.db.updateTable('organizations').set({ submitted_by: tecnico.userId }).where('id', '=', orgId).execute();
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[1]!.id, fullName: 'Pedro Mamani Cutipa', userId: agent.userId, organizationId: orgId, delegateRole: 'titular' });
    await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[1]!.id, fullName: 'Walter Chambilla Laura', userId: obras.userId, organizationId: orgId, delegateRole: 'substitute' });
    const planner = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[2]!.id, fullName: 'Carmen Vizcarra Salas', userId: planeamiento.userId });
    const other = await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[2]!.id, fullName: 'Rosa Quispe Apaza', source: 'in_person' });
    const proposals = `/api/municipalities/ilo/processes/${processId}/proposals`;
    const made = async (who: Agent, path: string, body: object) => {
      const res = await send('POST', who, path, body);
      if (res.statusCode !== 201) throw new Error(res.body);
      return { id: res.json().id as string, number: res.json().number as number };
    };
    p.p1 = await made(agent, proposals, content('Pavimentación de la calle Los Pescadores'));
    p.p2 = await made(agent, proposals, { ...content('Posta de salud del sector 3'), onBehalfOfOrganization: true });
    p.p3 = await made(facilitator, `${proposals}/paper`, { ...content('Aulas para la I.E. 43008'), agentId: planner.id });
    p.p4 = await made(facilitator, `${proposals}/paper`, { ...content('Red de agua del sector 5', 200_000_00), agentId: other.id });
    p.p5 = await made(facilitator, `${proposals}/paper`, { ...content('Losa deportiva de Nuevo Ilo'), agentId: other.id });
    p.withdrawn = await made(facilitator, `${proposals}/paper`, { ...content('Parque del sector 2'), agentId: other.id });
    expect((await send('POST', facilitator, `${proposals}/${p.withdrawn.id}/withdraw`, { reason: 'se unió a otra propuesta' })).statusCode).toBe(200);
  });
  afterAll(async () => { await t.close(); });

  it('offers the Peruvian template and refuses a bad matrix with coded errors in the request language, writing nothing', async () => {
    const empty = (await get(null, `${base}/matrix`)).json();
    expect(empty).toMatchObject({ criteria: [], frozen: false, assignments: 0 });
    expect(empty.template.map((c: Criterion) => c.weight)).toEqual([40, 10, 10, 10, 30]);
    expect(empty.template.map((c: Criterion) => c.name)).toEqual(['Brecha de pobreza', 'Acceso a servicios básicos: cobertura', 'Acceso a servicios básicos: proximidad', 'Acceso a servicios básicos: ruralidad', 'Evaluación técnica']);
    const before = await snapshot(t);
    const reason = 'matriz aprobada por ordenanza';
    const bad: [object, string, string][] = [
      [{ criteria: template().map((c, i) => (i === 0 ? { ...c, weight: 30 } : c)), reason }, 'MATRIX_WEIGHTS_NOT_100', 'criteria'],
      [{ criteria: template().map((c, i) => (i === 1 ? { ...c, levels: c.levels.slice(0, 4) } : c)), reason }, 'MATRIX_LEVELS_INCOMPLETE', 'criteria.1.levels'],
      [{ criteria: template().map((c, i) => (i === 2 ? { ...c, scaleMin: 4, scaleMax: 4 } : c)), reason }, 'MATRIX_SCALE_INVALID', 'criteria.2.scaleMax'],
      [{ criteria: template().map((c, i) => (i === 3 ? { ...c, name: 'Brecha de pobreza' } : c)), reason }, 'MATRIX_DUPLICATE_CRITERION', 'criteria.3.name'],
      [{ criteria: template() }, 'VALIDATION', 'reason'],
    ];
    for (const [body, code, field] of bad) {
      const res = await send('PUT', admin, `${base}/matrix`, body, 'en');
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code, field });
    }
    const es = await send('PUT', admin, `${base}/matrix`, bad[0]![0]);
    expect(es.json().error.message).toBe('Los pesos de los criterios deben sumar 100; suman 90.');
    const en = await send('PUT', admin, `${base}/matrix`, bad[0]![0], 'en');
    expect(en.json().error.message).toBe('The criteria weights must add up to 100; they add up to 90.');
    expect((await send('PUT', tecnico, `${base}/matrix`, { criteria: template(), reason })).statusCode).toBe(403);
    expect((await send('PUT', null, `${base}/matrix`, { criteria: template(), reason })).statusCode).toBe(401);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses assignments before the matrix is set', async () => {
    const before = await snapshot(t);
    const res = await send('POST', admin, `${base}/assignments`, { assignments: [{ proposalId: p.p4.id, evaluatorId: tecnico.userId }], reason: 'reparto inicial' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EVALUATION_NO_MATRIX');
    expect(await snapshot(t)).toEqual(before);
  });

  it('lets the administrator set the matrix from the template, audited with the reason', async () => {
    const res = await send('PUT', admin, `${base}/matrix`, { criteria: template(), reason: 'matriz aprobada por ordenanza' });
    expect(res.statusCode, res.body).toBe(200);
    matrix = res.json().criteria;
    expect(matrix.map((c) => c.weight)).toEqual([40, 10, 10, 10, 30]);
    expect(res.json()).toMatchObject({ frozen: false, editable: true });
    expect(await processMatrix(t.db.db, iloId, processId)).toHaveLength(5);
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'evaluation.set_matrix').orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.userId, reason: 'matriz aprobada por ordenanza', entity_id: processId });
  });

  it('shows on the assignment page who may not take which proposal and why, and refuses those pairs, all or nothing', async () => {
    const board = (await get(admin, `${base}/assignments`)).json();
    expect(board.evaluators.map((e: { name: string }) => e.name)).toEqual(['Carmen Vizcarra Salas', 'Jorge Flores Ticona', 'Walter Chambilla Laura']);
    expect(board.proposals.map((x: { proposal: { number: number } }) => x.proposal.number)).toEqual([p.p1.number, p.p2.number, p.p3.number, p.p4.number, p.p5.number]);
    const conflicts = (id: string) => board.proposals.find((x: { proposal: { id: string } }) => x.proposal.id === id).conflicts;
    expect(conflicts(p.p2.id)).toEqual(expect.arrayContaining([{ evaluatorId: obras.userId, reasons: ['delegate'] }, { evaluatorId: tecnico.userId, reasons: ['registrant'] }]));
    expect(conflicts(p.p3.id)).toEqual([{ evaluatorId: planeamiento.userId, reasons: ['author'] }]);
    expect(conflicts(p.p4.id)).toEqual([]);
    expect(board.progress).toEqual({ proposals: 5, unassigned: 5, unevaluated: 5, evaluatorsPending: [] });

    const before = await snapshot(t);
    const reason = 'reparto entre el equipo técnico';
    const refused: [{ proposalId: string; evaluatorId: string }, string, number][] = [
      [{ proposalId: p.p2.id, evaluatorId: obras.userId }, 'EVALUATOR_IS_DELEGATE', 409],
      [{ proposalId: p.p2.id, evaluatorId: tecnico.userId }, 'EVALUATOR_IS_REGISTRANT', 409],
      [{ proposalId: p.p3.id, evaluatorId: planeamiento.userId }, 'EVALUATOR_IS_AUTHOR', 409],
      [{ proposalId: p.p4.id, evaluatorId: facilitator.userId }, 'EVALUATOR_NOT_TECHNICAL_TEAM', 400],
      [{ proposalId: p.withdrawn.id, evaluatorId: tecnico.userId }, 'EVALUATION_PROPOSAL_WITHDRAWN', 409],
      [{ proposalId: 'no-such-proposal', evaluatorId: tecnico.userId }, 'UNKNOWN_REFERENCE', 400],
    ];
    for (const [pair, code, status] of refused) {
      // The refused pair second: the first, valid one is not written either.
      const res = await send('POST', admin, `${base}/assignments`, { assignments: [{ proposalId: p.p4.id, evaluatorId: tecnico.userId }, pair], reason }, 'en');
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error).toMatchObject({ code, field: code === 'UNKNOWN_REFERENCE' || code === 'EVALUATION_PROPOSAL_WITHDRAWN' ? 'assignments.1.proposalId' : 'assignments.1.evaluatorId' });
    }
    const es = await send('POST', admin, `${base}/assignments`, { assignments: [refused[2]![0]], reason });
    expect(es.json().error.message).toBe(`Carmen Vizcarra Salas no puede evaluar la propuesta N.° ${p.p3.number}: es su autor.`);
    const twice = await send('POST', admin, `${base}/assignments`, { assignments: [{ proposalId: p.p4.id, evaluatorId: tecnico.userId }, { proposalId: p.p4.id, evaluatorId: tecnico.userId }], reason });
    expect(twice.json().error.code).toBe('EVALUATION_ALREADY_ASSIGNED');
    expect((await send('POST', tecnico, `${base}/assignments`, { assignments: [{ proposalId: p.p4.id, evaluatorId: tecnico.userId }], reason })).statusCode).toBe(403);
    expect((await send('POST', admin, `${base}/assignments`, { assignments: [{ proposalId: p.p4.id, evaluatorId: tecnico.userId }] })).json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await snapshot(t)).toEqual(before);
  });

  it('assigns with a reason, then freezes the matrix', async () => {
    const reason = 'reparto entre el equipo técnico';
    const res = await send('POST', admin, `${base}/assignments`, {
      assignments: [
        { proposalId: p.p4.id, evaluatorId: tecnico.userId }, { proposalId: p.p4.id, evaluatorId: planeamiento.userId },
        { proposalId: p.p1.id, evaluatorId: tecnico.userId }, { proposalId: p.p3.id, evaluatorId: obras.userId }, { proposalId: p.p5.id, evaluatorId: obras.userId },
      ],
      reason,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ assigned: 5 });
    const again = await send('POST', admin, `${base}/assignments`, { assignments: [{ proposalId: p.p4.id, evaluatorId: tecnico.userId }], reason }, 'en');
    expect(again.json().error).toMatchObject({ code: 'EVALUATION_ALREADY_ASSIGNED', message: `Proposal no. ${p.p4.number} is already assigned to Jorge Flores Ticona.` });
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'evaluation.assign').orderBy('seq').execute();
    expect(audit).toHaveLength(5);
    expect(audit.every((a) => a.reason === reason && a.actor_id === admin.userId)).toBe(true);

    const before = await snapshot(t);
    const frozen = await send('PUT', admin, `${base}/matrix`, { criteria: template(), reason: 'otra matriz' }, 'en');
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toMatchObject({ code: 'MATRIX_FROZEN', message: 'The prioritization matrix can no longer change: evaluation has started (5 assignments).' });
    expect((await get(null, `${base}/matrix`)).json()).toMatchObject({ frozen: true, editable: false, assignments: 5 });
    expect(await snapshot(t)).toEqual(before);
  });

  it('lists a member of the technical team their assignments; others get none of this', async () => {
    const list = (await get(tecnico, `${base}/mine`)).json();
    expect(list.open).toBe(true);
    expect(list.assignments.map((a: { proposal: { number: number }; status: string }) => [a.proposal.number, a.status])).toEqual([[p.p1.number, 'assigned'], [p.p4.number, 'assigned']]);
    expect((await get(agent, `${base}/mine`)).statusCode).toBe(403);
    expect((await get(admin, `${base}/mine`)).statusCode).toBe(403);
    const form = (await get(tecnico, mine(p.p4.id))).json();
    expect(form).toMatchObject({ status: 'assigned', evaluation: null, proposal: { number: p.p4.number, costCents: 200_000_00 } });
    expect(form.matrix).toHaveLength(5);
    expect((await get(tecnico, mine(p.p5.id))).json().error.code).toBe('EVALUATION_NOT_ASSIGNED');
  });

  it('refuses a bad evaluation with coded errors, writing nothing', async () => {
    const before = await snapshot(t);
    const good = { viability: 'viable', reasons: 'Cumple con el objetivo del plan y el costo es razonable.', adjustedCostCents: 210_000_00, scores: scores([4, 2, 2, 0, 3]), finish: true };
    const cases: [Agent, string, object, string, number, string | undefined][] = [
      [tecnico, p.p4.id, { ...good, scores: scores([5, 2, 2, 0, 3]) }, 'EVALUATION_SCORE_OUT_OF_SCALE', 400, 'scores.0.score'],
      [tecnico, p.p4.id, { ...good, scores: scores([4, 2, 2, -1, 3]) }, 'EVALUATION_SCORE_OUT_OF_SCALE', 400, 'scores.3.score'],
      [tecnico, p.p4.id, { ...good, adjustedCostCents: 0 }, 'EVALUATION_COST_NOT_POSITIVE', 400, 'adjustedCostCents'],
      [tecnico, p.p4.id, { ...good, adjustedCostCents: -100 }, 'EVALUATION_COST_NOT_POSITIVE', 400, 'adjustedCostCents'],
      [tecnico, p.p4.id, { ...good, scores: [{ criterionId: 'nope', score: 1 }] }, 'UNKNOWN_REFERENCE', 400, 'scores.0.criterionId'],
      [tecnico, p.p4.id, { ...good, scores: scores([4, 2, 2, 0, 3]).slice(0, 4) }, 'EVALUATION_SCORE_MISSING', 400, 'scores'],
      [tecnico, p.p4.id, { ...good, viability: null }, 'EVALUATION_INCOMPLETE', 400, 'viability'],
      [tecnico, p.p4.id, { ...good, reasons: '  ' }, 'EVALUATION_INCOMPLETE', 400, 'reasons'],
      [tecnico, p.p4.id, { ...good, viability: 'maybe' }, 'VALIDATION', 400, 'viability'],
      [tecnico, p.p5.id, good, 'EVALUATION_NOT_ASSIGNED', 403, undefined],
      [planeamiento, p.p1.id, good, 'EVALUATION_NOT_ASSIGNED', 403, undefined],
      [agent, p.p4.id, good, 'FORBIDDEN', 403, undefined],
    ];
    for (const [who, proposalId, body, code, status, field] of cases) {
      const res = await send('PUT', who, mine(proposalId), body, 'en');
      expect(res.statusCode, `${code} ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (field) expect(res.json().error.field).toBe(field);
    }
    const es = await send('PUT', tecnico, mine(p.p4.id), { ...good, scores: scores([5, 2, 2, 0, 3]) });
    expect(es.json().error.message).toBe('El puntaje 5 del criterio «Brecha de pobreza» está fuera de su escala (0 a 4).');
    const en = await send('PUT', tecnico, mine(p.p4.id), { ...good, viability: null }, 'en');
    expect(en.json().error.message).toBe('To finish the evaluation, this is missing: viability.');
    expect(await snapshot(t)).toEqual(before);
  });

  it('saves a draft, finishes it (final), and publishes the evaluation when the last evaluator finishes', async () => {
    const draft = await send('PUT', tecnico, mine(p.p4.id), { viability: 'viable', scores: scores([4, 2]).slice(0, 2) });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toEqual({ status: 'draft', published: false });
    expect((await get(tecnico, mine(p.p4.id))).json()).toMatchObject({ status: 'draft', evaluation: { viability: 'viable', finishedAt: null, scores: scores([4, 2]).slice(0, 2) } });

    const first = await send('PUT', tecnico, mine(p.p4.id), { viability: 'viable', reasons: 'Cumple con el objetivo del plan y el costo es razonable.', adjustedCostCents: 210_000_00, scores: scores([4, 2, 2, 0, 3]), finish: true });
    expect(first.json()).toEqual({ status: 'finished', published: false });
    const half = (await get(null, publicEvaluation(p.p4.id))).json();
    expect(half).toMatchObject({ published: false, evaluation: null, matrix: [], progress: { assigned: 2, finished: 1 } });
    expect((await evaluationProgress(t.db.db, iloId, processId)).evaluatorsPending.map((e) => e.name)).toContain('Carmen Vizcarra Salas');

    const before = await snapshot(t);
    const again = await send('PUT', tecnico, mine(p.p4.id), { viability: 'not_viable', reasons: 'Cambié de opinión sobre el terreno.', adjustedCostCents: 1, scores: [], finish: false }, 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'EVALUATION_FINISHED', message: `Your evaluation of proposal no. ${p.p4.number} is finished and does not change.` });
    expect(await snapshot(t)).toEqual(before);

    const last = await send('PUT', planeamiento, mine(p.p4.id), { viability: 'viable_with_changes', reasons: 'Viable si se corrigen los metrados del expediente.', adjustedCostCents: 230_000_00, scores: scores([2, 2, 2, 2, 2]), finish: true });
    expect(last.json()).toEqual({ status: 'finished', published: true });
    const published = (await get(null, publicEvaluation(p.p4.id))).json();
    // 40·4/4 + 10·2/4 + 10·2/4 + 10·0/4 + 30·3/4 = 72.5; 40·2/4 + 10·2/4 + 10·2/4 + 10·2/4 + 30·2/4 = 50; their mean 61.25.
    expect(published).toMatchObject({
      published: true, progress: { assigned: 2, finished: 2 },
      evaluation: { viability: 'viable_with_changes', adjustedCostCents: 230_000_00, weightedScore: 61.25 },
    });
    expect(published.matrix).toHaveLength(5);
    expect(published.evaluation.evaluators.map((e: { evaluatorName: string; weightedScore: number }) => [e.evaluatorName, e.weightedScore]))
      .toEqual([['Carmen Vizcarra Salas', 50], ['Jorge Flores Ticona', 72.5]]);
    const [fromQuery] = await publishedEvaluations(t.db.db, iloId, processId);
    expect(fromQuery).toMatchObject({ proposalId: p.p4.id, viability: 'viable_with_changes', weightedScore: 61.25, adjustedCostCents: 230_000_00 });
    expect(fromQuery!.evaluators.find((e) => e.evaluatorId === tecnico.userId)!.scores).toEqual(scores([4, 2, 2, 0, 3]));
    const publish = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'evaluation.publish').orderBy('seq').execute();
    expect(publish).toHaveLength(1);
    expect(publish[0]).toMatchObject({ entity_id: p.p4.id, actor_id: planeamiento.userId });
    const finish = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'evaluation.finish').orderBy('seq').execute();
    expect(finish.map((a) => a.reason)).toEqual(['Cumple con el objetivo del plan y el costo es razonable.', 'Viable si se corrigen los metrados del expediente.']);
    // A published proposal takes no new evaluator.
    const late = await send('POST', admin, `${base}/assignments`, { assignments: [{ proposalId: p.p4.id, evaluatorId: obras.userId }], reason: 'una opinión más' });
    expect(late.json().error.code).toBe('EVALUATION_ALREADY_PUBLISHED');
  });

  it('takes back an assignment not started, never one started', async () => {
    const before = await snapshot(t);
    const started = await send('POST', admin, `${base}/assignments/remove`, { proposalId: p.p4.id, evaluatorId: tecnico.userId, reason: 'reasignación' });
    expect(started.json().error.code).toBe('EVALUATION_ALREADY_STARTED');
    expect(await snapshot(t)).toEqual(before);
    const res = await send('POST', admin, `${base}/assignments/remove`, { proposalId: p.p5.id, evaluatorId: obras.userId, reason: 'reasignación por carga de trabajo' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await get(obras, mine(p.p5.id))).json().error.code).toBe('EVALUATION_NOT_ASSIGNED');
    expect((await t.db.db.selectFrom('audit_log').select('reason').where('action', '=', 'evaluation.unassign').orderBy('seq').execute()).map((a) => a.reason)).toEqual(['reasignación por carga de trabajo']);
  });

  it('lets its authors answer a published evaluation once, refusing others, and a second answer even sent at the same moment', async () => {
    const before = await snapshot(t);
    const text = 'Aceptamos el costo ajustado; la junta vecinal aportará la excavación de zanjas.';
    // P1 is the agent's, but not evaluated yet; P4 is someone else's.
    expect((await send('POST', agent, `${publicEvaluation(p.p1.id)}/observation`, { text })).json().error.code).toBe('OBSERVATION_NOT_PUBLISHED');
    const notAuthor = await send('POST', agent, `${publicEvaluation(p.p4.id)}/observation`, { text }, 'en');
    expect(notAuthor.statusCode).toBe(403);
    expect(notAuthor.json().error).toMatchObject({ code: 'OBSERVATION_NOT_AUTHOR', message: `Only the authors of proposal no. ${p.p4.number} may answer its evaluation.` });
    expect((await send('POST', null, `${publicEvaluation(p.p4.id)}/observation`, { text })).statusCode).toBe(401);
    expect(await snapshot(t)).toEqual(before);

    // P1 evaluated by its one evaluator: published; the agent (its author) may answer, the public page says so.
    expect((await send('PUT', tecnico, mine(p.p1.id), { viability: 'not_viable', reasons: 'El terreno no tiene libre disponibilidad.', adjustedCostCents: 100_000_00, scores: scores([1, 1, 1, 1, 0]), finish: true })).json().published).toBe(true);
    expect((await get(agent, publicEvaluation(p.p1.id))).json().mayObserve).toBe(true);
    expect((await get(null, publicEvaluation(p.p1.id))).json().mayObserve).toBe(false);
    const [a, b] = await Promise.all([
      send('POST', agent, `${publicEvaluation(p.p1.id)}/observation`, { text }),
      send('POST', agent, `${publicEvaluation(p.p1.id)}/observation`, { text: `${text} (segunda)` }, 'en'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().error.code).toBe('OBSERVATION_ALREADY_GIVEN');
    const rows = await t.db.db.selectFrom('evaluation_observations').selectAll().where('proposal_id', '=', p.p1.id).execute();
    expect(rows).toHaveLength(1);
    const shown = (await get(agent, publicEvaluation(p.p1.id))).json();
    expect(shown).toMatchObject({ mayObserve: false, observation: { authorName: 'Pedro Mamani Cutipa' } });
    expect((await t.db.db.selectFrom('audit_log').select(['reason', 'actor_id']).where('action', '=', 'evaluation.observe').orderBy('seq').execute())).toEqual([{ reason: rows[0]!.text, actor_id: agent.userId }]);
  });

  it('holds Concertation until every proposal is evaluated and every evaluator has finished, saying so in es and en', async () => {
    const progress = await evaluationProgress(t.db.db, iloId, processId);
    expect(progress).toEqual({ proposals: 5, unassigned: 2, unevaluated: 3, evaluatorsPending: [{ evaluatorId: obras.userId, name: 'Walter Chambilla Laura', pending: 1 }] });
    const en = (await get(admin, `/api/municipalities/ilo/processes/${processId}/phase`, 'en')).json();
    const text = (json: { failures: { code: string; message: string }[] }, code: string) => json.failures.find((f) => f.code === code)?.message;
    expect(text(en, 'PROPOSALS_NOT_EVALUATED')).toBe('3 proposals do not have their technical evaluation published yet (2 unassigned)');
    expect(text(en, 'EVALUATORS_NOT_FINISHED')).toBe('evaluators with evaluations pending: Walter Chambilla Laura (1)');
    const es = (await get(admin, `/api/municipalities/ilo/processes/${processId}/phase`)).json();
    expect(text(es, 'PROPOSALS_NOT_EVALUATED')).toBe('3 propuestas aún no tienen su evaluación técnica publicada (2 sin asignar)');
    expect(text(es, 'EVALUATORS_NOT_FINISHED')).toBe('evaluadores con evaluaciones pendientes: Walter Chambilla Laura (1)');
  });

  it('refuses evaluations, assignments and answers once Concertation is over, writing nothing', async () => {
    await t.db.db.updateTable('processes').set({ phase: 'coordination' }).where('id', '=', processId).execute();
    try {
      const before = await snapshot(t);
      const late = await send('PUT', obras, mine(p.p3.id), { viability: 'viable', reasons: 'Cumple.', adjustedCostCents: 100_000_00, scores: scores([2, 2, 2, 2, 2]), finish: true }, 'en');
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({ code: 'EVALUATION_NOT_OPEN', message: 'Technical evaluation takes place during Concertation (current phase: Coordination).' });
      expect((await send('POST', admin, `${base}/assignments`, { assignments: [{ proposalId: p.p5.id, evaluatorId: tecnico.userId }], reason: 'tarde' })).json().error.code).toBe('EVALUATION_NOT_OPEN');
      expect((await send('POST', agent, `${publicEvaluation(p.p2.id)}/observation`, { text: 'Una respuesta fuera de plazo.' })).json().error.code).toBe('EVALUATION_NOT_OPEN');
      expect((await get(obras, `${base}/mine`)).json().open).toBe(false);
      expect(await snapshot(t)).toEqual(before);
    } finally {
      await t.db.db.updateTable('processes').set({ phase: 'concertation' }).where('id', '=', processId).execute();
    }
  });

  it("hides another municipality's evaluations", async () => {
    expect((await get(null, `/api/municipalities/pacocha/processes/${processId}/proposals/${p.p4.id}/evaluation`)).statusCode).toBe(404);
    expect((await get(null, `/api/municipalities/pacocha/processes/${processId}/evaluation/matrix`)).statusCode).toBe(404);
  });
});
