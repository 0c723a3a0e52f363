import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/database.ts';
import type { Level, MatrixCriterion, Viability } from './evaluation.ts';

/** The only file writing the evaluation tables. Every query names the municipality. */

/**
 * Serializes, per process, the writes that depend on each other's rows (PostgreSQL; SQLite runs one writer at a time):
 * setting the matrix (only while nothing is assigned), assigning (only with a matrix), and finishing an evaluation
 * (the last one publishes the proposal's evaluation).
 */
export async function lockEvaluation(trx: Executor, dialect: Dialect, processId: string): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${'evaluation:' + processId}))`.execute(trx);
}

export async function matrixOf(db: Executor, municipalityId: string, processId: string): Promise<MatrixCriterion[]> {
  const rows = await db.selectFrom('evaluation_criteria').selectAll().where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).orderBy('position').execute();
  if (rows.length === 0) return [];
  const levels = await db.selectFrom('evaluation_criterion_levels').select(['criterion_id', 'value', 'meaning'])
    .where('municipality_id', '=', municipalityId).where('criterion_id', 'in', rows.map((r) => r.id)).orderBy('criterion_id').orderBy('value').execute();
  const by = new Map<string, Level[]>();
  for (const l of levels) by.set(l.criterion_id, [...(by.get(l.criterion_id) ?? []), { value: Number(l.value), meaning: l.meaning }]);
  return rows.map((r) => ({
    id: r.id, position: Number(r.position), name: r.name, description: r.description, weight: Number(r.weight),
    scaleMin: Number(r.scale_min), scaleMax: Number(r.scale_max), levels: by.get(r.id) ?? [],
  }));
}

/** Replaces the whole matrix of a process (call only while no assignment exists: no score refers to it). */
export async function replaceMatrix(trx: Executor, municipalityId: string, processId: string, criteria: readonly MatrixCriterion[]): Promise<void> {
  const old = await trx.selectFrom('evaluation_criteria').select('id').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  if (old.length > 0) {
    await trx.deleteFrom('evaluation_criterion_levels').where('municipality_id', '=', municipalityId).where('criterion_id', 'in', old.map((o) => o.id)).execute();
    await trx.deleteFrom('evaluation_criteria').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  }
  for (const c of criteria) {
    await trx.insertInto('evaluation_criteria').values({
      municipality_id: municipalityId, id: c.id, process_id: processId, position: c.position, name: c.name, description: c.description,
      weight: c.weight, scale_min: c.scaleMin, scale_max: c.scaleMax,
    }).execute();
    for (const l of c.levels) {
      await trx.insertInto('evaluation_criterion_levels').values({ municipality_id: municipalityId, criterion_id: c.id, value: l.value, meaning: l.meaning }).execute();
    }
  }
}

export async function countAssignments(db: Executor, municipalityId: string, processId: string): Promise<number> {
  const r = await db.selectFrom('evaluation_assignments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** An assignment with its evaluation (null until the evaluator first saves) and its scores, in the matrix's order. */
export interface AssignmentRow {
  id: string;
  processId: string;
  proposalId: string;
  evaluatorId: string;
  assignedAt: string;
  assignedBy: string;
  evaluation: {
    proposalVersion: number;
    viability: Viability | null;
    reasons: string;
    adjustedCostCents: number | null;
    updatedAt: string;
    finishedAt: string | null;
    scores: { criterionId: string; score: number }[];
  } | null;
}

/** The assignments of a process (optionally of some proposals, or of one evaluator), with their evaluations. */
export async function assignmentRows(db: Executor, municipalityId: string, processId: string,
  filter: { proposalIds?: readonly string[]; evaluatorId?: string } = {}): Promise<AssignmentRow[]> {
  if (filter.proposalIds && filter.proposalIds.length === 0) return [];
  let q = db.selectFrom('evaluation_assignments as a')
    .leftJoin('evaluations as e', (j) => j.onRef('e.municipality_id', '=', 'a.municipality_id').onRef('e.assignment_id', '=', 'a.id'))
    .select([
      'a.id', 'a.process_id', 'a.proposal_id', 'a.evaluator_id', 'a.assigned_at', 'a.assigned_by', 'e.assignment_id as evaluated',
      'e.proposal_version', 'e.viability', 'e.reasons', 'e.adjusted_cost_cents', 'e.updated_at', 'e.finished_at',
    ])
    .where('a.municipality_id', '=', municipalityId).where('a.process_id', '=', processId);
  if (filter.proposalIds) q = q.where('a.proposal_id', 'in', [...filter.proposalIds]);
  if (filter.evaluatorId) q = q.where('a.evaluator_id', '=', filter.evaluatorId);
  const rows = await q.orderBy('a.proposal_id').orderBy('a.assigned_at').orderBy('a.id').execute();
  const evaluated = rows.filter((r) => r.evaluated !== null).map((r) => r.id);
  const scores = evaluated.length === 0 ? [] : await db.selectFrom('evaluation_scores as s')
    .innerJoin('evaluation_criteria as c', (j) => j.onRef('c.municipality_id', '=', 's.municipality_id').onRef('c.id', '=', 's.criterion_id'))
    .select(['s.assignment_id', 's.criterion_id', 's.score'])
    .where('s.municipality_id', '=', municipalityId).where('s.assignment_id', 'in', evaluated).orderBy('s.assignment_id').orderBy('c.position').execute();
  const scoresBy = new Map<string, { criterionId: string; score: number }[]>();
  for (const s of scores) scoresBy.set(s.assignment_id, [...(scoresBy.get(s.assignment_id) ?? []), { criterionId: s.criterion_id, score: Number(s.score) }]);
  return rows.map((r) => ({
    id: r.id, processId: r.process_id, proposalId: r.proposal_id, evaluatorId: r.evaluator_id, assignedAt: r.assigned_at, assignedBy: r.assigned_by,
    evaluation: r.evaluated === null ? null : {
      proposalVersion: Number(r.proposal_version), viability: r.viability ?? null, reasons: r.reasons ?? '',
      adjustedCostCents: r.adjusted_cost_cents === null || r.adjusted_cost_cents === undefined ? null : Number(r.adjusted_cost_cents),
      updatedAt: r.updated_at ?? '', finishedAt: r.finished_at ?? null, scores: scoresBy.get(r.id) ?? [],
    },
  }));
}

export async function insertAssignment(trx: Executor, municipalityId: string, a: Omit<AssignmentRow, 'evaluation'>): Promise<void> {
  await trx.insertInto('evaluation_assignments').values({
    municipality_id: municipalityId, id: a.id, process_id: a.processId, proposal_id: a.proposalId, evaluator_id: a.evaluatorId,
    assigned_at: a.assignedAt, assigned_by: a.assignedBy,
  }).execute();
}

export async function deleteAssignment(trx: Executor, municipalityId: string, assignmentId: string): Promise<void> {
  await trx.deleteFrom('evaluation_assignments').where('municipality_id', '=', municipalityId).where('id', '=', assignmentId).execute();
}

/** Writes an evaluator's evaluation (the draft so far, or the finished one) and replaces its scores. */
export async function saveEvaluation(trx: Executor, municipalityId: string, assignmentId: string, e: NonNullable<AssignmentRow['evaluation']>, exists: boolean): Promise<void> {
  const values = {
    proposal_version: e.proposalVersion, viability: e.viability, reasons: e.reasons, adjusted_cost_cents: e.adjustedCostCents,
    updated_at: e.updatedAt, finished_at: e.finishedAt,
  };
  if (exists) {
    await trx.updateTable('evaluations').set(values).where('municipality_id', '=', municipalityId).where('assignment_id', '=', assignmentId).execute();
    await trx.deleteFrom('evaluation_scores').where('municipality_id', '=', municipalityId).where('assignment_id', '=', assignmentId).execute();
  } else {
    await trx.insertInto('evaluations').values({ municipality_id: municipalityId, assignment_id: assignmentId, ...values }).execute();
  }
  for (const s of e.scores) {
    await trx.insertInto('evaluation_scores').values({ municipality_id: municipalityId, assignment_id: assignmentId, criterion_id: s.criterionId, score: s.score }).execute();
  }
}

export interface Observation {
  proposalId: string;
  text: string;
  authorAgentId: string;
  submittedBy: string;
  submittedAt: string;
}

export async function observationsOf(db: Executor, municipalityId: string, processId: string, proposalIds?: readonly string[]): Promise<Observation[]> {
  if (proposalIds && proposalIds.length === 0) return [];
  let q = db.selectFrom('evaluation_observations').selectAll().where('municipality_id', '=', municipalityId).where('process_id', '=', processId);
  if (proposalIds) q = q.where('proposal_id', 'in', [...proposalIds]);
  const rows = await q.orderBy('submitted_at').execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, text: r.text, authorAgentId: r.author_agent_id, submittedBy: r.submitted_by, submittedAt: r.submitted_at }));
}

export async function insertObservation(trx: Executor, municipalityId: string, processId: string, o: Observation): Promise<void> {
  await trx.insertInto('evaluation_observations').values({
    municipality_id: municipalityId, proposal_id: o.proposalId, process_id: processId, text: o.text, author_agent_id: o.authorAgentId,
    submitted_by: o.submittedBy, submitted_at: o.submittedAt,
  }).execute();
}
