/** Row types of the tables the territory area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface JurisdictionsTable {
  id: string;
  parent_id: string | null;
  level: 'region' | 'province' | 'district';
  name: string;
  ubigeo: string;
}

export interface MunicipalitiesTable {
  id: string;
  jurisdiction_id: string;
  slug: string;
  name: string;
  kind: 'provincial' | 'district';
  created_at: string;
}

declare module '../db/schema.ts' {
  interface Database {
    jurisdictions: JurisdictionsTable;
    municipalities: MunicipalitiesTable;
  }
}
