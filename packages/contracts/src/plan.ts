/** The territory and the plan proposals link to: zones, thematic axes, strategic objectives of the Concerted Development Plan. */
export const ZONE_KINDS = ['sector', 'neighbourhood_committee', 'rural_centre'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export interface Zone {
  id: string;
  code: string;
  name: string;
  kind: ZoneKind;
  population: number | null;
}

export interface PlanObjective {
  id: string;
  axisId: string;
  code: string;
  title: string;
  description: string;
}

export interface ThematicAxis {
  id: string;
  code: string;
  name: string;
  description: string;
  objectives: PlanObjective[];
}
