/** Row types of the tables the plan area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface ThematicAxesTable {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
  description: string;
  created_at: string;
}

export interface PlanObjectivesTable {
  municipality_id: string;
  id: string;
  axis_id: string;
  code: string;
  title: string;
  description: string;
  created_at: string;
}

export interface ZonesTable {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
  kind: 'sector' | 'neighbourhood_committee' | 'rural_centre';
  population: number | null;
  created_at: string;
}

declare module '../db/schema.ts' {
  interface Database {
    thematic_axes: ThematicAxesTable;
    plan_objectives: PlanObjectivesTable;
    zones: ZonesTable;
  }
}
