/** Row types of the tables the prioritization area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface ProvisionalListsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  seq: number;
  computed_at: string;
  computed_by: string;
  reason: string;
  inputs_digest: string;
  /** The Prioritization, as JSON. */
  result: string;
}

declare module '../db/schema.ts' {
  interface Database {
    provisional_lists: ProvisionalListsTable;
  }
}
