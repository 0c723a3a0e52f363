/** Row types of the tables the approval area owns, as Kysely sees them. Rows never leave the repository unmapped. */

export interface ApprovalSessionsTable {
  municipality_id: string;
  process_id: string;
  body: 'ccl' | 'council';
  seq: number;
  held_on: string;
  reference: string;
  decision: 'approved' | 'returned';
  observations: string | null;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

export interface ApprovalAnswersTable {
  municipality_id: string;
  process_id: string;
  body: 'ccl' | 'council';
  seq: number;
  answer: string;
  answered_at: string;
  answered_by: string;
}

export interface ApprovalSnapshotsTable {
  municipality_id: string;
  process_id: string;
  council_seq: number;
  formalized_on: string;
  content: string;
  sha256: string;
  frozen_at: string;
  frozen_by: string;
}

export interface ApprovalAmendmentsTable {
  municipality_id: string;
  process_id: string;
  seq: number;
  kind: 'withdraw' | 'replace' | 'change_amount';
  proposal_id: string;
  replacement_id: string | null;
  amount_cents: number | string | null;
  reason: string;
  vote_held_on: string;
  vote_reference: string;
  votes_for: number;
  votes_against: number;
  abstentions: number;
  recorded_at: string;
  recorded_by: string;
}

export interface ApprovalInvestmentCodesTable {
  municipality_id: string;
  process_id: string;
  proposal_id: string;
  code: string;
  reason: string;
  set_at: string;
  set_by: string;
}

declare module '../db/schema.ts' {
  interface Database {
    approval_sessions: ApprovalSessionsTable;
    approval_answers: ApprovalAnswersTable;
    approval_snapshots: ApprovalSnapshotsTable;
    approval_amendments: ApprovalAmendmentsTable;
    approval_investment_codes: ApprovalInvestmentCodesTable;
  }
}
