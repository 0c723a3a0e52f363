/** Row types of the tables the execution area owns, as Kysely sees them. Rows never leave the repository unmapped. */

export interface ExecutionProjectsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  proposal_id: string;
  number: number;
  title: string;
  zone_id: string;
  zone_name: string;
  priority: number;
  cost_cents: number | string;
  investment_code: string | null;
  status: string;
  status_reason: string | null;
  physical_tenths: number;
  reported_on: string | null;
  tracked_at: string;
  updated_at: string;
}

export interface ExecutionBudgetLinesTable {
  municipality_id: string;
  project_id: string;
  code: string;
  position: number;
  kind: string;
  name: string;
  party_kind: string | null;
  contribution: string;
  budgeted_cents: number | string;
  executed_cents: number | string;
}

export interface ExecutionMilestonesTable {
  municipality_id: string;
  id: string;
  project_id: string;
  name: string;
  planned_on: string;
  actual_on: string | null;
  created_at: string;
  created_by: string;
}

export interface ExecutionDocumentsTable {
  municipality_id: string;
  id: string;
  project_id: string;
  file_id: string;
  kind: string;
  caption: string;
  added_at: string;
  added_by: string;
}

export interface ExecutionReportsTable {
  municipality_id: string;
  id: string;
  project_id: string;
  seq: number;
  kind: string;
  reported_on: string;
  changes: string;
  reason: string | null;
  import_id: string | null;
  at: string;
  by_user: string | null;
}

declare module '../db/schema.ts' {
  interface Database {
    execution_projects: ExecutionProjectsTable;
    execution_budget_lines: ExecutionBudgetLinesTable;
    execution_milestones: ExecutionMilestonesTable;
    execution_documents: ExecutionDocumentsTable;
    execution_reports: ExecutionReportsTable;
  }
}
