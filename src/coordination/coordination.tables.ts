/** Row types of the tables the coordination area owns, as Kysely sees them. Rows never leave the repository unmapped. */

export interface CoordinationAgreementsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  proposal_id: string;
  party_kind: string;
  party_name: string;
  amount_cents: number | string;
  contribution: string;
  conditions: string;
  document_file_id: string;
  signed_on: string;
  created_at: string;
  created_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

export interface CoordinationReachTable {
  municipality_id: string;
  process_id: string;
  proposal_id: string;
  reach: string;
  reason: string;
  set_at: string;
  set_by: string;
}

declare module '../db/schema.ts' {
  interface Database {
    coordination_agreements: CoordinationAgreementsTable;
    coordination_reach: CoordinationReachTable;
  }
}
