/** Row types of the tables the registration area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

import type { RegistrationSource, RegistrationStatus } from './registration.ts';

export interface OrganizationsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  name: string;
  type: 'neighbourhood_committee' | 'ngo' | 'union' | 'womens_group' | 'business' | 'other';
  registry_number: string;
  zone_id: string;
  contact_phone: string | null;
  contact_email: string | null;
  status: RegistrationStatus;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  submitted_by: string | null;
  source: RegistrationSource;
  created_at: string;
  updated_at: string;
}

export interface AgentsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  dni: string;
  full_name: string;
  sex: 'female' | 'male';
  age_band: '18-29' | '30-44' | '45-59' | '60+';
  zone_id: string;
  phone: string | null;
  email: string | null;
  organization_id: string | null;
  status: RegistrationStatus;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  user_id: string | null;
  submitted_by: string | null;
  source: RegistrationSource;
  created_at: string;
  updated_at: string;
}

/** A CSV import that writes, run as a job (registration-import-jobs.service.ts). */
export interface AgentImportsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  mode: 'all-or-nothing' | 'valid-rows';
  status: 'running' | 'done' | 'failed';
  file_sha256: string;
  file_bytes: number;
  outcome: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

declare module '../db/schema.ts' {
  interface Database {
    organizations: OrganizationsTable;
    agents: AgentsTable;
    agent_imports: AgentImportsTable;
  }
}
