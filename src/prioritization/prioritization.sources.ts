import { DEFAULT_PRIORITIZATION } from '@concerta/contracts';
import type { Executor } from '../db/database.ts';
import { publishedEvaluations } from '../evaluation/evaluation.queries.ts';
import type { Process } from '../processes/process.ts';
import { submittedProposals } from '../proposals/proposals.queries.ts';
import { workshopVotesByProposal } from '../workshops/workshops.queries.ts';
import type { PrioritizationInput } from './prioritization.ts';

/**
 * What the provisional list is computed from, read through the other areas' queries: the proposals still in the running
 * (their current version), their published technical evaluations, the workshops' prioritization votes, the process's
 * envelopes and settings.
 */
export async function gatherInputs(db: Executor, municipalityId: string, process: Process): Promise<PrioritizationInput> {
  const [proposals, evaluations, votes] = await Promise.all([
    submittedProposals(db, municipalityId, process.id),
    publishedEvaluations(db, municipalityId, process.id),
    workshopVotesByProposal(db, municipalityId, process.id),
  ]);
  const byProposal = new Map(evaluations.map((e) => [e.proposalId, e]));
  return {
    processId: process.id,
    envelopeCents: process.envelopeCents,
    zoneEnvelopes: process.zoneEnvelopes,
    settings: process.rules.prioritization ?? DEFAULT_PRIORITIZATION,
    candidates: proposals.map((p) => {
      const e = byProposal.get(p.id);
      return {
        proposalId: p.id, number: p.number, title: p.current.title, zoneId: p.current.zone.id, zoneName: p.current.zone.name,
        requestedCostCents: p.current.costCents,
        evaluation: e ? {
          viability: e.viability, adjustedCostCents: e.adjustedCostCents, technicalScore: e.weightedScore,
          evaluators: e.evaluators.map((x) => ({
            evaluatorId: x.evaluatorId, evaluatorName: x.evaluatorName, viability: x.viability, adjustedCostCents: x.adjustedCostCents,
            weightedScore: x.weightedScore, scores: x.scores.map((s) => ({ criterionId: s.criterionId, score: s.score })),
          })),
        } : null,
        workshopVotes: votes.get(p.id) ?? 0,
      };
    }),
  };
}
