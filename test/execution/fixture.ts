import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { zoneIds } from '../support/fixtures.ts';
import { as, type Agent } from '../support/app.ts';
import { coordinationFixture, type FixtureProject } from '../coordination/projects.ts';
import { trainingSession, voter } from '../voting/fixture.ts';

/**
 * A process whose vote is closed, then moved to Execution: Coordination's fixture (projects `pistas`, with a community
 * pledge of S/ 10,000 in kind, `aulas` and `agua` on the ballot; `muro` not viable), a vote opened and closed through
 * the API with one ballot for `pistas` and one for `aulas`, and the phase set straight in the database (the gates of
 * Formalization would need the whole chain: the Acta, the committee). Which projects the vote funded is the voting
 * area's business: tests read it from `votedList`.
 */
export async function executionFixture(app: FastifyInstance, db: DatabaseHandle, admin: Agent, facilitator: Agent): Promise<{ processId: string; iloId: string; projects: Record<string, FixtureProject> }> {
  const { processId, iloId, projects } = await coordinationFixture(db, async (url, payload) => {
    const res = await app.inject({ method: 'POST', url, headers: as(facilitator), payload });
    return { status: res.statusCode, body: res.body };
  }, facilitator.userId);
  await db.db.updateTable('processes').set({ phase: 'formalization' }).where('id', '=', processId).execute();
  const base = `/api/municipalities/ilo/processes/${processId}/vote`;
  const open = await app.inject({ method: 'POST', url: `${base}/open`, headers: as(admin), payload: { closesAt: new Date(Date.now() + 3600_000).toISOString(), allowChanges: false, reason: 'apertura de la votación' } });
  if (open.statusCode !== 201) throw new Error(open.body);
  const zone = (await zoneIds(db))[0]!;
  const sessionId = await trainingSession(db, iloId, processId, admin.userId);
  for (const name of ['pistas', 'aulas']) {
    const v = await voter(app, db, { municipalityId: iloId, processId, zoneId: zone.id, sessionId });
    const project = String(projects[name]!.number).padStart(4, '0');
    const ballot = await app.inject({ method: 'POST', url: `${base}/ballot`, headers: as(v.agent), payload: { parts: [{ pool: 'municipality', projects: [project] }] } });
    if (ballot.statusCode !== 201) throw new Error(ballot.body);
  }
  await db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', processId).execute();
  const close = await app.inject({ method: 'POST', url: `${base}/close`, headers: as(admin), payload: { reason: 'cierre de la votación' } });
  if (close.statusCode !== 200) throw new Error(close.body);
  await db.db.updateTable('processes').set({ phase: 'execution' }).where('id', '=', processId).execute();
  return { processId, iloId, projects };
}
