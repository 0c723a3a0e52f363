/** Row types of the tables the files area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface FilesTable {
  municipality_id: string;
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_at: string;
  uploaded_by: string;
}

declare module '../db/schema.ts' {
  interface Database {
    files: FilesTable;
  }
}
