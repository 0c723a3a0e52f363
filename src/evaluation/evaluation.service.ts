import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { memberWithRole, membersWithRole, userNames } from '../accounts/accounts.queries.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { findProposal, findProposalRecord, submittedProposals, type ProposalRecord } from '../proposals/proposals.queries.ts';
import { accountTies, agentSummaries, approvedAgentOfUser } from '../registration/registration.queries.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import * as repo from './evaluation.repository.ts';
import { evaluationProgress, isComplete, publishedEvaluations, summarize, type EvaluatedProposal } from './evaluation.queries.ts';
import { isAuthorOf } from './evaluation.policy.ts';
import {
  checkEvaluationOpen, checkMatrix, checkMatrixOpen, checkScore, conflictsOf, PERUVIAN_TEMPLATE, type ConflictReason,
  type CriterionInput, type MatrixCriterion, type Viability,
} from './evaluation.ts';

/** Use cases of the technical evaluation. Each write checks, writes and audits in one transaction under the process lock. */

const TECHNICAL_TEAM = 'technical_team';

const CONFLICT_CODES = { author: 'EVALUATOR_IS_AUTHOR', delegate: 'EVALUATOR_IS_DELEGATE', registrant: 'EVALUATOR_IS_REGISTRANT' } as const;

function fail(err: AppError | null): void {
  if (err) throw err;
}

/** The matrix of a process, whether it is frozen (an assignment exists) and the template offered. */
export async function getMatrix(handle: DatabaseHandle, municipalityId: string, processId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const [criteria, assignments] = await Promise.all([repo.matrixOf(handle.db, municipalityId, processId), repo.countAssignments(handle.db, municipalityId, processId)]);
  return { process, criteria, assignments, frozen: assignments > 0, editable: assignments === 0 && checkMatrixOpen(process.phase) === null, template: [...PERUVIAN_TEMPLATE] };
}

/** The administrator replaces the matrix as a whole, while nothing is assigned yet. */
export async function setMatrix(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { criteria: CriterionInput[]; reason: string }): Promise<void> {
  fail(checkMatrix(input.criteria));
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    fail(checkMatrixOpen(process.phase));
    await repo.lockEvaluation(trx, handle.dialect, processId);
    const count = await repo.countAssignments(trx, municipalityId, processId);
    if (count > 0) throw new AppError('MATRIX_FROZEN', { count });
    const criteria: MatrixCriterion[] = input.criteria.map((c, position) => ({ ...c, id: newId(), position, levels: [...c.levels].sort((a, b) => a.value - b.value) }));
    await repo.replaceMatrix(trx, municipalityId, processId, criteria);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'evaluation.set_matrix', entityType: 'process', entityId: processId, reason: input.reason,
      data: { criteria: criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax, levels: c.levels })) },
    });
  });
}

type AssignmentStatus = 'assigned' | 'draft' | 'finished';

function statusOf(r: repo.AssignmentRow): AssignmentStatus {
  return r.evaluation?.finishedAt ? 'finished' : r.evaluation ? 'draft' : 'assigned';
}

/** The assignment page: proposals in the running, the technical team, who is assigned what, and who may not take what and why. */
export async function assignmentBoard(handle: DatabaseHandle, municipalityId: string, processId: string) {
  const db = handle.db;
  const process = await requireProcess(db, municipalityId, processId);
  const [proposals, evaluators, matrix] = await Promise.all([
    submittedProposals(db, municipalityId, processId), membersWithRole(db, municipalityId, TECHNICAL_TEAM), repo.matrixOf(db, municipalityId, processId),
  ]);
  const [rows, ties, progress] = await Promise.all([
    repo.assignmentRows(db, municipalityId, processId, { proposalIds: proposals.map((p) => p.id) }),
    accountTies(db, municipalityId, processId, evaluators.map((e) => e.id)),
    evaluationProgress(db, municipalityId, processId),
  ]);
  const names = await userNames(db, rows.map((r) => r.evaluatorId));
  return {
    process, hasMatrix: matrix.length > 0, progress, evaluators,
    proposals: proposals.map((p) => {
      const mine = rows.filter((r) => r.proposalId === p.id);
      return {
        proposal: p,
        published: isComplete(mine),
        assignments: mine.map((r) => ({ evaluatorId: r.evaluatorId, evaluatorName: names.get(r.evaluatorId) ?? '', status: statusOf(r) })),
        conflicts: evaluators.flatMap((e) => {
          const reasons = conflictsOf(p, ties.get(e.id));
          return reasons.length ? [{ evaluatorId: e.id, reasons }] : [];
        }),
      };
    }),
  };
}

async function requireRecord(db: Executor, municipalityId: string, processId: string, proposalId: string, field?: string): Promise<ProposalRecord> {
  const r = await findProposalRecord(db, municipalityId, proposalId);
  if (!r || r.processId !== processId) throw new AppError('UNKNOWN_REFERENCE', { what: 'proposal', value: proposalId }, field ?? 'proposalId');
  return r;
}

/** The administrator assigns proposals to members of the technical team: all the pairs, or none. */
export async function assign(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string,
  input: { assignments: { proposalId: string; evaluatorId: string }[]; reason: string }): Promise<number> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    fail(checkEvaluationOpen(process.phase));
    await repo.lockEvaluation(trx, handle.dialect, processId);
    if ((await repo.matrixOf(trx, municipalityId, processId)).length === 0) throw new AppError('EVALUATION_NO_MATRIX');
    const ties = await accountTies(trx, municipalityId, processId, input.assignments.map((a) => a.evaluatorId));
    const existing = await repo.assignmentRows(trx, municipalityId, processId, { proposalIds: input.assignments.map((a) => a.proposalId) });
    const at = now();
    for (const [i, a] of input.assignments.entries()) {
      const record = await requireRecord(trx, municipalityId, processId, a.proposalId, `assignments.${i}.proposalId`);
      if (record.status === 'withdrawn') throw new AppError('EVALUATION_PROPOSAL_WITHDRAWN', { number: record.number }, `assignments.${i}.proposalId`);
      const evaluator = await memberWithRole(trx, municipalityId, a.evaluatorId, [TECHNICAL_TEAM]);
      if (!evaluator) {
        const name = (await userNames(trx, [a.evaluatorId])).get(a.evaluatorId) ?? a.evaluatorId;
        throw new AppError('EVALUATOR_NOT_TECHNICAL_TEAM', { name }, `assignments.${i}.evaluatorId`);
      }
      const conflict = conflictsOf(record, ties.get(a.evaluatorId))[0];
      if (conflict) throw new AppError(CONFLICT_CODES[conflict], { name: evaluator.name, number: record.number }, `assignments.${i}.evaluatorId`);
      const ofProposal = existing.filter((r) => r.proposalId === a.proposalId);
      if (isComplete(ofProposal)) throw new AppError('EVALUATION_ALREADY_PUBLISHED', { number: record.number }, `assignments.${i}.proposalId`);
      const already = () => new AppError('EVALUATION_ALREADY_ASSIGNED', { number: record.number, name: evaluator.name }, `assignments.${i}.evaluatorId`);
      if (ofProposal.some((r) => r.evaluatorId === a.evaluatorId)) throw already();
      const id = newId();
      try {
        await repo.insertAssignment(trx, municipalityId, { id, processId, proposalId: a.proposalId, evaluatorId: a.evaluatorId, assignedAt: at, assignedBy: actor.userId });
      } catch (err) {
        // The same pair twice in one request, or a concurrent request: the unique key decided.
        if (isUniqueViolation(err)) throw already();
        throw err;
      }
      existing.push({ id, processId, proposalId: a.proposalId, evaluatorId: a.evaluatorId, assignedAt: at, assignedBy: actor.userId, evaluation: null });
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: 'evaluation.assign', entityType: 'proposal', entityId: a.proposalId, reason: input.reason,
        data: { processId, number: record.number, evaluatorId: a.evaluatorId, assignmentId: id },
      });
    }
  });
  return input.assignments.length;
}

/** The administrator takes back an assignment its evaluator has not started. */
export async function unassign(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string,
  input: { proposalId: string; evaluatorId: string; reason: string }): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    fail(checkEvaluationOpen(process.phase));
    await repo.lockEvaluation(trx, handle.dialect, processId);
    const record = await requireRecord(trx, municipalityId, processId, input.proposalId);
    const row = (await repo.assignmentRows(trx, municipalityId, processId, { proposalIds: [input.proposalId], evaluatorId: input.evaluatorId }))[0];
    if (!row) throw new AppError('NOT_FOUND', { what: `assignment of proposal ${record.number}` });
    const name = (await userNames(trx, [input.evaluatorId])).get(input.evaluatorId) ?? '';
    if (row.evaluation) throw new AppError('EVALUATION_ALREADY_STARTED', { name, number: record.number });
    await repo.deleteAssignment(trx, municipalityId, row.id);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'evaluation.unassign', entityType: 'proposal', entityId: input.proposalId, reason: input.reason,
      data: { processId, number: record.number, evaluatorId: input.evaluatorId, assignmentId: row.id },
    });
  });
}

/** A member of the technical team's assignments in a process, with where each stands. */
export async function myAssignments(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const proposals = await submittedProposals(handle.db, municipalityId, processId);
  const rows = await repo.assignmentRows(handle.db, municipalityId, processId, { proposalIds: proposals.map((p) => p.id), evaluatorId: actor.userId });
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return {
    process,
    assignments: rows.map((r) => ({ proposal: byId.get(r.proposalId)!, status: statusOf(r), updatedAt: r.evaluation?.updatedAt ?? null }))
      .sort((a, b) => a.proposal.number - b.proposal.number),
  };
}

async function mustBeAssigned(db: Executor, actor: Actor, municipalityId: string, processId: string, proposalId: string) {
  const record = await requireRecord(db, municipalityId, processId, proposalId);
  const row = (await repo.assignmentRows(db, municipalityId, processId, { proposalIds: [proposalId], evaluatorId: actor.userId }))[0];
  if (!row) throw new AppError('EVALUATION_NOT_ASSIGNED', { number: record.number });
  return { record, row };
}

/** What the evaluator's form shows: the proposal, the matrix and their evaluation so far. */
export async function myEvaluation(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const { row } = await mustBeAssigned(handle.db, actor, municipalityId, processId, proposalId);
  const [proposal, matrix] = await Promise.all([findProposal(handle.db, municipalityId, proposalId), repo.matrixOf(handle.db, municipalityId, processId)]);
  return { process, proposal: proposal!, matrix, status: statusOf(row), evaluation: row.evaluation, open: checkEvaluationOpen(process.phase) === null };
}

export interface EvaluationInput {
  viability?: Viability | null | undefined;
  reasons?: string | undefined;
  adjustedCostCents?: number | null | undefined;
  scores: { criterionId: string; score: number }[];
  /** Finish it: every field and every criterion's score required; final. */
  finish: boolean;
}

function checkEvaluationInput(input: EvaluationInput, matrix: readonly MatrixCriterion[]): void {
  if (input.adjustedCostCents !== null && input.adjustedCostCents !== undefined && input.adjustedCostCents <= 0) {
    throw new AppError('EVALUATION_COST_NOT_POSITIVE', {}, 'adjustedCostCents');
  }
  const seen = new Set<string>();
  for (const [i, s] of input.scores.entries()) {
    const c = matrix.find((m) => m.id === s.criterionId);
    if (!c || seen.has(s.criterionId)) throw new AppError('UNKNOWN_REFERENCE', { what: 'criterion', value: s.criterionId }, `scores.${i}.criterionId`);
    seen.add(s.criterionId);
    fail(checkScore(c, s.score, `scores.${i}.score`));
  }
  if (!input.finish) return;
  if (!input.viability) throw new AppError('EVALUATION_INCOMPLETE', {}, 'viability');
  if (!input.reasons) throw new AppError('EVALUATION_INCOMPLETE', {}, 'reasons');
  if (!input.adjustedCostCents) throw new AppError('EVALUATION_INCOMPLETE', {}, 'adjustedCostCents');
  const missing = matrix.find((c) => !seen.has(c.id));
  if (missing) throw new AppError('EVALUATION_SCORE_MISSING', { name: missing.name }, 'scores');
}

/**
 * The assigned evaluator saves their evaluation (a draft) or finishes it (final). The last evaluator of a proposal to
 * finish publishes the proposal's evaluation. Returns whether it is now published.
 */
export async function saveMyEvaluation(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string, input: EvaluationInput): Promise<{ published: boolean }> {
  return handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    fail(checkEvaluationOpen(process.phase));
    await repo.lockEvaluation(trx, handle.dialect, processId);
    const { record, row } = await mustBeAssigned(trx, actor, municipalityId, processId, proposalId);
    if (record.status === 'withdrawn') throw new AppError('EVALUATION_PROPOSAL_WITHDRAWN', { number: record.number });
    if (row.evaluation?.finishedAt) throw new AppError('EVALUATION_FINISHED', { number: record.number });
    const matrix = await repo.matrixOf(trx, municipalityId, processId);
    checkEvaluationInput(input, matrix);
    const at = now();
    const scores = matrix.flatMap((c) => input.scores.filter((s) => s.criterionId === c.id));
    await repo.saveEvaluation(trx, municipalityId, row.id, {
      proposalVersion: record.currentVersion, viability: input.viability ?? null, reasons: input.reasons ?? '', adjustedCostCents: input.adjustedCostCents ?? null,
      updatedAt: at, finishedAt: input.finish ? at : null, scores,
    }, row.evaluation !== null);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: input.finish ? 'evaluation.finish' : 'evaluation.save_draft', entityType: 'proposal', entityId: proposalId,
      reason: input.reasons || null,
      data: { processId, number: record.number, version: record.currentVersion, viability: input.viability ?? null, adjustedCostCents: input.adjustedCostCents ?? null, scores },
    });
    if (!input.finish) return { published: false };
    const all = await repo.assignmentRows(trx, municipalityId, processId, { proposalIds: [proposalId] });
    if (!isComplete(all)) return { published: false };
    const names = await userNames(trx, all.map((r) => r.evaluatorId));
    const result = summarize(proposalId, all, matrix, names);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'evaluation.publish', entityType: 'proposal', entityId: proposalId,
      reason: result.evaluators.map((e) => `${e.evaluatorName}: ${e.reasons}`).join('\n'),
      data: { processId, number: record.number, viability: result.viability, adjustedCostCents: result.adjustedCostCents, weightedScore: result.weightedScore, evaluators: all.map((r) => r.evaluatorId) },
    });
    return { published: true };
  });
}

/** A proposal's evaluation as the public reads it, its authors' answer, and whether the signed-in person may answer now. */
export async function proposalEvaluation(handle: DatabaseHandle, actor: Actor | null, municipalityId: string, processId: string, proposalId: string) {
  const db = handle.db;
  const process = await requireProcess(db, municipalityId, processId);
  const record = await requireRecord(db, municipalityId, processId, proposalId);
  const [published, rows, matrix, observations] = await Promise.all([
    publishedEvaluations(db, municipalityId, processId, [proposalId]),
    repo.assignmentRows(db, municipalityId, processId, { proposalIds: [proposalId] }),
    repo.matrixOf(db, municipalityId, processId),
    repo.observationsOf(db, municipalityId, processId, [proposalId]),
  ]);
  const evaluation: EvaluatedProposal | null = record.status === 'submitted' ? published[0] ?? null : null;
  const o = observations[0] ?? null;
  const observation = o ? { text: o.text, submittedAt: o.submittedAt, authorName: (await agentSummaries(db, municipalityId, [o.authorAgentId]))[0]?.fullName ?? '' } : null;
  const agent = actor ? await approvedAgentOfUser(db, municipalityId, processId, actor.userId) : null;
  const mayObserve = evaluation !== null && observation === null && checkEvaluationOpen(process.phase) === null && isAuthorOf(record, agent);
  return {
    process, record, matrix: evaluation ? matrix : [], evaluation, observation, mayObserve,
    progress: { assigned: rows.length, finished: rows.filter((r) => r.evaluation?.finishedAt).length },
  };
}

/** Its authors answer the published evaluation once (an observation), during Concertation. */
export async function observe(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string, text: string): Promise<void> {
  try {
    await handle.db.transaction().execute(async (trx) => {
      const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
      fail(checkEvaluationOpen(process.phase));
      const record = await requireRecord(trx, municipalityId, processId, proposalId);
      const agent = await approvedAgentOfUser(trx, municipalityId, processId, actor.userId);
      if (!isAuthorOf(record, agent)) throw new AppError('OBSERVATION_NOT_AUTHOR', { number: record.number });
      const published = record.status === 'submitted' && (await publishedEvaluations(trx, municipalityId, processId, [proposalId])).length > 0;
      if (!published) throw new AppError('OBSERVATION_NOT_PUBLISHED', { number: record.number });
      if ((await repo.observationsOf(trx, municipalityId, processId, [proposalId])).length > 0) throw new AppError('OBSERVATION_ALREADY_GIVEN', { number: record.number });
      await repo.insertObservation(trx, municipalityId, processId, { proposalId, text, authorAgentId: agent!.id, submittedBy: actor.userId, submittedAt: now() });
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: 'evaluation.observe', entityType: 'proposal', entityId: proposalId, reason: text,
        data: { processId, number: record.number, authorAgentId: agent!.id },
      });
    });
  } catch (err) {
    // Two answers sent at once: the unique key (one per proposal) let the first in.
    if (isUniqueViolation(err)) {
      const record = await findProposalRecord(handle.db, municipalityId, proposalId);
      throw new AppError('OBSERVATION_ALREADY_GIVEN', { number: record?.number ?? 0 });
    }
    throw err;
  }
}

export type { ConflictReason, Process };
