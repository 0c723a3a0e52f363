import type { PhaseGate } from '../kernel/area.ts';
import { evaluationProgress } from './evaluation.queries.ts';

/**
 * Concertation does not end while a proposal in the running lacks its published technical evaluation (the unassigned
 * counted too), nor while a member of the technical team has an evaluation to finish.
 */
const proposalsEvaluated: PhaseGate = {
  leaving: 'concertation',
  check: async (db, p) => {
    const progress = await evaluationProgress(db, p.municipalityId, p.id);
    return progress.unevaluated === 0 ? null : { code: 'PROPOSALS_NOT_EVALUATED', params: { count: progress.unevaluated, unassigned: progress.unassigned } };
  },
};

const evaluatorsFinished: PhaseGate = {
  leaving: 'concertation',
  check: async (db, p) => {
    const { evaluatorsPending } = await evaluationProgress(db, p.municipalityId, p.id);
    if (evaluatorsPending.length === 0) return null;
    return { code: 'EVALUATORS_NOT_FINISHED', params: { names: evaluatorsPending.map((e) => `${e.name} (${e.pending})`).join(', ') } };
  },
};

export const EVALUATION_GATES: readonly PhaseGate[] = [proposalsEvaluated, evaluatorsFinished];
