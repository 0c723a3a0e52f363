import type { Executor } from '../db/database.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { submittedProposals } from '../proposals/proposals.queries.ts';
import { assignmentRows, matrixOf, type AssignmentRow } from './evaluation.repository.ts';
import { cautiousViability, round2, weightedScore, type MatrixCriterion, type Viability } from './evaluation.ts';

/**
 * What other areas may ask of the evaluation area (prioritization, the phase gates): a process's prioritization
 * matrix, the proposals whose evaluation is published, and how far the evaluation has come.
 */
export type { MatrixCriterion, Viability };

/** One evaluator's finished evaluation of a proposal. */
export interface EvaluatorResult {
  evaluatorId: string;
  evaluatorName: string;
  viability: Viability;
  reasons: string;
  adjustedCostCents: number;
  /** sum over criteria of weight * (score - min) / (max - min): 0..100. */
  weightedScore: number;
  scores: { criterionId: string; score: number }[];
  proposalVersion: number;
  finishedAt: string;
}

/** A proposal whose every assigned evaluator has finished: its evaluation is published. */
export interface EvaluatedProposal {
  proposalId: string;
  /** The most cautious of its evaluators' (not viable > viable with changes > viable). */
  viability: Viability;
  /** The highest of its evaluators' adjusted costs, in céntimos. */
  adjustedCostCents: number;
  /** 0..100, the mean over its evaluators. */
  weightedScore: number;
  /** When the last evaluator finished. */
  publishedAt: string;
  /** By name. */
  evaluators: EvaluatorResult[];
}

/** The process's prioritization matrix, by position (empty until the administrator sets it). */
export async function processMatrix(db: Executor, municipalityId: string, processId: string): Promise<MatrixCriterion[]> {
  return matrixOf(db, municipalityId, processId);
}

/** Whether every assignment of a proposal (at least one) is finished. */
export function isComplete(rows: readonly AssignmentRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.evaluation?.finishedAt);
}

/** A proposal's published evaluation from its (all finished) assignments. */
export function summarize(proposalId: string, rows: readonly AssignmentRow[], matrix: readonly MatrixCriterion[], names: ReadonlyMap<string, string>): EvaluatedProposal {
  const evaluators = rows.map((r): EvaluatorResult => {
    const e = r.evaluation!;
    const scores = matrix.flatMap((c) => e.scores.filter((s) => s.criterionId === c.id));
    return {
      evaluatorId: r.evaluatorId, evaluatorName: names.get(r.evaluatorId) ?? '', viability: e.viability!, reasons: e.reasons,
      adjustedCostCents: e.adjustedCostCents!, weightedScore: weightedScore(matrix, scores), scores, proposalVersion: e.proposalVersion,
      finishedAt: e.finishedAt!,
    };
  }).sort((a, b) => a.evaluatorName.localeCompare(b.evaluatorName, 'es') || a.evaluatorId.localeCompare(b.evaluatorId));
  return {
    proposalId,
    viability: cautiousViability(evaluators.map((e) => e.viability)),
    adjustedCostCents: Math.max(...evaluators.map((e) => e.adjustedCostCents)),
    weightedScore: round2(evaluators.reduce((s, e) => s + e.weightedScore, 0) / evaluators.length),
    publishedAt: evaluators.map((e) => e.finishedAt).sort().at(-1)!,
    evaluators,
  };
}

function byProposal(rows: readonly AssignmentRow[]): Map<string, AssignmentRow[]> {
  const out = new Map<string, AssignmentRow[]>();
  for (const r of rows) out.set(r.proposalId, [...(out.get(r.proposalId) ?? []), r]);
  return out;
}

/** The published evaluations of the process's proposals still in the running (not withdrawn), in proposal number order. */
export async function publishedEvaluations(db: Executor, municipalityId: string, processId: string, proposalIds?: readonly string[]): Promise<EvaluatedProposal[]> {
  const ids = proposalIds ?? (await submittedProposals(db, municipalityId, processId)).map((p) => p.id);
  const rows = byProposal(await assignmentRows(db, municipalityId, processId, { proposalIds: ids }));
  const complete = ids.filter((id) => isComplete(rows.get(id) ?? []));
  if (complete.length === 0) return [];
  const [matrix, names] = await Promise.all([
    matrixOf(db, municipalityId, processId),
    userNames(db, complete.flatMap((id) => rows.get(id)!.map((r) => r.evaluatorId))),
  ]);
  return complete.map((id) => summarize(id, rows.get(id)!, matrix, names));
}

export interface EvaluationProgress {
  /** Proposals in the running (not withdrawn). */
  proposals: number;
  /** Of them, those assigned to nobody. */
  unassigned: number;
  /** Of them, those whose evaluation is not published yet (the unassigned included). */
  unevaluated: number;
  /** Evaluators with assignments not finished, and how many, by name. */
  evaluatorsPending: { evaluatorId: string; name: string; pending: number }[];
}

export async function evaluationProgress(db: Executor, municipalityId: string, processId: string): Promise<EvaluationProgress> {
  const ids = (await submittedProposals(db, municipalityId, processId)).map((p) => p.id);
  const rows = await assignmentRows(db, municipalityId, processId, { proposalIds: ids });
  const grouped = byProposal(rows);
  const pending = new Map<string, number>();
  for (const r of rows) if (!r.evaluation?.finishedAt) pending.set(r.evaluatorId, (pending.get(r.evaluatorId) ?? 0) + 1);
  const names = await userNames(db, [...pending.keys()]);
  return {
    proposals: ids.length,
    unassigned: ids.filter((id) => !grouped.has(id)).length,
    unevaluated: ids.filter((id) => !isComplete(grouped.get(id) ?? [])).length,
    evaluatorsPending: [...pending.entries()].map(([evaluatorId, n]) => ({ evaluatorId, name: names.get(evaluatorId) ?? '', pending: n }))
      .sort((a, b) => a.name.localeCompare(b.name, 'es')),
  };
}
