import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { createTestApp } from '../support/app.ts';
import { CLAIM_MAX_FAILED_ATTEMPTS, isClaimCodeShape, normaliseClaimCode } from '../../src/registration/claim-codes.ts';
import { agentPayload, approveAgents, auditOf, citizen, createWorld, get, newProcess, nextDni, post, url, type World } from './helpers.ts';
import type { Agent } from '../support/app.ts';

/** A registration typed in at a face-to-face day: its id, DNI and the code of its paper receipt. */
async function inPerson(w: World, processId: string): Promise<{ id: string; dni: string; code: string }> {
  const dni = nextDni();
  const res = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { dni }));
  expect(res.statusCode).toBe(201);
  return { id: res.json().id, dni, code: res.json().claimCode.code };
}

const claim = (w: World, who: Agent, body: Record<string, unknown>, lang: 'es' | 'en' = 'es') => post(w, who, '/api/registration-claims', body, lang);

async function linkedUser(w: World, agentId: string): Promise<string | null> {
  return (await w.t.db.db.selectFrom('agents').select('user_id').where('id', '=', agentId).executeTakeFirstOrThrow()).user_id;
}

async function rolesOf(w: World, userId: string): Promise<string[]> {
  return (await w.t.db.db.selectFrom('memberships').select('role').where('user_id', '=', userId).where('municipality_id', '=', w.mId).execute()).map((r) => r.role);
}

/** A wrong code of the right shape. */
function otherCode(code: string): string {
  const c = normaliseClaimCode(code);
  return `${c[0] === 'A' ? 'C' : 'A'}${c.slice(1)}`;
}

describe.each(testDialects())('claiming a face-to-face registration with its one-time code, on %s', (dialect) => {
  let w: World;
  let processId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    processId = await newProcess(w);
  });
  afterAll(async () => { await w.t.close(); });

  it('gives a face-to-face registration a code for its receipt and keeps only its hash, audited', async () => {
    const r = await inPerson(w, processId);
    expect(isClaimCodeShape(r.code)).toBe(true);
    expect(r.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const row = await w.t.db.db.selectFrom('registration_claim_codes').selectAll().where('agent_id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(normaliseClaimCode(r.code));
    expect(Date.parse(row.expires_at)).toBeGreaterThan(Date.now() + 30 * 86_400_000);
    const audit = await auditOf(w, r.id);
    expect(audit.map((e) => e.action)).toEqual(['registration.register', 'registration.claim_code_issue']);
    expect(audit[1]!.data).not.toContain(normaliseClaimCode(r.code));
  });

  it('links the registration to the account of the same DNI; approval then grants the agent role', async () => {
    const r = await inPerson(w, processId);
    const me = await citizen(w, { dni: r.dni });
    const res = await claim(w, me, { claimCode: r.code.toLowerCase().replace('-', ' ') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ municipality: { slug: 'ilo' }, process: { id: processId }, agent: { id: r.id, mine: true, status: 'pending' }, roleGranted: false });
    expect(await linkedUser(w, r.id)).toBe(me.userId);
    expect((await get(w, me, url(processId, '/agents/mine'))).json().agent.id).toBe(r.id);
    expect(await rolesOf(w, me.userId)).toEqual([]);
    expect((await approveAgents(w, processId, [r.id])).statusCode).toBe(200);
    expect(await rolesOf(w, me.userId)).toEqual(['participating_agent']);
    const audit = (await auditOf(w, r.id)).map((e) => [e.action, e.actor_id]);
    expect(audit).toContainEqual(['registration.claim', me.userId]);
  });

  it('grants the role at once when the registration linked was already approved', async () => {
    const r = await inPerson(w, processId);
    await approveAgents(w, processId, [r.id]);
    const me = await citizen(w, { dni: r.dni });
    const res = await claim(w, me, { claimCode: r.code });
    expect(res.json()).toMatchObject({ agent: { status: 'approved' }, roleGranted: true });
    const session = await get(w, me, '/api/auth/session');
    expect(session.json().user.roles).toContainEqual(expect.objectContaining({ municipalitySlug: 'ilo', role: 'participating_agent' }));
  });

  it('lets an account without a DNI state it with the claim, once', async () => {
    const r = await inPerson(w, processId);
    const me = await citizen(w);
    const missing = await claim(w, me, { claimCode: r.code });
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION', field: 'dni' });
    expect((await claim(w, me, { claimCode: r.code, dni: r.dni })).statusCode).toBe(200);
    expect((await w.t.db.db.selectFrom('users').select('dni').where('id', '=', me.userId).executeTakeFirstOrThrow()).dni).toBe(r.dni);
  });

  it('refuses a wrong code, writing no link, counts it and locks the code after the limit, even for the right one', async () => {
    const r = await inPerson(w, processId);
    const me = await citizen(w, { dni: r.dni });
    for (let i = 0; i < CLAIM_MAX_FAILED_ATTEMPTS; i++) {
      const res = await claim(w, me, { claimCode: otherCode(r.code) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'CLAIM_CODE_INVALID', field: 'claimCode' });
    }
    expect(await linkedUser(w, r.id)).toBeNull();
    const locked = await claim(w, me, { claimCode: r.code }, 'en');
    expect(locked.json().error).toMatchObject({ code: 'CLAIM_CODE_LOCKED', message: expect.stringContaining('Ask the municipality') });
    expect(await linkedUser(w, r.id)).toBeNull();
    const refused = (await auditOf(w, r.id)).filter((e) => e.action === 'registration.claim_refused');
    expect(refused).toHaveLength(CLAIM_MAX_FAILED_ATTEMPTS);
    expect(refused.at(-1)!.data).toContain('"locked":true');
  });

  it('refuses someone else\'s registration: the code does not work with another DNI, and says nothing about it', async () => {
    const r = await inPerson(w, processId);
    const other = await citizen(w, { dni: nextDni() });
    const res = await claim(w, other, { claimCode: r.code });
    expect(res.json().error.code).toBe('CLAIM_CODE_INVALID');
    expect(res.body).not.toContain(r.dni);
    expect(await linkedUser(w, r.id)).toBeNull();
    // Nor by stating another DNI than the account's.
    const stating = await claim(w, other, { claimCode: r.code, dni: r.dni });
    expect(stating.json().error).toMatchObject({ code: 'DNI_NOT_OWN', field: 'dni' });
    expect(await linkedUser(w, r.id)).toBeNull();
  });

  it('refuses a spent code and staff cannot issue one for a linked registration', async () => {
    const r = await inPerson(w, processId);
    const me = await citizen(w, { dni: r.dni });
    expect((await claim(w, me, { claimCode: r.code })).statusCode).toBe(200);
    const again = await claim(w, me, { claimCode: r.code });
    expect(again.json().error.code).toBe('CLAIM_ALREADY_LINKED');
    const reissue = await post(w, w.facilitator, url(processId, `/agents/${r.id}/claim-code`), { reason: 'Perdió la constancia' });
    expect(reissue.json().error.code).toBe('CLAIM_ALREADY_LINKED');
  });

  it('refuses an expired code', async () => {
    const r = await inPerson(w, processId);
    await w.t.db.db.updateTable('registration_claim_codes').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('agent_id', '=', r.id).execute();
    const me = await citizen(w, { dni: r.dni });
    expect((await claim(w, me, { claimCode: r.code })).json().error.code).toBe('CLAIM_CODE_EXPIRED');
    expect(await linkedUser(w, r.id)).toBeNull();
  });

  it('lets staff issue a new code with a reason: the old one stops working, the new one links', async () => {
    const r = await inPerson(w, processId);
    const noReason = await post(w, w.facilitator, url(processId, `/agents/${r.id}/claim-code`), {});
    expect(noReason.statusCode).toBe(400);
    const me = await citizen(w, { dni: r.dni });
    expect((await post(w, me, url(processId, `/agents/${r.id}/claim-code`), { reason: 'Quiero uno nuevo' })).statusCode).toBe(403);
    const issued = await post(w, w.facilitator, url(processId, `/agents/${r.id}/claim-code`), { reason: 'Perdió la constancia' });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().code).not.toBe(r.code);
    expect((await claim(w, me, { claimCode: r.code })).json().error.code).toBe('CLAIM_CODE_INVALID');
    expect((await claim(w, me, { claimCode: issued.json().code })).statusCode).toBe(200);
    const issues = (await auditOf(w, r.id)).filter((e) => e.action === 'registration.claim_code_issue');
    expect(issues.map((e) => e.reason)).toEqual([null, 'Perdió la constancia']);
  });

  it('issues a code for an imported registration on request', async () => {
    const dni = nextDni();
    const zone = w.zones[1]!.code;
    const csv = `dni,nombres,sexo,rango_edad,zona,telefono\n${dni},Rosa Quispe Mamani,F,30-44,${zone},987654321\n`;
    const imported = await w.t.app.inject({
      method: 'POST', url: url(processId, '/agents/import?mode=all-or-nothing'),
      headers: { cookie: w.facilitator.cookie, 'x-csrf-token': w.facilitator.csrf, 'content-type': 'text/csv' }, payload: csv,
    });
    expect(imported.json().written).toBe(1);
    const id = (await w.t.db.db.selectFrom('agents').select('id').where('dni', '=', dni).executeTakeFirstOrThrow()).id;
    const issued = await post(w, w.facilitator, url(processId, `/agents/${id}/claim-code`), { reason: 'Pidió vincular su inscripción' });
    const me = await citizen(w, { dni });
    expect((await claim(w, me, { claimCode: issued.json().code })).json().agent.id).toBe(id);
  });

  it('lets only one of two claims sent at once succeed', async () => {
    const r = await inPerson(w, processId);
    const me = await citizen(w, { dni: r.dni });
    const answers = await Promise.all([claim(w, me, { claimCode: r.code }), claim(w, me, { claimCode: r.code })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('CLAIM_ALREADY_LINKED');
    expect((await auditOf(w, r.id)).filter((e) => e.action === 'registration.claim')).toHaveLength(1);
    // Two accounts without a DNI racing to state the same one: one links, the other is refused.
    const s = await inPerson(w, processId);
    const [a, b] = [await citizen(w), await citizen(w)];
    const race = await Promise.all([claim(w, a, { claimCode: s.code, dni: s.dni }), claim(w, b, { claimCode: s.code, dni: s.dni })]);
    expect(race.filter((x) => x.statusCode === 200)).toHaveLength(1);
    expect(race.filter((x) => x.statusCode === 409)).toHaveLength(1);
    expect(['CLAIM_ALREADY_LINKED', 'DNI_NOT_AVAILABLE']).toContain(race.find((x) => x.statusCode === 409)!.json().error.code);
  });

  it('refuses a code of the wrong shape without looking anything up', async () => {
    const me = await citizen(w, { dni: nextDni() });
    const res = await claim(w, me, { claimCode: '0000-0000' }, 'en');
    expect(res.json().error).toMatchObject({ code: 'CLAIM_CODE_INVALID', message: expect.stringContaining('registration receipt') });
  });
});

describe('claim attempts per account', () => {
  it('are limited per minute', async () => {
    const t = await createTestApp('sqlite', { config: { dniLookupsPerMinute: 2 } });
    try {
      const w = { t } as unknown as World;
      const me = await citizen(w, { dni: nextDni() });
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await claim(w, me, { claimCode: 'ACDE-FGHJ' })).statusCode);
      expect(codes).toEqual([409, 409, 429, 429]);
    } finally { await t.close(); }
  });
});
