/** Row types of the tables the committee area owns, as Kysely sees them. Rows never leave the repository unmapped. */

export interface CommitteeCandidatesTable {
  municipality_id: string;
  process_id: string;
  agent_id: string;
  stood_at: string;
  registered_by: string;
  consent: string;
}

export interface CommitteeElectionsTable {
  municipality_id: string;
  process_id: string;
  held_on: string;
  place: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

export interface CommitteeVotesTable {
  municipality_id: string;
  process_id: string;
  agent_id: string;
  votes: number;
  elected: number;
}

declare module '../db/schema.ts' {
  interface Database {
    committee_candidates: CommitteeCandidatesTable;
    committee_elections: CommitteeElectionsTable;
    committee_votes: CommitteeVotesTable;
  }
}
