/** Row types of the tables the processes area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface ProcessesTable {
  municipality_id: string;
  id: string;
  fiscal_year: number;
  name: string;
  phase: string;
  envelope_cents: number;
  investment_budget_cents: number;
  rules: string;
  copied_from_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ProcessPhasesTable {
  municipality_id: string;
  process_id: string;
  phase: string;
  starts_on: string;
  ends_on: string;
}

export interface ProcessPhaseMovesTable {
  municipality_id: string;
  process_id: string;
  seq: number;
  from_phase: string;
  to_phase: string;
  moved_at: string;
  moved_by: string;
  reason: string;
}

export interface ProcessZoneEnvelopesTable {
  municipality_id: string;
  process_id: string;
  zone_id: string;
  amount_cents: number;
}

export interface BodiesTable {
  municipality_id: string;
  id: string;
  process_id: string;
  kind: 'delegates' | 'directive_committee' | 'oversight_committee';
  seats: number;
  min_women: number;
}

declare module '../db/schema.ts' {
  interface Database {
    processes: ProcessesTable;
    process_phases: ProcessPhasesTable;
    process_phase_moves: ProcessPhaseMovesTable;
    process_zone_envelopes: ProcessZoneEnvelopesTable;
    bodies: BodiesTable;
  }
}
