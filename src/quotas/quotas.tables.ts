/** Row types of the tables the quotas area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface BodyMembersTable {
  municipality_id: string;
  body_id: string;
  agent_id: string;
  elected_at: string;
  elected_by: string;
}

declare module '../db/schema.ts' {
  interface Database {
    body_members: BodyMembersTable;
  }
}
