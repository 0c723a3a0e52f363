/** Row types of the tables the audit area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

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

/** A signed head of one chain (see audit-signing.ts for what the signature covers). */
export interface AuditCheckpointTable {
  scope: string;
  seq: number;
  hash: string;
  at: string;
  key_id: string;
  signature: string;
}

declare module '../db/schema.ts' {
  interface Database {
    audit_log: AuditLogTable;
    audit_checkpoints: AuditCheckpointTable;
  }
}
