import type { DatabaseHandle } from '../../src/db/database.ts';
import type { Entry, Prioritization } from '../../src/prioritization/prioritization.queries.ts';
import { insertAgreement } from '../../src/coordination/coordination.repository.ts';
import { addDays, localDate, newId, now } from '../../src/shared/clock.ts';
import { createProcessFixture, insertPlan, municipalityId, zoneIds } from './fixtures.ts';
import { insertAgent } from '../training/registrations.ts';

/** A staff member's request: through app.inject, or fetch against a running server. */
export type StaffCall = (who: 'admin' | 'facilitator', method: 'POST' | 'GET', url: string, payload?: object) => Promise<{ status: number; body: string }>;

/** A project of the fixture: its proposal and its cost. */
export interface VotedFixtureProject { id: string; number: number; costCents: number }

export type VotedProjectName = 'pistas' | 'agua' | 'aulas' | 'mercado' | 'parque';

/**
 * A process in Formalization whose vote is closed, through the same routes staff use (proposals on paper, a polling
 * table, paper ballots typed twice, the close), with a provisional list and one agreement written straight into the
 * database as Concertation and Coordination would have left them.
 *
 * The zone envelope (S/ 100,000): `pistas` S/ 60,000 (a community pledge of S/ 10,000 in kind) and `aulas` S/ 30,000
 * are funded; `agua` S/ 50,000 (a community pledge of S/ 5,000 in money) is the alternate. The district-wide rest
 * (S/ 320,000): `mercado` S/ 200,000 (the regional government's agreement of S/ 40,000) is funded; `parque`
 * S/ 150,000 is the alternate. Two agents vote on paper: one for pistas and mercado, one for aulas and mercado.
 */
export async function votedProcess(db: DatabaseHandle, call: StaffCall, opts: { fiscalYear?: number } = {}): Promise<{
  processId: string; iloId: string; zone: { id: string; name: string }; projects: Record<VotedProjectName, VotedFixtureProject>;
}> {
  const iloId = await municipalityId(db);
  const zones = await zoneIds(db);
  const zone = zones[0]!;
  const user = async (email: string) => (await db.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const adminId = await user('admin@ilo.gob.pe');
  const facilitatorId = await user('facilitador@ilo.gob.pe');
  const expect = async (what: string, res: Promise<{ status: number; body: string }>, status: number) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.body}`);
    return JSON.parse(r.body) as Record<string, unknown>;
  };

  const plan = await insertPlan(db, iloId, `V${newId().slice(0, 4)}`);
  const { processId } = await createProcessFixture(db, { phase: 'concertation', fiscalYear: opts.fiscalYear ?? 2027 });
  const author = await insertAgent(db, { municipalityId: iloId, processId, zoneId: zone.id, fullName: 'Rosa Quispe Apaza', source: 'in_person' });
  type Pledge = { funderKind: string; funderName: string; contribution: string; amountCents: number };
  const plans: [VotedProjectName, number, string, Pledge[]][] = [
    ['pistas', 60_000, zone.id, [{ funderKind: 'community', funderName: 'Vecinos del sector 3', contribution: 'in_kind', amountCents: 10_000_00 }]],
    ['agua', 50_000, zone.id, [{ funderKind: 'community', funderName: 'Junta de usuarios de agua', contribution: 'money', amountCents: 5_000_00 }]],
    ['aulas', 30_000, zone.id, []],
    ['mercado', 200_000, zones[1]!.id, []],
    ['parque', 150_000, zones[1]!.id, []],
  ];
  const projects = {} as Record<VotedProjectName, VotedFixtureProject>;
  for (const [name, soles, zoneId, pledges] of plans) {
    const created = await expect(`proposal ${name}`, call('facilitator', 'POST', `/api/municipalities/ilo/processes/${processId}/proposals/paper`, {
      title: `Proyecto ${name} del sector`, description: 'Obra pedida por la junta vecinal en el taller de su zona.', zoneId,
      axisId: plan.axisId, objectiveId: plan.objectiveId, problem: 'El sector no tiene este servicio.', beneficiariesCount: 500,
      beneficiaryGroups: 'familias del sector', costCents: soles * 100, location: 'Sector de la zona', agentId: author.id, pledges,
    }), 201);
    projects[name] = { id: created.id as string, number: created.number as number, costCents: soles * 100 };
  }
  const entry = (name: VotedProjectName, status: Entry['status'], rank: number, zoneOf: { id: string; name: string }): Entry => {
    const p = projects[name];
    return {
      proposalId: p.id, number: p.number, title: `Proyecto ${name} del sector`, zoneId: zoneOf.id, zoneName: zoneOf.name, status, rank,
      requestedCostCents: p.costCents, costCents: p.costCents, technicalScore: 70, workshopVotes: 0, workshopScore: null, score: 70, evaluators: [], reasons: [],
    };
  };
  const result: Prioritization = {
    settings: { workshopShare: 0, ties: 'declared' },
    pools: [
      { key: zone.id, zoneName: zone.name, budgetCents: 100_000_00, spentCents: 90_000_00, tieBreaks: [], entries: [entry('pistas', 'funded', 1, zone), entry('aulas', 'funded', 2, zone), entry('agua', 'alternate', 3, zone)] },
      { key: 'municipality', zoneName: null, budgetCents: 320_000_00, spentCents: 200_000_00, tieBreaks: [], entries: [entry('mercado', 'funded', 1, zones[1]!), entry('parque', 'alternate', 2, zones[1]!)] },
    ],
  };
  await db.db.insertInto('provisional_lists').values({
    municipality_id: iloId, id: newId(), process_id: processId, seq: 1, computed_at: now(), computed_by: adminId,
    reason: 'lista priorizada del taller', inputs_digest: 'fixture', result: JSON.stringify(result),
  }).execute();

  const fileId = newId();
  await db.db.insertInto('files').values({
    municipality_id: iloId, id: fileId, filename: 'convenio.pdf', content_type: 'application/pdf', size_bytes: 8, sha256: 'x',
    content: Buffer.from('%PDF-1.4'), uploaded_at: now(), uploaded_by: adminId,
  }).execute();
  await insertAgreement(db.db, iloId, {
    id: newId(), processId, proposalId: projects.mercado.id, partyKind: 'regional_government', partyName: 'Gobierno Regional de Moquegua',
    amountCents: 40_000_00, contribution: 'money', conditions: 'Transferencia en dos armadas.', documentFileId: fileId, signedOn: addDays(localDate(), -3),
    createdAt: now(), createdBy: adminId,
  });
  await db.db.updateTable('processes').set({ phase: 'formalization' }).where('id', '=', processId).execute();

  const sessionId = newId();
  const day = 24 * 3600_000;
  await db.db.insertInto('training_sessions').values({
    municipality_id: iloId, id: sessionId, process_id: processId, topic: 'Capacitación', place: 'Local comunal', starts_at: new Date(Date.now() - day).toISOString(),
    ends_at: new Date(Date.now() - day + 7200_000).toISOString(), facilitator_id: null, facilitator_name: 'ONG', zone_id: null, created_at: now(), created_by: adminId,
  }).execute();
  const voters = [
    await insertAgent(db, { municipalityId: iloId, processId, zoneId: zone.id, fullName: 'Juana Mamani Cutipa', source: 'in_person' }),
    await insertAgent(db, { municipalityId: iloId, processId, zoneId: zone.id, fullName: 'Pedro Pari Flores', sex: 'male', source: 'in_person' }),
  ];
  for (const v of voters) {
    await db.db.insertInto('training_attendance').values({ municipality_id: iloId, session_id: sessionId, agent_id: v.id, method: 'facilitator', recorded_at: now(), recorded_by: adminId }).execute();
  }

  const vote = `/api/municipalities/ilo/processes/${processId}/vote`;
  await expect('open', call('admin', 'POST', `${vote}/open`, { closesAt: new Date(Date.now() + 3600_000).toISOString(), allowChanges: false, reason: 'apertura de la votación' }), 201);
  const table = await expect('table', call('admin', 'POST', `${vote}/tables`, { name: 'Mesa 1', place: 'Colegio Miramar', facilitatorUserIds: [adminId, facilitatorId] }), 201);
  const tableId = table.id as string;
  for (const v of voters) await expect('mark', call('facilitator', 'POST', `${vote}/tables/${tableId}/voters`, { dni: v.dni }), 201);
  const pid = (name: VotedProjectName) => String(projects[name].number).padStart(4, '0');
  const ballots: [string, VotedProjectName, VotedProjectName][] = [['V-1', 'pistas', 'mercado'], ['V-2', 'aulas', 'mercado']];
  for (const [serial, local, district] of ballots) {
    const content = { kind: 'valid', parts: [{ pool: zone.id, projects: [pid(local)] }, { pool: 'municipality', projects: [pid(district)] }] };
    await expect('entry 1', call('facilitator', 'POST', `${vote}/tables/${tableId}/entries`, { serial, content }), 201);
    await expect('entry 2', call('admin', 'POST', `${vote}/tables/${tableId}/entries`, { serial, content }), 201);
  }
  await db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', processId).execute();
  await expect('close', call('admin', 'POST', `${vote}/close`, { reason: 'cierre de la votación' }), 200);
  return { processId, iloId, zone: { id: zone.id, name: zone.name }, projects };
}
