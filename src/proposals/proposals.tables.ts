/** Row types of the tables the proposals area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

import type { Contribution, FunderKind, ProposalSource, ProposalStatus } from './proposals.ts';

export interface ProposalsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  number: number;
  status: ProposalStatus;
  author_agent_id: string;
  author_organization_id: string | null;
  source: ProposalSource;
  current_version: number;
  submitted_at: string;
  submitted_by: string;
  updated_at: string;
}

export interface ProposalVersionsTable {
  municipality_id: string;
  proposal_id: string;
  version: number;
  title: string;
  description: string;
  zone_id: string;
  axis_id: string;
  objective_id: string;
  problem: string;
  beneficiaries_count: number;
  beneficiary_groups: string;
  /** BIGINT: PostgreSQL returns it as a string. */
  cost_cents: number | string;
  location: string;
  created_at: string;
  created_by: string;
  reason: string | null;
}

export interface ProposalPledgesTable {
  municipality_id: string;
  proposal_id: string;
  version: number;
  position: number;
  funder_kind: FunderKind;
  funder_name: string;
  contribution: Contribution;
  description: string;
  amount_cents: number | string;
}

export interface ProposalAttachmentsTable {
  municipality_id: string;
  proposal_id: string;
  version: number;
  file_id: string;
}

declare module '../db/schema.ts' {
  interface Database {
    proposals: ProposalsTable;
    proposal_versions: ProposalVersionsTable;
    proposal_pledges: ProposalPledgesTable;
    proposal_attachments: ProposalAttachmentsTable;
  }
}
