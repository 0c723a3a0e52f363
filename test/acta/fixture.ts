import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { localDate } from '../../src/shared/clock.ts';
import { as, type Agent } from '../support/app.ts';
import { insertAgent } from '../training/registrations.ts';
import { trainingSession, voter, votingProcess } from '../voting/fixture.ts';

/**
 * A process of Formalization taken as far as the Acta needs, through the voting and committee routes: the vote's
 * provisional list (voting's fixture), the vote opened, two ballots cast online, and then, step by step, the vote
 * closed and the oversight committee elected (six seats, three for women).
 */
export async function formalizationProcess(app: FastifyInstance, db: DatabaseHandle, admin: Agent, zone: { id: string; name: string }, fiscalYear: number) {
  const { processId, municipalityId } = await votingProcess(db, zone, admin.userId, {}, fiscalYear);
  const base = `/api/municipalities/ilo/processes/${processId}`;
  const post = async (who: Agent, url: string, payload: object, expected: number) => {
    const res = await app.inject({ method: 'POST', url, headers: as(who), payload });
    if (res.statusCode !== expected) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const sessionId = await trainingSession(db, municipalityId, processId, admin.userId);
  await post(admin, `${base}/vote/open`, { closesAt: new Date(Date.now() + 3600_000).toISOString(), allowChanges: false, reason: 'apertura de la votación' }, 201);
  for (const choice of ['0001', '0003']) {
    const v = await voter(app, db, { municipalityId, processId, zoneId: zone.id, sessionId });
    await post(v.agent, `${base}/vote/ballot`, { parts: [{ pool: zone.id, projects: [choice] }, { pool: 'municipality', projects: ['0004'] }] }, 201);
  }
  return {
    processId, municipalityId,
    async closeVote() {
      await db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', processId).execute();
      await post(admin, `${base}/vote/close`, { reason: 'cierre de la votación' }, 200);
    },
    async electCommittee() {
      const people: [string, 'female' | 'male', number][] = [
        ['Luis Mamani', 'male', 40], ['Pedro Condori', 'male', 35], ['Juan Huanca', 'male', 30], ['Ana Flores', 'female', 20], ['Rosa Cutipa', 'female', 12], ['Elena Quispe', 'female', 5],
      ];
      const counts: { agentId: string; votes: number }[] = [];
      for (const [fullName, sex, votes] of people) {
        const a = await insertAgent(db, { municipalityId, processId, zoneId: zone.id, fullName, sex });
        await post(admin, `${base}/oversight-committee/candidates`, { agentId: a.id, consent: 'aceptó postular en la sesión de formalización' }, 201);
        counts.push({ agentId: a.id, votes });
      }
      await post(admin, `${base}/oversight-committee/election`, { heldOn: localDate(), place: 'Auditorio municipal de Ilo', reason: 'conteo de la sesión de formalización', counts }, 201);
    },
  };
}
