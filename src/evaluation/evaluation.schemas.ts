import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { multilineText, requiredReason, text } from '../http/input.ts';
import { VIABILITIES } from './evaluation.ts';

/** Request and answer shapes of the evaluation routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
/** Whole céntimos; zero and negative costs are refused by the service with their own code. */
const cents = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
/** Scale values and scores: small integers; a score outside its criterion's scale is refused by the service. */
const level = z.number().int().min(-100).max(100);

export const processParams = z.strictObject({ slug, processId: id });
export const proposalParams = z.strictObject({ slug, processId: id, proposalId: id });

const levelSchema = z.strictObject({ value: level, meaning: text(200, 2) });

export const criterionBody = z.strictObject({
  name: text(120, 3),
  description: multilineText(600).default(''),
  weight: z.number().int().min(1).max(100),
  scaleMin: level,
  scaleMax: level,
  levels: z.array(levelSchema).min(2).max(11),
});

export const setMatrixBody = z.strictObject({
  criteria: z.array(criterionBody).min(1).max(12),
  reason: requiredReason,
});

const criterionOut = z.object({
  id: z.string(), position: z.number(), name: z.string(), description: z.string(), weight: z.number(), scaleMin: z.number(), scaleMax: z.number(),
  levels: z.array(z.object({ value: z.number(), meaning: z.string() })),
});

const processOut = z.object({ id: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) });

export const matrixSchema = z.object({
  process: processOut,
  criteria: z.array(criterionOut),
  assignments: z.number(),
  frozen: z.boolean().describe('The matrix no longer changes: a proposal has been assigned for evaluation'),
  editable: z.boolean().describe('Whether the administrator may set it now (not frozen, Preparation or Concertation)'),
  template: z.array(criterionOut.omit({ id: true, position: true })).describe('The documented Peruvian template, offered to start from'),
});

export const assignBody = z.strictObject({
  assignments: z.array(z.strictObject({ proposalId: id, evaluatorId: id })).min(1).max(500),
  reason: requiredReason,
});

export const unassignBody = z.strictObject({ proposalId: id, evaluatorId: id, reason: requiredReason });

const ref = z.object({ id: z.string(), name: z.string() });

/** A proposal as the evaluation pages list it: its current version's title, zone and cost, and its authors. */
const proposalRefSchema = z.object({
  id: z.string(),
  number: z.number(),
  version: z.number(),
  title: z.string(),
  zone: ref,
  costCents: z.number(),
  author: z.object({ agent: z.object({ id: z.string(), fullName: z.string() }), organization: ref.nullable() }),
});

const proposalDetailSchema = proposalRefSchema.extend({
  description: z.string(),
  problem: z.string(),
  location: z.string(),
  beneficiariesCount: z.number(),
  beneficiaryGroups: z.string(),
  cofinancingCents: z.number(),
});

const ASSIGNMENT_STATUSES = ['assigned', 'draft', 'finished'] as const;
const CONFLICT_REASONS = ['author', 'delegate', 'registrant'] as const;

const progressSchema = z.object({
  proposals: z.number(),
  unassigned: z.number(),
  unevaluated: z.number(),
  evaluatorsPending: z.array(z.object({ evaluatorId: z.string(), name: z.string(), pending: z.number() })),
});

export const assignmentBoardSchema = z.object({
  process: processOut,
  hasMatrix: z.boolean(),
  progress: progressSchema,
  evaluators: z.array(z.object({ id: z.string(), name: z.string() })).describe('The technical team of the municipality'),
  proposals: z.array(z.object({
    proposal: proposalRefSchema,
    published: z.boolean(),
    assignments: z.array(z.object({ evaluatorId: z.string(), evaluatorName: z.string(), status: z.enum(ASSIGNMENT_STATUSES) })),
    conflicts: z.array(z.object({ evaluatorId: z.string(), reasons: z.array(z.enum(CONFLICT_REASONS)) }))
      .describe('Evaluators who may not take this proposal, and why'),
  })),
});

export const assignedSchema = z.object({ assigned: z.number() });

export const myAssignmentsSchema = z.object({
  process: processOut,
  open: z.boolean(),
  assignments: z.array(z.object({ proposal: proposalRefSchema, status: z.enum(ASSIGNMENT_STATUSES), updatedAt: z.string().nullable() })),
});

const scoreSchema = z.strictObject({ criterionId: id, score: level });

export const saveEvaluationBody = z.strictObject({
  viability: z.enum(VIABILITIES).nullable().optional(),
  reasons: multilineText(4000).optional(),
  adjustedCostCents: cents.nullable().optional(),
  scores: z.array(scoreSchema).max(12).default([]),
  finish: z.boolean().default(false),
});

const evaluationOut = z.object({
  proposalVersion: z.number(),
  viability: z.enum(VIABILITIES).nullable(),
  reasons: z.string(),
  adjustedCostCents: z.number().nullable(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  scores: z.array(z.object({ criterionId: z.string(), score: z.number() })),
});

export const myEvaluationSchema = z.object({
  process: processOut,
  open: z.boolean(),
  proposal: proposalDetailSchema,
  matrix: z.array(criterionOut),
  status: z.enum(ASSIGNMENT_STATUSES),
  evaluation: evaluationOut.nullable(),
});

export const savedEvaluationSchema = z.object({ status: z.enum(ASSIGNMENT_STATUSES), published: z.boolean() });

export const publishedEvaluationSchema = z.object({
  viability: z.enum(VIABILITIES).describe('The most cautious of the evaluators\''),
  adjustedCostCents: z.number().describe('The highest of the evaluators\' adjusted costs'),
  weightedScore: z.number().describe('0..100, mean over evaluators of sum(weight * (score - min) / (max - min))'),
  publishedAt: z.string(),
  evaluators: z.array(z.object({
    evaluatorId: z.string(), evaluatorName: z.string(), viability: z.enum(VIABILITIES), reasons: z.string(), adjustedCostCents: z.number(),
    weightedScore: z.number(), proposalVersion: z.number(), finishedAt: z.string(),
    scores: z.array(z.object({ criterionId: z.string(), score: z.number() })),
  })),
});

export const proposalEvaluationSchema = z.object({
  published: z.boolean(),
  progress: z.object({ assigned: z.number(), finished: z.number() }),
  matrix: z.array(criterionOut).describe('The criteria the scores refer to (empty until published)'),
  evaluation: publishedEvaluationSchema.nullable(),
  observation: z.object({ text: z.string(), submittedAt: z.string(), authorName: z.string() }).nullable(),
  mayObserve: z.boolean().describe('Whether the signed-in person may answer the evaluation now (an author, once, during Concertation)'),
});

export const observeBody = z.strictObject({ text: multilineText(4000, 10) });

named('MatrixCriterion', criterionOut);
named('EvaluationProposal', proposalRefSchema);
named('EvaluationProposalDetail', proposalDetailSchema);
named('CriterionBody', criterionBody);
named('EvaluationMatrix', matrixSchema);
named('SetMatrixBody', setMatrixBody);
named('AssignBody', assignBody);
named('UnassignBody', unassignBody);
named('EvaluationProgress', progressSchema);
named('AssignmentBoard', assignmentBoardSchema);
named('MyAssignments', myAssignmentsSchema);
named('SaveEvaluationBody', saveEvaluationBody);
named('MyEvaluation', myEvaluationSchema);
named('SavedEvaluation', savedEvaluationSchema);
named('PublishedEvaluation', publishedEvaluationSchema);
named('ProposalEvaluation', proposalEvaluationSchema);
named('ObserveBody', observeBody);
