import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { createTestApp } from '../support/app.ts';
import { agentPayload, citizen, createWorld, newProcess, post, url, type World } from './helpers.ts';

/** A DNI nobody else in the test uses. */
const freshDni = () => String(70_000_000 + Math.floor(Math.random() * 9_999_999));

describe.each(testDialects())('online registration and the identity of the account, on %s', (dialect) => {
  let w: World;
  let processId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    processId = await newProcess(w);
  });
  afterAll(async () => { await w.t.close(); });

  it('keeps one registration per account when ten arrive at once with different DNIs', async () => {
    const me = await citizen(w);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(w, me, url(processId, '/agents'), agentPayload(w))));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect(a.statusCode).toBeGreaterThanOrEqual(400);
      expect(a.statusCode).toBeLessThan(500);
      expect(['ALREADY_REGISTERED', 'DNI_NOT_OWN']).toContain(a.json().error.code);
    }
    const rows = await w.t.db.db.selectFrom('agents').select('id').where('user_id', '=', me.userId).execute();
    expect(rows).toHaveLength(1);
  });

  it('has an account without a DNI state it once, with its first registration; later ones must use it', async () => {
    const me = await citizen(w);
    const first = agentPayload(w);
    expect((await post(w, me, url(processId, '/agents'), first)).statusCode).toBe(201);
    const user = await w.t.db.db.selectFrom('users').select('dni').where('id', '=', me.userId).executeTakeFirstOrThrow();
    expect(user.dni).toBe(first.dni);
    const other = await newProcess(w);
    const res = await post(w, me, url(other, '/agents'), agentPayload(w));
    expect(res.json().error).toMatchObject({ code: 'DNI_NOT_OWN', field: 'dni' });
    expect((await post(w, me, url(other, '/agents'), agentPayload(w, { dni: first.dni }))).statusCode).toBe(201);
  });

  it('does not tell whether another person\'s DNI is registered: it is refused as not the account\'s own', async () => {
    const staffRegistered = agentPayload(w);
    expect((await post(w, w.facilitator, url(processId, '/agents/in-person'), staffRegistered)).statusCode).toBe(201);
    const prober = await citizen(w, { dni: freshDni() });
    const res = await post(w, prober, url(processId, '/agents'), agentPayload(w, { dni: staffRegistered.dni }));
    expect(res.json().error.code).toBe('DNI_NOT_OWN');
    expect(JSON.stringify(res.json())).not.toContain(String(staffRegistered.dni));
  });

  it('refuses a DNI another account holds without saying more', async () => {
    const held = freshDni();
    await citizen(w, { dni: held });
    const me = await citizen(w);
    const res = await post(w, me, url(processId, '/agents'), agentPayload(w, { dni: held }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DNI_NOT_AVAILABLE');
    expect(JSON.stringify(res.json())).not.toContain(held);
  });
});

describe('DNI lookups per account', () => {
  it('limits online registrations and corrections per account per minute', async () => {
    const t = await createTestApp('sqlite', { config: { dniLookupsPerMinute: 3 } });
    try {
      const w = { t } as unknown as World;
      const { zoneIds } = await import('../support/fixtures.ts');
      (w as { zones: unknown }).zones = await zoneIds(t.db);
      const processId = await newProcess(w);
      const me = await citizen(w);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await post(w, me, url(processId, '/agents'), agentPayload(w))).statusCode);
      expect(codes.slice(3)).toEqual([429, 429]);
      expect(codes.slice(0, 3).every((c) => c !== 429)).toBe(true);
    } finally { await t.close(); }
  });
});
