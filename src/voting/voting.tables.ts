/** Row types of the tables the voting area owns, as Kysely sees them. Rows never leave the repository unmapped. */

export interface VotesTable {
  municipality_id: string;
  id: string;
  process_id: string;
  status: 'open' | 'closed';
  closes_at: string;
  allow_changes: number;
  settings: string;
  paper: string;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  closed_by: string | null;
  result: string | null;
  ballot_log_head: string | null;
}

export interface PollingTablesTable {
  municipality_id: string;
  id: string;
  vote_id: string;
  name: string;
  place: string;
  created_at: string;
  created_by: string;
}

export interface PollingTableFacilitatorsTable {
  municipality_id: string;
  table_id: string;
  user_id: string;
}

export interface VoteVotersTable {
  municipality_id: string;
  process_id: string;
  agent_id: string;
  vote_id: string;
  channel: 'online' | 'paper';
  table_id: string | null;
  voted_at: string;
  recorded_by: string;
}

export interface OnlineBallotsTable {
  municipality_id: string;
  id: string;
  vote_id: string;
  receipt_hash: string;
  content: string;
  cast_at: string;
  changes: number;
  voter_tag: string | null;
}

export interface BallotLogTable {
  municipality_id: string;
  vote_id: string;
  seq: number;
  ballot: string | null;
  receipt: string | null;
  prev_hash: string;
  hash: string;
}

export interface VoteIdempotencyTable {
  municipality_id: string;
  actor_id: string;
  key_hash: string;
  vote_id: string;
  request_mac: string;
  receipt_box: string;
  cast_at: string;
}

export interface PaperEntriesTable {
  municipality_id: string;
  id: string;
  table_id: string;
  serial: string;
  entry_no: number;
  typist_id: string | null;
  content: string;
  entered_by: string;
  entered_at: string;
  reason: string | null;
}

declare module '../db/schema.ts' {
  interface Database {
    votes: VotesTable;
    polling_tables: PollingTablesTable;
    polling_table_facilitators: PollingTableFacilitatorsTable;
    vote_voters: VoteVotersTable;
    online_ballots: OnlineBallotsTable;
    paper_entries: PaperEntriesTable;
    ballot_log: BallotLogTable;
    vote_idempotency: VoteIdempotencyTable;
  }
}
