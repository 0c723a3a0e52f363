import type { AreaDemo } from '../kernel/area.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requireBody } from '../processes/process.queries.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { seatElectedMembers } from '../quotas/quota.queries.ts';
import { agentProfiles } from '../registration/registration.queries.ts';
import { electCommittee } from './committee.ts';
import { insertCandidate, insertElection } from './committee.repository.ts';

/**
 * The 2007 process's oversight committee (full demo), elected in the formalization session of June 2006: nine approved
 * agents stood, five men and four women; the votes put four men on top, so the third woman takes the last men's seat.
 */
export const COMMITTEE_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear } = ctx.state.get(DEMO_PROPOSALS);
    const agents = await agentProfiles(ctx.trx, ctx.municipalityId, { processId, approvedOnly: true });
    const standing = [...agents.filter((a) => a.sex === 'male').slice(0, 5), ...agents.filter((a) => a.sex === 'female').slice(0, 4)];
    const body = await requireBody(ctx.trx, ctx.municipalityId, processId, 'oversight_committee');
    if (standing.length < body.seats) return;
    const adminId = ctx.accounts.get('administrator')!.id;
    const votes = [41, 37, 33, 30, 12, 28, 19, 9, 6];
    const candidates = standing.map((a, i) => ({ agentId: a.id, female: a.sex === 'female', votes: votes[i] ?? 1, stoodAt: `${fiscalYear - 1}-06-28T14:${String(10 + i).padStart(2, '0')}:00.000Z` }));
    for (const c of candidates) {
      await insertCandidate(ctx.trx, ctx.municipalityId, processId, { agentId: c.agentId, stoodAt: c.stoodAt, registeredBy: adminId, consent: 'aceptó postular en la sesión de formalización; firma en el acta' });
    }
    const result = electCommittee(candidates, body.seats, body.minWomen);
    const elected = new Set(result.elected);
    const at = `${fiscalYear - 1}-06-28T20:00:00.000Z`;
    const reason = 'conteo de votos de la sesión de formalización, acta de acuerdos y compromisos';
    const election = { heldOn: `${fiscalYear - 1}-06-28`, place: 'Auditorio de la Municipalidad Provincial de Ilo', reason, recordedAt: at, recordedBy: adminId };
    await insertElection(ctx.trx, ctx.municipalityId, processId, election, candidates.map((c) => ({ agentId: c.agentId, votes: c.votes, elected: elected.has(c.agentId) })));
    await appendAudit(ctx.trx, ctx.handle.dialect, {
      scope: ctx.municipalityId, actorId: adminId, action: 'committee.elect', entityType: 'process', entityId: processId, reason,
      data: { heldOn: election.heldOn, place: election.place, counts: candidates.map((c) => ({ agentId: c.agentId, votes: c.votes })), elected: result.elected, passedOver: result.passedOver },
    });
    const byId = new Map(standing.map((a) => [a.id, a]));
    await seatElectedMembers(ctx.trx, ctx.handle.dialect, {
      municipalityId: ctx.municipalityId, processId, kind: 'oversight_committee', actorId: adminId, electedAt: at, reason,
      members: result.elected.map((id) => ({ agentId: id, name: byId.get(id)!.fullName, female: byId.get(id)!.sex === 'female' })),
    });
  },
};
