import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import {
  agentPayload, approveAgents, approvedOrganization, auditOf, citizen, countRows, createWorld, newProcess, post, registerAgent, url, type World,
} from './helpers.ts';

describe.each(testDialects())('reverting decisions on registrations on %s', (dialect) => {
  let w: World;
  let processId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    processId = await newProcess(w);
  });
  afterAll(async () => { await w.t.close(); });

  const roles = (userId: string) => w.t.db.db.selectFrom('memberships').select('role').where('user_id', '=', userId).execute();

  it('takes an approval back to pending with the reason: audited, told to the applicant, the role it granted taken back; then decided again', async () => {
    const me = await citizen(w);
    const id = (await post(w, me, url(processId, '/agents'), agentPayload(w, { fullName: 'Rosa Mamani Quispe', email: 'rosa@example.pe' }))).json().id;
    await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'approve' });
    expect(await roles(me.userId)).toEqual([{ role: 'participating_agent' }]);
    const notifications = await countRows(w, 'notifications');

    const res = await post(w, w.admin, url(processId, `/agents/${id}/revert`), { reason: 'Aprobada por error: el DNI no coincide con la ficha' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', decisionReason: null, decidedAt: null });
    expect(await roles(me.userId)).toEqual([]);
    const entries = await auditOf(w, id);
    expect(entries.at(-1)).toMatchObject({ action: 'registration.revert', actor_id: w.admin.userId, reason: 'Aprobada por error: el DNI no coincide con la ficha' });
    expect(JSON.parse(entries.at(-1)!.data)).toMatchObject({ status: 'pending', from: 'approved', roleRevoked: true });
    expect(await countRows(w, 'notifications')).toBe(notifications + 1);
    const msg = await w.t.db.db.selectFrom('notifications').selectAll().where('related_id', '=', id).orderBy('created_at', 'desc').orderBy('id').executeTakeFirstOrThrow();
    expect(msg.subject).toMatch(/Inscripción en revisión/);
    expect(msg.body).toMatch(/Estimada Rosa Mamani Quispe[\s\S]*dejó sin efecto la aprobación[\s\S]*Motivo: Aprobada por error/);

    const again = await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'reject', reason: 'El DNI no coincide con la ficha' });
    expect(again.json()).toMatchObject({ status: 'rejected' });
    expect((await auditOf(w, id)).map((e) => e.action)).toEqual(['registration.register', 'registration.approve', 'registration.revert', 'registration.reject']);
  });

  it('requires a reason, refuses a pending registration, and is the administrator’s alone; a refusal changes nothing', async () => {
    const id = await registerAgent(w, processId);
    const audit = (await auditOf(w, id)).length;
    const pending = await post(w, w.admin, url(processId, `/agents/${id}/revert`), { reason: 'Sin motivo real' }, 'en');
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error).toMatchObject({ code: 'REGISTRATION_NOT_DECIDED', field: 'agentIds' });
    expect(pending.json().error.message).toMatch(/has no decision to revert/);
    await approveAgents(w, processId, [id]);
    const blank = await post(w, w.admin, url(processId, `/agents/${id}/revert`), { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('reason');
    const missing = await post(w, w.admin, url(processId, `/agents/${id}/revert`), {});
    expect(missing.statusCode).toBe(400);
    for (const who of [w.facilitator, w.agent]) {
      expect((await post(w, who, url(processId, `/agents/${id}/revert`), { reason: 'Intento' })).statusCode).toBe(403);
    }
    expect((await auditOf(w, id)).length).toBe(audit + 1);
    expect((await auditOf(w, id)).at(-1)!.action).toBe('registration.approve');
  });

  it('reverts a rejection, so the applicant is decided again', async () => {
    const id = await registerAgent(w, processId);
    await post(w, w.admin, url(processId, `/agents/${id}/decision`), { decision: 'reject', reason: 'Falta constancia' });
    const res = await post(w, w.admin, url(processId, `/agents/${id}/revert`), { reason: 'Presentó la constancia a tiempo' });
    expect(res.json()).toMatchObject({ status: 'pending' });
    expect(JSON.parse((await auditOf(w, id)).at(-1)!.data)).toMatchObject({ from: 'rejected', roleRevoked: false });
  });

  it('reverts an organization only while none of its delegates is approved', async () => {
    const org = await approvedOrganization(w, processId);
    const delegate = await registerAgent(w, processId, { organizationId: org.id });
    await approveAgents(w, processId, [delegate]);
    const blocked = await post(w, w.admin, url(processId, `/organizations/${org.id}/revert`), { reason: 'Partida vencida' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'ORGANIZATION_HAS_DELEGATES', field: 'organizationIds' });
    expect(blocked.json().error.message).toMatch(/1 delegados aprobados/);
    await post(w, w.admin, url(processId, `/agents/${delegate}/revert`), { reason: 'Su organización se revisa de nuevo' });
    const ok = await post(w, w.admin, url(processId, `/organizations/${org.id}/revert`), { reason: 'Partida vencida' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'pending' });
    expect((await auditOf(w, org.id)).at(-1)).toMatchObject({ action: 'registration.revert', reason: 'Partida vencida' });
  });

  it('is refused once the process has left Preparation', async () => {
    const p = await newProcess(w);
    const id = await registerAgent(w, p);
    await approveAgents(w, p, [id]);
    await w.t.db.db.updateTable('processes').set({ phase: 'concertation' }).where('id', '=', p).execute();
    const res = await post(w, w.admin, url(p, `/agents/${id}/revert`), { reason: 'Tarde' });
    expect(res.json().error.code).toBe('PHASE_CLOSED');
  });
});
