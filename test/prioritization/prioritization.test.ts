import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, insertPlan, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { PERUVIAN_TEMPLATE } from '../../src/evaluation/evaluation.ts';

type Entry = { number: number; status: string; rank: number | null; score: number | null; explanation: string[]; evaluators: { evaluatorName: string; scores: unknown[] }[] };
type Pool = { key: string; zoneName: string | null; budgetCents: number; spentCents: number; entries: Entry[] };

async function rows(t: TestApp): Promise<number> {
  return Number((await t.db.db.selectFrom('provisional_lists').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe.each(testDialects())('the provisional ranked list on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, tecnico: Agent, facilitator: Agent;
  let processId: string;
  let zones: { id: string; code: string; name: string }[];
  let base: string;
  let plan: { axisId: string; objectiveId: string };
  let authorId: string;
  const numbers: Record<string, number> = {};

  const send = (method: 'POST' | 'PUT', who: Agent | null, path: string, payload: unknown, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method, url: path, headers: who ? as(who, lang) : { 'accept-language': lang }, payload: payload as object });
  const get = (who: Agent | null, path: string, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method: 'GET', url: path, headers: who ? as(who, lang) : { 'accept-language': lang } });
  const pool = (list: { pools: Pool[] }, zoneIndex: number) => list.pools.find((p) => p.key === zones[zoneIndex]!.id)!;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    tecnico = await signIn(t.app, 'tecnico@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    const iloId = await municipalityId(t.db);
    zones = await zoneIds(t.db);
    plan = await insertPlan(t.db, iloId, 'PR');
    ({ processId } = await createProcessFixture(t.db, { phase: 'concertation', rules: { prioritization: { workshopShare: 0, ties: 'declared' } } }));
    // S/ 420,000 in all: S/ 200,000 for the first zone, S/ 150,000 for the second, the rest for every other zone.
    await t.db.db.insertInto('process_zone_envelopes').values([
      { municipality_id: iloId, process_id: processId, zone_id: zones[0]!.id, amount_cents: 200_000_00 },
      { municipality_id: iloId, process_id: processId, zone_id: zones[1]!.id, amount_cents: 150_000_00 },
    ]).execute();
    base = `/api/municipalities/ilo/processes/${processId}/provisional-list`;
    const evaluation = `/api/municipalities/ilo/processes/${processId}/evaluation`;
    const proposals = `/api/municipalities/ilo/processes/${processId}/proposals`;
    authorId = (await insertAgent(t.db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: 'Rosa Quispe Apaza', source: 'in_person' })).id;
    const matrix = await send('PUT', admin, `${evaluation}/matrix`, { criteria: PERUVIAN_TEMPLATE, reason: 'matriz aprobada por ordenanza' });
    expect(matrix.statusCode, matrix.body).toBe(200);
    const criteria = matrix.json().criteria as { id: string }[];
    // name, zone, cost (S/), scores on the five criteria (0..4), viability
    const plans: [string, number, number, number[], string][] = [
      ['pistas', 0, 150_000, [4, 4, 3, 2, 4], 'viable'],
      ['agua', 0, 120_000, [3, 3, 3, 3, 3], 'viable'],
      ['losa', 0, 40_000, [1, 1, 2, 1, 2], 'viable_with_changes'],
      ['puesto', 1, 100_000, [2, 2, 2, 2, 2], 'viable'],
      ['aulas', 1, 90_000, [4, 3, 4, 4, 4], 'viable'],
      ['muro', 1, 60_000, [4, 4, 4, 4, 4], 'not_viable'],
    ];
    for (const [name, zone, soles, scores, viability] of plans) {
      const res = await send('POST', facilitator, `${proposals}/paper`, {
        title: `Proyecto ${name} del sector`, description: 'Obra pedida por la junta vecinal en el taller de su zona.', zoneId: zones[zone]!.id,
        axisId: plan.axisId, objectiveId: plan.objectiveId, problem: 'El sector no tiene este servicio.', beneficiariesCount: 500,
        beneficiaryGroups: 'familias del sector', costCents: soles * 100, location: 'Sector de la zona', agentId: authorId,
      });
      expect(res.statusCode, res.body).toBe(201);
      numbers[name] = res.json().number;
      const id = res.json().id as string;
      expect((await send('POST', admin, `${evaluation}/assignments`, { assignments: [{ proposalId: id, evaluatorId: tecnico.userId }], reason: 'reparto por zonas' })).statusCode).toBe(201);
      const done = await send('PUT', tecnico, `/api/municipalities/ilo/processes/${processId}/proposals/${id}/evaluation/mine`, {
        viability, reasons: 'Revisado en la visita de campo con el expediente.', adjustedCostCents: soles * 100, finish: true,
        scores: criteria.map((c, i) => ({ criterionId: c.id, score: scores[i]! })),
      });
      expect(done.json(), done.body).toMatchObject({ status: 'finished', published: true });
    }
  });
  afterAll(async () => { await t.close(); });

  it('has no list before the first computation, and Concertation cannot end without one', async () => {
    expect((await get(null, base)).json()).toMatchObject({ list: null, process: { id: processId, phase: 'concertation' } });
    const check = (await get(admin, `/api/municipalities/ilo/processes/${processId}/phase`, 'en')).json();
    expect(check.failures.map((f: { message: string }) => f.message)).toContain('the provisional ranked list has not been computed yet');
  });

  it('refuses anyone but an administrator, and a computation without a reason, writing nothing', async () => {
    expect((await send('POST', tecnico, base, { reason: 'lista para el taller' })).statusCode).toBe(403);
    expect((await send('POST', null, base, { reason: 'lista para el taller' })).statusCode).toBe(401);
    const noReason = await send('POST', admin, base, { reason: ' ' }, 'en');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await rows(t)).toBe(0);
  });

  it('ranks each zone by weighted score, funds down the ranking what fits, and explains every place in es and en', async () => {
    const res = await send('POST', admin, base, { reason: 'lista para el taller de priorización' });
    expect(res.statusCode, res.body).toBe(201);
    const list = res.json();
    expect(list).toMatchObject({ seq: 1, current: true, unevaluated: 0, reason: 'lista para el taller de priorización' });
    expect(list.criteria.map((c: { weight: number }) => c.weight)).toEqual([40, 10, 10, 10, 30]);
    // Zone 1 (S/ 200,000): pistas (score 92.5) is funded; agua (75) no longer fits; losa (35) still does.
    const first = pool(list, 0);
    expect(first.entries.map((e) => [e.number, e.rank, e.status, e.score])).toEqual([
      [numbers.pistas, 1, 'funded', 92.5], [numbers.agua, 2, 'alternate', 75], [numbers.losa, 3, 'funded', 35],
    ]);
    expect(first.spentCents).toBe(190_000_00);
    expect(first.entries[1]!.explanation[0]).toMatch(/^omitido/);
    // Zone 2 (S/ 150,000): the not viable proposal is out whatever its score.
    const second = pool(list, 1);
    expect(second.entries.map((e) => [e.number, e.status])).toEqual([[numbers.aulas, 'funded'], [numbers.puesto, 'alternate'], [numbers.muro, 'not_viable']]);
    expect(second.entries[0]!.evaluators[0]).toMatchObject({ evaluatorName: 'Jorge Flores Ticona' });
    expect(second.entries[0]!.evaluators[0]!.scores).toHaveLength(5);
    const en = (await get(null, base, 'en')).json().list;
    expect(pool(en, 0).entries[1]!.explanation[0]).toMatch(/^skipped/);
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'prioritization.compute').orderBy('seq').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.userId, reason: 'lista para el taller de priorización' });
    expect(JSON.parse(audit[0]!.data as string)).toMatchObject({ seq: 1, funded: [numbers.pistas, numbers.losa, numbers.aulas] });
  });

  it('says the list is out of date once the data changes, and holds Concertation until it is computed again', async () => {
    const late = await send('POST', facilitator, `/api/municipalities/ilo/processes/${processId}/proposals/paper`, {
      title: 'Proyecto tardío del sector', description: 'Obra pedida por la junta vecinal en el taller de su zona.', zoneId: zones[0]!.id,
      axisId: plan.axisId, objectiveId: plan.objectiveId, problem: 'El sector no tiene este servicio.', beneficiariesCount: 100, beneficiaryGroups: 'familias del sector', costCents: 10_000_00,
      location: 'Sector de la zona', agentId: authorId,
    });
    expect(late.statusCode, late.body).toBe(201);
    expect((await get(null, base)).json().list.current).toBe(false);
    const check = (await get(admin, `/api/municipalities/ilo/processes/${processId}/phase`)).json();
    expect(check.failures.map((f: { code: string }) => f.code)).toContain('PROVISIONAL_LIST_OUTDATED');
    const again = (await send('POST', admin, base, { reason: 'con la propuesta tardía, aún sin evaluar' })).json();
    expect(again).toMatchObject({ seq: 2, current: true, unevaluated: 1 });
    expect(pool(again, 0).entries.at(-1)).toMatchObject({ number: late.json().number, status: 'not_evaluated', rank: null });
    expect(await rows(t)).toBe(2);
  });

  it('is computed in Concertation only', async () => {
    await t.db.db.updateTable('processes').set({ phase: 'coordination' }).where('id', '=', processId).execute();
    const res = await send('POST', admin, base, { reason: 'fuera de plazo' }, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PRIORITIZATION_NOT_OPEN' });
    expect(res.json().error.message).toBe('The provisional ranked list is computed during Concertation (current phase: Coordination).');
    expect(await rows(t)).toBe(2);
    await t.db.db.updateTable('processes').set({ phase: 'concertation' }).where('id', '=', processId).execute();
  });
});
