/** Row types of the tables the oversight area owns, as Kysely sees them. Rows never leave the repository unmapped. */

export interface OversightPiaTable {
  municipality_id: string;
  process_id: string;
  project_id: string;
  pia_cents: number | string;
  recorded_at: string;
  recorded_by: string;
  reason: string;
}

export interface OversightObservationsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  project_id: string;
  body: string;
  filed_at: string;
  filed_by: string;
}

export interface OversightRequestsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  project_id: string | null;
  question: string;
  deadline: string;
  sent_at: string;
  sent_by: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

export interface OversightFilesTable {
  municipality_id: string;
  owner_kind: string;
  owner_id: string;
  file_id: string;
  position: number;
}

declare module '../db/schema.ts' {
  interface Database {
    oversight_pia: OversightPiaTable;
    oversight_observations: OversightObservationsTable;
    oversight_requests: OversightRequestsTable;
    oversight_files: OversightFilesTable;
  }
}
