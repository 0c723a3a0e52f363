import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { iloDefaultRules } from '../../src/processes/process-rules.ts';
import { quotaStatus } from '../../src/quotas/quota.queries.ts';
import {
  approveAgents, approvedOrganization, auditCount, countRows, createWorld, get, newProcess, post, registerAgent, staffOf, url, type World,
} from '../registration/helpers.ts';

const quotas = (over: Partial<ReturnType<typeof iloDefaultRules>['quotas']>) => ({ quotas: { ...iloDefaultRules('2099-01-01').quotas, ...over } });

describe.each(testDialects())('bodies and gender quotas on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await createWorld(dialect); });
  afterAll(async () => { await w.t.close(); });

  async function approved(processId: string, sex: 'female' | 'male', n: number, over: Record<string, unknown> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push(await registerAgent(w, processId, { sex, fullName: `${sex === 'female' ? 'Vecina' : 'Vecino'} ${i + 1} ${Math.random().toString(36).slice(2, 6)}`, ...over }));
    const res = await approveAgents(w, processId, ids);
    if (res.statusCode !== 200) throw new Error(res.body);
    return ids;
  }

  const elect = (processId: string, kind: string, agentId: string, reason?: string, lang: 'es' | 'en' = 'es') =>
    post(w, w.admin, url(processId, `/bodies/${kind}/members`), { agentId, ...(reason ? { reason } : {}) }, lang);

  it("shows every body with Ilo's defaults on the public quota page", async () => {
    const p = await newProcess(w);
    const res = await get(w, null, url(p, '/quotas'));
    expect(res.statusCode).toBe(200);
    expect(res.json().bodies).toEqual([
      { kind: 'delegates', seats: 40, filled: 0, women: 0, men: 0, minWomen: 20, status: 'open', members: null },
      { kind: 'directive_committee', seats: 7, filled: 0, women: 0, men: 0, minWomen: 3, status: 'open', members: [] },
      { kind: 'oversight_committee', seats: 6, filled: 0, women: 0, men: 0, minWomen: 3, status: 'open', members: [] },
    ]);
    expect((await get(w, null, url('no-such-process', '/quotas'))).statusCode).toBe(404);
  });

  it('elects committee members while the quota stays reachable, and refuses the one that would break it', async () => {
    const p = await newProcess(w);
    const men = await approved(p, 'male', 5);
    const women = await approved(p, 'female', 3);
    for (const id of men.slice(0, 4)) expect((await elect(p, 'directive_committee', id, 'Elegido en asamblea')).statusCode).toBe(201);

    const [members, audit] = [await countRows(w, 'body_members'), await auditCount(w)];
    const fifth = await elect(p, 'directive_committee', men[4]!);
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json().error).toMatchObject({
      code: 'QUOTA_BROKEN',
      message: 'Cuota de género en el comité directivo: con este cambio, a lo sumo 2 de 7 puestos podrían ser de mujeres; se necesitan al menos 3.',
      details: { body: 'directive_committee', women: 2, seats: 7, required: 3 },
    });
    const en = await elect(p, 'directive_committee', men[4]!, undefined, 'en');
    expect(en.json().error.message).toBe('Gender quota in the directive committee: after this change at most 2 of 7 seats could be held by women; at least 3 needed.');
    expect([await countRows(w, 'body_members'), await auditCount(w)]).toEqual([members, audit]);

    for (const id of women) expect((await elect(p, 'directive_committee', id)).statusCode).toBe(201);
    const page = (await get(w, null, url(p, '/quotas'))).json().bodies[1];
    expect(page).toMatchObject({ kind: 'directive_committee', seats: 7, filled: 7, women: 3, men: 4, minWomen: 3, status: 'met' });
    expect(page.members).toHaveLength(7);
    expect(page.members[0]).toEqual({ agentId: men[0], name: expect.stringMatching(/^Vecino 1/), sex: 'male', organization: null, electedAt: expect.any(String) });

    const full = await elect(p, 'directive_committee', men[4]!);
    expect(full.json().error).toMatchObject({ code: 'BODY_FULL', details: { body: 'directive_committee', seats: 7, filled: 7, requested: 1 } });
    expect(full.json().error.message).toBe('No hay puestos libres suficientes en el comité directivo: 7 de 7 ocupados, 1 por ocupar.');

    const entry = await w.t.db.db.selectFrom('audit_log').selectAll().where('scope', '=', w.mId).where('action', '=', 'body.elect').orderBy('seq').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_id: w.admin.userId, reason: 'Elegido en asamblea', entity_type: 'body' });
    expect(JSON.parse(entry.data)).toMatchObject({ processId: p, kind: 'directive_committee', agentId: men[0], sex: 'male' });
  });

  it('elects only approved agents of the process, once per body', async () => {
    const p = await newProcess(w);
    const pending = await registerAgent(w, p, { fullName: 'Pendiente Pérez' });
    const res = await elect(p, 'oversight_committee', pending);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'NOT_AN_APPROVED_AGENT', message: 'Pendiente Pérez no es un agente participante aprobado de este proceso.' });
    const [woman] = await approved(p, 'female', 1);
    expect((await elect(p, 'oversight_committee', woman!)).statusCode).toBe(201);
    const twice = await elect(p, 'oversight_committee', woman!);
    expect(twice.json().error.code).toBe('ALREADY_A_MEMBER');
    expect((await elect(p, 'oversight_committee', 'no-such-agent')).statusCode).toBe(404);
    // An agent of another year's process is not an agent of this one.
    const other = await newProcess(w);
    const [elsewhere] = await approved(other, 'female', 1);
    expect((await elect(p, 'oversight_committee', elsewhere!)).statusCode).toBe(404);
    // Delegates are not elected: they are accredited by approving their registration.
    const delegates = await elect(p, 'delegates', woman!);
    expect(delegates.statusCode).toBe(400);
    expect(delegates.json().error.field).toBe('kind');
  });

  it('removes a member only with a reason, and records it', async () => {
    const p = await newProcess(w);
    const [a] = await approved(p, 'female', 1);
    await elect(p, 'oversight_committee', a!);
    const path = url(p, `/bodies/oversight_committee/members/${a}/removal`);
    const noReason = await post(w, w.admin, path, { reason: ' ' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const ok = await post(w, w.admin, path, { reason: 'Renunció por escrito el 3 de mayo' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'oversight_committee', filled: 0, members: [] });
    const entry = await w.t.db.db.selectFrom('audit_log').selectAll().where('scope', '=', w.mId).where('action', '=', 'body.remove').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.reason).toBe('Renunció por escrito el 3 de mayo');
    const again = await post(w, w.admin, path, { reason: 'Otra vez' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_A_MEMBER');
  });

  it('lets only administrators of the municipality manage bodies', async () => {
    const p = await newProcess(w);
    const [a] = await approved(p, 'female', 1);
    const pacochaAdmin = await staffOf(w, 'pacocha', 'administrator');
    for (const who of [w.facilitator, w.agent, pacochaAdmin]) {
      expect((await post(w, who, url(p, '/bodies/oversight_committee/members'), { agentId: a })).statusCode).toBe(403);
    }
    expect((await post(w, pacochaAdmin, url(p, '/bodies/oversight_committee/members', 'pacocha'), { agentId: a })).statusCode).toBe(404);
    expect((await post(w, null, url(p, '/bodies/oversight_committee/members'), { agentId: a })).statusCode).toBe(401);
    expect((await get(w, null, url(p, '/quotas'))).json().bodies[2].filled).toBe(0);
  });

  it('counts approving a delegate as accrediting: the quota is checked for the whole batch', async () => {
    // 4 delegate seats, half to women: at most 2 men.
    const p = await newProcess(w, { rules: quotas({ delegateSeats: 4, delegatesMinWomenShare: 0.5 }) });
    const org = await approvedOrganization(w, p);
    const delegate = (sex: 'female' | 'male') => registerAgent(w, p, { sex, organizationId: org.id });
    const [m1, m2, m3, f1, f2, f3] = [await delegate('male'), await delegate('male'), await delegate('male'), await delegate('female'), await delegate('female'), await delegate('female')];
    // A non-delegate takes no seat.
    const plain = await registerAgent(w, p, { sex: 'male' });

    expect((await approveAgents(w, p, [m1!, m2!, plain])).statusCode).toBe(200);
    const [audit, notifications] = [await auditCount(w), await countRows(w, 'notifications')];
    const batch = await approveAgents(w, p, [f1!, m3!]);
    expect(batch.statusCode).toBe(409);
    expect(batch.json().error).toMatchObject({ code: 'QUOTA_BROKEN', details: { body: 'delegates', women: 1, seats: 4, required: 2 } });
    expect(batch.json().error.message).toBe('Cuota de género en los delegados acreditados: con este cambio, a lo sumo 1 de 4 puestos podrían ser de mujeres; se necesitan al menos 2.');
    expect((await get(w, w.admin, url(p, `/agents/${f1}`))).json().status).toBe('pending');
    expect([await auditCount(w), await countRows(w, 'notifications')]).toEqual([audit, notifications]);

    expect((await approveAgents(w, p, [f1!, f2!])).statusCode).toBe(200);
    const full = await approveAgents(w, p, [f3!]);
    expect(full.json().error).toMatchObject({ code: 'BODY_FULL', details: { body: 'delegates', seats: 4, filled: 4, requested: 1 } });
    // Rejecting takes no seat.
    expect((await post(w, w.admin, url(p, '/agents/decisions'), { agentIds: [f3!, m3!], decision: 'reject', reason: 'Sin puestos de delegado' })).statusCode).toBe(200);

    const status = await quotaStatus(w.t.db.db, w.mId, p);
    expect(status[0]).toEqual({ kind: 'delegates', seats: 4, filled: 4, women: 2, men: 2, minWomen: 2, status: 'met' });
    expect((await get(w, null, url(p, '/quotas'))).json().bodies.map((b: { kind: string; filled: number }) => [b.kind, b.filled]))
      .toEqual(status.map((b) => [b.kind, b.filled]));
  });
});
