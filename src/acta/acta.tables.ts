/** Row types of the tables the acta area owns, as Kysely sees them. Rows never leave the repository unmapped. */

export interface ActaSessionsTable {
  municipality_id: string;
  process_id: string;
  held_on: string;
  place: string;
  starts_at: string;
  ends_at: string;
  updated_at: string;
  updated_by: string;
}

export interface ActaSignatoriesTable {
  municipality_id: string;
  process_id: string;
  position: number;
  name: string;
  dni: string | null;
  capacity: string;
  capacity_detail: string | null;
}

export interface ActaVersionsTable {
  municipality_id: string;
  process_id: string;
  version: number;
  content: string;
  content_hash: string;
  issued_at: string;
  issued_by: string;
  reason: string | null;
}

export interface ActaScansTable {
  municipality_id: string;
  process_id: string;
  version: number;
  file_id: string;
  attached_at: string;
  attached_by: string;
}

declare module '../db/schema.ts' {
  interface Database {
    acta_sessions: ActaSessionsTable;
    acta_signatories: ActaSignatoriesTable;
    acta_versions: ActaVersionsTable;
    acta_scans: ActaScansTable;
  }
}
