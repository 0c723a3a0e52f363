/** Row types of the tables the registration area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

import type { RegistrationSource, RegistrationStatus } from './registration.ts';
import type { Generated } from 'kysely';
import type { DelegateRole, StandingKind, ChallengeGround, ChallengeStatus, ChallengeTarget, ListStage } from '@concerta/contracts';

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
  /** Its proof of standing and the document (a stored file), when given. */
  standing_kind: Generated<StandingKind | null>;
  standing_file_id: Generated<string | null>;
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
  /** Titular or substitute delegate of the organization; null for individuals and delegates without a role. */
  delegate_role: Generated<DelegateRole | null>;
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

/** A published list of a process: the preliminary one, then the definitive one with its accreditation act. */
export interface RegistrationListsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  stage: ListStage;
  published_at: string;
  published_by: string;
  act_html: string | null;
  act_pdf_base64: string | null;
  act_sha256: string | null;
}

/** A registration a published list showed. */
export interface RegistrationListEntriesTable {
  municipality_id: string;
  list_id: string;
  kind: ChallengeTarget;
  registration_id: string;
}

export interface RegistrationChallengesTable {
  municipality_id: string;
  id: string;
  process_id: string;
  challenger_agent_id: string;
  target_type: ChallengeTarget;
  target_id: string;
  grounds: ChallengeGround;
  reason: string;
  evidence_file_id: string | null;
  filed_at: string;
  filed_by: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  status: ChallengeStatus;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

/** A member of a process's accreditation commission. */
export interface AccreditationCommissionMembersTable {
  municipality_id: string;
  process_id: string;
  user_id: string;
  added_at: string;
  added_by: string;
}

/** The one-time code that links a registration without an account to the account of the same DNI. */
export interface RegistrationClaimCodesTable {
  municipality_id: string;
  agent_id: string;
  /** SHA-256 of the registration's id and the code: the code itself is never stored. */
  code_hash: string;
  expires_at: string;
  failed_attempts: Generated<number>;
  issued_at: string;
  issued_by: string;
  used_at: string | null;
  used_by: string | null;
}

declare module '../db/schema.ts' {
  interface Database {
    registration_lists: RegistrationListsTable;
    registration_list_entries: RegistrationListEntriesTable;
    registration_challenges: RegistrationChallengesTable;
    accreditation_commission_members: AccreditationCommissionMembersTable;
    organizations: OrganizationsTable;
    agents: AgentsTable;
    agent_imports: AgentImportsTable;
    registration_claim_codes: RegistrationClaimCodesTable;
  }
}
