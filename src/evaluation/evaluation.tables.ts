/** Row types of the tables the evaluation area owns, as Kysely sees them. Rows never leave the repository unmapped. */

import type { Viability } from './evaluation.ts';

export interface EvaluationCriteriaTable {
  municipality_id: string;
  id: string;
  process_id: string;
  position: number;
  name: string;
  description: string;
  weight: number;
  scale_min: number;
  scale_max: number;
}

export interface EvaluationCriterionLevelsTable {
  municipality_id: string;
  criterion_id: string;
  value: number;
  meaning: string;
}

export interface EvaluationAssignmentsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  proposal_id: string;
  evaluator_id: string;
  assigned_at: string;
  assigned_by: string;
}

export interface EvaluationsTable {
  municipality_id: string;
  assignment_id: string;
  proposal_version: number;
  viability: Viability | null;
  reasons: string;
  /** BIGINT: PostgreSQL returns it as a string. */
  adjusted_cost_cents: number | string | null;
  updated_at: string;
  finished_at: string | null;
}

export interface EvaluationScoresTable {
  municipality_id: string;
  assignment_id: string;
  criterion_id: string;
  score: number;
}

export interface EvaluationObservationsTable {
  municipality_id: string;
  proposal_id: string;
  process_id: string;
  text: string;
  author_agent_id: string;
  submitted_by: string;
  submitted_at: string;
}

declare module '../db/schema.ts' {
  interface Database {
    evaluation_criteria: EvaluationCriteriaTable;
    evaluation_criterion_levels: EvaluationCriterionLevelsTable;
    evaluation_assignments: EvaluationAssignmentsTable;
    evaluations: EvaluationsTable;
    evaluation_scores: EvaluationScoresTable;
    evaluation_observations: EvaluationObservationsTable;
  }
}
