import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { signIn, type Agent } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, listStagesPast } from '../support/fixtures.ts';
import { newId, now } from '../../src/shared/clock.ts';
import { auditCount, auditOf, citizen, createWorld, get, nextDni, post, url, type World } from './helpers.ts';
import type { LightMyRequestResponse } from 'fastify';
import { as } from '../support/app.ts';

async function put(w: World, who: Agent, path: string, payload: unknown): Promise<LightMyRequestResponse> {
  return w.t.app.inject({ method: 'PUT', url: path, headers: as(who), payload: payload as object });
}

let year = 2300;

describe.each(testDialects())('list stages and challenges on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await createWorld(dialect); });
  afterAll(async () => { await w.t.close(); });

  /** An approved agent registration held by an account (as online registration and approval leave it). */
  async function approvedAgent(processId: string, who: Agent | null, over: { fullName?: string; organizationId?: string; email?: string } = {}): Promise<string> {
    const id = newId();
    await w.t.db.db.insertInto('agents').values({
      municipality_id: w.mId, id, process_id: processId, dni: nextDni(), full_name: over.fullName ?? 'Agente de Prueba', sex: 'female', age_band: '30-44',
      zone_id: w.zones[0]!.id, phone: null, email: over.email ?? `agente-${id.slice(0, 6)}@example.pe`, organization_id: over.organizationId ?? null, status: 'approved',
      decision_reason: null, decided_at: now(), decided_by: w.admin.userId, user_id: who?.userId ?? null, submitted_by: who?.userId ?? null,
      source: 'online', created_at: now(), updated_at: now(),
    }).execute();
    if (who) {
      await w.t.db.db.insertInto('memberships').values({ municipality_id: w.mId, user_id: who.userId, role: 'participating_agent', granted_at: now(), granted_by: w.admin.userId })
        .onConflict((oc) => oc.doNothing()).execute();
    }
    return id;
  }

  /** An approved organization (registration is closed in these processes: straight into its table). */
  async function approvedOrg(processId: string, name: string): Promise<{ id: string; registryNumber: string }> {
    const id = newId();
    const registryNumber = String(11000000 + Math.floor(Math.random() * 999999));
    await w.t.db.db.insertInto('organizations').values({
      municipality_id: w.mId, id, process_id: processId, name, type: 'neighbourhood_committee', registry_number: registryNumber, zone_id: w.zones[3]!.id,
      contact_phone: null, contact_email: 'comite@example.pe', status: 'approved', decision_reason: null, decided_at: now(), decided_by: w.admin.userId,
      submitted_by: null, source: 'in_person', created_at: now(), updated_at: now(),
    }).execute();
    return { id, registryNumber };
  }

  async function setWindow(processId: string, window: 'past' | 'open' | 'ahead') {
    const p = await w.t.db.db.selectFrom('processes').select('rules').where('id', '=', processId).executeTakeFirstOrThrow();
    const rules = { ...JSON.parse(p.rules), ...listStagesPast(window).rules };
    await w.t.db.db.updateTable('processes').set({ rules: JSON.stringify(rules) }).where('id', '=', processId).execute();
  }

  async function scene(window: 'past' | 'open' | 'ahead' = 'open') {
    const { processId } = await createProcessFixture(w.t.db, { fiscalYear: ++year, ...listStagesPast(window) });
    const ana = await citizen(w);
    const beto = await citizen(w);
    const anaAgent = await approvedAgent(processId, ana, { fullName: 'Ana Flores Mamani' });
    const betoAgent = await approvedAgent(processId, beto, { fullName: 'Beto Quispe Ramos', email: 'beto@example.pe' });
    return { processId, ana, beto, anaAgent, betoAgent };
  }

  it('publishes the preliminary list once, from its date, audited, with no DNI or contact', async () => {
    const { processId } = await createProcessFixture(w.t.db, { fiscalYear: ++year, deadlineInDays: 3 });
    const early = await post(w, w.admin, url(processId, '/lists/preliminary'), undefined);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('LIST_NOT_YET');

    const s = await scene();
    const org = await approvedOrg(s.processId, 'Comité Vecinal Miramar');
    const denied = await post(w, w.facilitator, url(s.processId, '/lists/preliminary'), undefined);
    expect(denied.statusCode).toBe(403);
    const res = await post(w, w.admin, url(s.processId, '/lists/preliminary'), undefined);
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view.published).toEqual([expect.objectContaining({ stage: 'preliminary' })]);
    expect(view.registrations.map((r: { name: string }) => r.name).sort()).toEqual(['Ana Flores Mamani', 'Beto Quispe Ramos', 'Comité Vecinal Miramar']);
    expect(view.registrations.find((r: { id: string }) => r.id === org.id)).toMatchObject({ type: 'organization', registryNumber: org.registryNumber, onPreliminary: true, listed: true, change: null });
    const publicView = await get(w, null, url(s.processId, '/lists'));
    expect(publicView.body).not.toMatch(/dni|@example\.pe|phone|email/i);
    const again = await post(w, w.admin, url(s.processId, '/lists/preliminary'), undefined, 'en');
    expect(again.json().error).toMatchObject({ code: 'LIST_ALREADY_PUBLISHED' });
    expect(again.json().error.message).toMatch(/^This list was already published on [A-Z][a-z]+ \d{1,2}, \d{4}\.$/);
    const listId = (await w.t.db.db.selectFrom('registration_lists').select('id').where('process_id', '=', s.processId).executeTakeFirstOrThrow()).id;
    expect((await auditOf(w, listId)).map((e) => e.action)).toEqual(['registration.publish_preliminary_list']);
  });

  it('takes a challenge in the window, tells the challenged party, takes one answer, and refuses the bad ones with nothing written', async () => {
    const s = await scene();
    const outsider = await citizen(w);
    const before = await post(w, s.ana, url(s.processId, '/challenges'), { targetType: 'agent', targetId: s.betoAgent, grounds: 'not_resident', reason: 'Vive en Moquegua desde hace años.' });
    expect(before.json().error.code).toBe('PRELIMINARY_LIST_MISSING');
    expect((await post(w, w.admin, url(s.processId, '/lists/preliminary'), undefined)).statusCode).toBe(201);

    const body = { targetType: 'agent', targetId: s.betoAgent, grounds: 'not_resident', reason: 'Vive en Moquegua desde hace años.' };
    const audits = await auditCount(w);
    const refusals: [Agent, object, number, string][] = [
      [outsider, body, 403, 'NOT_A_REGISTERED_AGENT'],
      [s.ana, { ...body, targetId: s.anaAgent }, 409, 'CHALLENGE_AGAINST_SELF'],
      [s.ana, { ...body, grounds: 'made_up' }, 400, 'VALIDATION'],
      [s.ana, { ...body, reason: 'corto' }, 400, 'VALIDATION'],
      [s.ana, { ...body, evidenceFileId: 'nope' }, 404, 'NOT_FOUND'],
    ];
    for (const [who, payload, status, code] of refusals) {
      const res = await post(w, who, url(s.processId, '/challenges'), payload);
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    }
    expect(await auditCount(w)).toBe(audits);

    const filed = await post(w, s.ana, url(s.processId, '/challenges'), body);
    expect(filed.statusCode).toBe(201);
    const challenge = filed.json();
    expect(challenge).toMatchObject({ target: { type: 'agent', id: s.betoAgent, name: 'Beto Quispe Ramos' }, challengerName: 'Ana Flores Mamani', status: 'open', mine: 'challenger', answer: null });
    const twice = await post(w, s.ana, url(s.processId, '/challenges'), { ...body, grounds: 'other' }, 'en');
    expect([twice.statusCode, twice.json().error.code, twice.json().error.message]).toEqual([409, 'CHALLENGE_DUPLICATE', 'You already challenged this registration.']);
    const told = await w.t.db.db.selectFrom('notifications').selectAll().where('related_id', '=', challenge.id).execute();
    expect(told).toEqual([expect.objectContaining({ recipient: 'beto@example.pe', topic: 'registration.challenge' })]);
    expect(told[0]!.body).toContain('No reside en la jurisdicción');

    // Only the challenged party answers, once.
    const notMine = await post(w, s.ana, url(s.processId, `/challenges/${challenge.id}/answer`), { answer: 'Sí vivo en Ilo, adjunto recibo de luz.' });
    expect(notMine.json().error.code).toBe('NOT_THE_CHALLENGED_PARTY');
    const early = await post(w, w.admin, url(s.processId, `/challenges/${challenge.id}/decision`), { decision: 'dismiss', reason: 'Reside en Ilo' });
    expect(early.json().error.code).toBe('CHALLENGE_AWAITING_ANSWER');
    const answered = await post(w, s.beto, url(s.processId, `/challenges/${challenge.id}/answer`), { answer: 'Vivo en el Pampa Inalámbrica desde 2015.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ mine: 'challenged', answer: 'Vivo en el Pampa Inalámbrica desde 2015.' });
    const second = await post(w, s.beto, url(s.processId, `/challenges/${challenge.id}/answer`), { answer: 'Otra vez: vivo en Ilo desde 2015.' });
    expect(second.json().error.code).toBe('ALREADY_ANSWERED');

    // After the window: neither challenges nor answers.
    const other = await post(w, s.beto, url(s.processId, '/challenges'), { ...body, targetId: s.anaAgent });
    expect(other.statusCode).toBe(201);
    await setWindow(s.processId, 'past');
    const late = await post(w, s.ana, url(s.processId, `/challenges/${other.json().id}/answer`), { answer: 'Llego tarde con mi descargo.' });
    expect(late.json().error).toMatchObject({ code: 'ANSWER_WINDOW_CLOSED' });
    const lateChallenge = await post(w, s.beto, url(s.processId, '/challenges'), { ...body, targetId: s.anaAgent, grounds: 'other' });
    expect(lateChallenge.json().error.code).toBe('CHALLENGE_WINDOW_CLOSED');
    const count = await w.t.db.db.selectFrom('registration_challenges').select((eb) => eb.fn.countAll<number>().as('n')).where('process_id', '=', s.processId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('decides with a reason through the decision kernel: upheld withdraws the registration, the quota recounts; the definitive list and its act follow', async () => {
    const s = await scene();
    const org = await approvedOrg(s.processId, 'Asociación Fantasma');
    const delegate = await approvedAgent(s.processId, null, { fullName: 'Carla Delegada Soto', organizationId: org.id });
    expect((await post(w, w.admin, url(s.processId, '/lists/preliminary'), undefined)).statusCode).toBe(201);
    const a = (await post(w, s.ana, url(s.processId, '/challenges'), { targetType: 'organization', targetId: org.id, grounds: 'organization_not_constituted', reason: 'No figura en SUNARP ni en el registro municipal.' })).json();
    const b = (await post(w, s.ana, url(s.processId, '/challenges'), { targetType: 'agent', targetId: s.betoAgent, grounds: 'duplicate_person', reason: 'Está inscrito también como delegado.' })).json();
    const tooSoon = await post(w, w.admin, url(s.processId, '/lists/definitive'), undefined);
    expect(tooSoon.json().error.code).toBe('CHALLENGE_WINDOW_NOT_OVER');
    await setWindow(s.processId, 'past');
    const open = await post(w, w.admin, url(s.processId, '/lists/definitive'), undefined, 'en');
    expect(open.json().error).toMatchObject({ code: 'CHALLENGES_OPEN', message: '2 challenges are still undecided.' });

    const audits = await auditCount(w);
    const noReason = await post(w, w.admin, url(s.processId, `/challenges/${a.id}/decision`), { decision: 'uphold' });
    expect([noReason.statusCode, noReason.json().error.code, noReason.json().error.field]).toEqual([400, 'VALIDATION', 'reason']);
    const byFacilitator = await post(w, w.facilitator, url(s.processId, `/challenges/${a.id}/decision`), { decision: 'uphold', reason: 'Sin partida' });
    expect(byFacilitator.statusCode).toBe(403);
    expect(await auditCount(w)).toBe(audits);

    const upheld = await post(w, w.admin, url(s.processId, `/challenges/${a.id}/decision`), { decision: 'uphold', reason: 'La partida registral no existe en SUNARP.' });
    expect(upheld.statusCode).toBe(200);
    expect(upheld.json()).toMatchObject({ status: 'upheld', decisionReason: 'La partida registral no existe en SUNARP.' });
    const rows = await w.t.db.db.selectFrom('agents').select(['id', 'status']).where('id', '=', delegate).execute();
    expect(rows[0]!.status).toBe('rejected');
    const entry = (await auditOf(w, a.id)).at(-1)!;
    expect(entry.action).toBe('registration.challenge_uphold');
    expect(JSON.parse(entry.data)).toMatchObject({ withdrawn: true, delegatesWithdrawn: [delegate], delegatesAfter: { women: 0, men: 0 } });
    const twice = await post(w, w.admin, url(s.processId, `/challenges/${a.id}/decision`), { decision: 'dismiss', reason: 'Cambio de opinión' });
    expect(twice.json().error.code).toBe('CHALLENGE_DECIDED');
    expect((await post(w, w.admin, url(s.processId, `/challenges/${b.id}/decision`), { decision: 'dismiss', reason: 'Es una sola inscripción.' })).statusCode).toBe(200);

    // The public list shows the change since the preliminary list.
    const view = (await get(w, null, url(s.processId, '/lists'))).json();
    expect(view.registrations.find((r: { id: string }) => r.id === org.id)).toMatchObject({ onPreliminary: true, listed: false, change: { kind: 'withdrawn' } });
    expect(view.challenges.map((c: { status: string }) => c.status)).toEqual(['upheld', 'dismissed']);

    const definitive = await post(w, w.admin, url(s.processId, '/lists/definitive'), undefined);
    expect(definitive.statusCode).toBe(201);
    const published = definitive.json().published.find((p: { stage: string }) => p.stage === 'definitive');
    const pdf = await get(w, null, url(s.processId, '/lists/definitive/act.pdf'));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sha = createHash('sha256').update(pdf.rawPayload).digest('hex');
    expect(published.actSha256).toBe(sha);
    const listId = (await w.t.db.db.selectFrom('registration_lists').select('id').where('process_id', '=', s.processId).where('stage', '=', 'definitive').executeTakeFirstOrThrow()).id;
    expect(JSON.parse((await auditOf(w, listId))[0]!.data)).toMatchObject({ actSha256: sha, agents: 2, organizations: 0, challenges: 2 });
    const html = await get(w, null, url(s.processId, '/lists/definitive/act.html'));
    expect(html.body).toContain('Ana Flores Mamani');
    expect(html.body).toContain('Organización no constituida legalmente');
    expect(html.body).toContain('Rosa Quispe Mamani');
    expect(html.body).not.toContain('DNI</th>');
    const staff = await get(w, w.admin, url(s.processId, '/lists/definitive/act-staff.html'));
    expect(staff.body).toContain('DNI</th>');
    expect((await get(w, null, url(s.processId, '/lists/definitive/act-staff.html'))).statusCode).toBe(401);
    // Nothing moves after the definitive list.
    const after = await post(w, s.ana, url(s.processId, '/challenges'), { targetType: 'agent', targetId: s.betoAgent, grounds: 'other', reason: 'Ya es tarde para esto.' });
    expect(after.json().error.code).toBe('DEFINITIVE_LIST_PUBLISHED');
  });

  it('lets a commission named by the administrator decide challenges; its members sign the act', async () => {
    const s = await scene();
    const technical = await signIn(w.t.app, 'tecnico@ilo.gob.pe');
    const stranger = await citizen(w);
    const refused = await put(w, w.admin, url(s.processId, '/lists/commission'), { userIds: [w.facilitator.userId, stranger.userId], reason: 'Resolución de alcaldía 045-2026' });
    expect([refused.statusCode, refused.json().error.code, refused.json().error.field]).toEqual([409, 'COMMISSION_MEMBER_ROLE', 'userIds']);
    expect((await put(w, w.facilitator, url(s.processId, '/lists/commission'), { userIds: [w.facilitator.userId], reason: 'Me nombro a mí' })).statusCode).toBe(403);
    const named = await put(w, w.admin, url(s.processId, '/lists/commission'), { userIds: [w.facilitator.userId], reason: 'Resolución de alcaldía 045-2026' });
    expect(named.statusCode).toBe(200);
    expect(named.json().commission).toEqual([{ userId: w.facilitator.userId, name: expect.any(String) }]);
    const facilitatorName = named.json().commission[0].name as string;
    expect((await auditOf(w, s.processId)).map((e) => e.action)).toContain('registration.commission_set');

    expect((await post(w, w.admin, url(s.processId, '/lists/preliminary'), undefined)).statusCode).toBe(201);
    const c = (await post(w, s.ana, url(s.processId, '/challenges'), { targetType: 'agent', targetId: s.betoAgent, grounds: 'other', reason: 'No asistió a ninguna reunión del barrio.' })).json();
    await setWindow(s.processId, 'past');
    const notMember = await post(w, technical, url(s.processId, `/challenges/${c.id}/decision`), { decision: 'dismiss', reason: 'No es causal' });
    expect([notMember.statusCode, notMember.json().error.code]).toEqual([403, 'NOT_ON_COMMISSION']);
    expect((await get(w, w.facilitator, url(s.processId, '/lists'))).json().mayDecide).toBe(true);
    expect((await get(w, technical, url(s.processId, '/lists'))).json().mayDecide).toBe(false);
    const decided = await post(w, w.facilitator, url(s.processId, `/challenges/${c.id}/decision`), { decision: 'dismiss', reason: 'La asistencia a reuniones no es requisito.' });
    expect(decided.json()).toMatchObject({ status: 'dismissed' });
    expect((await post(w, w.admin, url(s.processId, '/lists/definitive'), undefined)).statusCode).toBe(201);
    const html = (await get(w, null, url(s.processId, '/lists/definitive/act.html'))).body;
    expect(html).toContain(facilitatorName);
  });

  it('takes evidence uploaded by the challenger, kept from the public', async () => {
    const s = await scene();
    expect((await post(w, w.admin, url(s.processId, '/lists/preliminary'), undefined)).statusCode).toBe(201);
    const boundary = 'x-boundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prueba.txt"\r\nContent-Type: text/plain\r\n\r\nConstancia de domicilio en Moquegua.\r\n--${boundary}--\r\n`;
    const up = await w.t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files/evidence', headers: { ...as(s.ana), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(up.statusCode).toBe(201);
    const fileId = up.json().id;
    const filed = await post(w, s.ana, url(s.processId, '/challenges'), { targetType: 'agent', targetId: s.betoAgent, grounds: 'not_resident', reason: 'Vive en Moquegua, ver constancia.', evidenceFileId: fileId });
    expect(filed.json()).toMatchObject({ hasEvidence: true, evidenceFileId: null });
    expect((await get(w, null, url(s.processId, '/lists'))).json().challenges[0]).toMatchObject({ hasEvidence: true, evidenceFileId: null });
    expect((await get(w, w.admin, url(s.processId, '/lists'))).json().challenges[0]).toMatchObject({ evidenceFileId: fileId });
    expect((await get(w, null, `/api/municipalities/ilo/files/${fileId}`)).statusCode).toBe(404);
    expect((await get(w, w.admin, `/api/municipalities/ilo/files/${fileId}`)).statusCode).toBe(200);
  });

  it('keeps list dates in order within Preparation', async () => {
    const created = await post(w, w.admin, '/api/municipalities/ilo/processes', {
      name: 'Presupuesto Participativo de prueba', fiscalYear: 2100, envelopeCents: 100_000_00, investmentBudgetCents: 1_000_000_00,
      calendar: [
        { phase: 'preparation', startsOn: '2299-02-01', endsOn: '2299-03-31' }, { phase: 'concertation', startsOn: '2299-04-01', endsOn: '2299-05-31' },
        { phase: 'coordination', startsOn: '2299-06-01', endsOn: '2299-06-15' }, { phase: 'formalization', startsOn: '2299-06-16', endsOn: '2299-06-30' },
        { phase: 'execution', startsOn: '2300-01-01', endsOn: '2300-12-31' },
      ].map((c) => ({ ...c, startsOn: c.startsOn.replace('2299', '2099').replace('2300', '2100'), endsOn: c.endsOn.replace('2299', '2099').replace('2300', '2100') })),
      rules: {
        registrationDeadline: '2099-03-01', trainingRequiredToVote: true, minTrainingSessions: 1,
        quotas: { delegateSeats: 40, delegatesMinWomenShare: 0.5, directiveSeats: 7, directiveMinWomen: 3, oversightSeats: 6, oversightMinWomenShare: 0.5 },
        ballotKind: 'single', maxChoices: null, outcomeRule: 'greedy',
        listStages: { preliminaryListOn: '2099-03-05', challengesFrom: '2099-03-04', challengesUntil: '2099-03-08', definitiveListOn: '2099-03-10' },
      },
    }, 'en');
    expect(created.statusCode).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'VALIDATION', field: 'rules.listStages.challengesFrom' });
  });
});
