/** Row types of every table, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface JurisdictionsTable {
  id: string;
  parent_id: string | null;
  level: 'region' | 'province' | 'district';
  name: string;
  ubigeo: string;
}

export interface MunicipalitiesTable {
  id: string;
  jurisdiction_id: string;
  slug: string;
  name: string;
  kind: 'provincial' | 'district';
  created_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string | null;
  dni: string | null;
  password_hash: string;
  created_at: string;
}

export interface MembershipsTable {
  municipality_id: string;
  user_id: string;
  role: string;
  granted_at: string;
  granted_by: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  scope: string;
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  reason: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  jurisdictions: JurisdictionsTable;
  municipalities: MunicipalitiesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  processes: ProcessesTable;
  process_phases: ProcessPhasesTable;
  process_phase_moves: ProcessPhaseMovesTable;
  zones: ZonesTable;
}

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

export interface ZonesTable {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
  kind: 'sector' | 'neighbourhood_committee' | 'rural_centre';
  population: number | null;
  created_at: string;
}
