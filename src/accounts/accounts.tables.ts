/** Row types of the tables the accounts area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

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

declare module '../db/schema.ts' {
  interface Database {
    users: UsersTable;
    memberships: MembershipsTable;
    sessions: SessionsTable;
  }
}
