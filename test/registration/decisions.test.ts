import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { signIn } from '../support/app.ts';
import { countPendingRegistrations, findApprovedAgentByDni } from '../../src/registration/registration.queries.ts';
import {
  agentPayload, approveAgents, approvedOrganization, auditOf, citizen, countRows, createWorld, get, newProcess, orgPayload, post, registerAgent,
  staffOf, url, type World,
} from './helpers.ts';

describe.each(testDialects())('deciding registrations on %s', (dialect) => {
  let w: World;
  let processId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    processId = await newProcess(w);
  });
  afterAll(async () => { await w.t.close(); });

  async function outbox(relatedId: string) {
    return w.t.db.db.selectFrom('notifications').selectAll().where('related_id', '=', relatedId).execute();
  }

  it('approves a registration: audit with the reason, a Spanish message, the participating_agent role for its account', async () => {
    const me = await citizen(w);
    const id = (await post(w, me, url(processId, '/agents'), agentPayload(w, { fullName: 'Flor Ccori Laura', email: 'flor@example.pe' }))).json().id;
    expect(await w.t.db.db.selectFrom('memberships').select('role').where('user_id', '=', me.userId).execute()).toEqual([]);

    const res = await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'approve', reason: 'DNI verificado en la jornada' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decisionReason: 'DNI verificado en la jornada', decidedAt: expect.any(String) });

    const audit = await auditOf(w, id);
    expect(audit.map((e) => [e.action, e.actor_id, e.reason])).toEqual([
      ['registration.register', me.userId, null],
      ['registration.approve', w.admin.userId, 'DNI verificado en la jornada'],
    ]);
    expect(JSON.parse(audit[1]!.data)).toMatchObject({ processId, status: 'approved', roleGranted: true });

    const roles = await w.t.db.db.selectFrom('memberships').select(['role', 'granted_by']).where('user_id', '=', me.userId).execute();
    expect(roles).toEqual([{ role: 'participating_agent', granted_by: w.admin.userId }]);
    const session = await w.t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: me.cookie } });
    expect(session.json().user.roles).toEqual([expect.objectContaining({ municipalitySlug: 'ilo', role: 'participating_agent' })]);

    const [msg] = await outbox(id);
    expect(msg).toMatchObject({ channel: 'email', recipient: 'flor@example.pe', topic: 'registration.decision', related_type: 'agent', status: 'pending' });
    expect(msg!.subject).toMatch(/Inscripción aprobada/);
    expect(msg!.body).toMatch(/Flor Ccori Laura[\s\S]*aprobó su inscripción[\s\S]*Motivo: DNI verificado en la jornada/);
  });

  it('does not grant a role twice: the demo agent already holds it', async () => {
    const agentDni = '40567890';
    const id = (await post(w, w.agent, url(processId, '/agents'), agentPayload(w, { dni: agentDni }))).json().id;
    const before = await countRows(w, 'memberships');
    expect((await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'approve' })).statusCode).toBe(200);
    expect(await countRows(w, 'memberships')).toBe(before);
    expect(await findApprovedAgentByDni(w.t.db.db, w.mId, processId, agentDni)).toMatchObject({ id, sex: 'female', organizationId: null });
  });

  it('requires a reason to reject, and the applicant hears it by SMS when they gave only a phone', async () => {
    const id = await registerAgent(w, processId, { phone: '912345678', email: null });
    const noReason = await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'reject', reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(noReason.json().error.message).toMatch(/indica el motivo/);
    expect((await get(w, w.admin, url(processId, `/agents/${id}`))).json().status).toBe('pending');
    expect(await outbox(id)).toEqual([]);

    const res = await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'reject', reason: 'No reside en la provincia de Ilo' });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: 'No reside en la provincia de Ilo' });
    const [msg] = await outbox(id);
    expect(msg).toMatchObject({ channel: 'sms', recipient: '912345678' });
    expect(msg!.body).toMatch(/rechazó su inscripción[\s\S]*Motivo: No reside en la provincia de Ilo/);
    const [, , rejected] = await auditOf(w, id);
    expect([rejected!.action, rejected!.reason]).toEqual(['registration.reject', 'No reside en la provincia de Ilo']);
  });

  it('never decides a registration twice', async () => {
    const id = await registerAgent(w, processId);
    await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'approve' });
    const again = await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'reject', reason: 'Cambio de opinión' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'REGISTRATION_NOT_PENDING', details: { status: 'approved' } });
    expect((await get(w, w.admin, url(processId, `/agents/${id}`))).json().status).toBe('approved');
    expect((await auditOf(w, id)).map((e) => e.action)).toEqual(['registration.register', 'registration.claim_code_issue', 'registration.approve']);
  });

  it('lets only administrators of the municipality decide', async () => {
    const id = await registerAgent(w, processId);
    const tecnico = await signIn(w.t.app, 'tecnico@ilo.gob.pe');
    const pacochaAdmin = await staffOf(w, 'pacocha', 'administrator');
    for (const who of [w.facilitator, w.agent, tecnico, pacochaAdmin]) {
      const res = await post(w, who, url(processId, `/agents/${id}/decision`), { decision: 'approve' });
      expect(res.statusCode).toBe(403);
    }
    expect((await post(w, null, url(processId, `/agents/${id}/decision`), { decision: 'approve' })).statusCode).toBe(401);
    expect((await get(w, w.admin, url(processId, `/agents/${id}`))).json().status).toBe('pending');
  });

  it('decides many at once, all or nothing', async () => {
    const ids = [await registerAgent(w, processId), await registerAgent(w, processId), await registerAgent(w, processId)];
    const decided = await registerAgent(w, processId);
    await post(w, w.admin, url(processId, `/agents/${decided}/decision`), { decision: 'reject', reason: 'Duplicado' });
    const notifications = await countRows(w, 'notifications');

    const mixed = await post(w, w.admin, url(processId, '/agents/decisions'), { agentIds: [...ids, decided], decision: 'approve' });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.code).toBe('REGISTRATION_NOT_PENDING');
    const unknown = await post(w, w.admin, url(processId, '/agents/decisions'), { agentIds: [...ids, 'no-such-agent'], decision: 'approve' });
    expect(unknown.statusCode).toBe(404);
    for (const id of ids) expect((await get(w, w.admin, url(processId, `/agents/${id}`))).json().status).toBe('pending');
    expect(await countRows(w, 'notifications')).toBe(notifications);

    const ok = await post(w, w.admin, url(processId, '/agents/decisions'), { agentIds: ids, decision: 'reject', reason: 'Sin constancia de domicilio' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().agents.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual(ids.map((id) => [id, 'rejected']));
    for (const id of ids) {
      const entries = await auditOf(w, id);
      expect(entries.at(-1)).toMatchObject({ action: 'registration.reject', reason: 'Sin constancia de domicilio', actor_id: w.admin.userId });
    }
    expect(await countRows(w, 'notifications')).toBe(notifications + 3);
  });

  it('decides organizations, and only an approved one accredits delegates', async () => {
    const org = (await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { name: 'Asociación Vaso de Leche', type: 'womens_group', contactEmail: 'vaso@example.pe' }))).json();
    const early = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { organizationId: org.id }));
    expect(early.json().error.code).toBe('ORGANIZATION_NOT_APPROVED');
    expect((await post(w, w.admin, url(processId, `/organizations/${org.id}/decision`), { decision: 'reject' })).json().error.code).toBe('VALIDATION');

    const ok = await post(w, w.admin, url(processId, `/organizations/${org.id}/decision`), { decision: 'approve', reason: 'Partida vigente' });
    expect(ok.json()).toMatchObject({ status: 'approved', decisionReason: 'Partida vigente' });
    const [msg] = await outbox(org.id);
    expect(msg!.body).toMatch(/aprobó la inscripción de la organización «Asociación Vaso de Leche»[\s\S]*acreditar a sus delegados/);
    expect((await auditOf(w, org.id)).map((e) => [e.action, e.reason])).toEqual([['registration.register', null], ['registration.approve', 'Partida vigente']]);
    expect((await post(w, w.admin, url(processId, `/organizations/${org.id}/decision`), { decision: 'approve' })).json().error.code).toBe('REGISTRATION_NOT_PENDING');
    expect((await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { organizationId: org.id }))).statusCode).toBe(201);

    const two = [(await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w))).json().id, (await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w))).json().id];
    const bulk = await post(w, w.admin, url(processId, '/organizations/decisions'), { organizationIds: two, decision: 'reject', reason: 'Partida no vigente en SUNARP' });
    expect(bulk.json().organizations.map((o: { status: string }) => o.status)).toEqual(['rejected', 'rejected']);
  });

  it('refuses decisions once the process has left Preparation', async () => {
    const p = await newProcess(w);
    const id = await registerAgent(w, p);
    await w.t.db.db.updateTable('processes').set({ phase: 'concertation' }).where('id', '=', p).execute();
    const res = await post(w, w.admin, url(p, `/agents/${id}/decision`), { decision: 'approve' }, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PHASE_CLOSED', message: 'This belongs to the Preparation phase; the process is in Concertation.' });
    expect(await countPendingRegistrations(w.t.db.db, w.mId, p)).toEqual({ agents: 1, organizations: 0 });
  });

  it('publishes every registration and decision with its reason, never a DNI, phone or email', async () => {
    const p = await newProcess(w);
    const org = await approvedOrganization(w, p, { name: 'Comité de Vaso de Leche Miramar', contactEmail: 'secreto-org@example.pe', contactPhone: '955555555' });
    const delegate = await registerAgent(w, p, { dni: '48888888', fullName: 'Delegada Pública', phone: '944444444', email: 'secreto@example.pe', organizationId: org.id });
    const rejected = await registerAgent(w, p, { dni: '48888889', fullName: 'Persona Rechazada', phone: '933333333' });
    await registerAgent(w, p, { dni: '48888890', fullName: 'Persona Pendiente' });
    await approveAgents(w, p, [delegate]);
    await post(w, w.admin, url(p, `/agents/${rejected}/decision`), { decision: 'reject', reason: 'Menor de 18 años' });

    const res = await get(w, null, url(p, '/registry'));
    expect(res.statusCode).toBe(200);
    const reg = res.json();
    expect(reg).toMatchObject({ processId: p, open: true, total: 4, counts: { individuals: { pending: 1, approved: 1, rejected: 1 }, organizations: { pending: 0, approved: 1, rejected: 0 } } });
    expect(reg.entries.map((e: { name: string }) => e.name)).toEqual(['Comité de Vaso de Leche Miramar', 'Delegada Pública', 'Persona Pendiente', 'Persona Rechazada']);
    expect(reg.entries[0]).toMatchObject({ kind: 'organization', organizationType: 'neighbourhood_committee', registryNumber: org.registryNumber, status: 'approved', decisionReason: 'Partida verificada en SUNARP' });
    expect(reg.entries[1]).toMatchObject({ kind: 'individual', delegateOf: { id: org.id, name: 'Comité de Vaso de Leche Miramar' }, status: 'approved', zone: { code: 'Z02' } });
    expect(reg.entries[3]).toMatchObject({ status: 'rejected', decisionReason: 'Menor de 18 años', decidedAt: expect.any(String) });
    for (const secret of ['48888888', '48888889', '944444444', '933333333', 'secreto@example.pe', 'secreto-org@example.pe', '955555555', 'dni', 'phone', 'email']) {
      expect(res.body).not.toContain(secret);
    }
    const rejectedOnly = (await get(w, null, url(p, '/registry?status=rejected&kind=individual'))).json();
    expect(rejectedOnly.entries.map((e: { name: string }) => e.name)).toEqual(['Persona Rechazada']);
    expect(rejectedOnly.total).toBe(1);
  });

  it('counts pending registrations for the phase move', async () => {
    const p = await newProcess(w);
    await registerAgent(w, p);
    await registerAgent(w, p);
    await post(w, w.facilitator, url(p, '/organizations/in-person'), orgPayload(w));
    expect(await countPendingRegistrations(w.t.db.db, w.mId, p)).toEqual({ agents: 2, organizations: 1 });
    expect(await findApprovedAgentByDni(w.t.db.db, w.mId, p, '40123456')).toBeNull();
  });
});
